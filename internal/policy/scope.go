package policy

import (
	"strings"

	"github.com/bouclier/bouclier"
)

// ScopeKind is the level of a scope, from the widest to the narrowest.
type ScopeKind string

// The scope kinds.
const (
	ScopeNational      ScopeKind = "national"
	ScopeAcademie      ScopeKind = "academie"
	ScopeEstablishment ScopeKind = "establishment"
	ScopeClass         ScopeKind = "class"
)

// nLevels is the number of scope levels; level 0 is national.
const nLevels = 4

// Scope is where a rule or suspension applies. ID is empty for the national
// scope, an académie code ("versailles"), a UAI ("0780001A") or
// "UAI/CLASS" ("0780001A/4A").
type Scope struct {
	Kind ScopeKind
	ID   string
}

// National is the national scope.
var National = Scope{Kind: ScopeNational}

// ParseScope parses "national", "academie:ID", "establishment:UAI" or
// "class:UAI/CLASS".
func ParseScope(s string) (Scope, error) {
	s = strings.TrimSpace(s)
	if s == string(ScopeNational) {
		return National, nil
	}
	kind, id, ok := strings.Cut(s, ":")
	if !ok {
		return Scope{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "portée invalide\u00a0: %q (national, academie:ID, establishment:UAI ou class:UAI/CLASSE)", s)
	}
	sc := Scope{Kind: ScopeKind(kind), ID: id}
	if err := sc.check(); err != nil {
		return Scope{}, err
	}
	return sc, nil
}

// check reports whether the scope is well formed.
func (s Scope) check() error {
	ok := false
	switch s.Kind {
	case ScopeNational:
		ok = s.ID == ""
	case ScopeAcademie, ScopeEstablishment:
		ok = bouclier.ValidName(s.ID)
	case ScopeClass:
		uai, class, found := strings.Cut(s.ID, "/")
		ok = found && bouclier.ValidName(uai) && bouclier.ValidName(class)
	}
	if !ok {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "portée invalide\u00a0: %q", s.String())
	}
	return nil
}

// String returns the form ParseScope reads.
func (s Scope) String() string {
	if s.Kind == ScopeNational {
		return string(ScopeNational)
	}
	return string(s.Kind) + ":" + s.ID
}

// MarshalText implements encoding.TextMarshaler.
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Scope) UnmarshalText(b []byte) error {
	sc, err := ParseScope(string(b))
	if err != nil {
		return err
	}
	*s = sc
	return nil
}

// level is 0 for national up to 3 for a class; -1 for an unknown kind.
func (s Scope) level() int {
	switch s.Kind {
	case ScopeNational:
		return 0
	case ScopeAcademie:
		return 1
	case ScopeEstablishment:
		return 2
	case ScopeClass:
		return 3
	}
	return -1
}

// french names the scope in a sentence: "l'académie versailles".
func (s Scope) french() string {
	switch s.Kind {
	case ScopeNational:
		return "le niveau national"
	case ScopeAcademie:
		return "l’académie " + s.ID
	case ScopeEstablishment:
		return "l’établissement " + s.ID
	case ScopeClass:
		return "la classe " + s.ID
	}
	return s.String()
}

// frenchOf is french() after "de": "du niveau national", "de l'académie versailles".
func (s Scope) frenchOf() string {
	if s.Kind == ScopeNational {
		return "du niveau national"
	}
	return "de " + s.french()
}

// encloses reports whether s is strictly wider than r and contains it.
// academie is the académie of r's establishment or class; the engine cannot
// know it, so when it is empty every académie is taken to enclose r, which
// errs on the side of refusing a loosening.
func (s Scope) encloses(r Scope, academie string) bool {
	if s.level() >= r.level() {
		return false
	}
	switch s.Kind {
	case ScopeNational:
		return true
	case ScopeAcademie:
		if r.Kind == ScopeAcademie {
			return false
		}
		return academie == "" || academie == s.ID
	case ScopeEstablishment:
		return strings.HasPrefix(r.ID, s.ID+"/")
	}
	return false
}
