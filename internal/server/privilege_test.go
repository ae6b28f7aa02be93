package server_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
)

// gateCodes are the answers of the privilege check itself; anything else
// (success, not_found, conflict…) means the check let the actor through.
var gateCodes = map[bouclier.Code]bool{
	bouclier.ErrUnauthenticated:      true,
	bouclier.ErrForbidden:            true,
	bouclier.ErrStepUpRequired:       true,
	bouclier.ErrMFAEnrolmentRequired: true,
}

// privAction is one privileged service method, called by the account that
// legitimately holds the power (holder) in each actor state.
type privAction struct {
	name   string
	holder string
	level  bouclier.Privilege
	call   func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error
}

func privActions() []privAction {
	const uai = "establishment:0780001A"
	head, rssi := "principal.moulin", "rssi.versailles"
	return []privAction{
		{"moderation.release", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Moderation.Release(ctx, a, 999999)
		}},
		{"moderation.reject", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Moderation.Reject(ctx, a, 999999, true)
		}},
		{"message.recall", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Moderation.Recall(ctx, a, 999999)
		}},
		{"message.recall_from", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Moderation.RecallFrom(ctx, a, "parent.durand", e.Clock.Now().Add(-time.Hour), e.Clock.Now())
			return err
		}},
		{"moderation.queue", head, bouclier.PrivRead, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Moderation.Queue(ctx, a)
			return err
		}},
		{"moderation.reports", head, bouclier.PrivRead, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Moderation.Reports(ctx, a)
			return err
		}},
		{"evidence.message", head, bouclier.PrivRead, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Moderation.Evidence(ctx, a, 999999, io.Discard)
		}},
		{"screen.block_digest", rssi, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Moderation.BlockDigest(ctx, a, strings.Repeat("ab", 32), "vidéo de la vague")
		}},
		{"screen.allow_domain", rssi, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Moderation.AllowDomain(ctx, a, "exemple-ent.fr")
		}},
		{"suspension.create", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Rules.Suspend(ctx, a, rules.SuspensionInput{Scope: uai, Roles: []string{"parent"}, Reason: "analyse en cours"})
			return err
		}},
		{"suspension.list", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Rules.Suspensions(ctx, a)
			return err
		}},
		{"suspension.lift", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			id, err := liftable(ctx, e)
			if err != nil {
				return fmt.Errorf("create a suspension to lift: %w", err)
			}
			return e.App.Rules.Lift(ctx, a, id)
		}},
		{"rules.preset", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Rules.ApplyPreset(ctx, a, "circular-2024", uai)
		}},
		{"rules.delete", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Rules.DeleteRule(ctx, a, uai+"#absent")
		}},
		{"account.lock", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Auth.Lock(ctx, a, "prof.bernard", "session volée")
		}},
		{"account.unlock", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Auth.Unlock(ctx, a, "prof.bernard")
		}},
		{"account.read_only", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Auth.SetReadOnly(ctx, a, "parent.durand", true)
		}},
		{"account.read_write", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Auth.SetReadOnly(ctx, a, "parent.durand", false)
		}},
		{"sessions.revoke_user", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Auth.RevokeUserSessions(ctx, a, "prof.bernard")
			return err
		}},
		{"sessions.revoke_scope", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Auth.RevokeScopeSessions(ctx, a, uai, []string{"parent"})
			return err
		}},
		{"reset.mass", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Auth.MassReset(ctx, a, uai, []string{"student"})
			return err
		}},
		{"mfa.require", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Auth.RequireFactor(ctx, a, uai, "parent", true)
		}},
		{"mfa.unrequire", head, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Auth.RequireFactor(ctx, a, uai, "parent", false)
		}},
		{"mfa.list", head, bouclier.PrivTighten, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Auth.FactorRequirements(ctx, a)
			return err
		}},
		{"incident.list", rssi, bouclier.PrivRead, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Campaign.Incidents(ctx, a)
			return err
		}},
		{"incident.view", rssi, bouclier.PrivRead, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Campaign.Incident(ctx, a, 999999)
			return err
		}},
		{"incident.close", rssi, bouclier.PrivLoosen, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Campaign.Close(ctx, a, 999999, "")
		}},
		{"incident.evidence", rssi, bouclier.PrivRead, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			return e.App.Campaign.Evidence(ctx, a, 999999, io.Discard)
		}},
		{"audit.list", head, bouclier.PrivRead, func(ctx context.Context, e *apptest.Env, a bouclier.Actor) error {
			_, err := e.App.Auth.ReadAudit(ctx, a, "", 0, 10)
			return err
		}},
	}
}

var liftables int

// liftable returns a suspension the head may lift (imposed at their
// level), creating one as the system would not do: directly in the store.
func liftable(ctx context.Context, e *apptest.Env) (string, error) {
	liftables++
	id := fmt.Sprintf("s-table-%d", liftables)
	return id, e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		return tx.PutSuspension(ctx, store.SuspensionRow{ID: id, Scope: "establishment:0780001A", Roles: []string{"student"}, Reason: "test",
			CreatedBy: "principal.moulin", CreatedAt: store.Micros(e.Clock.Now()), ImposedBy: "establishment:0780001A"})
	})
}

