package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// PolicyRule is a stored messaging rule; Body is the policy package's JSON.
type PolicyRule struct {
	ID        string
	Scope     string
	Body      []byte
	CreatedBy string
	CreatedAt int64
}

// SuspensionRow is a stored suspension.
type SuspensionRow struct {
	ID        string
	Scope     string
	Roles     []string
	Reason    string
	Until     int64 // 0: until lifted
	CreatedBy string
	CreatedAt int64
	LiftedAt  int64
	LiftedBy  string
	// ImposedBy is the authority scope of whoever imposed it: only someone
	// with authority over that scope lifts it.
	ImposedBy string
	// StopsReceiving: the roles named stop receiving too, not only sending.
	StopsReceiving bool
}

// bumpPolicy tells every process that the rules changed.
func (t *Tx) bumpPolicy(ctx context.Context) error {
	_, err := t.exec(ctx, `UPDATE policy_version SET version = version + 1 WHERE id = 1`)
	return wrap(err, "bump policy version")
}

// PolicyVersion returns the rules' version, bumped on every change.
func (db *DB) PolicyVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.queryRow(ctx, `SELECT version FROM policy_version WHERE id = 1`).Scan(&v)
	return v, wrap(err, "policy version")
}

// PutPolicyRule creates or replaces a rule.
func (t *Tx) PutPolicyRule(ctx context.Context, r PolicyRule) error {
	if _, err := t.exec(ctx, `INSERT INTO policy_rules (id, scope, body, created_by, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, body = excluded.body, created_by = excluded.created_by, created_at = excluded.created_at`,
		r.ID, r.Scope, string(r.Body), r.CreatedBy, r.CreatedAt); err != nil {
		return fmt.Errorf("put rule %s: %w", r.ID, err)
	}
	return t.bumpPolicy(ctx)
}

