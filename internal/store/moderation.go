package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/bouclier/bouclier"
)

// HeldItem is a held message in a moderation queue.
type HeldItem struct {
	bouclier.Message
	Recipients int
}

// Held lists held messages of the given establishments or académie (both
// empty: everywhere), oldest first.
func (db *DB) Held(ctx context.Context, uai, academie string, limit int) ([]HeldItem, error) {
	rows, err := db.query(ctx, `SELECT `+messageColumns+`, (SELECT COUNT(*) FROM deliveries d WHERE d.message_id = m.id)
		FROM messages m JOIN users s ON s.id = m.sender_id
		WHERE m.status = 'held' AND m.recalled = 0 AND (? = '' OR m.uai = ?) AND (? = '' OR m.academie = ?)
		ORDER BY m.id LIMIT ?`, uai, uai, academie, academie, limit)
	if err != nil {
		return nil, fmt.Errorf("held: %w", err)
	}
	defer rows.Close()
	var out []HeldItem
	for rows.Next() {
		var h HeldItem
		m, err := scanMessage(rows, &h.Recipients)
		if err != nil {
			return nil, fmt.Errorf("held: %w", err)
		}
		h.Message = m
		out = append(out, h)
	}
	return out, rows.Err()
}

// Decide records a moderator's decision on a held message: it moves from
// held to status (delivered makes its deliveries visible). False if the
// message was not held.
func (t *Tx) Decide(ctx context.Context, id int64, status, by string, at int64) (bool, error) {
	ok, err := t.SetStatusFrom(ctx, id, string(bouclier.StatusHeld), status)
	if err != nil || !ok {
		return ok, err
	}
	_, err = t.exec(ctx, `UPDATE messages SET decided_by = ?, decided_at = ? WHERE id = ?`, by, at, id)
	return true, wrap(err, "record decision")
}

// Recall removes a message from every mailbox (the sender's sent folder
// too). False if it was already recalled.
func (t *Tx) Recall(ctx context.Context, id int64, by string, at int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE messages SET recalled = 1, recalled_by = ?, recalled_at = ? WHERE id = ? AND recalled = 0`, by, at, id)
	if err != nil {
		return false, fmt.Errorf("recall: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// MessagesFrom lists the ids of a sender's messages sent in [from, to), not recalled.
func (db *DB) MessagesFrom(ctx context.Context, senderID, from, to int64) ([]int64, error) {
	return db.ids(ctx, `SELECT id FROM messages WHERE sender_id = ? AND sent_at >= ? AND sent_at < ? AND recalled = 0 ORDER BY id`, senderID, from, to)
}

// MessagesLike lists the ids of the messages with the same text fingerprint, not recalled.
func (db *DB) MessagesLike(ctx context.Context, fingerprint string) ([]int64, error) {
	if fingerprint == "" {
		return nil, nil
	}
	return db.ids(ctx, `SELECT id FROM messages WHERE fingerprint = ? AND recalled = 0 ORDER BY id`, fingerprint)
}

func (db *DB) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	return scanIDs(db.query(ctx, query, args...))
}

// scanIDs reads a one-column int64 result, closing the rows.
func scanIDs(rows *sql.Rows, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// RecalledCount counts the recalled messages delivered to a user, for the
// "message retiré par l'administration" notice.
func (db *DB) RecalledCount(ctx context.Context, userID int64) (int, error) {
	var n int
	// From the recalled messages (few, in their own index) to the user's
	// deliveries, not from the user's whole mailbox.
	// CROSS JOIN keeps SQLite's planner to that order.
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM messages m CROSS JOIN deliveries d
		WHERE m.recalled = 1 AND d.user_id = ? AND d.message_id = m.id AND d.visible = 1`, userID).Scan(&n)
	return n, wrap(err, "recalled count")
}

