package policy

import (
	"math"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
)

// Horizon is how far ahead Decide looks for Until, DeliverAt, ReceiveAt and
// ReopenAt. A change further away is reported as none (zero time).
const Horizon = 366 * 24 * time.Hour

// maxSteps bounds the forward scan in pathological rule sets (thousands of
// windows); it is far above what a year of ordinary rules needs.
const maxSteps = 1 << 14

const noEdge = math.MaxInt64

// Clamp instants to years ~1653..5138 so that minute arithmetic never overflows.
const minUnix, maxUnix = -1e10, 1e11

// The default reasons, in French.
const (
	reasonOpen        = "Messagerie ouverte"
	reasonUnknownRole = "Messagerie fermée\u00a0: rôle inconnu"
	reasonClosed      = "Messagerie fermée"
	reasonRecvOnly    = "Messagerie en réception seule"
	reasonQuiet       = "Heures calmes"
	reasonQuietSend   = "Heures calmes pour l’envoi"
	reasonSuspended   = "Messagerie suspendue"
)

// paris is the zone of subjects without one: metropolitan France.
var paris = loadOr("Europe/Paris", time.UTC)

func loadOr(name string, def *time.Location) *time.Location {
	if l, err := time.LoadLocation(name); err == nil {
		return l
	}
	return def
}

// Subject is the person a decision is about, as the directory knows them.
type Subject struct {
	Role     bouclier.Role
	Academie string // académie code, "versailles"
	UAI      string // establishment
	Class    string // class code within UAI; class-scope rules apply only when set
	// Zone is the school-holiday zone ("A", "B", "C", "reunion"…) that
	// selects DateRanges with a zone; not a time zone.
	Zone string
	// Loc is the establishment's (or académie's) time zone; nil means
	// Europe/Paris.
	Loc *time.Location
	// Authority is the kind of scope the subject has authority over
	// (ScopeEstablishment for a head, ScopeAcademie for an académie
	// administrator…), empty for none: the urgent override passes only
	// suspensions imposed at that level or narrower.
	Authority ScopeKind
}

// Decision is what a subject may do at one instant. All instants are in the
// subject's time zone; a zero instant means "none within Horizon".
type Decision struct {
	Send    Action // Allow; Defer: accepted, delivered at DeliverAt; Refuse: 403 messaging_closed
	Receive Action // Allow; Defer: held until ReceiveAt; Refuse
	// Until is when Send or Receive next changes.
	Until time.Time
	// DeliverAt, when Send is Defer, is the first instant at which sending is
	// allowed outright: when a message accepted now is delivered.
	DeliverAt time.Time
	// ReceiveAt, when Receive is Defer, is the first instant at which
	// receiving is allowed outright.
	ReceiveAt time.Time
	// ReopenAt, when Send is Refuse, is the first instant at which sending
	// is accepted again (possibly deferred).
	ReopenAt time.Time
	// Reason is in French; RuleID names the rule or suspension that decided.
	Reason    string
	RuleID    string
	Suspended bool // a suspension decided
	// Urgent reports that the urgent override let the send through a rule
	// or suspension; the caller should audit it.
	Urgent bool
}

// Set is a compiled set of rules and suspensions, indexed by scope and role.
// It is immutable and safe for concurrent use.
type Set struct {
	national       bucket
	academies      map[string]*bucket
	establishments map[string]*bucket
	classes        map[classKey]*bucket
}

type classKey struct{ uai, class string }

// bucket holds, per role, the rules and suspensions of one scope in input order.
type bucket struct {
	rules   [nRoles][]*crule
	susps   [nRoles][]*csusp
	hasOpen [nRoles]bool
}

// crule is a compiled rule.
type crule struct {
	id         string
	reason     string
	open       bool
	adjustable bool
	permanent  bool // no windows, no ranges: in force at all times
	send, recv Action
	// Weekly windows as the minutes of the week (Sunday 00:00 = 0) at which
	// being inside flips; base is whether minute 0 is inside before any flip.
	hasWeek bool
	base    bool
	edges   []int16
	ranges  []crange
}

// crange is a date range in days since 1970-01-01, end excluded.
type crange struct {
	start, end int64
	zone       string
}

// csusp is a compiled suspension; since and until are Unix seconds.
type csusp struct {
	id, reason   string
	since, until int64
	imposed      int  // level of the imposer's scope; 0 (national) when unknown
	recv         bool // stops receiving too
}