// actorState makes the actor of one state for username; undo, if not
// nil, restores the account afterwards.
type actorState struct {
	name string
	make func(t *testing.T, e *apptest.Env, username string) (bouclier.Actor, func())
	want func(level bouclier.Privilege) bouclier.Code // "" = let through
}

func actorStates() []actorState {
	ctx := context.Background()
	pass := func(bouclier.Privilege) bouclier.Code { return "" }
	always := func(c bouclier.Code) func(bouclier.Privilege) bouclier.Code {
		return func(bouclier.Privilege) bouclier.Code { return c }
	}
	return []actorState{
		{"nobody (zero actor)", func(*testing.T, *apptest.Env, string) (bouclier.Actor, func()) {
			return bouclier.Actor{}, nil
		}, always(bouclier.ErrUnauthenticated)},
		{"user without session", func(t *testing.T, e *apptest.Env, name string) (bouclier.Actor, func()) {
			u, err := e.App.DB.UserByName(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			return bouclier.Actor{User: u, SessionHash: make([]byte, 32), Source: "192.0.2.66"}, nil
		}, always(bouclier.ErrUnauthenticated)},
		{"system", func(*testing.T, *apptest.Env, string) (bouclier.Actor, func()) {
			return bouclier.SystemActor("test"), nil
		}, pass},
		{"no authority (teacher)", func(t *testing.T, e *apptest.Env, _ string) (bouclier.Actor, func()) {
			return e.Actor(t, "prof.martin"), nil
		}, always(bouclier.ErrForbidden)},
		{"moved session", func(t *testing.T, e *apptest.Env, name string) (bouclier.Actor, func()) {
			a := e.Actor(t, name)
			if _, err := e.App.DB.MarkSessionMoved(ctx, a.SessionHash, store.Micros(e.Clock.Now())); err != nil {
				t.Fatal(err)
			}
			a.Moved = false // the store, not the actor, is believed
			return a, nil
		}, always(bouclier.ErrStepUpRequired)},
		{"stale factor", func(t *testing.T, e *apptest.Env, name string) (bouclier.Actor, func()) {
			a := e.Actor(t, name)
			e.Clock.Advance(11 * time.Minute)
			return a, nil
		}, func(l bouclier.Privilege) bouclier.Code {
			if l == bouclier.PrivLoosen {
				return bouclier.ErrStepUpRequired
			}
			return ""
		}},
		{"fresh factor", func(t *testing.T, e *apptest.Env, name string) (bouclier.Actor, func()) {
			return e.Actor(t, name), nil
		}, pass},
		{"sanctioned (read-only)", func(t *testing.T, e *apptest.Env, name string) (bouclier.Actor, func()) {
			a := e.Actor(t, name)
			set := func(on bool) {
				if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.SetReadOnlyBy(ctx, a.User.ID, on, "academie:versailles") }); err != nil {
					t.Fatal(err)
				}
			}
			set(true)
			return a, func() { set(false) }
		}, always(bouclier.ErrForbidden)},
		{"no factor enrolled", func(t *testing.T, e *apptest.Env, name string) (bouclier.Actor, func()) {
			a := e.Actor(t, name)
			if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.ClearFactors(ctx, a.User.ID, store.Micros(e.Clock.Now()), "test") }); err != nil {
				t.Fatal(err)
			}
			return a, nil // last: the account keeps no factor
		}, always(bouclier.ErrMFAEnrolmentRequired)},
	}
}

// TestPrivilegedActions runs every privileged action in every actor state,
// on each store, and checks the privilege check's answer.
func TestPrivilegedActions(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		for _, st := range actorStates() {
			actors := map[string]bouclier.Actor{}
			var undos []func()
			for _, act := range privActions() {
				a, ok := actors[act.holder]
				if !ok {
					var undo func()
					a, undo = st.make(t, e, act.holder)
					actors[act.holder] = a
					if undo != nil {
						undos = append(undos, undo)
					}
				}
				err := act.call(ctx, e, a)
				got := bouclier.ErrorCode(err)
				want := st.want(act.level)
				switch {
				case want == "" && gateCodes[got]:
					t.Errorf("%s / %s: refused by the gate: %v", st.name, act.name, err)
				case want == "" && err != nil && got == "":
					t.Errorf("%s / %s: internal error: %v", st.name, act.name, err)
				case want != "" && got != want:
					t.Errorf("%s / %s: %v, want %s", st.name, act.name, err, want)
				}
			}
			for _, u := range undos {
				u()
			}
		}
		// Every refusal above is in the audit trail.
		rows, err := e.App.DB.AuditRecent(ctx, "privilege.denied", 0, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 5*len(privActions()) {
			t.Errorf("%d privilege.denied entries, want at least %d", len(rows), 5*len(privActions()))
		}
	})
}
