package store

import (
	"context"
	"fmt"
)

// Absentee is an open directory account a complete export no longer lists.
type Absentee struct {
	ID       int64
	Username string
	Scope    string
}

// ImportAbsentees returns up to limit accounts, by id after afterID, that
// the directory import created or keyed (a joint key), are open, belong to
// an establishment the run lists, and that the run's people do not
// include: what a complete export closes. Accounts made by hand (no joint
// key) and those of establishments the run does not list are never
// returned.
func (db *DB) ImportAbsentees(ctx context.Context, runID, afterID int64, limit int) ([]Absentee, error) {
	rows, err := db.query(ctx, `SELECT u.id, u.username, COALESCE(u.uai, '') FROM users u
		WHERE u.external_id IS NOT NULL AND u.closed_at = 0 AND u.id > ?
		  AND u.uai IN (SELECT r.key FROM import_rows r WHERE r.run_id = ? AND r.kind = 'establishment')
		  AND NOT EXISTS (SELECT 1 FROM import_rows r WHERE r.run_id = ? AND r.kind = 'person' AND r.key = 'x:' || u.external_id)
		ORDER BY u.id LIMIT ?`, afterID, runID, runID, limit)
	if err != nil {
		return nil, fmt.Errorf("import absentees: %w", err)
	}
	defer rows.Close()
	var out []Absentee
	for rows.Next() {
		var a Absentee
		var uai string
		if err := rows.Scan(&a.ID, &a.Username, &uai); err != nil {
			return nil, fmt.Errorf("import absentees: %w", err)
		}
		a.Scope = "establishment:" + uai
		out = append(out, a)
	}
	return out, wrap(rows.Err(), "import absentees")
}
