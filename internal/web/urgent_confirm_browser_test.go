package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWideUrgentConfirm: in Chromium, an académie officer writes an
// urgent message with a file to two establishments; the form's post shows
// the summary (checked by axe at 1280 and 390 px, screenshots saved) and
// sends nothing; « Confirmer l’envoi » sends it, file included, and the
// head of one establishment receives it.
func TestBrowserWideUrgentConfirm(t *testing.T) {
	e := startE2E(t)
	const subject = "Mise en sûreté des établissements"
	doc := filepath.Join(t.TempDir(), "consignes.pdf")
	if err := os.WriteFile(doc, []byte(minimalPDF), 0o600); err != nil {
		t.Fatal(err)
	}
	rssi := e.tab(t)
	e.login(rssi, "rssi.versailles", false)
	e.do(rssi, chromedp.Navigate(e.url+"/compose?to=staff:0780001A"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		// The second establishment's teachers, from the groups listed under
		// the picker (the picker itself has its own test).
		chromedp.Evaluate[chromedp.Void](`void (document.querySelector('input[name="to"][value="teachers:0780002B/2NDE1"]').checked = true)`),
		chromedp.SendKeys(chromedp.CSS("#subject"), subject),
		chromedp.SendKeys(chromedp.CSS("#body"), "Appliquez le plan particulier de mise en sûreté dès réception."),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{doc}),
		chromedp.Click(chromedp.CSS("details.urgent summary")), chromedp.Click(chromedp.CSS("#urgent")),
		chromedp.SendKeys(chromedp.CSS("#urgent_reason"), "alerte attentat"))
	e.submit(rssi, "#subject")
	if h := text(t, rssi, "main h1"); h != "Confirmer l’envoi urgent" {
		t.Fatalf("after the form: %q (%s)", h, text(t, rssi, "main"))
	}
	sum := text(t, rssi, ".confirm ul")
	for _, want := range []string{"3\u00a0destinataires dans 2\u00a0établissements", "Collège Jean Moulin", "Lycée Victor Hugo",
		"Académie de Versailles", subject, "consignes.pdf", "alerte attentat"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q: %q", want, sum)
		}
	}
	if got := text(t, rssi, ".confirm .actions"); !strings.Contains(got, "Confirmer l’envoi") || !strings.Contains(got, "Modifier") {
		t.Errorf("actions: %q", got)
	}
	e.shoot(rssi, "urgent-confirm")
	e.axe(rssi, "urgent send's confirmation")

	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	if strings.Contains(text(t, head, "main"), subject) {
		t.Fatal("sent before confirmation")
	}
	e.submit(rssi, ".confirm form button")
	if got := text(t, rssi, ".flash"); !strings.Contains(got, "Message envoyé") {
		t.Fatalf("after confirming: %q", got)
	}
	e.do(head, chromedp.Navigate(e.url+"/inbox"), chromedp.WaitVisible(chromedp.CSS(".messages a")))
	e.do(head, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS(".files")))
	if got := text(t, head, "main"); !strings.Contains(got, subject) || !strings.Contains(got, "consignes.pdf") {
		t.Errorf("the head's message: %q", got)
	}
}
