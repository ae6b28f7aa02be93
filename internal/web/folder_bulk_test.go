package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestFolderBulk marks several messages read, trashes and restores them in
// one action each, and checks that ids of messages the user did not
// receive change nothing.
func TestFolderBulk(t *testing.T) {
	e, srv := env(t)
	teacher := newBrowser(t, srv)
	teacher.login("prof.martin", e.OTP(t, 0))
	for _, s := range []string{"Sortie jeudi", "Réunion parents", "Cahier de textes"} {
		if p := teacher.send([]string{"user:parent.dupont"}, s, "Bonjour."); p.Status != http.StatusSeeOther {
			t.Fatalf("send %q: %d\n%s", s, p.Status, p.Body)
		}
	}
	other := teacher.send([]string{"user:parent.durand"}, "Pour une autre famille", "Bonjour.")
	otherID := regexp.MustCompile(`/messages/(\d+)`).FindStringSubmatch(other.Header.Get("Location"))
	if otherID == nil {
		t.Fatalf("no id for the other family's message: %v", other.Header)
	}

	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	inbox := parent.get("/inbox")
	ids := regexp.MustCompile(`name="id" value="(\d+)"`).FindAllStringSubmatch(inbox.Body, -1)
	if len(ids) != 3 || !strings.Contains(inbox.Body, "3 non lus") {
		t.Fatalf("inbox: %d selectable\n%s", len(ids), inbox.Body)
	}
	act := func(action string, sel ...string) page {
		t.Helper()
		return parent.post("/messages/selection", url.Values{"csrf": {parent.csrf()}, "action": {action}, "id": sel})
	}
	// Two of mine and one of another family's: two change.
	p := act("lu", ids[0][1], ids[1][1], otherID[1])
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/inbox?ok=lus&n=2" {
		t.Fatalf("mark read: %d %s", p.Status, p.Header.Get("Location"))
	}
	if in := parent.get(p.Header.Get("Location")); !strings.Contains(in.Body, "1 non lu") || !strings.Contains(in.Body, "2\u00a0messages marqués comme lus.") {
		t.Fatalf("after marking read:\n%s", in.Body)
	}
	p = act("corbeille", ids[0][1], ids[2][1])
	if p.Header.Get("Location") != "/inbox?ok=supprimes&n=2" {
		t.Fatalf("trash: %d %s", p.Status, p.Header.Get("Location"))
	}
	if tr := parent.get("/trash"); strings.Count(tr.Body, `name="id"`) != 2 {
		t.Fatalf("trash holds:\n%s", tr.Body)
	}
	p = act("restaurer", ids[0][1])
	if p.Header.Get("Location") != "/trash?ok=restaures&n=1" {
		t.Fatalf("restore: %d %s", p.Status, p.Header.Get("Location"))
	}
	// Bad input: an unknown action, a forged id, no token.
	if p := act("effacer-tout", ids[0][1]); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("unknown action: %d", p.Status)
	}
	if p := act("lu", "1; DROP TABLE deliveries"); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("forged id: %d", p.Status)
	}
	if p := parent.post("/messages/selection", url.Values{"action": {"corbeille"}, "id": {ids[1][1]}}); p.Status != http.StatusForbidden {
		t.Errorf("without the CSRF token: %d", p.Status)
	}
	// The other family's message is untouched: still unread for them.
	fam := newBrowser(t, srv)
	fam.login("parent.durand", "")
	if in := fam.get("/inbox"); !strings.Contains(in.Body, "1 non lu") {
		t.Fatalf("the other family's message was changed:\n%s", in.Body)
	}
}
