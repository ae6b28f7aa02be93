package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// TestBackgroundCheckpoints: on SQLite, what is committed reaches the
// database file itself (a connection that ignores the write-ahead log
// sees it) without waiting for the automatic checkpoint's 10,000 pages;
// Close stops the checkpoints.
func TestBackgroundCheckpoints(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.InTx(ctx, func(tx *store.Tx) error {
		return tx.InsertCampaignObs(ctx, store.CampaignObs{MessageID: 1, At: 1, SenderID: 1, Role: "teacher", Status: "delivered", Keys: []int64{7}})
	})
	if err != nil {
		t.Fatal(err)
	}
	file, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "bouclier.db")+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	file.SetMaxOpenConns(1)
	// A liveness wait, not a timing: the checkpoints run every quarter of
	// a second; a whole minute means they do not run.
	deadline := time.Now().Add(time.Minute)
	for {
		var n int
		// immutable: each query reads the file afresh on a new connection.
		file.SetMaxIdleConns(0)
		err := file.QueryRowContext(ctx, `SELECT COUNT(*) FROM campaign_obs`).Scan(&n)
		if err == nil && n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the observation never reached the database file (%d rows, %v)", n, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}
