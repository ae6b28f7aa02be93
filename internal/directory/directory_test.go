package directory_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/directory"
)

// TestReachRules checks every default rule, allowed and refused, per role,
// on the demo directory.
func TestReachRules(t *testing.T) {
	cases := []struct {
		from string
		to   string
		ok   bool
	}{
		// head and staff: anyone and any group of their establishment, nobody outside.
		{"principal.moulin", "class:0780001A/4A", true},
		{"principal.moulin", "parents:0780001A/4B", true},
		{"principal.moulin", "staff:0780001A", true},
		{"principal.moulin", "user:eleve.durand", true},
		{"principal.moulin", "user:parent.dupont", true},
		{"principal.moulin", "user:prof.hugo", false},
		{"principal.moulin", "class:0780002B/2NDE1", false},
		{"cpe.moulin", "parents:0780001A/4A", true},
		{"cpe.moulin", "teachers:0780001A/4B", true},
		{"cpe.moulin", "user:eleve.hugo", false},
		// teachers: students and parents of their classes, colleagues, staff, head.
		{"prof.martin", "class:0780001A/4A", true},
		{"prof.martin", "parents:0780001A/4B", true},
		{"prof.martin", "user:eleve.durand", true},
		{"prof.martin", "user:parent.durand", true},
		{"prof.martin", "user:prof.bernard", true},
		{"prof.martin", "user:cpe.moulin", true},
		{"prof.martin", "user:principal.moulin", true},
		{"prof.martin", "staff:0780001A", true},
		{"prof.bernard", "class:0780001A/4B", false},
		{"prof.bernard", "parents:0780001A/4B", false},
		{"prof.bernard", "user:eleve.durand", false},
		{"prof.bernard", "user:parent.durand", false},
		{"prof.martin", "user:prof.hugo", false},
		{"prof.martin", "user:eleve.hugo", false},
		{"prof.martin", "class:0780002B/2NDE1", false},
		{"prof.martin", "user:rssi.versailles", true},
		// parents: their children's teachers, staff, head; never other parents or students.
		{"parent.dupont", "user:prof.martin", true},
		{"parent.dupont", "user:prof.bernard", true},
		{"parent.dupont", "teachers:0780001A/4A", true},
		{"parent.dupont", "user:cpe.moulin", true},
		{"parent.dupont", "user:principal.moulin", true},
		{"parent.dupont", "staff:0780001A", true},
		{"parent.durand", "user:prof.bernard", false},
		{"parent.durand", "teachers:0780001A/4A", false},
		{"parent.dupont", "user:parent.durand", false},
		{"parent.dupont", "user:eleve.durand", false},
		{"parent.dupont", "class:0780001A/4A", false},
		{"parent.dupont", "parents:0780001A/4A", false},
		{"parent.dupont", "user:prof.hugo", false},
		{"parent.dupont", "user:rssi.versailles", false},
		// students: their teachers, staff, head, one at a time; never a group or other families.
		{"eleve.dupont", "user:prof.martin", true},
		{"eleve.dupont", "user:prof.bernard", true},
		{"eleve.durand", "user:prof.bernard", false},
		{"eleve.dupont", "user:cpe.moulin", true},
		{"eleve.dupont", "user:principal.moulin", true},
		{"eleve.dupont", "class:0780001A/4A", false},
		{"eleve.dupont", "teachers:0780001A/4A", false},
		{"eleve.dupont", "staff:0780001A", false},
		{"eleve.dupont", "user:eleve.durand", false},
		{"eleve.dupont", "user:parent.durand", false},
		{"eleve.dupont", "user:prof.hugo", false},
		// académie admins: their académie only; national admins: everything.
		{"rssi.versailles", "class:0780002B/2NDE1", true},
		{"rssi.versailles", "staff:0780001A", true},
		{"rssi.versailles", "user:parent.hugo", true},
		{"rssi.versailles", "class:9740001C/5A", false},
		{"rssi.versailles", "user:prof.reunion", false},
		{"admin", "class:9740001C/5A", true},
		{"admin", "user:eleve.hugo", true},
		// unknown people and groups are refused like forbidden ones.
		{"principal.moulin", "user:nobody.here", false},
		{"principal.moulin", "class:0780001A/9Z", false},
	}
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		dir := e.App.Directory
		for _, c := range cases {
			u, err := e.App.DB.UserByName(ctx, c.from)
			if err != nil {
				t.Fatal(err)
			}
			s, err := dir.LoadSender(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			_, err = dir.Resolve(ctx, s, []string{c.to})
			got := err == nil
			if got != c.ok {
				t.Errorf("%s → %s: allowed=%v, want %v (err %v)", c.from, c.to, got, c.ok, err)
			}
			if !c.ok && bouclier.ErrorCode(err) != bouclier.ErrRecipientNotAllowed {
				t.Errorf("%s → %s: code %s, want recipient_not_allowed", c.from, c.to, bouclier.ErrorCode(err))
			}
			// The picker offers exactly what Resolve allows, for existing targets.
			opts, err := dir.Reachable(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			offered := slices.ContainsFunc(opts, func(o directory.Option) bool { return o.Expr == c.to })
			if offered && !c.ok {
				t.Errorf("%s: picker offers %s, which is refused", c.from, c.to)
			}
			if c.ok && !offered && u.Role != bouclier.RoleAcademyAdmin && u.Role != bouclier.RoleNationalAdmin {
				t.Errorf("%s: picker does not offer %s, which is allowed", c.from, c.to)
			}
		}
	})
}

