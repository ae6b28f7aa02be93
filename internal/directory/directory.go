// Package directory answers questions about people and places: who is in a
// group, who may write to whom, and who has authority over which scope.
//
// Who may write to whom is data (the reach_rules table, seeded with
// DefaultRules) so that administrators can read it. A sender may address a
// recipient when at least one rule of the sender's role grants it:
//
//	establishment   anyone in the sender's establishment, and its groups
//	class_students  the students of a class the sender teaches (and class:)
//	class_parents   the parents of those students (and parents:)
//	class_teachers  the teachers of a class the sender teaches or a child attends (and teachers:)
//	colleagues      the teachers of the sender's establishment
//	staff           staff and head of the sender's establishment, or of a child's (and staff:)
//	my_teachers     the teachers of the sender's class, or of a child's class
//	academie        anyone and any group in the sender's académie
//	national        anyone and any group
//
// Nobody else crosses an establishment: every rule but academie and national
// is bounded by the sender's establishments (their own, or their children's).
package directory

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// The rule targets.
const (
	TargetEstablishment = "establishment"
	TargetClassStudents = "class_students"
	TargetClassParents  = "class_parents"
	TargetClassTeachers = "class_teachers"
	TargetColleagues    = "colleagues"
	TargetStaff         = "staff"
	TargetMyTeachers    = "my_teachers"
	TargetAcademie      = "academie"
	TargetNational      = "national"
)

// DefaultRules are the reach rules a new directory starts with.
var DefaultRules = []store.ReachRule{
	{SenderRole: bouclier.RoleHead, Target: TargetEstablishment, Description: "Toute personne et tout groupe de l’établissement"},
	{SenderRole: bouclier.RoleStaff, Target: TargetEstablishment, Description: "Toute personne et tout groupe de l’établissement"},
	{SenderRole: bouclier.RoleTeacher, Target: TargetClassStudents, Description: "Les élèves de ses classes"},
	{SenderRole: bouclier.RoleTeacher, Target: TargetClassParents, Description: "Les parents des élèves de ses classes"},
	{SenderRole: bouclier.RoleTeacher, Target: TargetClassTeachers, Description: "L’équipe pédagogique de ses classes"},
	{SenderRole: bouclier.RoleTeacher, Target: TargetColleagues, Description: "Les enseignants de l’établissement"},
	{SenderRole: bouclier.RoleTeacher, Target: TargetStaff, Description: "La vie scolaire et la direction"},
	{SenderRole: bouclier.RoleParent, Target: TargetMyTeachers, Description: "Les enseignants de ses enfants"},
	{SenderRole: bouclier.RoleParent, Target: TargetClassTeachers, Description: "L’équipe pédagogique des classes de ses enfants"},
	{SenderRole: bouclier.RoleParent, Target: TargetStaff, Description: "La vie scolaire et la direction des établissements de ses enfants"},
	{SenderRole: bouclier.RoleStudent, Target: TargetMyTeachers, Description: "Ses enseignants (jamais une classe entière)"},
	{SenderRole: bouclier.RoleStudent, Target: TargetStaff, Description: "La vie scolaire et la direction, une personne à la fois"},
	{SenderRole: bouclier.RoleAcademyAdmin, Target: TargetAcademie, Description: "Toute personne et tout groupe de l’académie"},
	{SenderRole: bouclier.RoleNationalAdmin, Target: TargetNational, Description: "Toute personne et tout groupe"},
}

// Directory resolves recipients and checks reach rules against the store.
type Directory struct {
	db *store.DB

	mu      sync.Mutex
	rules   []store.ReachRule
	rulesAt time.Time

	cache cache
}

// rulesTTL bounds how long a process may use reach rules read earlier: the
// database stays the only source of truth, shared by every process.
const rulesTTL = time.Second

// New returns a Directory over db.
func New(db *store.DB) *Directory { return &Directory{db: db} }

func (d *Directory) reachRules(ctx context.Context) ([]store.ReachRule, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.rules != nil && time.Since(d.rulesAt) < rulesTTL {
		return d.rules, nil
	}
	rules, err := d.db.ReachRules(ctx)
	if err != nil {
		return nil, err
	}
	d.rules, d.rulesAt = rules, time.Now()
	return rules, nil
}

