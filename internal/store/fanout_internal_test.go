package store

import (
	"context"
	"strings"
	"testing"
)

// TestCountRejectedUsesIndex: the refusal count run on every delivered
// send reads the sender's refusals through their partial index, not the
// sender's whole mailbox or every refused message of the school.
func TestCountRejectedUsesIndex(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.read.QueryContext(ctx, `EXPLAIN QUERY PLAN `+countRejectedQuery, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "messages_rejected_sender") {
		t.Errorf("plan %q does not use messages_rejected_sender", got)
	}
}
