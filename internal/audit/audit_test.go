package audit_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

func fill(t *testing.T, db *store.DB, n int) {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 3, 18, 8, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		err := db.InTx(ctx, func(tx *store.Tx) error {
			return audit.Append(ctx, tx, audit.Entry{At: at.Add(time.Duration(i) * time.Second), Actor: fmt.Sprintf("user%d", i),
				Action: "message.sent", Target: fmt.Sprintf("message:%d", i), Scope: "establishment:0780001A", Source: "192.0.2.1", Detail: "ok"})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestVerify(t *testing.T) {
	cases := []struct {
		name   string
		tamper string // SQL run against a trail of 5 entries
		broken int64  // first broken entry, 0 for intact
	}{
		{"intact", "", 0},
		{"detail changed", "UPDATE audit SET detail = 'nothing happened' WHERE seq = 3", 3},
		{"actor changed", "UPDATE audit SET actor = 'someone.else' WHERE seq = 1", 1},
		{"time changed", "UPDATE audit SET at = at + 1 WHERE seq = 4", 4},
		{"entry removed", "DELETE FROM audit WHERE seq = 3", 3},
		{"first entry removed", "DELETE FROM audit WHERE seq = 1", 1},
		{"tail cut off", "DELETE FROM audit WHERE seq = 5", 5},
		{"reordered", "UPDATE audit SET seq = 100 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 100", 2},
		{"rehashed after change", "UPDATE audit SET detail = 'x', hash = prev_hash WHERE seq = 2", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				fill(t, db, 5)
				for _, stmt := range strings.Split(c.tamper, ";") {
					if strings.TrimSpace(stmt) == "" {
						continue
					}
					if err := db.ExecRaw(context.Background(), stmt); err != nil {
						t.Fatal(err)
					}
				}
				n, err := audit.Verify(context.Background(), db)
				var b *audit.Broken
				switch {
				case c.broken == 0 && (err != nil || n != 5):
					t.Fatalf("intact trail: n=%d err=%v", n, err)
				case c.broken != 0 && !errors.As(err, &b):
					t.Fatalf("tampering not found: n=%d err=%v", n, err)
				case c.broken != 0 && b.Seq != c.broken:
					t.Fatalf("first broken entry %d, want %d (%v)", b.Seq, c.broken, b)
				}
			})
		})
	}
}

// TestConcurrentAppends checks that appends from many goroutines keep one
// unbroken chain (on PostgreSQL they serialise on the head row).
func TestConcurrentAppends(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		errc := make(chan error, 8)
		for g := 0; g < 8; g++ {
			go func() {
				var err error
				for i := 0; i < 10 && err == nil; i++ {
					err = db.InTx(ctx, func(tx *store.Tx) error {
						return audit.Append(ctx, tx, audit.Entry{At: time.Now(), Actor: "a", Action: "x"})
					})
				}
				errc <- err
			}()
		}
		for g := 0; g < 8; g++ {
			if err := <-errc; err != nil {
				t.Fatal(err)
			}
		}
		if n, err := audit.Verify(ctx, db); err != nil || n != 80 {
			t.Fatalf("n=%d err=%v", n, err)
		}
	})
}
