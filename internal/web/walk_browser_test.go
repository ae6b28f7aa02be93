package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserWalk: a teacher and a parent go through their day as people
// would, at 1280 and 390 px: sign-in, inbox, compose to a class and its
// parents, the message sent, the sent folder, a message received and its
// actions, the account and its second factor; an académie officer opens
// a drill-sized incident on a phone. Every page is shot (BOUCLIER_SHOTS
// sends them elsewhere than /screenshots) and checked by axe.
func TestBrowserWalk(t *testing.T) {
	atSize(t)
	e := startE2EWithin(t, 8*time.Minute)
	const subject = "Conseil de classe du 2e trimestre"
	prof := e.tab(t)
	e.login(prof, "prof.martin", false)
	e.shoot(prof, "walk-prof-inbox")
	e.do(prof, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.Click(chromedp.CSS(`input[value="class:0780001A/4A"]`)),
		chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4A"]`)),
		chromedp.SendKeys(chromedp.CSS("#subject"), subject),
		chromedp.SendKeys(chromedp.CSS("#body"), "Bonjour,\nle conseil de classe aura lieu mardi à 17 h 30.\nS. Martin"))
	e.shoot(prof, "walk-prof-compose")
	e.submit(prof, "#subject")
	e.shoot(prof, "walk-prof-sent-message")
	e.axe(prof, "walk: the message just sent")
	e.do(prof, chromedp.Navigate(e.url+"/sent"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	e.shoot(prof, "walk-prof-sent")
	e.do(prof, chromedp.Navigate(e.url+"/account"), chromedp.WaitVisible(chromedp.CSS(".facts")))
	e.shoot(prof, "walk-prof-account")

	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	e.shoot(parent, "walk-parent-inbox")
	e.do(parent, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS(".thread")))
	e.shoot(parent, "walk-parent-message")
	e.axe(parent, "walk: a message received")
	// On a phone the message's actions sit above it; « Signaler » opens
	// the report form at the page's end, in view.
	e.do(parent, chromedp.EmulateViewport(390, 844))
	// The menu folds on the width's change event: a click before it has
	// lands where the link was (settle).
	e.settle(parent)
	e.follow(parent, `.msg-actions a[href*="signaler=1"]`)
	state, err := chromedp.Run(parent, chromedp.Evaluate[string](`(() => { const d = document.getElementById("signaler"), r = d.getBoundingClientRect();
		return (d.open ? "open" : "closed") + (r.top > -1 && r.top < innerHeight ? " in view" : " out of view, at " + r.top); })()`))
	if err != nil || state != "open in view" {
		t.Errorf("« Signaler » at 390 px: the report form is %q (%v)", state, err)
	}
	e.do(parent, chromedp.EmulateViewport(1280, 900))
	e.shoot(parent, "walk-parent-report-open")
	e.do(parent, chromedp.Navigate(e.url+"/account"), chromedp.WaitVisible(chromedp.CSS(".facts")))
	e.shoot(parent, "walk-parent-account")
	e.submit(parent, `form[action="/account/totp"] button`)
	e.shoot(parent, "walk-parent-totp")

	officer := e.tab(t)
	id := seedDrill(t, e.app.DB, time.Now())
	e.login(officer, "rssi.versailles", false)
	e.do(officer, chromedp.Navigate(fmt.Sprintf("%s/admin/incidents/%d", e.url, id)), chromedp.WaitVisible(chromedp.CSS("main h1")))
	e.shoot(officer, "walk-incident")
}

// follow activates the link sel and waits for the next page to have
// loaded (submit, for a link). The link is activated by the page's own
// click(), not at mouse coordinates, which a layout still moving (the
// menu folding on a phone) can send elsewhere.
func (e *e2e) follow(ctx context.Context, sel string) {
	e.t.Helper()
	e.do(ctx, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Evaluate[chromedp.Void](`void (document.documentElement.dataset.old = "1")`),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).click()`, sel)))
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.dataset.old !== "1" && document.readyState === "complete"`))
		if err == nil && done {
			return
		}
	}
	e.t.Fatalf("no page after following %s", sel)
}
