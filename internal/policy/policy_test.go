package policy_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/policy"
)

var (
	paris      = loc(nil, "Europe/Paris")
	reunion    = loc(nil, "Indian/Reunion")     // UTC+4, no daylight saving
	guadeloupe = loc(nil, "America/Guadeloupe") // UTC−4, no daylight saving
	noumea     = loc(nil, "Pacific/Noumea")     // UTC+11
)

const (
	student  = bouclier.RoleStudent
	parent   = bouclier.RoleParent
	teacher  = bouclier.RoleTeacher
	staff    = bouclier.RoleStaff
	head     = bouclier.RoleHead
	acAdmin  = bouclier.RoleAcademyAdmin
	natAdmin = bouclier.RoleNationalAdmin
)

// subj places a person in a directory shaped like the demo's.
func subj(role bouclier.Role, where string) policy.Subject {
	switch where {
	case "moulin":
		return policy.Subject{Role: role, Academie: "versailles", UAI: "0780001A", Class: "4A", Zone: "C", Loc: paris}
	case "hugo":
		return policy.Subject{Role: role, Academie: "versailles", UAI: "0780002B", Class: "2NDE1", Zone: "C", Loc: paris}
	case "reunion":
		return policy.Subject{Role: role, Academie: "la-reunion", UAI: "9740001C", Class: "5A", Zone: "reunion", Loc: reunion}
	case "guadeloupe":
		return policy.Subject{Role: role, Academie: "guadeloupe", UAI: "9710001A", Loc: guadeloupe}
	case "noumea":
		return policy.Subject{Role: role, Academie: "nouvelle-caledonie", UAI: "9830001A", Loc: noumea}
	case "lille":
		return policy.Subject{Role: role, Academie: "lille", UAI: "0590001A", Zone: "B", Loc: paris}
	}
	panic("unknown place " + where)
}

