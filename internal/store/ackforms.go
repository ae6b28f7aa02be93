package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/bouclier/bouclier"
)

// AckRequest is what a message asks of its recipients: a read
// acknowledgement, a question (a form), or both.
type AckRequest struct {
	MessageID  int64
	Ack        bool
	Question   string   // "" when there is no form
	Kind       string   // "yesno" or "choice"
	Choices    []string // the answers offered, in order
	RemindedAt int64    // unix microseconds of the last reminder; 0: none
	Reminders  int
}

// HasForm reports whether the request carries a question.
func (r AckRequest) HasForm() bool { return r.Question != "" }

// InsertAckRequest stores what message messageID asks of its recipients,
// inside the send's transaction.
func (t *Tx) InsertAckRequest(ctx context.Context, messageID int64, r AckRequest) error {
	choices, _ := json.Marshal(nonNil(r.Choices))
	_, err := t.exec(ctx, `INSERT INTO message_requests (message_id, ack, question, kind, choices) VALUES (?, ?, ?, ?, ?)`,
		messageID, boolInt(r.Ack), r.Question, r.Kind, string(choices))
	return wrap(err, "insert ack request")
}

// AckRequest returns what message messageID asks, or ErrNotFound when it
// asks nothing.
func (db *DB) AckRequest(ctx context.Context, messageID int64) (AckRequest, error) {
	r := AckRequest{MessageID: messageID}
	var ack int
	var choices string
	err := db.queryRow(ctx, `SELECT ack, question, kind, choices, reminded_at, reminders FROM message_requests WHERE message_id = ?`, messageID).
		Scan(&ack, &r.Question, &r.Kind, &choices, &r.RemindedAt, &r.Reminders)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("ack request %d: %w", messageID, err)
	}
	r.Ack = ack != 0
	if err := json.Unmarshal([]byte(choices), &r.Choices); err != nil {
		return r, fmt.Errorf("ack request %d choices: %w", messageID, err)
	}
	return r, nil
}

