// Package importer loads the directory (académies, establishments, classes,
// people, parent links and teaching assignments) from files into the store.
//
// Two formats: CSV files (one kind per file, recognised by its header) and
// the national directory feed, AAF XML exports (complete or delta). Both
// are read as streams and their records are staged in the store in short
// transactions, so that memory does not grow with the directory's size and
// live sends keep the writer between chunks. The staged file set is then
// checked whole, by reading only: a bad record stops the import with
// FILE:LINE (and the AAF entry's identifier) and nothing applied. Only then
// is it applied, in short transactions that each advance the run's cursor;
// if the process dies half-way, the next import finishes the validated run
// before starting its own (roll forward), so a file set is never left half
// applied. Applying the same file set twice changes nothing.
package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
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

// RowError is a bad record: file, line, entry (AAF identifier, if any) and
// reason.
type RowError struct {
	Pos    Pos
	Entry  string
	Reason string
}

func (e *RowError) Error() string {
	if e.Entry != "" {
		return e.Pos.String() + ": entrée " + e.Entry + "\u00a0: " + e.Reason
	}
	return e.Pos.String() + ": " + e.Reason
}

// Person is one person record. User.Civility is applied only with
// HasCivility (a CSV with the civilite column); otherwise the stored one
// is kept.
type Person struct {
	Pos
	bouclier.User
	HasCivility bool
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

// Batch is a directory held in memory, for callers that build one (the
// drill, tests) and for ReadCSV.
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

// records emits the batch's records.
func (b *Batch) records(emit func(record) error) error {
	for _, a := range b.Academies {
		if err := emit(record{Kind: kAcademie, Pos: a.Pos, Key: a.ID, ID: a.ID, Name: a.Name, TimeZone: a.TimeZone}); err != nil {
			return err
		}
	}
	for _, e := range b.Establishments {
		if err := emit(record{Kind: kEstablishment, Pos: e.Pos, Key: e.UAI, UAI: e.UAI, Name: e.Name, Academie: e.Academie}); err != nil {
			return err
		}
	}
	for _, c := range b.Classes {
		if err := emit(record{Kind: kClass, Pos: c.Pos, Key: c.UAI + "/" + c.Code, UAI: c.UAI, Class: c.Code}); err != nil {
			return err
		}
	}
	for _, p := range b.People {
		r := record{Kind: kPerson, Pos: p.Pos, Key: userKey(p.Username), Op: "put", Username: p.Username, Name: p.DisplayName,
			Role: string(p.Role), Academie: p.Academie, UAI: p.UAI, Class: p.Class, Email: p.Email}
		if p.HasCivility {
			r.Civility = &p.Civility
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	for _, l := range b.Links {
		if err := emit(record{Kind: kLink, Pos: l.Pos, Key: userKey(l.Child), Parent: l.Parent, Child: l.Child}); err != nil {
			return err
		}
	}
	for _, t := range b.Teachings {
		if err := emit(record{Kind: kTeaching, Pos: t.Pos, Key: userKey(t.Teacher), Teacher: t.Teacher, UAI: t.UAI, Class: t.Class}); err != nil {
			return err
		}
	}
	return nil
}

// add appends a CSV record to the batch.
func (b *Batch) add(r record) {
	switch r.Kind {
	case kAcademie:
		b.Academies = append(b.Academies, struct {
			Pos
			bouclier.Academie
		}{r.Pos, bouclier.Academie{ID: r.ID, Name: r.Name, TimeZone: r.TimeZone}})
	case kEstablishment:
		b.Establishments = append(b.Establishments, struct {
			Pos
			bouclier.Establishment
		}{r.Pos, bouclier.Establishment{UAI: r.UAI, Name: r.Name, Academie: r.Academie}})
	case kClass:
		b.Classes = append(b.Classes, Class{r.Pos, r.UAI, r.Class})
	case kPerson:
		p := Person{Pos: r.Pos, User: bouclier.User{Username: r.Username, DisplayName: r.Name, Role: bouclier.Role(r.Role),
			Academie: r.Academie, UAI: r.UAI, Class: r.Class, Email: r.Email}}
		if r.Civility != nil {
			p.Civility, p.HasCivility = *r.Civility, true
		}
		b.People = append(b.People, p)
	case kLink:
		b.Links = append(b.Links, Link{r.Pos, r.Parent, r.Child})
	case kTeaching:
		b.Teachings = append(b.Teachings, Teaching{r.Pos, r.Teacher, r.UAI, r.Class})
	}
}

// ErrBusy is returned when another import is at work on the store.
var ErrBusy = errors.New("un autre import est en cours\u00a0: réessayez quand il sera terminé")

// Source is one file of a file set.
type Source struct {
	Name string
	Open func() (io.ReadCloser, error)

	records func(emit func(record) error) error // in-memory sources
}

// Options tune an import.
type Options struct {
	Actor    string
	Now      func() time.Time
	Academie string                // académie of AAF establishments that do not name theirs
	Progress func(done, total int) // records applied so far, of total; may be nil
	Chunk    int                   // records per staging transaction, and at most per apply one; default 250
	TxBudget time.Duration         // an apply transaction takes no more records after this; default 20 ms
	// Complete says the file set is a complete export: the accounts of
	// its establishments that it no longer lists are closed (closeAbsent).
	// An AAF file whose name says "Complet" makes the set complete too; a
	// delta never closes anyone it does not name.
	Complete bool
}

// Counts says what an import did to one kind of record.
type Counts struct {
	Added     int `json:"added"`
	Modified  int `json:"modified"`
	Closed    int `json:"closed"`
	Unchanged int `json:"unchanged"`
}

// Report says what an import changed.
type Report struct {
	Records int                `json:"records"`
	Kinds   map[string]*Counts `json:"kinds"`
	// LongestWrite is the longest the import held the writer in one
	// transaction (staging or applying): what a live send may wait.
	LongestWrite time.Duration `json:"longest_write"`
	// Complete: the set was a complete export; Absent counts the accounts
	// it closed for not listing them (also counted in Closed).
	Complete bool `json:"complete,omitempty"`
	Absent   int  `json:"absent,omitempty"`
}

func (r *Report) wrote(d time.Duration) { r.LongestWrite = max(r.LongestWrite, d) }

func (r *Report) count(kind string) *Counts {
	if r.Kinds == nil {
		r.Kinds = map[string]*Counts{}
	}
	c := r.Kinds[kind]
	if c == nil {
		c = &Counts{}
		r.Kinds[kind] = c
	}
	return c
}

// Total sums the counts of every kind.
func (r Report) Total() Counts {
	var t Counts
	for _, c := range r.Kinds {
		t.Added += c.Added
		t.Modified += c.Modified
		t.Closed += c.Closed
		t.Unchanged += c.Unchanged
	}
	return t
}

var kindLabels = map[string]string{
	kAcademie: "académies", kEstablishment: "établissements", kClass: "classes", kPerson: "comptes",
	kLink: "liens parent-élève", kParents: "liens parent-élève", kTeaching: "classes enseignées", kTeachings: "classes enseignées",
}

// String is the report in French, one line per kind.
func (r Report) String() string {
	t := r.Total()
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d enregistrements\u00a0: %d ajouts, %d modifications, %d fermetures, %d inchangés", r.Records, t.Added, t.Modified, t.Closed, t.Unchanged)
	merged := map[string]Counts{}
	for k, c := range r.Kinds {
		l := kindLabels[k]
		if l == "" {
			l = k
		}
		m := merged[l]
		m.Added += c.Added
		m.Modified += c.Modified
		m.Closed += c.Closed
		m.Unchanged += c.Unchanged
		merged[l] = m
	}
	labels := make([]string, 0, len(merged))
	for l := range merged {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		c := merged[l]
		fmt.Fprintf(&sb, "\n  %s\u00a0: %d ajouts, %d modifications, %d fermetures, %d inchangés", l, c.Added, c.Modified, c.Closed, c.Unchanged)
	}
	if r.Complete {
		fmt.Fprintf(&sb, "\n  export complet\u00a0: %d compte(s) absent(s) de l’export fermé(s)", r.Absent)
	}
	if r.LongestWrite > 0 {
		fmt.Fprintf(&sb, "\n  transaction d’écriture la plus longue\u00a0: %v", r.LongestWrite.Round(time.Millisecond))
	}
	return sb.String()
}

// Apply checks b and writes it; see Import. progress, if not nil, is called
// with the records applied so far and the total.
func Apply(ctx context.Context, db *store.DB, b *Batch, actor string, now time.Time, progress func(done, total int)) error {
	_, err := Import(ctx, db, []Source{{Name: "batch", records: b.records}}, Options{Actor: actor, Now: func() time.Time { return now }, Progress: progress})
	return err
}

// FileSource reads a named file through open.
func FileSource(name string, open func() (io.ReadCloser, error)) Source {
	return Source{Name: name, Open: open}
}

// Import stages, checks and applies a file set; see the package comment.
// A run left half applied by an earlier import is finished first.
func Import(ctx context.Context, db *store.DB, sources []Source, o Options) (Report, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Chunk <= 0 {
		o.Chunk = 250
	}
	if o.TxBudget <= 0 {
		o.TxBudget = 20 * time.Millisecond
	}
	if o.Actor == "" {
		o.Actor = "import"
	}
	run, resume, err := db.BeginImport(ctx, o.Actor, o.Now())
	if err != nil {
		if errors.Is(err, store.ErrImportBusy) {
			return Report{}, ErrBusy
		}
		return Report{}, err
	}
	if resume {
		var prev Report
		if run.Report != "" {
			_ = json.Unmarshal([]byte(run.Report), &prev) // a lost report only loses counts
		}
		if _, err := apply(ctx, db, run, prev, o); err != nil {
			return Report{}, fmt.Errorf("reprise de l’import %d interrompu\u00a0: %w", run.ID, err)
		}
		if run, _, err = db.BeginImport(ctx, o.Actor, o.Now()); err != nil {
			return Report{}, err
		}
	}
	fail := func(err error) (Report, error) {
		// The run's rows are dropped with a fresh context: the caller's
		// may be the one that was cancelled.
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		_ = db.SetImportState(cctx, run.ID, store.ImportFailed, "", o.Now())
		_ = db.DropImportRows(cctx, run.ID)
		return Report{}, err
	}
	st := &stager{ctx: ctx, db: db, run: run.ID, now: o.Now, chunk: o.Chunk, rep: &Report{}}
	for _, src := range sources {
		if err := st.source(src, o.Academie); err != nil {
			return fail(err)
		}
	}
	if err := st.flush(); err != nil {
		return fail(err)
	}
	if err := check(ctx, db, run.ID, o.Chunk, o.Now); err != nil {
		return fail(err)
	}
	if err := db.SetImportState(ctx, run.ID, store.ImportApplying, "", o.Now()); err != nil {
		return fail(err)
	}
	run.State = store.ImportApplying
	return apply(ctx, db, run, Report{LongestWrite: st.rep.LongestWrite, Complete: o.Complete || st.complete}, o)
}

// stager writes records to the staging table in chunks.
type stager struct {
	ctx      context.Context
	db       *store.DB
	run      int64
	now      func() time.Time
	chunk    int
	seq      int64
	buf      []store.ImportRow
	rep      *Report // for LongestWrite
	flushes  int
	complete bool // an AAF file named as a complete export was read
}

// checkpointEvery is how many write transactions an import makes between
// two checkpoints of SQLite's log (see store.DB.Checkpoint).
const checkpointEvery = 8

func (s *stager) add(r record) error {
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("%s: %w", r.Pos, err)
	}
	s.seq++
	s.buf = append(s.buf, store.ImportRow{Seq: s.seq, Rank: kindRank[r.Kind], Kind: r.Kind, Key: r.Key,
		File: r.Pos.File, Line: r.Pos.Line, Entry: r.Entry, Data: string(data)})
	if len(s.buf) >= s.chunk {
		return s.flush()
	}
	return nil
}

func (s *stager) flush() error {
	if len(s.buf) == 0 {
		return nil
	}
	var start time.Time
	err := s.db.InTx(s.ctx, func(tx *store.Tx) error {
		start = time.Now() // the writer is held from here
		return tx.StageImportRows(s.ctx, s.run, s.buf, s.now())
	})
	if err == nil {
		s.rep.wrote(time.Since(start))
		if s.flushes++; s.flushes%checkpointEvery == 0 {
			err = s.db.Checkpoint(s.ctx)
		}
	}
	s.buf = s.buf[:0]
	return err
}

// source parses one source into the staging table. The format is
// recognised from the content: XML is AAF, anything else CSV.
func (s *stager) source(src Source, academie string) error {
	if src.records != nil {
		return src.records(s.add)
	}
	f, err := src.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", src.Name, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	if isXML(br) {
		if completeName(src.Name) {
			s.complete = true
		}
		m := &aafMapper{academie: academie, emit: s.add}
		return readAAF(src.Name, br, m.entry)
	}
	return readCSV(src.Name, br, s.add)
}

// completeName reports whether an AAF file's name marks it as part of a
// complete export (…_Complet_…), not a delta.
func completeName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "complet") && !strings.Contains(n, "delta")
}

