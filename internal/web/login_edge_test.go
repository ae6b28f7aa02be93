package web_test

import (
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/apptest"
)

// TestLoginPasskeyOptionsNeedTheFirstStep: the passkey options of the
// login's second step are given only with the first step's sealed state,
// and a few a minute per address; they store nothing.
func TestLoginPasskeyOptionsNeedTheFirstStep(t *testing.T) {
	e, srv := env(t)
	b := newBrowser(t, srv)
	tok := field(t, b.get("/login").Body, "csrf")
	p := b.post("/login/passkey/options", url.Values{"csrf": {tok}})
	if p.Status != http.StatusUnauthorized {
		t.Fatalf("options without the first step: %d %s", p.Status, p.Body)
	}
	p = b.post("/login", url.Values{"csrf": {tok}, "username": {"principal.moulin"}, "password": {apptest.Password}})
	pending := field(t, p.Body, "pending")
	statuses := map[int]int{}
	for range 25 {
		p = b.post("/login/passkey/options", url.Values{"csrf": {tok}, "pending": {pending}})
		statuses[p.Status]++
	}
	if statuses[200] == 0 || statuses[429] == 0 || statuses[200] > 20 {
		t.Fatalf("25 option requests from one address: %v", statuses)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(e.Config.DataDir, "bouclier.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows int
	if err := db.QueryRow("SELECT COUNT(*) FROM webauthn_challenges").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 0 {
		t.Fatalf("option requests stored %d ceremonies", rows)
	}
}

// TestHeldAccountOffersTheCodeStep: when failures from elsewhere hold an
// account, the web login still offers the code step, and the owner gets
// in with the password and a code; without a factor it stays held.
func TestHeldAccountOffersTheCodeStep(t *testing.T) {
	e, srv := env(t)
	attacker := newBrowser(t, srv)
	atok := field(t, attacker.get("/login").Body, "csrf")
	for i := range 16 {
		for _, user := range []string{"principal.moulin", "parent.dupont"} {
			attacker.post("/login", url.Values{"csrf": {atok}, "username": {user}, "password": {fmt.Sprintf("essai %d", i)}})
		}
		e.Clock.Advance(min(time.Second<<max(0, i-4), 5*time.Minute) + time.Second)
	}
	owner := newBrowser(t, srv)
	tok := field(t, owner.get("/login").Body, "csrf")
	p := owner.post("/login", url.Values{"csrf": {tok}, "username": {"parent.dupont"}, "password": {apptest.Password}})
	if p.Status != http.StatusLocked {
		t.Fatalf("held parent: %d", p.Status)
	}
	p = owner.post("/login", url.Values{"csrf": {tok}, "username": {"principal.moulin"}, "password": {apptest.Password}})
	if p.Status != http.StatusLocked || p.Header.Get("Retry-After") == "" || !strings.Contains(p.Body, `name="otp"`) {
		t.Fatalf("held head: %d, Retry-After %q, code step %t", p.Status, p.Header.Get("Retry-After"), strings.Contains(p.Body, `name="otp"`))
	}
	e.Clock.Advance(31 * time.Second)
	p = owner.post("/login", url.Values{"csrf": {tok}, "pending": {field(t, p.Body, "pending")}, "otp": {e.OTP(t, 0)}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("held head with a code: %d\n%s", p.Status, p.Body)
	}
}
