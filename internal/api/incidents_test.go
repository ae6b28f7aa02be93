package api_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/moderation"
)

// TestIncidents: a wave from three parents of three establishments opens
// an incident that the contract's list shows in each viewer's scope, with
// its timeline, evidence and closing.
func TestIncidents(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		for _, s := range []struct{ from, to, text string }{
			{"parent.dupont", "prof.martin", threat},
			{"parent.hugo", "prof.hugo", "Il y a des explosifs cachés dans les toilettes du bâtiment C !"},
			{"parent.reunion", "prof.reunion", "Il y a des explosifs cachés dans les toilettes du bâtiment B, vous êtes prévenus."},
		} {
			tok := c.login(s.from)
			if r := c.send(tok, []string{"user:" + s.to}, "Alerte", s.text); r.Status != 201 && r.Status != 422 {
				t.Fatalf("send: %d %s", r.Status, r.Raw)
			}
		}
		if err := e.App.Campaign.Sweep(context.Background()); err != nil {
			t.Fatal(err)
		}
		admin := c.login("admin")
		r := c.do("GET", "/api/v1/admin/incidents", admin, nil)
		list, _ := r.Body["incidents"].([]any)
		if r.Status != 200 || len(list) != 1 {
			t.Fatalf("list: %d %s", r.Status, r.Raw)
		}
		in := list[0].(map[string]any)
		if in["status"] != "open" || in["messages"].(float64) != 3 || len(in["accounts"].([]any)) != 3 || len(in["establishments"].([]any)) != 3 {
			t.Fatalf("incident: %s", r.Raw)
		}
		// accounts are the wave's senders; locked_accounts the ones the
		// containment locked, which needs a strong account signal these
		// parents, signed in from their usual network, do not have.
		if locked, ok := in["locked_accounts"].([]any); !ok || len(locked) != 0 {
			t.Errorf("locked_accounts: %s", r.Raw)
		}
		id := in["id"].(string)
		if r := c.do("GET", "/api/v1/admin/incidents", c.login("rssi.versailles"), nil); len(r.Body["incidents"].([]any)) != 1 {
			t.Errorf("académie admin: %s", r.Raw)
		}
		head := c.login("principal.moulin")
		// The head sees the wave's counts, but only their own school's
		// messages and accounts.
		if r := c.do("GET", "/api/v1/admin/incidents/"+id, head, nil); r.Status != 200 || len(r.Body["timeline"].([]any)) == 0 ||
			len(r.Body["message_ids"].([]any)) != 1 || len(r.Body["accounts"].([]any)) != 1 || r.Body["accounts"].([]any)[0] != "parent.dupont" {
			t.Errorf("head view: %d %s", r.Status, r.Raw)
		}
		if r := c.do("GET", "/api/v1/admin/incidents", c.login("prof.martin"), nil); r.Status != 403 {
			t.Errorf("teacher: %d", r.Status)
		}
		if r := c.do("GET", "/api/v1/admin/incidents/999", admin, nil); r.Status != 404 {
			t.Errorf("unknown: %d", r.Status)
		}
		w := c.do("GET", "/api/v1/admin/incidents/"+id+"/evidence", admin, nil)
		if w.Status != 200 {
			t.Fatalf("evidence: %d %s", w.Status, w.Raw)
		}
		if n, err := moderation.VerifyManifest(bytes.NewReader([]byte(w.Raw)), int64(len(w.Raw))); err != nil || n < 3 {
			t.Errorf("evidence manifest: %d %v", n, err)
		}
		if r := c.do("POST", "/api/v1/admin/incidents/"+id+"/close", head, nil); r.Status != 403 {
			t.Errorf("head closing a multi-establishment incident: %d %s", r.Status, r.Raw)
		}
		if r := c.do("POST", "/api/v1/admin/incidents/"+id+"/close", admin, map[string]string{"note": "vague terminée"}); r.Status != 204 {
			t.Errorf("close: %d %s", r.Status, r.Raw)
		}
		if r := c.do("GET", "/api/v1/admin/incidents/"+id, admin, nil); r.Body["status"] != "closed" {
			t.Errorf("after close: %s", r.Raw)
		}
	})
}