func compile(t *testing.T, rules []policy.Rule, susp ...policy.Suspension) *policy.Set {
	t.Helper()
	s, err := policy.Compile(rules, susp)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func presets(t *testing.T, names ...string) []policy.Rule {
	var rules []policy.Rule
	for _, n := range names {
		r, err := policy.Preset(n)
		if err != nil {
			t.Fatal(err)
		}
		rules = append(rules, r...)
	}
	return rules
}

// want is the expected part of a decision; zero instants must be zero.
type want struct {
	send, recv                          policy.Action
	until, deliverAt, receiveAt, reopen time.Time
	ruleID                              string
	reason                              string // substring
	suspended, urgent                   bool
}

func check(t *testing.T, name string, d policy.Decision, w want) {
	t.Helper()
	if d.Send != w.send || d.Receive != w.recv {
		t.Errorf("%s: send/receive = %v/%v, want %v/%v (reason %q, rule %q)", name, d.Send, d.Receive, w.send, w.recv, d.Reason, d.RuleID)
	}
	times := []struct {
		what      string
		got, want time.Time
	}{{"Until", d.Until, w.until}, {"DeliverAt", d.DeliverAt, w.deliverAt}, {"ReceiveAt", d.ReceiveAt, w.receiveAt}, {"ReopenAt", d.ReopenAt, w.reopen}}
	for _, x := range times {
		if !x.got.Equal(x.want) {
			t.Errorf("%s: %s = %v, want %v", name, x.what, x.got, x.want)
		}
	}
	if w.ruleID != "" && d.RuleID != w.ruleID {
		t.Errorf("%s: RuleID = %q, want %q", name, d.RuleID, w.ruleID)
	}
	if w.reason != "" && !strings.Contains(d.Reason, w.reason) {
		t.Errorf("%s: Reason = %q, want it to contain %q", name, d.Reason, w.reason)
	}
	if d.Suspended != w.suspended || d.Urgent != w.urgent {
		t.Errorf("%s: Suspended/Urgent = %v/%v, want %v/%v", name, d.Suspended, d.Urgent, w.suspended, w.urgent)
	}
}

const (
	A = policy.Allow
	D = policy.Defer
	R = policy.Refuse
)

func TestCircular2024RolesZonesInstants(t *testing.T) {
	set := compile(t, presets(t, policy.PresetCircular2024))
	wed := func(h, m int, l *time.Location) time.Time { return time.Date(2025, 3, 12, h, m, 0, 0, l) }
	thu := func(h, m int, l *time.Location) time.Time { return time.Date(2025, 3, 13, h, m, 0, 0, l) }
	utc := func(h, m int) time.Time { return time.Date(2025, 3, 12, h, m, 0, 0, time.UTC) }
	night := want{send: R, recv: R, ruleID: "circular-2024/night", reason: "23\u00a0h à 7\u00a0h"}
	tests := []struct {
		name  string
		role  bouclier.Role
		where string
		at    time.Time
		want  want
	}{
		{"student afternoon", student, "moulin", wed(14, 0, paris), want{send: R, recv: R, ruleID: "circular-2024/students", reason: "Messagerie fermée aux élèves (circulaire de mars 2024)"}},
		{"student night", student, "moulin", wed(23, 30, paris), want{send: R, recv: R, ruleID: "circular-2024/students"}},
		{"student reunion", student, "reunion", wed(10, 0, reunion), want{send: R, recv: R, ruleID: "circular-2024/students"}},
		{"teacher afternoon", teacher, "moulin", wed(14, 0, paris), want{send: A, recv: A, until: wed(23, 0, paris), reason: "Messagerie ouverte"}},
		{"parent 22:59", parent, "moulin", wed(22, 59, paris), want{send: A, recv: A, until: wed(23, 0, paris)}},
		{"parent 23:00", parent, "moulin", wed(23, 0, paris), with(night, thu(7, 0, paris))},
		{"staff 02:00", staff, "moulin", thu(2, 0, paris), with(night, thu(7, 0, paris))},
		{"head 06:59:59", head, "moulin", thu(6, 59, paris).Add(59 * time.Second), with(night, thu(7, 0, paris))},
		{"head 07:00", head, "moulin", thu(7, 0, paris), want{send: A, recv: A, until: thu(23, 0, paris)}},
		{"academy admin at night", acAdmin, "moulin", wed(23, 30, paris), want{send: A, recv: A}},
		{"national admin at night", natAdmin, "moulin", wed(23, 30, paris), want{send: A, recv: A}},
		// One UTC instant, three answers: 21:30Z is 22:30 in Paris, 01:30 in
		// La Réunion and 17:30 in Guadeloupe.
		{"21:30Z paris", teacher, "moulin", utc(21, 30), want{send: A, recv: A, until: wed(23, 0, paris)}},
		{"21:30Z reunion", teacher, "reunion", utc(21, 30), with(night, thu(7, 0, reunion))},
		{"21:30Z guadeloupe", teacher, "guadeloupe", utc(21, 30), want{send: A, recv: A, until: wed(23, 0, guadeloupe)}},
		// 03:30Z is 04:30 in Paris, 07:30 in La Réunion, 23:30 the day before in Guadeloupe.
		{"03:30Z paris", parent, "moulin", utc(3, 30), with(night, wed(7, 0, paris))},
		{"03:30Z reunion", parent, "reunion", utc(3, 30), want{send: A, recv: A, until: wed(23, 0, reunion)}},
		{"03:30Z guadeloupe", parent, "guadeloupe", utc(3, 30), with(night, wed(7, 0, guadeloupe))},
		{"12:30Z noumea", parent, "noumea", utc(12, 30), with(night, thu(7, 0, noumea))},
	}
	for _, tt := range tests {
		check(t, tt.name, set.Decide(subj(tt.role, tt.where), tt.at, false), tt.want)
	}
}

// with sets the reopening (and next change) of a night closure.
func with(w want, reopen time.Time) want {
	w.until, w.reopen = reopen, reopen
	return w
}

func TestDaylightSavingParis(t *testing.T) {
	at := func(y int, mo time.Month, d, h, m int) time.Time { return time.Date(y, mo, d, h, m, 0, 0, paris) }
	z := func(y int, mo time.Month, d, h, m int) time.Time { return time.Date(y, mo, d, h, m, 0, 0, time.UTC) }
	maintenance := policy.Rule{ID: "maintenance", Scope: sc(t, "establishment:0780001A"), Mode: policy.ModeClosed,
		Windows: []policy.Window{win(t, "02:00-03:00")}}
	set := compile(t, append(presets(t, policy.PresetCircular2024), maintenance))
	maintOnly := compile(t, []policy.Rule{maintenance})
	night := want{send: R, recv: R, ruleID: "circular-2024/night"}
	maint := want{send: R, recv: R, ruleID: "maintenance"}
	tests := []struct {
		name  string
		role  bouclier.Role
		at    time.Time
		want  want
		hours float64 // expected real length from at to Until, if non-zero
		maint bool    // with the maintenance window alone
	}{
		// Spring forward, Sunday 30 March 2025: 02:00 CET becomes 03:00 CEST
		// (01:00Z). The night closure lasts 7 real hours.
		{"spring night", parent, at(2025, 3, 29, 23, 0), with(night, at(2025, 3, 30, 7, 0)), 7, false},
		{"spring night reopens 05:00Z", parent, z(2025, 3, 30, 4, 59), with(night, z(2025, 3, 30, 5, 0)), 0, false},
		// The 02:00–03:00 window does not exist that night: at 01:59 CET
		// nothing changes at 02:00, only the next night at 02:00 CEST.
		{"spring 01:30 CET", parent, z(2025, 3, 30, 0, 30), want{send: A, recv: A, until: at(2025, 3, 31, 2, 0)}, 0, true},
		{"spring 03:00 CEST", parent, z(2025, 3, 30, 1, 0), want{send: A, recv: A, until: at(2025, 3, 31, 2, 0)}, 0, true},
		// Fall back, Sunday 26 October 2025: 03:00 CEST becomes 02:00 CET
		// (01:00Z); the hour 02:00–03:00 happens twice and the maintenance
		// window covers both: 00:00Z to 02:00Z.
		{"autumn first 02:30", parent, z(2025, 10, 26, 0, 30), with(maint, z(2025, 10, 26, 2, 0)), 1.5, true},
		{"autumn second 02:30", parent, z(2025, 10, 26, 1, 30), with(maint, z(2025, 10, 26, 2, 0)), 0.5, true},
		{"autumn night", parent, at(2025, 10, 25, 23, 0), with(night, at(2025, 10, 26, 7, 0)), 9, false},
	}
	for _, tt := range tests {
		s := set
		if tt.maint {
			s = maintOnly
		}
		d := s.Decide(subj(tt.role, "moulin"), tt.at, false)
		check(t, tt.name, d, tt.want)
		if tt.hours != 0 {
			if got := d.Until.Sub(tt.at).Hours(); got != tt.hours {
				t.Errorf("%s: closure lasts %vh, want %vh", tt.name, got, tt.hours)
			}
		}
	}
	// The window named for the admins (who are otherwise never bound) on the
	// spring night: absent at 02:00, present the next night at 02:00 CEST.
	adm := maintenance
	adm.Roles = []bouclier.Role{acAdmin}
	set = compile(t, []policy.Rule{adm})
	check(t, "spring admin named", set.Decide(subj(acAdmin, "moulin"), z(2025, 3, 30, 0, 30), false),
		want{send: A, recv: A, until: at(2025, 3, 31, 2, 0)})
	check(t, "autumn admin named", set.Decide(subj(acAdmin, "moulin"), z(2025, 10, 25, 23, 0), false),
		want{send: A, recv: A, until: z(2025, 10, 26, 0, 0)})
}

func TestQuietHoursDisconnect2025(t *testing.T) {
	set := compile(t, presets(t, policy.PresetDisconnect2025))
	at := func(d, h, m int) time.Time { return time.Date(2025, 3, d, h, m, 0, 0, paris) } // 10 March 2025 is a Monday
	quiet := want{send: D, recv: D, ruleID: "disconnect-2025/evenings-weekends", reason: "Heures calmes"}
	q := func(deliver time.Time) want {
		w := quiet
		w.until, w.deliverAt, w.receiveAt = deliver, deliver, deliver
		return w
	}
	tests := []struct {
		name string
		role bouclier.Role
		at   time.Time
		want want
	}{
		{"wednesday 19:59", teacher, at(12, 19, 59), want{send: A, recv: A, until: at(12, 20, 0)}},
		{"wednesday 21:00", teacher, at(12, 21, 0), q(at(13, 7, 0))},
		{"thursday 00:30", parent, at(13, 0, 30), q(at(13, 7, 0))},
		{"friday 19:59", parent, at(14, 19, 59), want{send: A, recv: A, until: at(14, 20, 0)}},
		{"friday 20:00", parent, at(14, 20, 0), q(at(17, 7, 0))},
		{"saturday noon", student, at(15, 12, 0), q(at(17, 7, 0))},
		{"sunday 21:00", staff, at(16, 21, 0), q(at(17, 7, 0))},
		{"monday 06:59", head, at(17, 6, 59), q(at(17, 7, 0))},
		{"monday 07:00", head, at(17, 7, 0), want{send: A, recv: A, until: at(17, 20, 0)}},
		{"admin saturday", natAdmin, at(15, 12, 0), want{send: A, recv: A}},
	}
	for _, tt := range tests {
		check(t, tt.name, set.Decide(subj(tt.role, "moulin"), tt.at, false), tt.want)
	}
	// Across the spring-forward weekend: delivered Monday 07:00 CEST.
	check(t, "weekend over DST", set.Decide(subj(teacher, "moulin"), time.Date(2025, 3, 28, 21, 0, 0, 0, paris), false),
		q(time.Date(2025, 3, 31, 7, 0, 0, 0, paris)))
}

func TestDeliverAtIsTrulyOpen(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2025, 3, 12, h, m, 0, 0, paris) } // a Wednesday
	next := func(h, m int) time.Time { return time.Date(2025, 3, 13, h, m, 0, 0, paris) }
	base := presets(t, policy.PresetCircular2024, policy.PresetDisconnect2025)

	// Quiet at 21:00, security closure from 23:00, both end at 07:00.
	set := compile(t, base)
	check(t, "quiet then closed", set.Decide(subj(teacher, "moulin"), at(21, 0), false),
		want{send: D, recv: D, until: at(23, 0), deliverAt: next(7, 0), receiveAt: next(7, 0), ruleID: "disconnect-2025/evenings-weekends"})
	check(t, "closed then open", set.Decide(subj(teacher, "moulin"), at(23, 30), false),
		want{send: R, recv: R, until: next(7, 0), reopen: next(7, 0), ruleID: "circular-2024/night"})

	// Overlapping and consecutive quiet windows from three scopes:
	// 20:00–07:00 (national), 06:30–07:30 (establishment), 07:30–08:00 (académie).
	rules := append(base,
		policy.Rule{ID: "etab-morning", Scope: sc(t, "establishment:0780001A"), Mode: policy.ModeClosed, Closure: policy.ClosureQuiet,
			Windows: []policy.Window{win(t, "06:30-07:30")}},
		policy.Rule{ID: "ac-morning", Scope: sc(t, "academie:versailles"), Mode: policy.ModeClosed, Closure: policy.ClosureQuiet,
			Windows: []policy.Window{win(t, "07:30-08:00")}},
	)
	set = compile(t, rules)
	d := set.Decide(subj(parent, "moulin"), at(21, 0), false)
	check(t, "chained quiet", d, want{send: D, recv: D, until: at(23, 0), deliverAt: next(8, 0), receiveAt: next(8, 0)})
	if got := set.Decide(subj(parent, "moulin"), d.DeliverAt, false); got.Send != A || got.Receive != A {
		t.Errorf("at DeliverAt %v: %v/%v, want allow", d.DeliverAt, got.Send, got.Receive)
	}
	if got := set.Decide(subj(parent, "moulin"), d.DeliverAt.Add(-time.Second), false); got.Send == A {
		t.Errorf("just before DeliverAt: allowed")
	}
	// The same parent in another académie is delivered at 07:00.
	check(t, "chained quiet elsewhere", set.Decide(subj(parent, "lille"), at(21, 0), false),
		want{send: D, recv: D, until: at(23, 0), deliverAt: next(7, 0), receiveAt: next(7, 0)})
	check(t, "morning chain from closure", set.Decide(subj(parent, "moulin"), next(6, 0), false),
		want{send: R, recv: R, until: next(7, 0), reopen: next(7, 0)})
	check(t, "morning chain 07:10", set.Decide(subj(parent, "moulin"), next(7, 10), false),
		want{send: D, recv: D, until: next(8, 0), deliverAt: next(8, 0), receiveAt: next(8, 0), ruleID: "etab-morning"})
}

