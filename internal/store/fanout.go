package store

import (
	"context"
)

// RecentRecipients returns the distinct people a sender's messages sent
// since since (unix microseconds) went to, at most limit of them: the
// sender's fan-out over a rolling window, whatever the number of sends it
// was split into.
func (db *DB) RecentRecipients(ctx context.Context, senderID, since int64, limit int) ([]int64, error) {
	rows, err := db.query(ctx, `SELECT DISTINCT d.user_id FROM messages m JOIN deliveries d ON d.message_id = m.id
		WHERE m.sender_id = ? AND m.sent_at >= ? AND d.user_id <> ? LIMIT ?`, senderID, since, senderID, limit)
	if err != nil {
		return nil, wrap(err, "recent recipients")
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, wrap(err, "recent recipients")
		}
		out = append(out, id)
	}
	return out, wrap(rows.Err(), "recent recipients")
}

// countRejectedQuery matches the partial index messages_rejected_sender
// (migration 0016): the status stays a literal for the planner to use it.
const countRejectedQuery = `SELECT COUNT(*) FROM messages WHERE sender_id = ? AND status = 'rejected' AND sent_at >= ?`

// CountRejectedSince counts a sender's messages the screen rejected since
// since (unix microseconds).
func (db *DB) CountRejectedSince(ctx context.Context, senderID, since int64) (int, error) {
	var n int
	err := db.queryRow(ctx, countRejectedQuery, senderID, since).Scan(&n)
	return n, wrap(err, "count rejected")
}
