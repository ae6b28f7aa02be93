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
	// The browser is French, as its users' are (its date field may still
	// show mm/dd/yyyy: Debian's Chromium has no French resources); the
	// hint names no order, and what is chosen is read back in words, as
	// the picker sets it (an input event).
	lang, err := chromedp.Run(prof, chromedp.Evaluate[string](`navigator.language`))
	if err != nil || !strings.HasPrefix(lang, "fr") {
		t.Errorf("the browser's language: %q %v", lang, err)
	}
	if got := text(t, prof, "#send-at-format"); got != nativeDateHint {
		t.Errorf("the hint under the field: %q", got)
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

// nativeDateHint is said under a browser's own date field (static/app.js).
const nativeDateHint = "Le champ montre la date dans l’ordre de votre navigateur (le jour ou le mois en premier)\u00a0: vérifiez-la dans la phrase en toutes lettres qui s’affiche dessous."

// TestBrowserDateHintWhateverTheLanguage: the hint under a date field does
// not depend on the browser's language, which does not tell the order its
// date field shows (a French Chromium without its French resources shows
// mm/dd/yyyy): under the browser's own field it names no order and points
// to the date read back in French, the same in a browser that says
// English or French; in a browser without a date field (a text box) it
// says jj/mm/aaaa hh:mm and reads back what is typed so.
func TestBrowserDateHintWhateverTheLanguage(t *testing.T) {
	e := startE2E(t)
	for _, c := range []struct {
		name, user, script, value, hint string
	}{
		// Three personnel, each with the code of this 30-second step.
		{"English", "prof.martin", `Object.defineProperty(navigator, "language", {get: () => "en-US"});`, "2027-03-24T14:30", nativeDateHint},
		{"French", "prof.bernard", `Object.defineProperty(navigator, "language", {get: () => "fr-FR"});`, "2027-03-24T14:30", nativeDateHint},
		// A browser without the date field: the field is a text box before
		// the page's script looks at it.
		{"text box", "principal.moulin", `document.addEventListener("DOMContentLoaded", () => { const f = document.getElementById("send_at"); if (f) f.type = "text"; });`,
			"24/03/2027 14:30", "Format\u00a0: jj/mm/aaaa hh:mm (jour, mois, année, heure, minutes), par exemple 24/03/2027 14:30."},
	} {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			ctx := e.tab(t)
			e.do(ctx, func(cx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				_, err := cdp.Call(cx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: c.script})
				return chromedp.Void{}, err
			})
			e.login(ctx, c.user, false)
			e.do(ctx, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")),
				chromedp.Click(chromedp.CSS(`details:has(#send_at) summary`)),
				chromedp.Evaluate[chromedp.Void](`void (() => { const f = document.getElementById("send_at");
					f.value = "`+c.value+`"; f.dispatchEvent(new Event("input", {bubbles: true})); })()`))
			if got := text(t, ctx, "#send-at-format"); got != c.hint {
				t.Errorf("the hint: %q, want %q", got, c.hint)
			}
			if got := text(t, ctx, "#send-at-lu"); got != "Soit le mercredi 24\u00a0mars 2027 à 14\u00a0h\u00a030." {
				t.Errorf("the moment read back: %q", got)
			}
			if c.name == "text box" {
				e.axe(ctx, "compose with a text box for the date")
			}
		})
	}
}
