package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserKeyboardCompose writes and sends a message with the keyboard
// only: Tab to the recipient combobox, type, arrow down, Enter to choose,
// Tab to the subject and the text, Enter on the send button.
func TestBrowserKeyboardCompose(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab(t)
	e.login(ctx, "parent.dupont", false)
	e.do(ctx, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")))

	// tabTo presses Tab until the element with id has the focus, and
	// returns how many presses it took.
	tabTo := func(id string, most int) int {
		t.Helper()
		for n := 1; n <= most; n++ {
			e.do(ctx, chromedp.KeyEvent(kb.Tab))
			at, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`))
			if err != nil {
				t.Fatal(err)
			}
			if at == id {
				return n
			}
		}
		t.Fatalf("#%s not reached in %d Tab presses", id, most)
		return 0
	}
	n := tabTo("dest-q", 30)
	t.Logf("combobox reached in %d Tab presses", n)
	e.do(ctx, chromedp.KeyEvent("Martin"), chromedp.WaitVisible(chromedp.CSS("#dest-suggestions li")))
	expanded, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("dest-q").getAttribute("aria-expanded")`))
	if err != nil || expanded != "true" {
		t.Fatalf("combobox not expanded: %q %v", expanded, err)
	}
	e.do(ctx, chromedp.KeyEvent(kb.ArrowDown))
	active, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const id = document.getElementById("dest-q").getAttribute("aria-activedescendant");
		return id ? document.getElementById(id).textContent : ""; })()`))
	if err != nil || !strings.Contains(active, "Sophie Martin") {
		t.Fatalf("active option after ArrowDown: %q %v", active, err)
	}
	e.do(ctx, chromedp.KeyEvent(kb.Enter))
	chosen := text(t, ctx, "#dest-choisis")
	if !strings.Contains(chosen, "Sophie Martin") {
		t.Fatalf("chosen after Enter: %q", chosen)
	}
	// Enter chose a recipient; it did not send the message.
	if got := text(t, ctx, "main h1"); !strings.Contains(got, "Écrire") {
		t.Fatalf("Enter in the combobox submitted the form: %q", got)
	}
	e.shoot(ctx, "compose-keyboard")
	tabTo("subject", 20)
	e.do(ctx, chromedp.KeyEvent("Absence de Léa jeudi"))
	tabTo("body", 3)
	e.do(ctx, chromedp.KeyEvent("Bonjour, Léa sera absente jeudi pour un rendez-vous médical. Marie Dupont"))
	tabTo("envoyer", 12)
	e.do(ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(".flash")))
	if got := text(t, ctx, ".flash"); !strings.Contains(got, "Message envoyé") {
		t.Fatalf("after sending: %q", got)
	}
	if got := text(t, ctx, "main h1") + text(t, ctx, ".thread"); !strings.Contains(got, "Absence de Léa jeudi") || !strings.Contains(got, "rendez-vous médical") {
		t.Fatalf("thread: %q", got)
	}
}

// TestBrowserLegalPages checks the footer's pages, public and accessible.
func TestBrowserLegalPages(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab(t)
	for _, c := range []struct{ path, heading string }{
		{"/accessibilite", "Déclaration d’accessibilité"},
		{"/mentions-legales", "Mentions légales"},
		{"/contact", "Contact"},
	} {
		e.do(ctx, chromedp.Navigate(e.url+c.path), chromedp.WaitVisible(chromedp.CSS("main h1")))
		if got := text(t, ctx, "main h1"); got != c.heading {
			t.Errorf("%s: heading %q", c.path, got)
		}
		foot := text(t, ctx, "footer")
		for _, want := range []string{"Accessibilité\u00a0: partiellement conforme", "Mentions légales", "Données personnelles", "Contact"} {
			if !strings.Contains(foot, want) {
				t.Errorf("%s: footer lacks %q: %q", c.path, want, foot)
			}
		}
		e.axe(ctx, c.path)
	}
	e.shoot(ctx, "contact")
}