// TestGroupExpansion checks who each group expression reaches.
func TestGroupExpansion(t *testing.T) {
	cases := []struct {
		from string
		to   []string
		want []string
	}{
		{"prof.martin", []string{"class:0780001A/4A"}, []string{"eleve.dupont"}},
		{"prof.martin", []string{"parents:0780001A/4A", "parents:0780001A/4B"}, []string{"parent.dupont", "parent.durand"}},
		{"principal.moulin", []string{"staff:0780001A"}, []string{"cpe.moulin"}}, // the sender is never a recipient
		{"cpe.moulin", []string{"teachers:0780001A/4A"}, []string{"prof.bernard", "prof.martin"}},
		{"prof.martin", []string{"class:0780001A/4A", "user:eleve.dupont"}, []string{"eleve.dupont"}}, // once each
	}
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		for _, c := range cases {
			u, _ := e.App.DB.UserByName(ctx, c.from)
			s, err := e.App.Directory.LoadSender(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			res, err := e.App.Directory.Resolve(ctx, s, c.to)
			if err != nil {
				t.Fatalf("%s → %v: %v", c.from, c.to, err)
			}
			var got []string
			for _, id := range res.Recipients {
				r, _ := e.App.DB.UserByID(ctx, id)
				got = append(got, r.Username)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s → %v: %v, want %v", c.from, c.to, got, c.want)
			}
		}
	})
}

func TestHasAuthority(t *testing.T) {
	cases := []struct {
		who   string
		scope string
		ok    bool
	}{
		{"admin", "national", true},
		{"admin", "academie:la-reunion", true},
		{"rssi.versailles", "academie:versailles", true},
		{"rssi.versailles", "establishment:0780002B", true},
		{"rssi.versailles", "academie:la-reunion", false},
		{"rssi.versailles", "establishment:9740001C", false},
		{"rssi.versailles", "national", false},
		{"principal.moulin", "establishment:0780001A", true},
		{"principal.moulin", "class:0780001A/4A", true},
		{"principal.moulin", "establishment:0780002B", false},
		{"principal.moulin", "academie:versailles", false},
		{"prof.martin", "establishment:0780001A", false},
		{"cpe.moulin", "establishment:0780001A", false},
	}
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		for _, c := range cases {
			u, _ := e.App.DB.UserByName(ctx, c.who)
			ok, err := e.App.Directory.HasAuthority(ctx, u, c.scope)
			if err != nil || ok != c.ok {
				t.Errorf("%s over %s: %v (%v), want %v", c.who, c.scope, ok, err, c.ok)
			}
		}
	})
}
