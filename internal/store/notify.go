package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The e-mail notifications' tables (0010_notify.sql). Nothing here is on
// the send path: the collector reads messages and deliveries after they
// are committed.

// NotifyMode returns a user's notification choice, "" when they made none.
func (db *DB) NotifyMode(ctx context.Context, userID int64) (string, error) {
	var mode string
	err := db.queryRow(ctx, `SELECT mode FROM notify_prefs WHERE user_id = ?`, userID).Scan(&mode)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return mode, wrap(err, "notify mode")
}

// SetNotifyMode records a user's notification choice, in the caller's
// transaction (with its audit entry).
func (t *Tx) SetNotifyMode(ctx context.Context, userID int64, mode string, at int64) error {
	_, err := t.exec(ctx, `INSERT INTO notify_prefs (user_id, mode, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`, userID, mode, at)
	return wrap(err, "set notify mode")
}

// NotifyCursor returns the id of the last message the collector read.
func (db *DB) NotifyCursor(ctx context.Context) (int64, error) {
	var id int64
	err := db.queryRow(ctx, `SELECT message_id FROM notify_cursor WHERE id = 1`).Scan(&id)
	return id, wrap(err, "notify cursor")
}

// AdvanceNotifyCursor moves the cursor forward to id (never back).
func (db *DB) AdvanceNotifyCursor(ctx context.Context, id int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE notify_cursor SET message_id = ? WHERE id = 1 AND message_id < ?`), id, id)
	return wrap(err, "advance notify cursor")
}

// NotifyMessage is what the collector needs of a message.
type NotifyMessage struct {
	ID      int64
	SentAt  int64
	Status  string
	Urgent  bool // sent with the emergency override (audited as message.urgent)
	Pending bool // some recipients receive it later
}

const notifyMessageColumns = `m.id, m.sent_at, m.status,
	EXISTS (SELECT 1 FROM audit a WHERE a.target = 'message:' || m.id AND a.action = 'message.urgent'),
	EXISTS (SELECT 1 FROM pending_deliveries p WHERE p.message_id = m.id)`

func (db *DB) notifyMessages(ctx context.Context, query string, args ...any) ([]NotifyMessage, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, wrap(err, "notify messages")
	}
	defer rows.Close()
	var out []NotifyMessage
	for rows.Next() {
		var m NotifyMessage
		if err := rows.Scan(&m.ID, &m.SentAt, &m.Status, &m.Urgent, &m.Pending); err != nil {
			return nil, wrap(err, "notify messages")
		}
		out = append(out, m)
	}
	return out, wrap(rows.Err(), "notify messages")
}

// NotifyMessagesAfter lists the messages after id, oldest first, at most limit.
func (db *DB) NotifyMessagesAfter(ctx context.Context, after int64, limit int) ([]NotifyMessage, error) {
	return db.notifyMessages(ctx, `SELECT `+notifyMessageColumns+` FROM messages m WHERE m.id > ? ORDER BY m.id LIMIT ?`, after, limit)
}

// NotifyWatched lists the watched messages (see notify_watch).
func (db *DB) NotifyWatched(ctx context.Context, limit int) ([]NotifyMessage, error) {
	return db.notifyMessages(ctx, `SELECT `+notifyMessageColumns+` FROM notify_watch w JOIN messages m ON m.id = w.message_id
		ORDER BY w.message_id LIMIT ?`, limit)
}

// WatchNotify adds a message to the watch list.
func (db *DB) WatchNotify(ctx context.Context, messageID, at int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`INSERT INTO notify_watch (message_id, since) VALUES (?, ?) ON CONFLICT (message_id) DO NOTHING`), messageID, at)
	return wrap(err, "watch notify")
}

// UnwatchNotify removes a message from the watch list, and any watched
// since before before (those that never settled).
func (db *DB) UnwatchNotify(ctx context.Context, messageID, before int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`DELETE FROM notify_watch WHERE message_id = ? OR since < ?`), messageID, before)
	return wrap(err, "unwatch notify")
}

// CollectMessageEvents records one pending event for each recipient who
// now sees message messageID and has not read it (the sender's own copy
// aside). Events already recorded are left alone, so any number of
// processes may collect the same message. It returns how many it added.
func (db *DB) CollectMessageEvents(ctx context.Context, messageID int64, urgent bool, now int64) (int64, error) {
	res, err := db.write.ExecContext(ctx, db.q(`INSERT INTO notify_events (user_id, kind, ref_id, urgent, created_at, due_at, state)
		SELECT d.user_id, 'message', d.message_id, ?, ?, ?, 'pending'
		FROM deliveries d JOIN messages m ON m.id = d.message_id
		WHERE d.message_id = ? AND d.visible = 1 AND d.read_at = 0 AND m.recalled = 0 AND d.user_id <> m.sender_id
		ON CONFLICT (kind, ref_id, user_id) DO NOTHING`), boolInt(urgent), now, now, messageID)
	if err != nil {
		return 0, fmt.Errorf("collect message events: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// PendingNoticeEmails lists the security notices waiting for their e-mail
// (email_status "pending", set by auth when the account has an address).
func (db *DB) PendingNoticeEmails(ctx context.Context, limit int) ([]Notice, error) {
	rows, err := db.query(ctx, `SELECT `+noticeColumns+` FROM notices WHERE email_status = 'pending' ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("pending notice emails: %w", err)
	}
	defer rows.Close()
	var out []Notice
	for rows.Next() {
		n, err := scanNotice(rows)
		if err != nil {
			return nil, fmt.Errorf("pending notice emails: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// CollectNoticeEvent turns a pending notice into an urgent notification
// event, once: the notice's email_status moves to "queued" in the same
// transaction, so a second process finds nothing to do.
func (db *DB) CollectNoticeEvent(ctx context.Context, n Notice, now int64) (bool, error) {
	added := false
	err := db.InTx(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE notices SET email_status = 'queued' WHERE id = ? AND email_status = 'pending'`, n.ID)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k != 1 {
			return nil
		}
		_, err = tx.exec(ctx, `INSERT INTO notify_events (user_id, kind, ref_id, urgent, created_at, due_at, state)
			VALUES (?, 'notice', ?, 1, ?, ?, 'pending') ON CONFLICT (kind, ref_id, user_id) DO NOTHING`, n.UserID, n.ID, now, now)
		added = err == nil
		return err
	})
	return added, wrap(err, "collect notice event")
}

// NotifyEvent is one thing to tell one person.
type NotifyEvent struct {
	ID        int64
	UserID    int64
	Kind      string // "message" or "notice"
	RefID     int64
	Urgent    bool
	CreatedAt int64
	DueAt     int64
}

// DueNotifyEvents lists pending events due by now, grouped by user (each
// user's events together, oldest first), at most limit.
func (db *DB) DueNotifyEvents(ctx context.Context, now int64, limit int) ([]NotifyEvent, error) {
	rows, err := db.query(ctx, `SELECT id, user_id, kind, ref_id, urgent, created_at, due_at FROM notify_events
		WHERE state = 'pending' AND due_at <= ? ORDER BY user_id, id LIMIT ?`, now, limit)
	if err != nil {
		return nil, fmt.Errorf("due notify events: %w", err)
	}
	defer rows.Close()
	var out []NotifyEvent
	for rows.Next() {
		var e NotifyEvent
		var urgent int64
		if err := rows.Scan(&e.ID, &e.UserID, &e.Kind, &e.RefID, &urgent, &e.CreatedAt, &e.DueAt); err != nil {
			return nil, fmt.Errorf("due notify events: %w", err)
		}
		e.Urgent = urgent != 0
		out = append(out, e)
	}
	return out, rows.Err()
}

// PostponeNotifyEvents moves pending events to a later due instant.
func (db *DB) PostponeNotifyEvents(ctx context.Context, ids []int64, dueAt int64) error {
	return db.InTx(ctx, func(tx *Tx) error {
		for _, id := range ids {
			if _, err := tx.exec(ctx, `UPDATE notify_events SET due_at = ? WHERE id = ? AND state = 'pending'`, dueAt, id); err != nil {
				return fmt.Errorf("postpone notify event: %w", err)
			}
		}
		return nil
	})
}

// SkipNotifyEvents closes pending events that will not be sent (no address,
// notifications off, message gone).
func (db *DB) SkipNotifyEvents(ctx context.Context, ids []int64) error {
	return db.InTx(ctx, func(tx *Tx) error {
		for _, id := range ids {
			if _, err := tx.exec(ctx, `UPDATE notify_events SET state = 'skipped' WHERE id = ? AND state = 'pending'`, id); err != nil {
				return fmt.Errorf("skip notify event: %w", err)
			}
		}
		return nil
	})
}

// OutboxMail is one e-mail of the outbox.
type OutboxMail struct {
	ID          int64
	UserID      int64
	To          string
	Subject     string
	Body        string
	Unsubscribe bool // carries the one-click unsubscribe headers
	Urgent      bool // sent even in quiet hours
	CreatedAt   int64
	NextAt      int64
	Attempts    int
	State       string // queued, sent, failed
	SentAt      int64
	LastError   string
}

// ErrClaimed is returned when another process took the events first.
var ErrClaimed = errors.New("notify events already claimed")

// QueueMail moves events from pending to queued and stores the e-mail that
// tells them, in one transaction: if any event was taken by another
// process meanwhile, nothing is stored (ErrClaimed).
func (db *DB) QueueMail(ctx context.Context, eventIDs []int64, m OutboxMail) (int64, error) {
	var id int64
	err := db.InTx(ctx, func(tx *Tx) error {
		for _, e := range eventIDs {
			res, err := tx.exec(ctx, `UPDATE notify_events SET state = 'queued' WHERE id = ? AND state = 'pending'`, e)
			if err != nil {
				return fmt.Errorf("queue mail: %w", err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return ErrClaimed
			}
		}
		return tx.queryRow(ctx, `INSERT INTO notify_outbox (user_id, to_addr, subject, body, unsubscribe, urgent, created_at, next_at, state)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued') RETURNING id`, m.UserID, m.To, m.Subject, m.Body, boolInt(m.Unsubscribe), boolInt(m.Urgent), m.CreatedAt, m.NextAt).Scan(&id)
	})
	return id, err
}

// DueMail is a queued e-mail due now: who it is for, and whether it may
// go out in quiet hours.
type DueMail struct {
	ID     int64
	UserID int64
	Urgent bool
}

// DueMails lists queued e-mails due by now and not leased, at most limit.
func (db *DB) DueMails(ctx context.Context, now int64, limit int) ([]DueMail, error) {
	rows, err := db.query(ctx, `SELECT id, user_id, urgent FROM notify_outbox WHERE state = 'queued' AND next_at <= ? AND claimed_until <= ?
		ORDER BY next_at, id LIMIT ?`, now, now, limit)
	if err != nil {
		return nil, fmt.Errorf("due mails: %w", err)
	}
	defer rows.Close()
	var out []DueMail
	for rows.Next() {
		var m DueMail
		var urgent int64
		if err := rows.Scan(&m.ID, &m.UserID, &urgent); err != nil {
			return nil, fmt.Errorf("due mails: %w", err)
		}
		m.Urgent = urgent != 0
		out = append(out, m)
	}
	return out, rows.Err()
}

// PostponeMail moves a queued e-mail that is not leased to later (the
// recipient's quiet hours), without counting an attempt.
func (db *DB) PostponeMail(ctx context.Context, id, now, nextAt int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE notify_outbox SET next_at = ? WHERE id = ? AND state = 'queued' AND claimed_until <= ?`), nextAt, id, now)
	return wrap(err, "postpone mail")
}

// ClaimMail leases a due e-mail until until and counts the attempt; it
// reports false when another process holds it or it is not due.
func (db *DB) ClaimMail(ctx context.Context, id, now, until int64) (OutboxMail, bool, error) {
	var m OutboxMail
	res, err := db.write.ExecContext(ctx, db.q(`UPDATE notify_outbox SET claimed_until = ?, attempts = attempts + 1
		WHERE id = ? AND state = 'queued' AND next_at <= ? AND claimed_until <= ?`), until, id, now, now)
	if err != nil {
		return m, false, fmt.Errorf("claim mail: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return m, false, nil
	}
	// The lease is taken and the attempt counted: read the e-mail even if
	// ctx ends now, so that the caller can record the attempt's outcome
	// rather than leave it leased with nothing said.
	m, err = db.Mail(context.WithoutCancel(ctx), id)
	return m, err == nil, err
}

// Mail returns one e-mail of the outbox.
func (db *DB) Mail(ctx context.Context, id int64) (OutboxMail, error) {
	var m OutboxMail
	var unsub, urgent int64
	// Read from the writer: the claim just made must be seen.
	err := db.write.QueryRowContext(ctx, db.q(`SELECT id, user_id, to_addr, subject, body, unsubscribe, urgent, created_at, next_at, attempts, state, sent_at, last_error
		FROM notify_outbox WHERE id = ?`), id).Scan(&m.ID, &m.UserID, &m.To, &m.Subject, &m.Body, &unsub, &urgent, &m.CreatedAt, &m.NextAt, &m.Attempts, &m.State, &m.SentAt, &m.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	m.Unsubscribe, m.Urgent = unsub != 0, urgent != 0
	return m, wrap(err, "mail")
}

// MailSent records that an e-mail was accepted by the relay.
func (db *DB) MailSent(ctx context.Context, id, at int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE notify_outbox SET state = 'sent', sent_at = ?, claimed_until = 0, last_error = '' WHERE id = ?`), at, id)
	return wrap(err, "mail sent")
}

