package store

import (
	"context"
	"fmt"
)

// AuditRow is one stored audit entry.
type AuditRow struct {
	Seq      int64
	At       int64 // unix microseconds, UTC
	Actor    string
	Action   string
	Target   string
	Scope    string
	Source   string
	Detail   string
	PrevHash []byte
	Hash     []byte
}

// AuditHead locks and returns the tip of the audit chain. On PostgreSQL
// the row lock serialises appends from every process until commit; on
// SQLite the write transaction already does.
func (t *Tx) AuditHead(ctx context.Context) (seq int64, hash []byte, err error) {
	if t.head != nil {
		return t.head.seq, t.head.hash, nil
	}
	q := `SELECT seq, hash FROM audit_head WHERE id = 1`
	if t.db.dialect == Postgres {
		q += ` FOR UPDATE`
	}
	if err = t.queryRow(ctx, q).Scan(&seq, &hash); err != nil {
		return 0, nil, fmt.Errorf("audit head: %w", err)
	}
	t.head = &auditHead{seq: seq, hash: hash}
	return seq, hash, nil
}

// auditHead is a transaction's view of the chain's tip. Appends in one
// transaction advance it in memory; the row is written once, at commit.
type auditHead struct {
	seq   int64
	hash  []byte
	dirty bool
}

func (t *Tx) flushAuditHead(ctx context.Context) error {
	if t.head == nil || !t.head.dirty {
		return nil
	}
	_, err := t.exec(ctx, `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`, t.head.seq, t.head.hash)
	return wrap(err, "move audit head")
}

// InsertAudit appends an entry after the head read with AuditHead and
// moves the head to it (written at commit).
func (t *Tx) InsertAudit(ctx context.Context, r AuditRow) error {
	if t.head == nil || r.Seq != t.head.seq+1 {
		return fmt.Errorf("insert audit: entry %d does not follow the head", r.Seq)
	}
	if _, err := t.exec(ctx, `INSERT INTO audit (seq, at, actor, action, target, scope, source, detail, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Seq, r.At, r.Actor, r.Action, r.Target, r.Scope, r.Source, r.Detail, r.PrevHash, r.Hash); err != nil {
		return fmt.Errorf("insert audit: %w", err)
	}
	t.head = &auditHead{seq: r.Seq, hash: r.Hash, dirty: true}
	return nil
}

// AuditTip returns the head without locking it.
func (db *DB) AuditTip(ctx context.Context) (seq int64, hash []byte, err error) {
	err = db.queryRow(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &hash)
	return seq, hash, wrap(err, "audit tip")
}

// EachAudit calls fn for every audit entry in order of sequence.
func (db *DB) EachAudit(ctx context.Context, fn func(AuditRow) error) error {
	rows, err := db.query(ctx, `SELECT seq, at, actor, action, target, scope, source, detail, prev_hash, hash FROM audit ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("read audit: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r AuditRow
		if err := rows.Scan(&r.Seq, &r.At, &r.Actor, &r.Action, &r.Target, &r.Scope, &r.Source, &r.Detail, &r.PrevHash, &r.Hash); err != nil {
			return fmt.Errorf("read audit: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AuditFor lists the most recent entries about a user, newest first, at
// most limit (every one if limit <= 0): those the user made (actor) and
// those made on the account (target "user:NAME", or the bare name).
func (db *DB) AuditFor(ctx context.Context, username string, limit int) ([]AuditRow, error) {
	if limit <= 0 {
		limit = 1<<31 - 1
	}
	rows, err := db.query(ctx, `SELECT seq, at, actor, action, target, scope, source, detail, prev_hash, hash FROM audit
		WHERE actor = ? OR target = ? OR target = ? ORDER BY seq DESC LIMIT ?`, username, "user:"+username, username, limit)
	if err != nil {
		return nil, fmt.Errorf("audit for %s: %w", username, err)
	}
	defer rows.Close()
	var out []AuditRow
	for rows.Next() {
		var r AuditRow
		if err := rows.Scan(&r.Seq, &r.At, &r.Actor, &r.Action, &r.Target, &r.Scope, &r.Source, &r.Detail, &r.PrevHash, &r.Hash); err != nil {
			return nil, fmt.Errorf("audit for %s: %w", username, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ExecRaw runs a statement outside the domain methods. Tests use it to
// tamper with the database as an attacker with file access would.
func (db *DB) ExecRaw(ctx context.Context, query string, args ...any) error {
	_, err := db.write.ExecContext(ctx, db.q(query), args...)
	return err
}

// AuditRecent lists the most recent entries, newest first, optionally of
// one action (prefix match, "message." for every message action).
func (db *DB) AuditRecent(ctx context.Context, actionPrefix string, before int64, limit int) ([]AuditRow, error) {
	if before <= 0 {
		before = 1<<62 - 1
	}
	rows, err := db.query(ctx, `SELECT seq, at, actor, action, target, scope, source, detail, prev_hash, hash FROM audit
		WHERE substr(action, 1, ?) = ? AND seq < ? ORDER BY seq DESC LIMIT ?`, len(actionPrefix), actionPrefix, before, limit)
	if err != nil {
		return nil, fmt.Errorf("audit recent: %w", err)
	}
	defer rows.Close()
	var out []AuditRow
	for rows.Next() {
		var r AuditRow
		if err := rows.Scan(&r.Seq, &r.At, &r.Actor, &r.Action, &r.Target, &r.Scope, &r.Source, &r.Detail, &r.PrevHash, &r.Hash); err != nil {
			return nil, fmt.Errorf("audit recent: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
