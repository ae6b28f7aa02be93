package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/bouclier/bouclier"
)

// InsertMessage stores a message once and one delivery row per recipient,
// and returns the message's id. Deliveries are visible at once only for a
// delivered message; a held or deferred one waits for release. It does not
// modify m, so that a job run again after a rolled-back batch stores the
// same row (a thread's first message keeps thread_id 0, read back as its
// own id).
func (t *Tx) InsertMessage(ctx context.Context, m *bouclier.Message, recipients []int64) (int64, error) {
	to, _ := json.Marshal(m.To)
	reasons, _ := json.Marshal(nonNil(m.Reasons))
	var id int64
	err := t.queryRow(ctx, `INSERT INTO messages (thread_id, parent_id, sender_id, subject, body, to_expr, status, score, reasons, sent_at, deliver_at, uai, academie, fingerprint)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.ThreadID, m.ParentID, m.SenderID, m.Subject, m.Body, string(to), string(m.Status), m.Score, string(reasons), m.SentAt, m.DeliverAt,
		m.UAI, m.Academie, m.Fingerprint).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert message: %w", err)
	}
	if err := t.insertDeliveries(ctx, id, recipients, m.Status == bouclier.StatusDelivered); err != nil {
		return 0, err
	}
	return id, nil
}

// insertDeliveries adds one delivery row per recipient in one short
// statement whatever their number: the ids travel as one array parameter
// (a JSON array for SQLite, a bigint[] for PostgreSQL), so the statement
// text is constant and cheap to prepare.
func (t *Tx) insertDeliveries(ctx context.Context, messageID int64, recipients []int64, visible bool) error {
	if len(recipients) == 0 {
		return nil
	}
	recipients = distinct(recipients)
	if t.db.dialect == Postgres {
		_, err := t.exec(ctx, `INSERT INTO deliveries (user_id, message_id, visible)
			SELECT u, ?, ? FROM unnest(?::bigint[]) AS u`, messageID, boolInt(visible), recipients)
		return wrap(err, "insert deliveries")
	}
	// OR IGNORE spares SQLite the statement journal a multi-row insert
	// that may abort keeps (a copy of every page it touches, 4 % of the
	// server's CPU under the send benchmark); no row can conflict (the
	// message is new, the ids distinct), and the count below refuses the
	// insert if one ever did.
	ids, _ := json.Marshal(recipients)
	res, err := t.exec(ctx, `INSERT OR IGNORE INTO deliveries (user_id, message_id, visible)
		SELECT value, ?, ? FROM json_each(?) WHERE true`, messageID, boolInt(visible), string(ids))
	if err != nil {
		return fmt.Errorf("insert deliveries: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != int64(len(recipients)) {
		return fmt.Errorf("insert deliveries: %d of %d rows stored (%v)", n, len(recipients), err)
	}
	if !visible {
		return nil // counted when released (trigger deliveries_unread_update)
	}
	// The message is new, so not recalled, and each recipient got exactly
	// one new unread delivery: the counters move by one (0006_core.sql),
	// and so do the mailboxes' versions (0022_mailbox_version.sql).
	res, err = t.exec(ctx, `INSERT OR IGNORE INTO mailbox_unread (user_id, n, v) SELECT value, 1, 1 FROM json_each(?) WHERE true
		ON CONFLICT (user_id) DO UPDATE SET n = n + 1, v = v + 1`, string(ids))
	if err != nil {
		return fmt.Errorf("count unread: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != int64(len(recipients)) {
		return fmt.Errorf("count unread: %d of %d counters moved (%v)", n, len(recipients), err)
	}
	return nil
}

// distinct returns ids without repeats, in their first order. A short
// list (a class: every send) is checked pair by pair and returned as it
// is when it has no repeat, without the map and the copy that were 6 % of
// the bytes the server allocated under the send benchmark.
func distinct(ids []int64) []int64 {
	if len(ids) <= 64 {
		repeat := false
		for i := 1; i < len(ids) && !repeat; i++ {
			repeat = slices.Contains(ids[:i], ids[i])
		}
		if !repeat {
			return ids
		}
	}
	seen := make(map[int64]struct{}, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if _, ok := seen[id]; !ok {
			seen[id] = struct{}{}
			out = append(out, id)
		}
	}
	return out
}

// PutBlob stores attachment bytes once per content digest.
func (t *Tx) PutBlob(ctx context.Context, sum []byte, data []byte) error {
	_, err := t.exec(ctx, `INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING`, sum, len(data), data)
	return wrap(err, "put blob")
}

// Attachment describes an attachment without its bytes.
type Attachment struct {
	ID          int64
	MessageID   int64
	Name        string
	ContentType string
	Size        int64
	SHA256      []byte
}

// InsertAttachment links stored bytes to a message and returns the
// attachment's id (a.ID is ignored).
func (t *Tx) InsertAttachment(ctx context.Context, a Attachment) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `INSERT INTO attachments (message_id, name, content_type, size, sha256) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		a.MessageID, a.Name, a.ContentType, a.Size, a.SHA256).Scan(&id)
	return id, wrap(err, "insert attachment")
}

