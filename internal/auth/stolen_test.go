package auth_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
)

// The reproductions of issue 10: what an attacker holding a stolen cookie
// (replayed from another network), a stolen password, or a sanctioned
// account tried, each refused.

// thief replays the head's session from another network and browser.
func thief(c *client) *client {
	return c.from("203.0.113.50", "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0")
}

func TestStolenAdminCookie(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		head := c.login("principal.moulin")
		bad := thief(c)
		for _, x := range []struct {
			what, method, path string
			body               any
		}{
			{"mass reset with every activation code", "POST", "/api/v1/admin/resets", map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent"}}},
			{"allow a domain", "POST", "/api/v1/admin/screen/allowed-domains", map[string]any{"domain": "ac-versailles.fr.evil.example"}},
			{"stop requiring a factor", "POST", "/api/v1/admin/mfa-requirements", map[string]any{"scope": "establishment:0780001A", "role": "parent", "required": false}},
			{"revoke every head's sessions", "POST", "/api/v1/admin/sessions/revoke", map[string]any{"scope": "establishment:0780001A", "roles": []string{"head", "staff"}}},
			{"unlock an account", "POST", "/api/v1/admin/accounts/prof.bernard/unlock", nil},
			{"read the moderation queue", "GET", "/api/v1/moderation/queue", nil},
			{"read the audit trail", "GET", "/api/v1/admin/audit", nil},
			{"apply a preset", "POST", "/api/v1/admin/presets", map[string]any{"name": "open", "scope": "establishment:0780001A"}},
		} {
			r := bad.do(x.method, x.path, head, x.body)
			expect(t, "stolen cookie: "+x.what, r, 403, "step_up_required")
			if r.Body["accounts"] != nil {
				t.Fatalf("%s: activation codes handed out: %s", x.what, r.Raw)
			}
		}
		// The owner was told that the session was used elsewhere.
		r := c.do("GET", "/api/v1/me/notices", c.login("principal.moulin"), nil)
		found := false
		for _, n := range r.Body["notices"].([]any) {
			if n.(map[string]any)["kind"] == "session_moved" {
				found = true
			}
		}
		if !found {
			t.Errorf("no session_moved notice: %s", r.Raw)
		}
	})
}

