package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestBrowserClassAndParentsUnderTheCircular: under the 2024 circular's
// rule for pupils (they receive nothing), a teacher writes to « Élèves de 4A » and
// « Parents de 4A » in Chromium: the message is sent, the page names the
// pupils left out and why, after the send and from the sent folder, and
// the parent receives it.
func TestBrowserClassAndParentsUnderTheCircular(t *testing.T) {
	e := startE2EWithin(t, 6*time.Minute)
	// The circular's rule for pupils alone: its night closure of adults
	// would depend on the hour the test runs (the browser tests use the
	// real clock).
	ctx, actor := context.Background(), bouclier.SystemActor("test")
	if err := e.app.Rules.ApplyPreset(ctx, actor, "open", "national"); err != nil {
		t.Fatal(err)
	}
	closePupils(t, e.app.Rules)
	const subject = "Sortie au musée d’Orsay"
	prof := e.tab(t)
	e.login(prof, "prof.martin", false)
	e.do(prof, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.Click(chromedp.CSS(`input[value="class:0780001A/4A"]`)),
		chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4A"]`)),
		chromedp.SendKeys(chromedp.CSS("#subject"), subject),
		chromedp.SendKeys(chromedp.CSS("#body"), "Départ jeudi à 8 h 30 devant le collège."))
	e.submit(prof, "#subject")
	got := text(t, prof, "main")
	if !strings.Contains(got, "Message envoyé") || !strings.Contains(got, "ne peut pas le recevoir") {
		t.Fatalf("after sending: %q", got)
	}
	// The pupil is named as not reached, with the rule, after the send
	// and in the sent folder's view of the message.
	notReached := func(when string) {
		got := text(t, prof, "#non-distribue + p + ul")
		if got := text(t, prof, ".unreached"); !strings.Contains(got, "Non distribué à") || !strings.Contains(got, "ne peut pas recevoir de messages") ||
			!strings.Contains(got, "Messagerie fermée aux élèves") {
			t.Errorf("%s: %q", when, got)
		}
		if got != "Léa Dupont, élève de 4A" {
			t.Errorf("%s: not reached %q, want the pupil by name", when, got)
		}
	}
	notReached("after the send")
	e.shoot(prof, "sent-not-reached")
	e.axe(prof, "message sent with recipients left out")
	e.do(prof, chromedp.Navigate(e.url+"/sent"), chromedp.WaitVisible(chromedp.CSS(".messages")))
	e.do(prof, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS(".unreached")))
	notReached("from the sent folder")
	e.shoot(prof, "sent-folder-not-reached")
	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	if got := text(t, parent, ".messages"); !strings.Contains(got, subject) {
		t.Errorf("the parent's inbox: %q", got)
	}
}

// TestBrowserSearchAmong20000: a parent with 20,000 messages finds the one
// about Giverny with the inbox's search form in Chromium.
func TestBrowserSearchAmong20000(t *testing.T) {
	atSize(t)
	e := startE2EWithin(t, 6*time.Minute)
	ctx := context.Background()
	prof, err := e.app.DB.UserByName(ctx, "prof.martin")
	if err != nil {
		t.Fatal(err)
	}
	parent, err := e.app.DB.UserByName(ctx, "parent.dupont")
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	start := time.Now().Add(-n * time.Minute)
	for i := 0; i < n; i += 1000 {
		err := e.app.DB.InTx(ctx, func(tx *store.Tx) error {
			for j := i; j < i+1000; j++ {
				body := fmt.Sprintf("Les devoirs de la semaine %d sont en ligne.", j)
				if j == 7321 {
					body = "La sortie à Giverny est confirmée pour jeudi."
				}
				if _, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: prof.ID, Subject: fmt.Sprintf("Devoirs n° %d", j), Body: body,
					To: []string{"user:parent.dupont"}, Status: bouclier.StatusDelivered, SentAt: store.Micros(start.Add(time.Duration(j) * time.Minute)),
					UAI: "0780001A", Academie: "versailles"}, []int64{parent.ID}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tab := e.tab(t)
	e.login(tab, "parent.dupont", false)
	if got := text(t, tab, "main h1"); !strings.Contains(got, "20\u202f000 non lus") {
		t.Fatalf("inbox heading: %q", got)
	}
	e.do(tab, chromedp.SendKeys(chromedp.CSS("#q"), "giverny"))
	e.submit(tab, "#q")
	rows, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".messages li .subject")].map(s => s.textContent)`))
	if err != nil || len(rows) != 1 || !strings.Contains(rows[0], "Devoirs n° 7321") {
		t.Fatalf("search results: %q %v", rows, err)
	}
	e.shoot(tab, "inbox-search")
	e.axe(tab, "inbox search among 20,000")
}
