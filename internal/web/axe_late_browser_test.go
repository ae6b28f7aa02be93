package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier/internal/store"
)

// TestBrowserAxeLatePages: axe-core at 1280 and 390 px on the pages and
// states no other browser test checks: the activation form, the sign-in's
// second step, an error page, the recovery codes, the step-up a new
// session asks before a factor's setup, an account's legal holds, and an
// académie incident as the head of one of its establishments sees it
// (counted, not named, with the actions of their scope).
func TestBrowserAxeLatePages(t *testing.T) {
	atSize(t)
	e := startE2EWithin(t, 8*time.Minute)
	id := seedDrill(t, e.app.DB, time.Now())
	if err := e.app.DB.InTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.AddCampaignPlace(context.Background(), id, "0780001A", "versailles")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	check := func(ctx context.Context, name, heading string) {
		t.Helper()
		if h := text(t, ctx, "main h1"); !strings.Contains(h, heading) {
			t.Errorf("%s: heading %q, want %q", name, h, heading)
			return
		}
		e.shoot(ctx, name)
		e.axe(ctx, name)
	}

	anon := e.tab(t)
	e.do(anon, chromedp.Navigate(e.url+"/activate"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	check(anon, "activate", "Activer mon compte")

	prof := e.tab(t)
	e.do(prof, chromedp.Navigate(e.url+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "prof.martin"), chromedp.SendKeys(chromedp.CSS("#password"), demoPassword))
	e.submit(prof, "#password")
	check(prof, "login-code", "Code de vérification")
	e.do(prof, chromedp.SendKeys(chromedp.CSS("#otp"), totp(t)))
	e.submit(prof, "#otp")
	e.do(prof, chromedp.Navigate(e.url+"/messages/999999"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	check(prof, "error-not-found", "introuvable")
	e.do(prof, chromedp.Navigate(e.url+"/account"), chromedp.WaitVisible(chromedp.CSS(`form[action="/account/recovery-codes"] button`)))
	e.submit(prof, `form[action="/account/recovery-codes"] button`)
	check(prof, "recovery-codes", "Codes de secours")

	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	e.do(parent, chromedp.Navigate(e.url+"/account"), chromedp.WaitVisible(chromedp.CSS(`form[action="/account/totp"] button`)))
	e.submit(parent, `form[action="/account/totp"] button`)
	check(parent, "step-up", "Confirmer votre identité")

	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	e.do(head, chromedp.Navigate(e.url+"/admin/holds?nom=prof.bernard"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	check(head, "holds", "Conservation des preuves")
	e.do(head, chromedp.Navigate(fmt.Sprintf("%s/admin/incidents/%d", e.url, id)), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := text(t, head, "#etablissements"); !strings.Contains(got, "1 de votre périmètre sur 401") {
		t.Errorf("the head's incident: %q", got)
	}
	check(head, "incident-head", "Incident")
}
