package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/bouclier/bouclier"
)

// Session is a login session as stored: only the token's hash is kept.
type Session struct {
	TokenHash []byte
	UserID    int64
	CreatedAt int64 // unix microseconds
	LastSeen  int64
	ExpiresAt int64
	MFAAt     int64 // last second-factor check, 0 if none
	Source    string
	UserAgent string
	CSRFHash  []byte

	PublicID    string // shown to the user to name the session; not a credential
	AuthAt      int64  // when the password was last checked for this session
	Network     string // the source network it was issued to (/24 or /48)
	UAFamily    string // the user agent it was issued to, versions removed
	IdleUS      int64  // idle timeout in microseconds; 0 for the role's default
	MovedAt     int64  // first use from another network or browser, 0 if none
	KnownDevice bool   // issued to a browser that had logged in before

	// Set only on an ended session (RevokedSessions).
	RevokedAt    int64
	RevokeReason string
}

// CreateSession stores a new session.
func (t *Tx) CreateSession(ctx context.Context, s Session) error {
	_, err := t.exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen, expires_at, mfa_at, source, user_agent, csrf_hash,
		public_id, auth_at, network, ua_family, idle_us, moved_at, known_device)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.TokenHash, s.UserID, s.CreatedAt, s.LastSeen, s.ExpiresAt, s.MFAAt, s.Source, s.UserAgent, s.CSRFHash,
		s.PublicID, s.AuthAt, s.Network, s.UAFamily, s.IdleUS, s.MovedAt, boolInt(s.KnownDevice))
	return wrap(err, "create session")
}

// Session returns the session whose token hashes to hash.
func (db *DB) Session(ctx context.Context, hash []byte) (Session, error) {
	s := Session{TokenHash: hash}
	err := db.queryRow(ctx, `SELECT user_id, created_at, last_seen, expires_at, mfa_at, source, user_agent, csrf_hash FROM sessions WHERE token_hash = ?`, hash).
		Scan(&s.UserID, &s.CreatedAt, &s.LastSeen, &s.ExpiresAt, &s.MFAAt, &s.Source, &s.UserAgent, &s.CSRFHash)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, wrap(err, "session")
}

// TouchSession records activity on a session. Only called when the last
// record is old enough to matter, to keep reads from turning into writes.
func (db *DB) TouchSession(ctx context.Context, hash []byte, at int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE sessions SET last_seen = ? WHERE token_hash = ?`), at, hash)
	// Only this session's entry: every active session is touched once a
	// minute, and clearing everyone's entries each time would leave the
	// cache empty on a busy server. A read racing this one may keep the
	// older last_seen for the cache's second; it only makes the session
	// look idler, which costs at most another touch.
	db.auth.forgetSession(hash)
	return wrap(err, "touch session")
}

// archiveSessions copies the sessions matching where (a condition on the
// sessions table with its args) to revoked_sessions, with when and why
// they ended, before they are deleted: a session is evidence of where and
// from which browser an account was used.
func (t *Tx) archiveSessions(ctx context.Context, at int64, reason, where string, args ...any) error {
	_, err := t.exec(ctx, `INSERT INTO revoked_sessions (user_id, public_id, created_at, last_seen, expires_at, mfa_at, auth_at,
			source, user_agent, network, ua_family, moved_at, known_device, revoked_at, revoke_reason)
		SELECT user_id, public_id, created_at, last_seen, expires_at, mfa_at, auth_at,
			source, user_agent, network, ua_family, moved_at, known_device, ?, ? FROM sessions WHERE `+where,
		append([]any{at, reason}, args...)...)
	return wrap(err, "archive sessions")
}

// EndSession ends a session (logout, expiry), keeping its record.
func (db *DB) EndSession(ctx context.Context, hash []byte, at int64, reason string) error {
	return db.InTx(ctx, func(tx *Tx) error { return tx.EndSession(ctx, hash, at, reason) })
}

// EndSession ends one session inside a transaction, keeping its record.
func (t *Tx) EndSession(ctx context.Context, hash []byte, at int64, reason string) error {
	if err := t.archiveSessions(ctx, at, reason, `token_hash = ?`, hash); err != nil {
		return err
	}
	_, err := t.exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, hash)
	return wrap(err, "end session")
}

// RevokeUserSessions ends every session of a user, keeping their records,
// and returns how many.
func (t *Tx) RevokeUserSessions(ctx context.Context, userID, at int64, reason string) (int64, error) {
	if err := t.archiveSessions(ctx, at, reason, `user_id = ?`, userID); err != nil {
		return 0, err
	}
	res, err := t.exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	if err != nil {
		return 0, fmt.Errorf("revoke sessions: %w", err)
	}
	return res.RowsAffected()
}

// RevokeOtherSessions ends every session of a user but keep, keeping their
// records, and returns how many.
func (t *Tx) RevokeOtherSessions(ctx context.Context, userID int64, keep []byte, at int64, reason string) (int64, error) {
	if keep == nil {
		keep = []byte{}
	}
	if err := t.archiveSessions(ctx, at, reason, `user_id = ? AND token_hash <> ?`, userID, keep); err != nil {
		return 0, err
	}
	res, err := t.exec(ctx, `DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?`, userID, keep)
	if err != nil {
		return 0, fmt.Errorf("revoke other sessions: %w", err)
	}
	return res.RowsAffected()
}

// RevokedSessions lists the ended sessions of a user, newest first.
func (db *DB) RevokedSessions(ctx context.Context, userID int64) ([]Session, error) {
	rows, err := db.query(ctx, `SELECT public_id, created_at, last_seen, expires_at, mfa_at, auth_at, source, user_agent, network, ua_family,
			moved_at, known_device, revoked_at, revoke_reason
		FROM revoked_sessions WHERE user_id = ? ORDER BY revoked_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("revoked sessions: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		s := Session{UserID: userID}
		var kd int
		if err := rows.Scan(&s.PublicID, &s.CreatedAt, &s.LastSeen, &s.ExpiresAt, &s.MFAAt, &s.AuthAt, &s.Source, &s.UserAgent,
			&s.Network, &s.UAFamily, &s.MovedAt, &kd, &s.RevokedAt, &s.RevokeReason); err != nil {
			return nil, fmt.Errorf("revoked sessions: %w", err)
		}
		s.KnownDevice = kd != 0
		out = append(out, s)
	}
	return out, rows.Err()
}

