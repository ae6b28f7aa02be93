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
	q := `SELECT seq, hash FROM audit_head WHERE id = 1`
	if t.db.dialect == Postgres {
		q += ` FOR UPDATE`
	}
	err = t.queryRow(ctx, q).Scan(&seq, &hash)
	return seq, hash, wrap(err, "audit head")
}

// InsertAudit appends an entry and moves the head to it.
func (t *Tx) InsertAudit(ctx context.Context, r AuditRow) error {
	if _, err := t.exec(ctx, `INSERT INTO audit (seq, at, actor, action, target, scope, source, detail, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Seq, r.At, r.Actor, r.Action, r.Target, r.Scope, r.Source, r.Detail, r.PrevHash, r.Hash); err != nil {
		return fmt.Errorf("insert audit: %w", err)
	}
	_, err := t.exec(ctx, `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`, r.Seq, r.Hash)
	return wrap(err, "move audit head")
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

// AuditFor lists the most recent entries whose actor or target matches one
// of names, newest first.
func (db *DB) AuditFor(ctx context.Context, name string, limit int) ([]AuditRow, error) {
	rows, err := db.query(ctx, `SELECT seq, at, actor, action, target, scope, source, detail, prev_hash, hash FROM audit
		WHERE actor = ? OR target = ? ORDER BY seq DESC LIMIT ?`, name, name, limit)
	if err != nil {
		return nil, fmt.Errorf("audit for %s: %w", name, err)
	}
	defer rows.Close()
	var out []AuditRow
	for rows.Next() {
		var r AuditRow
		if err := rows.Scan(&r.Seq, &r.At, &r.Actor, &r.Action, &r.Target, &r.Scope, &r.Source, &r.Detail, &r.PrevHash, &r.Hash); err != nil {
			return nil, fmt.Errorf("audit for %s: %w", name, err)
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
