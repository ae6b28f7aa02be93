package policy_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/policy"
)

// FuzzDecide builds a small rule set from fuzzed parts and checks that
// nothing panics and that the reported instants are consistent.
func FuzzDecide(f *testing.F) {
	f.Add(uint8(2), "academie:versailles", "fri 20:00-mon 07:00", uint8(2), true, false, "establishment:0780001A", "mon 10:00-12:00", int64(1741800000), int64(3600), uint8(0), false)
	f.Add(uint8(0), "national", "23:00-07:00", uint8(1), false, true, "class:0780001A/4A", "", int64(-1<<62), int64(0), uint8(3), true)
	f.Add(uint8(9), "class:x/y", "sat,sun 00:00-00:00", uint8(0), false, false, "nonsense", "mon,wed 22:00-06:00+2", int64(1<<62), int64(-5), uint8(200), true)
	zones := []*time.Location{paris, reunion, guadeloupe, noumea, time.UTC, nil}
	f.Fuzz(func(t *testing.T, role uint8, scope, window string, mode uint8, quiet, adjustable bool,
		openScope, openWindow string, unix, suspLen int64, zone uint8, urgent bool) {
		r := policy.Rule{ID: "r", Mode: []policy.Mode{policy.ModeOpen, policy.ModeReceiveOnly, policy.ModeClosed, "bad"}[mode%4], Adjustable: adjustable}
		r.Scope, _ = policy.ParseScope(scope)
		if w, err := policy.ParseWindow(window); err == nil {
			r.Windows = []policy.Window{w}
		}
		if quiet && r.Mode != policy.ModeOpen {
			r.Closure = policy.ClosureQuiet
		}
		o := policy.Rule{ID: "o", Mode: policy.ModeOpen}
		o.Scope, _ = policy.ParseScope(openScope)
		if w, err := policy.ParseWindow(openWindow); err == nil {
			o.Windows = []policy.Window{w}
		}
		_ = policy.Validate([]policy.Rule{r}, o, "versailles")
		now := time.Unix(unix%(1<<40), 0)
		s := policy.Suspension{ID: "s", Scope: r.Scope, Since: now.Add(-time.Hour)}
		if suspLen > 0 {
			s.Until = now.Add(time.Duration(suspLen%(1<<30)) * time.Second)
		}
		var rules []policy.Rule
		for _, x := range []policy.Rule{r, o} {
			if policy.Validate(nil, x, "") == nil {
				rules = append(rules, x)
			}
		}
		set, err := policy.Compile(rules, []policy.Suspension{s})
		if err != nil {
			if set, err = policy.Compile(rules, nil); err != nil {
				t.Fatalf("Compile of validated rules: %v", err)
			}
		}
		roles := append([]bouclier.Role{"nobody"}, bouclier.Roles...)
		subject := policy.Subject{Role: roles[int(role)%len(roles)], Academie: "versailles", UAI: "0780001A", Class: "4A",
			Loc: zones[int(zone)%len(zones)]}
		d := set.Decide(subject, now, urgent)
		for _, x := range []time.Time{d.Until, d.DeliverAt, d.ReceiveAt, d.ReopenAt} {
			if !x.IsZero() && !x.After(now) {
				t.Fatalf("instant %v not after now %v: %+v", x, now, d)
			}
		}
		if !d.DeliverAt.IsZero() {
			if d2 := set.Decide(subject, d.DeliverAt, urgent); d2.Send != policy.Allow {
				t.Fatalf("at DeliverAt %v: %v", d.DeliverAt, d2.Send)
			}
		}
		if !d.Until.IsZero() {
			d2 := set.Decide(subject, d.Until, urgent)
			d3 := set.Decide(subject, d.Until.Add(-time.Second), urgent)
			if d2.Send == d.Send && d2.Receive == d.Receive || d3.Send != d.Send || d3.Receive != d.Receive {
				t.Fatalf("Until %v is not the change: %+v, then %+v, before %+v", d.Until, d, d2, d3)
			}
		}
		if _, err := json.Marshal(set.Explain(subject, now)); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzParseScope(f *testing.F) {
	for _, s := range []string{"national", "academie:versailles", "establishment:0780001A", "class:0780001A/4A", "class:/", ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := policy.ParseScope(s)
		if err != nil {
			return
		}
		again, err := policy.ParseScope(sc.String())
		if err != nil || again != sc {
			t.Fatalf("round trip %q → %q: %v %v", s, sc, again, err)
		}
	})
}

func FuzzParseWindow(f *testing.F) {
	for _, s := range []string{"23:00-07:00", "mon-fri 20:00-07:00", "fri 20:00-mon 07:00", "sat,sun 00:00-00:00", "mon,wed 22:00-06:00+2", "sun 12:00-sun 11:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := policy.ParseWindow(s)
		if err != nil {
			return
		}
		again, err := policy.ParseWindow(w.String())
		if err != nil || again.String() != w.String() || again.Start != w.Start || again.End != w.End {
			t.Fatalf("round trip %q → %q: %v %v", s, w, again, err)
		}
	})
}
