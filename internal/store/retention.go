package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Data protection (issue 16): what the retention job deletes, and what it
// keeps as evidence. Every deletion here is idempotent: a run taken over
// from a node that died deletes only what is left.

// messageKept is true for a message m held as evidence past its retention:
//  1. held for moderation and not yet decided;
//  2. a copy of a wave in an open incident (campaign_members);
//  3. sent by an account an open incident names (campaign_accounts);
//  4. under a legal hold, on the message or on its sender.
const messageKept = `(m.status = 'held'
	OR EXISTS (SELECT 1 FROM campaign_members cm JOIN campaigns c ON c.id = cm.campaign_id WHERE cm.message_id = m.id AND c.status = 'open')
	OR EXISTS (SELECT 1 FROM campaign_accounts ca JOIN campaigns c ON c.id = ca.campaign_id WHERE ca.user_id = m.sender_id AND c.status = 'open')
	OR EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at = 0 AND ((h.kind = 'message' AND h.target_id = m.id) OR (h.kind = 'user' AND h.target_id = m.sender_id))))`

// userKept returns the condition true when the account whose id is the
// column col is held as evidence: named by an open incident (as an account
// or as the sender of one of its copies) or under a legal hold.
func userKept(col string) string {
	return `(EXISTS (SELECT 1 FROM campaign_accounts ca JOIN campaigns c ON c.id = ca.campaign_id WHERE ca.user_id = ` + col + ` AND c.status = 'open')
	OR EXISTS (SELECT 1 FROM campaign_members cm JOIN campaigns c ON c.id = cm.campaign_id WHERE cm.sender_id = ` + col + ` AND c.status = 'open')
	OR EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at = 0 AND h.kind = 'user' AND h.target_id = ` + col + `))`
}

