package web_test

import (
	"net/http"
	"net/url"
	"regexp"
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

// TestBackAfterReply: a parent replying from a thread opened in the inbox
// lands on the reply with a way back to the inbox, not to « Messages
// envoyés »; a message written from the compose page still leads back to
// the sent messages.
func TestBackAfterReply(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Sortie jeudi", "Départ à 8 h 30.")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	msg, _, _ := strings.Cut(p.Header.Get("Location"), "?")
	if own := prof.get(p.Header.Get("Location")).Body; !strings.Contains(own, `<a href="/sent">← Messages envoyés</a>`) {
		t.Error("a message written from the compose page does not lead back to the sent messages")
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	thread := parent.get(msg).Body
	if !strings.Contains(thread, `<a href="/inbox">← Boîte de réception</a>`) {
		t.Fatal("the received message does not lead back to the inbox")
	}
	reply := parent.postMultipart("/compose", url.Values{"csrf": {field(t, thread, "csrf")}, "reply_to": {field(t, thread, "reply_to")},
		"de": {field(t, thread, "de")}, "to": {"user:prof.martin"}, "subject": {"RE : Sortie jeudi"}, "body": {"Bien reçu, merci."}})
	if reply.Status != http.StatusSeeOther {
		t.Fatalf("reply: %d\n%s", reply.Status, reply.Body)
	}
	after := parent.get(reply.Header.Get("Location")).Body
	if !strings.Contains(after, "Bien reçu, merci.") || !strings.Contains(after, `<a href="/inbox">← Boîte de réception</a>`) || strings.Contains(after, "← Messages envoyés") {
		t.Errorf("after the reply (%s): %s", reply.Header.Get("Location"), regexp.MustCompile(`<p><a href="[^"]*">← [^<]*</a></p>`).FindString(after))
	}
	// A made-up folder is not followed.
	mine, _, _ := strings.Cut(reply.Header.Get("Location"), "?")
	if odd := parent.get(mine + "?de=javascript:x").Body; strings.Contains(odd, "javascript:") || !strings.Contains(odd, `<a href="/sent">← Messages envoyés</a>`) {
		t.Error("an unknown folder is put in the page")
	}
}
