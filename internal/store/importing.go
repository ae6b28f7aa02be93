package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
)

// A directory import runs in bounded steps so that it never holds the
// writer for long: its records are first staged in import_rows in short
// transactions, then checked by reading only, then applied in short
// transactions that each advance the run's cursor. A run that fails its
// check is dropped with nothing applied; a run that passed is applied to
// the end, by the next import if the process dies half-way (roll forward).

// Import run states.
const (
	ImportStaging  = "staging"
	ImportApplying = "applying"
	ImportDone     = "done"
	ImportFailed   = "failed"
)

// ErrImportBusy is returned when another import is staging or checking.
var ErrImportBusy = errors.New("another import is in progress")

// importStale is how long a run may stay silent before another import
// takes it for abandoned (dropped if staging, finished if applying).
const importStale = 10 * time.Minute

// ImportRow is one staged record.
type ImportRow struct {
	Seq   int64
	Rank  int // apply order: lower ranks first
	Kind  string
	Key   string
	File  string
	Line  int
	Entry string // identifier of the entry in its file, if any
	Data  string // the record, JSON
}

// ImportRun is an import in progress or finished.
type ImportRun struct {
	ID         int64
	Actor      string
	State      string
	CursorRank int
	CursorSeq  int64
	Report     string
}

// BeginImport opens a new import run. If a validated run was left half
// applied, it returns that one instead with resume set, and the caller
// must finish it first. Runs abandoned in staging are dropped. A run that
// moved in the last 10 minutes is another import at work: ErrImportBusy.
func (db *DB) BeginImport(ctx context.Context, actor string, now time.Time) (run ImportRun, resume bool, err error) {
	var stale []int64
	err = db.InTx(ctx, func(t *Tx) error {
		if db.dialect == Postgres {
			// Two imports starting at once on PostgreSQL serialise here
			// (SQLite's write transactions already do).
			if _, err := t.exec(ctx, `SELECT pg_advisory_xact_lock(4242002)`); err != nil {
				return err
			}
		}
		rows, err := t.tx.QueryContext(ctx, t.db.q(`SELECT id, actor, state, cursor_rank, cursor_seq, updated_at FROM import_runs WHERE state IN (?, ?) ORDER BY id`),
			ImportStaging, ImportApplying)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r ImportRun
			var updated int64
			if err := rows.Scan(&r.ID, &r.Actor, &r.State, &r.CursorRank, &r.CursorSeq, &updated); err != nil {
				return err
			}
			switch {
			case now.Sub(time.UnixMicro(updated)) < importStale:
				return ErrImportBusy
			case r.State == ImportApplying:
				run, resume = r, true
			default:
				stale = append(stale, r.ID)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		if resume {
			return nil
		}
		for _, id := range stale {
			if _, err := t.exec(ctx, `UPDATE import_runs SET state = ?, updated_at = ? WHERE id = ?`, ImportFailed, Micros(now), id); err != nil {
				return err
			}
		}
		run = ImportRun{Actor: actor, State: ImportStaging}
		return t.queryRow(ctx, `INSERT INTO import_runs (actor, state, started_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`,
			actor, ImportStaging, Micros(now), Micros(now)).Scan(&run.ID)
	})
	if err != nil {
		return ImportRun{}, false, fmt.Errorf("begin import: %w", err)
	}
	for _, id := range stale {
		if err := db.DropImportRows(ctx, id); err != nil {
			return ImportRun{}, false, err
		}
	}
	return run, resume, nil
}

// StageImportRows appends rows to a run.
func (t *Tx) StageImportRows(ctx context.Context, runID int64, rows []ImportRow, now time.Time) error {
	const perStatement = 200
	err := func() error {
		for len(rows) > 0 {
			n := min(len(rows), perStatement)
			var sb strings.Builder
			sb.WriteString(`INSERT INTO import_rows (run_id, seq, rank, kind, key, file, line, entry, data) VALUES `)
			args := make([]any, 0, n*9)
			for i, r := range rows[:n] {
				if i > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?)")
				args = append(args, runID, r.Seq, r.Rank, r.Kind, r.Key, r.File, r.Line, r.Entry, r.Data)
			}
			if _, err := t.exec(ctx, sb.String(), args...); err != nil {
				return err
			}
			rows = rows[n:]
		}
		_, err := t.exec(ctx, `UPDATE import_runs SET updated_at = ? WHERE id = ?`, Micros(now), runID)
		return err
	}()
	return wrap(err, "stage import rows")
}