func TestReceiveOnly(t *testing.T) {
	set := compile(t, []policy.Rule{
		{ID: "parents-ro", Scope: sc(t, "academie:versailles"), Roles: []bouclier.Role{parent}, Mode: policy.ModeReceiveOnly},
		{ID: "parents-quiet", Scope: sc(t, "academie:versailles"), Roles: []bouclier.Role{parent}, Mode: policy.ModeClosed,
			Closure: policy.ClosureQuiet, Windows: []policy.Window{win(t, "20:00-07:00")}},
	})
	noon := time.Date(2025, 3, 12, 12, 0, 0, 0, paris)
	check(t, "receive only", set.Decide(subj(parent, "moulin"), noon, false),
		want{send: R, recv: A, until: time.Date(2025, 3, 12, 20, 0, 0, 0, paris), ruleID: "parents-ro", reason: "réception seule"})
	eve := time.Date(2025, 3, 12, 21, 0, 0, 0, paris)
	check(t, "receive only, quiet", set.Decide(subj(parent, "moulin"), eve, false),
		want{send: R, recv: D, until: time.Date(2025, 3, 13, 7, 0, 0, 0, paris), receiveAt: time.Date(2025, 3, 13, 7, 0, 0, 0, paris), ruleID: "parents-ro"})
	e := set.Explain(subj(parent, "moulin"), noon)
	if e.Send || !e.Receive {
		t.Errorf("explain receive-only: %+v", e)
	}
	check(t, "other académie", set.Decide(subj(parent, "lille"), noon, false), want{send: A, recv: A})
}

