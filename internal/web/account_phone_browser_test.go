package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserHeadAccountOnPhone: a head opens a parent's account with an
// open session: at 390 px the page does not scroll sideways (the sessions
// table scrolls in its own region), the browser is named, and the page
// passes axe.
func TestBrowserHeadAccountOnPhone(t *testing.T) {
	e := startE2E(t)
	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	e.do(head, chromedp.Navigate(e.url+"/admin/accounts?nom=parent.dupont"), chromedp.WaitVisible(chromedp.CSS("#compte")))
	if got := text(t, head, "main"); !strings.Contains(got, "Chrome sur Linux") || strings.Contains(got, "Mozilla/5.0") {
		t.Errorf("sessions' browsers: %q", got)
	}
	// The administration's tools take three rows at most above the page.
	e.do(head, chromedp.EmulateViewport(390, 844))
	tools, err := chromedp.Run(head, chromedp.Evaluate[[]int](`(() => { const n = document.querySelector(".subnav"); const a = n.querySelector("a").getBoundingClientRect();
		return [Math.round(n.getBoundingClientRect().height), Math.round(a.height)]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if tools[0] > 3*tools[1]+3*4 || tools[1] < 24 {
		t.Errorf("administration's tools at 390 px: %d px high, links %d px", tools[0], tools[1])
	}
	e.shoot(head, "account-admin-sessions")
	e.axe(head, "an account with its sessions")
}
