package store

import (
	"context"
	"fmt"
)

// SuspensionsChangedSince lists the suspensions created or lifted at or
// after since, oldest first: what the national shield shares of a
// deployment's own (internal/national).
func (db *DB) SuspensionsChangedSince(ctx context.Context, since int64) ([]SuspensionRow, error) {
	rows, err := db.suspensions(ctx, `WHERE created_at >= ? OR lifted_at >= ? ORDER BY created_at, id`, since, since)
	if err != nil {
		return nil, fmt.Errorf("suspensions changed: %w", err)
	}
	return rows, nil
}