// Seed stores the default reach rules if none exist.
func Seed(ctx context.Context, tx *store.Tx) error {
	for _, r := range DefaultRules {
		if err := tx.PutReachRule(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

// Sender is what the rules need to know about a sender, loaded once per send.
type Sender struct {
	bouclier.User
	targets      map[string]bool
	taught       map[string]bool // "UAI/CLASS" the sender teaches
	childClasses map[string]bool // "UAI/CLASS" of the sender's children
	schools      map[string]bool // establishments the sender belongs to
	childIDs     map[int64]bool
	version      int64 // the directory's, read before anything else
}

// LoadSender gathers the sender's rules and relations.
func (d *Directory) LoadSender(ctx context.Context, u bouclier.User) (*Sender, error) {
	// The version first: what is read after it is at least that recent.
	v, err := d.db.DirectoryVersion(ctx)
	if err != nil {
		return nil, err
	}
	rules, err := d.reachRules(ctx)
	if err != nil {
		return nil, err
	}
	s := &Sender{version: v, User: u, targets: map[string]bool{}, taught: map[string]bool{}, childClasses: map[string]bool{}, schools: map[string]bool{}, childIDs: map[int64]bool{}}
	for _, r := range rules {
		if r.SenderRole == u.Role {
			s.targets[r.Target] = true
		}
	}
	if u.UAI != "" {
		s.schools[u.UAI] = true
	}
	switch u.Role {
	case bouclier.RoleTeacher:
		cls, err := d.teacherClasses(ctx, v, u.ID)
		if err != nil {
			return nil, err
		}
		for _, c := range cls {
			s.taught[c] = true
		}
	case bouclier.RoleParent:
		kids, err := d.children(ctx, v, u.ID)
		if err != nil {
			return nil, err
		}
		for _, k := range kids {
			s.childIDs[k.ID] = true
			s.schools[k.UAI] = true
			s.childClasses[k.UAI+"/"+k.Class] = true
		}
	case bouclier.RoleStudent:
		s.childClasses[u.UAI+"/"+u.Class] = true // a student's own class counts as a "child's" class for my_teachers
	}
	return s, nil
}

func (s *Sender) has(t string) bool { return s.targets[t] }

// academieOf returns the académie of an establishment through the sender's
// cache-less lookup; académie admins compare against it.
func (d *Directory) academieOf(ctx context.Context, uai string) (string, error) {
	e, err := d.db.Establishment(ctx, uai)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return e.Academie, err
}

// crossScope applies the académie and national rules, which allow anything
// within their scope.
func (d *Directory) crossScope(ctx context.Context, s *Sender, uai string) (bool, error) {
	if s.has(TargetNational) {
		return true, nil
	}
	if s.has(TargetAcademie) && s.Academie != "" {
		if uai == "" {
			return false, nil
		}
		a, err := d.academieOf(ctx, uai)
		return a == s.Academie, err
	}
	return false, nil
}

// AllowGroup reports whether s may address a group.
func (d *Directory) AllowGroup(ctx context.Context, s *Sender, r bouclier.Recipient) (bool, error) {
	if ok, err := d.crossScope(ctx, s, r.UAI); ok || err != nil {
		return ok, err
	}
	key := r.UAI + "/" + r.Class
	switch r.Kind {
	case bouclier.ToClass:
		return (s.has(TargetEstablishment) && s.UAI == r.UAI) || (s.has(TargetClassStudents) && s.taught[key]), nil
	case bouclier.ToParents:
		return (s.has(TargetEstablishment) && s.UAI == r.UAI) || (s.has(TargetClassParents) && s.taught[key]), nil
	case bouclier.ToTeachers:
		if s.Role == bouclier.RoleStudent {
			return false, nil // never a group, whatever the rules say
		}
		return (s.has(TargetEstablishment) && s.UAI == r.UAI) ||
			(s.has(TargetClassTeachers) && (s.taught[key] || s.childClasses[key])), nil
	case bouclier.ToStaff:
		if s.Role == bouclier.RoleStudent {
			return false, nil
		}
		return (s.has(TargetEstablishment) && s.UAI == r.UAI) || (s.has(TargetStaff) && s.schools[r.UAI]), nil
	}
	return false, nil
}

// AllowPerson reports whether s may write to u.
func (d *Directory) AllowPerson(ctx context.Context, s *Sender, u bouclier.User) (bool, error) {
	if u.ID == s.ID || u.Disabled {
		return false, nil
	}
	// Administrators have no establishment: only the académie and national
	// rules reach them, plus the staff rule for nobody. Personnel of an
	// establishment can still answer them through replies checked by the
	// same rules, so allow writing to one's own académie's admins.
	switch u.Role {
	case bouclier.RoleNationalAdmin:
		return s.Role.IsPersonnel(), nil
	case bouclier.RoleAcademyAdmin:
		return s.Role.IsPersonnel() && (s.Role == bouclier.RoleNationalAdmin || s.Academie == u.Academie), nil
	}
	uai := u.UAI
	if ok, err := d.crossScope(ctx, s, uai); ok || err != nil {
		return ok, err
	}
	if s.has(TargetEstablishment) && uai != "" && uai == s.UAI {
		return true, nil
	}
	if (s.has(TargetStaff)) && (u.Role == bouclier.RoleStaff || u.Role == bouclier.RoleHead) && s.schools[uai] {
		return true, nil
	}
	if s.has(TargetColleagues) && u.Role == bouclier.RoleTeacher && uai == s.UAI {
		return true, nil
	}
	switch u.Role {
	case bouclier.RoleStudent:
		if s.has(TargetClassStudents) && s.taught[uai+"/"+u.Class] {
			return true, nil
		}
	case bouclier.RoleParent:
		if s.has(TargetClassParents) {
			kids, err := d.db.Children(ctx, u.ID)
			if err != nil {
				return false, err
			}
			for _, k := range kids {
				if s.taught[k.UAI+"/"+k.Class] {
					return true, nil
				}
			}
		}
	case bouclier.RoleTeacher:
		if s.has(TargetMyTeachers) || s.has(TargetClassTeachers) {
			cls, err := d.db.TeacherClasses(ctx, u.ID)
			if err != nil {
				return false, err
			}
			for _, c := range cls {
				if s.childClasses[c] || (s.has(TargetClassTeachers) && s.taught[c]) {
					return true, nil
				}
			}
		}
	}
	return false, nil
}

// Resolved is the outcome of resolving a list of recipient expressions.
type Resolved struct {
	Recipients []int64 // distinct user ids, sender excluded
	Users      []bouclier.User
	Groups     int // how many group expressions were given
	Schools    []string
	ToStudents bool
}

// Resolve checks every recipient expression against the rules and expands
// groups to their members as they are now. If any expression is not
// allowed, nothing is resolved: the error is recipient_not_allowed naming
// the first one refused (or invalid_request for an unknown one).
func (d *Directory) Resolve(ctx context.Context, s *Sender, exprs []string) (Resolved, error) {
	var res Resolved
	if len(exprs) == 0 {
		return res, bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez au moins un destinataire.")
	}
	if len(exprs) > 100 {
		return res, bouclier.Errorf(bouclier.ErrInvalidRequest, "Trop de destinataires (100 au plus).")
	}
	seen := map[int64]bool{}
	schools := map[string]bool{}
	add := func(users []bouclier.User) {
		// A class arrives whole: grow once rather than by doubling.
		res.Recipients = slices.Grow(res.Recipients, len(users))
		res.Users = slices.Grow(res.Users, len(users))
		for _, u := range users {
			if u.ID == s.ID || seen[u.ID] || u.Disabled {
				continue
			}
			seen[u.ID] = true
			res.Recipients = append(res.Recipients, u.ID)
			res.Users = append(res.Users, u)
			if u.UAI != "" {
				schools[u.UAI] = true
			}
			if u.Role == bouclier.RoleStudent {
				res.ToStudents = true
			}
		}
	}
	refused := func(expr string) error {
		return bouclier.Errorf(bouclier.ErrRecipientNotAllowed, "Vous ne pouvez pas écrire à %s. Aucun message n’a été envoyé.", expr)
	}
	for _, e := range exprs {
		r, err := bouclier.ParseRecipient(e)
		if err != nil {
			return Resolved{}, err
		}
		if r.Kind == bouclier.ToUser {
			u, err := d.db.UserByName(ctx, r.User)
			if errors.Is(err, store.ErrNotFound) {
				// Same answer as a person one may not reach: the directory
				// is not to be probed through the send call.
				return Resolved{}, refused(e)
			}
			if err != nil {
				return Resolved{}, err
			}
			ok, err := d.AllowPerson(ctx, s, u)
			if err != nil {
				return Resolved{}, err
			}
			if !ok {
				return Resolved{}, refused(e)
			}
			add([]bouclier.User{u})
			continue
		}
		res.Groups++
		ok, err := d.AllowGroup(ctx, s, r)
		if err != nil {
			return Resolved{}, err
		}
		if !ok {
			return Resolved{}, refused(e)
		}
		members, err := d.members(ctx, s.version, r)
		if err != nil {
			return Resolved{}, err
		}
		add(members) // copies: the cached slice is never modified
	}
	if len(res.Recipients) == 0 {
		return Resolved{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "Ces destinataires ne comptent personne.")
	}
	for k := range schools {
		res.Schools = append(res.Schools, k)
	}
	slices.Sort(res.Schools)
	return res, nil
}

// Members expands a group expression to its members. An unknown class is
// refused like a forbidden one; the existence check runs only when the
// group is empty, to keep the common case at one query.
func (d *Directory) Members(ctx context.Context, r bouclier.Recipient) ([]bouclier.User, error) {
	var (
		users []bouclier.User
		err   error
	)
	switch r.Kind {
	case bouclier.ToClass:
		users, err = d.db.ClassStudents(ctx, r.UAI, r.Class)
	case bouclier.ToParents:
		users, err = d.db.ClassParents(ctx, r.UAI, r.Class)
	case bouclier.ToTeachers:
		users, err = d.db.ClassTeachers(ctx, r.UAI, r.Class)
	case bouclier.ToStaff:
		return d.db.EstablishmentStaff(ctx, r.UAI)
	default:
		return nil, fmt.Errorf("not a group: %s", r)
	}
	if err != nil || len(users) > 0 {
		return users, err
	}
	ok, err := d.db.ClassExists(ctx, r.UAI, r.Class)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, bouclier.Errorf(bouclier.ErrRecipientNotAllowed, "Vous ne pouvez pas écrire à %s.", r)
	}
	return nil, nil
}

// HasAuthority reports whether u administers scope ("national",
// "academie:ID", "establishment:UAI" or "class:UAI/CLASS"): a national
// admin everything, an académie admin their académie and its
// establishments, a head their establishment.
func (d *Directory) HasAuthority(ctx context.Context, u bouclier.User, scope string) (bool, error) {
	kind, id, _ := strings.Cut(scope, ":")
	if kind == "class" {
		id, _, _ = strings.Cut(id, "/")
		kind = "establishment"
	}
	switch u.Role {
	case bouclier.RoleNationalAdmin:
		return true, nil
	case bouclier.RoleAcademyAdmin:
		switch kind {
		case "academie":
			return id == u.Academie, nil
		case "establishment":
			a, err := d.academieOf(ctx, id)
			return a != "" && a == u.Academie, err
		}
	case bouclier.RoleHead:
		return kind == "establishment" && id == u.UAI, nil
	}
	return false, nil
}

// Option is one recipient a sender may pick.
type Option struct {
	Expr  string // recipient expression, "user:NAME" or a group
	Label string // in French, for the picker
	Group bool
	// Member stands for the recipients: the person, or a group's members
	// as the messaging rules see them (role, establishment, class).
	Member bouclier.User
	// Note says, in French, when the recipients will receive if not now
	// (messaging.Service.Reachable sets it); empty when they receive now.
	Note string
}

// Reachable lists the people and groups s may write to, asking the same
// rules as Resolve, so that what the picker offers is what is allowed. It
// looks in the sender's establishments (their children's, for parents);
// administrators get the groups of their scope and its heads and staff.
func (d *Directory) Reachable(ctx context.Context, s *Sender) ([]Option, error) {
	var schools []string
	switch {
	case s.has(TargetNational), s.has(TargetAcademie):
		es, err := d.db.Establishments(ctx, map[bool]string{true: "", false: s.Academie}[s.has(TargetNational)])
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			schools = append(schools, e.UAI)
		}
	default:
		for k := range s.schools {
			schools = append(schools, k)
		}
		slices.Sort(schools)
	}
	admin := s.has(TargetNational) || s.has(TargetAcademie)
	var out []Option
	for _, uai := range schools {
		classes, err := d.db.Classes(ctx, uai)
		if err != nil {
			return nil, err
		}
		groups := []bouclier.Recipient{{Kind: bouclier.ToStaff, UAI: uai}}
		for _, c := range classes {
			groups = append(groups,
				bouclier.Recipient{Kind: bouclier.ToClass, UAI: uai, Class: c},
				bouclier.Recipient{Kind: bouclier.ToParents, UAI: uai, Class: c},
				bouclier.Recipient{Kind: bouclier.ToTeachers, UAI: uai, Class: c})
		}
		where := ""
		if len(schools) > 1 {
			// Several establishments: say which one, by name.
			where = uai
			if e, err := d.db.Establishment(ctx, uai); err == nil && e.Name != "" {
				where = e.Name
			}
		}
		for _, g := range groups {
			ok, err := d.AllowGroup(ctx, s, g)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, Option{Expr: g.String(), Label: groupLabel(g, where), Group: true, Member: groupMember(g)})
			}
		}
		people, err := d.db.Users(ctx, uai)
		if err != nil {
			return nil, err
		}
		var allowed []bouclier.User
		for _, u := range people {
			if admin && u.Role != bouclier.RoleHead && u.Role != bouclier.RoleStaff {
				continue // individuals are reached through groups at this scale
			}
			ok, err := d.AllowPerson(ctx, s, u)
			if err != nil {
				return nil, err
			}
			if ok {
				allowed = append(allowed, u)
			}
		}
		labels, err := d.Describe(ctx, allowed)
		if err != nil {
			return nil, err
		}
		for _, u := range allowed {
			out = append(out, Option{Expr: "user:" + u.Username, Label: labels[u.ID], Member: u})
		}
	}
	if s.Role.IsPersonnel() {
		admins, err := d.db.Admins(ctx, s.Academie)
		if err != nil {
			return nil, err
		}
		for _, u := range admins {
			if ok, err := d.AllowPerson(ctx, s, u); err != nil {
				return nil, err
			} else if ok {
				out = append(out, Option{Expr: "user:" + u.Username, Label: PersonLabel(u, store.Affiliation{}), Member: u})
			}
		}
	}
	return out, nil
}