// ClaimRetentionRun claims the retention run of a period for node. It
// reports true to exactly one caller per period: the first, or, when that
// one's claim is older than staleBefore and the run unfinished (its node
// died), the one that takes it over.
func (db *DB) ClaimRetentionRun(ctx context.Context, period, node string, now, staleBefore int64) (bool, error) {
	var n int64
	err := db.InTx(ctx, func(t *Tx) error {
		res, err := t.exec(ctx, `INSERT INTO retention_runs (period, node, claimed_at) VALUES (?, ?, ?)
			ON CONFLICT (period) DO UPDATE SET node = excluded.node, claimed_at = excluded.claimed_at
			WHERE retention_runs.finished_at = 0 AND retention_runs.claimed_at < ?`, period, node, now, staleBefore)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("claim retention run %s: %w", period, err)
	}
	return n == 1, nil
}

// FinishRetentionRun records the report of node's run of a period. It
// fails with ErrNotFound if another node took the run over meanwhile.
func (t *Tx) FinishRetentionRun(ctx context.Context, period, node, report string, at int64) error {
	res, err := t.exec(ctx, `UPDATE retention_runs SET finished_at = ?, report = ? WHERE period = ? AND node = ? AND finished_at = 0`, at, report, period, node)
	if err != nil {
		return fmt.Errorf("finish retention run: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("finish retention run: %w", err)
	}
	if n != 1 {
		return ErrNotFound
	}
	return nil
}

// RetentionRun is one period's run as recorded.
type RetentionRun struct {
	Period     string
	Node       string
	ClaimedAt  int64
	FinishedAt int64
	Report     string
}

// RetentionRuns lists the recorded runs, newest period first.
func (db *DB) RetentionRuns(ctx context.Context, limit int) ([]RetentionRun, error) {
	rows, err := db.query(ctx, `SELECT period, node, claimed_at, finished_at, report FROM retention_runs ORDER BY period DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("retention runs: %w", err)
	}
	defer rows.Close()
	var out []RetentionRun
	for rows.Next() {
		var r RetentionRun
		if err := rows.Scan(&r.Period, &r.Node, &r.ClaimedAt, &r.FinishedAt, &r.Report); err != nil {
			return nil, fmt.Errorf("retention runs: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ids runs a query returning one int64 column inside the transaction.
func (t *Tx) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	return scanIDs(t.tx.QueryContext(ctx, t.db.q(query), args...))
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// affected sums the rows a statement deleted.
func (t *Tx) affected(ctx context.Context, n *int64, query string, args ...any) error {
	t.noteWrite(query)
	res, err := t.tx.ExecContext(ctx, t.db.q(query), args...)
	if err != nil {
		return err
	}
	k, err := res.RowsAffected()
	*n += k
	return err
}

// ExpireMessages deletes at most limit messages sent before `before` that
// are not held as evidence (messageKept), with everything hanging from
// them: every recipient's copy, reports, attachments (and their bytes once
// no attachment refers to them) and what campaign detection noted of them.
// It returns how many messages and attachments went.
func (t *Tx) ExpireMessages(ctx context.Context, before int64, limit int) (messages, attachments int64, err error) {
	ids, err := t.ids(ctx, `SELECT m.id FROM messages m WHERE m.sent_at < ? AND NOT `+messageKept+` ORDER BY m.id LIMIT ?`, before, limit)
	if err != nil || len(ids) == 0 {
		return 0, 0, wrap(err, "expire messages")
	}
	in, args := placeholders(len(ids)), int64Args(ids)
	t.erased = true
	var sums [][]byte
	rows, err := t.tx.QueryContext(ctx, t.db.q(`SELECT DISTINCT sha256 FROM attachments WHERE message_id IN (`+in+`)`), args...)
	if err != nil {
		return 0, 0, fmt.Errorf("expire messages: %w", err)
	}
	for rows.Next() {
		var s []byte
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return 0, 0, fmt.Errorf("expire messages: %w", err)
		}
		sums = append(sums, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, fmt.Errorf("expire messages: %w", err)
	}
	// Deliveries go before their messages: SQLite's unread counters
	// (0006_core.sql) look the message up when a copy goes.
	var ignored int64
	tables := []string{"deliveries", "pending_deliveries", "unreached", "reports", "campaign_members", "campaign_obs", "campaign_keys"}
	if t.db.dialect == SQLite {
		tables[len(tables)-1] = "campaign_keylog" // keyindex.go
		if err := t.dropSpilled(ctx, `l.message_id IN (`+in+`)`, args...); err != nil {
			return 0, 0, fmt.Errorf("expire messages: %w", err)
		}
	}
	for _, table := range tables {
		if err := t.affected(ctx, &ignored, `DELETE FROM `+table+` WHERE message_id IN (`+in+`)`, args...); err != nil {
			return 0, 0, fmt.Errorf("expire messages: %s: %w", table, err)
		}
	}
	if err := t.affected(ctx, &attachments, `DELETE FROM attachments WHERE message_id IN (`+in+`)`, args...); err != nil {
		return 0, 0, fmt.Errorf("expire messages: attachments: %w", err)
	}
	if err := t.affected(ctx, &messages, `DELETE FROM messages WHERE id IN (`+in+`)`, args...); err != nil {
		return 0, 0, fmt.Errorf("expire messages: %w", err)
	}
	for _, s := range sums {
		if err := t.affected(ctx, &ignored, `DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = ?)`, s, s); err != nil {
			return 0, 0, fmt.Errorf("expire messages: blobs: %w", err)
		}
	}
	return messages, attachments, nil
}

// CountKeptMessages counts the messages past their retention that are held
// as evidence (messageKept).
func (db *DB) CountKeptMessages(ctx context.Context, before int64) (int64, error) {
	var n int64
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM messages m WHERE m.sent_at < ? AND `+messageKept, before).Scan(&n)
	return n, wrap(err, "count kept messages")
}

// ErasedUsername is the name an erased account keeps: unique, and telling
// nothing of the person.
func ErasedUsername(id int64) string { return fmt.Sprintf("ancien-compte-%d", id) }

// ErasedDisplayName is what recipients see as the sender of the messages
// an erased account had sent.
const ErasedDisplayName = "Ancien compte"

// EraseClosedAccounts erases at most limit accounts the directory closed
// before closedBefore and that are not held as evidence (userKept). The
// account's row stays so that the messages it sent keep a sender for their
// recipients, but pseudonymised: username ErasedUsername, display name
// ErasedDisplayName, no address, credential or directory key. Everything
// that is the account's alone goes: sessions and their history, browsers,
// factors, codes, notices, drafts, family and teaching links, and its own
// copies of the messages it received. It returns the ids erased.
func (t *Tx) EraseClosedAccounts(ctx context.Context, closedBefore, now int64, limit int) ([]int64, error) {
	ids, err := t.ids(ctx, `SELECT u.id FROM users u WHERE u.closed_at <> 0 AND u.closed_at < ? AND u.erased_at = 0 AND NOT `+userKept("u.id")+` ORDER BY u.id LIMIT ?`,
		closedBefore, limit)
	if err != nil || len(ids) == 0 {
		return nil, wrap(err, "erase accounts")
	}
	in, args := placeholders(len(ids)), int64Args(ids)
	t.erased = true
	var ignored int64
	tables := []string{"deliveries", "pending_deliveries", "unreached", "sessions", "revoked_sessions", "known_devices", "revoked_devices", "notices",
		"draft_files", "drafts", "account_security", "totp_pending", "webauthn_credentials", "webauthn_handles", "recovery_codes", "activation_codes",
		"closed_attempts"}
	if t.db.dialect == SQLite {
		tables = append(tables, "mailbox_unread")
	}
	for _, table := range tables {
		if err := t.affected(ctx, &ignored, `DELETE FROM `+table+` WHERE user_id IN (`+in+`)`, args...); err != nil {
			return nil, fmt.Errorf("erase accounts: %s: %w", table, err)
		}
	}
	for _, q := range []string{
		`DELETE FROM webauthn_challenges WHERE user_id IN (` + in + `)`,
		`DELETE FROM teachings WHERE teacher_id IN (` + in + `)`,
		`DELETE FROM parent_links WHERE parent_id IN (` + in + `)`,
		`DELETE FROM parent_links WHERE child_id IN (` + in + `)`,
		`DELETE FROM campaign_obs WHERE sender_id IN (` + in + `)`,
	} {
		if err := t.affected(ctx, &ignored, q, args...); err != nil {
			return nil, fmt.Errorf("erase accounts: %w", err)
		}
	}
	for _, id := range ids {
		// The search key held the old name: rewritten with the new ones.
		if _, err := t.exec(ctx, `UPDATE users SET username = ?, display_name = ?, email = '', password_hash = '', totp_secret = '', totp_last = 0,
				external_id = NULL, functions = '', class_code = NULL, disabled = 1, read_only_by = '', erased_at = ?, search_key = ?, civility = '' WHERE id = ?`,
			ErasedUsername(id), ErasedDisplayName, now, SearchKey(ErasedUsername(id), ErasedDisplayName), id); err != nil {
			return nil, fmt.Errorf("erase account %d: %w", id, err)
		}
	}
	return ids, nil
}

// CountKeptAccounts counts the closed accounts past their delay that are
// held as evidence (userKept).
func (db *DB) CountKeptAccounts(ctx context.Context, closedBefore int64) (int64, error) {
	var n int64
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM users u WHERE u.closed_at <> 0 AND u.closed_at < ? AND u.erased_at = 0 AND `+userKept("u.id"), closedBefore).Scan(&n)
	return n, wrap(err, "count kept accounts")
}

// LogCounts are the connection records a retention run deleted.
type LogCounts struct {
	Sessions     int64 // open sessions long expired, and ended ones
	Devices      int64 // known and forgotten browsers
	Notices      int64 // security notices (they carry addresses and browsers)
	LoginRecords int64 // failures, throttling, attempts while closed
}

// ExpireConnectionLogs deletes the connection records older than before:
// sessions (ended, or expired and idle since), browsers, security notices,
// login failures and throttling, attempts to send while closed; those of
// accounts held as evidence (userKept) stay.
func (t *Tx) ExpireConnectionLogs(ctx context.Context, before, now int64) (LogCounts, error) {
	var c LogCounts
	steps := []struct {
		n     *int64
		query string
		args  []any
	}{
		{&c.Sessions, `DELETE FROM revoked_sessions WHERE revoked_at < ? AND NOT ` + userKept("revoked_sessions.user_id"), []any{before}},
		{&c.Sessions, `DELETE FROM sessions WHERE expires_at < ? AND last_seen < ? AND NOT ` + userKept("sessions.user_id"), []any{before, before}},
		{&c.Devices, `DELETE FROM revoked_devices WHERE revoked_at < ? AND NOT ` + userKept("revoked_devices.user_id"), []any{before}},
		{&c.Devices, `DELETE FROM known_devices WHERE last_seen < ? AND NOT ` + userKept("known_devices.user_id"), []any{before}},
		{&c.Notices, `DELETE FROM notices WHERE created_at < ? AND NOT ` + userKept("notices.user_id"), []any{before}},
		{&c.LoginRecords, `DELETE FROM login_failures WHERE at < ?`, []any{before}},
		{&c.LoginRecords, `DELETE FROM login_throttle WHERE window_start < ? AND blocked_until < ?`, []any{before, now}},
		{&c.LoginRecords, `DELETE FROM closed_attempts WHERE at < ? AND NOT ` + userKept("closed_attempts.user_id"), []any{before}},
	}
	for _, s := range steps {
		if err := t.affected(ctx, s.n, s.query, s.args...); err != nil {
			return c, fmt.Errorf("expire connection logs: %w", err)
		}
	}
	return c, nil
}

// LegalHold keeps an account's data or a message past its retention.
type LegalHold struct {
	ID         int64
	Kind       string // "user" or "message"
	TargetID   int64
	Reason     string
	CreatedBy  string
	CreatedAt  int64
	ReleasedAt int64
	ReleasedBy string
}

// AddLegalHold records a hold and returns its id.
func (t *Tx) AddLegalHold(ctx context.Context, h LegalHold) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `INSERT INTO legal_holds (kind, target_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		h.Kind, h.TargetID, h.Reason, h.CreatedBy, h.CreatedAt).Scan(&id)
	return id, wrap(err, "add legal hold")
}

// LegalHoldByID returns a hold.
func (t *Tx) LegalHoldByID(ctx context.Context, id int64) (LegalHold, error) {
	var h LegalHold
	err := t.queryRow(ctx, `SELECT id, kind, target_id, reason, created_by, created_at, released_at, released_by FROM legal_holds WHERE id = ?`, id).
		Scan(&h.ID, &h.Kind, &h.TargetID, &h.Reason, &h.CreatedBy, &h.CreatedAt, &h.ReleasedAt, &h.ReleasedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return h, ErrNotFound
	}
	return h, wrap(err, "legal hold")
}

// ReleaseLegalHold releases a hold; it reports false if it was released
// already.
func (t *Tx) ReleaseLegalHold(ctx context.Context, id int64, by string, at int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE legal_holds SET released_at = ?, released_by = ? WHERE id = ? AND released_at = 0`, at, by, id)
	if err != nil {
		return false, fmt.Errorf("release legal hold: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, wrap(err, "release legal hold")
}

// LegalHolds lists the holds on a target, the active ones first, newest
// first.
func (db *DB) LegalHolds(ctx context.Context, kind string, targetID int64) ([]LegalHold, error) {
	rows, err := db.query(ctx, `SELECT id, kind, target_id, reason, created_by, created_at, released_at, released_by FROM legal_holds
		WHERE kind = ? AND target_id = ? ORDER BY CASE WHEN released_at = 0 THEN 0 ELSE 1 END, id DESC`, kind, targetID)
	if err != nil {
		return nil, fmt.Errorf("legal holds: %w", err)
	}
	defer rows.Close()
	var out []LegalHold
	for rows.Next() {
		var h LegalHold
		if err := rows.Scan(&h.ID, &h.Kind, &h.TargetID, &h.Reason, &h.CreatedBy, &h.CreatedAt, &h.ReleasedAt, &h.ReleasedBy); err != nil {
			return nil, fmt.Errorf("legal holds: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