func TestDateRanges(t *testing.T) {
	day := func(mo time.Month, d, h int) time.Time { return time.Date(2025, mo, d, h, 0, 0, 0, paris) }
	set := compile(t, []policy.Rule{
		// Spring holidays 2025: zone C 19 April – 5 May, zone B 12 – 28 April.
		{ID: "holidays", Scope: policy.National, Mode: policy.ModeClosed, Closure: policy.ClosureQuiet, Reason: "Vacances scolaires",
			Ranges: []policy.DateRange{
				{Start: date(2025, 4, 19), End: date(2025, 5, 5), Zone: "C"},
				{Start: date(2025, 4, 12), End: date(2025, 4, 28), Zone: "B"},
			}},
		// A crisis period closing parents' messaging in one académie.
		{ID: "crisis", Scope: sc(t, "academie:versailles"), Roles: []bouclier.Role{parent}, Mode: policy.ModeClosed,
			Ranges: []policy.DateRange{{Start: date(2025, 3, 20), End: date(2025, 3, 22)}}, Reason: "Période de crise"},
		// Evenings only, during the crisis, for teachers.
		{ID: "crisis-evenings", Scope: sc(t, "academie:versailles"), Roles: []bouclier.Role{teacher}, Mode: policy.ModeClosed,
			Ranges:  []policy.DateRange{{Start: date(2025, 3, 20), End: date(2025, 3, 22)}},
			Windows: []policy.Window{win(t, "18:00-08:00")}},
	})
	tests := []struct {
		name, where string
		role        bouclier.Role
		at          time.Time
		want        want
	}{
		{"zone C before", "moulin", teacher, day(4, 18, 23), want{send: A, recv: A, until: day(4, 19, 0)}},
		{"zone C during", "moulin", teacher, day(4, 25, 10), want{send: D, recv: D, until: day(5, 5, 0), deliverAt: day(5, 5, 0), receiveAt: day(5, 5, 0), ruleID: "holidays"}},
		{"zone C resumption", "moulin", teacher, day(5, 5, 0), want{send: A, recv: A}},
		{"zone B during", "lille", teacher, day(4, 14, 10), want{send: D, recv: D, until: day(4, 28, 0), deliverAt: day(4, 28, 0), receiveAt: day(4, 28, 0)}},
		{"zone B after, zone C holidays", "lille", teacher, day(5, 1, 10), want{send: A, recv: A}},
		{"reunion unaffected", "reunion", teacher, day(4, 25, 10), want{send: A, recv: A}},
		{"crisis parent", "moulin", parent, day(3, 21, 10), want{send: R, recv: R, until: day(3, 22, 0), reopen: day(3, 22, 0), ruleID: "crisis"}},
		{"crisis other académie", "lille", parent, day(3, 21, 10), want{send: A, recv: A, until: day(4, 12, 0)}},
		{"crisis teacher day", "moulin", teacher, day(3, 21, 10), want{send: A, recv: A, until: day(3, 21, 18)}},
		{"crisis teacher evening", "moulin", teacher, day(3, 21, 19), want{send: R, recv: R, until: day(3, 22, 0), reopen: day(3, 22, 0), ruleID: "crisis-evenings"}},
		{"crisis teacher first morning", "moulin", teacher, day(3, 20, 7), want{send: R, recv: R, until: day(3, 20, 8), reopen: day(3, 20, 8)}},
	}
	for _, tt := range tests {
		check(t, tt.name, set.Decide(subj(tt.role, tt.where), tt.at, false), tt.want)
	}
}