func TestStaleAdminSession(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		head := c.login("principal.moulin")
		e.Clock.Advance(11 * time.Minute)
		// Protective acts go through on a session opened with a factor…
		expect(t, "suspend parents", c.do("POST", "/api/v1/admin/suspensions", head,
			map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent"}, "reason": "messages suspects"}), 201, "")
		// …acts that open or reach wide need a fresh check.
		expect(t, "mass reset", c.do("POST", "/api/v1/admin/resets", head, map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent"}}), 403, "step_up_required")
		r := c.do("POST", "/api/v1/session/step-up", head, map[string]any{"otp": e.OTP(t, 1)})
		expect(t, "step up", r, 200, "")
		fresh := r.Body["token"].(string)
		r = c.do("POST", "/api/v1/admin/resets", fresh, map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent"}})
		expect(t, "mass reset after step-up", r, 201, "")
		// The académie was told of it.
		rssi := c.login("rssi.versailles")
		r = c.do("GET", "/api/v1/me/notices", rssi, nil)
		told := false
		for _, n := range r.Body["notices"].([]any) {
			if n.(map[string]any)["kind"] == "reset_made" {
				told = true
				// The notice names the establishment as its readers know
				// it and agrees the count.
				msg, _ := n.(map[string]any)["message"].(string)
				if !strings.Contains(msg, "\u00a0comptes (Collège Jean Moulin, 0780001A) par principal.moulin") || strings.Contains(msg, "(s)") {
					t.Errorf("reset notice: %q", msg)
				}
			}
		}
		if !told {
			t.Errorf("académie not told of the reset: %s", r.Raw)
		}
	})
}

func TestHeadWithoutFactor(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		c := newClient(t, e)
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			id, err := tx.UserIDByName(ctx, "principal.moulin")
			if err != nil {
				return err
			}
			return tx.ClearFactors(ctx, id, store.Micros(e.Clock.Now()), "test")
		}); err != nil {
			t.Fatal(err)
		}
		head := c.login("principal.moulin")
		expect(t, "suspend", c.do("POST", "/api/v1/admin/suspensions", head,
			map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent"}, "reason": "test"}), 403, "mfa_enrolment_required")
		expect(t, "mass reset", c.do("POST", "/api/v1/admin/resets", head, map[string]any{"scope": "establishment:0780001A"}), 403, "mfa_enrolment_required")
	})
}

// TestSanctionsFromAbove: a sanction is lifted only from the imposer's
// level up, and never by the sanctioned person.
func TestSanctionsFromAbove(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		c := newClient(t, e)
		rssi := c.login("rssi.versailles")
		// The académie locks a teacher; the head cannot unlock them.
		expect(t, "académie locks", c.do("POST", "/api/v1/admin/accounts/prof.bernard/lock", rssi, map[string]any{"reason": "compte compromis"}), 204, "")
		head := c.login("principal.moulin")
		expect(t, "head unlocks the académie's lock", c.do("POST", "/api/v1/admin/accounts/prof.bernard/unlock", head, nil), 403, "forbidden")
		expect(t, "académie unlocks", c.do("POST", "/api/v1/admin/accounts/prof.bernard/unlock", c.login("rssi.versailles"), nil), 204, "")
		// The académie suspends the heads of the collège: the head cannot
		// lift it, nor pass it with an urgent send.
		r := c.do("POST", "/api/v1/admin/suspensions", c.login("rssi.versailles"),
			map[string]any{"scope": "establishment:0780001A", "roles": []string{"head"}, "reason": "compte de direction compromis"})
		expect(t, "académie suspends heads", r, 201, "")
		id := r.Body["id"].(string)
		head = c.login("principal.moulin")
		expect(t, "head lifts the académie's suspension", c.do("DELETE", "/api/v1/admin/suspensions/"+id, head, nil), 403, "forbidden")
		r = c.do("POST", "/api/v1/messages", head, map[string]any{"to": []string{"user:prof.martin"}, "subject": "Urgent", "body": "Réunion immédiate.",
			"urgent": true, "urgent_reason": "crise"})
		if r.Status == 201 {
			t.Errorf("urgent send passed an académie suspension: %s", r.Raw)
		}
		// Containment's read-only: the head cannot clear their own, nor
		// can another head of the académie; the académie can.
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			id, err := tx.UserIDByName(ctx, "principal.moulin")
			if err != nil {
				return err
			}
			return tx.LockSender(ctx, id, "academie:versailles", store.Micros(e.Clock.Now()), "test")
		}); err != nil {
			t.Fatal(err)
		}
		head = c.login("principal.moulin")
		expect(t, "head clears own read-only", c.do("POST", "/api/v1/admin/accounts/principal.moulin/read-only", head, map[string]any{"read_only": false}), 403, "forbidden")
		a := e.Actor(t, "rssi.versailles")
		if err := e.App.Auth.SetReadOnly(ctx, a, "principal.moulin", false); err != nil {
			t.Fatalf("académie clears containment: %v", err)
		}
		if err := e.App.Rules.Lift(ctx, e.Actor(t, "rssi.versailles"), id); err != nil {
			t.Fatalf("académie lifts: %v", err)
		}
		if _, err := e.App.Rules.Suspend(ctx, e.Actor(t, "principal.moulin"), rules.SuspensionInput{Scope: "academie:versailles", Reason: "x"}); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("head suspends the académie: %v", err)
		}
	})
}

