package store

import (
	"context"
	"fmt"
)

// Decided is a held message a moderator released or rejected: a label for
// the screen's next training.
type Decided struct {
	ID        int64
	Subject   string
	Body      string
	Status    string // "delivered" (released: the screen was wrong) or "rejected"
	UAI       string
	Academie  string
	DecidedAt int64
}

// DecidedMessages lists the moderators' decisions after the id after,
// oldest first, at most limit; uai and academie filter by the sender's
// establishment or académie when set.
func (db *DB) DecidedMessages(ctx context.Context, uai, academie string, after int64, limit int) ([]Decided, error) {
	rows, err := db.query(ctx, `SELECT id, subject, body, status, uai, academie, decided_at FROM messages
		WHERE decided_at <> 0 AND status IN ('delivered', 'rejected') AND id > ? AND (? = '' OR uai = ?) AND (? = '' OR academie = ?)
		ORDER BY id LIMIT ?`, after, uai, uai, academie, academie, limit)
	if err != nil {
		return nil, fmt.Errorf("decided messages: %w", err)
	}
	defer rows.Close()
	var out []Decided
	for rows.Next() {
		var d Decided
		if err := rows.Scan(&d.ID, &d.Subject, &d.Body, &d.Status, &d.UAI, &d.Academie, &d.DecidedAt); err != nil {
			return nil, fmt.Errorf("decided messages: %w", err)
		}
		out = append(out, d)
	}
	return out, wrap(rows.Err(), "decided messages")
}
