package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestRefusesNewerSchema: a server never runs on a schema newer than it
// knows, and reopening an up-to-date database applies nothing.
func TestRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, tg.Config)
			if err != nil {
				t.Fatal(err)
			}
			latest := db.SchemaVersion()
			if err := db.ExecRaw(ctx, "INSERT INTO schema_version (version) VALUES (?)", latest+1); err != nil {
				t.Fatal(err)
			}
			db.Close()
			_, err = store.Open(ctx, tg.Config)
			if err == nil || !strings.Contains(err.Error(), "newer") {
				t.Fatalf("opened a newer schema: %v", err)
			}
		})
	}
}

func TestReopenIsIdempotent(t *testing.T) {
	t.Parallel()
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < 2; i++ {
				db, err := store.Open(ctx, tg.Config)
				if err != nil {
					t.Fatalf("open #%d: %v", i+1, err)
				}
				db.Close()
			}
		})
	}
}

func TestMustExist(t *testing.T) {
	t.Parallel()
	if _, err := store.Open(context.Background(), store.Config{DataDir: t.TempDir(), MustExist: true}); err == nil {
		t.Fatal("opened a database that does not exist")
	}
}
