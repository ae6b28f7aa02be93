package auth_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// TestAccountThrottling runs one attacker spread over many addresses
// against an existing account and an unknown name: both see the same
// answers (growing delays, then a lock), and an administrator unlocks.
func TestAccountThrottling(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		// The attacker waits as told by Retry-After, from a new address each time.
		run := func(name string) []string {
			var out []string
			for i := 0; i < 40; i++ {
				r := c.from(fmt.Sprintf("198.51.%d.%d", 100+i, i+1), "curl/8").do("POST", "/api/v1/session", "",
					map[string]any{"username": name, "password": "wrong password number " + fmt.Sprint(i)})
				s := fmt.Sprintf("%d %s", r.Status, r.code())
				out = append(out, s)
				wait := time.Second
				if r.Status == 429 || r.Status == 423 {
					ra, err := strconv.Atoi(r.Header.Get("Retry-After"))
					if err != nil || ra < 1 {
						t.Fatalf("%s attempt %d: %s with Retry-After %q", name, i, s, r.Header.Get("Retry-After"))
					}
					wait = time.Duration(ra) * time.Second
				}
				if r.Status == 423 {
					break
				}
				e.Clock.Advance(wait)
			}
			return out
		}
		real, ghost := run("parent.dupont"), run("nobody.at.all")
		if strings.Join(real, ",") != strings.Join(ghost, ",") {
			t.Fatalf("existing and unknown accounts answer differently:\n%v\n%v", real, ghost)
		}
		t.Logf("answers: %v", real)
		if real[0] != "401 invalid_credentials" || real[len(real)-1] != "423 locked" || !strings.Contains(strings.Join(real, ","), "429 throttled") {
			t.Fatalf("want 401s, then 429s, then 423: %v", real)
		}
		// Locked even with the right password, from a fresh address.
		r := c.from("203.0.113.200", "x").do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password})
		expect(t, "right password while locked", r, 423, "locked")
		// A head without authority elsewhere cannot unlock; the head of the
		// establishment can.
		other := c.login("prof.reunion")
		expect(t, "teacher unlocks", c.do("POST", "/api/v1/admin/accounts/parent.dupont/unlock", other, nil), 403, "forbidden")
		head := c.login("principal.moulin")
		expect(t, "head unlocks", c.do("POST", "/api/v1/admin/accounts/parent.dupont/unlock", head, nil), 204, "")
		c.login("parent.dupont")
	})
}

