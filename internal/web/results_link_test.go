package web_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
)

// TestHeadSeesResultsLink: the head of the sender's establishment, who
// received a message asking for an acknowledgement, finds on it the link
// to its results and may open them; other recipients (staff, a parent)
// see no link and are refused the page by the service.
func TestHeadSeesResultsLink(t *testing.T) {
	e, srv := env(t)
	e.Actor(t, "prof.martin")
	sess := e.Login(t, "prof.martin")
	res, err := e.App.Messaging.Send(auth.WithSession(context.Background(), sess), sess.User, messaging.Draft{
		To: []string{"user:principal.moulin", "user:cpe.moulin", "user:parent.dupont"}, Subject: "Réunion parents-professeurs",
		Body: "Merci de confirmer votre lecture.", Ack: true, SessionID: sess.PublicID}, "test")
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(res.ID, 10)
	link := `href="/messages/` + id + `/results"`

	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	staff := newBrowser(t, srv)
	staff.login("cpe.moulin", e.OTP(t, 1))
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")

	for _, c := range []struct {
		name    string
		b       *browser
		link    bool
		results int
	}{
		{"head of the establishment", head, true, http.StatusOK},
		{"staff member", staff, false, http.StatusNotFound},
		{"parent", parent, false, http.StatusNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := c.b.get("/messages/" + id)
			if p.Status != http.StatusOK || !strings.Contains(p.Body, "Accusé de lecture demandé") {
				t.Fatalf("message page: %d\n%s", p.Status, p.Body)
			}
			if got := strings.Contains(p.Body, link); got != c.link {
				t.Errorf("results link shown: %v, want %v", got, c.link)
			}
			if p := c.b.get("/messages/" + id + "/results"); p.Status != c.results {
				t.Errorf("results page: %d, want %d", p.Status, c.results)
			}
		})
	}
}

// TestReminderSentenceAgrees: the results page says to whom a reminder
// goes in agreement with their number and without a gender (not « leur
// est envoyée à eux seuls » for one recipient).
func TestReminderSentenceAgrees(t *testing.T) {
	e, srv := env(t)
	e.Actor(t, "prof.martin")
	sess := e.Login(t, "prof.martin")
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 1))
	for _, c := range []struct {
		to   []string
		want string
	}{
		{[]string{"user:parent.dupont"}, "1&nbsp;destinataire n’a pas encore répondu. La relance n’est envoyée qu’à ce destinataire, dans le fil"},
		{[]string{"user:parent.dupont", "user:parent.durand"}, "2&nbsp;destinataires n’ont pas encore répondu. La relance n’est envoyée qu’à ces destinataires, dans le fil"},
	} {
		res, err := e.App.Messaging.Send(auth.WithSession(context.Background(), sess), sess.User, messaging.Draft{
			To: c.to, Subject: "Réunion", Body: "Merci de confirmer votre lecture.", Ack: true, SessionID: sess.PublicID}, "test")
		if err != nil {
			t.Fatal(err)
		}
		if body := prof.get("/messages/" + strconv.FormatInt(res.ID, 10) + "/results").Body; !strings.Contains(body, c.want) || strings.Contains(body, "eux seuls") {
			t.Errorf("%v: lacks %q", c.to, c.want)
		}
	}
}
