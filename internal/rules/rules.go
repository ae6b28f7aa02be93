// Package rules keeps the messaging rules (time windows, modes, presets)
// and suspensions in the database and answers, from them, whether a person
// may send or receive now. The decisions themselves are the pure policy
// package's; this package stores, authorises, audits, and keeps each
// process's compiled copy fresh.
//
// Every change bumps a version row in the same transaction; each process
// checks that version at most every RefreshInterval before deciding, so a
// suspension made on one server is in force on all of them within that
// interval (well under the one second the issue asks for).
package rules

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/policy"
	"github.com/bouclier/bouclier/internal/store"
)

// RefreshInterval is how often a process looks for rule changes.
const RefreshInterval = 200 * time.Millisecond

// Authorizer decides whether an actor may use a power over a scope
// (auth.Service.Authorize): session, second factor, freshness, authority.
type Authorizer interface {
	Authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, scope string) error
}

// Service stores and applies the messaging rules.
type Service struct {
	db    *store.DB
	dir   *directory.Directory
	authz Authorizer
	now   func() time.Time
	log   *slog.Logger

	mu        sync.Mutex
	set       *policy.Set
	version   int64
	checked   time.Time
	zones     map[string]*time.Location // académie → time zone
	schoolAca map[string]string         // UAI → académie
}

// New returns the rules service. Every part is required.
func New(db *store.DB, dir *directory.Directory, authz Authorizer, now func() time.Time, log *slog.Logger) (*Service, error) {
	if db == nil || dir == nil || authz == nil || now == nil {
		return nil, errors.New("rules: store, directory, authorizer and clock are required")
	}
	if log == nil {
		log = slog.Default()
	}
	return &Service{db: db, dir: dir, authz: authz, now: now, log: log}, nil
}

// current returns the compiled rules, recompiling when another process (or
// this one) changed them.
func (s *Service) current(ctx context.Context) (*policy.Set, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.set != nil && time.Since(s.checked) < RefreshInterval {
		return s.set, nil
	}
	v, err := s.db.PolicyVersion(ctx)
	if err != nil {
		return nil, err
	}
	s.checked = time.Now()
	if s.set != nil && v == s.version {
		return s.set, nil
	}
	set, err := s.compile(ctx)
	if err != nil {
		return nil, err
	}
	s.set, s.version = set, v
	return set, nil
}

// Invalidate forces the next decision to re-read the rules.
func (s *Service) Invalidate() {
	s.mu.Lock()
	s.checked = time.Time{}
	s.mu.Unlock()
}

func (s *Service) compile(ctx context.Context) (*policy.Set, error) {
	rows, err := s.db.PolicyRules(ctx)
	if err != nil {
		return nil, err
	}
	var rules []policy.Rule
	for _, r := range rows {
		var pr policy.Rule
		if err := json.Unmarshal(r.Body, &pr); err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.ID, err)
		}
		rules = append(rules, pr)
	}
	susp, err := s.db.ActiveSuspensions(ctx, 0)
	if err != nil {
		return nil, err
	}
	var ps []policy.Suspension
	for _, r := range susp {
		p, err := toPolicySuspension(r)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	aca, err := s.db.Academies(ctx)
	if err != nil {
		return nil, err
	}
	s.zones = map[string]*time.Location{}
	for _, a := range aca {
		loc, err := time.LoadLocation(a.TimeZone)
		if err != nil {
			return nil, fmt.Errorf("académie %s: %w", a.ID, err)
		}
		s.zones[a.ID] = loc
	}
	s.schoolAca = map[string]string{}
	es, err := s.db.Establishments(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		s.schoolAca[e.UAI] = e.Academie
	}
	set, err := policy.Compile(rules, ps)
	if err != nil {
		return nil, fmt.Errorf("compile rules: %w", err)
	}
	return set, nil
}

