package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/bouclier/bouclier"
)

// FolderFilter narrows a folder's listing.
type FolderFilter struct {
	Query       string // words in the subject, the text or the sender's name
	Unread      bool   // inbox and trash: unread only
	Attachments bool   // with attachments only
	// Summary reads only what a list of messages shows: ids, sender,
	// subject, status, dates (and, in the sent folder, the recipients).
	// The body, the screen's reasons, the fingerprint, the score, the
	// parent and the scope are left zero, and the thread is taken as the
	// message's own. A page of 50 full messages cost
	// more in the driver's conversion of 22 columns a row than in SQLite.
	Summary bool
}

// summaryColumns are what a Summary reads of a message; to adds the
// recipients' column (summaryScanner). The sender's name and role are read
// apart, once per sender of the page (fillSenders), and the thread is
// left to the message page.
func summaryColumns(to bool) string {
	cols := `m.id, m.sender_id, m.subject, m.status, m.sent_at, m.deliver_at`
	if to {
		cols += `, m.to_expr`
	}
	return cols
}

// summaryScanner reads the rows of a Summary: the columns of
// summaryColumns(to), then whether it was read (the delivery's read_at;
// 1 in the sent folder) and whether the message has attachments. Its destinations are made once per
// query, not per row, and are plain `any`: database/sql stores a driver's
// value in an *any as it is, where an *int64 goes through reflection, and
// per-row destinations escaped to the heap (about half of the page's
// allocations).
type summaryScanner struct {
	to   bool
	v    [9]any
	dest []any
}

func newSummaryScanner(to bool) *summaryScanner {
	s := &summaryScanner{to: to}
	n := 8 // summaryColumns(false), read, attachments
	if to {
		n++
	}
	s.dest = make([]any, n)
	for i := range s.dest {
		s.dest[i] = &s.v[i]
	}
	return s
}

// scan reads the current row into e.
func (s *summaryScanner) scan(rows interface{ Scan(...any) error }, e *Entry) error {
	if err := rows.Scan(s.dest...); err != nil {
		return err
	}
	m := &e.Message
	var oks [6]bool
	var status string
	m.ID, oks[0] = s.v[0].(int64)
	m.SenderID, oks[1] = s.v[1].(int64)
	m.Subject, oks[2] = textValue(s.v[2])
	status, oks[3] = textValue(s.v[3])
	m.SentAt, oks[4] = s.v[4].(int64)
	m.DeliverAt, oks[5] = s.v[5].(int64)
	if oks != [6]bool{true, true, true, true, true, true} {
		return fmt.Errorf("message summary: unexpected column types %T %T %T %T %T %T", s.v[0], s.v[1], s.v[2], s.v[3], s.v[4], s.v[5])
	}
	m.Status, m.ThreadID = bouclier.MessageStatus(status), m.ID
	i := 6
	if s.to {
		to, ok := textValue(s.v[i])
		if !ok {
			return fmt.Errorf("message %d recipients: unexpected column type %T", m.ID, s.v[i])
		}
		if err := json.Unmarshal([]byte(to), &m.To); err != nil {
			return fmt.Errorf("message %d recipients: %w", m.ID, err)
		}
		i++
	}
	readAt, ok := s.v[i].(int64)
	if !ok {
		return fmt.Errorf("message %d read_at: unexpected column type %T", m.ID, s.v[i])
	}
	att, err := intBool(s.v[i+1])
	if err != nil {
		return fmt.Errorf("message %d attachments: %w", m.ID, err)
	}
	e.Read, e.HasAttachments = readAt != 0, att
	return nil
}

// textValue is a text column's value as a driver gives it: a string
// (SQLite, pgx) or bytes.
func textValue(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []byte:
		return string(x), true
	}
	return "", false
}

// intBool is a boolean column as a driver gives it: an integer (SQLite)
// or a bool (PostgreSQL).
func intBool(v any) (bool, error) {
	switch x := v.(type) {
	case int64:
		return x != 0, nil
	case bool:
		return x, nil
	}
	return false, fmt.Errorf("unexpected column type %T", v)
}