// Acknowledge records that userID acknowledged message messageID, if the
// message was delivered to them (a visible delivery) and is not recalled:
// the query enforces it again whatever the caller checked. It reports
// whether the acknowledgement is new; a second one keeps the first time.
func (t *Tx) Acknowledge(ctx context.Context, messageID, userID, at int64) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO message_acks (message_id, user_id, at)
		SELECT d.message_id, d.user_id, ? FROM deliveries d JOIN messages m ON m.id = d.message_id
		WHERE d.message_id = ? AND d.user_id = ? AND d.visible = 1 AND m.recalled = 0
		ON CONFLICT DO NOTHING`, at, messageID, userID)
	if err != nil {
		return false, fmt.Errorf("acknowledge: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, wrap(err, "acknowledge")
}

// Acks returns who acknowledged message messageID, and when.
func (db *DB) Acks(ctx context.Context, messageID int64) (map[int64]int64, error) {
	rows, err := db.query(ctx, `SELECT user_id, at FROM message_acks WHERE message_id = ?`, messageID)
	if err != nil {
		return nil, fmt.Errorf("acks: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var u, at int64
		if err := rows.Scan(&u, &at); err != nil {
			return nil, fmt.Errorf("acks: %w", err)
		}
		out[u] = at
	}
	return out, rows.Err()
}

// FormAnswer is one family's answer to a message's question.
type FormAnswer struct {
	MessageID  int64
	ChildID    int64 // the pupil the answer is for: the family's key
	Choice     int   // index in AckRequest.Choices
	AnsweredBy int64
	// ByName and ByUsername name who answered (filled by FormAnswers).
	ByName, ByUsername string
	At                 int64
}

// AnswerForm stores a family's answer if none was given yet for that
// pupil, and only if the one answering received the message (a visible
// delivery of a message not recalled). It reports whether it was stored:
// false means the family has already answered, or the answerer is no
// recipient.
func (t *Tx) AnswerForm(ctx context.Context, a FormAnswer) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO form_answers (message_id, child_id, choice, answered_by, at)
		SELECT d.message_id, ?, ?, d.user_id, ? FROM deliveries d JOIN messages m ON m.id = d.message_id
		WHERE d.message_id = ? AND d.user_id = ? AND d.visible = 1 AND m.recalled = 0
		ON CONFLICT DO NOTHING`, a.ChildID, a.Choice, a.At, a.MessageID, a.AnsweredBy)
	if err != nil {
		return false, fmt.Errorf("answer form: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, wrap(err, "answer form")
}

// FormAnswers lists the answers to message messageID, keyed by pupil.
func (db *DB) FormAnswers(ctx context.Context, messageID int64) (map[int64]FormAnswer, error) {
	rows, err := db.query(ctx, `SELECT a.child_id, a.choice, a.answered_by, u.display_name, u.username, a.at
		FROM form_answers a JOIN users u ON u.id = a.answered_by WHERE a.message_id = ?`, messageID)
	if err != nil {
		return nil, fmt.Errorf("form answers: %w", err)
	}
	defer rows.Close()
	out := map[int64]FormAnswer{}
	for rows.Next() {
		a := FormAnswer{MessageID: messageID}
		if err := rows.Scan(&a.ChildID, &a.Choice, &a.AnsweredBy, &a.ByName, &a.ByUsername, &a.At); err != nil {
			return nil, fmt.Errorf("form answers: %w", err)
		}
		out[a.ChildID] = a
	}
	return out, rows.Err()
}

// ParentChild is a link of the directory between a parent and a pupil.
type ParentChild struct {
	ParentID int64
	Child    bouclier.User
}

// RecipientChildren lists the children of the parents among message
// messageID's recipients, in one query.
func (db *DB) RecipientChildren(ctx context.Context, messageID int64) ([]ParentChild, error) {
	rows, err := db.query(ctx, `SELECT `+userColumns+`, pl.parent_id FROM deliveries d
		JOIN parent_links pl ON pl.parent_id = d.user_id
		JOIN users u ON u.id = pl.child_id
		WHERE d.message_id = ? AND u.role = 'student' ORDER BY pl.parent_id, u.username`, messageID)
	if err != nil {
		return nil, fmt.Errorf("recipient children: %w", err)
	}
	defer rows.Close()
	var out []ParentChild
	for rows.Next() {
		var pc ParentChild
		var err error
		if pc.Child, err = scanUser(rows, &pc.ParentID); err != nil {
			return nil, fmt.Errorf("recipient children: %w", err)
		}
		out = append(out, pc)
	}
	return out, rows.Err()
}

// ClaimReminder moves message messageID's last reminder to at if the
// previous one was at or before notAfter, and reports whether it did: of
// two nodes or two clicks at once, one wins. prev is the time it replaced,
// for ReleaseReminder.
func (t *Tx) ClaimReminder(ctx context.Context, messageID, notAfter, at int64) (prev int64, ok bool, err error) {
	err = t.queryRow(ctx, `SELECT reminded_at FROM message_requests WHERE message_id = ?`, messageID).Scan(&prev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, ErrNotFound
	}
	if err != nil {
		return 0, false, fmt.Errorf("claim reminder: %w", err)
	}
	res, err := t.exec(ctx, `UPDATE message_requests SET reminded_at = ?, reminders = reminders + 1
		WHERE message_id = ? AND reminded_at <= ? AND reminded_at = ?`, at, messageID, notAfter, prev)
	if err != nil {
		return 0, false, fmt.Errorf("claim reminder: %w", err)
	}
	n, err := res.RowsAffected()
	return prev, n > 0, wrap(err, "claim reminder")
}

// ReleaseReminder gives back a claim whose reminder could not be sent,
// unless another claim followed it.
func (t *Tx) ReleaseReminder(ctx context.Context, messageID, claimed, prev int64) error {
	_, err := t.exec(ctx, `UPDATE message_requests SET reminded_at = ?, reminders = reminders - 1 WHERE message_id = ? AND reminded_at = ?`,
		prev, messageID, claimed)
	return wrap(err, "release reminder")
}

// SetDraftRequest records what draft draftID asks (nothing: the row goes).
func (db *DB) SetDraftRequest(ctx context.Context, draftID int64, ack bool, question string, choices []string) error {
	return db.InTx(ctx, func(t *Tx) error {
		if _, err := t.exec(ctx, `DELETE FROM draft_requests WHERE draft_id = ?`, draftID); err != nil {
			return fmt.Errorf("draft request: %w", err)
		}
		if !ack && question == "" {
			return nil
		}
		c, _ := json.Marshal(nonNil(choices))
		_, err := t.exec(ctx, `INSERT INTO draft_requests (draft_id, ack, question, choices) VALUES (?, ?, ?, ?)`, draftID, boolInt(ack), question, string(c))
		return wrap(err, "draft request")
	})
}

// DraftRequest returns what userID's draft draftID asks; nothing for a
// draft that asks nothing or is not theirs.
func (db *DB) DraftRequest(ctx context.Context, userID, draftID int64) (ack bool, question string, choices []string, err error) {
	var a int
	var c string
	err = db.queryRow(ctx, `SELECT r.ack, r.question, r.choices FROM draft_requests r JOIN drafts d ON d.id = r.draft_id
		WHERE r.draft_id = ? AND d.user_id = ?`, draftID, userID).Scan(&a, &question, &c)
	if errors.Is(err, sql.ErrNoRows) {
		return false, "", nil, nil
	}
	if err != nil {
		return false, "", nil, fmt.Errorf("draft request: %w", err)
	}
	if err := json.Unmarshal([]byte(c), &choices); err != nil {
		return false, "", nil, fmt.Errorf("draft request choices: %w", err)
	}
	return a != 0, question, choices, nil
}
