// Package importer loads the directory (académies, establishments, classes,
// people, parent links and teaching assignments) from files into the store.
//
// Parsing and applying are separate: a format (CSV today; the national
// AAF XML feed can come as a second one) fills a Batch, which is checked
// whole and then applied in one transaction, so a bad row stops the import
// with nothing half-imported. Applying the same batch twice changes nothing.
package importer

import (
	"context"
	"fmt"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

// Pos is where a record came from, for error messages.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// RowError is a bad record: file, line and reason.
type RowError struct {
	Pos    Pos
	Reason string
}

func (e *RowError) Error() string { return e.Pos.String() + ": " + e.Reason }

// Person is one person record.
type Person struct {
	Pos
	bouclier.User
}

// Link is a parent-child record.
type Link struct {
	Pos
	Parent, Child string
}

// Teaching is a teacher-class record.
type Teaching struct {
	Pos
	Teacher, UAI, Class string
}

// Class is a class record.
type Class struct {
	Pos
	UAI, Code string
}

// Batch is everything one import brings.
type Batch struct {
	Academies []struct {
		Pos
		bouclier.Academie
	}
	Establishments []struct {
		Pos
		bouclier.Establishment
	}
	Classes   []Class
	People    []Person
	Links     []Link
	Teachings []Teaching
}

// Size is the number of records.
func (b *Batch) Size() int {
	return len(b.Academies) + len(b.Establishments) + len(b.Classes) + len(b.People) + len(b.Links) + len(b.Teachings)
}

// known holds what exists, in the database or earlier in the batch.
type known struct {
	academies map[string]bool
	schools   map[string]bool
	classes   map[string]bool
	people    map[string]bouclier.Role
}

// check validates every record against the batch and the database. It
// returns the first bad record.
func check(ctx context.Context, db *store.DB, b *Batch) error {
	k := known{academies: map[string]bool{}, schools: map[string]bool{}, classes: map[string]bool{}, people: map[string]bouclier.Role{}}
	as, err := db.Academies(ctx)
	if err != nil {
		return err
	}
	for _, a := range as {
		k.academies[a.ID] = true
	}
	es, err := db.Establishments(ctx, "")
	if err != nil {
		return err
	}
	for _, e := range es {
		k.schools[e.UAI] = true
		cls, err := db.Classes(ctx, e.UAI)
		if err != nil {
			return err
		}
		for _, c := range cls {
			k.classes[e.UAI+"/"+c] = true
		}
	}
	us, err := db.Users(ctx, "")
	if err != nil {
		return err
	}
	for _, u := range us {
		k.people[u.Username] = u.Role
	}
	bad := func(p Pos, format string, args ...any) error {
		return &RowError{Pos: p, Reason: fmt.Sprintf(format, args...)}
	}
	for _, a := range b.Academies {
		if !bouclier.ValidName(a.ID) {
			return bad(a.Pos, "identifiant d'académie invalide %q", a.ID)
		}
		if a.Name == "" {
			return bad(a.Pos, "nom d'académie vide")
		}
		if _, err := time.LoadLocation(a.TimeZone); err != nil || a.TimeZone == "" || a.TimeZone == "Local" {
			return bad(a.Pos, "fuseau horaire inconnu %q", a.TimeZone)
		}
		k.academies[a.ID] = true
	}
	for _, e := range b.Establishments {
		if !bouclier.ValidName(e.UAI) {
			return bad(e.Pos, "UAI invalide %q", e.UAI)
		}
		if e.Name == "" {
			return bad(e.Pos, "nom d'établissement vide")
		}
		if !k.academies[e.Academie] {
			return bad(e.Pos, "académie inconnue %q", e.Academie)
		}
		k.schools[e.UAI] = true
	}
	for _, c := range b.Classes {
		if !k.schools[c.UAI] {
			return bad(c.Pos, "établissement inconnu %q", c.UAI)
		}
		if !bouclier.ValidName(c.Code) {
			return bad(c.Pos, "code de classe invalide %q", c.Code)
		}
		k.classes[c.UAI+"/"+c.Code] = true
	}
	for i := range b.People {
		p := &b.People[i]
		if !bouclier.ValidName(p.Username) {
			return bad(p.Pos, "identifiant invalide %q", p.Username)
		}
		if !p.Role.Valid() {
			return bad(p.Pos, "rôle inconnu %q", p.Role)
		}
		if p.DisplayName == "" {
			return bad(p.Pos, "nom affiché vide")
		}
		switch p.Role {
		case bouclier.RoleNationalAdmin:
			if p.Academie != "" || p.UAI != "" {
				return bad(p.Pos, "un administrateur national n'a ni académie ni établissement")
			}
		case bouclier.RoleAcademyAdmin:
			if !k.academies[p.Academie] || p.UAI != "" {
				return bad(p.Pos, "un administrateur d'académie a une académie connue et pas d'établissement")
			}
		default:
			if !k.schools[p.UAI] {
				return bad(p.Pos, "établissement inconnu %q", p.UAI)
			}
		}
		if p.Role == bouclier.RoleStudent {
			if !k.classes[p.UAI+"/"+p.Class] {
				return bad(p.Pos, "classe inconnue %q dans %s", p.Class, p.UAI)
			}
		} else if p.Class != "" {
			return bad(p.Pos, "seul un élève a une classe")
		}
		if prev, dup := k.people[p.Username]; dup && prev != p.Role {
			return bad(p.Pos, "%s existe déjà avec le rôle %s", p.Username, prev)
		}
		k.people[p.Username] = p.Role
	}
	for _, l := range b.Links {
		if k.people[l.Parent] != bouclier.RoleParent {
			return bad(l.Pos, "%q n'est pas un parent connu", l.Parent)
		}
		if k.people[l.Child] != bouclier.RoleStudent {
			return bad(l.Pos, "%q n'est pas un élève connu", l.Child)
		}
	}
	for _, t := range b.Teachings {
		if k.people[t.Teacher] != bouclier.RoleTeacher {
			return bad(t.Pos, "%q n'est pas un enseignant connu", t.Teacher)
		}
		if !k.classes[t.UAI+"/"+t.Class] {
			return bad(t.Pos, "classe inconnue %s/%s", t.UAI, t.Class)
		}
	}
	return nil
}

// Apply checks b and writes it in one transaction. progress, if not nil,
// is called with the records done so far and the total.
func Apply(ctx context.Context, db *store.DB, b *Batch, actor string, now time.Time, progress func(done, total int)) error {
	if err := check(ctx, db, b); err != nil {
		return err
	}
	total, done := b.Size(), 0
	step := func() {
		done++
		if progress != nil && (done%100 == 0 || done == total) {
			progress(done, total)
		}
	}
	return db.InTx(ctx, func(tx *store.Tx) error {
		if err := directory.Seed(ctx, tx); err != nil {
			return err
		}
		for _, a := range b.Academies {
			if err := tx.UpsertAcademie(ctx, a.Academie); err != nil {
				return err
			}
			step()
		}
		for _, e := range b.Establishments {
			if err := tx.UpsertEstablishment(ctx, e.Establishment); err != nil {
				return err
			}
			step()
		}
		for _, c := range b.Classes {
			if err := tx.UpsertClass(ctx, c.UAI, c.Code); err != nil {
				return err
			}
			step()
		}
		for _, p := range b.People {
			u := p.User
			if u.Academie == "" && u.UAI != "" {
				for _, e := range b.Establishments {
					if e.UAI == u.UAI {
						u.Academie = e.Academie
					}
				}
				if u.Academie == "" {
					e, err := db.Establishment(ctx, u.UAI)
					if err != nil {
						return fmt.Errorf("%s: %w", p.Pos, err)
					}
					u.Academie = e.Academie
				}
			}
			// New accounts have no password: they are activated with a
			// code (mass reset / activation letters), never a default.
			u.MustReset = true
			if _, err := tx.UpsertUser(ctx, u, "", now); err != nil {
				return err
			}
			step()
		}
		for _, l := range b.Links {
			pid, err := tx.UserIDByName(ctx, l.Parent)
			if err != nil {
				return fmt.Errorf("%s: %w", l.Pos, err)
			}
			cid, err := tx.UserIDByName(ctx, l.Child)
			if err != nil {
				return fmt.Errorf("%s: %w", l.Pos, err)
			}
			if err := tx.LinkParent(ctx, pid, cid); err != nil {
				return err
			}
			step()
		}
		for _, t := range b.Teachings {
			tid, err := tx.UserIDByName(ctx, t.Teacher)
			if err != nil {
				return fmt.Errorf("%s: %w", t.Pos, err)
			}
			if err := tx.AddTeaching(ctx, tid, t.UAI, t.Class); err != nil {
				return err
			}
			step()
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: actor, Action: "directory.import", Target: "directory", Scope: "national",
			Detail: fmt.Sprintf("%d records", total)})
	})
}
