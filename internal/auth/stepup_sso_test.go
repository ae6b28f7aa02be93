package auth_test

import (
	"context"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// TestStepUpSSO: a provider's step-up answer steps up only the session
// that asked, for the account its subject is linked to, with a second
// factor asserted; the session is then replaced.
func TestStepUpSSO(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		a, c := e.App.Auth, apptest.TestClient
		for name, key := range map[string]string{"prof.martin": "J-T1", "prof.bernard": "J-T2"} {
			u, err := e.App.DB.UserByName(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.SetExternalID(ctx, u.ID, key) }); err != nil {
				t.Fatal(err)
			}
		}
		open := func(subject, key string) auth.Session {
			res, err := a.LoginSSO(ctx, auth.SSOLogin{IdP: "ac-versailles", Subject: subject, JointKey: key, Client: c})
			if err != nil {
				t.Fatal(err)
			}
			s, err := a.AuthenticateClient(ctx, res.Token, c)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		sophie := open("smartin", "J-T1")
		open("lbernard", "J-T2") // links Luc's subject to his account
		other := open("smartin", "J-T1")
		if !sophie.MFAAt.IsZero() {
			t.Fatal("SSO session without asserted MFA counts as checked")
		}
		good := auth.SSOStepUp{IdP: "ac-versailles", Subject: "smartin", MFA: true, Method: "acr=mfa", Binding: sophie.PublicID}
		for _, tc := range []struct {
			name string
			edit func(*auth.SSOStepUp)
		}{
			{"answer for another session", func(in *auth.SSOStepUp) { in.Binding = other.PublicID }},
			{"no binding", func(in *auth.SSOStepUp) { in.Binding = "" }},
			{"no second factor asserted", func(in *auth.SSOStepUp) { in.MFA = false }},
			{"subject of another account", func(in *auth.SSOStepUp) { in.Subject = "lbernard" }},
			{"subject never linked", func(in *auth.SSOStepUp) { in.Subject = "nobody" }},
			{"another provider", func(in *auth.SSOStepUp) { in.IdP = "educonnect" }},
		} {
			in := good
			tc.edit(&in)
			if _, err := a.StepUpSSO(ctx, sophie, in, c); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		tok, err := a.StepUpSSO(ctx, sophie, good, c)
		if err != nil {
			t.Fatal(err)
		}
		stepped, err := a.AuthenticateClient(ctx, tok, c)
		if err != nil || stepped.MFAAt.IsZero() || stepped.User.Username != "prof.martin" {
			t.Fatalf("stepped-up session: %+v %v", stepped, err)
		}
		if _, _, err := e.App.DB.SessionUser(ctx, sophie.TokenHash); err == nil {
			t.Error("the session that stepped up still works")
		}
	})
}
