package campaign

import (
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

func TestLevel(t *testing.T) {
	d := &Detector{cfg: DefaultConfig()}
	type s struct {
		role  bouclier.Role
		uai   string
		flags int64
	}
	p, te, h := bouclier.RoleParent, bouclier.RoleTeacher, bouclier.RoleHead
	tests := []struct {
		name    string
		senders []s
		known   bool
		vouched bool
		want    string
	}{
		{"three parents with new devices", []s{{p, "A", FlagAccount}, {p, "B", FlagAccount}, {p, "C", FlagAccount}}, false, false, "contain"},
		{"one establishment", []s{{p, "A", FlagAccount}, {p, "A", FlagAccount}, {p, "A", FlagAccount}}, false, false, ""},
		{"two senders", []s{{p, "A", FlagAccount | FlagFanout}, {p, "B", FlagAccount | FlagFanout}}, false, false, ""},
		{"parents without any signal", []s{{p, "A", 0}, {p, "B", 0}, {p, "C", 0}, {p, "D", 0}, {p, "E", 0}, {p, "F", 0}}, false, false, ""},
		{"teachers writing wider, known devices", []s{{te, "A", FlagVolume}, {te, "B", FlagVolume}, {te, "C", FlagFanout}, {te, "D", FlagVolume}}, false, false, "review"},
		{"parents reported, known devices", []s{{p, "A", FlagReported}, {p, "B", FlagReported}, {p, "C", FlagReported}}, false, false, "review"},
		{"heads with new devices", []s{{h, "A", FlagAccount | FlagBroadcaster}, {h, "B", FlagAccount | FlagBroadcaster}, {h, "C", FlagAccount | FlagBroadcaster},
			{h, "D", FlagAccount | FlagBroadcaster}}, false, false, ""},
		{"known template, new devices only", []s{{p, "A", FlagAccount}, {p, "B", FlagAccount}, {p, "C", FlagAccount}, {p, "D", FlagAccount}}, true, false, ""},
		{"known template, new devices and volume", []s{{p, "A", FlagAccount | FlagVolume}, {p, "B", FlagAccount | FlagVolume}, {p, "C", FlagAccount | FlagVolume}}, true, false, "review"},
		{"vouched notice forwarded by teachers", []s{{te, "A", FlagFanout}, {te, "B", FlagFanout}, {te, "C", FlagFanout}, {te, "D", FlagFanout}, {te, "E", FlagFanout}}, false, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ns []store.CampaignObs
			for i, x := range tt.senders {
				ns = append(ns, store.CampaignObs{MessageID: int64(i + 1), At: int64(i), SenderID: int64(100 + i), Role: string(x.role), UAI: x.uai, Flags: x.flags})
			}
			w := wave{flags: map[int64]int64{}, roles: map[int64]bouclier.Role{}, uai: map[int64]string{}}
			// assessWave without the store: history and provenance given.
			first := map[int64]bool{}
			schools, signalled := map[string]bool{}, map[string]bool{}
			for _, o := range ns {
				w.flags[o.SenderID] |= o.Flags
				w.roles[o.SenderID], w.uai[o.SenderID] = bouclier.Role(o.Role), o.UAI
				if first[o.SenderID] {
					continue
				}
				first[o.SenderID] = true
				schools[o.UAI] = true
				w.weight += senderWeight(bouclier.Role(o.Role), o.Flags)
				if (hasAccountSignal(o.Flags) || hasBehaviourSignal(o.Flags)) && !IsBroadcaster(bouclier.Role(o.Role)) {
					w.anySignal++
				}
				if hasAccountSignal(o.Flags) && !IsBroadcaster(bouclier.Role(o.Role)) {
					w.signalled++
					signalled[o.UAI] = true
				}
			}
			w.senders, w.schools, w.signalledSchools = len(first), len(schools), len(signalled)
			w.known, w.vouched = tt.known, tt.vouched
			if got := d.level(w); got != tt.want {
				t.Errorf("level = %q, want %q (weight %.2f)", got, tt.want, w.weight)
			}
		})
	}
}