// Compile checks and indexes rules and suspensions. It does not check the
// scopes' bounds (see Validate): a loosening beyond them has no effect.
func Compile(rules []Rule, susp []Suspension) (*Set, error) {
	s := &Set{
		academies:      map[string]*bucket{},
		establishments: map[string]*bucket{},
		classes:        map[classKey]*bucket{},
	}
	for i := range rules {
		r := &rules[i]
		if err := r.check(); err != nil {
			return nil, err
		}
		cr := compileRule(r)
		b := s.bucket(r.Scope)
		for _, ri := range roleIndexes(r.Roles) {
			b.rules[ri] = append(b.rules[ri], cr)
			b.hasOpen[ri] = b.hasOpen[ri] || cr.open
		}
	}
	for i := range susp {
		sp := &susp[i]
		if err := sp.check(); err != nil {
			return nil, err
		}
		cs := &csusp{id: sp.ID, reason: reasonSuspended, since: math.MinInt64, until: noEdge, imposed: max(sp.ImposedBy.level(), 0), recv: sp.StopsReceiving}
		if r := strings.TrimSpace(sp.Reason); r != "" {
			cs.reason = reasonSuspended + "\u00a0: " + r
		}
		if !sp.Since.IsZero() {
			cs.since = sp.Since.Unix()
		}
		if !sp.Until.IsZero() {
			// Round up so that a sub-second end still covers its last second.
			cs.until = sp.Until.Unix()
			if sp.Until.Nanosecond() > 0 {
				cs.until++
			}
		}
		b := s.bucket(sp.Scope)
		for _, ri := range roleIndexes(sp.Roles) {
			b.susps[ri] = append(b.susps[ri], cs)
		}
	}
	return s, nil
}

