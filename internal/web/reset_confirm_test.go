package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
)

// TestMassResetIsConfirmed: a mass reset first shows what it would do
// (how many accounts, which establishments, how many accounts of an
// identity provider get a note instead of a code) and does nothing; it is
// refused, without figures, outside the actor's authority; the summary's
// form needs the CSRF token; once confirmed, it resets.
func TestMassResetIsConfirmed(t *testing.T) {
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
	parent := newBrowser(t, srv)
	parent.login("parent.durand", "")
	alive := func() bool { return parent.get("/account").Status == http.StatusOK }
	if !alive() {
		t.Fatal("parent.durand not logged in")
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 1))

	// The académie's summary names the establishments.
	p := rssi.post("/admin/resets", url.Values{"csrf": {rssi.csrf()}, "scope": {"academie:versailles"}, "roles": {"parent"}, "format": {"csv"}})
	for _, want := range []string{"3\u00a0comptes seront réinitialisés dans l’académie de Versailles (2\u00a0établissements), pour les parents",
		"Établissements concernés\u00a0: Collège Jean Moulin, Lycée Victor Hugo.", "1\u00a0compte se connecte par un fournisseur d’identité"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("académie summary lacks %q:\n%s", want, p.Body)
		}
	}

	// Outside the head's establishment: refused before any figure.
	p = head.post("/admin/resets", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780002B"}, "roles": {"parent"}})
	if p.Status != http.StatusForbidden || strings.Contains(p.Body, "Ce qui va se passer") || strings.Contains(p.Body, "Lycée Victor Hugo") {
		t.Errorf("other establishment: %d\n%s", p.Status, p.Body)
	}
	// No account to reset: the scope field says so.
	p = head.post("/admin/resets", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "roles": {"academy_admin"}})
	if p.Status != http.StatusUnprocessableEntity {
		t.Errorf("nothing to reset: %d\n%s", p.Status, p.Body)
	} else {
		checkFieldErrors(t, p.Body, []string{"reset-scope"})
	}

	p = head.post("/admin/resets", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "roles": {"parent"}, "format": {"csv"}})
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Ce qui va se passer") {
		t.Fatalf("summary: %d\n%s", p.Status, p.Body)
	}
	for _, want := range []string{"2\u00a0comptes seront réinitialisés dans l’établissement Collège Jean Moulin, pour les parents, le vôtre excepté.",
		"Établissements concernés\u00a0: Collège Jean Moulin.", "1\u00a0code d’activation à usage unique",
		"1\u00a0compte se connecte par un fournisseur d’identité\u00a0: pas de code pour eux, mais une note"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("summary lacks %q:\n%s", want, p.Body)
		}
	}
	if !alive() {
		t.Fatal("reset before confirmation")
	}
	confirm := url.Values{}
	for _, m := range hiddenRe.FindAllStringSubmatch(p.Body[strings.Index(p.Body, "Ce qui va se passer"):], -1) {
		confirm.Add(m[1], html.UnescapeString(m[2]))
	}
	if confirm.Get("confirm") != "1" || confirm.Get("scope") != "establishment:0780001A" || confirm.Get("format") != "csv" {
		t.Fatalf("confirmation form: %v", confirm)
	}
	forged := url.Values{}
	for k, v := range confirm {
		forged[k] = v
	}
	forged.Set("csrf", "forged")
	if p := head.post("/admin/resets", forged); p.Status != http.StatusForbidden || !alive() {
		t.Fatalf("forged token: %d", p.Status)
	}
	p = head.post("/admin/resets", confirm)
	if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("confirmed: %d %s", p.Status, p.Header.Get("Content-Type"))
	}
	if codes := zipFileNamed(t, p.Body, "-codes.csv"); !strings.Contains(codes, "parent.durand") {
		t.Errorf("codes:\n%s", codes)
	}
	if alive() {
		t.Error("parent.durand's session survived the confirmed reset")
	}
}
