package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/bouclier/bouclier"
)

// Sealer encrypts secrets that must be read back (TOTP secrets, WebAuthn
// records) before they are written to the database. Sealed values start
// with SealedPrefix; anything else is a legacy value stored in clear.
type Sealer interface {
	Seal(plain []byte) (string, error)
	Open(sealed string) ([]byte, error)
}

// SealedPrefix starts every sealed value.
const SealedPrefix = "sealed:"

// SetSealer makes the store seal TOTP secrets as they are written and open
// them as they are read. Call it once, before the store is shared.
func (db *DB) SetSealer(s Sealer) { db.sealer = s }

func (db *DB) sealSecret(s string) (string, error) {
	if s == "" || db.sealer == nil || strings.HasPrefix(s, SealedPrefix) {
		return s, nil
	}
	return db.sealer.Seal([]byte(s))
}

// openSecret opens a sealed value; a value stored in clear is returned as
// is with legacy set, for the caller to seal it again.
func (db *DB) openSecret(s string) (plain string, legacy bool, err error) {
	if s == "" {
		return "", false, nil
	}
	if !strings.HasPrefix(s, SealedPrefix) {
		return s, true, nil
	}
	if db.sealer == nil {
		return "", false, errors.New("sealed secret but no key configured")
	}
	b, err := db.sealer.Open(s)
	if err != nil {
		return "", false, err
	}
	return string(b), false, nil
}

// AccountSecurity is an account's security state. The zero value (no row)
// is an account in good standing.
type AccountSecurity struct {
	UserID         int64
	LockedUntil    int64 // unix microseconds; 0: not locked
	LockReason     string
	MustEnrol      bool // must enrol a second factor before sending
	MustAck        bool // must acknowledge the security instructions
	ProbationUntil int64
	ActivatedAt    int64
}

const accountSecurityColumns = `user_id, locked_until, lock_reason, must_enrol, must_ack, probation_until, activated_at`

func scanAccountSecurity(r interface{ Scan(...any) error }, a *AccountSecurity) error {
	var me, ma int
	err := r.Scan(&a.UserID, &a.LockedUntil, &a.LockReason, &me, &ma, &a.ProbationUntil, &a.ActivatedAt)
	a.MustEnrol, a.MustAck = me != 0, ma != 0
	return err
}

// AccountSecurity returns a user's security state, the zero state if none.
//
// Served from memory like SessionUser (authcache.go).
func (db *DB) AccountSecurity(ctx context.Context, userID int64) (AccountSecurity, error) {
	if a, ok := db.auth.accountSecurity(userID); ok {
		return a, nil
	}
	gen := db.auth.gen.Load()
	a := AccountSecurity{UserID: userID}
	err := scanAccountSecurity(db.queryRow(ctx, `SELECT `+accountSecurityColumns+` FROM account_security WHERE user_id = ?`, userID), &a)
	if errors.Is(err, sql.ErrNoRows) {
		a, err = AccountSecurity{UserID: userID}, nil
	}
	if err != nil {
		return a, wrap(err, "account security")
	}
	db.auth.putAccountSecurity(gen, a)
	return a, nil
}

// AccountSecurity returns a user's security state inside a transaction.
func (t *Tx) AccountSecurity(ctx context.Context, userID int64) (AccountSecurity, error) {
	a := AccountSecurity{UserID: userID}
	err := scanAccountSecurity(t.queryRow(ctx, `SELECT `+accountSecurityColumns+` FROM account_security WHERE user_id = ?`, userID), &a)
	if errors.Is(err, sql.ErrNoRows) {
		return AccountSecurity{UserID: userID}, nil
	}
	return a, wrap(err, "account security")
}