func toPolicySuspension(r store.SuspensionRow) (policy.Suspension, error) {
	sc, err := policy.ParseScope(r.Scope)
	if err != nil {
		return policy.Suspension{}, err
	}
	p := policy.Suspension{ID: r.ID, Scope: sc, Reason: r.Reason, Since: time.UnixMicro(r.CreatedAt), StopsReceiving: r.StopsReceiving}
	if r.ImposedBy != "" {
		// An unreadable imposer counts as national (the zero scope).
		p.ImposedBy, _ = policy.ParseScope(r.ImposedBy)
	}
	for _, role := range r.Roles {
		p.Roles = append(p.Roles, bouclier.Role(role))
	}
	if r.Until != 0 {
		p.Until = time.UnixMicro(r.Until)
	}
	return p, nil
}

// subject describes u for the policy, with the time zone of their académie.
func (s *Service) subject(u bouclier.User) policy.Subject {
	s.mu.Lock()
	defer s.mu.Unlock()
	aca := u.Academie
	if aca == "" && u.UAI != "" {
		aca = s.schoolAca[u.UAI]
	}
	var authority policy.ScopeKind
	if as := u.AuthorityScope(); as != "" {
		k, _, _ := strings.Cut(as, ":")
		authority = policy.ScopeKind(k)
	}
	return policy.Subject{Role: u.Role, Academie: aca, UAI: u.UAI, Class: u.Class, Loc: s.zones[aca], Zone: HolidayZone(aca), Authority: authority}
}

// holidayZones maps académies to their school-holiday zone (the zones of
// the national calendar since 2016; overseas académies have calendars of
// their own, named after them), so that date ranges given with a zone
// ("A", "B", "C", "reunion"…) apply to the right establishments.
var holidayZones = map[string]string{
	"besancon": "A", "bordeaux": "A", "clermont-ferrand": "A", "dijon": "A", "grenoble": "A", "limoges": "A", "lyon": "A", "poitiers": "A",
	"aix-marseille": "B", "amiens": "B", "lille": "B", "nancy-metz": "B", "nantes": "B", "nice": "B", "normandie": "B",
	"orleans-tours": "B", "reims": "B", "rennes": "B", "strasbourg": "B",
	"creteil": "C", "montpellier": "C", "paris": "C", "toulouse": "C", "versailles": "C",
	"corse": "corse", "la-reunion": "reunion", "reunion": "reunion", "mayotte": "mayotte", "guadeloupe": "guadeloupe",
	"martinique": "martinique", "guyane": "guyane",
}

// HolidayZone returns an académie's school-holiday zone, or "" if unknown
// (then only date ranges without a zone apply).
func HolidayZone(academie string) string { return holidayZones[academie] }

// Decide returns the policy decision for u at now.
func (s *Service) Decide(ctx context.Context, u bouclier.User, now time.Time, urgent bool) (policy.Decision, error) {
	set, err := s.current(ctx)
	if err != nil {
		return policy.Decision{}, err
	}
	return set.Decide(s.subject(u), now, urgent), nil
}

// Explain says whether u may send and receive at now, why, and until when.
func (s *Service) Explain(ctx context.Context, u bouclier.User, now time.Time) (policy.Explanation, error) {
	set, err := s.current(ctx)
	if err != nil {
		return policy.Explanation{}, err
	}
	return set.Explain(s.subject(u), now), nil
}

// MayUseUrgent reports whether a role may use the emergency override:
// the establishment's staff and head, and administrators.
func MayUseUrgent(r bouclier.Role) bool {
	switch r {
	case bouclier.RoleStaff, bouclier.RoleHead, bouclier.RoleAcademyAdmin, bouclier.RoleNationalAdmin:
		return true
	}
	return false
}

// Gate is the messaging.PolicyFunc: it refuses, defers or allows a send,
// records attempts made while closed as a risk signal, and refuses the
// urgent override to those who may not use it.
func (s *Service) Gate(ctx context.Context, u bouclier.User, now time.Time, urgent bool) (messaging.Decision, error) {
	if urgent && !MayUseUrgent(u.Role) {
		return messaging.Decision{}, bouclier.Errorf(bouclier.ErrForbidden, "L’envoi urgent est réservé à la direction et à la vie scolaire.")
	}
	d, err := s.Decide(ctx, u, now, urgent)
	if err != nil {
		return messaging.Decision{}, err
	}
	switch d.Send {
	case policy.Refuse:
		if err := s.db.RecordClosedAttempt(ctx, u.ID, store.Micros(now)); err != nil {
			s.log.Warn("record closed attempt", "err", err)
		}
		return messaging.Decision{Action: messaging.Refuse, Until: d.ReopenAt, Reason: d.Message(now)}, nil
	case policy.Defer:
		return messaging.Decision{Action: messaging.Defer, Until: d.DeliverAt, Reason: d.Message(now)}, nil
	}
	return messaging.Decision{Action: messaging.Allow, Urgent: d.Urgent, Reason: d.Reason}, nil
}