// TestBruteForce: 1,000 guesses against one account and one guess on each
// of 1,000 accounts, all from one school's public address; the limits
// hold, and the legitimate users behind that address still log in.
func TestBruteForce(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		hash, err := e.App.Auth.Hasher().Hash(ctx, apptest.Password)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			for i := 0; i < 1000; i++ {
				if _, err := tx.UpsertUser(ctx, bouclier.User{Username: fmt.Sprintf("famille.%04d", i), DisplayName: "Famille", Role: bouclier.RoleParent,
					Academie: "versailles", UAI: "0780001A"}, hash, e.Clock.Now()); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		school := newClient(t, e).from("203.0.113.66", "Mozilla/5.0 Chrome/120.0")
		// A parent logged in from school before, and keeps the device token.
		r := school.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password})
		expect(t, "parent before the attack", r, 201, "")
		device := r.Body["device_token"].(string)

		attacker := school.from("203.0.113.66", "python-requests/2.31")
		count := map[int]int{}
		for i := 0; i < 1000; i++ {
			r := attacker.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.durand", "password": fmt.Sprintf("guess-%04d-xyz", i)})
			count[r.Status]++
			e.Clock.Advance(time.Second)
		}
		t.Logf("1,000 guesses on one account: %d answered 401 (password checked and refused), %d 429, %d 423", count[401], count[429], count[423])
		if count[401] > 15 {
			t.Fatalf("%d guesses were evaluated on one account, want at most 15", count[401])
		}
		count = map[int]int{}
		for i := 0; i < 1000; i++ {
			pw := fmt.Sprintf("stuffed-%04d-pw", i)
			if i == 700 {
				pw = apptest.Password // the one right password of the list
			}
			r := attacker.do("POST", "/api/v1/session", "", map[string]any{"username": fmt.Sprintf("famille.%04d", i), "password": pw})
			count[r.Status]++
			if i == 700 && r.Status == 201 {
				t.Fatalf("a stuffed password opened a session from a flagged address")
			}
			e.Clock.Advance(100 * time.Millisecond)
		}
		t.Logf("1,000 accounts from one address: %d answered 401, %d 429 (nothing learnt), %d 201", count[401], count[429], count[201])
		if count[401] > 8 || count[201] != 0 {
			t.Fatalf("stuffing: %v", count)
		}
		// Behind the same address: a teacher with a second factor, and the
		// parent with the device token of an earlier login.
		teacher := school.from("203.0.113.66", "Mozilla/5.0 Firefox/128.0")
		teacher.login("prof.martin")
		r = school.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password, "device": device})
		expect(t, "parent with a known device", r, 201, "")
		// Without the device token, the same right password is not enough from there.
		r = school.from("203.0.113.66", "Mozilla/5.0 Safari/17").do("POST", "/api/v1/session", "", map[string]any{"username": "eleve.dupont", "password": apptest.Password})
		expect(t, "student without device from the flagged address", r, 429, "throttled")
		// From home, once the wave has passed, the student gets in.
		e.Clock.Advance(16 * time.Minute)
		newClient(t, e).from("192.0.2.77", "Mozilla/5.0 Safari/17").login("eleve.dupont")
	})
}

