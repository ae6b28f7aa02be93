package auth_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
)

// TestResetAccount: a head resets one account of their establishment: its
// session ends, its password no longer opens it, the one code returned
// activates it once; nobody else's account changes. Their own account, a
// disabled one, one beyond their authority and a teacher acting are
// refused by the service.
func TestResetAccount(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		a := e.App.Auth
		head := e.Actor(t, "principal.moulin")
		parent := e.Login(t, "parent.dupont")

		for _, tc := range []struct {
			name  string
			actor bouclier.Actor
			user  string
			code  bouclier.Code
		}{
			{"own account", head, "principal.moulin", bouclier.ErrInvalidRequest},
			{"another establishment", head, "prof.hugo", bouclier.ErrForbidden},
			{"a teacher", e.Actor(t, "prof.martin"), "parent.dupont", bouclier.ErrForbidden},
			{"unknown account", head, "ghost", bouclier.ErrNotFound},
		} {
			if _, err := a.ResetAccount(ctx, tc.actor, tc.user); bouclier.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
			}
		}

		res, err := a.ResetAccount(ctx, head, "parent.dupont")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Letters) != 1 || res.Letters[0].Username != "parent.dupont" || res.Letters[0].Establishment != "Collège Jean Moulin" || len(res.Letters[0].Code) != 14 {
			t.Fatalf("letters: %+v", res.Letters)
		}
		if _, _, err := e.App.DB.SessionUser(ctx, parent.TokenHash); err == nil {
			t.Error("the reset account's session survived")
		}
		c := apptest.TestClient
		if _, err := a.LoginWith(ctx, auth.LoginRequest{Username: "parent.dupont", Password: apptest.Password, Client: c}); bouclier.ErrorCode(err) != bouclier.ErrPasswordResetRequired {
			t.Errorf("old password after the reset: %v", err)
		}
		pw := "Un nouveau départ pour Marie en décembre"
		if err := a.Activate(ctx, "parent.dupont", res.Letters[0].Code, pw, c); err != nil {
			t.Fatalf("activation with the letter's code: %v", err)
		}
		if err := a.Activate(ctx, "parent.dupont", res.Letters[0].Code, pw+"!", c); bouclier.ErrorCode(err) != bouclier.ErrInvalidCredentials {
			t.Errorf("code used twice: %v", err)
		}
		// Only that account: the other parent still logs in.
		if _, err := a.LoginWith(ctx, auth.LoginRequest{Username: "parent.durand", Password: apptest.Password, Client: c}); err != nil {
			t.Errorf("another account changed: %v", err)
		}
		views, err := a.ReadAudit(ctx, head, "reset.account", 0, 10)
		if err != nil || len(views) != 1 || !strings.Contains(views[0].Detail, "parent.dupont") {
			t.Errorf("audit: %+v %v", views, err)
		}
	})
}

// TestFindAccounts: an administrator finds accounts by name or login
// within their authority only; others are refused by the service, and
// the read is audited.
func TestFindAccounts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		a := e.App.Auth
		names := func(us []bouclier.User) []string {
			var out []string
			for _, u := range us {
				out = append(out, u.Username)
			}
			return out
		}
		head := e.Actor(t, "principal.moulin")
		for _, tc := range []struct {
			actor bouclier.Actor
			q     string
			want  []string
		}{
			{head, "dupont", []string{"eleve.dupont", "parent.dupont"}},
			{head, "Bernard", []string{"prof.bernard"}},
			{head, "hugo", []string{"eleve.durand"}}, // Hugo Durand, not the Lycée Victor Hugo's accounts
			{e.Actor(t, "rssi.versailles"), "hugo", []string{"prof.hugo", "eleve.durand", "eleve.hugo", "parent.hugo"}},
		} {
			got, err := a.FindAccounts(ctx, tc.actor, tc.q, 20)
			if err != nil {
				t.Fatalf("%s %q: %v", tc.actor.User.Username, tc.q, err)
			}
			if g := names(got); strings.Join(g, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%s %q: %v, want %v", tc.actor.User.Username, tc.q, g, tc.want)
			}
		}
		if _, err := a.FindAccounts(ctx, e.Actor(t, "prof.martin"), "dupont", 20); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("a teacher searches accounts: %v", err)
		}
		if _, err := a.FindAccounts(ctx, head, " d ", 20); bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
			t.Errorf("one character: %v", err)
		}
		views, err := a.ReadAudit(ctx, head, "privilege.read", 0, 50)
		found := false
		for _, v := range views {
			found = found || v.Target == "account.search"
		}
		if err != nil || !found {
			t.Errorf("search not audited: %v", err)
		}
	})
}

// TestResetAccounts: a list is reset whole or not at all: one account
// beyond the actor's authority refuses the lot.
func TestResetAccounts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		a := e.App.Auth
		head := e.Actor(t, "principal.moulin")
		mustReset := func(name string) bool {
			u, err := e.App.DB.UserByName(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			return u.MustReset
		}
		for _, tc := range []struct {
			name  string
			actor bouclier.Actor
			users []string
			code  bouclier.Code
		}{
			{"one beyond authority", head, []string{"parent.dupont", "prof.hugo"}, bouclier.ErrForbidden},
			{"unknown account", head, []string{"parent.dupont", "ghost"}, bouclier.ErrNotFound},
			{"none", head, nil, bouclier.ErrInvalidRequest},
			{"a teacher", e.Actor(t, "prof.martin"), []string{"parent.dupont"}, bouclier.ErrForbidden},
		} {
			if _, err := a.ResetAccounts(ctx, tc.actor, tc.users, "test"); bouclier.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
			}
		}
		if mustReset("parent.dupont") {
			t.Fatal("a refused list reset an account")
		}
		res, err := a.ResetAccounts(ctx, head, []string{"parent.dupont", "eleve.dupont", "parent.dupont", "principal.moulin"}, "incident:7")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Letters) != 2 || !mustReset("parent.dupont") || !mustReset("eleve.dupont") || mustReset("principal.moulin") || mustReset("parent.durand") {
			t.Errorf("letters %+v", res.Letters)
		}
		views, err := a.ReadAudit(ctx, head, "reset.accounts", 0, 10)
		if err != nil || len(views) != 1 || views[0].Detail != "incident:7 accounts=2" {
			t.Errorf("audit: %+v %v", views, err)
		}
	})
}