// groupMember is who a group's members are for the messaging rules.
func groupMember(g bouclier.Recipient) bouclier.User {
	m := bouclier.User{UAI: g.UAI, Class: g.Class, Role: bouclier.RoleStaff}
	switch g.Kind {
	case bouclier.ToClass:
		m.Role = bouclier.RoleStudent
	case bouclier.ToParents:
		m.Role = bouclier.RoleParent
	case bouclier.ToTeachers:
		m.Role = bouclier.RoleTeacher
	}
	return m
}

// GroupLabel names a group in French, the one label of a group wherever
// it is shown (the picker, a message's recipients, a refusal):
// « Élèves de 4A », « Parents de 4A », « Enseignants de 4A », « Vie
// scolaire et direction ».
func GroupLabel(g bouclier.Recipient) string {
	switch g.Kind {
	case bouclier.ToClass:
		return "Élèves de " + g.Class
	case bouclier.ToParents:
		return "Parents de " + g.Class
	case bouclier.ToTeachers:
		return "Enseignants de " + g.Class
	}
	return "Vie scolaire et direction"
}

// groupLabel is GroupLabel with, when where is set, the group's
// establishment.
func groupLabel(g bouclier.Recipient, where string) string {
	l := GroupLabel(g)
	if where != "" {
		l += " – " + where
	}
	return l
}

// RoleLabels are the roles' names in French.
var RoleLabels = map[bouclier.Role]string{
	bouclier.RoleStudent: "élève", bouclier.RoleParent: "parent", bouclier.RoleTeacher: "enseignant",
	bouclier.RoleStaff: "vie scolaire", bouclier.RoleHead: "direction", bouclier.RoleAcademyAdmin: "académie",
	bouclier.RoleNationalAdmin: "administration nationale",
}
