package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/bouclier/bouclier"
)

// FindUsers lists at most limit users of a scope ("national",
// "academie:ID", "establishment:UAI") whose login or name contains query,
// whatever its case, by name. Case is folded by the database's LOWER:
// SQLite folds ASCII letters only, so « élève » does not find « Élève »
// there (PostgreSQL folds both).
func (db *DB) FindUsers(ctx context.Context, scope, query string, limit int) ([]bouclier.User, error) {
	where, args, err := userScopeWhere(scope)
	if err != nil {
		return nil, fmt.Errorf("find users: %w", err)
	}
	pat := likePattern(query)
	args = append(args, pat, pat, limit)
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE `+where+
		` AND (LOWER(u.username) LIKE ? ESCAPE '\' OR LOWER(u.display_name) LIKE ? ESCAPE '\')
		ORDER BY u.display_name, u.username LIMIT ?`, args...)
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