func TestScopeBounds(t *testing.T) {
	acClose := policy.Rule{ID: "ac-students", Scope: sc(t, "academie:versailles"), Roles: []bouclier.Role{student}, Mode: policy.ModeClosed,
		Reason: "Messagerie fermée aux élèves de l’académie"}
	reopen := policy.Rule{ID: "etab-reopen", Scope: sc(t, "establishment:0780001A"), Roles: []bouclier.Role{student}, Mode: policy.ModeOpen}
	existing := append(presets(t, policy.PresetDisconnect2025), acClose)

	// Validate refuses the establishment reopening what its académie closed.
	err := policy.Validate(existing, reopen, "versailles")
	if bouclier.ErrorCode(err) != bouclier.ErrConflict {
		t.Fatalf("Validate(reopen) = %v, want conflict", err)
	}
	msg := bouclier.ErrorMessage(err)
	for _, part := range []string{"etab-reopen", "ac-students", "l’académie versailles", "élèves", "l’établissement 0780001A", "ne peut pas"} {
		if !strings.Contains(msg, part) {
			t.Errorf("message %q lacks %q", msg, part)
		}
	}
	// Unknown académie: on the safe side. Another académie: no conflict.
	if bouclier.ErrorCode(policy.Validate(existing, reopen, "")) != bouclier.ErrConflict {
		t.Error("Validate with unknown académie accepted the reopening")
	}
	if err := policy.Validate(existing, reopen, "lille"); err != nil {
		t.Errorf("Validate in another académie: %v", err)
	}
	// A national floor binds an académie too.
	acOpen := reopen
	acOpen.Scope = sc(t, "academie:versailles")
	msg = bouclier.ErrorMessage(policy.Validate(presets(t, policy.PresetCircular2024), acOpen, ""))
	if !strings.Contains(msg, "du niveau national") {
		t.Errorf("national floor: %q", msg)
	}
	// A class may not reopen its establishment's floor.
	etabClose := acClose
	etabClose.ID, etabClose.Scope = "etab-students", sc(t, "establishment:0780001A")
	classOpen := reopen
	classOpen.Scope = sc(t, "class:0780001A/4A")
	if bouclier.ErrorCode(policy.Validate([]policy.Rule{etabClose}, classOpen, "versailles")) != bouclier.ErrConflict {
		t.Error("class reopening its establishment's floor accepted")
	}
	// Loosening an Adjustable rule, or at times the floor does not cover, is fine.
	lateMeeting := policy.Rule{ID: "late", Scope: sc(t, "establishment:0780002B"), Roles: []bouclier.Role{teacher}, Mode: policy.ModeOpen,
		Windows: []policy.Window{win(t, "tue 20:00-22:00")}}
	if err := policy.Validate(append(existing, presets(t, policy.PresetCircular2024)...), lateMeeting, "versailles"); err != nil {
		t.Errorf("loosening adjustable quiet hours: %v", err)
	}
	tooLate := lateMeeting
	tooLate.Windows = []policy.Window{win(t, "tue 20:00-23:30")}
	if bouclier.ErrorCode(policy.Validate(presets(t, policy.PresetCircular2024), tooLate, "versailles")) != bouclier.ErrConflict {
		t.Error("loosening into the 23:00 floor accepted")
	}
	// Tightening is always accepted; a replaced rule is not its own conflict.
	tighten := policy.Rule{ID: "etab-early", Scope: sc(t, "establishment:0780001A"), Mode: policy.ModeClosed,
		Windows: []policy.Window{win(t, "22:00-23:00")}}
	if err := policy.Validate(existing, tighten, "versailles"); err != nil {
		t.Errorf("tightening: %v", err)
	}
	if err := policy.Validate([]policy.Rule{acClose}, policy.Rule{ID: "ac-students", Scope: acClose.Scope, Mode: policy.ModeOpen}, ""); err != nil {
		t.Errorf("replacing a rule by itself: %v", err)
	}

	// Decide: the refused reopening, stored anyway, has no effect; the
	// tightening and the permitted loosening are honoured.
	set := compile(t, append(existing, presets(t, policy.PresetCircular2024)[1], reopen, tighten, lateMeeting))
	tue := func(h, m int) time.Time { return time.Date(2025, 3, 11, h, m, 0, 0, paris) }
	check(t, "reopen ignored", set.Decide(subj(student, "moulin"), tue(10, 0), false), want{send: R, recv: R, ruleID: "ac-students"})
	// 22:00–23:00 by the establishment, then 23:00–07:00 nationally.
	check(t, "tightened", set.Decide(subj(teacher, "moulin"), tue(22, 30), false),
		want{send: R, recv: R, until: time.Date(2025, 3, 12, 7, 0, 0, 0, paris), reopen: time.Date(2025, 3, 12, 7, 0, 0, 0, paris), ruleID: "etab-early"})
	check(t, "loosened", set.Decide(subj(teacher, "hugo"), tue(21, 0), false), want{send: A, recv: A, until: tue(22, 0)})
	check(t, "loosened, floor kept", set.Decide(subj(teacher, "hugo"), tue(23, 15), false),
		want{send: R, recv: R, until: time.Date(2025, 3, 12, 7, 0, 0, 0, paris), reopen: time.Date(2025, 3, 12, 7, 0, 0, 0, paris), ruleID: "circular-2024/night"})
	check(t, "not loosened for parents", set.Decide(subj(parent, "hugo"), tue(21, 0), false),
		want{send: D, recv: D, until: tue(23, 0), deliverAt: time.Date(2025, 3, 12, 7, 0, 0, 0, paris), receiveAt: time.Date(2025, 3, 12, 7, 0, 0, 0, paris)})
	check(t, "not loosened elsewhere", set.Decide(subj(teacher, "moulin"), tue(21, 0), false),
		want{send: D, recv: D, until: tue(22, 0), deliverAt: time.Date(2025, 3, 12, 7, 0, 0, 0, paris), receiveAt: time.Date(2025, 3, 12, 7, 0, 0, 0, paris)})

	// An open rule at the same scope does not lift an Adjustable rule there.
	same := compile(t, append(presets(t, policy.PresetDisconnect2025),
		policy.Rule{ID: "nat-open", Scope: policy.National, Mode: policy.ModeOpen}))
	if d := same.Decide(subj(teacher, "moulin"), tue(21, 0), false); d.Send != D {
		t.Errorf("same-scope open lifted the national quiet hours: %v", d.Send)
	}
}

func TestValidateMalformed(t *testing.T) {
	good := policy.Rule{ID: "r", Scope: policy.National, Mode: policy.ModeClosed}
	bad := map[string]func(*policy.Rule){
		"no id":           func(r *policy.Rule) { r.ID = " " },
		"bad scope":       func(r *policy.Rule) { r.Scope = policy.Scope{Kind: "planet", ID: "x"} },
		"national id":     func(r *policy.Rule) { r.Scope = policy.Scope{Kind: policy.ScopeNational, ID: "x"} },
		"bad role":        func(r *policy.Rule) { r.Roles = []bouclier.Role{"pupil"} },
		"bad mode":        func(r *policy.Rule) { r.Mode = "ajar" },
		"bad closure":     func(r *policy.Rule) { r.Closure = "soft" },
		"open closure":    func(r *policy.Rule) { r.Mode, r.Closure = policy.ModeOpen, policy.ClosureQuiet },
		"bad window":      func(r *policy.Rule) { r.Windows = []policy.Window{{Start: 25 * 60}} },
		"bad day":         func(r *policy.Rule) { r.Windows = []policy.Window{{Days: []time.Weekday{9}, Start: 60, End: 120}} },
		"too many nights": func(r *policy.Rule) { r.Windows = []policy.Window{{Start: 60, End: 120, Nights: 8}} },
		"empty range":     func(r *policy.Rule) { r.Ranges = []policy.DateRange{{Start: date(2025, 4, 2), End: date(2025, 4, 2)}} },
		"no such date":    func(r *policy.Rule) { r.Ranges = []policy.DateRange{{Start: date(2025, 2, 30), End: date(2025, 4, 2)}} },
	}
	for name, mutate := range bad {
		r := good
		mutate(&r)
		err := policy.Validate(nil, r, "")
		if bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
			t.Errorf("%s: Validate = %v, want invalid_request", name, err)
		}
		if _, err := policy.Compile([]policy.Rule{r}, nil); err == nil {
			t.Errorf("%s: Compile accepted it", name)
		}
	}
	if err := policy.Validate(nil, good, ""); err != nil {
		t.Errorf("good rule: %v", err)
	}
	for _, s := range []policy.Suspension{
		{ID: "", Scope: policy.National},
		{ID: "s", Scope: policy.Scope{Kind: "academie"}},
		{ID: "s", Scope: policy.National, Roles: []bouclier.Role{"x"}},
		{ID: "s", Scope: policy.National, Since: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), Until: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if _, err := policy.Compile(nil, []policy.Suspension{s}); err == nil {
			t.Errorf("Compile accepted suspension %+v", s)
		}
	}
}