// TestStepUpGuard: wide and risky sends need a recent second factor;
// accounts without a factor are limited; personnel without one cannot send.
func TestStepUpGuard(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		prof := c.login("prof.martin")
		expect(t, "class right after login", c.send(prof, []string{"class:0780001A/4A"}, "Sortie", "Sortie jeudi."), 201, "")
		e.Clock.Advance(16 * time.Minute)
		cases := []struct {
			name   string
			to     []string
			body   string
			status int
			code   string
		}{
			{"one person", []string{"user:parent.dupont"}, "Bonjour.", 201, ""},
			{"a class", []string{"class:0780001A/4A"}, "Bonjour.", 403, "step_up_required"},
			{"an establishment's staff", []string{"staff:0780001A"}, "Bonjour.", 403, "step_up_required"},
			{"a link", []string{"user:parent.dupont"}, "Voir https://exemple.fr/sortie", 403, "step_up_required"},
			{"a bare domain", []string{"user:parent.dupont"}, "Voir exemple.fr/sortie pour les détails", 403, "step_up_required"},
		}
		for _, tc := range cases {
			expect(t, tc.name, c.send(prof, tc.to, "Objet", tc.body), tc.status, tc.code)
		}
		r := c.do("POST", "/api/v1/messages", prof, map[string]any{"to": []string{"user:parent.dupont"}, "subject": "PJ", "body": "Ci-joint.",
			"attachments": []map[string]string{{"name": "a.txt", "content_type": "text/plain", "base64": base64.StdEncoding.EncodeToString([]byte("bonjour"))}}})
		expect(t, "an attachment", r, 403, "step_up_required")
		expect(t, "step-up, wrong code", c.do("POST", "/api/v1/session/step-up", prof, map[string]any{"otp": "000000"}), 401, "invalid_credentials")
		r = c.do("POST", "/api/v1/session/step-up", prof, map[string]any{"otp": e.OTP(t, 0)})
		expect(t, "step-up", r, 200, "")
		fresh := r.Body["token"].(string)
		expect(t, "old token after rotation", c.do("GET", "/api/v1/me", prof, nil), 401, "unauthenticated")
		expect(t, "class after step-up", c.send(fresh, []string{"class:0780001A/4A"}, "Sortie", "Sortie jeudi."), 201, "")
		expect(t, "replayed step-up code", c.do("POST", "/api/v1/session/step-up", fresh, map[string]any{"otp": e.OTP(t, 0)}), 401, "invalid_credentials")

		// A parent, without a factor: small sends only.
		parent := c.login("parent.dupont")
		expect(t, "parent to a teacher", c.send(parent, []string{"user:prof.martin"}, "Absence", "Léa sera absente."), 201, "")
		expect(t, "parent with a link", c.send(parent, []string{"user:prof.martin"}, "Absence", "https://exemple.fr"), 403, "mfa_enrolment_required")
		expect(t, "parent cannot step up with a password alone for wide sends", c.do("POST", "/api/v1/session/step-up", parent, map[string]any{"otp": "123456"}), 401, "invalid_credentials")

		// Personnel without a factor: may log in and read, not send.
		if err := e.App.DB.InTx(context.Background(), func(tx *store.Tx) error {
			id, err := tx.UserIDByName(context.Background(), "cpe.moulin")
			if err != nil {
				return err
			}
			return tx.ClearTOTP(context.Background(), id)
		}); err != nil {
			t.Fatal(err)
		}
		// The CPE's usual browser (where they activated their account, or
		// logged in before): the account knows it.
		expect(t, "cpe first login", c.do("POST", "/api/v1/session", "", map[string]any{"username": "cpe.moulin", "password": apptest.Password}), 201, "")
		r = c.do("POST", "/api/v1/session", "", map[string]any{"username": "cpe.moulin", "password": apptest.Password})
		expect(t, "cpe login without factor", r, 201, "")
		if r.Body["must_enrol"] != true {
			t.Fatalf("must_enrol not set: %s", r.Raw)
		}
		cpe := r.Body["token"].(string)
		expect(t, "cpe reads", c.do("GET", "/api/v1/inbox", cpe, nil), 200, "")
		expect(t, "cpe sends", c.send(cpe, []string{"user:prof.martin"}, "Bonjour", "Bonjour."), 403, "mfa_enrolment_required")
		// Enrolment: TOTP, confirmed with a code; recovery codes come with it.
		r = c.do("POST", "/api/v1/me/factors/totp", cpe, nil)
		expect(t, "begin totp", r, 201, "")
		secret := r.Body["secret"].(string)
		expect(t, "confirm with a wrong code", c.do("POST", "/api/v1/me/factors/totp/confirm", cpe, map[string]any{"code": "000000"}), 401, "invalid_credentials")
		code, _ := auth.TOTPCode(secret, e.Clock.Now())
		r = c.do("POST", "/api/v1/me/factors/totp/confirm", cpe, map[string]any{"code": code})
		expect(t, "confirm", r, 200, "")
		recovery := r.Body["recovery_codes"].([]any)
		if len(recovery) != 10 {
			t.Fatalf("recovery codes: %s", r.Raw)
		}
		expect(t, "cpe sends after enrolment", c.send(cpe, []string{"user:prof.martin"}, "Bonjour", "Bonjour."), 201, "")
		expect(t, "remove the last factor", c.do("DELETE", "/api/v1/me/factors/totp", cpe, nil), 409, "conflict")
		e.Clock.Advance(11 * time.Minute)
		expect(t, "enrol without a recent login", c.do("POST", "/api/v1/me/factors/passkeys/options", cpe, nil), 403, "step_up_required")
		// A recovery code logs in once.
		body := map[string]any{"username": "cpe.moulin", "password": apptest.Password, "recovery_code": strings.ToLower(recovery[0].(string))}
		expect(t, "recovery code", c.do("POST", "/api/v1/session", "", body), 201, "")
		expect(t, "recovery code again", c.do("POST", "/api/v1/session", "", body), 401, "invalid_credentials")
	})
}

