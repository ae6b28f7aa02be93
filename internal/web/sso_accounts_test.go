package web_test

import (
	"archive/zip"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// TestSSOLocalPasswordByAdmin: an account an identity provider vouches for
// has no local password until an administrator with authority over it
// allows one from the accounts page; the change is audited, needs the
// CSRF token, and nobody else can make it.
func TestSSOLocalPasswordByAdmin(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	link := func(name, subject string) {
		u, err := e.App.DB.UserByName(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			return tx.LinkSSO(ctx, u.ID, "educonnect", subject, store.Micros(e.Clock.Now()))
		}); err != nil {
			t.Fatal(err)
		}
	}
	link("eleve.dupont", "lea@educonnect")
	link("eleve.hugo", "nina@educonnect")
	pw := auth.LoginRequest{Username: "eleve.dupont", Password: apptest.Password, Client: apptest.TestClient}
	if _, err := e.App.Auth.LoginWith(ctx, pw); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
		t.Fatalf("local password before it is allowed: %v", err)
	}

	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.get("/admin/accounts?nom=eleve.dupont")
	if !strings.Contains(p.Body, "Se connecte par son fournisseur d’identité") || !strings.Contains(p.Body, "Autoriser aussi un mot de passe local") {
		t.Fatalf("accounts page of an SSO account:\n%s", p.Body)
	}
	if p := head.post("/admin/accounts/eleve.dupont/local-password", url.Values{}); p.Status != http.StatusForbidden {
		t.Fatalf("without the CSRF token: %d", p.Status)
	}
	if _, err := e.App.Auth.LoginWith(ctx, pw); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
		t.Fatalf("a refused request allowed the password: %v", err)
	}
	p = head.post("/admin/accounts/eleve.dupont/local-password", url.Values{"csrf": {head.csrf()}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("allow: %d\n%s", p.Status, p.Body)
	}
	if p = head.get(p.Header.Get("Location")); !strings.Contains(p.Body, "mot de passe local aussi autorisé par principal.moulin") || !strings.Contains(p.Body, "Retirer le mot de passe local") {
		t.Fatalf("after allowing:\n%s", p.Body)
	}
	if _, err := e.App.Auth.LoginWith(ctx, pw); err != nil {
		t.Fatalf("allowed local password: %v", err)
	}
	entries, err := e.App.DB.AuditRecent(ctx, "account.local_password", 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	audited := false
	for _, en := range entries {
		if en.Action == "account.local_password" && en.Actor == "principal.moulin" && en.Target == "user:eleve.dupont" && en.Detail == "allowed=true" {
			audited = true
		}
	}
	if !audited {
		t.Error("allowing a local password is not in the audit trail")
	}

	// A teacher is no administrator; the head has no authority over
	// another establishment's pupil: both refused in the service.
	for _, c := range []struct{ actor, target string }{{"prof.martin", "eleve.dupont"}, {"principal.moulin", "eleve.hugo"}} {
		if err := e.App.Auth.AllowLocalPassword(ctx, e.Actor(t, c.actor), c.target, true); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("%s allows %s a password: %v", c.actor, c.target, err)
		}
	}
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 1))
	if p := prof.post("/admin/accounts/eleve.dupont/no-local-password", url.Values{"csrf": {prof.csrf()}}); p.Status != http.StatusForbidden {
		t.Errorf("a teacher on the admin action: %d", p.Status)
	}
	if p := head.post("/admin/accounts/eleve.hugo/local-password", url.Values{"csrf": {head.csrf()}}); p.Status != http.StatusForbidden {
		t.Errorf("the head on another establishment's pupil: %d", p.Status)
	}
	if _, err := e.App.Auth.LoginWith(ctx, auth.LoginRequest{Username: "eleve.hugo", Password: apptest.Password, Client: apptest.TestClient}); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
		t.Errorf("the other establishment's pupil got a password: %v", err)
	}

	// Taken back: the password is refused again.
	if p := head.post("/admin/accounts/eleve.dupont/no-local-password", url.Values{"csrf": {head.csrf()}}); p.Status != http.StatusSeeOther {
		t.Fatalf("take back: %d", p.Status)
	}
	if _, err := e.App.Auth.LoginWith(ctx, pw); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
		t.Fatalf("local password after it was taken back: %v", err)
	}
}

// TestSSOMassReset: a mass reset gives no activation code to an account an
// identity provider vouches for; it ends its sessions and hands the head a
// note for the provider's operator, in the archive and in the audit trail.
func TestSSOMassReset(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	u, err := e.App.DB.UserByName(ctx, "parent.dupont")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		return tx.LinkSSO(ctx, u.ID, "educonnect", "marie@educonnect", store.Micros(e.Clock.Now()))
	}); err != nil {
		t.Fatal(err)
	}
	if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.SetExternalID(ctx, u.ID, "J-P1") }); err != nil {
		t.Fatal(err)
	}
	marie, err := e.App.Auth.LoginSSO(ctx, auth.SSOLogin{IdP: "educonnect", Subject: "marie@educonnect", JointKey: "J-P1", Client: apptest.TestClient})
	if err != nil {
		t.Fatal(err)
	}

	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.post("/admin/resets", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "roles": {"parent"}, "format": {"csv"}, "confirm": {"1"}})
	if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("reset with an SSO account: %d %s", p.Status, p.Header.Get("Content-Type"))
	}
	codes := zipFileNamed(t, p.Body, "-codes.csv")
	if strings.Contains(codes, "parent.dupont") || !strings.Contains(codes, "parent.durand") {
		t.Errorf("codes:\n%s", codes)
	}
	note := zipFileNamed(t, p.Body, "-fournisseur-identite.txt")
	if !strings.Contains(note, "parent.dupont") || strings.Contains(note, "parent.durand") || !strings.Contains(note, "opérateur du fournisseur d’identité") {
		t.Errorf("note for the operator: %q", note)
	}
	if _, err := e.App.Auth.AuthenticateClient(ctx, marie.Token, apptest.TestClient); err == nil {
		t.Error("the SSO account's session survived the reset")
	}
	entries, err := e.App.DB.AuditRecent(ctx, "reset.idp_note", 0, 10)
	if err != nil || len(entries) != 1 || entries[0].Detail != strings.TrimSpace(note) || entries[0].Actor != "principal.moulin" {
		t.Fatalf("audit of the note: %+v %v", entries, err)
	}
}

// zipFileNamed returns the file of the archive whose name ends with suffix.
func zipFileNamed(t *testing.T, body, suffix string) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, suffix) {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no *%s in the archive", suffix)
	return ""
}
