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
	// The administration's tools fold behind one button above the page;
	// pressed, it shows every tool as a target of 24 px at least.
	e.do(head, chromedp.EmulateViewport(390, 844))
	e.settle(head)
	tools := func() []int {
		t.Helper()
		got, err := chromedp.Run(head, chromedp.Evaluate[[]int](`(() => { const n = document.querySelector(".subnav");
			const links = [...n.querySelectorAll("a")].filter(a => a.getClientRects().length > 0);
			return [Math.round(n.getBoundingClientRect().height), links.length, Math.min(...links.map(a => Math.round(a.getBoundingClientRect().height)))]; })()`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := tools(); got[0] > 60 || got[1] != 0 {
		t.Errorf("administration's tools folded at 390 px: %d px high, %d links shown", got[0], got[1])
	}
	e.do(head, chromedp.Click(chromedp.CSS(".subnav-btn")))
	if got := tools(); got[1] != 8 || got[2] < 24 {
		t.Errorf("administration's tools unfolded at 390 px: %d links shown, smallest %d px", got[1], got[2])
	}
	if got, err := chromedp.Run(head, chromedp.Evaluate[string](`document.querySelector(".subnav-btn").getAttribute("aria-expanded")`)); err != nil || got != "true" {
		t.Errorf("the tools' button after a press: aria-expanded=%q (%v)", got, err)
	}
	e.shoot(head, "account-admin-sessions")
	e.axe(head, "an account with its sessions")
}
