package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// TestPeopleWithCivility: people are named with the directory's civility
// and their role agrees with it, in the inbox, the thread, the header,
// the account page and the head's account search: « Mme Sophie Martin,
// professeure (4A, 4B) », « Mme Marie Dupont, responsable de Léa Dupont
// (4A) », « (enseignante) ». Without a civility the labels stay epicene
// (« Sophie Martin, enseigne en 4A et 4B »); a pupil is never given one.
func TestPeopleWithCivility(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Sortie jeudi", "Départ à 8 h 30.")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	msg, _, _ := strings.Cut(p.Header.Get("Location"), "?")
	for path, want := range map[string]string{
		"/inbox":   `<p class="who">Sophie Martin <span class="role">(enseignante)</span></p>`,
		"/account": "<dt>Rôle</dt><dd>enseignante</dd>",
	} {
		if body := prof.get(path).Body; !strings.Contains(body, want) {
			t.Errorf("%s lacks %q", path, want)
		}
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	const sophie = "Mme\u00a0Sophie Martin, professeure (4A, 4B)"
	for _, path := range []string{"/inbox", msg} {
		if body := parent.get(path).Body; !strings.Contains(body, sophie) {
			t.Errorf("%s does not name the teacher %q", path, sophie)
		}
	}
	thread := parent.get(msg).Body
	reply := parent.postMultipart("/compose", url.Values{"csrf": {field(t, thread, "csrf")}, "reply_to": {field(t, thread, "reply_to")},
		"to": {"user:prof.martin"}, "subject": {"RE : Sortie jeudi"}, "body": {"Bien reçu."}})
	if reply.Status != http.StatusSeeOther {
		t.Fatalf("reply: %d\n%s", reply.Status, reply.Body)
	}
	const marie = "Mme\u00a0Marie Dupont, responsable de Léa Dupont (4A)"
	if body := prof.get("/inbox").Body; !strings.Contains(body, marie) {
		t.Errorf("the teacher's inbox does not name the parent %q", marie)
	}
	if body := prof.get("/inbox").Body; strings.Contains(body, "M.\u00a0") {
		t.Error("someone is given « M. » in the teacher's inbox")
	}

	// A pupil given a civility by a directory is still named without it;
	// the head's search names the adults with theirs.
	set := func(username, civility string) {
		t.Helper()
		u, err := e.App.DB.UserByName(ctx, username)
		if err != nil {
			t.Fatal(err)
		}
		u.Civility = civility
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { _, err := tx.UpsertUser(ctx, u, "", time.Now()); return err }); err != nil {
			t.Fatal(err)
		}
	}
	set("eleve.dupont", "Mme")
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	found := head.get("/admin/accounts?nom=dupont").Body
	if !strings.Contains(found, marie) || !strings.Contains(found, ">Léa Dupont, élève de 4A<") || strings.Contains(found, "Mme\u00a0Léa") {
		t.Errorf("the head's search:\n%s", found)
	}
	// The accounts to watch on the dashboard (the teacher signed in from
	// a new device) give her role agreeing.
	if dash := head.get("/admin/dashboard").Body; !strings.Contains(dash, `prof.martin</span></td><td role="cell" data-label="Rôle">enseignante</td>`) {
		t.Error("the dashboard's accounts to watch do not say « enseignante »")
	}

	// Without a civility: epicene, as before the directory gave one.
	set("prof.martin", "")
	if body := parent.get(msg).Body; !strings.Contains(body, "Sophie Martin, enseigne en 4A et 4B") || strings.Contains(body, "Mme\u00a0Sophie") || strings.Contains(body, "professeur") {
		t.Error("without a civility the teacher is not named epicene")
	}
	again := newBrowser(t, srv)
	again.login("prof.martin", e.OTP(t, 1))
	if body := again.get("/account").Body; !strings.Contains(body, "<dt>Rôle</dt><dd>enseignant</dd>") {
		t.Error("without a civility the role is not the role's name")
	}
}
