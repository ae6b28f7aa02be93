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
	// parent and the scope are left zero. A page of 50 full messages cost
	// more in the driver's conversion of 22 columns a row than in SQLite.
	Summary bool
}

// summaryColumns are what a Summary reads; to is the recipients' column
// or nothing (scanSummary).
func summaryColumns(to bool) string {
	cols := `m.id, m.thread_id, m.sender_id, s.username, s.display_name, s.role, m.subject, m.status, m.sent_at, m.deliver_at`
	if to {
		cols += `, m.to_expr`
	}
	return cols
}

// scanSummary reads the columns of summaryColumns(to), then extra.
func scanSummary(s interface{ Scan(...any) error }, to bool, extra ...any) (bouclier.Message, error) {
	var m bouclier.Message
	var status, role, toExpr string
	dest := []any{&m.ID, &m.ThreadID, &m.SenderID, &m.Sender, &m.SenderName, &role, &m.Subject, &status, &m.SentAt, &m.DeliverAt}
	if to {
		dest = append(dest, &toExpr)
	}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return m, err
	}
	m.Status, m.SenderRole = bouclier.MessageStatus(status), bouclier.Role(role)
	if m.ThreadID == 0 {
		m.ThreadID = m.ID
	}
	if to {
		if err := json.Unmarshal([]byte(toExpr), &m.To); err != nil {
			return m, fmt.Errorf("message %d recipients: %w", m.ID, err)
		}
	}
	return m, nil
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
	cols := messageColumns
	switch f {
	case FolderInbox, FolderTrash:
		if fl.Summary {
			cols = summaryColumns(false)
		}
		query = `SELECT ` + cols + `, d.read_at, d.trashed, EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)
			FROM deliveries d JOIN messages m ON m.id = d.message_id JOIN users s ON s.id = m.sender_id
			WHERE d.user_id = ? AND d.visible = 1 AND m.recalled = 0 AND d.trashed = ? AND d.message_id < ? AND d.message_id > ?`
		args = []any{userID, boolInt(f == FolderTrash), before, after}
		if fl.Unread {
			query += ` AND d.read_at = 0`
		}
	case FolderSent:
		if fl.Summary {
			cols = summaryColumns(true)
		}
		query = `SELECT ` + cols + `, 1, 0, EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)
			FROM messages m JOIN users s ON s.id = m.sender_id
			WHERE m.sender_id = ? AND m.recalled = 0 AND m.id < ? AND m.id > ?`
		args = []any{userID, before, after}
	default:
		return nil, fmt.Errorf("unknown folder %q", f)
	}
	if q := strings.TrimSpace(fl.Query); q != "" {
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
	out := make([]Entry, 0, min(limit, 64))
	for rows.Next() {
		var e Entry
		var readAt, trashed int64
		var att bool
		var m bouclier.Message
		if fl.Summary {
			m, err = scanSummary(rows, f == FolderSent, &readAt, &trashed, &att)
		} else {
			m, err = scanMessage(rows, &readAt, &trashed, &att)
		}
		if err != nil {
			return nil, fmt.Errorf("search %s: %w", f, err)
		}
		e.Message, e.Read, e.Trashed, e.HasAttachments = m, readAt != 0, trashed != 0, att
		out = append(out, e)
	}
	if after > 0 {
		slices.Reverse(out)
	}
	return out, rows.Err()
}
