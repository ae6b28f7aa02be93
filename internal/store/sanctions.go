package store

import (
	"context"
	"database/sql"
	"errors"
)

// Sanctions says who imposed an account's read-only and lock, as the
// authority scope of the imposer ("establishment:UAI", "academie:ID",
// "national"); empty when not imposed or not known.
type Sanctions struct {
	ReadOnlyBy string
	LockBy     string
}

// Sanctions returns who imposed a user's read-only and lock.
func (db *DB) Sanctions(ctx context.Context, userID int64) (Sanctions, error) {
	var s Sanctions
	err := db.queryRow(ctx, `SELECT u.read_only_by, COALESCE(a.lock_by, '') FROM users u
		LEFT JOIN account_security a ON a.user_id = u.id WHERE u.id = ?`, userID).Scan(&s.ReadOnlyBy, &s.LockBy)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	return s, wrap(err, "sanctions")
}

// SetReadOnlyBy puts an account in or out of read-only and records the
// imposer's scope (cleared when lifted).
func (t *Tx) SetReadOnlyBy(ctx context.Context, userID int64, readOnly bool, by string) error {
	if !readOnly {
		by = ""
	}
	_, err := t.exec(ctx, `UPDATE users SET read_only = ?, read_only_by = ? WHERE id = ?`, boolInt(readOnly), by, userID)
	return wrap(err, "set read-only")
}

// SetLockBy records the imposer's scope of an account's lock. The account
// security row must exist (PutAccountSecurity first).
func (t *Tx) SetLockBy(ctx context.Context, userID int64, by string) error {
	_, err := t.exec(ctx, `UPDATE account_security SET lock_by = ? WHERE user_id = ?`, by, userID)
	return wrap(err, "set lock imposer")
}

// SetDraftSession records which session wrote a draft.
func (db *DB) SetDraftSession(ctx context.Context, userID, draftID int64, sessionID string) error {
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE drafts SET session_id = ? WHERE id = ? AND user_id = ?`), sessionID, draftID, userID)
	return wrap(err, "set draft session")
}

// DraftSession returns the public id of the session that wrote a draft of
// userID's ("" if none was recorded). Errors: ErrNotFound.
func (db *DB) DraftSession(ctx context.Context, userID, draftID int64) (string, error) {
	var sid string
	err := db.queryRow(ctx, `SELECT session_id FROM drafts WHERE id = ? AND user_id = ?`, draftID, userID).Scan(&sid)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return sid, wrap(err, "draft session")
}

// MarkSessionMFA records a second-factor check made in a session.
func (t *Tx) MarkSessionMFA(ctx context.Context, hash []byte, at int64) error {
	_, err := t.exec(ctx, `UPDATE sessions SET mfa_at = ? WHERE token_hash = ?`, at, hash)
	return wrap(err, "mark session mfa")
}