// TestSessionBinding: a session used from another network or browser may
// read but must step up before sending, and its user is told.
func TestSessionBinding(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		home := newClient(t, e)
		tok := home.login("prof.martin")
		expect(t, "same /24, same browser", home.from("192.0.2.99", home.ua).send(tok, []string{"user:parent.dupont"}, "Objet", "Bonjour."), 201, "")
		thief := home.from("198.51.100.7", "Mozilla/5.0 Chrome/121.0")
		expect(t, "stolen cookie reads", thief.do("GET", "/api/v1/inbox", tok, nil), 200, "")
		expect(t, "stolen cookie sends", thief.send(tok, []string{"user:parent.dupont"}, "Objet", "Bonjour."), 403, "step_up_required")
		expect(t, "stolen cookie enrols a factor", thief.do("POST", "/api/v1/me/factors/totp", tok, nil), 403, "step_up_required")
		expect(t, "even back home, the session stays suspect", home.send(tok, []string{"user:parent.dupont"}, "Objet", "Bonjour."), 403, "step_up_required")
		r := home.do("GET", "/api/v1/me/notices", tok, nil)
		if !strings.Contains(r.Raw, "session_moved") {
			t.Fatalf("no notice of the moved session: %s", r.Raw)
		}
		r = home.do("POST", "/api/v1/session/step-up", tok, map[string]any{"otp": e.OTP(t, 1)})
		expect(t, "step-up re-ties the session", r, 200, "")
		expect(t, "send after step-up", home.send(r.Body["token"].(string), []string{"user:parent.dupont"}, "Objet", "Bonjour."), 201, "")

		// A parent without a factor re-ties with the password.
		ptok := home.login("parent.dupont")
		away := home.from("198.51.100.8", "Mozilla/5.0 Chrome/121.0")
		expect(t, "parent moved", away.send(ptok, []string{"user:prof.martin"}, "Objet", "Bonjour."), 403, "step_up_required")
		expect(t, "parent step-up wrong password", away.do("POST", "/api/v1/session/step-up", ptok, map[string]any{"password": "not the password"}), 401, "invalid_credentials")
		r = away.do("POST", "/api/v1/session/step-up", ptok, map[string]any{"password": apptest.Password})
		expect(t, "parent step-up with password", r, 200, "")
		expect(t, "parent sends again", away.send(r.Body["token"].(string), []string{"user:prof.martin"}, "Objet", "Bonjour."), 201, "")
		expect(t, "a password is not a factor for personnel", home.do("POST", "/api/v1/session/step-up", home.login("prof.bernard"), map[string]any{"password": apptest.Password}), 403, "forbidden")
	})
}

// TestSessionsAndPassword: listing and revoking sessions, changing the
// password, the family long session only on a known device.
func TestSessionsAndPassword(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		// First login from this browser: a new device, short session.
		a := c.login("parent.durand")
		e.Clock.Advance(31 * time.Minute)
		expect(t, "family session on a new device idles out", c.do("GET", "/api/v1/me", a, nil), 401, "unauthenticated")
		a = c.login("parent.durand")
		e.Clock.Advance(31 * time.Minute)
		expect(t, "family session on a known device lasts", c.do("GET", "/api/v1/me", a, nil), 200, "")
		b := c.login("parent.durand")
		r := c.do("GET", "/api/v1/me/sessions", a, nil)
		list := r.Body["sessions"].([]any)
		if len(list) != 2 {
			t.Fatalf("sessions: %s", r.Raw)
		}
		var other string
		for _, x := range list {
			if m := x.(map[string]any); m["current"] == false {
				other = m["id"].(string)
			}
		}
		expect(t, "revoke other", c.do("DELETE", "/api/v1/me/sessions/"+other, a, nil), 204, "")
		expect(t, "revoked session", c.do("GET", "/api/v1/me", b, nil), 401, "unauthenticated")
		expect(t, "unknown session", c.do("DELETE", "/api/v1/me/sessions/nope", a, nil), 404, "not_found")
		b = c.login("parent.durand")
		// Account changes need a login of the last minutes.
		expect(t, "stale session changes the password", c.do("POST", "/api/v1/me/password", a, map[string]any{"current": apptest.Password, "new": "Les Durand vont à la mer en juillet"}), 403, "step_up_required")
		a = c.login("parent.durand")
		pw := "Les Durand vont à la mer en juillet"
		expect(t, "wrong current", c.do("POST", "/api/v1/me/password", a, map[string]any{"current": "nope", "new": pw}), 401, "invalid_credentials")
		expect(t, "weak new", c.do("POST", "/api/v1/me/password", a, map[string]any{"current": apptest.Password, "new": "motdepasse123"}), 422, "invalid_request")
		expect(t, "own name", c.do("POST", "/api/v1/me/password", a, map[string]any{"current": apptest.Password, "new": "Paul.Durand.1978!!"}), 422, "invalid_request")
		expect(t, "change", c.do("POST", "/api/v1/me/password", a, map[string]any{"current": apptest.Password, "new": pw}), 204, "")
		expect(t, "other session after change", c.do("GET", "/api/v1/me", b, nil), 401, "unauthenticated")
		expect(t, "this session after change", c.do("GET", "/api/v1/me", a, nil), 200, "")
		expect(t, "old password", c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.durand", "password": apptest.Password}), 401, "invalid_credentials")
		expect(t, "new password", c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.durand", "password": pw}), 201, "")
	})
}