// ImportRows returns up to limit rows of a run after (rank, seq), in apply
// order.
func (db *DB) ImportRows(ctx context.Context, runID int64, rank int, seq int64, limit int) ([]ImportRow, error) {
	rows, err := db.query(ctx, `SELECT seq, rank, kind, key, file, line, entry, data FROM import_rows
		WHERE run_id = ? AND (rank, seq) > (?, ?) ORDER BY rank, seq LIMIT ?`, runID, rank, seq, limit)
	if err != nil {
		return nil, fmt.Errorf("import rows: %w", err)
	}
	defer rows.Close()
	var out []ImportRow
	for rows.Next() {
		var r ImportRow
		if err := rows.Scan(&r.Seq, &r.Rank, &r.Kind, &r.Key, &r.File, &r.Line, &r.Entry, &r.Data); err != nil {
			return nil, fmt.Errorf("import rows: %w", err)
		}
		out = append(out, r)
	}
	return out, wrap(rows.Err(), "import rows")
}

// FirstImportRow returns the first row of a run with that kind and key
// (before seq when seq > 0), and whether there is one.
func (db *DB) FirstImportRow(ctx context.Context, runID int64, kind, key string, before int64) (ImportRow, bool, error) {
	if before <= 0 {
		before = 1<<62 - 1
	}
	var r ImportRow
	err := db.queryRow(ctx, `SELECT seq, rank, kind, key, file, line, entry, data FROM import_rows
		WHERE run_id = ? AND kind = ? AND key = ? AND seq < ? ORDER BY seq LIMIT 1`, runID, kind, key, before).
		Scan(&r.Seq, &r.Rank, &r.Kind, &r.Key, &r.File, &r.Line, &r.Entry, &r.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("import row %s %s: %w", kind, key, err)
	}
	return r, true, nil
}