// isXML reports whether the stream starts, after a BOM and blanks, with '<'.
func isXML(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '<'
}

// decode reads a staged row back into a record.
func decode(row store.ImportRow) (record, error) {
	var r record
	if err := json.Unmarshal([]byte(row.Data), &r); err != nil {
		return r, fmt.Errorf("import row %d: %w", row.Seq, err)
	}
	r.Kind, r.Key, r.Entry, r.Pos = row.Kind, row.Key, row.Entry, Pos{row.File, row.Line}
	return r, nil
}

// pages calls fn with the run's rows after (rank, seq), a page at a time.
func pages(ctx context.Context, db *store.DB, runID int64, rank int, seq int64, size int, fn func([]store.ImportRow) error) error {
	for {
		rows, err := db.ImportRows(ctx, runID, rank, seq, size)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		if err := fn(rows); err != nil {
			return err
		}
		last := rows[len(rows)-1]
		rank, seq = last.Rank, last.Seq
	}
}

// audit records the import's report in the audit trail.
func auditImport(ctx context.Context, tx *store.Tx, actor string, now time.Time, rep Report) error {
	t := rep.Total()
	return audit.Append(ctx, tx, audit.Entry{At: now, Actor: actor, Action: "directory.import", Target: "directory", Scope: "national",
		Detail: fmt.Sprintf("%d records: %d added, %d modified, %d closed, %d unchanged", rep.Records, t.Added, t.Modified, t.Closed, t.Unchanged)})
}

// seed makes sure the reach rules exist before the first directory rows.
func seed(ctx context.Context, db *store.DB) error {
	return db.InTx(ctx, func(tx *store.Tx) error { return directory.Seed(ctx, tx) })
}
