package store

import (
	"context"
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
// get it when it was sent. Only User.ID of each is read.
func (t *Tx) AddUnreached(ctx context.Context, messageID int64, us []Unreached) error {
	for _, u := range us {
		if _, err := t.exec(ctx, `INSERT INTO unreached (message_id, user_id, deliver_at, reason) VALUES (?, ?, ?, ?)
			ON CONFLICT (message_id, user_id) DO NOTHING`, messageID, u.User.ID, u.DeliverAt, u.Reason); err != nil {
			return fmt.Errorf("add unreached: %w", err)
		}
	}
	return nil
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
