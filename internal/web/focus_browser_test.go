package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserFocusOnTheResult: after an action, the focus is on its
// result (the confirmation), not lost at the top of the page; a page
// without one leaves the focus alone.
func TestBrowserFocusOnTheResult(t *testing.T) {
	e := startE2E(t)
	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	focused := func() string {
		t.Helper()
		s, err := chromedp.Run(parent, chromedp.Evaluate[string](`(document.activeElement || {}).className || (document.activeElement || {}).tagName`))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	e.do(parent, chromedp.Navigate(e.url+"/account/notifications"), chromedp.WaitVisible(chromedp.CSS(`input[name="mode"]`)))
	if got := focused(); got != "BODY" {
		t.Errorf("page without a result: focus on %q", got)
	}
	e.do(parent, chromedp.Evaluate[chromedp.Void](`void (document.documentElement.dataset.old = "1")`),
		chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)))
	e.do(parent, chromedp.WaitVisible(chromedp.CSS("main .flash")))
	// The scripts run once the page is parsed: give them a moment.
	got := focused()
	for deadline := time.Now().Add(5 * time.Second); got != "flash" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		got = focused()
	}
	if got != "flash" {
		t.Errorf("after saving, focus on %q, want the confirmation", got)
	}
}
