package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFormErrors: in Chromium, a form shown again with errors puts
// the focus on the first field in error, which is described by its
// message, and the page passes axe at 1280 and 390 px.
func TestBrowserFormErrors(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab(t)
	focus := func(want string) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const a = document.activeElement;
			return a.id + "|" + a.getAttribute("aria-invalid") + "|" + (a.getAttribute("aria-describedby") || "").split(" ").map(id => (document.getElementById(id) || {}).textContent || "?").join(" / "); })()`))
		if err != nil {
			t.Fatal(err)
		}
		if want == "" {
			t.Logf("focus: %s", got)
			return
		}
		if len(got) < len(want) || got[:len(want)] != want {
			t.Errorf("focus on %q, want %q…", got, want)
		}
	}

	// Login: an identifier and a wrong password.
	e.do(ctx, chromedp.Navigate(e.url+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "parent.dupont"), chromedp.SendKeys(chromedp.CSS("#password"), "pas le bon"))
	e.submit(ctx, "#password")
	focus("password|true|Erreur\u00a0: Identifiant ou mot de passe incorrect.")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#username"))); v != "parent.dupont" {
		t.Errorf("identifier not kept: %q", v)
	}
	e.shoot(ctx, "login-error")
	e.axe(ctx, "login with an error")

	// Compose: a subject only.
	e.login(ctx, "prof.martin", false)
	e.do(ctx, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.SendKeys(chromedp.CSS("#subject"), "Sortie jeudi"),
		// The browser's own checks would stop the form before the server's.
		chromedp.Evaluate[chromedp.Void](`void document.querySelector("form.compose").setAttribute("novalidate", "")`))
	e.submit(ctx, "#subject")
	focus("dest-q|true|Erreur\u00a0: Choisissez au moins un destinataire.")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#subject"))); v != "Sortie jeudi" {
		t.Errorf("subject not kept: %q", v)
	}
	e.shoot(ctx, "compose-errors")
	e.axe(ctx, "compose with errors")
}
