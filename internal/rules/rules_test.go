package rules_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/policy"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/server"
)

func user(t *testing.T, e *apptest.Env, name string) bouclier.User {
	t.Helper()
	u, err := e.App.DB.UserByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func send(t *testing.T, e *apptest.Env, from string, to ...string) (messaging.Result, error) {
	t.Helper()
	return e.App.Messaging.Send(auth.InProcess(context.Background()), user(t, e, from), messaging.Draft{To: to, Subject: "Information", Body: "Bonjour, voici une information pour la classe."}, "test")
}

// TestCircular2024 runs the demo's default rules: students closed, adults
// closed from 23:00 to 07:00 in the establishment's own time zone.
func TestCircular2024(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "circular-2024", "national"); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			at   time.Time
			from string
			to   string
			code bouclier.Code // "" for delivered
		}{
			{time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC), "eleve.dupont", "user:prof.martin", bouclier.ErrMessagingClosed},
			{time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC), "prof.martin", "parents:0780001A/4A", ""},
			{time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC), "parent.dupont", "user:prof.martin", ""},
			// Students may not receive either: a class-wide message is refused, saying why.
			{time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC), "prof.martin", "class:0780001A/4A", bouclier.ErrMessagingClosed},
			// 22:30 UTC is 23:30 in Paris: closed; 02:30 in La Réunion: closed.
			{time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC), "prof.martin", "parents:0780001A/4A", bouclier.ErrMessagingClosed},
			{time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC), "prof.reunion", "parents:9740001C/5A", bouclier.ErrMessagingClosed},
			// 19:30 UTC is 20:30 in Paris (open) and 23:30 in La Réunion (closed).
			{time.Date(2026, 11, 24, 19, 30, 0, 0, time.UTC), "prof.martin", "parents:0780001A/4A", ""},
			{time.Date(2026, 11, 24, 19, 30, 0, 0, time.UTC), "prof.reunion", "parents:9740001C/5A", bouclier.ErrMessagingClosed},
			// 04:30 UTC is 05:30 in Paris (closed) and 08:30 in La Réunion (open).
			{time.Date(2026, 11, 25, 4, 30, 0, 0, time.UTC), "prof.martin", "parents:0780001A/4A", bouclier.ErrMessagingClosed},
			{time.Date(2026, 11, 25, 4, 30, 0, 0, time.UTC), "prof.reunion", "parents:9740001C/5A", ""},
			// Summer time: 21:30 UTC on 1 July is 23:30 in Paris.
			{time.Date(2026, 7, 1, 21, 30, 0, 0, time.UTC), "principal.moulin", "staff:0780001A", bouclier.ErrMessagingClosed},
			{time.Date(2026, 7, 1, 20, 30, 0, 0, time.UTC), "principal.moulin", "staff:0780001A", ""},
		}
		for _, c := range cases {
			e.Clock.Set(c.at)
			e.App.Rules.Invalidate()
			res, err := send(t, e, c.from, c.to)
			if got := codeOf(err); got != c.code {
				t.Errorf("%s at %s: %q (%v), want %q", c.from, c.at.Format(time.RFC3339), got, err, c.code)
			}
			if c.code == "" && res.Status != bouclier.StatusDelivered {
				t.Errorf("%s at %s: status %s", c.from, c.at, res.Status)
			}
		}
		// A refused send says when it reopens and keeps the draft.
		e.Clock.Set(time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC))
		res, err := send(t, e, "prof.martin", "parents:0780001A/4A")
		if codeOf(err) != bouclier.ErrMessagingClosed || res.DraftID == 0 {
			t.Fatalf("refusal: %v draft=%d", err, res.DraftID)
		}
		if msg := bouclier.ErrorMessage(err); !contains(msg, "réouverture à 7\u00a0h\u00a000") {
			t.Errorf("refusal does not say when it reopens: %q", msg)
		}
		// Attempts while closed are recorded as a risk signal.
		n, err := e.App.DB.CountClosedAttempts(ctx, user(t, e, "prof.martin").ID, 0)
		if err != nil || n < 2 {
			t.Errorf("closed attempts recorded: %d (%v)", n, err)
		}
	})
}