// PutAccountSecurity stores a user's whole security state.
func (t *Tx) PutAccountSecurity(ctx context.Context, a AccountSecurity) error {
	_, err := t.exec(ctx, `INSERT INTO account_security (`+accountSecurityColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET locked_until = excluded.locked_until, lock_reason = excluded.lock_reason,
			must_enrol = excluded.must_enrol, must_ack = excluded.must_ack, probation_until = excluded.probation_until,
			activated_at = excluded.activated_at`,
		a.UserID, a.LockedUntil, a.LockReason, boolInt(a.MustEnrol), boolInt(a.MustAck), a.ProbationUntil, a.ActivatedAt)
	return wrap(err, "put account security")
}

// Throttle is one login-throttling counter.
type Throttle struct {
	Failures     int
	WindowStart  int64
	BlockedUntil int64
}

// Throttles returns the counters of keys that exist.
func (db *DB) Throttles(ctx context.Context, keys ...string) (map[string]Throttle, error) {
	out := make(map[string]Throttle, len(keys))
	for _, k := range keys {
		var th Throttle
		err := db.queryRow(ctx, `SELECT failures, window_start, blocked_until FROM login_throttle WHERE key = ?`, k).
			Scan(&th.Failures, &th.WindowStart, &th.BlockedUntil)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("throttle: %w", err)
		}
		out[k] = th
	}
	return out, nil
}

// FailThrottle counts one failure on key atomically, starting a new window
// when the current one began before windowFloor, and returns the counter.
func (t *Tx) FailThrottle(ctx context.Context, key string, now, windowFloor int64) (Throttle, error) {
	var th Throttle
	err := t.queryRow(ctx, `INSERT INTO login_throttle (key, failures, window_start, blocked_until) VALUES (?, 1, ?, 0)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN login_throttle.window_start < ? THEN 1 ELSE login_throttle.failures + 1 END,
			window_start = CASE WHEN login_throttle.window_start < ? THEN excluded.window_start ELSE login_throttle.window_start END
		RETURNING failures, window_start, blocked_until`, key, now, windowFloor, windowFloor).
		Scan(&th.Failures, &th.WindowStart, &th.BlockedUntil)
	return th, wrap(err, "fail throttle")
}

// BlockThrottle blocks key until the given instant (never shortening a block).
func (t *Tx) BlockThrottle(ctx context.Context, key string, until int64) error {
	_, err := t.exec(ctx, `UPDATE login_throttle SET blocked_until = ? WHERE key = ? AND blocked_until < ?`, until, key, until)
	return wrap(err, "block throttle")
}

// DeleteThrottles removes counters.
func (t *Tx) DeleteThrottles(ctx context.Context, keys ...string) error {
	for _, k := range keys {
		if _, err := t.exec(ctx, `DELETE FROM login_throttle WHERE key = ?`, k); err != nil {
			return fmt.Errorf("delete throttle: %w", err)
		}
	}
	return nil
}

// AddLoginFailure records a failure for the stuffing detector.
func (t *Tx) AddLoginFailure(ctx context.Context, at int64, addrKey, nameKey string) error {
	_, err := t.exec(ctx, `INSERT INTO login_failures (at, addr_key, name_key) VALUES (?, ?, ?)`, at, addrKey, nameKey)
	return wrap(err, "add login failure")
}

// PruneLoginFailures forgets failures older than before, and throttling
// counters idle since then.
func (t *Tx) PruneLoginFailures(ctx context.Context, before int64) error {
	if _, err := t.exec(ctx, `DELETE FROM login_failures WHERE at < ?`, before); err != nil {
		return fmt.Errorf("prune login failures: %w", err)
	}
	_, err := t.exec(ctx, `DELETE FROM login_throttle WHERE window_start < ? AND blocked_until < ?`, before, before)
	return wrap(err, "prune throttles")
}

// FailureStats counts recent failures: from one network (and the distinct
// names it tried) and everywhere (and the distinct names tried).
func (db *DB) FailureStats(ctx context.Context, addrKey string, since int64) (addrFails, addrNames, allFails, allNames int, err error) {
	err = db.queryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT name_key) FROM login_failures WHERE addr_key = ? AND at >= ?`, addrKey, since).
		Scan(&addrFails, &addrNames)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("failure stats: %w", err)
	}
	err = db.queryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT name_key) FROM login_failures WHERE at >= ?`, since).Scan(&allFails, &allNames)
	return addrFails, addrNames, allFails, allNames, wrap(err, "failure stats")
}

// SetTOTPPending stores a sealed TOTP secret awaiting its first code.
func (t *Tx) SetTOTPPending(ctx context.Context, userID int64, sealed string, at int64) error {
	_, err := t.exec(ctx, `INSERT INTO totp_pending (user_id, sealed, created_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET sealed = excluded.sealed, created_at = excluded.created_at`, userID, sealed, at)
	return wrap(err, "set totp pending")
}

// TOTPPending returns a user's pending sealed TOTP secret.
func (t *Tx) TOTPPending(ctx context.Context, userID int64) (sealed string, at int64, err error) {
	err = t.queryRow(ctx, `SELECT sealed, created_at FROM totp_pending WHERE user_id = ?`, userID).Scan(&sealed, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, ErrNotFound
	}
	return sealed, at, wrap(err, "totp pending")
}

// ClearTOTP removes a user's TOTP secret, active and pending.
func (t *Tx) ClearTOTP(ctx context.Context, userID int64) error {
	if _, err := t.exec(ctx, `UPDATE users SET totp_secret = '', totp_last = 0 WHERE id = ?`, userID); err != nil {
		return fmt.Errorf("clear totp: %w", err)
	}
	_, err := t.exec(ctx, `DELETE FROM totp_pending WHERE user_id = ?`, userID)
	return wrap(err, "clear totp")
}

// WebAuthnCredential is a stored passkey; Sealed holds the library's
// credential record, encrypted.
type WebAuthnCredential struct {
	ID        []byte
	UserID    int64
	Name      string
	Sealed    string
	CreatedAt int64
	LastUsed  int64
}

// PutWebAuthnCredential stores a new passkey.
func (t *Tx) PutWebAuthnCredential(ctx context.Context, c WebAuthnCredential) error {
	_, err := t.exec(ctx, `INSERT INTO webauthn_credentials (id, user_id, name, sealed, created_at, last_used) VALUES (?, ?, ?, ?, ?, ?)`,
		c.ID, c.UserID, c.Name, c.Sealed, c.CreatedAt, c.LastUsed)
	return wrap(err, "put webauthn credential")
}

// UpdateWebAuthnCredential stores a passkey's record after a use.
func (t *Tx) UpdateWebAuthnCredential(ctx context.Context, userID int64, id []byte, sealed string, lastUsed int64) error {
	_, err := t.exec(ctx, `UPDATE webauthn_credentials SET sealed = ?, last_used = ? WHERE id = ? AND user_id = ?`, sealed, lastUsed, id, userID)
	return wrap(err, "update webauthn credential")
}

// WebAuthnCredentials lists a user's passkeys, oldest first.
func (db *DB) WebAuthnCredentials(ctx context.Context, userID int64) ([]WebAuthnCredential, error) {
	rows, err := db.query(ctx, `SELECT id, user_id, name, sealed, created_at, last_used FROM webauthn_credentials WHERE user_id = ? ORDER BY created_at, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("webauthn credentials: %w", err)
	}
	defer rows.Close()
	var out []WebAuthnCredential
	for rows.Next() {
		var c WebAuthnCredential
		if err := rows.Scan(&c.ID, &c.UserID, &c.Name, &c.Sealed, &c.CreatedAt, &c.LastUsed); err != nil {
			return nil, fmt.Errorf("webauthn credentials: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteWebAuthnCredential removes one of a user's passkeys and reports
// whether it existed.
func (t *Tx) DeleteWebAuthnCredential(ctx context.Context, userID int64, id []byte) (bool, error) {
	res, err := t.exec(ctx, `DELETE FROM webauthn_credentials WHERE id = ? AND user_id = ?`, id, userID)
	if err != nil {
		return false, fmt.Errorf("delete webauthn credential: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// WebAuthnHandle returns a user's WebAuthn user handle, storing newHandle
// as it when the user has none yet.
func (t *Tx) WebAuthnHandle(ctx context.Context, userID int64, newHandle []byte) ([]byte, error) {
	if _, err := t.exec(ctx, `INSERT INTO webauthn_handles (user_id, handle) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING`, userID, newHandle); err != nil {
		return nil, fmt.Errorf("webauthn handle: %w", err)
	}
	var h []byte
	err := t.queryRow(ctx, `SELECT handle FROM webauthn_handles WHERE user_id = ?`, userID).Scan(&h)
	return h, wrap(err, "webauthn handle")
}

// PutChallenge stores a WebAuthn ceremony in progress.
func (t *Tx) PutChallenge(ctx context.Context, id string, userID int64, kind, data string, expires int64) error {
	_, err := t.exec(ctx, `INSERT INTO webauthn_challenges (id, user_id, kind, data, expires_at) VALUES (?, ?, ?, ?, ?)`, id, userID, kind, data, expires)
	return wrap(err, "put challenge")
}

// TakeChallenge removes and returns a ceremony of the given kind; each is
// usable once. Expired ones are pruned on the way.
func (t *Tx) TakeChallenge(ctx context.Context, id, kind string, now int64) (userID int64, data string, err error) {
	if _, err := t.exec(ctx, `DELETE FROM webauthn_challenges WHERE expires_at < ?`, now); err != nil {
		return 0, "", fmt.Errorf("prune challenges: %w", err)
	}
	err = t.queryRow(ctx, `DELETE FROM webauthn_challenges WHERE id = ? AND kind = ? RETURNING user_id, data`, id, kind).Scan(&userID, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", ErrNotFound
	}
	return userID, data, wrap(err, "take challenge")
}

// ReplaceRecoveryCodes replaces a user's recovery codes by new hashes.
func (t *Tx) ReplaceRecoveryCodes(ctx context.Context, userID int64, hashes [][]byte, at int64) error {
	if _, err := t.exec(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("replace recovery codes: %w", err)
	}
	for _, h := range hashes {
		if _, err := t.exec(ctx, `INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)`, userID, h, at); err != nil {
			return fmt.Errorf("replace recovery codes: %w", err)
		}
	}
	return nil
}

// UseRecoveryCode marks an unused code as used and reports whether it was.
func (t *Tx) UseRecoveryCode(ctx context.Context, userID int64, hash []byte, at int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at = 0`, at, userID, hash)
	if err != nil {
		return false, fmt.Errorf("use recovery code: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// RecoveryCodesLeft counts a user's unused recovery codes.
func (db *DB) RecoveryCodesLeft(ctx context.Context, userID int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at = 0`, userID).Scan(&n)
	return n, wrap(err, "recovery codes")
}

// PutKnownDevice records (or refreshes) a browser an account logged in from.
func (t *Tx) PutKnownDevice(ctx context.Context, userID int64, tokenHash []byte, network, uaFamily string, at int64) error {
	_, err := t.exec(ctx, `INSERT INTO known_devices (user_id, token_hash, network, ua_family, created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id, token_hash) DO UPDATE SET network = excluded.network, ua_family = excluded.ua_family, last_seen = excluded.last_seen`,
		userID, tokenHash, network, uaFamily, at, at)
	return wrap(err, "put known device")
}

// IsKnownDevice reports whether tokenHash names one of the user's devices.
func (db *DB) IsKnownDevice(ctx context.Context, userID int64, tokenHash []byte) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM known_devices WHERE user_id = ? AND token_hash = ?`, userID, tokenHash).Scan(&n)
	return n > 0, wrap(err, "known device")
}

// CountKnownDevices counts the devices a user has logged in from.
func (db *DB) CountKnownDevices(ctx context.Context, userID int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM known_devices WHERE user_id = ?`, userID).Scan(&n)
	return n, wrap(err, "known devices")
}

// Notice is a security notice shown to a user.
type Notice struct {
	ID          int64
	UserID      int64
	Kind        string // "new_device", "session_moved", "password_changed", "factor_changed", "locked"…
	Message     string
	Source      string
	UserAgent   string
	CreatedAt   int64
	ReadAt      int64
	ActedAt     int64
	EmailStatus string // "pending" for the alert worker, "" when there is no address
}

// InsertNotice stores a notice and returns its id.
func (t *Tx) InsertNotice(ctx context.Context, n Notice) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `INSERT INTO notices (user_id, kind, message, source, user_agent, created_at, email_status)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, n.UserID, n.Kind, n.Message, n.Source, n.UserAgent, n.CreatedAt, n.EmailStatus).Scan(&id)
	return id, wrap(err, "insert notice")
}

const noticeColumns = `id, user_id, kind, message, source, user_agent, created_at, read_at, acted_at, email_status`

func scanNotice(r interface{ Scan(...any) error }) (Notice, error) {
	var n Notice
	err := r.Scan(&n.ID, &n.UserID, &n.Kind, &n.Message, &n.Source, &n.UserAgent, &n.CreatedAt, &n.ReadAt, &n.ActedAt, &n.EmailStatus)
	return n, err
}

// Notices lists a user's notices, newest first.
func (db *DB) Notices(ctx context.Context, userID int64, limit int) ([]Notice, error) {
	rows, err := db.query(ctx, `SELECT `+noticeColumns+` FROM notices WHERE user_id = ? ORDER BY id DESC LIMIT ?`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("notices: %w", err)
	}
	defer rows.Close()
	var out []Notice
	for rows.Next() {
		n, err := scanNotice(rows)
		if err != nil {
			return nil, fmt.Errorf("notices: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Notice returns one notice.
func (db *DB) Notice(ctx context.Context, id int64) (Notice, error) {
	n, err := scanNotice(db.queryRow(ctx, `SELECT `+noticeColumns+` FROM notices WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return n, ErrNotFound
	}
	return n, wrap(err, "notice")
}

// MarkNoticesRead marks a user's notices read.
func (db *DB) MarkNoticesRead(ctx context.Context, userID, at int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE notices SET read_at = ? WHERE user_id = ? AND read_at = 0`), at, userID)
	return wrap(err, "mark notices read")
}

// ActOnNotice records that a notice's action was taken, once; it reports
// false if it already was.
func (t *Tx) ActOnNotice(ctx context.Context, id, at int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE notices SET acted_at = ?, read_at = ? WHERE id = ? AND acted_at = 0`, at, at, id)
	if err != nil {
		return false, fmt.Errorf("act on notice: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// SessionByPublicID returns a user's session by its public id.
func (db *DB) SessionByPublicID(ctx context.Context, userID int64, publicID string) (Session, error) {
	s := Session{UserID: userID, PublicID: publicID}
	err := db.queryRow(ctx, `SELECT token_hash FROM sessions WHERE user_id = ? AND public_id = ?`, userID, publicID).Scan(&s.TokenHash)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, wrap(err, "session by id")
}

// MarkSessionMoved records the first use of a session from elsewhere and
// reports whether this call was the first.
func (db *DB) MarkSessionMoved(ctx context.Context, hash []byte, at int64) (bool, error) {
	res, err := db.write.ExecContext(ctx, db.q(`UPDATE sessions SET moved_at = ? WHERE token_hash = ? AND moved_at = 0`), at, hash)
	db.auth.invalidate()
	if err != nil {
		return false, fmt.Errorf("mark session moved: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UsersInScope lists the users of a scope ("national", "academie:ID",
// "establishment:UAI") having one of roles (every role if none).
func (db *DB) UsersInScope(ctx context.Context, scope string, roles []bouclier.Role) ([]bouclier.User, error) {
	where, args, err := userScopeWhere(scope)
	if err != nil {
		return nil, fmt.Errorf("users in scope: %w", err)
	}
	if len(roles) > 0 {
		ph := make([]string, len(roles))
		for i, r := range roles {
			ph[i] = "?"
			args = append(args, string(r))
		}
		where += " AND u.role IN (" + strings.Join(ph, ", ") + ")"
	}
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE `+where+` ORDER BY u.username`, args...)
}

// SetMustReset sets or clears an account's forced password reset.
func (t *Tx) SetMustReset(ctx context.Context, userID int64, must bool) error {
	_, err := t.exec(ctx, `UPDATE users SET must_reset = ? WHERE id = ?`, boolInt(must), userID)
	return wrap(err, "set must reset")
}

// ClearFactors removes every second factor of a user, its recovery codes
// and its known devices; the devices are kept in revoked_devices, with
// when and why, as evidence.
func (t *Tx) ClearFactors(ctx context.Context, userID, at int64, reason string) error {
	if err := t.ClearTOTP(ctx, userID); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `INSERT INTO revoked_devices (user_id, network, ua_family, created_at, last_seen, revoked_at, revoke_reason)
		SELECT user_id, network, ua_family, created_at, last_seen, ?, ? FROM known_devices WHERE user_id = ?`, at, reason, userID); err != nil {
		return fmt.Errorf("clear factors: archive devices: %w", err)
	}
	for _, q := range []string{
		`DELETE FROM webauthn_credentials WHERE user_id = ?`,
		`DELETE FROM recovery_codes WHERE user_id = ?`,
		`DELETE FROM known_devices WHERE user_id = ?`,
	} {
		if _, err := t.exec(ctx, q, userID); err != nil {
			return fmt.Errorf("clear factors: %w", err)
		}
	}
	return nil
}

// InsertMassReset records a mass reset and returns its id.
func (t *Tx) InsertMassReset(ctx context.Context, scope, roles, by string, at, expires int64, accounts int) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `INSERT INTO mass_resets (scope, roles, created_by, created_at, expires_at, accounts) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		scope, roles, by, at, expires, accounts).Scan(&id)
	return id, wrap(err, "insert mass reset")
}

// PutActivationCode stores the keyed hash of a user's activation code,
// replacing any earlier one.
func (t *Tx) PutActivationCode(ctx context.Context, userID int64, hash []byte, resetID, expires, at int64) error {
	_, err := t.exec(ctx, `INSERT INTO activation_codes (user_id, code_hash, reset_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET code_hash = excluded.code_hash, reset_id = excluded.reset_id,
			expires_at = excluded.expires_at, created_at = excluded.created_at`, userID, hash, resetID, expires, at)
	return wrap(err, "put activation code")
}

// ActivationCode returns a user's activation code hash and expiry.
func (t *Tx) ActivationCode(ctx context.Context, userID int64) (hash []byte, expires int64, err error) {
	err = t.queryRow(ctx, `SELECT code_hash, expires_at FROM activation_codes WHERE user_id = ?`, userID).Scan(&hash, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, ErrNotFound
	}
	return hash, expires, wrap(err, "activation code")
}

// DeleteActivationCode removes a user's activation code.
func (t *Tx) DeleteActivationCode(ctx context.Context, userID int64) error {
	_, err := t.exec(ctx, `DELETE FROM activation_codes WHERE user_id = ?`, userID)
	return wrap(err, "delete activation code")
}

// MFARequirement says that a role must use a second factor in a scope.
type MFARequirement struct {
	Scope     string
	Role      bouclier.Role
	CreatedBy string
	CreatedAt int64
}

// PutMFARequirement adds a requirement.
func (t *Tx) PutMFARequirement(ctx context.Context, r MFARequirement) error {
	_, err := t.exec(ctx, `INSERT INTO mfa_requirements (scope, role, created_by, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (scope, role) DO NOTHING`, r.Scope, string(r.Role), r.CreatedBy, r.CreatedAt)
	return wrap(err, "put mfa requirement")
}

// DeleteMFARequirement removes a requirement and reports whether it existed.
func (t *Tx) DeleteMFARequirement(ctx context.Context, scope string, role bouclier.Role) (bool, error) {
	res, err := t.exec(ctx, `DELETE FROM mfa_requirements WHERE scope = ? AND role = ?`, scope, string(role))
	if err != nil {
		return false, fmt.Errorf("delete mfa requirement: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// MFARequirements lists the requirements.
func (db *DB) MFARequirements(ctx context.Context) ([]MFARequirement, error) {
	rows, err := db.query(ctx, `SELECT scope, role, created_by, created_at FROM mfa_requirements ORDER BY scope, role`)
	if err != nil {
		return nil, fmt.Errorf("mfa requirements: %w", err)
	}
	defer rows.Close()
	var out []MFARequirement
	for rows.Next() {
		var r MFARequirement
		var role string
		if err := rows.Scan(&r.Scope, &role, &r.CreatedBy, &r.CreatedAt); err != nil {
			return nil, fmt.Errorf("mfa requirements: %w", err)
		}
		r.Role = bouclier.Role(role)
		out = append(out, r)
	}
	return out, rows.Err()
}

// MFARequired reports whether role must use a second factor in one of scopes.
func (db *DB) MFARequired(ctx context.Context, role bouclier.Role, scopes []string) (bool, error) {
	for _, sc := range scopes {
		var n int
		if err := db.queryRow(ctx, `SELECT COUNT(*) FROM mfa_requirements WHERE scope = ? AND role = ?`, sc, string(role)).Scan(&n); err != nil {
			return false, fmt.Errorf("mfa required: %w", err)
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// CountMessagesSince counts the messages a user sent since an instant.
func (db *DB) CountMessagesSince(ctx context.Context, senderID, since int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM messages WHERE sender_id = ? AND sent_at >= ?`, senderID, since).Scan(&n)
	return n, wrap(err, "count messages")
}

// EachCell calls fn with every text or binary value of every table, for
// tests that check no secret is stored in clear.
func (db *DB) EachCell(ctx context.Context, fn func(table, column string, value []byte) error) error {
	q := `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`
	if db.dialect == Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	tables, err := db.strings(ctx, q)
	if err != nil {
		return fmt.Errorf("list tables: %w", err)
	}
	for _, tb := range tables {
		if err := db.eachCellOf(ctx, tb, fn); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) eachCellOf(ctx context.Context, table string, fn func(table, column string, value []byte) error) error {
	rows, err := db.read.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return fmt.Errorf("dump %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("dump %s: %w", table, err)
		}
		for i, v := range vals {
			var b []byte
			switch x := v.(type) {
			case string:
				b = []byte(x)
			case []byte:
				b = x
			default:
				continue
			}
			if err := fn(table, cols[i], b); err != nil {
				return err
			}
		}
	}
	return rows.Err()
}
