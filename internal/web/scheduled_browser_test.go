package web_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/server"
)

// TestBrowserScheduledSend: a teacher schedules a message with « Envoyer
// plus tard » in Chromium; the sent folder says when it will go, the
// parent does not have it before that time and has it once the deliverer
// has run at that time. The server's clock is the real one plus a skew the
// test moves, so the second factor's codes stay valid at sign-in.
func TestBrowserScheduledSend(t *testing.T) {
	var skew atomic.Int64
	now := func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }
	e := startE2EOpts(t, 6*time.Minute, server.Options{Now: now})
	ctx := context.Background()
	// No closure at whatever hour the test runs.
	if err := e.app.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "open", "national"); err != nil {
		t.Fatal(err)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	const subject = "Réunion parents-professeurs"
	at := now().Add(20 * time.Minute).In(paris).Truncate(time.Minute)

	prof := e.tab(t)
	e.login(prof, "prof.martin", false)
	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)

	e.do(prof, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4A"]`)),
		chromedp.SendKeys(chromedp.CSS("#subject"), subject),
		chromedp.SendKeys(chromedp.CSS("#body"), "La réunion aura lieu jeudi à 18 h en salle 12."),
		chromedp.Click(chromedp.CSS(`details:has(#send_at) summary`)))
	// The browser is French, as its users' are; the field's format is said
	// in French whatever order the browser shows, and what is chosen is
	// read back in words, as the picker sets it (an input event).
	lang, err := chromedp.Run(prof, chromedp.Evaluate[string](`navigator.language`))
	if err != nil || !strings.HasPrefix(lang, "fr") {
		t.Errorf("the browser's language: %q %v", lang, err)
	}
	if got := text(t, prof, "#send-at-format"); got != "Format\u00a0: jj/mm/aaaa hh:mm (jour, mois, année, heure, minutes)." {
		t.Errorf("the format under the field: %q", got)
	}
	e.do(prof, chromedp.Evaluate[chromedp.Void](`void (() => { const f = document.getElementById("send_at");
		f.value = "`+at.Format("2006-01-02T15:04")+`"; f.dispatchEvent(new Event("input", {bubbles: true})); })()`))
	days := []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	if got, want := text(t, prof, "#send-at-lu"), "Soit le "+days[at.Weekday()]+" "; !strings.HasPrefix(got, want) || !strings.Contains(got, fmt.Sprintf(" à %d\u00a0h\u00a0%02d.", at.Hour(), at.Minute())) {
		t.Errorf("the moment read back: %q", got)
	}
	e.shoot(prof, "compose-later")
	e.axe(prof, "compose with « Envoyer plus tard » open")
	e.submit(prof, "#subject")
	if got := text(t, prof, "main"); !strings.Contains(got, "programmé") {
		t.Fatalf("after scheduling: %q", got)
	}
	// The tag « programmé pour le … » wraps on a phone (shoot fails on a
	// page that scrolls sideways).
	e.shoot(prof, "sent-scheduled")
	e.do(prof, chromedp.Navigate(e.url+"/sent"), chromedp.WaitVisible(chromedp.CSS("main")))
	if got := text(t, prof, "main"); !strings.Contains(got, subject) || !strings.Contains(got, "programmé pour le") {
		t.Errorf("the sent folder: %q", got)
	}
	e.shoot(prof, "sent-folder-scheduled")
	e.do(parent, chromedp.Navigate(e.url+"/inbox"), chromedp.WaitVisible(chromedp.CSS("main")))
	if got := text(t, parent, "main"); strings.Contains(got, subject) {
		t.Fatalf("delivered before its time: %q", got)
	}
	if n, err := e.app.Messaging.DeliverDue(ctx); err != nil || n != 0 {
		t.Fatalf("before its time the deliverer sent %d (%v)", n, err)
	}

	skew.Store(int64(21 * time.Minute))
	if n, err := e.app.Messaging.DeliverDue(ctx); err != nil || n != 1 {
		t.Fatalf("at its time the deliverer sent %d (%v)", n, err)
	}
	e.do(parent, chromedp.Navigate(e.url+"/inbox"), chromedp.WaitVisible(chromedp.CSS("main")))
	if got := text(t, parent, "main"); !strings.Contains(got, subject) {
		t.Errorf("the parent's inbox at its time: %q", got)
	}
}

// TestBrowserDateHintInAnotherLanguage: in a browser set to English, whose
// date field shows mm/dd/yyyy, the page does not say « jj/mm/aaaa » under
// it but warns of the order and points to the date read back in French.
func TestBrowserDateHintInAnotherLanguage(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab(t)
	english := func(c context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(c, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
			Source: `Object.defineProperty(navigator, "language", {get: () => "en-US"});`})
		return chromedp.Void{}, err
	}
	e.do(ctx, english)
	e.login(ctx, "prof.martin", false)
	e.do(ctx, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.Click(chromedp.CSS(`details:has(#send_at) summary`)),
		chromedp.Evaluate[chromedp.Void](`void (() => { const f = document.getElementById("send_at");
			f.value = "2027-03-24T14:30"; f.dispatchEvent(new Event("input", {bubbles: true})); })()`))
	if got := text(t, ctx, "#send-at-format"); strings.Contains(got, "jj/mm/aaaa") || !strings.Contains(got, "mm/dd/yyyy en anglais") {
		t.Errorf("the format said in an English browser: %q", got)
	}
	if got := text(t, ctx, "#send-at-lu"); got != "Soit le mercredi 24\u00a0mars 2027 à 14\u00a0h\u00a030." {
		t.Errorf("the moment read back: %q", got)
	}
	e.axe(ctx, "compose in an English browser")
}