// DeletePolicyRules removes the rules whose ids start with prefix at a
// scope ("" prefix: all of the scope's rules) and returns how many.
func (t *Tx) DeletePolicyRules(ctx context.Context, scope, prefix string) (int64, error) {
	res, err := t.exec(ctx, `DELETE FROM policy_rules WHERE scope = ? AND substr(id, 1, ?) = ?`, scope, len(prefix), prefix)
	if err != nil {
		return 0, fmt.Errorf("delete rules: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, t.bumpPolicy(ctx)
}

// DeletePolicyRule removes one rule; false if it did not exist.
func (t *Tx) DeletePolicyRule(ctx context.Context, id string) (bool, error) {
	res, err := t.exec(ctx, `DELETE FROM policy_rules WHERE id = ?`, id)
	if err != nil {
		return false, fmt.Errorf("delete rule: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, t.bumpPolicy(ctx)
}

// PolicyRules lists every rule.
func (db *DB) PolicyRules(ctx context.Context) ([]PolicyRule, error) {
	rows, err := db.query(ctx, `SELECT id, scope, body, created_by, created_at FROM policy_rules ORDER BY scope, id`)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	defer rows.Close()
	var out []PolicyRule
	for rows.Next() {
		var r PolicyRule
		var body string
		if err := rows.Scan(&r.ID, &r.Scope, &body, &r.CreatedBy, &r.CreatedAt); err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		r.Body = []byte(body)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PutSuspension stores a new suspension.
func (t *Tx) PutSuspension(ctx context.Context, s SuspensionRow) error {
	roles, _ := json.Marshal(nonNil(s.Roles))
	if _, err := t.exec(ctx, `INSERT INTO suspensions (id, scope, roles, reason, until_at, created_by, created_at, imposed_by, stops_receiving) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.Scope, string(roles), s.Reason, s.Until, s.CreatedBy, s.CreatedAt, s.ImposedBy, boolInt(s.StopsReceiving)); err != nil {
		return fmt.Errorf("put suspension: %w", err)
	}
	return t.bumpPolicy(ctx)
}

// Suspension returns one suspension.
func (db *DB) Suspension(ctx context.Context, id string) (SuspensionRow, error) {
	rows, err := db.suspensions(ctx, `WHERE id = ?`, id)
	if err != nil {
		return SuspensionRow{}, err
	}
	if len(rows) == 0 {
		return SuspensionRow{}, ErrNotFound
	}
	return rows[0], nil
}

// LiftSuspension ends a suspension now; false if it was already lifted or unknown.
func (t *Tx) LiftSuspension(ctx context.Context, id, by string, at int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE suspensions SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at = 0`, at, by, id)
	if err != nil {
		return false, fmt.Errorf("lift suspension: %w", err)
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		return false, nil
	}
	return true, t.bumpPolicy(ctx)
}

// ActiveSuspensions lists the suspensions not lifted and not ended at now.
func (db *DB) ActiveSuspensions(ctx context.Context, now int64) ([]SuspensionRow, error) {
	return db.suspensions(ctx, `WHERE lifted_at = 0 AND (until_at = 0 OR until_at > ?) ORDER BY created_at`, now)
}

func (db *DB) suspensions(ctx context.Context, where string, args ...any) ([]SuspensionRow, error) {
	rows, err := db.query(ctx, `SELECT id, scope, roles, reason, until_at, created_by, created_at, lifted_at, lifted_by, imposed_by, stops_receiving FROM suspensions `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("suspensions: %w", err)
	}
	defer rows.Close()
	var out []SuspensionRow
	for rows.Next() {
		var s SuspensionRow
		var roles string
		var recv int
		if err := rows.Scan(&s.ID, &s.Scope, &roles, &s.Reason, &s.Until, &s.CreatedBy, &s.CreatedAt, &s.LiftedAt, &s.LiftedBy, &s.ImposedBy, &recv); err != nil {
			return nil, fmt.Errorf("suspensions: %w", err)
		}
		s.StopsReceiving = recv != 0
		if err := json.Unmarshal([]byte(roles), &s.Roles); err != nil {
			return nil, fmt.Errorf("suspension %s roles: %w", s.ID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// RecordClosedAttempt notes that a user tried to send while closed.
func (db *DB) RecordClosedAttempt(ctx context.Context, userID, at int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`INSERT INTO closed_attempts (user_id, at) VALUES (?, ?)`), userID, at)
	return wrap(err, "record closed attempt")
}

// CountClosedAttempts counts a user's attempts since a time.
func (db *DB) CountClosedAttempts(ctx context.Context, userID, since int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM closed_attempts WHERE user_id = ? AND at >= ?`, userID, since).Scan(&n)
	return n, wrap(err, "count closed attempts")
}

// DueDeferred lists deferred messages whose delivery time has come, at
// most limit, oldest first.
func (db *DB) DueDeferred(ctx context.Context, now int64, limit int) ([]int64, error) {
	ids, err := db.ids(ctx, `SELECT id FROM messages WHERE status = 'deferred' AND deliver_at <= ? ORDER BY deliver_at, id LIMIT ?`, now, limit)
	return ids, wrap(err, "due deferred")
}

// SetStatusFrom moves a message from one status to another and makes its
// deliveries visible when the new status is delivered. It reports false
// if the message was not in status from: another process got there first,
// which is what makes each delivery happen exactly once.
func (t *Tx) SetStatusFrom(ctx context.Context, id int64, from, to string) (bool, error) {
	res, err := t.exec(ctx, `UPDATE messages SET status = ? WHERE id = ? AND status = ?`, to, id, from)
	if err != nil {
		return false, fmt.Errorf("set status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if to == "delivered" {
		if _, err := t.exec(ctx, `UPDATE deliveries SET visible = 1 WHERE message_id = ?`, id); err != nil {
			return false, fmt.Errorf("release deliveries: %w", err)
		}
	}
	return true, nil
}

// MessageByID returns any message, for the service's own work (delivery,
// moderation); callers check authority.
func (db *DB) MessageByID(ctx context.Context, id int64) (Entry, error) {
	var e Entry
	m, err := scanMessage(db.queryRow(ctx, `SELECT `+messageColumns+` FROM messages m JOIN users s ON s.id = m.sender_id WHERE m.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	e.Message = m
	return e, wrap(err, "message")
}
