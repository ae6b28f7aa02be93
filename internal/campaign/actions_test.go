package campaign_test

import (
	"context"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
)

// TestContainAccounts: on an incident detection only held for review, a
// head contains their establishment's accounts and nobody else's; an
// administrator then contains the rest; contained accounts are read-only
// with their sessions ended, and asking again contains no one. A teacher
// and a head outside the incident are refused.
func TestContainAccounts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 4)
		ctx := context.Background()
		screenWave(t, e)
		cs := incidents(t, e)
		if len(cs) != 1 || len(cs[0].Locked) != 0 || len(cs[0].Accounts) != 3 {
			t.Fatalf("incidents: %+v", cs)
		}
		id, d := cs[0].ID, e.App.Campaign
		session := e.Actor(t, "parent.1.C1.1") // gives the account a password and a session
		readOnly := func(name string) bool {
			u, err := e.App.DB.UserByName(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			return u.ReadOnly
		}

		if _, err := d.ContainAccounts(ctx, e.Actor(t, "prof.1"), id); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("a teacher: %v", err)
		}
		if _, err := d.ContainAccounts(ctx, e.Actor(t, "head.4"), id); bouclier.ErrorCode(err) != bouclier.ErrNotFound {
			t.Errorf("a head outside the incident: %v", err)
		}
		if n, err := d.ContainAccounts(ctx, e.Actor(t, "head.1"), id); err != nil || n != 1 {
			t.Fatalf("head.1 contains: %d %v", n, err)
		}
		if !readOnly("parent.1.C1.1") || readOnly("parent.2.C1.1") || readOnly("parent.3.C1.1") {
			t.Error("the head's containment reached beyond their establishment")
		}
		if _, _, err := e.App.DB.SessionUser(ctx, session.SessionHash); err == nil {
			t.Error("a contained account kept its session")
		}
		if n, err := d.ContainAccounts(ctx, e.Actor(t, "head.1"), id); err != nil || n != 0 {
			t.Errorf("again: %d %v", n, err)
		}
		if n, err := d.ContainAccounts(ctx, e.Actor(t, "admin"), id); err != nil || n != 2 {
			t.Fatalf("admin contains the rest: %d %v", n, err)
		}
		if !readOnly("parent.2.C1.1") || !readOnly("parent.3.C1.1") {
			t.Error("not contained")
		}
		in, err := d.Incident(ctx, e.Actor(t, "admin"), id)
		if err != nil || len(in.Locked) != 3 || in.Timeline[len(in.Timeline)-1].Kind != "locked" {
			t.Errorf("incident after: %+v %v", in, err)
		}
	})
}
