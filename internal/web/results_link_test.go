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
