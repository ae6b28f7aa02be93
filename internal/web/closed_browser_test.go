package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserPupilUnderTheCircular: a pupil whose messaging the circular
// closes opens the site in Chromium: the inbox says why and offers no
// « Écrire un message »; « Écrire » in the menu explains instead of
// handing a form that could only be refused, and leads back to the inbox.
func TestBrowserPupilUnderTheCircular(t *testing.T) {
	e := startE2EWithin(t, 4*time.Minute)
	closePupils(t, e.app.Rules)
	pupil := e.tab(t)
	e.login(pupil, "eleve.dupont", false)
	if got := text(t, pupil, ".banner"); !strings.Contains(got, "Messagerie fermée aux élèves") {
		t.Errorf("banner: %q", got)
	}
	n, err := chromedp.Run(pupil, chromedp.Evaluate[int](`document.querySelectorAll('main a[href="/compose"]').length`))
	if err != nil || n != 0 {
		t.Errorf("inbox offers « Écrire un message »: %d %v", n, err)
	}
	e.do(pupil, chromedp.Click(chromedp.CSS(`nav a[href="/compose"]`)), chromedp.WaitVisible(chromedp.CSS("#envoi-ferme")))
	if n, err := chromedp.Run(pupil, chromedp.Evaluate[int](`document.querySelectorAll("form.compose, #subject, #body").length`)); err != nil || n != 0 {
		t.Errorf("compose form handed to a closed pupil: %d %v", n, err)
	}
	e.shoot(pupil, "compose-closed")
	e.axe(pupil, "compose (sending closed)")
	e.do(pupil, chromedp.Click(chromedp.CSS(`#envoi-ferme a[href="/inbox"]`)), chromedp.WaitVisible(chromedp.CSS(`a[href="/inbox"][aria-current="page"]`)))
}