// Attachments lists the attachments of a message.
func (db *DB) Attachments(ctx context.Context, messageID int64) ([]Attachment, error) {
	rows, err := db.query(ctx, `SELECT id, message_id, name, content_type, size, sha256 FROM attachments WHERE message_id = ? ORDER BY id`, messageID)
	if err != nil {
		return nil, fmt.Errorf("attachments: %w", err)
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.ID, &a.MessageID, &a.Name, &a.ContentType, &a.Size, &a.SHA256); err != nil {
			return nil, fmt.Errorf("attachments: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AttachmentData returns an attachment and its bytes if userID may read the
// message it belongs to.
func (db *DB) AttachmentData(ctx context.Context, userID, attachmentID int64) (Attachment, []byte, error) {
	var a Attachment
	var data []byte
	err := db.queryRow(ctx, `SELECT a.id, a.message_id, a.name, a.content_type, a.size, a.sha256, b.data
		FROM attachments a JOIN blobs b ON b.sha256 = a.sha256 JOIN messages m ON m.id = a.message_id
		WHERE a.id = ? AND m.recalled = 0 AND (m.sender_id = ? OR EXISTS (
			SELECT 1 FROM deliveries d WHERE d.message_id = a.message_id AND d.user_id = ? AND d.visible = 1))`,
		attachmentID, userID, userID).Scan(&a.ID, &a.MessageID, &a.Name, &a.ContentType, &a.Size, &a.SHA256, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil, ErrNotFound
	}
	return a, data, wrap(err, "attachment data")
}

// Folder names a mailbox view.
type Folder string

// The folders.
const (
	FolderInbox Folder = "inbox"
	FolderSent  Folder = "sent"
	FolderTrash Folder = "trash"
)

// Entry is a message as one user sees it in a folder.
type Entry struct {
	bouclier.Message
	Read           bool
	Trashed        bool
	HasAttachments bool
}

const messageColumns = `m.id, m.thread_id, m.parent_id, m.sender_id, s.username, s.display_name, s.role, m.subject, m.body, m.to_expr, m.status, m.score, m.reasons, m.sent_at, m.deliver_at, m.recalled, m.uai, m.academie, m.fingerprint`

func scanMessage(s interface{ Scan(...any) error }, extra ...any) (bouclier.Message, error) {
	var m bouclier.Message
	var to, reasons, status, role string
	var recalled int
	dest := append([]any{&m.ID, &m.ThreadID, &m.ParentID, &m.SenderID, &m.Sender, &m.SenderName, &role, &m.Subject, &m.Body, &to, &status, &m.Score, &reasons, &m.SentAt, &m.DeliverAt, &recalled, &m.UAI, &m.Academie, &m.Fingerprint}, extra...)
	if err := s.Scan(dest...); err != nil {
		return m, err
	}
	m.Status, m.Recalled, m.SenderRole = bouclier.MessageStatus(status), recalled != 0, bouclier.Role(role)
	if m.ThreadID == 0 {
		m.ThreadID = m.ID
	}
	if err := json.Unmarshal([]byte(to), &m.To); err != nil {
		return m, fmt.Errorf("message %d recipients: %w", m.ID, err)
	}
	if err := json.Unmarshal([]byte(reasons), &m.Reasons); err != nil {
		return m, fmt.Errorf("message %d reasons: %w", m.ID, err)
	}
	return m, nil
}

// Folder lists a user's messages in a folder, newest first, at most limit,
// with ids below before when before > 0 (SearchFolder without a filter).
func (db *DB) Folder(ctx context.Context, userID int64, f Folder, before int64, limit int) ([]Entry, error) {
	return db.SearchFolder(ctx, userID, f, FolderFilter{}, before, 0, limit)
}

// UnreadCount counts a user's unread inbox messages. On SQLite it reads
// the counter that triggers keep (0006_core.sql); on PostgreSQL it counts
// the user's entries in the index of unread deliveries, less those of
// recalled messages, found from the few recalled messages.
func (db *DB) UnreadCount(ctx context.Context, userID int64) (int, error) {
	var n int
	var err error
	if db.dialect == SQLite {
		err = db.queryRow(ctx, `SELECT COALESCE((SELECT n FROM mailbox_unread WHERE user_id = ?), 0)`, userID).Scan(&n)
	} else {
		err = db.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND visible = 1 AND trashed = 0 AND read_at = 0)
			- (SELECT COUNT(*) FROM messages m CROSS JOIN deliveries d
				WHERE m.recalled = 1 AND d.user_id = ? AND d.message_id = m.id AND d.visible = 1 AND d.trashed = 0 AND d.read_at = 0)`, userID, userID).Scan(&n)
	}
	return n, wrap(err, "unread count")
}

// MessageFor returns a message if userID sent it or received it; anyone
// else gets ErrNotFound, whatever the id, so ids reveal nothing.
func (db *DB) MessageFor(ctx context.Context, userID, id int64) (Entry, error) {
	var e Entry
	var readAt, trashed int64
	var att bool
	m, err := scanMessage(db.queryRow(ctx, `SELECT `+messageColumns+`, COALESCE(d.read_at, 1), COALESCE(d.trashed, 0),
		EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)
		FROM messages m JOIN users s ON s.id = m.sender_id
		LEFT JOIN deliveries d ON d.message_id = m.id AND d.user_id = ? AND d.visible = 1
		WHERE m.id = ? AND m.recalled = 0 AND (m.sender_id = ? OR d.user_id IS NOT NULL)`, userID, id, userID), &readAt, &trashed, &att)
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	if err != nil {
		return e, fmt.Errorf("message %d: %w", id, err)
	}
	e.Message, e.Read, e.Trashed, e.HasAttachments = m, readAt != 0, trashed != 0, att
	return e, nil
}

// Thread lists the messages of a thread that userID sent or received, oldest first.
func (db *DB) Thread(ctx context.Context, userID, threadID int64) ([]bouclier.Message, error) {
	rows, err := db.query(ctx, `SELECT `+messageColumns+` FROM messages m JOIN users s ON s.id = m.sender_id
		WHERE (m.thread_id = ? OR m.id = ?) AND m.recalled = 0 AND (m.sender_id = ? OR EXISTS (
			SELECT 1 FROM deliveries d WHERE d.message_id = m.id AND d.user_id = ? AND d.visible = 1))
		ORDER BY m.id`, threadID, threadID, userID, userID)
	if err != nil {
		return nil, fmt.Errorf("thread %d: %w", threadID, err)
	}
	defer rows.Close()
	var out []bouclier.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("thread %d: %w", threadID, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkRead marks a delivery read; it reports false if userID has no such delivery.
func (db *DB) MarkRead(ctx context.Context, userID, messageID, at int64) (bool, error) {
	if db.dialect == SQLite {
		return db.markReadKeepingPages(ctx, userID, messageID, at)
	}
	res, err := db.write.ExecContext(ctx, db.q(`UPDATE deliveries SET read_at = ? WHERE user_id = ? AND message_id = ? AND visible = 1 AND read_at = 0`), at, userID, messageID)
	if err != nil {
		return false, fmt.Errorf("mark read: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// SetTrashed moves a delivery to or from the trash; false if userID has no such delivery.
func (db *DB) SetTrashed(ctx context.Context, userID, messageID int64, trashed bool) (bool, error) {
	res, err := db.write.ExecContext(ctx, db.q(`UPDATE deliveries SET trashed = ? WHERE user_id = ? AND message_id = ? AND visible = 1`), boolInt(trashed), userID, messageID)
	if err != nil {
		return false, fmt.Errorf("trash: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// CountDeliveries counts the delivery rows of a message (visible or not).
func (db *DB) CountDeliveries(ctx context.Context, messageID int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM deliveries WHERE message_id = ?`, messageID).Scan(&n)
	return n, wrap(err, "count deliveries")
}

// CountMessages counts stored messages.
func (db *DB) CountMessages(ctx context.Context) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM messages`).Scan(&n)
	return n, wrap(err, "count messages")
}

// Draft is a message not sent yet; it survives any refusal.
type Draft struct {
	ID        int64
	UserID    int64
	To        []string
	Subject   string
	Body      string
	ParentID  int64
	LastError string
	UpdatedAt int64
}

// SaveDraft creates or updates a draft owned by d.UserID. A new draft
// identical to one the user already has (recipients, subject, text and
// the message replied to) updates that one instead: a loop of refused
// sends keeps one draft, not one per attempt.
func (db *DB) SaveDraft(ctx context.Context, d *Draft) error {
	to, _ := json.Marshal(nonNil(d.To))
	if d.ID == 0 {
		err := db.InTx(ctx, func(tx *Tx) error {
			err := tx.queryRow(ctx, `SELECT id FROM drafts WHERE user_id = ? AND to_expr = ? AND subject = ? AND body = ? AND parent_id = ?
				ORDER BY id LIMIT 1`, d.UserID, string(to), d.Subject, d.Body, d.ParentID).Scan(&d.ID)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				return tx.queryRow(ctx, `INSERT INTO drafts (user_id, to_expr, subject, body, parent_id, last_error, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, d.UserID, string(to), d.Subject, d.Body, d.ParentID, d.LastError, d.UpdatedAt).Scan(&d.ID)
			case err != nil:
				return err
			}
			_, err = tx.exec(ctx, `UPDATE drafts SET last_error = ?, updated_at = ? WHERE id = ?`, d.LastError, d.UpdatedAt, d.ID)
			return err
		})
		if err != nil {
			d.ID = 0
		}
		return wrap(err, "save draft")
	}
	res, err := db.write.ExecContext(ctx, db.q(`UPDATE drafts SET to_expr = ?, subject = ?, body = ?, parent_id = ?, last_error = ?, updated_at = ?
		WHERE id = ? AND user_id = ?`), string(to), d.Subject, d.Body, d.ParentID, d.LastError, d.UpdatedAt, d.ID, d.UserID)
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Drafts lists a user's drafts, newest first.
func (db *DB) Drafts(ctx context.Context, userID int64) ([]Draft, error) {
	rows, err := db.query(ctx, `SELECT id, to_expr, subject, body, parent_id, last_error, updated_at FROM drafts WHERE user_id = ? ORDER BY updated_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("drafts: %w", err)
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		d := Draft{UserID: userID}
		var to string
		if err := rows.Scan(&d.ID, &to, &d.Subject, &d.Body, &d.ParentID, &d.LastError, &d.UpdatedAt); err != nil {
			return nil, fmt.Errorf("drafts: %w", err)
		}
		if err := json.Unmarshal([]byte(to), &d.To); err != nil {
			return nil, fmt.Errorf("draft %d: %w", d.ID, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Draft returns one of a user's drafts.
func (db *DB) Draft(ctx context.Context, userID, id int64) (Draft, error) {
	d := Draft{ID: id, UserID: userID}
	var to string
	err := db.queryRow(ctx, `SELECT to_expr, subject, body, parent_id, last_error, updated_at FROM drafts WHERE id = ? AND user_id = ?`, id, userID).
		Scan(&to, &d.Subject, &d.Body, &d.ParentID, &d.LastError, &d.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	if err != nil {
		return d, fmt.Errorf("draft %d: %w", id, err)
	}
	return d, json.Unmarshal([]byte(to), &d.To)
}

// DeleteDraft removes one of a user's drafts, inside the send transaction.
func (t *Tx) DeleteDraft(ctx context.Context, userID, id int64) error {
	_, err := t.exec(ctx, `DELETE FROM drafts WHERE id = ? AND user_id = ?`, id, userID)
	return wrap(err, "delete draft")
}

// DeleteDraft removes one of a user's drafts.
func (db *DB) DeleteDraft(ctx context.Context, userID, id int64) error {
	_, err := db.write.ExecContext(ctx, db.q(`DELETE FROM drafts WHERE id = ? AND user_id = ?`), id, userID)
	return wrap(err, "delete draft")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Blob returns stored attachment bytes by digest.
func (db *DB) Blob(ctx context.Context, sum []byte) ([]byte, error) {
	var data []byte
	err := db.queryRow(ctx, `SELECT data FROM blobs WHERE sha256 = ?`, sum).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return data, wrap(err, "blob")
}
