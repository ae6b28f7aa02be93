package importer

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// apply writes a validated run to the directory, a chunk per transaction,
// from the run's cursor. Each transaction also moves the cursor, so a run
// interrupted here is resumed where it stopped; every step is idempotent.
func apply(ctx context.Context, db *store.DB, run store.ImportRun, rep Report, o Options) (Report, error) {
	if err := seed(ctx, db); err != nil {
		return rep, err
	}
	total, err := db.CountImportRows(ctx, run.ID)
	if err != nil {
		return rep, err
	}
	rep.Records = total
	done, txs := 0, 0
	// Lookups that many records repeat, kept across transactions; a
	// failed transaction ends the apply, so they never outlive a rollback.
	cache := &applyCache{schools: newMemo[[2]string](20000), classes: newMemo[bool](50000)}
	err = pages(ctx, db, run.ID, run.CursorRank, run.CursorSeq, o.Chunk, func(rows []store.ImportRow) error {
		// One transaction applies rows until the page ends or its time
		// budget is spent, so that the writer is never held long
		// whatever the machine's load.
		for len(rows) > 0 {
			now := o.Now()
			next := rep.clone()
			n := 0
			var start time.Time
			err := db.InTx(ctx, func(tx *store.Tx) error {
				start = time.Now() // the writer is held from here
				a := &applier{ctx: ctx, tx: tx, now: now, rep: &next, cache: cache}
				for n < len(rows) && (n == 0 || time.Since(start) < o.TxBudget) {
					r, err := decode(rows[n])
					if err != nil {
						return err
					}
					if err := a.record(r); err != nil {
						return fmt.Errorf("%s: %w", r.Pos, err)
					}
					n++
				}
				data, err := json.Marshal(next)
				if err != nil {
					return err
				}
				last := rows[n-1]
				return tx.AdvanceImport(ctx, run.ID, last.Rank, last.Seq, string(data), now)
			})
			if err != nil {
				return err
			}
			rep = next
			rep.wrote(time.Since(start))
			if txs++; txs%checkpointEvery == 0 {
				if err := db.Checkpoint(ctx); err != nil {
					return err
				}
			}
			rows = rows[n:]
			done += n
			if o.Progress != nil {
				o.Progress(min(done, total), total)
			}
		}
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("import %d appliqué en partie, repris au prochain import\u00a0: %w", run.ID, err)
	}
	if rep.Complete {
		if err := closeAbsent(ctx, db, run, &rep, o); err != nil {
			return rep, fmt.Errorf("import %d appliqué en partie, repris au prochain import\u00a0: %w", run.ID, err)
		}
	}
	data, err := json.Marshal(rep)
	if err != nil {
		return rep, err
	}
	now := o.Now()
	// The audit entry and the end of the run commit together, so that a
	// resumed run is never audited twice.
	err = db.InTx(ctx, func(tx *store.Tx) error {
		if err := auditImport(ctx, tx, run.Actor, now, rep); err != nil {
			return err
		}
		return tx.FinishImport(ctx, run.ID, string(data), now)
	})
	if err != nil {
		return rep, err
	}
	return rep, db.DropImportRows(ctx, run.ID)
}

// closeAbsent closes, after a complete export is applied, the accounts of
// its establishments that it no longer lists (store.DB.ImportAbsentees):
// closed as a deleteRequest closes them (messages kept for the retention
// period), never deleted, each audited. It works in chunks; an account
// once closed no longer matches, so a resumed run goes on where it
// stopped.
func closeAbsent(ctx context.Context, db *store.DB, run store.ImportRun, rep *Report, o Options) error {
	for {
		list, err := db.ImportAbsentees(ctx, run.ID, 0, o.Chunk)
		if err != nil || len(list) == 0 {
			return err
		}
		now := o.Now()
		n := 0
		var start time.Time
		err = db.InTx(ctx, func(tx *store.Tx) error {
			start = time.Now()
			n = 0
			for _, a := range list {
				closed, err := tx.CloseUser(ctx, a.ID, now)
				if err != nil {
					return err
				}
				if !closed {
					continue
				}
				n++
				if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: run.Actor, Action: "directory.close_absent", Target: "user:" + a.Username,
					Scope: a.Scope, Detail: fmt.Sprintf("absent from the complete export of import %d", run.ID)}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("fermeture des absents\u00a0: aucun des %d comptes n’a pu être fermé", len(list))
		}
		rep.wrote(time.Since(start))
		rep.Absent += n
		rep.count(kPerson).Closed += n
	}
}

func (r Report) clone() Report {
	c := Report{Records: r.Records, Kinds: make(map[string]*Counts, len(r.Kinds)), LongestWrite: r.LongestWrite, Complete: r.Complete, Absent: r.Absent}
	for k, v := range r.Kinds {
		x := *v
		c.Kinds[k] = &x
	}
	return c
}

// applier applies records inside one transaction.
type applier struct {
	ctx   context.Context
	tx    *store.Tx
	now   time.Time
	rep   *Report
	cache *applyCache
}

// applyCache remembers establishments by joint key and existing classes.
type applyCache struct {
	schools *memo[[2]string] // joint key → UAI, académie
	classes *memo[bool]      // UAI/CLASS → exists
}

// school resolves an establishment's joint key to its UAI and académie.
func (a *applier) school(ext string) (uai, academie string, err error) {
	if v, ok := a.cache.schools.get(ext); ok {
		return v[0], v[1], nil
	}
	if uai, err = a.tx.EstablishmentByExternalID(a.ctx, ext); err != nil {
		return "", "", err
	}
	if uai == "" {
		uai = ext // some exports point to establishments by UAI
	}
	if academie, err = a.tx.EstablishmentAcademie(a.ctx, uai); err != nil {
		return "", "", err
	}
	if academie == "" {
		return "", "", fmt.Errorf("établissement %s: %w", ext, store.ErrNotFound)
	}
	a.cache.schools.put(ext, [2]string{uai, academie})
	return uai, academie, nil
}

// ensureClass creates a class if missing and counts it.
func (a *applier) ensureClass(uai, class string) error {
	k := uai + "/" + class
	if _, ok := a.cache.classes.get(k); ok {
		return nil
	}
	added, err := a.tx.EnsureClass(a.ctx, uai, class)
	if err != nil {
		return err
	}
	if added {
		a.mark(kClass, true, false)
	}
	a.cache.classes.put(k, true)
	return nil
}

func (a *applier) mark(kind string, added, modified bool) {
	c := a.rep.count(kind)
	switch {
	case added:
		c.Added++
	case modified:
		c.Modified++
	default:
		c.Unchanged++
	}
}

func (a *applier) record(r record) error {
	switch r.Kind {
	case kStructure:
		return nil
	case kAcademie:
		added, mod, err := a.tx.PutAcademie(a.ctx, bouclier.Academie{ID: r.ID, Name: r.Name, TimeZone: r.TimeZone})
		a.mark(r.Kind, added, mod)
		return err
	case kEstablishment:
		added, mod, err := a.tx.PutEstablishment(a.ctx, store.ImportedEstablishment{
			Establishment: bouclier.Establishment{UAI: r.UAI, Name: r.Name, Academie: r.Academie}, ExternalID: r.Ext})
		a.mark(r.Kind, added, mod)
		return err
	case kClass:
		added, err := a.tx.EnsureClass(a.ctx, r.UAI, r.Class)
		a.mark(r.Kind, added, false)
		return err
	case kPerson:
		if r.Ext != "" {
			return a.aafPerson(r)
		}
		return a.csvPerson(r)
	case kLink:
		p, err := a.user(userKey(r.Parent))
		if err != nil {
			return err
		}
		c, err := a.user(userKey(r.Child))
		if err != nil {
			return err
		}
		added, err := a.tx.AddParentLink(a.ctx, p.ID, c.ID)
		a.mark(r.Kind, added, false)
		return err
	case kParents:
		return a.parents(r)
	case kTeaching:
		t, err := a.user(userKey(r.Teacher))
		if err != nil {
			return err
		}
		changed, err := a.tx.PutTeaching(a.ctx, t.ID, store.TeachingAssignment{UAI: r.UAI, Class: r.Class})
		a.mark(r.Kind, changed, false)
		return err
	case kTeachings:
		return a.teachings(r)
	case kClose:
		u, err := a.user(r.Key)
		if err != nil {
			return err
		}
		closed, err := a.tx.CloseUser(a.ctx, u.ID, a.now)
		if closed {
			a.rep.count(kPerson).Closed++
		} else {
			a.rep.count(kPerson).Unchanged++
		}
		return err
	}
	return fmt.Errorf("unknown record kind %q", r.Kind)
}

// user returns the person with a staging key, which must exist by now.
func (a *applier) user(key string) (store.DirectoryUser, error) {
	u, ok, err := a.tx.DirectoryUser(a.ctx, key[2:], strings.HasPrefix(key, "x:"))
	if err != nil {
		return u, err
	}
	if !ok {
		return u, fmt.Errorf("%s: %w", key[2:], store.ErrNotFound)
	}
	return u, nil
}

// put writes u if it differs from old (found says whether old exists).
func (a *applier) put(old store.DirectoryUser, found bool, u store.DirectoryUser) error {
	if found && old.User == u.User && old.ExternalID == u.ExternalID && old.Functions == u.Functions && old.ClosedAt == 0 {
		a.mark(kPerson, false, false)
		return nil
	}
	_, err := a.tx.PutDirectoryUser(a.ctx, u, a.now)
	a.mark(kPerson, !found, found)
	return err
}

func (a *applier) csvPerson(r record) error {
	old, found, err := a.tx.DirectoryUser(a.ctx, r.Username, false)
	if err != nil {
		return err
	}
	u := old
	u.Username, u.DisplayName, u.Role, u.Academie, u.UAI, u.Class, u.Email = r.Username, r.Name, bouclier.Role(r.Role), r.Academie, r.UAI, r.Class, r.Email
	setCivility(&u.User, r)
	if u.Academie == "" && u.UAI != "" {
		if u.Academie, err = a.tx.EstablishmentAcademie(a.ctx, u.UAI); err != nil {
			return err
		}
	}
	if !found {
		// New accounts have no password: they are activated with a code
		// (mass reset / activation letters), never a default.
		u.MustReset = true
	}
	return a.put(old, found, u)
}

func (a *applier) aafPerson(r record) error {
	old, found, err := a.tx.DirectoryUser(a.ctx, r.Ext, true)
	if err != nil {
		return err
	}
	if found && old.ClosedAt != 0 && r.Op == "modify" {
		// A modification does not reopen an account the directory
		// closed; only a new addition does.
		a.mark(kPerson, false, false)
		return nil
	}
	u := old
	u.ExternalID = r.Ext
	if r.has("name") {
		u.DisplayName = strings.TrimSpace(r.Given + " " + r.Family)
	}
	if r.has("email") {
		u.Email = r.Email
	}
	if r.has("role") {
		u.Role = bouclier.Role(r.Role)
	}
	if r.has("functions") {
		u.Functions = r.Func
	}
	setCivility(&u.User, r)
	if r.has("struct") && r.Struct != "" {
		uai, aca, err := a.school(r.Struct)
		if err != nil {
			return err
		}
		u.UAI, u.Academie = uai, aca
	}
	if u.Role == bouclier.RoleStudent {
		if r.has("class") {
			u.Class = r.Class
		}
		if u.Class != "" && u.UAI != "" {
			if err := a.ensureClass(u.UAI, u.Class); err != nil {
				return err
			}
		}
	} else {
		u.Class = ""
	}
	if !found {
		if u.Username, err = a.username(r.Given, r.Family, r.Ext); err != nil {
			return err
		}
		u.MustReset = true
	}
	return a.put(old, found, u)
}

// username draws a free username « prenom.nom », « prenom.nom2 »… for a new
// AAF account, or « aaf.JOINTKEY » for a nameless one.
func (a *applier) username(given, family, ext string) (string, error) {
	base := sanitize(given+"."+family, '-', false, 56)
	base = strings.Trim(strings.ReplaceAll(base, "-.-", "."), ".-")
	if base == "" || !bouclier.ValidName(base) {
		base = "aaf." + sanitize(ext, '-', false, 56)
	}
	for i := 1; i < 10000; i++ {
		name := base
		if i > 1 {
			name += strconv.Itoa(i)
		}
		taken, err := a.tx.UsernameTaken(a.ctx, name)
		if err != nil {
			return "", err
		}
		if !taken {
			return name, nil
		}
	}
	return "", fmt.Errorf("no free username for %s", base)
}

// parents applies a pupil's parents with authority: the set replaces the
// links (replace), or adds to or removes from them. A parent with no
// establishment yet takes the pupil's.
func (a *applier) parents(r record) error {
	child, err := a.user(r.Key)
	if err != nil {
		return err
	}
	want := make([]int64, 0, len(r.Items))
	for _, ext := range r.Items {
		p, err := a.user(extKey(ext))
		if err != nil {
			return err
		}
		want = append(want, p.ID)
		if p.UAI == "" && child.UAI != "" && r.Op != "delete" {
			p.UAI, p.Academie = child.UAI, child.Academie
			if _, err := a.tx.PutDirectoryUser(a.ctx, p, a.now); err != nil {
				return err
			}
		}
	}
	have, err := a.tx.ChildParents(a.ctx, child.ID)
	if err != nil {
		return err
	}
	changed := false
	for _, id := range want {
		switch {
		case r.Op == "delete":
			if slices.Contains(have, id) {
				if err := a.tx.RemoveParentLink(a.ctx, id, child.ID); err != nil {
					return err
				}
				changed = true
			}
		default:
			added, err := a.tx.AddParentLink(a.ctx, id, child.ID)
			if err != nil {
				return err
			}
			changed = changed || added
		}
	}
	if r.Op == "replace" {
		for _, id := range have {
			if !slices.Contains(want, id) {
				if err := a.tx.RemoveParentLink(a.ctx, id, child.ID); err != nil {
					return err
				}
				changed = true
			}
		}
	}
	a.mark(kParents, changed && len(have) == 0, changed)
	return nil
}

// teachings applies a teacher's classes and subjects (STRUCT$CLASS[$SUBJECT]
// items), replacing, adding to or removing from what is stored.
func (a *applier) teachings(r record) error {
	t, err := a.user(r.Key)
	if err != nil {
		return err
	}
	want := map[[2]string][]string{}
	var order [][2]string
	for _, it := range r.Items {
		p := split(it)
		uai, _, err := a.school(p[0])
		if err != nil {
			return err
		}
		k := [2]string{uai, classCode(p[1])}
		if _, ok := want[k]; !ok {
			order = append(order, k)
			want[k] = nil
		}
		if len(p) > 2 && strings.TrimSpace(p[2]) != "" && !slices.Contains(want[k], p[2]) {
			want[k] = append(want[k], strings.TrimSpace(p[2]))
		}
	}
	have, err := a.tx.TeacherAssignments(a.ctx, t.ID)
	if err != nil {
		return err
	}
	changed := false
	for _, k := range order {
		subjects := want[k]
		slices.Sort(subjects)
		if r.Op == "delete" {
			for _, h := range have {
				if h.UAI == k[0] && h.Class == k[1] {
					if err := a.tx.RemoveTeaching(a.ctx, t.ID, k[0], k[1]); err != nil {
						return err
					}
					changed = true
				}
			}
			continue
		}
		if err := a.ensureClass(k[0], k[1]); err != nil {
			return err
		}
		c, err := a.tx.PutTeaching(a.ctx, t.ID, store.TeachingAssignment{UAI: k[0], Class: k[1], Subjects: strings.Join(subjects, ",")})
		if err != nil {
			return err
		}
		changed = changed || c
	}
	if r.Op == "replace" {
		for _, h := range have {
			if _, ok := want[[2]string{h.UAI, h.Class}]; !ok {
				if err := a.tx.RemoveTeaching(a.ctx, t.ID, h.UAI, h.Class); err != nil {
					return err
				}
				changed = true
			}
		}
	}
	a.mark(kTeachings, changed && len(have) == 0, changed)
	return nil
}

// setCivility sets u's civility from r when r gives one. Pupils are not
// given one: they are named without it, so it is not kept.
func setCivility(u *bouclier.User, r record) {
	if r.Civility != nil {
		u.Civility = *r.Civility
	}
	if u.Role == bouclier.RoleStudent {
		u.Civility = ""
	}
}