// Receivers decides, for each recipient, whether they may receive now
// (Allow), only when their quiet hours end (Defer, until then) or not at
// all now (Refuse: students while their messaging is closed, a suspension
// that stops receiving), with the reason.
func (s *Service) Receivers(ctx context.Context, users []bouclier.User, now time.Time) ([]messaging.Decision, error) {
	set, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]messaging.Decision, len(users))
	for i, u := range users {
		d := set.Decide(s.subject(u), now, false)
		switch d.Receive {
		case policy.Allow:
			out[i] = messaging.Decision{Action: messaging.Allow}
		case policy.Defer:
			out[i] = messaging.Decision{Action: messaging.Defer, Until: d.ReceiveAt, Reason: d.Message(now)}
		default:
			out[i] = messaging.Decision{Action: messaging.Refuse, Reason: d.Message(now)}
		}
	}
	return out, nil
}

// imposer is the authority scope recorded for what a imposes.
func imposer(a bouclier.Actor) string {
	if a.IsSystem() {
		return "national"
	}
	return a.User.AuthorityScope()
}

func newID(prefix string) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// SuspensionInput is an administrator's suspension request.
type SuspensionInput struct {
	Scope  string
	Roles  []string
	Reason string
	Until  *time.Time
	// StopsReceiving stops receiving too; by default the roles named
	// stop sending only.
	StopsReceiving bool
}

// Suspend suspends messaging for a scope and roles (bouclier.PrivTighten).
// The actor's authority scope is recorded: only someone with authority
// over it lifts the suspension. Errors: invalid_request, forbidden (no
// authority over the scope) and the codes of Authorize.
func (s *Service) Suspend(ctx context.Context, a bouclier.Actor, in SuspensionInput) (string, error) {
	sc, err := policy.ParseScope(in.Scope)
	if err != nil {
		return "", err
	}
	if sc.Kind == policy.ScopeClass {
		return "", bouclier.Errorf(bouclier.ErrInvalidRequest, "Une suspension vaut pour le pays, une académie ou un établissement.")
	}
	if err := s.authz.Authorize(ctx, a, "suspension.create", bouclier.PrivTighten, sc.String()); err != nil {
		return "", err
	}
	in.Reason = strings.TrimSpace(in.Reason)
	if in.Reason == "" || len(in.Reason) > 500 {
		return "", bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez la raison de la suspension (500 caractères au plus).")
	}
	for _, r := range in.Roles {
		if !bouclier.Role(r).Valid() {
			return "", bouclier.Errorf(bouclier.ErrInvalidRequest, "Rôle inconnu\u00a0: %q.", r)
		}
	}
	now := s.now()
	row := store.SuspensionRow{ID: newID("s-"), Scope: sc.String(), Roles: in.Roles, Reason: in.Reason, CreatedBy: a.Name(), CreatedAt: store.Micros(now),
		ImposedBy: imposer(a), StopsReceiving: in.StopsReceiving}
	if in.Until != nil {
		if !in.Until.After(now) {
			return "", bouclier.Errorf(bouclier.ErrInvalidRequest, "La fin de la suspension doit être dans le futur.")
		}
		row.Until = store.Micros(*in.Until)
	}
	if _, err := toPolicySuspension(row); err != nil {
		return "", err
	}
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.PutSuspension(ctx, row); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "suspension.create", Target: "suspension:" + row.ID,
			Scope: row.Scope, Source: a.Source, Detail: fmt.Sprintf("roles=%v reason=%q until=%v", in.Roles, in.Reason, in.Until)})
	})
	if err != nil {
		return "", err
	}
	s.Invalidate()
	return row.ID, nil
}

