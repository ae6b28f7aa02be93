package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/bouclier/bouclier"
)

// UpsertAcademie creates or updates an académie.
func (t *Tx) UpsertAcademie(ctx context.Context, a bouclier.Academie) error {
	_, err := t.exec(ctx, `INSERT INTO academies (id, name, time_zone) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone`,
		a.ID, a.Name, a.TimeZone)
	if err != nil {
		return fmt.Errorf("upsert académie %s: %w", a.ID, err)
	}
	return nil
}

// UpsertEstablishment creates or updates an establishment.
func (t *Tx) UpsertEstablishment(ctx context.Context, e bouclier.Establishment) error {
	_, err := t.exec(ctx, `INSERT INTO establishments (uai, name, academie_id) VALUES (?, ?, ?)
		ON CONFLICT (uai) DO UPDATE SET name = excluded.name, academie_id = excluded.academie_id`,
		e.UAI, e.Name, e.Academie)
	if err != nil {
		return fmt.Errorf("upsert establishment %s: %w", e.UAI, err)
	}
	return nil
}

// UpsertClass creates a class if it does not exist.
func (t *Tx) UpsertClass(ctx context.Context, uai, code string) error {
	_, err := t.exec(ctx, `INSERT INTO classes (uai, code) VALUES (?, ?) ON CONFLICT (uai, code) DO NOTHING`, uai, code)
	if err != nil {
		return fmt.Errorf("upsert class %s/%s: %w", uai, code, err)
	}
	return nil
}

// UpsertUser creates a user or updates the directory fields of an existing
// one (never its credentials), and returns its id.
func (t *Tx) UpsertUser(ctx context.Context, u bouclier.User, passwordHash string, now time.Time) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `INSERT INTO users (username, display_name, role, academie_id, uai, class_code, email, password_hash, must_reset, created_at, search_key, civility)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
			academie_id = excluded.academie_id, uai = excluded.uai, class_code = excluded.class_code, email = excluded.email,
			search_key = excluded.search_key, civility = excluded.civility
		RETURNING id`,
		u.Username, u.DisplayName, string(u.Role), nullString(u.Academie), nullString(u.UAI), nullString(u.Class), u.Email,
		passwordHash, boolInt(u.MustReset), Micros(now), SearchKey(u.Username, u.DisplayName), u.Civility).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("upsert user %s: %w", u.Username, err)
	}
	return id, nil
}

// SetTOTPSecret stores a user's TOTP secret, sealed when the store has a
// Sealer (SetSealer), and clears the record of the last code used.
func (t *Tx) SetTOTPSecret(ctx context.Context, userID int64, secret string) error {
	sealed, err := t.db.sealSecret(secret)
	if err != nil {
		return fmt.Errorf("set totp secret: %w", err)
	}
	_, err = t.exec(ctx, `UPDATE users SET totp_secret = ?, totp_last = 0 WHERE id = ?`, sealed, userID)
	return wrap(err, "set totp secret")
}

// HasTOTP reports whether a user has a TOTP secret, without reading or
// opening it: the send guard asks on every send. A sealed secret with no
// Sealer configured is an error, as for UserCredentials. Served from
// memory like SessionUser (authcache.go).
func (db *DB) HasTOTP(ctx context.Context, userID int64) (bool, error) {
	if has, ok := db.auth.hasTOTP(userID); ok {
		return has, nil
	}
	gen := db.auth.gen.Load()
	var has, sealed bool
	err := db.queryRow(ctx, `SELECT totp_secret <> '', totp_secret LIKE '`+SealedPrefix+`%' FROM users WHERE id = ?`, userID).Scan(&has, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNotFound
	}
	if err != nil {
		return false, fmt.Errorf("has totp: %w", err)
	}
	if sealed && db.sealer == nil {
		return false, errors.New("has totp: sealed secret but no key configured")
	}
	db.auth.putTOTP(gen, userID, has)
	return has, nil
}

// SetPasswordHash replaces a user's password hash.
func (t *Tx) SetPasswordHash(ctx context.Context, userID int64, hash string) error {
	_, err := t.exec(ctx, `UPDATE users SET password_hash = ?, must_reset = 0 WHERE id = ?`, hash, userID)
	return wrap(err, "set password")
}

// UseTOTPStep records the last TOTP time step accepted for a user, so each
// code is usable once. It reports false if step is not newer than the last.
func (t *Tx) UseTOTPStep(ctx context.Context, userID, step int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE users SET totp_last = ? WHERE id = ? AND totp_last < ?`, step, userID, step)
	if err != nil {
		return false, fmt.Errorf("use totp step: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// LinkParent links a parent to a child.
func (t *Tx) LinkParent(ctx context.Context, parentID, childID int64) error {
	_, err := t.exec(ctx, `INSERT INTO parent_links (parent_id, child_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, parentID, childID)
	return wrap(err, "link parent")
}