// CountImportRows returns the number of rows staged for a run.
func (db *DB) CountImportRows(ctx context.Context, runID int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM import_rows WHERE run_id = ?`, runID).Scan(&n)
	return n, wrap(err, "count import rows")
}

// SetImportState records a run's state and report.
func (db *DB) SetImportState(ctx context.Context, runID int64, state, report string, now time.Time) error {
	err := db.InTx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `UPDATE import_runs SET state = ?, report = ?, updated_at = ? WHERE id = ?`, state, report, Micros(now), runID)
		return err
	})
	return wrap(err, "set import state")
}

// TouchImport tells other imports that this run, still staging or being
// checked, is alive.
func (db *DB) TouchImport(ctx context.Context, runID int64, now time.Time) error {
	err := db.InTx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `UPDATE import_runs SET updated_at = ? WHERE id = ?`, Micros(now), runID)
		return err
	})
	return wrap(err, "touch import")
}

// AdvanceImport moves a run's apply cursor, inside the transaction that
// applied the rows up to it, and keeps its report so far.
func (t *Tx) AdvanceImport(ctx context.Context, runID int64, rank int, seq int64, report string, now time.Time) error {
	_, err := t.exec(ctx, `UPDATE import_runs SET cursor_rank = ?, cursor_seq = ?, report = ?, updated_at = ? WHERE id = ?`,
		rank, seq, report, Micros(now), runID)
	return wrap(err, "advance import")
}

// FinishImport marks a run done with its report, inside the transaction
// that audits it.
func (t *Tx) FinishImport(ctx context.Context, runID int64, report string, now time.Time) error {
	_, err := t.exec(ctx, `UPDATE import_runs SET state = ?, report = ?, updated_at = ? WHERE id = ?`, ImportDone, report, Micros(now), runID)
	return wrap(err, "finish import")
}

// DropImportRows deletes a run's staged rows in bounded transactions.
func (db *DB) DropImportRows(ctx context.Context, runID int64) error {
	for {
		var n int64
		err := db.InTx(ctx, func(t *Tx) error {
			res, err := t.exec(ctx, `DELETE FROM import_rows WHERE run_id = ? AND seq IN
				(SELECT seq FROM import_rows WHERE run_id = ? ORDER BY seq LIMIT 250)`, runID, runID)
			if err != nil {
				return err
			}
			n, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return fmt.Errorf("drop import rows: %w", err)
		}
		if n == 0 {
			return nil
		}
	}
}

// DirectoryUser is a user with the fields only the import handles.
type DirectoryUser struct {
	bouclier.User
	ExternalID string // AAF joint key; "" for accounts not fed by the AAF
	Functions  string
	ClosedAt   int64 // unix µs when the directory closed the account; 0 if open
}

const directoryUserColumns = userColumns + `, COALESCE(u.external_id, ''), u.functions, u.closed_at`

// DirectoryUser returns a user by username or, with external set, by joint
// key, inside the transaction. ok is false when there is none.
func (t *Tx) DirectoryUser(ctx context.Context, key string, external bool) (DirectoryUser, bool, error) {
	where := `u.username = ?`
	if external {
		where = `u.external_id = ?`
	}
	return scanDirectoryUser(t.queryRow(ctx, `SELECT `+directoryUserColumns+` FROM users u WHERE `+where, key))
}

// DirectoryUser returns a user by username or joint key, outside any
// transaction.
func (db *DB) DirectoryUser(ctx context.Context, key string, external bool) (DirectoryUser, bool, error) {
	where := `u.username = ?`
	if external {
		where = `u.external_id = ?`
	}
	return scanDirectoryUser(db.queryRow(ctx, `SELECT `+directoryUserColumns+` FROM users u WHERE `+where, key))
}

func scanDirectoryUser(row *sql.Row) (DirectoryUser, bool, error) {
	var d DirectoryUser
	u, err := scanUser(row, &d.ExternalID, &d.Functions, &d.ClosedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("directory user: %w", err)
	}
	d.User = u
	return d, true, nil
}

// UsernameTaken reports whether a username is in use.
func (t *Tx) UsernameTaken(ctx context.Context, name string) (bool, error) {
	var n int
	err := t.queryRow(ctx, `SELECT COUNT(*) FROM users WHERE username = ?`, name).Scan(&n)
	return n > 0, wrap(err, "username taken")
}

// PutDirectoryUser creates (ID 0) or updates a user's directory fields,
// never its credentials. A new account must set a password before use.
// Reopening an account the directory closed clears its closure.
func (t *Tx) PutDirectoryUser(ctx context.Context, d DirectoryUser, now time.Time) (int64, error) {
	if d.ID == 0 {
		var id int64
		err := t.queryRow(ctx, `INSERT INTO users (username, display_name, role, academie_id, uai, class_code, email, must_reset, created_at, external_id, functions, search_key, civility)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?) RETURNING id`,
			d.Username, d.DisplayName, string(d.Role), nullString(d.Academie), nullString(d.UAI), nullString(d.Class), d.Email,
			Micros(now), nullString(d.ExternalID), d.Functions, SearchKey(d.Username, d.DisplayName), d.Civility).Scan(&id)
		if err != nil {
			return 0, fmt.Errorf("create user %s: %w", d.Username, err)
		}
		return id, nil
	}
	if d.Username == "" { // the search key needs the login the row keeps
		if err := t.queryRow(ctx, `SELECT username FROM users WHERE id = ?`, d.ID).Scan(&d.Username); err != nil {
			return 0, fmt.Errorf("update user %d: %w", d.ID, err)
		}
	}
	_, err := t.exec(ctx, `UPDATE users SET display_name = ?, role = ?, academie_id = ?, uai = ?, class_code = ?, email = ?,
			external_id = ?, functions = ?, search_key = ?, civility = ?,
			disabled = CASE WHEN closed_at <> 0 THEN 0 ELSE disabled END, closed_at = 0
		WHERE id = ?`,
		d.DisplayName, string(d.Role), nullString(d.Academie), nullString(d.UAI), nullString(d.Class), d.Email,
		nullString(d.ExternalID), d.Functions, SearchKey(d.Username, d.DisplayName), d.Civility, d.ID)
	if err != nil {
		return 0, fmt.Errorf("update user %s: %w", d.Username, err)
	}
	return d.ID, nil
}

// CloseUser closes an account the directory no longer lists: it can no
// longer sign in (its sessions end), leaves its class and its teachings,
// and keeps its messages for the retention period. It reports false if
// the account was already closed.
func (t *Tx) CloseUser(ctx context.Context, id int64, now time.Time) (bool, error) {
	res, err := t.exec(ctx, `UPDATE users SET disabled = 1, closed_at = ?, class_code = NULL WHERE id = ? AND closed_at = 0`, Micros(now), id)
	if err != nil {
		return false, fmt.Errorf("close user: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, wrap(err, "close user")
	}
	if _, err := t.exec(ctx, `DELETE FROM teachings WHERE teacher_id = ?`, id); err != nil {
		return false, fmt.Errorf("close user: %w", err)
	}
	if _, err := t.RevokeUserSessions(ctx, id, Micros(now), "left the directory"); err != nil {
		return false, fmt.Errorf("close user: %w", err)
	}
	return true, nil
}

// ImportedEstablishment is an establishment with its AAF joint key.
type ImportedEstablishment struct {
	bouclier.Establishment
	ExternalID string
}

// EstablishmentByExternalID returns the UAI of the establishment with that
// AAF joint key, or "" when none has it.
func (db *DB) EstablishmentByExternalID(ctx context.Context, ext string) (string, error) {
	var uai string
	err := db.queryRow(ctx, `SELECT uai FROM establishments WHERE external_id = ?`, ext).Scan(&uai)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return uai, wrap(err, "establishment by joint key")
}

// EstablishmentByExternalID returns, inside the transaction, the UAI of
// the establishment with that joint key, or "".
func (t *Tx) EstablishmentByExternalID(ctx context.Context, ext string) (string, error) {
	var uai string
	err := t.queryRow(ctx, `SELECT uai FROM establishments WHERE external_id = ?`, ext).Scan(&uai)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return uai, wrap(err, "establishment by joint key")
}

// PutEstablishment creates or updates an establishment and reports
// whether it was added or modified. An empty ExternalID keeps the one
// stored.
func (t *Tx) PutEstablishment(ctx context.Context, e ImportedEstablishment) (added, modified bool, err error) {
	var name, aca, ext string
	err = t.queryRow(ctx, `SELECT name, academie_id, COALESCE(external_id, '') FROM establishments WHERE uai = ?`, e.UAI).Scan(&name, &aca, &ext)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = t.exec(ctx, `INSERT INTO establishments (uai, name, academie_id, external_id) VALUES (?, ?, ?, ?)`,
			e.UAI, e.Name, e.Academie, nullString(e.ExternalID))
		return err == nil, false, wrap(err, "add establishment "+e.UAI)
	case err != nil:
		return false, false, fmt.Errorf("establishment %s: %w", e.UAI, err)
	}
	if e.ExternalID == "" {
		e.ExternalID = ext
	}
	if name == e.Name && aca == e.Academie && ext == e.ExternalID {
		return false, false, nil
	}
	_, err = t.exec(ctx, `UPDATE establishments SET name = ?, academie_id = ?, external_id = ? WHERE uai = ?`,
		e.Name, e.Academie, nullString(e.ExternalID), e.UAI)
	return false, err == nil, wrap(err, "update establishment "+e.UAI)
}

// PutAcademie creates or updates an académie and reports what it did.
func (t *Tx) PutAcademie(ctx context.Context, a bouclier.Academie) (added, modified bool, err error) {
	var name, tz string
	err = t.queryRow(ctx, `SELECT name, time_zone FROM academies WHERE id = ?`, a.ID).Scan(&name, &tz)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return true, false, t.UpsertAcademie(ctx, a)
	case err != nil:
		return false, false, fmt.Errorf("académie %s: %w", a.ID, err)
	case name == a.Name && tz == a.TimeZone:
		return false, false, nil
	}
	return false, true, t.UpsertAcademie(ctx, a)
}

// EnsureClass creates a class if missing and reports whether it did.
func (t *Tx) EnsureClass(ctx context.Context, uai, code string) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO classes (uai, code) VALUES (?, ?) ON CONFLICT (uai, code) DO NOTHING`, uai, code)
	if err != nil {
		return false, fmt.Errorf("class %s/%s: %w", uai, code, err)
	}
	n, err := res.RowsAffected()
	return n > 0, wrap(err, "class")
}