// VisibleCopies counts the deliveries of a message that a recipient can
// see now (0 once recalled or while held).
func (db *DB) VisibleCopies(ctx context.Context, messageID int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM deliveries d JOIN messages m ON m.id = d.message_id
		WHERE d.message_id = ? AND d.visible = 1 AND m.recalled = 0`, messageID).Scan(&n)
	return n, wrap(err, "visible copies")
}

// Recipients lists the users a message was addressed to.
func (db *DB) Recipients(ctx context.Context, messageID int64) ([]bouclier.User, error) {
	return db.users(ctx, `SELECT `+userColumns+` FROM users u JOIN deliveries d ON d.user_id = u.id WHERE d.message_id = ? ORDER BY u.username`, messageID)
}

// Report is a recipient's report of a message.
type Report struct {
	ID         int64
	MessageID  int64
	ReporterID int64
	Reporter   string
	Reason     string
	UAI        string
	CreatedAt  int64
	ClosedAt   int64  // closed without recalling the message; 0 while open
	ClosedBy   string // who closed it
}

// AddReport stores a report; a second report of the same message by the
// same person is ignored. It reports whether the report is new.
func (t *Tx) AddReport(ctx context.Context, r Report) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO reports (message_id, reporter_id, reason, uai, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		r.MessageID, r.ReporterID, r.Reason, r.UAI, r.CreatedAt)
	if err != nil {
		return false, fmt.Errorf("add report: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// MessageReports lists the reports of one message, oldest first.
func (db *DB) MessageReports(ctx context.Context, messageID int64) ([]Report, error) {
	return db.reports(ctx, `WHERE r.message_id = ? ORDER BY r.id`, messageID)
}

// Reports lists the open reports of an establishment (or of an
// académie's establishments, or all), newest first: those not closed, on
// a message not recalled (recalling is what handles a report), as
// CountOpenReports counts them.
func (db *DB) Reports(ctx context.Context, uai, academie string, limit int) ([]Report, error) {
	return db.reports(ctx, `WHERE (? = '' OR r.uai = ?) AND (? = '' OR e.academie_id = ?) AND r.closed_at = 0
		AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = r.message_id AND m.recalled <> 0) ORDER BY r.id DESC LIMIT ?`, uai, uai, academie, academie, limit)
}

// ReportByID returns one report.
func (db *DB) ReportByID(ctx context.Context, id int64) (Report, error) {
	rs, err := db.reports(ctx, `WHERE r.id = ?`, id)
	if err != nil {
		return Report{}, err
	}
	if len(rs) == 0 {
		return Report{}, ErrNotFound
	}
	return rs[0], nil
}

// CloseReport closes an open report; false if it was not open.
func (t *Tx) CloseReport(ctx context.Context, id int64, by string, at int64) (bool, error) {
	return t.insertNew(ctx, "close report", `UPDATE reports SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at = 0`, at, by, id)
}

func (db *DB) reports(ctx context.Context, where string, args ...any) ([]Report, error) {
	rows, err := db.query(ctx, `SELECT r.id, r.message_id, r.reporter_id, u.username, r.reason, r.uai, r.created_at, r.closed_at, r.closed_by
		FROM reports r JOIN users u ON u.id = r.reporter_id LEFT JOIN establishments e ON e.uai = r.uai `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	defer rows.Close()
	var out []Report
	for rows.Next() {
		var r Report
		if err := rows.Scan(&r.ID, &r.MessageID, &r.ReporterID, &r.Reporter, &r.Reason, &r.UAI, &r.CreatedAt, &r.ClosedAt, &r.ClosedBy); err != nil {
			return nil, fmt.Errorf("reports: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (t *Tx) bumpScreen(ctx context.Context) error {
	_, err := t.exec(ctx, `UPDATE screen_version SET version = version + 1 WHERE id = 1`)
	return wrap(err, "bump screen version")
}

// ScreenVersion returns the version of the screen's lists.
func (db *DB) ScreenVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.queryRow(ctx, `SELECT version FROM screen_version WHERE id = 1`).Scan(&v)
	return v, wrap(err, "screen version")
}

// AddBlockedDigest adds a SHA-256 (hex) to the blocklist.
func (t *Tx) AddBlockedDigest(ctx context.Context, hexSum, label, by string, at int64) error {
	if _, err := t.exec(ctx, `INSERT INTO blocked_digests (sha256, label, added_by, added_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (sha256) DO UPDATE SET label = excluded.label`, hexSum, label, by, at); err != nil {
		return fmt.Errorf("add blocked digest: %w", err)
	}
	return t.bumpScreen(ctx)
}

// BlockedDigests returns the blocklist: hex digest → label.
func (db *DB) BlockedDigests(ctx context.Context) (map[string]string, error) {
	return db.pairs(ctx, `SELECT sha256, label FROM blocked_digests`)
}

// AddSuspectDomain records a domain seen in a held message; false if known.
func (t *Tx) AddSuspectDomain(ctx context.Context, domain string, messageID, at int64) (bool, error) {
	res, err := t.exec(ctx, `INSERT INTO suspect_domains (domain, message_id, added_at) VALUES (?, ?, ?) ON CONFLICT (domain) DO NOTHING`, domain, messageID, at)
	if err != nil {
		return false, fmt.Errorf("add suspect domain: %w", err)
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		return false, nil
	}
	return true, t.bumpScreen(ctx)
}

// SuspectDomains lists the domains seen in held messages.
func (db *DB) SuspectDomains(ctx context.Context) ([]string, error) {
	return db.strings(ctx, `SELECT domain FROM suspect_domains ORDER BY domain`)
}

// AddAllowedDomain allowlists a domain for an académie ("" for everyone).
func (t *Tx) AddAllowedDomain(ctx context.Context, academie, domain, by string) error {
	if _, err := t.exec(ctx, `INSERT INTO allowed_domains (academie, domain, added_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, academie, domain, by); err != nil {
		return fmt.Errorf("add allowed domain: %w", err)
	}
	return t.bumpScreen(ctx)
}

