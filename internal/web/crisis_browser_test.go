package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserReportReachesHead: a parent reports a received message from
// its page in one action, with a reason; the head finds the report, with
// the message's subject, on the moderation page.
func TestBrowserReportReachesHead(t *testing.T) {
	e := startE2EWithin(t, 6*time.Minute)
	const subject = "Remarque sur votre enfant"
	prof := e.tab(t)
	e.login(prof, "prof.martin", false)
	e.do(prof, chromedp.Navigate(e.url+"/compose?to=user:parent.dupont"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.SendKeys(chromedp.CSS("#subject"), subject),
		chromedp.SendKeys(chromedp.CSS("#body"), "Votre enfant ne mérite pas sa place dans ce collège."))
	e.submit(prof, "#subject")
	if got := text(t, prof, ".flash"); !strings.Contains(got, "Message envoyé") {
		t.Fatalf("after sending: %q", got)
	}

	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	e.do(parent, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS("details.report summary")),
		chromedp.Click(chromedp.CSS("details.report summary")),
		chromedp.SendKeys(chromedp.CSS("#commentaire"), "Propos blessants envers notre fille."))
	// Sent without a reason (as a browser that does not check « required »
	// would): the message again, the form open on its error, the focus on
	// the reasons, the comment kept.
	e.submit(parent, "#commentaire")
	state, err := chromedp.Run(parent, chromedp.Evaluate[string](`document.activeElement.id + " " + document.querySelector("details.report").open + " " + document.getElementById("commentaire").value`))
	if err != nil || state != "motif-0 true Propos blessants envers notre fille." {
		t.Errorf("the report form sent back: %q %v", state, err)
	}
	e.shoot(parent, "report-no-reason")
	e.axe(parent, "report without a reason")
	e.do(parent, chromedp.Click(chromedp.CSS("#motif-0")))
	reason := text(t, parent, `label[for="motif-0"]`)
	// Each reason is a line of its own, tall enough for a thumb on a phone,
	// in the text's weight (not a wall of bold).
	e.do(parent, chromedp.EmulateViewport(390, 844))
	target, err := chromedp.Run(parent, chromedp.Evaluate[string](`(() => { const ls = [...document.querySelectorAll('label[for^="motif-"]')];
		const h = Math.min(...ls.map(l => l.closest("div").getBoundingClientRect().height));
		return Math.round(h) + " " + Math.max(...ls.map(l => +getComputedStyle(l).fontWeight)); })()`))
	if err != nil {
		t.Fatal(err)
	}
	var h, weight int
	if _, err := fmt.Sscan(target, &h, &weight); err != nil || h < 44 || weight >= 600 {
		t.Errorf("report reason at 390 px: %q (height, weight)", target)
	}
	e.shoot(parent, "report-reasons")
	e.do(parent, chromedp.EmulateViewport(1280, 900))
	e.submit(parent, "#commentaire")
	if got := text(t, parent, ".flash"); !strings.Contains(got, "signalement a été transmis") {
		t.Fatalf("after reporting: %q", got)
	}

	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	e.do(head, chromedp.Navigate(e.url+"/admin/moderation"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	got := text(t, head, "main")
	for _, want := range []string{reason, "«\u00a0" + subject + "\u00a0»", "De Mme\u00a0Sophie Martin, professeure (4A, 4B)", "par Mme\u00a0Marie Dupont, responsable de Léa Dupont", "Motif\u00a0: " + reason} {
		if !strings.Contains(got, want) {
			t.Errorf("the head's moderation page lacks %q: %q", want, got)
		}
	}
	e.shoot(head, "moderation-report")
	e.axe(head, "moderation with a report")
}

// TestBrowserHeadLocksAndSendsUrgent: the head locks a teacher's account
// from its page with a reason, unlocks it, then sends an urgent message
// from the compose form (one establishment: no summary to confirm).
func TestBrowserHeadLocksAndSendsUrgent(t *testing.T) {
	e := startE2E(t)
	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	e.do(head, chromedp.Navigate(e.url+"/admin/accounts?nom=prof.bernard"), chromedp.WaitVisible(chromedp.CSS("#reason")),
		chromedp.SendKeys(chromedp.CSS("#reason"), "mot de passe volé"))
	e.submit(head, "#reason")
	if got := text(t, head, "main"); !strings.Contains(got, "Verrouillé") || strings.Contains(got, "Non verrouillé") || !strings.Contains(got, "mot de passe volé") {
		t.Fatalf("after locking: %q", got)
	}
	if got := text(t, head, ".flash"); !strings.HasPrefix(got, "Compte verrouillé") {
		t.Errorf("after locking, the page says %q", got)
	}
	e.shoot(head, "admin-account-locked")
	e.axe(head, "a locked account")
	e.submit(head, `form[action$="/unlock"] button`)
	if got := text(t, head, "main"); !strings.Contains(got, "Non verrouillé") {
		t.Fatalf("after unlocking: %q", got)
	}

	const subject = "Confinement en cours"
	e.do(head, chromedp.Navigate(e.url+"/compose?to=parents:0780001A/4A"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.SendKeys(chromedp.CSS("#subject"), subject),
		chromedp.SendKeys(chromedp.CSS("#body"), "Les élèves sont en sécurité dans les salles. Ne venez pas au collège."),
		chromedp.Click(chromedp.CSS("details.urgent summary")), chromedp.Click(chromedp.CSS("#urgent")))
	// Without its reason: asked on its field, which takes the focus, the
	// rest of the form kept.
	e.submit(head, "#subject")
	if got, err := chromedp.Run(head, chromedp.Evaluate[string](`document.activeElement.id + " " + document.getElementById("urgent").checked`)); err != nil || got != "urgent_reason true" {
		t.Errorf("urgent without a reason: focus and box %q %v", got, err)
	}
	e.shoot(head, "compose-urgent-no-reason")
	e.axe(head, "urgent send without its reason")
	e.do(head, chromedp.SendKeys(chromedp.CSS("#urgent_reason"), "alerte intrusion"))
	e.submit(head, "#subject")
	if got := text(t, head, ".flash"); !strings.Contains(got, "Message envoyé") {
		t.Fatalf("after the urgent send: %q (%s)", got, text(t, head, "main"))
	}
	// Messaging was open: the override changed nothing, and the page
	// says so rather than let the head believe the académie was told.
	if got := text(t, head, ".flash"); !strings.Contains(got, "L’envoi urgent n’a pas été nécessaire") {
		t.Errorf("the urgent send while open is not said to be unneeded: %q", got)
	}
	e.shoot(head, "urgent-not-needed")
	e.axe(head, "an urgent send while messaging is open")
	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	if got := text(t, parent, ".messages"); !strings.Contains(got, subject) {
		t.Errorf("the parent's inbox: %q", got)
	}
	// The parent's sessions, on the head's phone: stacked, not cut.
	e.do(head, chromedp.Navigate(e.url+"/admin/accounts?nom=parent.dupont"), chromedp.WaitVisible(chromedp.CSS(".table-wrap")), chromedp.EmulateViewport(390, 844))
	over, err := chromedp.Run(head, chromedp.Evaluate[bool](`(w => w.scrollWidth > w.clientWidth)(document.querySelector(".table-wrap"))`))
	e.do(head, chromedp.EmulateViewport(1280, 900))
	if err != nil || over {
		t.Errorf("the account's sessions scroll sideways at 390 px (%v)", err)
	}
	e.shoot(head, "admin-account-sessions")
	e.axe(head, "an account's sessions")
}
