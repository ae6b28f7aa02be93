package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestFollowUpIsNotAReply: on one's own message that nobody answered, the
// form writes again to the same recipients and says so (not « Répondre »
// to oneself, nor « RE : » before the subject); the recipient's form is a
// reply.
func TestFollowUpIsNotAReply(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Sortie jeudi", "Départ à 8 h 30.")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	msg, _, _ := strings.Cut(p.Header.Get("Location"), "?")
	own := prof.get(msg).Body
	for _, w := range []string{">Écrire une suite aux mêmes destinataires</h2>", `id="reply-subject" name="subject" type="text" value="Sortie jeudi"`, ">Envoyer la suite</button>"} {
		if !strings.Contains(own, w) {
			t.Errorf("own message lacks %q", w)
		}
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	got := parent.get(msg).Body
	for _, w := range []string{">Répondre</h2>", "value=\"RE\u00a0: Sortie jeudi\"", ">Envoyer la réponse</button>"} {
		if !strings.Contains(got, w) {
			t.Errorf("received message lacks %q", w)
		}
	}
}