// AllowedDomains returns académie → allowlisted domains.
func (db *DB) AllowedDomains(ctx context.Context) (map[string][]string, error) {
	rows, err := db.query(ctx, `SELECT academie, domain FROM allowed_domains ORDER BY academie, domain`)
	if err != nil {
		return nil, fmt.Errorf("allowed domains: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var a, d string
		if err := rows.Scan(&a, &d); err != nil {
			return nil, err
		}
		out[a] = append(out[a], d)
	}
	return out, rows.Err()
}

func (db *DB) pairs(ctx context.Context, query string, args ...any) (map[string]string, error) {
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// LockSender puts a user in read-only, imposed with authority over the
// scope by, and ends their sessions, keeping their records (revoked at at,
// for reason) as evidence.
func (t *Tx) LockSender(ctx context.Context, userID int64, by string, at int64, reason string) error {
	if err := t.SetReadOnlyBy(ctx, userID, true, by); err != nil {
		return err
	}
	_, err := t.RevokeUserSessions(ctx, userID, at, reason)
	return err
}

// SessionsForEvidence lists a user's sessions without their token hashes:
// the open ones, newest first, then the ended ones (RevokedAt set).
func (db *DB) SessionsForEvidence(ctx context.Context, userID int64) ([]Session, error) {
	ss, err := db.UserSessions(ctx, userID)
	if err != nil {
		return nil, err
	}
	for i := range ss {
		ss[i].TokenHash, ss[i].CSRFHash = nil, nil
	}
	ended, err := db.RevokedSessions(ctx, userID)
	return append(ss, ended...), err
}

// Device is a browser an account logged in from, as evidence.
type Device struct {
	Network      string
	UAFamily     string
	CreatedAt    int64
	LastSeen     int64
	RevokedAt    int64 // 0 while known
	RevokeReason string
}

// DevicesForEvidence lists a user's known browsers, then the forgotten
// ones, without their token hashes.
func (db *DB) DevicesForEvidence(ctx context.Context, userID int64) ([]Device, error) {
	rows, err := db.query(ctx, `SELECT network, ua_family, created_at, last_seen, 0, '' FROM known_devices WHERE user_id = ?
		UNION ALL
		SELECT network, ua_family, created_at, last_seen, revoked_at, revoke_reason FROM revoked_devices WHERE user_id = ?
		ORDER BY 5, 3`, userID, userID)
	if err != nil {
		return nil, fmt.Errorf("devices: %w", err)
	}
	defer rows.Close()
	var out []Device
	for rows.Next() {
		var d Device
		if err := rows.Scan(&d.Network, &d.UAFamily, &d.CreatedAt, &d.LastSeen, &d.RevokedAt, &d.RevokeReason); err != nil {
			return nil, fmt.Errorf("devices: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// HeldCopies are the held messages of one text (fingerprint and subject) within an
// establishment or an académie (both empty: everywhere), counted whole
// rather than within a page of the queue.
type HeldCopies struct {
	Subject        string // of the copy asked about
	IDs            []int64
	Mailboxes      int // distinct recipients
	Establishments int
}

// HeldCopiesOf lists the held copies of a text: its body's fingerprint
// and its subject.
func (db *DB) HeldCopiesOf(ctx context.Context, uai, academie, fingerprint, subject string) (HeldCopies, error) {
	var c HeldCopies
	if fingerprint == "" {
		return c, nil
	}
	const where = `m.status = 'held' AND m.recalled = 0 AND m.fingerprint = ? AND m.subject = ? AND (? = '' OR m.uai = ?) AND (? = '' OR m.academie = ?)`
	var err error
	c.IDs, err = scanIDs(db.query(ctx, `SELECT m.id FROM messages m WHERE `+where+` ORDER BY m.id`, fingerprint, subject, uai, uai, academie, academie))
	if err != nil {
		return c, fmt.Errorf("held copies: %w", err)
	}
	err = db.queryRow(ctx, `SELECT (SELECT COUNT(DISTINCT d.user_id) FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE `+where+`),
		(SELECT COUNT(DISTINCT m.uai) FROM messages m WHERE `+where+`)`,
		fingerprint, subject, uai, uai, academie, academie, fingerprint, subject, uai, uai, academie, academie).Scan(&c.Mailboxes, &c.Establishments)
	if err != nil {
		return c, fmt.Errorf("held copies: %w", err)
	}
	return c, nil
}