// UserSessions lists a user's sessions, newest first.
func (db *DB) UserSessions(ctx context.Context, userID int64) ([]Session, error) {
	rows, err := db.query(ctx, `SELECT token_hash, created_at, last_seen, expires_at, mfa_at, source, user_agent, public_id, auth_at, network, ua_family, idle_us, moved_at, known_device
		FROM sessions WHERE user_id = ? ORDER BY created_at DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("user sessions: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		s := Session{UserID: userID}
		var kd int
		if err := rows.Scan(&s.TokenHash, &s.CreatedAt, &s.LastSeen, &s.ExpiresAt, &s.MFAAt, &s.Source, &s.UserAgent,
			&s.PublicID, &s.AuthAt, &s.Network, &s.UAFamily, &s.IdleUS, &s.MovedAt, &kd); err != nil {
			return nil, fmt.Errorf("user sessions: %w", err)
		}
		s.KnownDevice = kd != 0
		out = append(out, s)
	}
	return out, rows.Err()
}

// SessionUser returns a session and its user in one query, the hot path of
// every authenticated request.
//
// A row read less than authCacheTTL ago is served from memory unless a
// write through this DB changed sessions, users or account_security since
// (authcache.go).
func (db *DB) SessionUser(ctx context.Context, hash []byte) (Session, bouclier.User, error) {
	if s, u, ok := db.auth.session(hash); ok {
		return s, u, nil
	}
	gen := db.auth.gen.Load()
	s, u, err := db.sessionUser(ctx, hash)
	if err == nil {
		db.auth.putSession(gen, s, u)
	}
	return s, u, err
}

func (db *DB) sessionUser(ctx context.Context, hash []byte) (Session, bouclier.User, error) {
	s := Session{TokenHash: hash}
	var u bouclier.User
	var role string
	var ro, mr, dis, kd int
	err := db.queryRow(ctx, `SELECT s.user_id, s.created_at, s.last_seen, s.expires_at, s.mfa_at, s.source, s.user_agent, s.csrf_hash,
		s.public_id, s.auth_at, s.network, s.ua_family, s.idle_us, s.moved_at, s.known_device,
		`+userColumns+` FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, hash).
		Scan(&s.UserID, &s.CreatedAt, &s.LastSeen, &s.ExpiresAt, &s.MFAAt, &s.Source, &s.UserAgent, &s.CSRFHash,
			&s.PublicID, &s.AuthAt, &s.Network, &s.UAFamily, &s.IdleUS, &s.MovedAt, &kd,
			&u.ID, &u.Username, &u.DisplayName, &role, &u.Academie, &u.UAI, &u.Class, &u.Email, &ro, &mr, &dis, &u.Civility)
	s.KnownDevice = kd != 0
	if errors.Is(err, sql.ErrNoRows) {
		return s, u, ErrNotFound
	}
	u.Role, u.ReadOnly, u.MustReset, u.Disabled = bouclier.Role(role), ro != 0, mr != 0, dis != 0
	return s, u, wrap(err, "session")
}
