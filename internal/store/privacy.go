package store

import (
	"context"
	"fmt"

	"github.com/bouclier/bouclier"
)

// Personal data exports (issue 16): everything about one account, read
// with the account in every WHERE clause.

// SentMessages lists the messages userID sent and that were not recalled,
// oldest first: what the account's sent folder shows.
func (db *DB) SentMessages(ctx context.Context, userID int64) ([]bouclier.Message, error) {
	rows, err := db.query(ctx, `SELECT `+messageColumns+` FROM messages m JOIN users s ON s.id = m.sender_id
		WHERE m.sender_id = ? AND m.recalled = 0 ORDER BY m.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("sent messages: %w", err)
	}
	defer rows.Close()
	var out []bouclier.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("sent messages: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ReceivedMessages lists the messages delivered to userID (inbox and
// trash; not those held, deferred or recalled, which the account does not
// see), oldest first.
func (db *DB) ReceivedMessages(ctx context.Context, userID int64) ([]Entry, error) {
	rows, err := db.query(ctx, `SELECT `+messageColumns+`, d.read_at, d.trashed FROM deliveries d JOIN messages m ON m.id = d.message_id
		JOIN users s ON s.id = m.sender_id
		WHERE d.user_id = ? AND d.visible = 1 AND m.recalled = 0 ORDER BY m.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("received messages: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var readAt, trashed int64
		m, err := scanMessage(rows, &readAt, &trashed)
		if err != nil {
			return nil, fmt.Errorf("received messages: %w", err)
		}
		e.Message, e.Read, e.Trashed = m, readAt != 0, trashed != 0
		out = append(out, e)
	}
	return out, rows.Err()
}
