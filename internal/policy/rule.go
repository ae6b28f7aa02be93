package policy

import (
	"strings"
	"time"

	"github.com/bouclier/bouclier"
)

// Mode is what a rule lets its roles do while it is in force.
type Mode string

// The modes.
const (
	ModeOpen        Mode = "open"         // no restriction; at a narrow scope, lifts wider Adjustable rules
	ModeReceiveOnly Mode = "receive_only" // receive yes, send no
	ModeClosed      Mode = "closed"       // neither
)

// ClosureKind says how a restrictive rule closes.
type ClosureKind string

// The closure kinds. The empty value means ClosureSecurity, the safer one.
const (
	// ClosureSecurity refuses sending (403 messaging_closed) and receiving.
	ClosureSecurity ClosureKind = "security"
	// ClosureQuiet accepts messages and defers their delivery to the end of
	// the quiet period.
	ClosureQuiet ClosureKind = "quiet"
)

// Action is the fate of a send or a receive.
type Action uint8

// The actions, from the least to the most restrictive.
const (
	Allow  Action = iota // now
	Defer                // accepted now, delivered later (quiet hours)
	Refuse               // not at all (security closure, suspension)
)

func (a Action) String() string {
	switch a {
	case Allow:
		return "allow"
	case Defer:
		return "defer"
	case Refuse:
		return "refuse"
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// Rule is one messaging rule at one scope. See the package documentation for
// how rules combine.
type Rule struct {
	// ID names the rule in decisions and errors; unique within its scope.
	ID    string `json:"id"`
	Scope Scope  `json:"scope"`
	// Roles the rule concerns; empty means every role but the administrators
	// (academy_admin, national_admin), who are bound only when named.
	Roles   []bouclier.Role `json:"roles,omitempty"`
	Mode    Mode            `json:"mode"`
	Closure ClosureKind     `json:"closure,omitempty"`
	// Windows and Ranges restrict when the rule is in force; a rule with
	// neither is always in force. With both, it is in force inside a window
	// on a day of a range.
	Windows []Window    `json:"windows,omitempty"`
	Ranges  []DateRange `json:"ranges,omitempty"`
	// Adjustable lets narrower scopes lift this restrictive rule with an open
	// rule. Without it the rule is a floor binding every narrower scope.
	Adjustable bool `json:"adjustable,omitempty"`
	// Reason is shown to users, in French.
	Reason string `json:"reason,omitempty"`
}

// Suspension is an administrator's security closure of a scope for some
// roles. The caller stores suspensions and passes them to Compile.
type Suspension struct {
	ID    string `json:"id"`
	Scope Scope  `json:"scope"`
	// Roles suspended; empty means every role but the administrators.
	Roles  []bouclier.Role `json:"roles,omitempty"`
	Reason string          `json:"reason,omitempty"`
	// Since and Until bound the suspension (Since included, Until excluded);
	// a zero value leaves that side open.
	Since time.Time `json:"since,omitzero"`
	Until time.Time `json:"until,omitzero"`
	// ImposedBy is the authority scope of whoever imposed the suspension.
	// The urgent override never passes a suspension imposed from a scope
	// wider than the sender's own authority; the zero value counts as
	// national.
	ImposedBy Scope `json:"imposed_by,omitzero"`
	// StopsReceiving makes the suspension stop receiving too; without it,
	// the roles named stop sending and still receive (a teacher may still
	// write to parents whose sending is suspended).
	StopsReceiving bool `json:"stops_receiving,omitempty"`
}

// restrictive reports whether the rule closes anything.
func (r *Rule) restrictive() bool { return r.Mode == ModeClosed || r.Mode == ModeReceiveOnly }

// effect returns what the rule does to sending and receiving while in force.
func (r *Rule) effect() (send, recv Action) {
	quiet := r.Closure == ClosureQuiet
	switch {
	case r.Mode == ModeClosed && quiet:
		return Defer, Defer
	case r.Mode == ModeClosed:
		return Refuse, Refuse
	case r.Mode == ModeReceiveOnly && quiet:
		return Defer, Allow
	case r.Mode == ModeReceiveOnly:
		return Refuse, Allow
	}
	return Allow, Allow
}

// check reports whether the rule is well formed on its own.
func (r *Rule) check() error {
	bad := func(format string, args ...any) error {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "règle «\u00a0%s\u00a0» invalide\u00a0: "+format, append([]any{r.ID}, args...)...)
	}
	if strings.TrimSpace(r.ID) == "" || len(r.ID) > 200 {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "règle invalide\u00a0: identifiant manquant ou trop long")
	}
	if err := r.Scope.check(); err != nil {
		return bad("%s", bouclier.ErrorMessage(err))
	}
	for _, role := range r.Roles {
		if !role.Valid() {
			return bad("rôle inconnu %q", role)
		}
	}
	switch r.Mode {
	case ModeOpen:
		if r.Closure != "" {
			return bad("une règle ouverte n’a pas de type de fermeture")
		}
	case ModeReceiveOnly, ModeClosed:
		if r.Closure != "" && r.Closure != ClosureSecurity && r.Closure != ClosureQuiet {
			return bad("type de fermeture inconnu %q (security ou quiet)", r.Closure)
		}
	default:
		return bad("mode inconnu %q (open, receive_only ou closed)", r.Mode)
	}
	for _, w := range r.Windows {
		if err := w.check(); err != nil {
			return bad("%s", bouclier.ErrorMessage(err))
		}
	}
	for _, dr := range r.Ranges {
		if err := dr.check(); err != nil {
			return bad("%s", bouclier.ErrorMessage(err))
		}
	}
	return nil
}

