package importer

import (
	"context"
	"fmt"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// memo is a bounded cache: when full it starts over, so memory stays
// bounded whatever the directory's size.
type memo[V any] struct {
	m   map[string]V
	max int
}

func newMemo[V any](max int) *memo[V] { return &memo[V]{m: map[string]V{}, max: max} }

func (c *memo[V]) get(k string) (V, bool) { v, ok := c.m[k]; return v, ok }

func (c *memo[V]) put(k string, v V) {
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[k] = v
}

// checker validates staged records against the staged file set and the
// database, by reading only.
type checker struct {
	ctx       context.Context
	db        *store.DB
	run       int64
	academies *memo[bool]
	schools   *memo[bool]
	classes   *memo[bool]
	structs   *memo[string]
}

// check validates every staged record of a run, in apply order, and
// returns the first bad one as a *RowError.
func check(ctx context.Context, db *store.DB, runID int64, size int, now func() time.Time) error {
	c := &checker{ctx: ctx, db: db, run: runID, academies: newMemo[bool](1000), schools: newMemo[bool](20000),
		classes: newMemo[bool](20000), structs: newMemo[string](20000)}
	last := time.Now()
	return pages(ctx, db, runID, -1, 0, size, func(rows []store.ImportRow) error {
		if time.Since(last) > time.Minute {
			if err := db.TouchImport(ctx, runID, now()); err != nil {
				return err
			}
			last = time.Now()
		}
		for _, row := range rows {
			r, err := decode(row)
			if err != nil {
				return err
			}
			if err := c.record(row.Seq, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// staged reports whether the run stages a record of that kind and key.
func (c *checker) staged(kind, key string) (record, bool, error) {
	row, ok, err := c.db.FirstImportRow(c.ctx, c.run, kind, key, 0)
	if err != nil || !ok {
		return record{}, ok, err
	}
	r, err := decode(row)
	return r, err == nil, err
}

func (c *checker) academie(id string) (bool, error) {
	if v, ok := c.academies.get(id); ok {
		return v, nil
	}
	_, ok, err := c.staged(kAcademie, id)
	if err == nil && !ok {
		ok, err = c.db.AcademieExists(c.ctx, id)
	}
	if err == nil {
		c.academies.put(id, ok)
	}
	return ok, err
}

func (c *checker) school(uai string) (bool, error) {
	if v, ok := c.schools.get(uai); ok {
		return v, nil
	}
	_, ok, err := c.staged(kEstablishment, uai)
	if err == nil && !ok {
		var a string
		a, err = c.db.EstablishmentAcademie(c.ctx, uai)
		ok = a != ""
	}
	if err == nil {
		c.schools.put(uai, ok)
	}
	return ok, err
}

func (c *checker) class(uai, code string) (bool, error) {
	k := uai + "/" + code
	if v, ok := c.classes.get(k); ok {
		return v, nil
	}
	_, ok, err := c.staged(kClass, k)
	if err == nil && !ok {
		ok, err = c.db.ClassExists(c.ctx, uai, code)
	}
	if err == nil {
		c.classes.put(k, ok)
	}
	return ok, err
}

// structure resolves an AAF establishment joint key to its UAI ("" if
// unknown).
func (c *checker) structure(ext string) (string, error) {
	if v, ok := c.structs.get(ext); ok {
		return v, nil
	}
	r, ok, err := c.staged(kStructure, ext)
	uai := r.UAI
	if err == nil && !ok {
		uai, err = c.db.EstablishmentByExternalID(c.ctx, ext)
	}
	if err == nil && uai == "" && bouclier.ValidName(ext) {
		// Some exports point to establishments by UAI.
		var known bool
		if known, err = c.school(ext); known {
			uai = ext
		}
	}
	if err == nil {
		c.structs.put(ext, uai)
	}
	return uai, err
}

// role returns the role a person will have after the import ("" if the
// person is unknown), from the staged file set or the database.
func (c *checker) role(key string) (bouclier.Role, error) {
	row, ok, err := c.db.FirstImportRow(c.ctx, c.run, kPerson, key, 0)
	if err != nil {
		return "", err
	}
	if ok {
		r, err := decode(row)
		if err != nil {
			return "", err
		}
		if r.Role != "" {
			return bouclier.Role(r.Role), nil
		}
	}
	ext := key[:2] == "x:"
	u, found, err := c.db.DirectoryUser(c.ctx, key[2:], ext)
	if err != nil || !found {
		return "", err
	}
	return u.Role, nil
}

func (c *checker) record(seq int64, r record) error {
	bad := func(format string, args ...any) error {
		return &RowError{Pos: r.Pos, Entry: r.Entry, Reason: fmt.Sprintf(format, args...)}
	}
	switch r.Kind {
	case kStructure:
		return nil
	case kAcademie:
		if !bouclier.ValidName(r.ID) {
			return bad("identifiant d’académie invalide %q", r.ID)
		}
		if r.Name == "" {
			return bad("nom d’académie vide")
		}
		if _, err := time.LoadLocation(r.TimeZone); err != nil || r.TimeZone == "" || r.TimeZone == "Local" {
			return bad("fuseau horaire inconnu %q", r.TimeZone)
		}
	case kEstablishment:
		if !bouclier.ValidName(r.UAI) {
			return bad("UAI invalide %q", r.UAI)
		}
		if r.Name == "" {
			return bad("nom d’établissement vide")
		}
		if ok, err := c.academie(r.Academie); err != nil {
			return err
		} else if !ok {
			return bad("académie inconnue %q", r.Academie)
		}
	case kClass:
		if ok, err := c.school(r.UAI); err != nil {
			return err
		} else if !ok {
			return bad("établissement inconnu %q", r.UAI)
		}
		if !bouclier.ValidName(r.Class) {
			return bad("code de classe invalide %q", r.Class)
		}
	case kPerson:
		if r.Ext != "" {
			return c.aafPerson(seq, r, bad)
		}
		return c.csvPerson(seq, r, bad)
	case kLink:
		if role, err := c.role(userKey(r.Parent)); err != nil {
			return err
		} else if role != bouclier.RoleParent {
			return bad("%q n’est pas un parent connu", r.Parent)
		}
		if role, err := c.role(userKey(r.Child)); err != nil {
			return err
		} else if role != bouclier.RoleStudent {
			return bad("%q n’est pas un élève connu", r.Child)
		}
	case kParents:
		if role, err := c.role(r.Key); err != nil {
			return err
		} else if role != bouclier.RoleStudent {
			return bad("%s n’est pas un élève connu", r.Child)
		}
		for _, p := range r.Items {
			if role, err := c.role(extKey(p)); err != nil {
				return err
			} else if role != bouclier.RoleParent {
				return bad("responsable %s inconnu (ENTEleveAutoriteParentale)\u00a0: aucune entrée PersRelEleve ne le décrit", p)
			}
		}
	case kTeaching:
		if role, err := c.role(userKey(r.Teacher)); err != nil {
			return err
		} else if role != bouclier.RoleTeacher {
			return bad("%q n’est pas un enseignant connu", r.Teacher)
		}
		if ok, err := c.class(r.UAI, r.Class); err != nil {
			return err
		} else if !ok {
			return bad("classe inconnue %s/%s", r.UAI, r.Class)
		}
	case kTeachings:
		if role, err := c.role(r.Key); err != nil {
			return err
		} else if role == "" {
			return bad("enseignant %s inconnu", r.Teacher)
		}
		for _, it := range r.Items {
			p := split(it)
			if uai, err := c.structure(p[0]); err != nil {
				return err
			} else if uai == "" {
				return bad("établissement %s inconnu dans %q", p[0], it)
			}
		}
	case kClose:
		if role, err := c.role(r.Key); err != nil {
			return err
		} else if role == "" {
			return bad("suppression d’une personne inconnue %s", r.Ext)
		}
	default:
		return bad("enregistrement de type inconnu %q", r.Kind)
	}
	return nil
}

func (c *checker) csvPerson(seq int64, r record, bad func(string, ...any) error) error {
	if !bouclier.ValidName(r.Username) {
		return bad("identifiant invalide %q", r.Username)
	}
	role := bouclier.Role(r.Role)
	if !role.Valid() {
		return bad("rôle inconnu %q", r.Role)
	}
	if r.Name == "" {
		return bad("nom affiché vide")
	}
	switch role {
	case bouclier.RoleNationalAdmin:
		if r.Academie != "" || r.UAI != "" {
			return bad("un administrateur national n’a ni académie ni établissement")
		}
	case bouclier.RoleAcademyAdmin:
		ok, err := c.academie(r.Academie)
		if err != nil {
			return err
		}
		if !ok || r.UAI != "" {
			return bad("un administrateur d’académie a une académie connue et pas d’établissement")
		}
	default:
		if ok, err := c.school(r.UAI); err != nil {
			return err
		} else if !ok {
			return bad("établissement inconnu %q", r.UAI)
		}
	}
	if role == bouclier.RoleStudent {
		if ok, err := c.class(r.UAI, r.Class); err != nil {
			return err
		} else if !ok {
			return bad("classe inconnue %q dans %s", r.Class, r.UAI)
		}
	} else if r.Class != "" {
		return bad("seul un élève a une classe")
	}
	// The same username twice in the file set, or already in the
	// database, must keep its role.
	prev, dup, err := c.db.FirstImportRow(c.ctx, c.run, kPerson, r.Key, seq)
	if err != nil {
		return err
	}
	if dup {
		p, err := decode(prev)
		if err != nil {
			return err
		}
		if p.Role != r.Role {
			return bad("%s existe déjà avec le rôle %s", r.Username, p.Role)
		}
		return nil
	}
	u, found, err := c.db.DirectoryUser(c.ctx, r.Username, false)
	if err != nil {
		return err
	}
	if found && u.Role != role {
		return bad("%s existe déjà avec le rôle %s", r.Username, u.Role)
	}
	return nil
}

func (c *checker) aafPerson(seq int64, r record, bad func(string, ...any) error) error {
	if r.Op == "modify" {
		// The person is added earlier in the file set, or exists.
		row, ok, err := c.db.FirstImportRow(c.ctx, c.run, kPerson, r.Key, seq)
		if err != nil {
			return err
		}
		if ok {
			p, err := decode(row)
			if err != nil {
				return err
			}
			ok = p.Op == "put"
		}
		if !ok {
			_, found, err := c.db.DirectoryUser(c.ctx, r.Ext, true)
			if err != nil {
				return err
			}
			if !found {
				return bad("modification d’une personne inconnue %s", r.Ext)
			}
		}
	}
	if r.has("role") && !bouclier.Role(r.Role).Valid() {
		return bad("rôle inconnu %q", r.Role)
	}
	if r.has("name") && r.Given+r.Family == "" {
		return bad("nom vide")
	}
	if r.has("struct") && r.Struct != "" {
		uai, err := c.structure(r.Struct)
		if err != nil {
			return err
		}
		if uai == "" {
			return bad("établissement de rattachement %s inconnu\u00a0: aucune entrée EtabEducNat ne le décrit", r.Struct)
		}
	}
	return nil
}
