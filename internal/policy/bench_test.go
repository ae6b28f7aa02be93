package policy_test

import (
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/policy"
)

// realisticSet is the national circular and right-to-disconnect presets,
// a few académie and establishment rules and a couple of suspensions.
func realisticSet(tb testing.TB) *policy.Set {
	tb.Helper()
	rules := must(policy.Preset(policy.PresetCircular2024))
	rules = append(rules, must(policy.Preset(policy.PresetDisconnect2025))...)
	rules = append(rules,
		policy.Rule{ID: "crisis", Scope: sc(tb, "academie:versailles"), Mode: policy.ModeReceiveOnly,
			Roles:  []bouclier.Role{bouclier.RoleParent},
			Ranges: []policy.DateRange{{Start: date(2024, 3, 20), End: date(2024, 3, 23)}}},
		policy.Rule{ID: "holidays", Scope: sc(tb, "academie:versailles"), Mode: policy.ModeClosed, Closure: policy.ClosureQuiet,
			Ranges: []policy.DateRange{{Start: date(2025, 4, 19), End: date(2025, 5, 5), Zone: "C"}}},
		policy.Rule{ID: "early", Scope: sc(tb, "establishment:0780001A"), Mode: policy.ModeClosed,
			Windows: []policy.Window{win(tb, "mon-fri 22:00-23:00")}},
		policy.Rule{ID: "late-meetings", Scope: sc(tb, "establishment:0780002B"), Mode: policy.ModeOpen,
			Roles:   []bouclier.Role{bouclier.RoleTeacher},
			Windows: []policy.Window{win(tb, "tue 20:00-22:00")}},
	)
	susp := []policy.Suspension{
		{ID: "s1", Scope: sc(tb, "establishment:0780009Z"), Reason: "alerte"},
		{ID: "s2", Scope: sc(tb, "academie:lille"), Roles: []bouclier.Role{bouclier.RoleParent},
			Until: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	set, err := policy.Compile(rules, susp)
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

func BenchmarkDecide(b *testing.B) {
	set := realisticSet(b)
	paris := loc(b, "Europe/Paris")
	teacher := policy.Subject{Role: bouclier.RoleTeacher, Academie: "versailles", UAI: "0780001A", Zone: "C", Loc: paris}
	student := policy.Subject{Role: bouclier.RoleStudent, Academie: "versailles", UAI: "0780001A", Class: "4A", Zone: "C", Loc: paris}
	cases := []struct {
		name string
		subj policy.Subject
		at   time.Time
	}{
		{"open", teacher, time.Date(2025, 3, 12, 14, 0, 0, 0, paris)},
		{"quiet", teacher, time.Date(2025, 3, 12, 20, 30, 0, 0, paris)},
		{"weekend", teacher, time.Date(2025, 3, 15, 10, 0, 0, 0, paris)},
		{"student", student, time.Date(2025, 3, 12, 14, 0, 0, 0, paris)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = set.Decide(c.subj, c.at, false)
			}
		})
	}
}

// BenchmarkDecideLongScan is the costly case: a suspension ending in ten
// months over daily windows, so finding ReopenAt walks ~600 window edges.
func BenchmarkDecideLongScan(b *testing.B) {
	paris := loc(b, "Europe/Paris")
	rules := must(policy.Preset(policy.PresetCircular2024))
	now := time.Date(2025, 3, 12, 14, 0, 0, 0, paris)
	set, err := policy.Compile(rules, []policy.Suspension{{ID: "s", Scope: policy.National, Until: now.AddDate(0, 10, 0)}})
	if err != nil {
		b.Fatal(err)
	}
	teacher := policy.Subject{Role: bouclier.RoleTeacher, Loc: paris}
	if d := set.Decide(teacher, now, false); !d.ReopenAt.Equal(now.AddDate(0, 10, 0)) {
		b.Fatalf("ReopenAt = %v", d.ReopenAt)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = set.Decide(teacher, now, false)
	}
}
