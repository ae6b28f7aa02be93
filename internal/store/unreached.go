package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/bouclier/bouclier"
)

// Unreached is a recipient who did not get a message when it was sent:
// DeliverAt (unix microseconds) is when they receive it later, 0 when
// never; Reason is the messaging rules' own.
type Unreached struct {
	User      bouclier.User
	DeliverAt int64
	Reason    string
}

// AddUnreached records the recipients of message messageID who did not
// get it when it was sent, in one statement whatever their number (the
// rows travel as arrays, as deliveries do: a class of 30 left out by the
// quiet hours is one statement, not 30). Only User.ID of each is read; a
// recipient already recorded, or named twice, keeps the first record.
func (t *Tx) AddUnreached(ctx context.Context, messageID int64, us []Unreached) error {
	if len(us) == 0 {
		return nil
	}
	if t.db.dialect == Postgres {
		ids, ats, reasons := make([]int64, len(us)), make([]int64, len(us)), make([]string, len(us))
		for i, u := range us {
			ids[i], ats[i], reasons[i] = u.User.ID, u.DeliverAt, u.Reason
		}
		_, err := t.exec(ctx, `INSERT INTO unreached (message_id, user_id, deliver_at, reason)
			SELECT ?, v.u, v.d, v.r FROM unnest(?::bigint[], ?::bigint[], ?::text[]) WITH ORDINALITY AS v(u, d, r, i) ORDER BY v.i
			ON CONFLICT (message_id, user_id) DO NOTHING`, messageID, ids, ats, reasons)
		return wrap(err, "add unreached")
	}
	rows := make([][3]any, len(us))
	for i, u := range us {
		rows[i] = [3]any{u.User.ID, u.DeliverAt, u.Reason}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("add unreached: %w", err)
	}
	// ORDER BY v.key: the first of two rows for one recipient is kept, as
	// on PostgreSQL; WHERE true lets SQLite parse the ON CONFLICT clause.
	_, err = t.exec(ctx, `INSERT INTO unreached (message_id, user_id, deliver_at, reason)
		SELECT ?, json_extract(v.value, '$[0]'), json_extract(v.value, '$[1]'), json_extract(v.value, '$[2]')
		FROM json_each(?) v WHERE true ORDER BY v.key
		ON CONFLICT (message_id, user_id) DO NOTHING`, messageID, string(b))
	return wrap(err, "add unreached")
}

// UnreachedOf lists the recipients of message messageID who did not get it
// when it was sent, with who they are, those who never will first, then
// by name.
func (db *DB) UnreachedOf(ctx context.Context, messageID int64) ([]Unreached, error) {
	rows, err := db.query(ctx, `SELECT `+userColumns+`, x.deliver_at, x.reason FROM unreached x JOIN users u ON u.id = x.user_id
		WHERE x.message_id = ? ORDER BY x.deliver_at, u.display_name, u.username`, messageID)
	if err != nil {
		return nil, fmt.Errorf("unreached: %w", err)
	}
	defer rows.Close()
	var out []Unreached
	for rows.Next() {
		var x Unreached
		var err error
		if x.User, err = scanUser(rows, &x.DeliverAt, &x.Reason); err != nil {
			return nil, fmt.Errorf("unreached: %w", err)
		}
		out = append(out, x)
	}
	return out, wrap(rows.Err(), "unreached")
}
