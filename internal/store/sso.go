package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/bouclier/bouclier"
)

// UserByExternalID returns the account the directory knows by a joint key
// (AAF ENTPersonJointure), which identity providers assert at sign-in.
func (db *DB) UserByExternalID(ctx context.Context, ext string) (bouclier.User, error) {
	if ext == "" {
		return bouclier.User{}, ErrNotFound
	}
	return db.oneUser(ctx, `SELECT `+userColumns+` FROM users u WHERE u.external_id = ?`, ext)
}

// SSOAccount says whether an identity provider vouches for an account and
// who, if anyone, allowed it a local password too.
type SSOAccount struct {
	Linked          bool
	LocalPasswordBy string // "" when the local password is unusable
}

// SSOAccount returns the single sign-on state of an account.
func (db *DB) SSOAccount(ctx context.Context, userID int64) (SSOAccount, error) {
	var a SSOAccount
	var n int
	err := db.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM sso_links WHERE user_id = ?), local_password_by FROM users WHERE id = ?`,
		userID, userID).Scan(&n, &a.LocalPasswordBy)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	a.Linked = n > 0
	return a, wrap(err, "sso account")
}

// SSOOnly reports whether an identity provider vouches for the account
// and no administrator allowed it a local password.
func (t *Tx) SSOOnly(ctx context.Context, userID int64) (bool, error) {
	var n int
	err := t.queryRow(ctx, `SELECT COUNT(*) FROM sso_links l JOIN users u ON u.id = l.user_id WHERE l.user_id = ? AND u.local_password_by = ''`,
		userID).Scan(&n)
	return n > 0, wrap(err, "sso only")
}

// LinkSSO records that idp vouched for the account as subject at time at.
// A subject already linked to another account of the same provider is
// refused (the unique index), so one IdP identity opens one account.
func (t *Tx) LinkSSO(ctx context.Context, userID int64, idp, subject string, at int64) error {
	_, err := t.exec(ctx, `INSERT INTO sso_links (user_id, idp, subject, linked_at, last_login) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (user_id, idp) DO UPDATE SET subject = excluded.subject, last_login = excluded.last_login`,
		userID, idp, subject, at, at)
	return wrap(err, "link sso")
}

// SetLocalPassword allows (by names the administrator) or forbids (by
// "") a local password on an account an identity provider vouches for.
func (t *Tx) SetLocalPassword(ctx context.Context, userID int64, by string) error {
	_, err := t.exec(ctx, `UPDATE users SET local_password_by = ? WHERE id = ?`, by, userID)
	return wrap(err, "set local password")
}

// RememberOnce records an assertion or token identifier of idp until
// expires, and reports false if it was already recorded and has not
// expired: the caller refuses it as a replay. Every node shares the table.
func (db *DB) RememberOnce(ctx context.Context, idp, id string, expires, now time.Time) (bool, error) {
	if id == "" {
		return false, fmt.Errorf("remember once: empty identifier")
	}
	var n int64
	err := db.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, `DELETE FROM sso_replay WHERE expires_at < ?`, Micros(now)); err != nil {
			return err
		}
		res, err := tx.exec(ctx, `INSERT INTO sso_replay (idp, id, expires_at) VALUES (?, ?, ?) ON CONFLICT (idp, id) DO NOTHING`,
			idp, id, Micros(expires))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("remember once: %w", err)
	}
	return n == 1, nil
}

// SetMassResetIdPNote keeps, with a mass reset, what the identity
// providers' operators are asked to do for the accounts they vouch for.
func (t *Tx) SetMassResetIdPNote(ctx context.Context, id int64, note string) error {
	_, err := t.exec(ctx, `UPDATE mass_resets SET idp_note = ? WHERE id = ?`, note, id)
	return wrap(err, "mass reset note")
}

// MassResetIdPNote returns the note of a mass reset for identity-provider
// operators ("" when none).
func (db *DB) MassResetIdPNote(ctx context.Context, id int64) (string, error) {
	var s string
	err := db.queryRow(ctx, `SELECT idp_note FROM mass_resets WHERE id = ?`, id).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return s, wrap(err, "mass reset note")
}

// SSOLinks returns the identity providers that vouch for an account.
func (db *DB) SSOLinks(ctx context.Context, userID int64) ([]string, error) {
	rows, err := db.query(ctx, `SELECT idp FROM sso_links WHERE user_id = ? ORDER BY idp`, userID)
	if err != nil {
		return nil, fmt.Errorf("sso links: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("sso links: %w", err)
		}
		out = append(out, s)
	}
	return out, wrap(rows.Err(), "sso links")
}

// SSOSubjectUser returns the account a provider's subject is linked to,
// or ErrNotFound.
func (db *DB) SSOSubjectUser(ctx context.Context, idp, subject string) (int64, error) {
	var id int64
	err := db.queryRow(ctx, `SELECT user_id FROM sso_links WHERE idp = ? AND subject = ?`, idp, subject).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, wrap(err, "sso subject")
}

// SetExternalID sets the directory's joint key of an account (fixtures and
// tools; the directory import sets it for imported accounts).
func (t *Tx) SetExternalID(ctx context.Context, userID int64, ext string) error {
	_, err := t.exec(ctx, `UPDATE users SET external_id = ? WHERE id = ?`, nullString(ext), userID)
	return wrap(err, "set external id")
}