// TestNotMe: a login from a new device leaves a notice; "ce n'était pas
// moi" locks the account and revokes every session; an administrator
// unlocks.
func TestNotMe(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		mine := c.login("parent.durand")
		r := c.from("198.51.100.50", "Mozilla/5.0 Edge/120").do("POST", "/api/v1/session", "", map[string]any{"username": "parent.durand", "password": apptest.Password})
		expect(t, "login from elsewhere", r, 201, "")
		if r.Body["new_device"] != true {
			t.Fatalf("not a new device: %s", r.Raw)
		}
		theirs := r.Body["token"].(string)
		r = c.do("GET", "/api/v1/me/notices", mine, nil)
		notices := r.Body["notices"].([]any)
		if len(notices) != 1 || notices[0].(map[string]any)["kind"] != "new_device" {
			t.Fatalf("notices: %s", r.Raw)
		}
		id := notices[0].(map[string]any)["id"].(string)
		expect(t, "someone else's notice", c.do("POST", "/api/v1/me/notices/"+id+"/not-me", c.login("parent.dupont"), nil), 404, "not_found")
		expect(t, "not me", c.do("POST", "/api/v1/me/notices/"+id+"/not-me", mine, nil), 204, "")
		expect(t, "my session", c.do("GET", "/api/v1/me", mine, nil), 401, "unauthenticated")
		expect(t, "their session", c.do("GET", "/api/v1/me", theirs, nil), 401, "unauthenticated")
		expect(t, "login while locked", c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.durand", "password": apptest.Password}), 423, "locked")
		expect(t, "wrong password while locked tells nothing", c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.durand", "password": "nope nope nope"}), 401, "invalid_credentials")
		rssi := c.login("rssi.versailles")
		expect(t, "unlock", c.do("POST", "/api/v1/admin/accounts/parent.durand/unlock", rssi, nil), 204, "")
		c.login("parent.durand")
		// The emailed link works without a session, once its token is right.
		var nid int64
		fmt.Sscan(id, &nid)
		expect(t, "link with a wrong token", c.do("POST", "/api/v1/notices/not-me", "", map[string]any{"notice": id, "token": "AAAA"}), 404, "not_found")
		expect(t, "link", c.do("POST", "/api/v1/notices/not-me", "", map[string]any{"notice": id, "token": e.App.Auth.NotMeToken(nid)}), 204, "")
		expect(t, "locked again", c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.durand", "password": apptest.Password}), 423, "locked")
	})
}

// TestAdminActions: read-only, revocation by user and by scope, factor
// requirements, each within the caller's authority.
func TestAdminActions(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		head := c.login("principal.moulin")
		parent := c.login("parent.dupont")
		expect(t, "read-only", c.do("POST", "/api/v1/admin/accounts/parent.dupont/read-only", head, map[string]any{"read_only": true}), 204, "")
		expect(t, "read-only sends", c.send(parent, []string{"user:prof.martin"}, "Objet", "Bonjour."), 403, "forbidden")
		expect(t, "out of scope", c.do("POST", "/api/v1/admin/accounts/parent.reunion/read-only", head, map[string]any{"read_only": true}), 403, "forbidden")
		expect(t, "read-write", c.do("POST", "/api/v1/admin/accounts/parent.dupont/read-only", head, map[string]any{"read_only": false}), 204, "")
		r := c.do("DELETE", "/api/v1/admin/accounts/parent.dupont/sessions", head, nil)
		expect(t, "revoke user", r, 200, "")
		expect(t, "revoked", c.do("GET", "/api/v1/me", parent, nil), 401, "unauthenticated")
		parent = c.login("parent.dupont")
		expect(t, "scope beyond authority", c.do("POST", "/api/v1/admin/sessions/revoke", head, map[string]any{"scope": "academie:versailles"}), 403, "forbidden")
		expect(t, "bad scope", c.do("POST", "/api/v1/admin/sessions/revoke", head, map[string]any{"scope": "planet:earth"}), 422, "invalid_request")
		r = c.do("POST", "/api/v1/admin/sessions/revoke", head, map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent"}})
		expect(t, "revoke scope", r, 200, "")
		expect(t, "revoked by scope", c.do("GET", "/api/v1/me", parent, nil), 401, "unauthenticated")
		expect(t, "head kept", c.do("GET", "/api/v1/me", head, nil), 200, "")
		// Second factor required of parents in the establishment.
		expect(t, "require", c.do("POST", "/api/v1/admin/mfa-requirements", head, map[string]any{"scope": "establishment:0780001A", "role": "parent"}), 204, "")
		r = c.do("GET", "/api/v1/admin/mfa-requirements", head, nil)
		if !strings.Contains(r.Raw, "establishment:0780001A") {
			t.Fatalf("requirements: %s", r.Raw)
		}
		r = c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password})
		if r.Body["must_enrol"] != true {
			t.Fatalf("must_enrol: %s", r.Raw)
		}
		expect(t, "parent without the required factor", c.send(r.Body["token"].(string), []string{"user:prof.martin"}, "Objet", "Bonjour."), 403, "mfa_enrolment_required")
		expect(t, "parent elsewhere unaffected", c.send(c.login("parent.hugo"), []string{"user:prof.hugo"}, "Objet", "Bonjour."), 201, "")
	})
}

