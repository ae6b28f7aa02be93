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

// The first process's chain on a new database is chain 2 (chain 1 holds
// the trail written before chains): its entry 1 is the anchor, then the 5
// entries of fill are entries 2 to 6.
func TestVerify(t *testing.T) {
	cases := []struct {
		name   string
		tamper string // SQL run against a chain of an anchor and 5 entries
		chain  int64  // first broken entry, 0 for intact
		broken int64
	}{
		{"intact", "", 0, 0},
		{"detail changed", "UPDATE audit SET detail = 'nothing happened' WHERE chain = 2 AND chain_seq = 3", 2, 3},
		{"actor changed", "UPDATE audit SET actor = 'someone.else' WHERE chain = 2 AND chain_seq = 2", 2, 2},
		{"time changed", "UPDATE audit SET at = at + 1 WHERE chain = 2 AND chain_seq = 4", 2, 4},
		{"anchor changed", "UPDATE audit SET detail = 'tips' || detail WHERE chain = 2 AND chain_seq = 1", 2, 1},
		{"entry removed", "DELETE FROM audit WHERE chain = 2 AND chain_seq = 3", 2, 3},
		{"first entry removed", "DELETE FROM audit WHERE chain = 2 AND chain_seq = 1", 2, 1},
		{"tail cut off", "DELETE FROM audit WHERE chain = 2 AND chain_seq = 6", 2, 6},
		{"tail cut off, head moved back", "DELETE FROM audit WHERE chain = 2 AND chain_seq = 6; UPDATE audit_chains SET seq = 5 WHERE id = 2", 2, 6},
		{"reordered", "UPDATE audit SET chain_seq = 100 WHERE chain = 2 AND chain_seq = 2; UPDATE audit SET chain_seq = 2 WHERE chain = 2 AND chain_seq = 3; UPDATE audit SET chain_seq = 3 WHERE chain = 2 AND chain_seq = 100", 2, 2},
		{"rehashed after change", "UPDATE audit SET detail = 'x', hash = prev_hash WHERE chain = 2 AND chain_seq = 2", 2, 2},
		{"moved to another chain", "UPDATE audit SET chain = 1, chain_seq = 1 WHERE chain = 2 AND chain_seq = 6; UPDATE audit_chains SET seq = 5 WHERE id = 2", 1, 1},
		{"head removed", "DELETE FROM audit_chains WHERE id = 2", 2, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				fill(t, db, 5)
				tamper(t, db, c.tamper)
				n, err := audit.Verify(context.Background(), db)
				var b *audit.Broken
				switch {
				case c.broken == 0 && (err != nil || n != 6):
					t.Fatalf("intact trail: n=%d err=%v", n, err)
				case c.broken != 0 && !errors.As(err, &b):
					t.Fatalf("tampering not found: n=%d err=%v", n, err)
				case c.broken != 0 && (b.Chain != c.chain || b.Seq != c.broken):
					t.Fatalf("first broken entry chain %d entry %d, want chain %d entry %d (%v)", b.Chain, b.Seq, c.chain, c.broken, b)
				}
			})
		})
	}
}

func tamper(t *testing.T, db *store.DB, sql string) {
	t.Helper()
	for _, stmt := range strings.Split(sql, ";") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if err := db.ExecRaw(context.Background(), stmt); err != nil {
			t.Fatal(err)
		}
	}
}

// TestChainsVouchForEachOther: two writers on one database (two server
// processes) append to chains of their own, each anchored on the other;
// the whole trail verifies, and a chain cut or removed behind the back of
// the anchor that recorded it is found.
func TestChainsVouchForEachOther(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			a, b := tg.Open(t), tg.Open(t)
			fill(t, a, 3) // chain 2: anchor + 3
			fill(t, b, 2) // chain 3: anchor recording chain 2 at entry 4, + 2
			fill(t, a, 2) // chain 2: entries 5 and 6; 9 entries in all
			if n, err := audit.Verify(context.Background(), a); err != nil || n != 9 {
				t.Fatalf("two chains: n=%d err=%v", n, err)
			}
			chains, err := a.AuditChains(context.Background())
			if err != nil || len(chains) != 3 {
				t.Fatalf("chains: %v %v", chains, err)
			}
			// Rewrite chain 2 from entry 4 on and move its head back: its own
			// links hold, but chain 3's anchor recorded entry 4.
			tamper(t, a, "DELETE FROM audit WHERE chain = 2 AND chain_seq >= 4; UPDATE audit_chains SET seq = 3, hash = (SELECT hash FROM audit WHERE chain = 2 AND chain_seq = 3) WHERE id = 2")
			_, err = audit.Verify(context.Background(), a)
			var br *audit.Broken
			if !errors.As(err, &br) || br.Chain != 2 || br.Seq != 4 || !strings.Contains(br.Reason, "anchor at chain 3 entry 1") {
				t.Fatalf("cut chain vouched for by another: got %v", err)
			}
			// Removing the whole chain and its head is found the same way.
			tamper(t, a, "DELETE FROM audit WHERE chain = 2; DELETE FROM audit_chains WHERE id = 2")
			if _, err := audit.Verify(context.Background(), a); !errors.As(err, &br) || br.Chain != 2 {
				t.Fatalf("removed chain: got %v", err)
			}
		})
	}
}

// TestConcurrentAppends checks that appends from many goroutines keep one
// unbroken chain per process (on PostgreSQL they serialise on the
// process's own head row, never on another process's).
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
		// 80 entries and one anchor per chain: the first appends of a
		// process may each start a chain before one of them is adopted.
		n, err := audit.Verify(ctx, db)
		chains, cerr := db.AuditChains(ctx)
		if err != nil || cerr != nil || n != 80+int64(len(chains)-1) {
			t.Fatalf("n=%d chains=%d err=%v %v", n, len(chains), err, cerr)
		}
	})
}

// TestAppendsDoNotWaitForEachOther: on PostgreSQL, where transactions of
// one process run at once, a transaction that has appended and not yet
// committed does not hold up another's append (they use different
// chains). SQLite has one writer at a time and is not concerned.
func TestAppendsDoNotWaitForEachOther(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if db.Dialect() != store.Postgres {
			return
		}
		ctx := context.Background()
		fill(t, db, 1) // one idle chain in the pool
		appended, release := make(chan struct{}), make(chan struct{})
		done := make(chan error, 1)
		go func() {
			done <- db.InTx(ctx, func(tx *store.Tx) error {
				if err := audit.Append(ctx, tx, audit.Entry{At: time.Now(), Actor: "lent", Action: "x"}); err != nil {
					return err
				}
				close(appended)
				<-release
				return nil
			})
		}()
		<-appended
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		err := db.InTx(tctx, func(tx *store.Tx) error {
			return audit.Append(tctx, tx, audit.Entry{At: time.Now(), Actor: "rapide", Action: "x"})
		})
		close(release)
		if err != nil {
			t.Fatalf("append while another transaction holds a chain: %v", err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if _, err := audit.Verify(ctx, db); err != nil {
			t.Fatal(err)
		}
	})
}
