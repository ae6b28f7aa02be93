package auth_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// TestSSOAccounts: the session an identity provider's word opens, the
// local password it switches off, and what a mass reset does instead of
// issuing codes. (The providers themselves: internal/sso's end-to-end
// tests.)
func TestSSOAccounts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		a := e.App.Auth
		setJoint := func(name, key string) bouclier.User {
			u, err := e.App.DB.UserByName(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.SetExternalID(ctx, u.ID, key) }); err != nil {
				t.Fatal(err)
			}
			return u
		}
		setJoint("parent.dupont", "J-P1")
		setJoint("prof.bernard", "J-T1")
		closed := setJoint("eleve.durand", "J-E2")
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { _, err := tx.CloseUser(ctx, closed.ID, e.Clock.Now()); return err }); err != nil {
			t.Fatal(err)
		}
		c := apptest.TestClient
		login := func(in auth.SSOLogin) (auth.Session, error) {
			in.Client = c
			res, err := a.LoginSSO(ctx, in)
			if err != nil {
				return auth.Session{}, err
			}
			return a.AuthenticateClient(ctx, res.Token, c)
		}

		marie, err := login(auth.SSOLogin{IdP: "educonnect", Subject: "marie@educonnect", JointKey: "J-P1", Method: "password"})
		if err != nil || marie.User.Username != "parent.dupont" || !marie.MFAAt.IsZero() {
			t.Fatalf("parent without MFA: %+v %v", marie, err)
		}
		luc, err := login(auth.SSOLogin{IdP: "ac-versailles", Subject: "lbernard", JointKey: "J-T1", MFA: true, Method: "mfa"})
		if err != nil || luc.MFAAt.IsZero() {
			t.Fatalf("teacher with MFA asserted: %+v %v", luc, err)
		}
		for _, tc := range []struct {
			name string
			in   auth.SSOLogin
			code bouclier.Code
		}{
			{"unknown joint key", auth.SSOLogin{IdP: "educonnect", Subject: "x", JointKey: "J-NONE"}, bouclier.ErrForbidden},
			{"closed account", auth.SSOLogin{IdP: "educonnect", Subject: "hugo", JointKey: "J-E2"}, bouclier.ErrForbidden},
			{"subject already linked to another account", auth.SSOLogin{IdP: "educonnect", Subject: "marie@educonnect", JointKey: "J-T1"}, bouclier.ErrForbidden},
		} {
			if _, err := login(tc.in); bouclier.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v", tc.name, err)
			}
		}

		pw := auth.LoginRequest{Username: "parent.dupont", Password: apptest.Password, Client: c}
		if _, err := a.LoginWith(ctx, pw); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Fatalf("local password of an SSO account: %v", err)
		}
		rssi := e.Actor(t, "rssi.versailles")
		if err := a.AllowLocalPassword(ctx, e.Actor(t, "eleve.dupont"), "parent.dupont", true); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Fatalf("a pupil allows a password: %v", err)
		}
		if err := a.AllowLocalPassword(ctx, rssi, "parent.dupont", true); err != nil {
			t.Fatal(err)
		}
		if _, err := a.LoginWith(ctx, pw); err != nil {
			t.Fatalf("allowed local password: %v", err)
		}
		if err := a.AllowLocalPassword(ctx, rssi, "parent.dupont", false); err != nil {
			t.Fatal(err)
		}

		// A mass reset: codes for the others, a note for the provider's
		// operator for the SSO account, whose sessions end all the same.
		res, err := a.MassReset(ctx, rssi, "establishment:0780001A", []string{"parent"})
		if err != nil {
			t.Fatal(err)
		}
		var lettered []string
		for _, l := range res.Letters {
			lettered = append(lettered, l.Username)
		}
		if !slices.Equal(res.SSO, []string{"parent.dupont"}) || slices.Contains(lettered, "parent.dupont") || !slices.Contains(lettered, "parent.durand") {
			t.Fatalf("reset: sso=%v letters=%v", res.SSO, lettered)
		}
		note, err := e.App.DB.MassResetIdPNote(ctx, res.ID)
		if err != nil || note != res.IdPNote || !strings.Contains(note, "parent.dupont") || !strings.Contains(note, "fournisseur d’identité") {
			t.Fatalf("note: %q %v", note, err)
		}
		if u, _ := e.App.DB.UserByName(ctx, "parent.dupont"); u.MustReset {
			t.Error("an SSO account was given an activation code to use")
		}
		if _, _, err := e.App.DB.SessionUser(ctx, marie.TokenHash); err == nil {
			t.Error("the SSO account's session survived the reset")
		}
		again, err := login(auth.SSOLogin{IdP: "educonnect", Subject: "marie@educonnect", JointKey: "J-P1"})
		if err != nil {
			t.Fatalf("SSO after the reset: %v", err)
		}

		// Single logout from the provider ends the person's sessions.
		n, err := a.EndSSOSessions(ctx, "educonnect", "marie@educonnect", c)
		if err != nil || n != 1 {
			t.Fatalf("single logout: %d %v", n, err)
		}
		if st, _, err := e.App.DB.SessionUser(ctx, again.TokenHash); err == nil {
			t.Fatalf("session after single logout: %+v", st)
		}
	})
}
