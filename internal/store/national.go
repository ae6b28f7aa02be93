package store

import (
	"context"
	"fmt"
)

// SuspensionsChangedSince lists the suspensions created or lifted at or
// after since, oldest first: what the national shield shares of a
// deployment's own (internal/national).
func (db *DB) SuspensionsChangedSince(ctx context.Context, since int64) ([]SuspensionRow, error) {
	rows, err := db.suspensions(ctx, `WHERE created_at >= ? OR lifted_at >= ? ORDER BY created_at, id`, since, since)
	if err != nil {
		return nil, fmt.Errorf("suspensions changed: %w", err)
	}
	return rows, nil
}

// NationalSignal is a signal of the national shield kept as received.
type NationalSignal struct {
	ID         string
	Sender     string
	Kind       string
	Subject    string
	Envelope   []byte // the signed envelope, exactly as received
	ReceivedAt int64
	ExpiresAt  int64
}

// KeepNationalSignal stores a received signal once: false when its id was
// kept already.
func (db *DB) KeepNationalSignal(ctx context.Context, s NationalSignal) (bool, error) {
	res, err := db.write.ExecContext(ctx, db.q(`INSERT INTO national_signals (id, sender, kind, subject, envelope, received_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`), s.ID, s.Sender, s.Kind, s.Subject, string(s.Envelope), s.ReceivedAt, s.ExpiresAt)
	if err != nil {
		return false, fmt.Errorf("keep national signal %s: %w", s.ID, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// NationalSignals lists the signals kept that have not expired at now, in
// the order they were received.
func (db *DB) NationalSignals(ctx context.Context, now int64) ([]NationalSignal, error) {
	rows, err := db.query(ctx, `SELECT id, sender, kind, subject, envelope, received_at, expires_at FROM national_signals
		WHERE expires_at > ? ORDER BY received_at, id`, now)
	if err != nil {
		return nil, fmt.Errorf("national signals: %w", err)
	}
	defer rows.Close()
	var out []NationalSignal
	for rows.Next() {
		var s NationalSignal
		var env string
		if err := rows.Scan(&s.ID, &s.Sender, &s.Kind, &s.Subject, &env, &s.ReceivedAt, &s.ExpiresAt); err != nil {
			return nil, fmt.Errorf("national signals: %w", err)
		}
		s.Envelope = []byte(env)
		out = append(out, s)
	}
	return out, rows.Err()
}

// PurgeNationalSignals deletes the signals expired at now and returns how
// many.
func (db *DB) PurgeNationalSignals(ctx context.Context, now int64) (int64, error) {
	res, err := db.write.ExecContext(ctx, db.q(`DELETE FROM national_signals WHERE expires_at <= ?`), now)
	if err != nil {
		return 0, fmt.Errorf("purge national signals: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}
