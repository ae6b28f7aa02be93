package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/textfold"
)

// FindUsers lists at most limit users of a scope ("national",
// "academie:ID", "establishment:UAI") whose login or name contains query,
// whatever its case and accents, by name: « helene » and « HÉLÈNE » find
// « Hélène ». Both stores compare the folded query with the key the store
// keeps with each user (SearchKey): the databases' own LOWER differ
// (SQLite folds ASCII only) and neither strips accents. A user whose key
// is still empty (written by an older program) is compared the old way.
func (db *DB) FindUsers(ctx context.Context, scope, query string, limit int) ([]bouclier.User, error) {
	where, args, err := userScopeWhere(scope)
	if err != nil {
		return nil, fmt.Errorf("find users: %w", err)
	}
	key, pat := likePattern(textfold.Fold(query)), likePattern(query)
	args = append(args, key, pat, pat, limit)
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE `+where+
		` AND (u.search_key LIKE ? ESCAPE '\' OR (u.search_key = '' AND (LOWER(u.username) LIKE ? ESCAPE '\' OR LOWER(u.display_name) LIKE ? ESCAPE '\')))
		ORDER BY u.display_name, u.username LIMIT ?`, args...)
}

// SearchKey is what FindUsers searches for a user: the login and the name,
// folded. A newline keeps a query from matching across the two.
func SearchKey(username, displayName string) string {
	return textfold.Fold(username) + "\n" + textfold.Fold(displayName)
}

// searchKeyVersion is the migration that added users.search_key.
const searchKeyVersion = 20

// fillSearchKeys writes the search key of the users written before
// migration 0020, a batch at a time, on the migration's connection.
func fillSearchKeys(ctx context.Context, conn *sql.Conn, q func(string) string) error {
	for {
		rows, err := conn.QueryContext(ctx, `SELECT id, username, display_name FROM users WHERE search_key = '' ORDER BY id LIMIT 1000`)
		if err != nil {
			return fmt.Errorf("fill search keys: %w", err)
		}
		type row struct {
			id         int64
			user, name string
		}
		var batch []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.user, &r.name); err != nil {
				rows.Close()
				return fmt.Errorf("fill search keys: %w", err)
			}
			batch = append(batch, r)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("fill search keys: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("fill search keys: %w", err)
		}
		for _, r := range batch {
			if _, err := tx.ExecContext(ctx, q(`UPDATE users SET search_key = ? WHERE id = ?`), SearchKey(r.user, r.name), r.id); err != nil {
				_ = tx.Rollback()
				return fmt.Errorf("fill search key of user %d: %w", r.id, err)
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("fill search keys: %w", err)
		}
	}
}

// userScopeWhere is the condition on users u that keeps a scope's users.
func userScopeWhere(scope string) (string, []any, error) {
	kind, id, _ := strings.Cut(scope, ":")
	switch kind {
	case "national":
		return "1 = 1", nil, nil
	case "academie":
		return "u.academie_id = ?", []any{id}, nil
	case "establishment":
		return "u.uai = ?", []any{id}, nil
	}
	return "", nil, fmt.Errorf("unknown scope %q", scope)
}

// UsersNamed returns the users with the given logins, by login, in one
// query whatever their number (an incident lists hundreds); logins not
// found are absent.
func (db *DB) UsersNamed(ctx context.Context, usernames []string) (map[string]bouclier.User, error) {
	out := make(map[string]bouclier.User, len(usernames))
	if len(usernames) == 0 {
		return out, nil
	}
	set, arg := db.textArray(usernames)
	us, err := db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE u.username IN (`+set+`)`, arg)
	if err != nil {
		return nil, fmt.Errorf("users named: %w", err)
	}
	for _, u := range us {
		out[u.Username] = u
	}
	return out, nil
}
