package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

// TestAdminPendingCounts: the administration home counts what awaits a
// decision in the viewer's scope only, each count linking to its page: a
// head their establishment's held messages and reports, the académie's
// officer the académie's. Anyone else is refused by the service itself.
func TestAdminPendingCounts(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	for _, subj := range []string{"Toilettes", "Bâtiment B"} {
		if p := prof.send([]string{"user:parent.dupont"}, subj, threat); p.Status != http.StatusSeeOther {
			t.Fatalf("send: %d\n%s", p.Status, p.Body)
		}
	}
	p := prof.send([]string{"user:parent.dupont"}, "Sortie", "Départ jeudi à 8 h 30.")
	msg := strings.TrimSuffix(p.Header.Get("Location"), "?envoye=1")
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	if p := parent.post(msg+"/report", url.Values{"csrf": {parent.csrf()}, "motif": {"Harcèlement ou insulte"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("report: %d\n%s", p.Status, p.Body)
	}
	other := newBrowser(t, srv) // another establishment of the académie
	other.login("prof.hugo", e.OTP(t, 0))
	if p := other.send([]string{"user:parent.hugo"}, "Alerte", threat); p.Status != http.StatusSeeOther {
		t.Fatalf("send from 0780002B: %d\n%s", p.Status, p.Body)
	}

	link := func(href, label string) string { return `<a href="` + href + `">` + label + `</a>` }
	for _, c := range []struct {
		user string
		want []string
	}{
		{"principal.moulin", []string{link("/admin/moderation#retenus", "2\u00a0messages retenus à vérifier"),
			link("/admin/moderation#signalements", "1\u00a0signalement ouvert"), link("/admin/incidents", "Aucun incident ouvert")}},
		{"rssi.versailles", []string{link("/admin/moderation#retenus", "3\u00a0messages retenus à vérifier"),
			link("/admin/moderation#signalements", "1\u00a0signalement ouvert")}},
	} {
		b := newBrowser(t, srv)
		b.login(c.user, e.OTP(t, 0))
		p := b.get("/admin")
		for _, w := range c.want {
			if !strings.Contains(p.Body, w) {
				t.Errorf("%s: no %q on the home:\n%s", c.user, w, p.Body)
			}
		}
		m := b.get("/admin/moderation")
		if !strings.Contains(m.Body, `id="retenus"`) || !strings.Contains(m.Body, `id="signalements"`) {
			t.Errorf("%s: the counts' anchors are not on the moderation page", c.user)
		}
	}
	// The service decides, not the page: a teacher, a parent, a head
	// without a session, a stolen head's cookie used from elsewhere and
	// no one get nothing.
	ctx := context.Background()
	moved := e.Actor(t, "principal.moulin")
	moved.Moved = true
	for _, c := range []struct {
		a    bouclier.Actor
		want bouclier.Code
	}{
		{e.Actor(t, "prof.martin"), bouclier.ErrForbidden},
		{e.Actor(t, "parent.dupont"), bouclier.ErrForbidden},
		{bouclier.Actor{User: bouclier.User{ID: 99, Username: "x", Role: bouclier.RoleHead}}, bouclier.ErrUnauthenticated},
		{moved, bouclier.ErrStepUpRequired},
		{bouclier.Actor{}, bouclier.ErrUnauthenticated},
	} {
		if n, err := e.App.Moderation.Pending(ctx, c.a); bouclier.ErrorCode(err) != c.want {
			t.Errorf("%s counts: %+v %v, want %s", c.a.User.Username, n, err, c.want)
		}
	}
	if n, err := e.App.Moderation.Pending(ctx, e.Actor(t, "admin")); err != nil || n.Held != 3 || n.Reports != 1 {
		t.Errorf("national counts: %+v %v", n, err)
	}
}