func codeOf(err error) bouclier.Code {
	if err == nil {
		return ""
	}
	return bouclier.ErrorCode(err)
}

func contains(s, sub string) bool {
	return len(s) >= len(sub) && (s == sub || len(sub) == 0 || indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestSuspensions(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		head := e.Actor(t, "principal.moulin")
		rssi := e.Actor(t, "rssi.versailles")
		// Authority follows the hierarchy.
		for _, c := range []struct {
			who   bouclier.Actor
			scope string
			ok    bool
		}{
			{head, "establishment:0780002B", false},
			{head, "academie:versailles", false},
			{head, "national", false},
			{rssi, "academie:la-reunion", false},
			{rssi, "establishment:9740001C", false},
			{e.Actor(t, "prof.martin"), "establishment:0780001A", false},
		} {
			_, err := e.App.Rules.Suspend(ctx, c.who, rules.SuspensionInput{Scope: c.scope, Reason: "test"})
			if codeOf(err) != bouclier.ErrForbidden {
				t.Errorf("%s suspends %s: %v, want forbidden", c.who.User.Username, c.scope, err)
			}
		}
		if _, err := e.App.Rules.Suspend(ctx, head, rules.SuspensionInput{Scope: "establishment:0780001A", Reason: ""}); codeOf(err) != bouclier.ErrInvalidRequest {
			t.Errorf("no reason: %v", err)
		}
		id, err := e.App.Rules.Suspend(ctx, head, rules.SuspensionInput{Scope: "establishment:0780001A", Roles: []string{"parent"}, Reason: "Messages malveillants en cours d’analyse"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := send(t, e, "parent.dupont", "user:prof.martin"); codeOf(err) != bouclier.ErrMessagingClosed || !contains(bouclier.ErrorMessage(err), "malveillants") {
			t.Errorf("suspended parent: %v", err)
		}
		if _, err := send(t, e, "parent.hugo", "user:prof.hugo"); err != nil {
			t.Errorf("parent of another establishment: %v", err)
		}
		if _, err := send(t, e, "prof.martin", "user:cpe.moulin"); err != nil {
			t.Errorf("teachers are not suspended: %v", err)
		}
		// Parents whose sending is suspended still receive.
		if _, err := send(t, e, "prof.martin", "parents:0780001A/4A"); err != nil {
			t.Errorf("message to parents suspended from sending: %v", err)
		}
		ex, err := e.App.Rules.Explain(ctx, user(t, e, "parent.dupont"), e.Clock.Now())
		if err != nil || ex.Send || !contains(ex.Reason, "malveillants") {
			t.Errorf("explain: %+v %v", ex, err)
		}
		// Another head cannot lift it; the académie can.
		if err := e.App.Rules.Lift(ctx, e.Actor(t, "prof.hugo"), id); codeOf(err) != bouclier.ErrForbidden {
			t.Errorf("lift by a teacher: %v", err)
		}
		if err := e.App.Rules.Lift(ctx, rssi, id); err != nil {
			t.Fatal(err)
		}
		if _, err := send(t, e, "parent.dupont", "user:prof.martin"); err != nil {
			t.Errorf("after lift: %v", err)
		}
		if err := e.App.Rules.Lift(ctx, rssi, id); codeOf(err) != bouclier.ErrNotFound {
			t.Errorf("lift twice: %v", err)
		}
		// One that says so stops receiving too: a message to those parents
		// reaches none of them and is refused.
		if _, err := e.App.Rules.Suspend(ctx, e.Actor(t, "principal.moulin"), rules.SuspensionInput{Scope: "establishment:0780001A", Roles: []string{"parent"},
			Reason: "Comptes des familles compromis", StopsReceiving: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := send(t, e, "prof.martin", "parents:0780001A/4A"); codeOf(err) != bouclier.ErrMessagingClosed {
			t.Errorf("message to parents who may not receive: %v", err)
		}
		// A suspension with an end stops by itself.
		until := e.Clock.Now().Add(time.Hour)
		if _, err := e.App.Rules.Suspend(ctx, rssi, rules.SuspensionInput{Scope: "academie:versailles", Reason: "Crise", Until: &until}); err != nil {
			t.Fatal(err)
		}
		if _, err := send(t, e, "prof.hugo", "class:0780002B/2NDE1"); codeOf(err) != bouclier.ErrMessagingClosed {
			t.Errorf("académie suspension: %v", err)
		}
		if _, err := send(t, e, "prof.reunion", "class:9740001C/5A"); err != nil {
			t.Errorf("another académie: %v", err)
		}
		e.Clock.Advance(61 * time.Minute)
		if _, err := send(t, e, "prof.hugo", "class:0780002B/2NDE1"); err != nil {
			t.Errorf("after the suspension's end: %v", err)
		}
	})
}

// TestUrgentOverride: staff may send through a closure with a reason,
// audited; teachers may not.
func TestUrgentOverride(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := auth.InProcess(context.Background())
		if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "circular-2024", "national"); err != nil {
			t.Fatal(err)
		}
		e.Clock.Set(time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC)) // 23:30 in Paris
		d := messaging.Draft{To: []string{"parents:0780001A/4A"}, Subject: "Collège fermé demain", Body: "Le collège sera fermé demain en raison d’une panne de chauffage.", Urgent: true}
		if _, err := e.App.Messaging.Send(ctx, user(t, e, "principal.moulin"), d, "test"); codeOf(err) != bouclier.ErrInvalidRequest {
			t.Errorf("urgent without reason: %v", err)
		}
		d.UrgentReason = "Fermeture exceptionnelle"
		if _, err := e.App.Messaging.Send(ctx, user(t, e, "prof.martin"), d, "test"); codeOf(err) != bouclier.ErrForbidden {
			t.Errorf("teacher urgent: %v", err)
		}
		res, err := e.App.Messaging.Send(ctx, user(t, e, "principal.moulin"), d, "test")
		if err != nil || res.Status != bouclier.StatusDelivered {
			t.Fatalf("head urgent: %+v %v", res, err)
		}
		rows, err := e.App.DB.AuditFor(ctx, "principal.moulin", 10)
		if err != nil || len(rows) == 0 || rows[0].Action != "message.urgent" || !contains(rows[0].Detail, "Fermeture exceptionnelle") {
			t.Errorf("urgent use not audited: %+v %v", rows, err)
		}
		// The académie sees it; another académie's administrator does not.
		seen, err := audit.List(ctx, e.App.DB, e.App.Directory.HasAuthority, user(t, e, "rssi.versailles"), "message.urgent", 0, 10)
		if err != nil || len(seen) != 1 || seen[0].Actor != "principal.moulin" {
			t.Errorf("académie view of urgent sends: %+v %v", seen, err)
		}
		other := bouclier.User{Username: "rssi.reunion", Role: bouclier.RoleAcademyAdmin, Academie: "la-reunion"}
		if seen, err := audit.List(ctx, e.App.DB, e.App.Directory.HasAuthority, other, "message.urgent", 0, 10); err != nil || len(seen) != 0 {
			t.Errorf("another académie sees %d urgent sends (%v)", len(seen), err)
		}
		if _, err := audit.List(ctx, e.App.DB, e.App.Directory.HasAuthority, user(t, e, "prof.martin"), "", 0, 10); codeOf(err) != bouclier.ErrForbidden {
			t.Errorf("teacher reads the audit: %v", err)
		}
	})
}

