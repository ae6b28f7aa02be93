package store

import (
	"context"
	"fmt"
)

// The admin home's pending counts: numbers only, one query each, no
// content read. uai limits to an establishment, academie to an académie;
// both empty: everywhere. The caller decides the scope (moderation).

// scopeWhere is the condition on an establishment column and an académie
// column for uai or academie, written out rather than as (? = ” OR …) so
// that the planner can use the index on the column.
func scopeWhere(uaiCol, acaCol, uai, academie string) (string, []any) {
	switch {
	case uai != "":
		return " AND " + uaiCol + " = ?", []any{uai}
	case academie != "":
		return " AND " + acaCol + " = ?", []any{academie}
	}
	return "", nil
}

// CountHeld counts the held messages awaiting a decision (the queue).
// Index: messages_scope_status (status, uai).
func (db *DB) CountHeld(ctx context.Context, uai, academie string) (int, error) {
	w, args := scopeWhere("uai", "academie", uai, academie)
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM messages WHERE status = 'held' AND recalled = 0`+w, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count held: %w", err)
	}
	return n, nil
}

// CountOpenReports counts the reports still open: not closed, on a
// message not recalled (recalling is what handles a report). Index: reports_uai.
func (db *DB) CountOpenReports(ctx context.Context, uai, academie string) (int, error) {
	w, args := scopeWhere("r.uai", "e.academie_id", uai, academie)
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM reports r JOIN messages m ON m.id = r.message_id
		LEFT JOIN establishments e ON e.uai = r.uai WHERE m.recalled = 0 AND r.closed_at = 0`+w, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count open reports: %w", err)
	}
	return n, nil
}

// CountOpenIncidents counts the open incidents touching the scope.
// Indexes: campaigns_status, campaign_places_uai, campaign_places_academie.
func (db *DB) CountOpenIncidents(ctx context.Context, uai, academie string) (int, error) {
	w, args := scopeWhere("p.uai", "p.academie", uai, academie)
	q := `SELECT COUNT(*) FROM campaigns c WHERE c.status = 'open'`
	if w != "" {
		q += ` AND EXISTS (SELECT 1 FROM campaign_places p WHERE p.campaign_id = c.id` + w + `)`
	}
	var n int
	if err := db.queryRow(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count open incidents: %w", err)
	}
	return n, nil
}