func roleIndexes(roles []bouclier.Role) []int {
	var seen [nRoles]bool
	var out []int
	for _, r := range effectiveRoles(roles) {
		if i := roleIndex(r); i >= 0 && !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	return out
}

func (s *Set) bucket(sc Scope) *bucket {
	get := func(m map[string]*bucket, k string) *bucket {
		if m[k] == nil {
			m[k] = new(bucket)
		}
		return m[k]
	}
	switch sc.Kind {
	case ScopeAcademie:
		return get(s.academies, sc.ID)
	case ScopeEstablishment:
		return get(s.establishments, sc.ID)
	case ScopeClass:
		uai, class, _ := strings.Cut(sc.ID, "/")
		k := classKey{uai, class}
		if s.classes[k] == nil {
			s.classes[k] = new(bucket)
		}
		return s.classes[k]
	}
	return &s.national
}

func compileRule(r *Rule) *crule {
	cr := &crule{
		id:         r.ID,
		reason:     strings.TrimSpace(r.Reason),
		open:       r.Mode == ModeOpen,
		adjustable: r.Adjustable,
		permanent:  len(r.Windows) == 0 && len(r.Ranges) == 0,
	}
	cr.send, cr.recv = r.effect()
	if cr.reason == "" {
		switch {
		case cr.send == Refuse && cr.recv == Refuse:
			cr.reason = reasonClosed
		case cr.send == Refuse:
			cr.reason = reasonRecvOnly
		case cr.recv == Defer:
			cr.reason = reasonQuiet
		case cr.send == Defer:
			cr.reason = reasonQuietSend
		default:
			cr.reason = reasonOpen
		}
	}
	if len(r.Windows) > 0 {
		cr.hasWeek = true
		m := windowMask(r.Windows)
		cr.base = m[minutesPerWeek-1]
		prev := cr.base
		for i, in := range m {
			if in != prev {
				cr.edges = append(cr.edges, int16(i))
				prev = in
			}
		}
	}
	for _, dr := range r.Ranges {
		s, _ := dr.Start.dayNumber()
		e, _ := dr.End.dayNumber()
		cr.ranges = append(cr.ranges, crange{start: s, end: e, zone: dr.Zone})
	}
	return cr
}

// at reports whether the rule is in force at civil minute cm (local minutes
// since 1970-01-01 00:00), on civil day day, at minute wk of the week, for
// holiday zone zone; edge is the next civil minute at which that may change.
func (r *crule) at(cm, day int64, wk int, zone string) (in bool, edge int64) {
	in, edge = true, noEdge
	if len(r.ranges) > 0 {
		in = false
		for i := range r.ranges {
			g := &r.ranges[i]
			if g.zone != "" && g.zone != zone {
				continue
			}
			switch {
			case day < g.start:
				edge = min(edge, g.start*minutesPerDay)
			case day < g.end:
				in = true
				edge = min(edge, g.end*minutesPerDay)
			}
		}
		if !in {
			// Window edges do not matter before the next range starts.
			return false, edge
		}
	}
	if r.hasWeek {
		i := 0
		for i < len(r.edges) && int(r.edges[i]) <= wk {
			i++
		}
		if i&1 == 1 {
			in = !r.base
		} else {
			in = r.base
		}
		if n := len(r.edges); n > 0 {
			d := 0
			if i < n {
				d = int(r.edges[i]) - wk
			} else {
				d = int(r.edges[0]) + minutesPerWeek - wk
			}
			edge = min(edge, cm+int64(d))
		}
	}
	return in, edge
}

// view is a subject's slice of a Set: its rules and suspensions per level.
type view struct {
	loc       *time.Location
	zone      string
	personnel bool
	authority int // level of the subject's authority; nLevels for none
	rules     [nLevels][]*crule
	susps     [nLevels][]*csusp
	openBelow [nLevels]bool // an open rule exists at a level narrower than k
	horizon   int64         // Unix second up to which Decide scans
}

func (s *Set) fill(v *view, subj Subject) bool {
	ri := roleIndex(subj.Role)
	if ri < 0 {
		return false
	}
	v.loc = subj.Loc
	if v.loc == nil {
		v.loc = paris
	}
	v.zone = subj.Zone
	v.personnel = subj.Role.IsPersonnel()
	v.authority = nLevels
	if l := (Scope{Kind: subj.Authority}).level(); l >= 0 {
		v.authority = l
	}
	var bs [nLevels]*bucket
	bs[0] = &s.national
	if subj.Academie != "" {
		bs[1] = s.academies[subj.Academie]
	}
	if subj.UAI != "" {
		bs[2] = s.establishments[subj.UAI]
		if subj.Class != "" {
			bs[3] = s.classes[classKey{subj.UAI, subj.Class}]
		}
	}
	open := false
	for k := nLevels - 1; k >= 0; k-- {
		v.openBelow[k] = open
		if b := bs[k]; b != nil {
			v.rules[k], v.susps[k] = b.rules[ri], b.susps[ri]
			open = open || b.hasOpen[ri]
		}
	}
	return true
}

// state is the outcome at one instant.
type state struct {
	send, recv Action
	rule       *crule
	susp       *csusp
	urgent     bool
}

// acc accumulates restrictive rules: the most restrictive action per side,
// and the first most restrictive rule for the reason.
type acc struct {
	send, recv Action
	why        *crule
}

func rank(s, r Action) int { return int(s)*3 + int(r) }

func (a *acc) add(r *crule) {
	if a.why == nil || rank(r.send, r.recv) > rank(a.why.send, a.why.recv) {
		a.why = r
	}
	a.send, a.recv = max(a.send, r.send), max(a.recv, r.recv)
}

func (a *acc) merge(b *acc) {
	if b.why == nil {
		return
	}
	if a.why == nil || rank(b.why.send, b.why.recv) > rank(a.why.send, a.why.recv) {
		a.why = b.why
	}
	a.send, a.recv = max(a.send, b.send), max(a.recv, b.recv)
}

// eval applies the evaluation rules at Unix second t. It returns the state
// and the next instant after t at which the state may change (noEdge if
// none). With permanentOnly it considers only what stays in force forever
// (permanent binding rules, suspensions without end), giving a floor that
// the state never goes below; next is then meaningless.
func (v *view) eval(t int64, urgent, permanentOnly bool) (st state, next int64) {
	tt := time.Unix(t, 0).In(v.loc)
	_, off := tt.Zone()
	next = noEdge
	if !permanentOnly {
		// The wall clock jumps at a zone transition: it is a boundary.
		if _, end := tt.ZoneBounds(); !end.IsZero() {
			next = end.Unix()
			if next <= t {
				// Beyond a zone file's explicit transitions, Go may report
				// an end before t near New Year (seen for Europe/Paris on
				// 31 December 2040): look again an hour later.
				next = t + 3600
			}
		}
	}
	cm := floorDiv(t+int64(off), 60)
	day := floorDiv(cm, minutesPerDay)
	wk := int(floorMod(cm+4*minutesPerDay, minutesPerWeek)) // 1970-01-01 was a Thursday
	lift := urgent && v.personnel

	// Rule 4: suspensions.
	var sSend, sRecv Action
	var whySend, whyAny *csusp
	for k := 0; k < nLevels; k++ {
		for _, s := range v.susps[k] {
			if permanentOnly && s.until <= v.horizon {
				// Ending within the horizon: not a floor. Beyond it, the
				// scan would not see the end anyway.
				continue
			}
			if s.since > t {
				next = min(next, s.since)
				continue
			}
			if s.until <= t {
				continue
			}
			next = min(next, s.until)
			if s.recv {
				sRecv = Refuse
			}
			if whyAny == nil {
				whyAny = s
			}
			if k > 0 && lift && s.imposed >= v.authority {
				st.urgent = true
				continue
			}
			sSend = Refuse
			if whySend == nil {
				whySend = s
			}
		}
	}

	// Rules 5 to 7: rules in force, lifting, most restrictive per side.
	kOpen := -1
	var bind, adj [nLevels]acc
	nextCivil := int64(noEdge)
	for k := 0; k < nLevels; k++ {
		for _, r := range v.rules[k] {
			if permanentOnly && (!r.permanent || r.open || (r.adjustable && v.openBelow[k])) {
				continue
			}
			in, edge := r.at(cm, day, wk, v.zone)
			nextCivil = min(nextCivil, edge)
			switch {
			case !in:
			case r.open:
				kOpen = k
			case r.adjustable:
				adj[k].add(r)
			default:
				bind[k].add(r)
			}
		}
	}
	var ra acc
	for k := 0; k < nLevels; k++ {
		ra.merge(&bind[k])
		if k >= kOpen {
			ra.merge(&adj[k])
		}
	}
	if nextCivil != noEdge {
		next = min(next, nextCivil*60-int64(off))
	}

	// Rule 8: urgent override of the rules, for sending only.
	rSend := ra.send
	if lift && rSend != Allow {
		rSend, st.urgent = Allow, true
	}
	st.send, st.recv = max(sSend, rSend), max(sRecv, ra.recv)

	// Rule 9: the reason.
	switch {
	case sSend != Allow:
		st.susp = whySend
	case rSend != Allow:
		st.rule = ra.why
	case sRecv != Allow:
		st.susp = whyAny
	case ra.why != nil:
		// Receiving restricted, or an overridden rule kept for the record.
		st.rule = ra.why
	case whyAny != nil:
		// A suspension passed by the urgent override, for the record.
		st.susp = whyAny
	}
	return st, next
}

// Decide applies the rules (see the package documentation) to subj at now.
// urgent is the emergency override: set it only for a person authorised to
// send urgent messages, with a reason. Decide does not allocate.
func (s *Set) Decide(subj Subject, now time.Time, urgent bool) Decision {
	var v view
	if !s.fill(&v, subj) {
		return Decision{Send: Refuse, Receive: Refuse, Reason: reasonUnknownRole}
	}
	t := min(max(now.Unix(), minUnix), maxUnix)
	limit := t + int64(Horizon/time.Second)
	v.horizon = limit
	st, next := v.eval(t, urgent, false)
	d := Decision{Send: st.send, Receive: st.recv, Urgent: st.urgent, Reason: reasonOpen}
	switch {
	case st.susp != nil:
		d.Reason, d.RuleID, d.Suspended = st.susp.reason, st.susp.id, true
	case st.rule != nil:
		d.Reason, d.RuleID = st.rule.reason, st.rule.id
	}

	// Rule 10: scan forward for the next changes we need.
	needUntil := true
	needDeliver := st.send == Defer
	needRecv := st.recv == Defer
	needReopen := st.send == Refuse
	if st.send != Allow || st.recv != Allow {
		// What stays in force for ever cannot change: do not scan a year
		// of windows to learn that a student's closure never ends.
		fl, _ := v.eval(t, urgent, true)
		needReopen = needReopen && fl.send != Refuse
		needDeliver = needDeliver && fl.send == Allow
		needRecv = needRecv && fl.recv == Allow
		needUntil = fl.send != Refuse || fl.recv != Refuse
	}
	prevScan := t
	for i := 0; i < maxSteps && next <= limit && (needUntil || needDeliver || needRecv || needReopen); i++ {
		cur := next
		if cur <= prevScan {
			break // no progress: never expected, but never loop for nothing
		}
		prevScan = cur
		var st2 state
		st2, next = v.eval(cur, urgent, false)
		if needUntil && (st2.send != st.send || st2.recv != st.recv) {
			d.Until, needUntil = time.Unix(cur, 0).In(v.loc), false
		}
		if needDeliver && st2.send == Allow {
			d.DeliverAt, needDeliver = time.Unix(cur, 0).In(v.loc), false
		}
		if needRecv && st2.recv == Allow {
			d.ReceiveAt, needRecv = time.Unix(cur, 0).In(v.loc), false
		}
		if needReopen && st2.send != Refuse {
			d.ReopenAt, needReopen = time.Unix(cur, 0).In(v.loc), false
		}
	}
	return d
}