// fillSenders sets the sender's username, name and role of entries from
// one query for their distinct senders (a page has a handful): cheaper
// than joining the users to each of fifty rows.
func (db *DB) fillSenders(ctx context.Context, entries []Entry) error {
	var ids []int64
	for i := range entries {
		if !slices.Contains(ids, entries[i].SenderID) {
			ids = append(ids, entries[i].SenderID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := db.query(ctx, `SELECT id, username, display_name, role FROM users WHERE id IN (`+placeholders(len(ids))+`)`, int64Args(ids)...)
	if err != nil {
		return fmt.Errorf("senders: %w", err)
	}
	defer rows.Close()
	type who struct{ username, name, role string }
	found := make(map[int64]who, len(ids))
	for rows.Next() {
		var id int64
		var w who
		if err := rows.Scan(&id, &w.username, &w.name, &w.role); err != nil {
			return fmt.Errorf("senders: %w", err)
		}
		found[id] = w
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("senders: %w", err)
	}
	for i := range entries {
		w := found[entries[i].SenderID]
		m := &entries[i].Message
		m.Sender, m.SenderName, m.SenderRole = w.username, w.name, bouclier.Role(w.role)
	}
	return nil
}

// likePattern makes a LIKE pattern matching s anywhere, its own % and _
// taken literally.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + strings.ToLower(r.Replace(s)) + "%"
}

// SearchFolder lists a user's messages in a folder that match fl, newest
// first, at most limit: with ids below before when before > 0, or, when
// after > 0, the limit messages just above after (the newer page).
func (db *DB) SearchFolder(ctx context.Context, userID int64, f Folder, fl FolderFilter, before, after int64, limit int) ([]Entry, error) {
	if before <= 0 {
		before = 1<<62 - 1
	}
	var (
		query string
		args  []any
	)
	q := strings.TrimSpace(fl.Query)
	var (
		key       pageKey
		page      pageEntry
		cacheable bool
	)
	if fl.Summary {
		key = pageKey{user: userID, folder: f, unread: fl.Unread, attachments: fl.Attachments, before: before, after: after, limit: limit}
		var hit bool
		var err error
		if page, hit, cacheable, err = db.cachedPage(ctx, key, q); err != nil {
			return nil, fmt.Errorf("search %s: %w", f, err)
		} else if hit {
			return page.entries, nil
		}
	}
	// A summary joins the senders only to search their names.
	senders := ` JOIN users s ON s.id = m.sender_id`
	if fl.Summary && q == "" {
		senders = ""
	}
	cols, trashed := messageColumns+`, d.read_at, d.trashed`, boolInt(f == FolderTrash)
	switch f {
	case FolderInbox, FolderTrash:
		if fl.Summary {
			cols = summaryColumns(false) + `, d.read_at` // trashed: the folder says
		}
		query = `SELECT ` + cols + `, EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)
			FROM deliveries d JOIN messages m ON m.id = d.message_id` + senders + `
			WHERE d.user_id = ? AND d.visible = 1 AND m.recalled = 0 AND d.trashed = ? AND d.message_id < ? AND d.message_id > ?`
		args = []any{userID, trashed, before, after}
		if fl.Unread {
			query += ` AND d.read_at = 0`
		}
	case FolderSent:
		cols = messageColumns
		if fl.Summary {
			cols = summaryColumns(true)
		}
		if !fl.Summary {
			cols += `, 1, 0`
		} else {
			cols += `, 1`
		}
		query = `SELECT ` + cols + `, EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)
			FROM messages m` + senders + `
			WHERE m.sender_id = ? AND m.recalled = 0 AND m.id < ? AND m.id > ?`
		args = []any{userID, before, after}
	default:
		return nil, fmt.Errorf("unknown folder %q", f)
	}
	if q != "" {
		p := likePattern(q)
		query += ` AND (LOWER(m.subject) LIKE ? ESCAPE '\' OR LOWER(m.body) LIKE ? ESCAPE '\' OR LOWER(s.display_name) LIKE ? ESCAPE '\')`
		args = append(args, p, p, p)
	}
	if fl.Attachments {
		query += ` AND EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)`
	}
	// The inbox's order follows the deliveries' primary key (user,
	// message), so that a page reads the index rather than sorting.
	order := "m.id"
	if f != FolderSent {
		order = "d.message_id"
	}
	if after > 0 {
		query += ` ORDER BY ` + order + ` ASC LIMIT ?`
	} else {
		query += ` ORDER BY ` + order + ` DESC LIMIT ?`
	}
	args = append(args, limit)
	rows, err := db.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", f, err)
	}
	defer rows.Close()
	out := make([]Entry, 0, min(limit, 100))
	var sum *summaryScanner
	for rows.Next() {
		out = append(out, Entry{})
		e := &out[len(out)-1]
		if fl.Summary {
			if sum == nil {
				sum = newSummaryScanner(f == FolderSent)
			}
			if err := sum.scan(rows, e); err != nil {
				return nil, fmt.Errorf("search %s: %w", f, err)
			}
			e.Trashed = f == FolderTrash
			continue
		}
		var readAt, trashed int64
		var att bool
		m, err := scanMessage(rows, &readAt, &trashed, &att)
		if err != nil {
			return nil, fmt.Errorf("search %s: %w", f, err)
		}
		e.Message, e.Read, e.Trashed, e.HasAttachments = m, readAt != 0, trashed != 0, att
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %s: %w", f, err)
	}
	if after > 0 {
		slices.Reverse(out)
	}
	if fl.Summary {
		if err := db.fillSenders(ctx, out); err != nil {
			return nil, err
		}
	}
	if cacheable {
		db.keepPage(key, page, out)
	}
	return out, nil
}