// AddTeaching records that a teacher teaches a class.
func (t *Tx) AddTeaching(ctx context.Context, teacherID int64, uai, class string) error {
	_, err := t.exec(ctx, `INSERT INTO teachings (teacher_id, uai, class_code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, teacherID, uai, class)
	return wrap(err, "add teaching")
}

// UserIDByName returns the id of a username inside a transaction.
func (t *Tx) UserIDByName(ctx context.Context, username string) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `SELECT id FROM users WHERE username = ?`, username).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, wrap(err, "user id")
}

// ReachRule is one row of who may write to whom.
type ReachRule struct {
	SenderRole  bouclier.Role
	Target      string
	Description string
}

// PutReachRule stores a reach rule.
func (t *Tx) PutReachRule(ctx context.Context, r ReachRule) error {
	_, err := t.exec(ctx, `INSERT INTO reach_rules (sender_role, target, description) VALUES (?, ?, ?)
		ON CONFLICT (sender_role, target) DO UPDATE SET description = excluded.description`,
		string(r.SenderRole), r.Target, r.Description)
	return wrap(err, "put reach rule")
}

// ReachRules lists the stored reach rules.
func (db *DB) ReachRules(ctx context.Context) ([]ReachRule, error) {
	rows, err := db.query(ctx, `SELECT sender_role, target, description FROM reach_rules ORDER BY sender_role, target`)
	if err != nil {
		return nil, fmt.Errorf("reach rules: %w", err)
	}
	defer rows.Close()
	var out []ReachRule
	for rows.Next() {
		var r ReachRule
		var role string
		if err := rows.Scan(&role, &r.Target, &r.Description); err != nil {
			return nil, fmt.Errorf("reach rules: %w", err)
		}
		r.SenderRole = bouclier.Role(role)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Academies lists the académies.
func (db *DB) Academies(ctx context.Context) ([]bouclier.Academie, error) {
	rows, err := db.query(ctx, `SELECT id, name, time_zone FROM academies ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("academies: %w", err)
	}
	defer rows.Close()
	var out []bouclier.Academie
	for rows.Next() {
		var a bouclier.Academie
		if err := rows.Scan(&a.ID, &a.Name, &a.TimeZone); err != nil {
			return nil, fmt.Errorf("academies: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Establishment returns one establishment.
func (db *DB) Establishment(ctx context.Context, uai string) (bouclier.Establishment, error) {
	var e bouclier.Establishment
	err := db.queryRow(ctx, `SELECT uai, name, academie_id FROM establishments WHERE uai = ?`, uai).Scan(&e.UAI, &e.Name, &e.Academie)
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	return e, wrap(err, "establishment")
}

// Establishments lists establishments, optionally of one académie.
func (db *DB) Establishments(ctx context.Context, academie string) ([]bouclier.Establishment, error) {
	rows, err := db.query(ctx, `SELECT uai, name, academie_id FROM establishments WHERE ? = '' OR academie_id = ? ORDER BY uai`, academie, academie)
	if err != nil {
		return nil, fmt.Errorf("establishments: %w", err)
	}
	defer rows.Close()
	var out []bouclier.Establishment
	for rows.Next() {
		var e bouclier.Establishment
		if err := rows.Scan(&e.UAI, &e.Name, &e.Academie); err != nil {
			return nil, fmt.Errorf("establishments: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Classes lists the class codes of an establishment.
func (db *DB) Classes(ctx context.Context, uai string) ([]string, error) {
	return db.strings(ctx, `SELECT code FROM classes WHERE uai = ? ORDER BY code`, uai)
}

// ClassExists reports whether a class exists.
func (db *DB) ClassExists(ctx context.Context, uai, class string) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM classes WHERE uai = ? AND code = ?`, uai, class).Scan(&n)
	return n > 0, wrap(err, "class exists")
}

const userColumns = `u.id, u.username, u.display_name, u.role, COALESCE(u.academie_id, ''), COALESCE(u.uai, ''), COALESCE(u.class_code, ''), u.email, u.read_only, u.must_reset, u.disabled, u.civility`

// scanUser reads the userColumns of a row, then its columns after them
// into extra.
func scanUser(s interface{ Scan(...any) error }, extra ...any) (bouclier.User, error) {
	var u bouclier.User
	var role string
	var ro, mr, dis int
	err := s.Scan(append([]any{&u.ID, &u.Username, &u.DisplayName, &role, &u.Academie, &u.UAI, &u.Class, &u.Email, &ro, &mr, &dis, &u.Civility}, extra...)...)
	u.Role, u.ReadOnly, u.MustReset, u.Disabled = bouclier.Role(role), ro != 0, mr != 0, dis != 0
	return u, err
}

// UserByName returns a user by username.
func (db *DB) UserByName(ctx context.Context, username string) (bouclier.User, error) {
	return db.oneUser(ctx, `SELECT `+userColumns+` FROM users u WHERE u.username = ?`, username)
}

// UserByID returns a user by id.
func (db *DB) UserByID(ctx context.Context, id int64) (bouclier.User, error) {
	return db.oneUser(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id)
}

func (db *DB) oneUser(ctx context.Context, query string, arg any) (bouclier.User, error) {
	u, err := scanUser(db.queryRow(ctx, query, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("user: %w", err)
	}
	return u, nil
}

// Credentials are the secrets of an account, kept apart from User so that
// they are never passed around by accident.
type Credentials struct {
	PasswordHash string
	TOTPSecret   string // opened; "" when none
	TOTPLegacy   bool   // the secret was stored in clear and should be sealed
}

// String redacts the secrets if Credentials ever reach a log.
func (Credentials) String() string { return "Credentials{REDACTED}" }

// UserCredentials returns a user's password hash and TOTP secret.
func (db *DB) UserCredentials(ctx context.Context, id int64) (Credentials, error) {
	var c Credentials
	err := db.queryRow(ctx, `SELECT password_hash, totp_secret FROM users WHERE id = ?`, id).Scan(&c.PasswordHash, &c.TOTPSecret)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("credentials: %w", err)
	}
	c.TOTPSecret, c.TOTPLegacy, err = db.openSecret(c.TOTPSecret)
	return c, wrap(err, "credentials")
}

func (db *DB) users(ctx context.Context, query string, args ...any) ([]bouclier.User, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	defer rows.Close()
	var out []bouclier.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Users lists users, optionally of one establishment, by username.
func (db *DB) Users(ctx context.Context, uai string) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE ? = '' OR u.uai = ? ORDER BY u.username`, uai, uai)
}

// ClassStudents lists the students of a class.
func (db *DB) ClassStudents(ctx context.Context, uai, class string) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE u.uai = ? AND u.class_code = ? AND u.role = 'student' AND u.disabled = 0 ORDER BY u.username`, uai, class)
}

// ClassParents lists the parents of the students of a class.
func (db *DB) ClassParents(ctx context.Context, uai, class string) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT DISTINCT `+userColumns+` FROM users u
		JOIN parent_links pl ON pl.parent_id = u.id
		JOIN users c ON c.id = pl.child_id
		WHERE c.uai = ? AND c.class_code = ? AND c.role = 'student' AND u.disabled = 0 ORDER BY u.username`, uai, class)
}

// ClassTeachers lists the teachers of a class.
func (db *DB) ClassTeachers(ctx context.Context, uai, class string) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u
		JOIN teachings t ON t.teacher_id = u.id
		WHERE t.uai = ? AND t.class_code = ? AND u.disabled = 0 ORDER BY u.username`, uai, class)
}

// EstablishmentStaff lists the staff and head of an establishment.
func (db *DB) EstablishmentStaff(ctx context.Context, uai string) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE u.uai = ? AND u.role IN ('staff', 'head') AND u.disabled = 0 ORDER BY u.username`, uai)
}

// TeacherClasses lists the classes a teacher teaches, as "UAI/CLASS".
func (db *DB) TeacherClasses(ctx context.Context, teacherID int64) ([]string, error) {
	return db.strings(ctx, `SELECT uai || '/' || class_code FROM teachings WHERE teacher_id = ? ORDER BY uai, class_code`, teacherID)
}

// Children lists a parent's children.
func (db *DB) Children(ctx context.Context, parentID int64) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u JOIN parent_links pl ON pl.child_id = u.id WHERE pl.parent_id = ? ORDER BY u.username`, parentID)
}

// Parents lists a student's parents.
func (db *DB) Parents(ctx context.Context, childID int64) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u JOIN parent_links pl ON pl.parent_id = u.id WHERE pl.child_id = ? ORDER BY u.username`, childID)
}

// CountUsers returns the number of users.
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, wrap(err, "count users")
}

func (db *DB) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Admins lists the national administrators and the administrators of an académie.
func (db *DB) Admins(ctx context.Context, academie string) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE u.disabled = 0 AND (u.role = 'national_admin' OR (u.role = 'academy_admin' AND u.academie_id = ?)) ORDER BY u.username`, academie)
}

// DirectoryVersion returns the counter that every change of people,
// classes, teachings or parent links moves (in the changing transaction,
// by triggers): what was read of the directory after a version was read
// is current as long as the version has not moved.
func (db *DB) DirectoryVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.queryRow(ctx, `SELECT version FROM directory_version WHERE id = 1`).Scan(&v)
	return v, wrap(err, "directory version")
}