func (s *Suspension) check() error {
	if strings.TrimSpace(s.ID) == "" {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "suspension invalide\u00a0: identifiant manquant")
	}
	if err := s.Scope.check(); err != nil {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "suspension «\u00a0%s\u00a0» invalide\u00a0: %s", s.ID, bouclier.ErrorMessage(err))
	}
	for _, role := range s.Roles {
		if !role.Valid() {
			return bouclier.Errorf(bouclier.ErrInvalidRequest, "suspension «\u00a0%s\u00a0» invalide\u00a0: rôle inconnu %q", s.ID, role)
		}
	}
	if !s.Since.IsZero() && !s.Until.IsZero() && !s.Until.After(s.Since) {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "suspension «\u00a0%s\u00a0» invalide\u00a0: la fin doit suivre le début", s.ID)
	}
	return nil
}

// defaultRoles are the roles a rule or suspension without roles concerns.
var defaultRoles = []bouclier.Role{bouclier.RoleStudent, bouclier.RoleParent, bouclier.RoleTeacher, bouclier.RoleStaff, bouclier.RoleHead}

func effectiveRoles(roles []bouclier.Role) []bouclier.Role {
	if len(roles) == 0 {
		return defaultRoles
	}
	return roles
}

// roleIndex maps a role to 0..6, -1 when unknown.
func roleIndex(r bouclier.Role) int {
	switch r {
	case bouclier.RoleStudent:
		return 0
	case bouclier.RoleParent:
		return 1
	case bouclier.RoleTeacher:
		return 2
	case bouclier.RoleStaff:
		return 3
	case bouclier.RoleHead:
		return 4
	case bouclier.RoleAcademyAdmin:
		return 5
	case bouclier.RoleNationalAdmin:
		return 6
	}
	return -1
}

const nRoles = 7

var frenchRoles = map[bouclier.Role]string{
	bouclier.RoleStudent:       "élèves",
	bouclier.RoleParent:        "parents",
	bouclier.RoleTeacher:       "enseignants",
	bouclier.RoleStaff:         "personnels",
	bouclier.RoleHead:          "chefs d’établissement",
	bouclier.RoleAcademyAdmin:  "administrateurs académiques",
	bouclier.RoleNationalAdmin: "administrateurs nationaux",
}

func frenchRoleList(roles []bouclier.Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = frenchRoles[r]
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " et " + names[len(names)-1]
}

// Validate checks r before the caller stores it: r must be well formed and,
// when it loosens (Mode open), must not reopen what a binding rule of a wider
// scope closes for the same roles at overlapping times.
//
// existing holds the rules already stored; a rule there with r's ID and
// scope is the one r replaces and is ignored. academie is the académie of
// r's establishment or class (ignored for national and académie rules): the
// engine does not know the directory. When it is empty, every académie rule
// in existing is taken to enclose r, which errs on the side of refusing.
//
// The error is a *bouclier.Error: invalid_request for a malformed rule,
// conflict for a loosening beyond the wider scopes' bounds.
func Validate(existing []Rule, r Rule, academie string) error {
	if err := r.check(); err != nil {
		return err
	}
	if r.Mode != ModeOpen {
		// Tightening is always allowed.
		return nil
	}
	rMask := windowMask(r.Windows)
	for i := range existing {
		w := &existing[i]
		if w.ID == r.ID && w.Scope == r.Scope {
			continue
		}
		if !w.restrictive() || w.Adjustable || !w.Scope.encloses(r.Scope, academie) {
			continue
		}
		common := intersectRoles(effectiveRoles(w.Roles), effectiveRoles(r.Roles))
		if len(common) == 0 || !rangesOverlap(w.Ranges, r.Ranges) || !masksOverlap(windowMask(w.Windows), rMask) {
			continue
		}
		what := "ferme la messagerie"
		if w.Mode == ModeReceiveOnly {
			what = "limite la messagerie à la réception"
		}
		if w.Closure == ClosureQuiet {
			what = "impose des heures calmes"
		}
		return bouclier.Errorf(bouclier.ErrConflict,
			"Règle «\u00a0%s\u00a0» refusée\u00a0: la règle «\u00a0%s\u00a0» %s %s aux %s, et %s ne peut pas l’assouplir.",
			r.ID, w.ID, w.Scope.frenchOf(), what, frenchRoleList(common), r.Scope.french())
	}
	return nil
}

func intersectRoles(a, b []bouclier.Role) []bouclier.Role {
	var out []bouclier.Role
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// windowMask returns the minutes of the week covered by ws; nil means all.
func windowMask(ws []Window) *[minutesPerWeek]bool {
	if len(ws) == 0 {
		return nil
	}
	m := new([minutesPerWeek]bool)
	for _, w := range ws {
		w.mark(m)
	}
	return m
}

func masksOverlap(a, b *[minutesPerWeek]bool) bool {
	if a == nil || b == nil {
		return true
	}
	for i := range a {
		if a[i] && b[i] {
			return true
		}
	}
	return false
}

// rangesOverlap reports whether two rules' date ranges can be in force on
// the same day; a rule without ranges is in force every day.
func rangesOverlap(a, b []DateRange) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		xs, _ := x.Start.dayNumber()
		xe, _ := x.End.dayNumber()
		for _, y := range b {
			if x.Zone != "" && y.Zone != "" && x.Zone != y.Zone {
				continue
			}
			ys, _ := y.Start.dayNumber()
			ye, _ := y.End.dayNumber()
			if xs < ye && ys < xe {
				return true
			}
		}
	}
	return false
}