// TestDeferredDelivery: quiet hours accept the message and deliver it once
// at the window's end, also after a restart.
func TestDeferredDelivery(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "disconnect-2025", "national"); err != nil {
			t.Fatal(err)
		}
		e.Clock.Set(time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)) // Tuesday 21:00 in Paris
		res, err := send(t, e, "prof.martin", "parents:0780001A/4A")
		if err != nil || res.Status != bouclier.StatusDeferred {
			t.Fatalf("quiet hours: %+v %v", res, err)
		}
		want := time.Date(2026, 11, 25, 6, 0, 0, 0, time.UTC) // Wednesday 07:00 in Paris
		if !res.DeliverAt.Equal(want) {
			t.Fatalf("deliver at %s, want %s", res.DeliverAt, want)
		}
		parent := user(t, e, "parent.dupont")
		inbox := func() int {
			es, err := e.App.Messaging.Folder(ctx, parent, "inbox", 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			return len(es)
		}
		if inbox() != 0 {
			t.Fatal("deferred message visible before its time")
		}
		e.Clock.Set(want.Add(-time.Second))
		if n, err := e.App.Messaging.DeliverDue(ctx); err != nil || n != 0 {
			t.Fatalf("too early: %d %v", n, err)
		}
		// Restart: a new process on the same database delivers it, once,
		// even with two of them at work.
		e.App.Close()
		cfg := e.Config
		a1, err := server.Open(ctx, cfg, e.App.Log, server.Options{Now: func() time.Time { return want }, Auth: apptest.FastAuth()})
		if err != nil {
			t.Fatal(err)
		}
		defer a1.Close()
		a2, err := server.Open(ctx, cfg, e.App.Log, server.Options{Now: func() time.Time { return want }, Auth: apptest.FastAuth()})
		if err != nil {
			t.Fatal(err)
		}
		defer a2.Close()
		n1, err1 := a1.Messaging.DeliverDue(ctx)
		n2, err2 := a2.Messaging.DeliverDue(ctx)
		if err1 != nil || err2 != nil || n1+n2 != 1 {
			t.Fatalf("delivered %d+%d (%v %v), want once", n1, n2, err1, err2)
		}
		es, err := a1.Messaging.Folder(ctx, parent, "inbox", 0, 50)
		if err != nil || len(es) != 1 {
			t.Fatalf("after delivery: %d %v", len(es), err)
		}
	})
}

