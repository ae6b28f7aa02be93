package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// AddPending records that userIDs receive message messageID at at (unix
// microseconds) rather than now.
func (t *Tx) AddPending(ctx context.Context, messageID int64, userIDs []int64, at int64) error {
	for _, u := range userIDs {
		if _, err := t.exec(ctx, `INSERT INTO pending_deliveries (message_id, user_id, deliver_at) VALUES (?, ?, ?)
			ON CONFLICT (message_id, user_id) DO NOTHING`, messageID, u, at); err != nil {
			return fmt.Errorf("add pending delivery: %w", err)
		}
	}
	return nil
}

// DuePending lists the messages with recipients due by now, leaving out
// held messages: their later recipients wait for the moderator's decision.
func (db *DB) DuePending(ctx context.Context, now int64, limit int) ([]int64, error) {
	ids, err := db.ids(ctx, `SELECT DISTINCT p.message_id FROM pending_deliveries p JOIN messages m ON m.id = p.message_id
		WHERE p.deliver_at <= ? AND m.status <> 'held' ORDER BY p.message_id LIMIT ?`, now, limit)
	return ids, wrap(err, "due pending")
}

// ReleasePending makes message messageID visible to its recipients due by
// now if it is delivered and not recalled, and removes their pending rows
// (unless it is held). It returns how many deliveries it added; several
// processes may run it at once, each delivery is made once.
func (t *Tx) ReleasePending(ctx context.Context, messageID, now int64) (int64, error) {
	users, err := t.ids(ctx, `INSERT INTO deliveries (user_id, message_id, visible)
		SELECT p.user_id, p.message_id, 1 FROM pending_deliveries p JOIN messages m ON m.id = p.message_id
		WHERE p.message_id = ? AND p.deliver_at <= ? AND m.status = 'delivered' AND m.recalled = 0
		ON CONFLICT DO NOTHING RETURNING user_id`, messageID, now)
	if err != nil {
		return 0, fmt.Errorf("release pending: %w", err)
	}
	added := int64(len(users))
	if t.db.dialect == SQLite && added > 0 {
		// Each new copy is visible and unread, of a message not recalled:
		// its reader's counter and mailbox version move by one, as in
		// insertDeliveries (no trigger counts an insert).
		ids, _ := json.Marshal(users)
		if _, err := t.exec(ctx, `INSERT INTO mailbox_unread (user_id, n, v) SELECT value, 1, 1 FROM json_each(?) WHERE true
			ON CONFLICT (user_id) DO UPDATE SET n = n + 1, v = v + 1`, string(ids)); err != nil {
			return 0, fmt.Errorf("release pending: count unread: %w", err)
		}
	}
	if _, err := t.exec(ctx, `DELETE FROM pending_deliveries WHERE message_id = ? AND deliver_at <= ?
		AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = ? AND m.status = 'held')`, messageID, now, messageID); err != nil {
		return 0, fmt.Errorf("release pending: %w", err)
	}
	return added, nil
}