func TestReportsCount(t *testing.T) {
	r := func(role bouclier.Role, recent int) store.Reporter { return store.Reporter{Role: role, Recent: recent} }
	hist := func(role bouclier.Role, founded, unfounded int) store.Reporter {
		return store.Reporter{Role: role, Recent: 1, Founded: founded, Unfounded: unfounded}
	}
	p, st, te, h, s := bouclier.RoleStudent, bouclier.RoleParent, bouclier.RoleTeacher, bouclier.RoleHead, bouclier.RoleStaff
	many := func(role bouclier.Role, n int) []store.Reporter {
		var out []store.Reporter
		for i := 0; i < n; i++ {
			out = append(out, r(role, 1))
		}
		return out
	}
	tests := []struct {
		name      string
		sender    bouclier.Role
		reporters []store.Reporter
		want      bool
	}{
		{"one teacher against a parent", st, []store.Reporter{r(te, 1)}, true},
		{"one pupil against a parent", st, []store.Reporter{r(p, 1)}, false},
		{"two pupils against a teacher", te, []store.Reporter{r(p, 1), r(p, 1)}, false},
		{"one pupil against a head", h, []store.Reporter{r(p, 1)}, false},
		{"twelve parents against a teacher", te, []store.Reporter{r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1), r(st, 1)}, true},
		{"a parent confirmed by a teacher against a teacher", te, []store.Reporter{r(st, 1), r(te, 1)}, true},
		{"a serial reporter counts half", st, []store.Reporter{r(st, 20), r(st, 20)}, false},
		{"a parent whose reports were founded", st, []store.Reporter{hist(st, 2, 0)}, true},
		{"two parents whose reports were unfounded", st, []store.Reporter{hist(st, 0, 3), hist(st, 1, 2)}, false},
		{"two parents without history", st, []store.Reporter{r(st, 1), r(st, 1)}, true},
		{"a teacher whose reports were mostly unfounded", st, []store.Reporter{hist(te, 1, 4)}, false},
		{"twenty parents against a head", h, many(st, 20), false},
		{"twenty parents and teachers against staff", s, append(many(st, 10), many(te, 10)...), false},
		{"a parent confirmed by the head against staff", s, []store.Reporter{r(st, 1), r(h, 1)}, true},
		{"eleven parents against a teacher", te, many(st, 11), true},
		{"eleven parents against a teacher, all unfounded before", te, func() []store.Reporter {
			var out []store.Reporter
			for i := 0; i < 11; i++ {
				out = append(out, hist(st, 0, 2))
			}
			return out
		}(), false},
	}
	for _, tt := range tests {
		if got := reportsCount(tt.sender, tt.reporters); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestVolume(t *testing.T) {
	// Five single-group sends weigh what one five-group send does.
	var recent []store.RecentSend
	for i := 0; i < 4; i++ {
		recent = append(recent, store.RecentSend{At: int64(i * 360e6), Recipients: 20, Groups: 1, Schools: []string{"A"}})
	}
	r, g, s := volume(recent, 0, store.RecentSend{At: 5 * 360e6, Recipients: 20, Groups: 1, Schools: []string{"A"}}, nil)
	if r != 100 || g != 5 || s != 1 {
		t.Errorf("volume = %d recipients, %d groups, %d schools", r, g, s)
	}
	r, g, _ = volume(recent, 2*360e6, store.RecentSend{At: 5 * 360e6, Recipients: 20, Groups: 1}, nil)
	if r != 60 || g != 3 {
		t.Errorf("window: %d recipients, %d groups", r, g)
	}
	// Distinct establishments, past the few kept in a list too.
	var wide []store.RecentSend
	for i := range 20 {
		wide = append(wide, store.RecentSend{At: int64(i), Recipients: 1, Schools: []string{string(rune('A' + i%12)), "A"}})
	}
	if _, _, s := volume(wide, 0, store.RecentSend{At: 30, Schools: []string{"Z"}}, nil); s != 13 {
		t.Errorf("%d establishments, want 13", s)
	}
	// Stopped once over: whether over is what the whole sum says.
	for _, limit := range []int{10, 50, 200} {
		over := func(r, g, s int) bool { return r > limit }
		r, _, _ := volume(recent, 0, store.RecentSend{At: 5 * 360e6, Recipients: 20}, over)
		if over(r, 0, 0) != (limit < 100) {
			t.Errorf("limit %d: stopped at %d recipients", limit, r)
		}
	}
}