// AcademieExists reports whether an académie exists.
func (db *DB) AcademieExists(ctx context.Context, id string) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM academies WHERE id = ?`, id).Scan(&n)
	return n > 0, wrap(err, "académie exists")
}

// EstablishmentAcademie returns the académie of an establishment, or ""
// when the establishment does not exist.
func (db *DB) EstablishmentAcademie(ctx context.Context, uai string) (string, error) {
	var a string
	err := db.queryRow(ctx, `SELECT academie_id FROM establishments WHERE uai = ?`, uai).Scan(&a)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return a, wrap(err, "establishment académie")
}

// EstablishmentAcademie is the same inside a transaction.
func (t *Tx) EstablishmentAcademie(ctx context.Context, uai string) (string, error) {
	var a string
	err := t.queryRow(ctx, `SELECT academie_id FROM establishments WHERE uai = ?`, uai).Scan(&a)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return a, wrap(err, "establishment académie")
}

// AddParentLink links a parent to a child and reports whether the link is
// new.
func (t *Tx) AddParentLink(ctx context.Context, parentID, childID int64) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO parent_links (parent_id, child_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, parentID, childID)
	if err != nil {
		return false, fmt.Errorf("link parent: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, wrap(err, "link parent")
}

// ChildParents returns the ids of a child's parents.
func (t *Tx) ChildParents(ctx context.Context, childID int64) ([]int64, error) {
	rows, err := t.tx.QueryContext(ctx, t.db.q(`SELECT parent_id FROM parent_links WHERE child_id = ? ORDER BY parent_id`), childID)
	if err != nil {
		return nil, fmt.Errorf("child parents: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("child parents: %w", err)
		}
		out = append(out, id)
	}
	return out, wrap(rows.Err(), "child parents")
}

// RemoveParentLink removes one parent link.
func (t *Tx) RemoveParentLink(ctx context.Context, parentID, childID int64) error {
	_, err := t.exec(ctx, `DELETE FROM parent_links WHERE parent_id = ? AND child_id = ?`, parentID, childID)
	return wrap(err, "unlink parent")
}

// TeachingAssignment is one class a teacher teaches, with the subjects.
type TeachingAssignment struct {
	UAI, Class string
	Subjects   string // comma-separated, sorted
}

// TeacherAssignments lists a teacher's classes with their subjects.
func (t *Tx) TeacherAssignments(ctx context.Context, teacherID int64) ([]TeachingAssignment, error) {
	rows, err := t.tx.QueryContext(ctx, t.db.q(`SELECT uai, class_code, subjects FROM teachings WHERE teacher_id = ? ORDER BY uai, class_code`), teacherID)
	if err != nil {
		return nil, fmt.Errorf("teacher assignments: %w", err)
	}
	defer rows.Close()
	var out []TeachingAssignment
	for rows.Next() {
		var a TeachingAssignment
		if err := rows.Scan(&a.UAI, &a.Class, &a.Subjects); err != nil {
			return nil, fmt.Errorf("teacher assignments: %w", err)
		}
		out = append(out, a)
	}
	return out, wrap(rows.Err(), "teacher assignments")
}

// PutTeaching records that a teacher teaches a class (with subjects, when
// given) and reports whether it added or changed anything.
func (t *Tx) PutTeaching(ctx context.Context, teacherID int64, a TeachingAssignment) (bool, error) {
	var subjects string
	err := t.queryRow(ctx, `SELECT subjects FROM teachings WHERE teacher_id = ? AND uai = ? AND class_code = ?`, teacherID, a.UAI, a.Class).Scan(&subjects)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = t.exec(ctx, `INSERT INTO teachings (teacher_id, uai, class_code, subjects) VALUES (?, ?, ?, ?)`, teacherID, a.UAI, a.Class, a.Subjects)
		return err == nil, wrap(err, "add teaching")
	case err != nil:
		return false, fmt.Errorf("teaching: %w", err)
	case subjects == a.Subjects || a.Subjects == "":
		return false, nil
	}
	_, err = t.exec(ctx, `UPDATE teachings SET subjects = ? WHERE teacher_id = ? AND uai = ? AND class_code = ?`, a.Subjects, teacherID, a.UAI, a.Class)
	return err == nil, wrap(err, "update teaching")
}

// RemoveTeaching removes one of a teacher's classes.
func (t *Tx) RemoveTeaching(ctx context.Context, teacherID int64, uai, class string) error {
	_, err := t.exec(ctx, `DELETE FROM teachings WHERE teacher_id = ? AND uai = ? AND class_code = ?`, teacherID, uai, class)
	return wrap(err, "remove teaching")
}

// TeacherSubjects lists the subjects of a teacher's classes, "UAI/CLASS:SUBJECTS".
func (db *DB) TeacherSubjects(ctx context.Context, teacherID int64) ([]string, error) {
	out, err := db.strings(ctx, `SELECT uai || '/' || class_code || ':' || subjects FROM teachings WHERE teacher_id = ? ORDER BY uai, class_code`, teacherID)
	return out, wrap(err, "teacher subjects")
}

// Checkpoint copies SQLite's write-ahead log into the database file from a
// read connection, without waiting for readers or writers (PASSIVE). A
// long import calls it between its transactions, so that the log it grows
// is not copied by an automatic checkpoint inside some later commit, a live
// send's, holding the writer meanwhile. It does nothing on PostgreSQL.
func (db *DB) Checkpoint(ctx context.Context) error {
	if db.dialect != SQLite {
		return nil
	}
	_, err := db.read.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	return wrap(err, "checkpoint")
}
