package policy_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/policy"
)

// naiveInWindow decides window membership the slow, obvious way: read the
// wall clock, then try each opening day of the last week.
func naiveInWindow(w policy.Window, t time.Time, l *time.Location) bool {
	lt := t.In(l)
	civil := time.Date(lt.Year(), lt.Month(), lt.Day(), lt.Hour(), lt.Minute(), 0, 0, time.UTC)
	day := time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, time.UTC)
	nights := w.Nights
	if nights == 0 && w.End <= w.Start {
		nights = 1
	}
	for k := 0; k <= 8; k++ {
		open := day.AddDate(0, 0, -k)
		if len(w.Days) > 0 && !slices.Contains(w.Days, open.Weekday()) {
			continue
		}
		start := open.Add(time.Duration(w.Start) * time.Minute)
		end := open.AddDate(0, 0, nights).Add(time.Duration(w.End) * time.Minute)
		if !civil.Before(start) && civil.Before(end) {
			return true
		}
	}
	return false
}

func naiveInRange(r policy.DateRange, t time.Time, l *time.Location) bool {
	lt := t.In(l)
	d := time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, time.UTC)
	s := time.Date(r.Start.Year, r.Start.Month, r.Start.Day, 0, 0, 0, 0, time.UTC)
	e := time.Date(r.End.Year, r.End.Month, r.End.Day, 0, 0, 0, 0, time.UTC)
	return !d.Before(s) && d.Before(e)
}

// naiveState applies rules (restrictive, one scope) and suspensions.
func naiveState(rules []policy.Rule, susp []policy.Suspension, t time.Time, l *time.Location) (send, recv policy.Action) {
	for _, s := range susp {
		if (s.Since.IsZero() || !t.Before(s.Since)) && (s.Until.IsZero() || t.Before(s.Until)) {
			send = policy.Refuse
			if s.StopsReceiving {
				recv = policy.Refuse
			}
		}
	}
	for _, r := range rules {
		in := len(r.Windows) == 0
		for _, w := range r.Windows {
			in = in || naiveInWindow(w, t, l)
		}
		if len(r.Ranges) > 0 {
			inR := false
			for _, g := range r.Ranges {
				inR = inR || naiveInRange(g, t, l)
			}
			in = in && inR
		}
		if !in {
			continue
		}
		s, v := policy.Refuse, policy.Refuse
		if r.Closure == policy.ClosureQuiet {
			s, v = policy.Defer, policy.Defer
		}
		if r.Mode == policy.ModeReceiveOnly {
			v = policy.Allow
		}
		send, recv = max(send, s), max(recv, v)
	}
	return send, recv
}

func randomWindow(rng *rand.Rand) policy.Window {
	w := policy.Window{Start: policy.Clock(rng.IntN(48) * 30), End: policy.Clock(rng.IntN(49) * 30)}
	if rng.IntN(3) > 0 {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if rng.IntN(2) == 0 {
				w.Days = append(w.Days, d)
			}
		}
	}
	if rng.IntN(4) == 0 {
		w.Nights = 1 + rng.IntN(3)
	}
	if w.Start == 1440 || w.End == 1440 && w.Start == 0 && w.Nights == 0 {
		w.End = 60
	}
	return w
}

// TestAgainstNaive walks random rule sets minute by minute across both
// daylight-saving changes in Paris and in two zones without them, checking
// each decision against the naive evaluator, and checking that Until,
// DeliverAt and ReopenAt are exactly the minutes at which things change.
func TestAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	starts := []time.Time{
		time.Date(2025, 3, 24, 0, 0, 0, 0, paris),
		time.Date(2025, 10, 20, 0, 0, 0, 0, paris),
		time.Date(2025, 3, 24, 0, 0, 0, 0, reunion),
		time.Date(2025, 3, 24, 0, 0, 0, 0, guadeloupe),
		// Beyond the zone files' explicit transitions, where the zone's
		// rule string takes over: 25 March 2040 is a spring-forward day.
		time.Date(2040, 3, 19, 0, 0, 0, 0, paris),
	}
	for iter := 0; iter < 20; iter++ {
		start := starts[iter%len(starts)]
		l := start.Location()
		var rules []policy.Rule
		for i := 0; i < 1+rng.IntN(3); i++ {
			r := policy.Rule{ID: fmt.Sprint("r", i), Scope: policy.National, Mode: policy.ModeClosed}
			if rng.IntN(3) == 0 {
				r.Mode = policy.ModeReceiveOnly
			}
			if rng.IntN(2) == 0 {
				r.Closure = policy.ClosureQuiet
			}
			for j := 0; j < 1+rng.IntN(2); j++ {
				r.Windows = append(r.Windows, randomWindow(rng))
			}
			if rng.IntN(4) == 0 {
				d := start.AddDate(0, 0, rng.IntN(10))
				r.Ranges = []policy.DateRange{{Start: date(d.Year(), d.Month(), d.Day()), End: date(d.Year(), d.Month(), d.Day()+1+rng.IntN(3))}}
			}
			rules = append(rules, r)
		}
		var susp []policy.Suspension
		if rng.IntN(3) == 0 {
			s := policy.Suspension{ID: "s", Scope: policy.National, Since: start.Add(time.Duration(rng.IntN(7*24*60)) * time.Minute), StopsReceiving: rng.IntN(2) == 0}
			s.Until = s.Since.Add(time.Duration(1+rng.IntN(3000)) * time.Minute)
			susp = append(susp, s)
		}
		set := compile(t, rules, susp...)
		who := policy.Subject{Role: bouclier.RoleTeacher, Loc: l}

		type pending struct{ at, from time.Time }
		var until, deliver, reopen pending
		var prev policy.Decision
		const steps = 10 * 24 * 60
		for m := 0; m < steps; m++ {
			at := start.Add(time.Duration(m) * time.Minute)
			d := set.Decide(who, at, false)
			ns, nr := naiveState(rules, susp, at, l)
			if d.Send != ns || d.Receive != nr {
				t.Fatalf("set %d at %v: %v/%v, naive %v/%v\nrules %+v\nsusp %+v", iter, at, d.Send, d.Receive, ns, nr, rules, susp)
			}
			changed := m > 0 && (d.Send != prev.Send || d.Receive != prev.Receive)
			if changed {
				if !until.at.Equal(at) {
					t.Fatalf("set %d: state changed at %v, Until said %v (from %v)\nrules %+v", iter, at, until.at, until.from, rules)
				}
			} else if m > 0 && !until.at.IsZero() && !at.Before(until.at) {
				t.Fatalf("set %d: Until %v passed without change", iter, until.at)
			}
			if m == 0 || changed {
				until = pending{d.Until, at}
			}
			if deliver.at.IsZero() && d.Send == policy.Defer {
				deliver = pending{d.DeliverAt, at}
			}
			if d.Send == policy.Allow && !deliver.from.IsZero() {
				if !deliver.at.Equal(at) {
					t.Fatalf("set %d: sending allowed from %v, DeliverAt said %v (from %v)\nrules %+v", iter, at, deliver.at, deliver.from, rules)
				}
				deliver = pending{}
			}
			if reopen.at.IsZero() && d.Send == policy.Refuse {
				reopen = pending{d.ReopenAt, at}
			}
			if d.Send != policy.Refuse && !reopen.from.IsZero() {
				if !reopen.at.Equal(at) {
					t.Fatalf("set %d: reopened at %v, ReopenAt said %v (from %v)\nrules %+v", iter, at, reopen.at, reopen.from, rules)
				}
				reopen = pending{}
			}
			prev = d
		}
	}
}