// MailFailed records a failed attempt: tried again at nextAt, or given up
// (state failed) when final.
func (db *DB) MailFailed(ctx context.Context, id, nextAt int64, final bool, msg string) error {
	state := "queued"
	if final {
		state = "failed"
	}
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE notify_outbox SET state = ?, next_at = ?, claimed_until = 0, last_error = ? WHERE id = ?`), state, nextAt, msg, id)
	return wrap(err, "mail failed")
}

// UserMails lists a user's e-mails, newest first, at most limit.
func (db *DB) UserMails(ctx context.Context, userID int64, limit int) ([]OutboxMail, error) {
	rows, err := db.query(ctx, `SELECT id, user_id, to_addr, subject, body, unsubscribe, urgent, created_at, next_at, attempts, state, sent_at, last_error
		FROM notify_outbox WHERE user_id = ? ORDER BY id DESC LIMIT ?`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("user mails: %w", err)
	}
	defer rows.Close()
	var out []OutboxMail
	for rows.Next() {
		var m OutboxMail
		var unsub, urgent int64
		if err := rows.Scan(&m.ID, &m.UserID, &m.To, &m.Subject, &m.Body, &unsub, &urgent, &m.CreatedAt, &m.NextAt, &m.Attempts, &m.State, &m.SentAt, &m.LastError); err != nil {
			return nil, fmt.Errorf("user mails: %w", err)
		}
		m.Unsubscribe, m.Urgent = unsub != 0, urgent != 0
		out = append(out, m)
	}
	return out, rows.Err()
}