// TestAccountTakeoverRefused: a stolen cookie or password cannot change the
// password, end the owner's sessions or enrol the thief's factor.
func TestAccountTakeoverRefused(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		prof := c.login("prof.martin")
		bad := thief(c)
		expect(t, "moved session changes the password", bad.do("POST", "/api/v1/me/password", prof,
			map[string]any{"current": apptest.Password, "new": "Le voleur a pris la main sur ce compte"}), 403, "step_up_required")
		expect(t, "moved session ends the owner's sessions", bad.do("DELETE", "/api/v1/me/sessions", prof, nil), 403, "step_up_required")
		// The parent logs in from home first; the thief then logs in with
		// the stolen password from elsewhere and tries to enrol a factor.
		c.login("parent.durand")
		stolen := bad.login("parent.durand")
		expect(t, "thief enrols a factor", bad.do("POST", "/api/v1/me/factors/totp", stolen, nil), 403, "step_up_required")
		expect(t, "thief changes the password", bad.do("POST", "/api/v1/me/password", stolen,
			map[string]any{"current": apptest.Password, "new": "Le voleur a pris la main sur ce compte"}), 403, "step_up_required")
		// The parent, on the known device, can.
		own := c.login("parent.durand")
		expect(t, "owner enrols a factor", c.do("POST", "/api/v1/me/factors/totp", own, nil), 201, "")
	})
}

// TestFanOutBudget: a stale session refused a step-up for a class cannot
// reach the same people by writing to them one by one.
func TestFanOutBudget(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		const n = 14
		now := e.Clock.Now()
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			for i := 0; i < n; i++ {
				sid, err := tx.UpsertUser(ctx, bouclier.User{Username: fmt.Sprintf("eleve.fan%d", i), DisplayName: "Élève", Role: bouclier.RoleStudent,
					UAI: "0780001A", Class: "4A"}, "", now)
				if err != nil {
					return err
				}
				pid, err := tx.UpsertUser(ctx, bouclier.User{Username: fmt.Sprintf("parent.fan%d", i), DisplayName: "Parent", Role: bouclier.RoleParent,
					UAI: "0780001A"}, "", now)
				if err != nil {
					return err
				}
				if err := tx.LinkParent(ctx, pid, sid); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		c := newClient(t, e)
		prof := c.login("prof.martin")
		e.Clock.Advance(16 * time.Minute)
		expect(t, "the class's parents at once", c.send(prof, []string{"parents:0780001A/4A"}, "Sortie", "Sortie au musée jeudi."), 403, "step_up_required")
		// The same parent many times is not a fan-out.
		for i := 0; i < 12; i++ {
			expect(t, "one parent again", c.send(prof, []string{"user:parent.fan0"}, "Suivi", "Point sur le travail de la semaine."), 201, "")
		}
		sent := 1
		var refused bool
		for i := 1; i < n; i++ {
			r := c.send(prof, []string{fmt.Sprintf("user:parent.fan%d", i)}, "Sortie", "Sortie au musée jeudi.")
			if r.Status == 201 {
				sent++
				continue
			}
			expect(t, "past the budget", r, 403, "step_up_required")
			refused = true
			break
		}
		if !refused || sent != 10 {
			t.Errorf("reached %d distinct parents one by one (refused=%v), want 10 then step-up", sent, refused)
		}
	})
}

// TestLinkGuardSeesBareDomains: an account without a second factor sends
// no link, whether written as a URL, a bare domain or a defanged one.
func TestLinkGuardSeesBareDomains(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		parent := c.login("parent.durand")
		for _, body := range []string{"Les notes sont sur ac-versailles-fr.com, connectez-vous.", "Voir pronote[.]login-secure[.]top pour la réunion.",
			"Nouveau site : educonnect(dot)xyz"} {
			expect(t, "link "+body, c.send(parent, []string{"user:prof.martin"}, "Info", body), 403, "mfa_enrolment_required")
		}
		expect(t, "no link", c.send(parent, []string{"user:prof.martin"}, "Info", "Hugo sera absent demain.Il a de la fièvre."), 201, "")
	})
}