// TestMassReset: codes as CSV and PDF, forced reset at login, activation,
// acknowledgement, enrolment, probation.
func TestMassReset(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		before := c.login("parent.dupont")
		admin := c.login("rssi.versailles")
		expect(t, "reset beyond authority", c.do("POST", "/api/v1/admin/resets", c.login("principal.moulin"), map[string]any{"scope": "establishment:0780002B"}), 403, "forbidden")
		r := c.do("POST", "/api/v1/admin/resets", admin, map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent", "teacher"}})
		expect(t, "reset", r, 201, "")
		if r.Body["count"].(float64) != 4 {
			t.Fatalf("reset count: %s", r.Raw)
		}
		codes := map[string]string{}
		for _, x := range r.Body["accounts"].([]any) {
			m := x.(map[string]any)
			codes[m["username"].(string)] = m["code"].(string)
		}
		if !strings.Contains(r.Body["csv"].(string), "parent.dupont,Marie Dupont,parent,Collège Jean Moulin,,"+codes["parent.dupont"]) {
			t.Fatalf("csv: %s", r.Body["csv"])
		}
		pdf, _ := base64.StdEncoding.DecodeString(r.Body["pdf_base64"].(string))
		if !strings.HasPrefix(string(pdf), "%PDF-1.4") || !strings.Contains(string(pdf), `r\351initialisation`) || !strings.Contains(string(pdf), "/WinAnsiEncoding") ||
			strings.Count(string(pdf), "/Type /Page ") != 4 {
			t.Fatalf("pdf: %d bytes", len(pdf))
		}
		expect(t, "old session", c.do("GET", "/api/v1/me", before, nil), 401, "unauthenticated")
		expect(t, "old password", c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password}), 403, "password_reset_required")
		pw := "Un nouveau départ pour Marie en novembre"
		expect(t, "wrong code", c.do("POST", "/api/v1/activation", "", map[string]any{"username": "parent.dupont", "code": "AAAA-BBBB-CCCC", "password": pw}), 401, "invalid_credentials")
		expect(t, "unknown user", c.do("POST", "/api/v1/activation", "", map[string]any{"username": "ghost", "code": "AAAA-BBBB-CCCC", "password": pw}), 401, "invalid_credentials")
		expect(t, "weak password", c.do("POST", "/api/v1/activation", "", map[string]any{"username": "parent.dupont", "code": codes["parent.dupont"], "password": "azertyuiop1234567"}), 422, "invalid_request")
		expect(t, "activate", c.do("POST", "/api/v1/activation", "", map[string]any{"username": "parent.dupont", "code": strings.ToLower(codes["parent.dupont"]), "password": pw}), 204, "")
		expect(t, "code spent", c.do("POST", "/api/v1/activation", "", map[string]any{"username": "parent.dupont", "code": codes["parent.dupont"], "password": pw + "!"}), 401, "invalid_credentials")
		r = c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": pw})
		expect(t, "login after activation", r, 201, "")
		if r.Body["must_acknowledge"] != true || r.Body["security_instructions"] == nil {
			t.Fatalf("acknowledgement: %s", r.Raw)
		}
		tok := r.Body["token"].(string)
		expect(t, "send before ack", c.send(tok, []string{"user:prof.bernard"}, "Objet", "Bonjour."), 403, "security_ack_required")
		expect(t, "ack", c.do("POST", "/api/v1/me/security-ack", tok, nil), 204, "")
		for i := 0; i < 10; i++ {
			expect(t, "probation send", c.send(tok, []string{"user:prof.bernard"}, "Objet", fmt.Sprintf("Bonjour %d.", i)), 201, "")
		}
		r = c.send(tok, []string{"user:prof.bernard"}, "Objet", "Un de trop.")
		expect(t, "probation limit", r, 429, "throttled")
		e.Clock.Advance(73 * time.Hour)
		tok = c.login2("parent.dupont", pw)
		expect(t, "after probation", c.send(tok, []string{"user:prof.bernard"}, "Objet", "Bonjour."), 201, "")
		// A teacher comes back without a factor: must enrol before sending.
		expect(t, "teacher activates", c.do("POST", "/api/v1/activation", "", map[string]any{"username": "prof.martin", "code": codes["prof.martin"], "password": pw}), 204, "")
		r = c.do("POST", "/api/v1/session", "", map[string]any{"username": "prof.martin", "password": pw})
		if r.Status != 201 || r.Body["must_enrol"] != true {
			t.Fatalf("teacher login after reset: %s", r.Raw)
		}
		ttok := r.Body["token"].(string)
		expect(t, "teacher ack", c.do("POST", "/api/v1/me/security-ack", ttok, nil), 204, "")
		expect(t, "teacher without factor", c.send(ttok, []string{"user:parent.dupont"}, "Objet", "Bonjour."), 403, "mfa_enrolment_required")
	})
}

func (c *client) login2(user, pw string) string {
	c.t.Helper()
	r := c.do("POST", "/api/v1/session", "", map[string]any{"username": user, "password": pw})
	if r.Status != 201 {
		c.t.Fatalf("login %s: %d %s", user, r.Status, r.Raw)
	}
	return r.Body["token"].(string)
}
