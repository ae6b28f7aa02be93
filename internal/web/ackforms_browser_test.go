package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// messageID is the id of the message the tab shows (/messages/ID…).
func (e *e2e) messageID(ctx context.Context) string {
	e.t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		e.t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil || !strings.HasPrefix(u.Path, "/messages/") {
		e.t.Fatalf("not on a message: %q", loc)
	}
	return strings.TrimPrefix(u.Path, "/messages/")
}

// openLatest opens the newest message of the signed-in person's inbox.
func (e *e2e) openLatest(ctx context.Context, subject string) {
	e.t.Helper()
	e.do(ctx, chromedp.Navigate(e.url+"/inbox"), chromedp.WaitVisible(chromedp.CSS(".messages")))
	if got := text(e.t, ctx, ".messages"); !strings.Contains(got, subject) {
		e.t.Fatalf("inbox without %q: %q", subject, got)
	}
	e.do(ctx, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS(".thread")))
}

// TestBrowserAcknowledgement: the head asks the parents of 4A and 4B to
// acknowledge, one parent does, the head sees who has per class and
// reminds the other, who receives the reminder.
func TestBrowserAcknowledgement(t *testing.T) {
	e := startE2EWithin(t, 10*time.Minute)
	const subject = "Exercice de mise en sûreté jeudi"
	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	// Small batches: each has its own time limit on a busy machine.
	e.do(head, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")))
	e.do(head, chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4A"]`)),
		chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4B"]`)))
	e.do(head, chromedp.SetValue(chromedp.CSS("#subject"), subject),
		chromedp.SetValue(chromedp.CSS("#body"), "Madame, Monsieur,\nun exercice aura lieu jeudi à 10 h.\nLa direction"))
	e.do(head, chromedp.Click(chromedp.CSS("#ack")))
	e.shoot(head, "compose-ack")
	e.submit(head, "#subject")
	if got := text(t, head, ".flash"); !strings.Contains(got, "Message envoyé") {
		t.Fatalf("after sending: %q", got)
	}
	id := e.messageID(head)

	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	e.openLatest(parent, subject)
	if got := text(t, parent, "section.request"); !strings.Contains(got, "Accusé de lecture demandé") {
		t.Fatalf("request section: %q", got)
	}
	e.shoot(parent, "message-ack")
	e.axe(parent, "message with acknowledgement")
	e.submit(parent, "#accuser")
	if got := text(t, parent, ".flash"); !strings.Contains(got, "accusé de lecture est enregistré") {
		t.Fatalf("after acknowledging: %q", got)
	}
	if got := text(t, parent, "section.request"); !strings.Contains(got, "Vous avez accusé lecture") {
		t.Fatalf("after acknowledging: %q", got)
	}

	e.do(head, chromedp.Navigate(e.url+"/messages/"+id), chromedp.WaitVisible(chromedp.CSS("section.request a")),
		chromedp.Click(chromedp.CSS("section.request a")), chromedp.WaitVisible(chromedp.CSS("#synthese")))
	if got := text(t, head, "#synthese"); !strings.Contains(got, "1 sur 2") {
		t.Fatalf("summary: %q", got)
	}
	classes := text(t, head, "main")
	i4a, i4b := strings.Index(classes, "Classe 4A"), strings.Index(classes, "Classe 4B")
	if i4a < 0 || i4b < i4a {
		t.Fatalf("classes: %q", classes)
	}
	if a := classes[i4a:i4b]; !strings.Contains(a, "Marie Dupont") || !strings.Contains(a, "Léa Dupont") || !strings.Contains(a, "Oui, le") {
		t.Fatalf("4A: %q", a)
	}
	if b := classes[i4b:]; !strings.Contains(b, "Paul Durand") || !strings.Contains(b, "Pas encore") {
		t.Fatalf("4B: %q", b)
	}
	e.shoot(head, "results-ack")
	e.axe(head, "results")
	e.submit(head, "#relancer")
	if got := text(t, head, ".flash"); !strings.Contains(got, "Relance envoyée à 1\u00a0destinataire") {
		t.Fatalf("after reminding: %q", got)
	}
	if got := text(t, head, "#relance"+" ~ p"); !strings.Contains(got, "prochaine relance possible") {
		t.Fatalf("reminder section after reminding: %q", got)
	}

	other := e.tab(t)
	e.login(other, "parent.durand", false)
	e.openLatest(other, "Rappel\u00a0: "+subject)
	if got := text(t, other, ".thread"); !strings.Contains(got, "votre accusé de lecture") || !strings.Contains(got, subject) {
		t.Fatalf("reminder thread: %q", got)
	}
	// The reminder is a reply in the thread: the button is on the original.
	e.do(other, chromedp.Navigate(e.url+"/messages/"+id), chromedp.WaitVisible(chromedp.CSS("#accuser")))
	// The parent who acknowledged got no reminder.
	e.do(parent, chromedp.Navigate(e.url+"/inbox"), chromedp.WaitVisible(chromedp.CSS(".messages")))
	if got := text(t, parent, ".messages"); strings.Contains(got, "Rappel") {
		t.Fatalf("reminded a parent who acknowledged: %q", got)
	}
}

// TestBrowserPermissionSlip: a teacher asks a yes/no question of the
// parents of 4A and 4B; one family answers, its second parent sees that
// answer and cannot answer again, the other family answers no; the
// teacher sees the results per class and exports them.
func TestBrowserPermissionSlip(t *testing.T) {
	e := startE2EWithin(t, 10*time.Minute)
	ctx := context.Background()
	hash, err := e.app.Auth.Hasher().Hash(ctx, demoPassword)
	if err != nil {
		t.Fatal(err)
	}
	err = e.app.DB.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.UpsertUser(ctx, bouclier.User{Username: "parent2.dupont", DisplayName: "Jean Dupont", Role: bouclier.RoleParent,
			Academie: "versailles", UAI: "0780001A"}, hash, e.app.Now())
		if err != nil {
			return err
		}
		child, err := tx.UserIDByName(ctx, "eleve.dupont")
		if err != nil {
			return err
		}
		return tx.LinkParent(ctx, id, child)
	})
	if err != nil {
		t.Fatal(err)
	}
	const subject, question = "Autorisation de sortie au Louvre", "Autorisez-vous votre enfant à participer à la sortie\u202f?"
	prof := e.tab(t)
	e.login(prof, "prof.martin", false)
	e.do(prof, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")))
	e.do(prof, chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4A"]`)),
		chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4B"]`)))
	e.do(prof, chromedp.SetValue(chromedp.CSS("#subject"), subject),
		chromedp.SetValue(chromedp.CSS("#body"), "Bonjour,\nmerci de répondre avant vendredi.\nS. Martin"))
	e.do(prof, chromedp.Click(chromedp.CSS("fieldset.request details summary")), chromedp.WaitVisible(chromedp.CSS("#question")))
	e.do(prof, chromedp.SetValue(chromedp.CSS("#question"), question))
	e.shoot(prof, "compose-question")
	e.axe(prof, "compose with a question")
	e.submit(prof, "#subject")
	id := e.messageID(prof)

	answer := func(user, choice string) context.Context {
		ctx := e.tab(t)
		e.login(ctx, user, false)
		e.openLatest(ctx, subject)
		if got := text(t, ctx, "form.answer-form legend"); !strings.Contains(got, question) {
			t.Fatalf("%s’s question: %q", user, got)
		}
		e.do(ctx, chromedp.Click(chromedp.Search(`//label[text()="`+choice+`"]`)))
		e.submit(ctx, "form.answer-form button")
		if got := text(t, ctx, ".flash"); !strings.Contains(got, "réponse est enregistrée") {
			t.Fatalf("%s after answering: %q", user, got)
		}
		return ctx
	}
	dupont := answer("parent.dupont", "Oui")
	e.shoot(dupont, "message-answered")
	answer("parent.durand", "Non")

	second := e.tab(t)
	e.login(second, "parent2.dupont", false)
	e.openLatest(second, subject)
	if got := text(t, second, "section.request"); !strings.Contains(got, "«\u00a0Oui\u00a0», réponse de Marie Dupont") {
		t.Fatalf("second parent sees: %q", got)
	}
	if n, err := chromedp.Run(second, chromedp.Evaluate[int](`document.querySelectorAll("form.answer-form").length`)); err != nil || n != 0 {
		t.Fatalf("second parent offered a form: %d %v", n, err)
	}
	e.axe(second, "message answered by the other parent")

	e.do(prof, chromedp.Navigate(e.url+"/messages/"+id+"/results"), chromedp.WaitVisible(chromedp.CSS("#synthese")))
	if got := text(t, prof, "#synthese"); !strings.Contains(got, "2 sur 2") || !strings.Contains(got, "1 (50\u00a0%)") {
		t.Fatalf("summary: %q", got)
	}
	main := text(t, prof, "main")
	i4a, i4b := strings.Index(main, "Classe 4A"), strings.Index(main, "Classe 4B")
	if i4a < 0 || i4b < i4a || !strings.Contains(main[i4a:i4b], "Léa Dupont") || !strings.Contains(main[i4a:i4b], "Oui") ||
		!strings.Contains(main[i4b:], "Hugo Durand") || !strings.Contains(main[i4b:], "Non") {
		t.Fatalf("results: %q", main)
	}
	e.shoot(prof, "results-form")
	e.axe(prof, "results with answers")
	// The export, fetched by the page with the teacher's session.
	if n, err := chromedp.Run(prof, chromedp.Evaluate[int](`document.querySelectorAll('a[href$="results.csv?type=answers"]').length`)); err != nil || n != 1 {
		t.Fatalf("export link: %d %v", n, err)
	}
	body, err := chromedp.Run(prof, chromedp.Evaluate[string](`fetch(document.querySelector('a[href$="results.csv?type=answers"]').href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader([]byte(strings.TrimPrefix(body, "\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("csv %q: %v", body, err)
	}
	want := [][]string{
		{"Classe", "Élève", "Identifiant", "Question", "Réponse", "Répondu par"},
		{"4A", "Léa Dupont", "eleve.dupont", question, "Oui", "Marie Dupont"},
		{"4B", "Hugo Durand", "eleve.durand", question, "Non", "Paul Durand"},
	}
	if len(rows) != len(want) {
		t.Fatalf("csv rows: %q", rows)
	}
	for i, w := range want {
		if got := rows[i][:len(w)]; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("csv row %d: %q, want %q", i, got, w)
		}
		if i > 0 && rows[i][6] == "" {
			t.Errorf("csv row %d has no date", i)
		}
	}
	// A family's parent cannot read the results.
	e.do(dupont, chromedp.Navigate(e.url+"/messages/"+id+"/results"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := text(t, dupont, "main"); strings.Contains(got, "Hugo Durand") || !strings.Contains(got, "introuvable") {
		t.Fatalf("parent reading results: %q", got)
	}
}