func TestSuspensions(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2025, 3, d, h, 0, 0, 0, paris) }
	end := at(13, 18)
	set := compile(t, nil,
		policy.Suspension{StopsReceiving: true, ID: "nat", Scope: policy.National, Roles: []bouclier.Role{parent}, Reason: "alerte nationale"},
		policy.Suspension{StopsReceiving: true, ID: "ac", Scope: sc(t, "academie:versailles"), Roles: []bouclier.Role{teacher, staff}, Reason: "menaces en cours", Until: end},
		policy.Suspension{StopsReceiving: true, ID: "etab", Scope: sc(t, "establishment:0780002B"), Reason: "intrusion", Since: at(14, 8), Until: at(14, 12)},
		policy.Suspension{StopsReceiving: true, ID: "admins", Scope: sc(t, "academie:la-reunion"), Roles: []bouclier.Role{acAdmin}, Reason: "compte compromis"},
	)
	tests := []struct {
		name, where string
		role        bouclier.Role
		at          time.Time
		want        want
	}{
		{"national, no end", "moulin", parent, at(12, 10), want{send: R, recv: R, ruleID: "nat", suspended: true, reason: "Messagerie suspendue\u00a0: alerte nationale"}},
		{"national, reunion", "reunion", parent, at(12, 10), want{send: R, recv: R, ruleID: "nat", suspended: true}},
		{"national, not for teachers", "lille", teacher, at(12, 10), want{send: A, recv: A}},
		{"académie with end", "moulin", teacher, at(12, 10), want{send: R, recv: R, until: end, reopen: end, ruleID: "ac", suspended: true}},
		{"académie, other role", "moulin", head, at(12, 10), want{send: A, recv: A}},
		{"académie, at end", "moulin", staff, end, want{send: A, recv: A}},
		{"académie, other académie", "lille", teacher, at(12, 10), want{send: A, recv: A}},
		{"académie, la réunion", "reunion", staff, at(12, 10), want{send: A, recv: A}},
		{"establishment before", "hugo", student, at(14, 7), want{send: A, recv: A, until: at(14, 8)}},
		{"establishment during", "hugo", head, at(14, 9), want{send: R, recv: R, until: at(14, 12), reopen: at(14, 12), ruleID: "etab", suspended: true}},
		{"establishment, admin unbound", "hugo", acAdmin, at(14, 9), want{send: A, recv: A}},
		{"establishment, sibling", "moulin", head, at(14, 9), want{send: A, recv: A}},
		{"named admin role", "reunion", acAdmin, at(14, 9), want{send: R, recv: R, ruleID: "admins", suspended: true}},
	}
	for _, tt := range tests {
		check(t, tt.name, set.Decide(subj(tt.role, tt.where), tt.at, false), tt.want)
	}
}

func TestUrgentOverride(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2025, 3, d, h, 0, 0, 0, paris) }
	rules := presets(t, policy.PresetCircular2024, policy.PresetDisconnect2025)
	set := compile(t, rules,
		policy.Suspension{StopsReceiving: true, ID: "etab", Scope: sc(t, "establishment:0780002B"), Reason: "intrusion", ImposedBy: sc(t, "establishment:0780002B")},
		policy.Suspension{StopsReceiving: true, ID: "ac", Scope: sc(t, "academie:la-reunion"), Reason: "menaces", ImposedBy: sc(t, "academie:la-reunion")},
		// Imposed on the heads of an establishment by its académie.
		policy.Suspension{StopsReceiving: true, ID: "from-above", Scope: sc(t, "establishment:0780001A"), Roles: []bouclier.Role{head}, Reason: "comptes compromis", ImposedBy: sc(t, "academie:versailles")},
		// Stored before imposers were recorded: counts as national.
		policy.Suspension{StopsReceiving: true, ID: "unknown", Scope: sc(t, "establishment:9740001C"), Roles: []bouclier.Role{head}, Reason: "ancienne"},
	)
	natSet := compile(t, rules, policy.Suspension{StopsReceiving: true, ID: "nat", Scope: policy.National, Reason: "crise nationale"})
	auth := func(s policy.Subject, k policy.ScopeKind) policy.Subject { s.Authority = k; return s }
	tests := []struct {
		name string
		set  *policy.Set
		s    policy.Subject
		at   time.Time
		want want
	}{
		{"security window", set, auth(subj(staff, "moulin"), policy.ScopeEstablishment), at(12, 23), want{send: A, recv: R, until: at(13, 7), ruleID: "circular-2024/night", urgent: true}},
		{"quiet hours", set, subj(teacher, "moulin"), at(12, 21), want{send: A, recv: D, until: at(12, 23), receiveAt: at(13, 7), urgent: true}},
		{"establishment suspension", set, auth(subj(staff, "hugo"), policy.ScopeEstablishment), at(12, 10), want{send: A, recv: R, ruleID: "etab", suspended: true, urgent: true}},
		{"académie suspension, head", set, auth(subj(head, "reunion"), policy.ScopeEstablishment), at(12, 10), want{send: R, recv: R, ruleID: "ac", suspended: true}},
		{"académie suspension, teacher without authority", set, subj(teacher, "reunion"), at(12, 10), want{send: R, recv: R, ruleID: "ac", suspended: true}},
		{"imposed from above on the head", set, auth(subj(head, "moulin"), policy.ScopeEstablishment), at(12, 10), want{send: R, recv: R, ruleID: "from-above", suspended: true}},
		{"national suspension", natSet, auth(subj(head, "moulin"), policy.ScopeEstablishment), at(12, 10), want{send: R, recv: R, ruleID: "nat", suspended: true}},
		{"not for students", set, subj(student, "moulin"), at(12, 10), want{send: R, recv: R, ruleID: "circular-2024/students"}},
		{"not for parents", set, subj(parent, "moulin"), at(12, 23), want{send: R, recv: R, until: at(13, 7), reopen: at(13, 7)}},
		{"nothing to override", set, subj(teacher, "moulin"), at(12, 10), want{send: A, recv: A, until: at(12, 20)}},
	}
	for _, tt := range tests {
		check(t, tt.name, tt.set.Decide(tt.s, tt.at, true), tt.want)
	}
}