// Lift ends a suspension (bouclier.PrivLoosen): only someone with
// authority over the scope of whoever imposed it, so that a head never
// lifts what the académie imposed on heads.
// Errors: not_found, forbidden and the codes of Authorize.
func (s *Service) Lift(ctx context.Context, a bouclier.Actor, id string) error {
	if err := s.authz.Authorize(ctx, a, "suspension.lift", bouclier.PrivLoosen, imposer(a)); err != nil {
		return err
	}
	row, err := s.db.Suspension(ctx, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && row.LiftedAt != 0) {
		return bouclier.Errorf(bouclier.ErrNotFound, "Suspension introuvable ou déjà levée.")
	}
	if err != nil {
		return err
	}
	if !a.IsSystem() {
		ok, err := s.dir.HasAuthority(ctx, a.User, row.Scope)
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrForbidden, "Vous n’avez pas autorité sur la portée %s.", row.Scope)
		}
	}
	if err := s.mayLift(ctx, a, row); err != nil {
		return err
	}
	now := s.now()
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.LiftSuspension(ctx, id, a.Name(), store.Micros(now))
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrNotFound, "Suspension introuvable ou déjà levée.")
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "suspension.lift", Target: "suspension:" + id,
			Scope: row.Scope, Source: a.Source})
	})
	if err != nil {
		return err
	}
	s.Invalidate()
	return nil
}

// mayLift checks that a lifts row from the imposer's level or above.
func (s *Service) mayLift(ctx context.Context, a bouclier.Actor, row store.SuspensionRow) error {
	if a.IsSystem() {
		return nil
	}
	by := row.ImposedBy
	if by == "" {
		by = "national" // imposer unknown: fail closed
	}
	ok, err := s.dir.HasAuthority(ctx, a.User, by)
	if err != nil {
		return err
	}
	if !ok {
		return bouclier.Errorf(bouclier.ErrForbidden, "Cette suspension a été décidée à un niveau supérieur (%s)\u00a0: seul ce niveau peut la lever.", by)
	}
	return nil
}

// Suspensions lists the suspensions in force that a can see: those of
// scopes a has authority over, and the wider ones that bind them.
// Errors: the codes of Authorize (bouclier.PrivTighten).
func (s *Service) Suspensions(ctx context.Context, a bouclier.Actor) ([]store.SuspensionRow, error) {
	if err := s.authz.Authorize(ctx, a, "suspension.list", bouclier.PrivTighten, imposer(a)); err != nil {
		return nil, err
	}
	all, err := s.db.ActiveSuspensions(ctx, store.Micros(s.now()))
	if err != nil {
		return nil, err
	}
	var out []store.SuspensionRow
	for _, r := range all {
		ok, err := s.dir.HasAuthority(ctx, a.User, r.Scope)
		if err != nil {
			return nil, err
		}
		if ok || r.Scope == "national" || r.Scope == "academie:"+a.User.Academie {
			out = append(out, r)
		}
	}
	return out, nil
}

// ApplyPreset replaces a scope's rules with a named preset's
// (bouclier.PrivLoosen). Errors: invalid_request (unknown preset, or rules
// that would loosen a wider scope's), forbidden and the codes of
// Authorize.
func (s *Service) ApplyPreset(ctx context.Context, a bouclier.Actor, name, scope string) error {
	sc, err := policy.ParseScope(scope)
	if err != nil {
		return err
	}
	if err := s.authz.Authorize(ctx, a, "rules.preset", bouclier.PrivLoosen, sc.String()); err != nil {
		return err
	}
	rules, err := policy.PresetAt(name, sc)
	if err != nil {
		return err
	}
	existing, err := s.storedRules(ctx)
	if err != nil {
		return err
	}
	existing = slices.DeleteFunc(existing, func(r policy.Rule) bool { return r.Scope == sc })
	for _, r := range rules {
		if err := policy.Validate(existing, r, s.academieOf(ctx, sc)); err != nil {
			return err
		}
	}
	actor := a.Name()
	now := s.now()
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.DeletePolicyRules(ctx, sc.String(), ""); err != nil {
			return err
		}
		for _, r := range rules {
			body, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if err := tx.PutPolicyRule(ctx, store.PolicyRule{ID: sc.String() + "#" + r.ID, Scope: sc.String(), Body: body, CreatedBy: actor, CreatedAt: store.Micros(now)}); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: actor, Action: "rules.preset", Target: "preset:" + name, Scope: sc.String(), Source: a.Source,
			Detail: fmt.Sprintf("%d rules", len(rules))})
	})
	if err != nil {
		return err
	}
	s.Invalidate()
	return nil
}

