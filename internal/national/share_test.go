package national_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/national"
	"github.com/bouclier/bouclier/internal/policy"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
)

// hasSuspension reports whether a deployment holds an active suspension
// of scope created by by.
func hasSuspension(t *testing.T, d *deployment, scope, by string) bool {
	t.Helper()
	sus, err := d.env.App.DB.ActiveSuspensions(context.Background(), store.Micros(d.env.Clock.Now()))
	if err != nil {
		t.Fatal(err)
	}
	return slices.ContainsFunc(sus, func(r store.SuspensionRow) bool { return r.Scope == scope && r.CreatedBy == by })
}

// closed reports whether the rules of a deployment refuse a send by
// prof.2, a teacher of aca-nord, now: what a send would be told.
func closed(t *testing.T, d *deployment) bool {
	t.Helper()
	ctx := context.Background()
	u, err := d.env.App.DB.UserByName(ctx, "prof.2")
	if err != nil {
		t.Fatal(err)
	}
	dec, err := d.env.App.Rules.Decide(ctx, u, d.env.Clock.Now(), false)
	if err != nil {
		t.Fatal(err)
	}
	return dec.Send == policy.Refuse
}

// waitFor polls cond every few milliseconds and returns how long it took
// (failing after a generous bound: no assertion on time).
func waitFor(t *testing.T, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > 60*time.Second {
			t.Fatalf("never happened: %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
	return time.Since(start)
}

// teacherNord sends as a teacher of aca-nord (prof.2 of 0990002A).
func teacherNord(t *testing.T, d *deployment, n int) error {
	t.Helper()
	_, err := send(t, d.env, "prof.2", false, []string{"class:0990002A/C1"}, "Devoirs", fmt.Sprintf("Les exercices %d et %d page 12 pour jeudi, merci.", n, n+1))
	return err
}

// TestShareSuspensions: a suspension an académie imposes on its own
// deployment holds on the others that serve people of that académie, and
// its lifting too; a deployment shares nothing outside its scope, and a
// signal of it outside its scope is refused.
func TestShareSuspensions(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a NATS cluster and three deployments")
	}
	s := newShield(t)
	ctx := context.Background()
	d0, d1, d2 := s.deps[0], s.deps[1], s.deps[2] // d0 and d2 serve aca-nord, d1 aca-sud
	sys := bouclier.SystemActor("test")

	t.Run("a suspension of aca-nord on d0 holds on d1 and d2, and its lifting", func(t *testing.T) {
		var applied, lifted []time.Duration
		const runs = 5
		for run := range runs {
			id, err := d0.env.App.Rules.Suspend(ctx, sys, rules.SuspensionInput{Scope: "academie:aca-nord", Roles: []string{"teacher"},
				Reason: fmt.Sprintf("Vague en cours dans l’académie (%d).", run)})
			start := time.Now()
			if err != nil {
				t.Fatal(err)
			}
			if err := teacherNord(t, d0, run); bouclier.ErrorCode(err) != bouclier.ErrMessagingClosed {
				t.Fatalf("d0 does not enforce its own suspension: %v", err)
			}
			for _, d := range []*deployment{d1, d2} {
				waitFor(t, d.name+" enforces d0's suspension", func() bool { return closed(t, d) })
				applied = append(applied, time.Since(start))
				if err := teacherNord(t, d, run); bouclier.ErrorCode(err) != bouclier.ErrMessagingClosed {
					t.Fatalf("%s does not enforce d0's suspension: %v", d.name, err)
				}
			}
			start = time.Now()
			if err := d0.env.App.Rules.Lift(ctx, sys, id); err != nil {
				t.Fatal(err)
			}
			for _, d := range []*deployment{d1, d2} {
				waitFor(t, d.name+" lifts d0's suspension", func() bool { return !closed(t, d) })
				lifted = append(lifted, time.Since(start))
				if err := teacherNord(t, d, 10+run); err != nil {
					t.Fatalf("%s still refuses after the lifting: %v", d.name, err)
				}
			}
		}
		t.Logf("suspension enforced on the other deployments (their rules refuse a send) after, from the local suspension, %d runs × 2: %s", runs, distribution(applied))
		t.Logf("lifting enforced after: %s", distribution(lifted))
		waitFor(t, "d0 counts its shared signals", func() bool { return d0.node.Stats().Shared >= 2*runs })
		if got := d0.node.Stats().Shared; got != 2*runs {
			t.Errorf("d0 shared %d signals, want %d (a suspension and a lifting per run, once each)", got, 2*runs)
		}
	})

	t.Run("nothing outside a deployment's scope is shared or accepted", func(t *testing.T) {
		// d1 serves aca-sud: its own suspension of aca-nord or of the
		// country stays on d1.
		var ids []string
		for _, scope := range []string{"academie:aca-nord", "national", "academie:aca-sud"} {
			id, err := d1.env.App.Rules.Suspend(ctx, sys, rules.SuspensionInput{Scope: scope, Roles: []string{"parent"}, Reason: "Portée " + scope})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		// The last one is d1's own: once it arrived, the two before it
		// (shared in order) would have too.
		for _, d := range []*deployment{d0, d2} {
			waitFor(t, d.name+" applies d1's suspension of aca-sud", func() bool { return hasSuspension(t, d, "academie:aca-sud", "national:d1") })
			for _, scope := range []string{"academie:aca-nord", "national"} {
				if hasSuspension(t, d, scope, "national:d1") {
					t.Errorf("%s applied d1's suspension of %s", d.name, scope)
				}
			}
		}
		// d1 counts a signal once the stream acknowledges it, which may come
		// after the others have applied it.
		waitFor(t, "d1 counts its shared signal", func() bool { return d1.node.Stats().Shared >= 1 })
		if got := d1.node.Stats().Shared; got != 1 {
			t.Errorf("d1 shared %d signals, want 1 (its own académie's)", got)
		}
		// Published all the same with d1's key, on d1's subject: refused.
		sig := national.Signal{ID: "d1-out-of-scope", From: "d1", Kind: national.KindSuspend, At: time.Now(),
			Suspension: &national.Suspension{ID: ids[0], Scope: "academie:aca-nord", Roles: []string{"parent"}, Reason: "hors de portée"}}
		b, _ := json.Marshal(sig)
		for _, d := range []*deployment{d0, d2} {
			if err := d.node.Receive(ctx, national.Subject("d1", national.KindSuspend), sealWith(t, b, d1.key)); !national.IsRefused(err) {
				t.Errorf("%s accepted d1's suspension of aca-nord: %v", d.name, err)
			}
			if hasSuspension(t, d, "academie:aca-nord", "national:d1") {
				t.Errorf("%s applied d1's suspension of aca-nord", d.name)
			}
		}
		for _, id := range ids {
			if err := d1.env.App.Rules.Lift(ctx, sys, id); err != nil {
				t.Fatal(err)
			}
		}
		for _, d := range []*deployment{d0, d2} {
			waitFor(t, d.name+" lifts d1's suspension", func() bool { return !hasSuspension(t, d, "academie:aca-sud", "national:d1") })
		}
	})
}

// distribution formats durations as min / median / max.
func distribution(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	r := func(d time.Duration) string { return d.Round(time.Millisecond).String() }
	var all []string
	for _, d := range s {
		all = append(all, r(d))
	}
	return fmt.Sprintf("min %s, median %s, max %s (n=%d: %s)", r(s[0]), r(s[len(s)/2]), r(s[len(s)-1]), len(s), strings.Join(all, " "))
}
