package web_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func zipFile(t *testing.T, body, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Fatalf("no %s in the archive", name)
	return ""
}

// TestPrivacyPages: the « Données personnelles » page is public; a person
// downloads their data from their account page after a fresh check, an
// administrator on request from the account page, and nobody else.
func TestPrivacyPages(t *testing.T) {
	e, srv := env(t)
	anon := newBrowser(t, srv)
	p := anon.get("/donnees-personnelles")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "mission d’intérêt public") || !strings.Contains(p.Body, "Ancien compte") {
		t.Fatalf("public page: %d\n%s", p.Status, p.Body)
	}
	if p := anon.post("/account/export", url.Values{}); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/login") {
		t.Errorf("anonymous export: %d %s", p.Status, p.Header.Get("Location"))
	}

	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	acct := prof.get("/account")
	if !strings.Contains(acct.Body, `action="/account/export"`) {
		t.Fatal("no export form on the account page")
	}
	if p := prof.post("/account/export", url.Values{"csrf": {"forged"}}); p.Status != http.StatusForbidden {
		t.Errorf("forged form: %d", p.Status)
	}
	p = prof.post("/account/export", url.Values{"csrf": {field(t, acct.Body, "csrf")}})
	if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/zip" ||
		!strings.Contains(p.Header.Get("Content-Disposition"), `filename="donnees-prof.martin-`) {
		t.Fatalf("export: %d %v", p.Status, p.Header)
	}
	if c := zipFile(t, p.Body, "compte.json"); !strings.Contains(c, `"identifiant": "prof.martin"`) {
		t.Errorf("compte.json: %s", c)
	}
	// Eleven minutes on: confirm first.
	e.Clock.Advance(11 * time.Minute)
	p = prof.post("/account/export", url.Values{"csrf": {field(t, acct.Body, "csrf")}}, "Referer", srv.URL+"/account")
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/step-up?next=%2Faccount" {
		t.Errorf("stale export: %d %s", p.Status, p.Header.Get("Location"))
	}

	for _, tc := range []struct {
		user   string
		status int
	}{{"cpe.moulin", http.StatusForbidden}, {"principal.moulin", http.StatusOK}} {
		b := newBrowser(t, srv)
		e.Clock.Advance(31 * time.Second)
		b.login(tc.user, e.OTP(t, 0))
		p := b.post("/admin/accounts/parent.dupont/export", url.Values{"csrf": {b.csrf()}})
		if p.Status != tc.status {
			t.Errorf("%s exports parent.dupont: %d", tc.user, p.Status)
			continue
		}
		if tc.status == http.StatusOK {
			if c := zipFile(t, p.Body, "compte.json"); !strings.Contains(c, `"identifiant": "parent.dupont"`) {
				t.Errorf("compte.json: %s", c)
			}
		}
	}
}

// TestLegalHoldPages: a head places a hold on an account of their
// establishment, sees it, and releases it; not on another establishment's.
func TestLegalHoldPages(t *testing.T) {
	e, srv := env(t)
	b := newBrowser(t, srv)
	b.login("principal.moulin", e.OTP(t, 0))
	if p := b.get("/admin/accounts?nom=eleve.dupont"); !strings.Contains(p.Body, `href="/admin/holds?nom=eleve.dupont"`) {
		t.Fatalf("no link to the holds from the account page:\n%s", p.Body)
	}
	p := b.get("/admin/holds?nom=eleve.dupont")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Aucune conservation") {
		t.Fatalf("holds page: %d\n%s", p.Status, p.Body)
	}
	csrf := field(t, p.Body, "csrf")
	if p := b.post("/admin/holds", url.Values{"csrf": {csrf}, "nom": {"eleve.dupont"}, "motif": {""}}); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("hold without a reason: %d", p.Status)
	}
	p = b.post("/admin/holds", url.Values{"csrf": {csrf}, "nom": {"eleve.dupont"}, "motif": {"Plainte de la famille du 20 novembre"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("place: %d\n%s", p.Status, p.Body)
	}
	p = b.get(p.Header.Get("Location"))
	if !strings.Contains(p.Body, "Plainte de la famille du 20 novembre") || !strings.Contains(p.Body, "Lever la conservation") {
		t.Fatalf("hold not listed:\n%s", p.Body)
	}
	if !strings.Contains(p.Body, "Conservation enregistrée\u00a0: les données du compte sont gardées") || strings.Contains(p.Body, "C’est fait") {
		t.Errorf("placing a hold does not say what it did")
	}
	action := regexp.MustCompile(`action="(/admin/holds/\d+/release)"`).FindStringSubmatch(p.Body)
	if action == nil {
		t.Fatal("no release form")
	}
	p = b.post(action[1], url.Values{"csrf": {csrf}, "nom": {"eleve.dupont"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("release: %d\n%s", p.Status, p.Body)
	}
	if body := b.get(p.Header.Get("Location")).Body; !strings.Contains(body, "Conservation levée\u00a0: les durées de conservation habituelles") {
		t.Errorf("releasing a hold does not say what it did")
	}
	// Without an account, the holds lead to finding one.
	if p := b.get("/admin/holds"); p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/admin/accounts" {
		t.Errorf("the holds without an account: %d %q", p.Status, p.Header.Get("Location"))
	}
	if p := b.get("/admin/holds?nom=eleve.dupont"); !strings.Contains(p.Body, "levée par Mme\u00a0Claire Principal, direction") || strings.Contains(p.Body, "par principal.moulin") || strings.Contains(p.Body, "Lever la conservation") {
		t.Errorf("released hold:\n%s", p.Body)
	}
	if p := b.post("/admin/holds", url.Values{"csrf": {csrf}, "nom": {"eleve.hugo"}, "motif": {"hors périmètre"}}); p.Status != http.StatusForbidden {
		t.Errorf("another establishment's account: %d", p.Status)
	}
}