// AddRule adds or replaces one rule at its scope (bouclier.PrivLoosen).
// Errors: invalid_request (malformed, or loosening what a wider scope
// closed), forbidden and the codes of Authorize.
func (s *Service) AddRule(ctx context.Context, a bouclier.Actor, r policy.Rule) error {
	if err := s.authz.Authorize(ctx, a, "rules.put", bouclier.PrivLoosen, r.Scope.String()); err != nil {
		return err
	}
	existing, err := s.storedRules(ctx)
	if err != nil {
		return err
	}
	key := r.Scope.String() + "#" + r.ID
	existing = slices.DeleteFunc(existing, func(x policy.Rule) bool { return x.Scope.String()+"#"+x.ID == key })
	if err := policy.Validate(existing, r, s.academieOf(ctx, r.Scope)); err != nil {
		return err
	}
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	now := s.now()
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.PutPolicyRule(ctx, store.PolicyRule{ID: key, Scope: r.Scope.String(), Body: body, CreatedBy: a.Name(), CreatedAt: store.Micros(now)}); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "rules.put", Target: "rule:" + key, Scope: r.Scope.String(), Source: a.Source, Detail: string(body)})
	})
	if err != nil {
		return err
	}
	s.Invalidate()
	return nil
}

// DeleteRule removes a rule by its key ("SCOPE#ID") (bouclier.PrivLoosen).
// Errors: not_found, forbidden and the codes of Authorize.
func (s *Service) DeleteRule(ctx context.Context, a bouclier.Actor, key string) error {
	scope, _, ok := strings.Cut(key, "#")
	if !ok {
		return bouclier.Errorf(bouclier.ErrNotFound, "Règle introuvable.")
	}
	if err := s.authz.Authorize(ctx, a, "rules.delete", bouclier.PrivLoosen, scope); err != nil {
		return err
	}
	now := s.now()
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		found, err := tx.DeletePolicyRule(ctx, key)
		if err != nil {
			return err
		}
		if !found {
			return bouclier.Errorf(bouclier.ErrNotFound, "Règle introuvable.")
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "rules.delete", Target: "rule:" + key, Scope: scope, Source: a.Source})
	})
	if err != nil {
		return err
	}
	s.Invalidate()
	return nil
}

// StoredRule is a rule with its storage key.
type StoredRule struct {
	Key  string
	Rule policy.Rule
}

// Rules lists every stored rule.
func (s *Service) Rules(ctx context.Context) ([]StoredRule, error) {
	rows, err := s.db.PolicyRules(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]StoredRule, 0, len(rows))
	for _, r := range rows {
		var pr policy.Rule
		if err := json.Unmarshal(r.Body, &pr); err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.ID, err)
		}
		out = append(out, StoredRule{Key: r.ID, Rule: pr})
	}
	return out, nil
}

func (s *Service) storedRules(ctx context.Context) ([]policy.Rule, error) {
	rs, err := s.Rules(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]policy.Rule, len(rs))
	for i, r := range rs {
		out[i] = r.Rule
	}
	return out, nil
}

// academieOf returns the académie a scope lies in, for Validate.
func (s *Service) academieOf(ctx context.Context, sc policy.Scope) string {
	switch sc.Kind {
	case policy.ScopeAcademie:
		return sc.ID
	case policy.ScopeEstablishment, policy.ScopeClass:
		uai, _, _ := strings.Cut(sc.ID, "/")
		if e, err := s.db.Establishment(ctx, uai); err == nil {
			return e.Academie
		}
	}
	return ""
}