// TestSendWithoutSessionFailsClosed: a send path that forgot to carry the
// session is refused, not let through the account-security checks.
func TestSendWithoutSessionFailsClosed(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		_, err := e.App.Messaging.Send(context.Background(), user(t, e, "prof.martin"), messaging.Draft{To: []string{"class:0780001A/4A"}, Subject: "Info", Body: "Bonjour"}, "test")
		if codeOf(err) != bouclier.ErrUnauthenticated {
			t.Fatalf("send without a session: %v", err)
		}
	})
}

// TestHolidayZones: a closure given for zone C's holidays binds Versailles
// (zone C) and not La Réunion, which has a calendar of its own.
func TestHolidayZones(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		admin := e.Actor(t, "admin")
		var r policy.Rule
		if err := json.Unmarshal([]byte(`{"id": "vacances-noel-c", "scope": "national", "roles": ["student", "parent"], "mode": "closed",
			"ranges": [{"start": "2026-12-19", "end": "2027-01-04", "zone": "C"}], "reason": "Vacances de Noël (zone C)"}`), &r); err != nil {
			t.Fatal(err)
		}
		if err := e.App.Rules.AddRule(ctx, admin, r); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 12, 22, 10, 0, 0, 0, time.UTC)
		for _, c := range []struct {
			who  string
			send bool
		}{{"parent.dupont", false}, {"parent.reunion", true}, {"prof.martin", true}} {
			ex, err := e.App.Rules.Explain(ctx, user(t, e, c.who), at)
			if err != nil || ex.Send != c.send {
				t.Errorf("%s during zone C holidays: send=%v (%q, %v), want %v", c.who, ex.Send, ex.Reason, err, c.send)
			}
		}
		if ex, _ := e.App.Rules.Explain(ctx, user(t, e, "parent.dupont"), at.AddDate(0, 1, 0)); !ex.Send {
			t.Errorf("after the holidays: %+v", ex)
		}
	})
}