func TestExplain(t *testing.T) {
	set := compile(t, presets(t, policy.PresetCircular2024, policy.PresetDisconnect2025),
		policy.Suspension{StopsReceiving: true, ID: "s", Scope: sc(t, "establishment:0780002B"), Reason: "alerte à la bombe", Until: time.Date(2025, 3, 12, 18, 0, 0, 0, paris)})
	at := func(d, h int) time.Time { return time.Date(2025, 3, d, h, 0, 0, 0, paris) }
	tests := []struct {
		name string
		s    policy.Subject
		at   time.Time
		json string
	}{
		{"student", subj(student, "moulin"), at(12, 10),
			`{"send":false,"receive":false,"reason":"Messagerie fermée aux élèves (circulaire de mars 2024)","until":null}`},
		{"open", subj(teacher, "moulin"), at(12, 10),
			`{"send":true,"receive":true,"reason":"Messagerie ouverte jusqu’à 20 h 00","until":"2025-03-12T20:00:00+01:00"}`},
		{"quiet", subj(teacher, "moulin"), at(12, 21),
			`{"send":true,"receive":false,"reason":"Heures calmes (droit à la déconnexion) : les messages seront remis à 7 h 00","until":"2025-03-12T23:00:00+01:00"}`},
		{"closed", subj(parent, "moulin"), at(12, 23),
			`{"send":false,"receive":false,"reason":"Messagerie fermée de 23 h à 7 h (circulaire de mars 2024) — réouverture à 7 h 00","until":"2025-03-13T07:00:00+01:00"}`},
		{"weekend", subj(parent, "moulin"), at(14, 21),
			`{"send":true,"receive":false,"reason":"Heures calmes (droit à la déconnexion) : les messages seront remis le lundi 17 mars à 7 h 00","until":"2025-03-14T23:00:00+01:00"}`},
		{"suspended", subj(teacher, "hugo"), at(12, 10),
			`{"send":false,"receive":false,"reason":"Messagerie suspendue : alerte à la bombe — réouverture à 18 h 00","until":"2025-03-12T18:00:00+01:00"}`},
		{"reunion", subj(teacher, "reunion"), time.Date(2025, 3, 12, 19, 30, 0, 0, time.UTC),
			`{"send":false,"receive":false,"reason":"Messagerie fermée de 23 h à 7 h (circulaire de mars 2024) — réouverture à 7 h 00","until":"2025-03-13T07:00:00+04:00"}`},
		{"admin", subj(natAdmin, "moulin"), at(12, 23),
			`{"send":true,"receive":true,"reason":"Messagerie ouverte (les administrateurs ne sont soumis qu’aux règles qui les nomment)","until":null}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(set.Explain(tt.s, tt.at))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.json {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, b, tt.json)
		}
	}
	// The API error for a refused send.
	d := set.Decide(subj(parent, "moulin"), at(12, 23), false)
	if err := d.Err(at(12, 23)); bouclier.ErrorCode(err) != bouclier.ErrMessagingClosed || !strings.Contains(bouclier.ErrorMessage(err), "réouverture à 7\u00a0h\u00a000") {
		t.Errorf("Err = %v", err)
	}
	if err := set.Decide(subj(parent, "moulin"), at(12, 21), false).Err(at(12, 21)); err != nil {
		t.Errorf("deferred send: Err = %v", err)
	}
}

func TestUnknownRoleFailsClosed(t *testing.T) {
	set := compile(t, nil)
	d := set.Decide(policy.Subject{Role: "intruder"}, time.Date(2025, 3, 12, 10, 0, 0, 0, paris), true)
	if d.Send != R || d.Receive != R {
		t.Errorf("unknown role: %v/%v", d.Send, d.Receive)
	}
	// Nil location means Europe/Paris.
	set = compile(t, presets(t, policy.PresetCircular2024))
	d = set.Decide(policy.Subject{Role: parent}, time.Date(2025, 3, 12, 22, 30, 0, 0, time.UTC), false)
	if d.Send != R || !d.ReopenAt.Equal(time.Date(2025, 3, 13, 7, 0, 0, 0, paris)) {
		t.Errorf("nil Loc: %+v", d)
	}
}

func TestPresets(t *testing.T) {
	infos := policy.Presets()
	if len(infos) != 3 || infos[0].Name != "circular-2024" || infos[1].Name != "disconnect-2025" || infos[2].Name != "open" {
		t.Fatalf("Presets() = %+v", infos)
	}
	for _, p := range infos {
		if p.Description == "" {
			t.Errorf("%s: no description", p.Name)
		}
		rules, err := policy.Preset(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rules {
			if err := policy.Validate(nil, r, ""); err != nil {
				t.Errorf("%s: %v", p.Name, err)
			}
		}
	}
	if open, _ := policy.Preset("open"); len(open) != 0 {
		t.Errorf("open preset has rules: %+v", open)
	}
	if _, err := policy.Preset("closed-forever"); bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
		t.Errorf("unknown preset: %v", err)
	}
	rules, err := policy.PresetAt("circular-2024", sc(t, "academie:versailles"))
	if err != nil || len(rules) != 2 || rules[0].Scope.String() != "academie:versailles" {
		t.Errorf("PresetAt = %+v, %v", rules, err)
	}
	// Fresh slices: changing one does not change the next.
	rules[0].Mode = policy.ModeOpen
	again, _ := policy.Preset("circular-2024")
	if again[0].Mode != policy.ModeClosed {
		t.Error("Preset returned shared rules")
	}
	// Applied at an académie, the circular binds only that académie.
	set := compile(t, rules[1:])
	night := time.Date(2025, 3, 12, 23, 30, 0, 0, paris)
	if set.Decide(subj(teacher, "moulin"), night, false).Send != R || set.Decide(subj(teacher, "lille"), night, false).Send != A {
		t.Error("preset at académie scope misapplied")
	}
}

func TestParseScope(t *testing.T) {
	good := map[string]policy.Scope{
		"national":               {Kind: policy.ScopeNational},
		" academie:versailles ":  {Kind: policy.ScopeAcademie, ID: "versailles"},
		"establishment:0780001A": {Kind: policy.ScopeEstablishment, ID: "0780001A"},
		"class:0780001A/4A":      {Kind: policy.ScopeClass, ID: "0780001A/4A"},
	}
	for in, want := range good {
		got, err := policy.ParseScope(in)
		if err != nil || got != want {
			t.Errorf("ParseScope(%q) = %v, %v", in, got, err)
		}
		if again, _ := policy.ParseScope(got.String()); again != got {
			t.Errorf("round trip %q", in)
		}
	}
	for _, in := range []string{"", "national:x", "academie:", "academie:a b", "class:0780001A", "class:/4A", "planet:earth", "establishment:0780001A/4A"} {
		if _, err := policy.ParseScope(in); bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
			t.Errorf("ParseScope(%q) = %v, want invalid_request", in, err)
		}
	}
}

func TestParseWindow(t *testing.T) {
	tests := []struct {
		in, canon string
		want      policy.Window
	}{
		{"23:00-07:00", "23:00-07:00", policy.Window{Start: policy.At(23, 0), End: policy.At(7, 0)}},
		{"MON-FRI 20:00-07:00", "mon-fri 20:00-07:00", policy.Window{Days: []time.Weekday{1, 2, 3, 4, 5}, Start: policy.At(20, 0), End: policy.At(7, 0)}},
		{"fri 20:00-mon 07:00", "fri 20:00-mon 07:00", policy.Window{Days: []time.Weekday{5}, Start: policy.At(20, 0), End: policy.At(7, 0), Nights: 3}},
		{"ven 20:00 - lun 07:00", "fri 20:00-mon 07:00", policy.Window{Days: []time.Weekday{5}, Start: policy.At(20, 0), End: policy.At(7, 0), Nights: 3}},
		{"sat,sun 00:00-00:00", "sat,sun 00:00-00:00", policy.Window{Days: []time.Weekday{6, 0}, Start: 0, End: 0}},
		{"sat-sun 08:00-24:00", "sat,sun 08:00-24:00", policy.Window{Days: []time.Weekday{6, 0}, Start: policy.At(8, 0), End: policy.At(24, 0)}},
		{"mon,wed 22:00-06:00+2", "mon,wed 22:00-06:00+2", policy.Window{Days: []time.Weekday{1, 3}, Start: policy.At(22, 0), End: policy.At(6, 0), Nights: 2}},
		{"sun 12:00-sun 11:00", "sun 12:00-11:00+7", policy.Window{Days: []time.Weekday{0}, Start: policy.At(12, 0), End: policy.At(11, 0), Nights: 7}},
	}
	for _, tt := range tests {
		got, err := policy.ParseWindow(tt.in)
		if err != nil {
			t.Errorf("ParseWindow(%q): %v", tt.in, err)
			continue
		}
		if got.String() != tt.canon || got.Start != tt.want.Start || got.End != tt.want.End || got.Nights != tt.want.Nights || len(got.Days) != len(tt.want.Days) {
			t.Errorf("ParseWindow(%q) = %+v (%s), want %+v (%s)", tt.in, got, got, tt.want, tt.canon)
		}
		if again, err := policy.ParseWindow(got.String()); err != nil || again.String() != got.String() {
			t.Errorf("round trip %q: %v %v", tt.in, again, err)
		}
	}
	for _, in := range []string{"", "23:00", "25:00-07:00", "mon 23:00", "xyz 10:00-11:00", "mon,tue 20:00-wed 07:00", "24:00-01:00", "10:00-11:00+9", "10:60-11:00"} {
		if _, err := policy.ParseWindow(in); err == nil {
			t.Errorf("ParseWindow(%q) accepted", in)
		}
	}
	// JSON uses the text form.
	r := policy.Rule{ID: "x", Scope: sc(t, "class:0780001A/4A"), Mode: policy.ModeClosed, Closure: policy.ClosureQuiet,
		Windows: []policy.Window{win(t, "fri 20:00-mon 07:00")}, Ranges: []policy.DateRange{{Start: date(2025, 4, 19), End: date(2025, 5, 5), Zone: "C"}}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"x","scope":"class:0780001A/4A","mode":"closed","closure":"quiet","windows":["fri 20:00-mon 07:00"],"ranges":[{"start":"2025-04-19","end":"2025-05-05","zone":"C"}]}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
	var back policy.Rule
	if err := json.Unmarshal(b, &back); err != nil || back.Windows[0].Nights != 3 || back.Scope != r.Scope {
		t.Errorf("JSON back: %+v %v", back, err)
	}
}

func TestConcurrentDecide(t *testing.T) {
	set := compile(t, presets(t, policy.PresetCircular2024, policy.PresetDisconnect2025))
	at := time.Date(2025, 3, 12, 21, 0, 0, 0, paris)
	want := set.Decide(subj(teacher, "moulin"), at, false)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				if got := set.Decide(subj(teacher, "moulin"), at, false); got != want {
					t.Errorf("concurrent Decide = %+v, want %+v", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestSuspensionStopsSendingOnly: a suspension stops sending by the roles
// it names; they still receive unless it says so.
func TestSuspensionStopsSendingOnly(t *testing.T) {
	at := time.Date(2025, 3, 12, 10, 0, 0, 0, paris)
	for _, c := range []struct {
		name     string
		stopRecv bool
		recv     policy.Action
	}{{"sending only", false, policy.Allow}, {"sending and receiving", true, policy.Refuse}} {
		set := compile(t, nil, policy.Suspension{ID: "p", Scope: sc(t, "establishment:0780001A"), Roles: []bouclier.Role{parent},
			Reason: "comptes compromis", StopsReceiving: c.stopRecv})
		d := set.Decide(subj(parent, "moulin"), at, false)
		if d.Send != policy.Refuse || d.Receive != c.recv {
			t.Errorf("%s: parent send/receive = %v/%v, want refuse/%v", c.name, d.Send, d.Receive, c.recv)
		}
		if d := set.Decide(subj(teacher, "moulin"), at, false); d.Send != policy.Allow || d.Receive != policy.Allow {
			t.Errorf("%s: teacher %v/%v", c.name, d.Send, d.Receive)
		}
	}
}
