package store

import (
	"context"
	"fmt"
)

// IncidentPlace is one establishment's part in an incident: how many of
// the incident's messages were sent from it, by how many accounts.
type IncidentPlace struct {
	UAI      string
	Messages int
	Accounts int
}

// IncidentPlaces counts, for each establishment an incident touches, its
// messages in the incident and their distinct senders. A message counts
// for the establishment it was sent from (its own, else its sender's when
// the message is gone); an establishment touched only as a recipient
// counts 0. Most messages first, then by UAI.
func (db *DB) IncidentPlaces(ctx context.Context, campaignID int64) ([]IncidentPlace, error) {
	rows, err := db.query(ctx, `SELECT p.uai, COALESCE(x.messages, 0), COALESCE(x.accounts, 0)
		FROM campaign_places p LEFT JOIN (
			SELECT COALESCE(NULLIF(msg.uai, ''), u.uai, '') AS uai, COUNT(*) AS messages, COUNT(DISTINCT cm.sender_id) AS accounts
			FROM campaign_members cm
			LEFT JOIN messages msg ON msg.id = cm.message_id
			LEFT JOIN users u ON u.id = cm.sender_id
			WHERE cm.campaign_id = ?
			GROUP BY COALESCE(NULLIF(msg.uai, ''), u.uai, '')
		) x ON x.uai = p.uai
		WHERE p.campaign_id = ?
		ORDER BY 2 DESC, p.uai`, campaignID, campaignID)
	if err != nil {
		return nil, fmt.Errorf("incident places: %w", err)
	}
	defer rows.Close()
	var out []IncidentPlace
	for rows.Next() {
		var p IncidentPlace
		if err := rows.Scan(&p.UAI, &p.Messages, &p.Accounts); err != nil {
			return nil, fmt.Errorf("incident places: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
