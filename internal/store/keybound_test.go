package store_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// openBudget opens a store on the SQLite file in dir with a campaign key
// budget, closed when the test ends.
func openBudget(t *testing.T, dir string, budget int) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), store.Config{DataDir: dir, CampaignKeyBudget: budget})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestCampaignKeysBounded: with a budget of a few key entries, the
// index moves its oldest keys to the table all the time, and what
// CampaignNeighbours finds is what an index that never moves any finds
// (the unbounded one), on the same random sequence of observations,
// moves, purges and erasures, written by two servers on one file, one
// of them restarting after erasures; the entries in memory stay under
// the budget.
func TestCampaignKeysBounded(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		budget int
		seed   uint64
	}{
		{"budget 8", 8, 1},
		{"budget 24", 24, 2},
		{"budget 24, other sequence", 24, 3},
		{"budget 24, a third sequence", 24, 5},
		{"budget 24, a fourth sequence", 24, 6},
		{"budget 200", 200, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkBounded(t, tc.budget, tc.seed)
		})
	}
}

func checkBounded(t *testing.T, budget int, seed uint64) {
	ctx := context.Background()
	ref := openBudget(t, t.TempDir(), 1<<30)
	dir := t.TempDir()
	a, b := openBudget(t, dir, budget), openBudget(t, dir, budget)
	rng := rand.New(rand.NewPCG(seed, 42))

	// Both stores get the same transactions; on the bounded file,
	// written by a or b.
	both := func(what string, fn func(tx *store.Tx) error) {
		t.Helper()
		w := a
		if rng.IntN(2) == 0 {
			w = b
		}
		for _, db := range []*store.DB{ref, w} {
			if err := db.InTx(ctx, fn); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
		}
	}
	var sender int64
	both("sender", func(tx *store.Tx) (err error) {
		sender, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, "", time.Time{})
		return err
	})
	keys := func() []int64 {
		ks := []int64{}
		for range 1 + rng.IntN(4) {
			ks = append(ks, rng.Int64N(12))
		}
		if rng.IntN(3) == 0 {
			ks = append(ks, 1000+rng.Int64N(1000)) // a key of its own, nearly
		}
		return ks
	}
	var ids []int64
	keysOf := map[int64][]int64{}
	clock := int64(1000)
	for step := range 600 {
		clock += rng.Int64N(3)
		op := rng.IntN(20)
		if testing.Verbose() {
			t.Logf("step %d op %d clock %d", step, op, clock)
		}
		switch {
		case op < 12:
			at, ks, sent := clock-rng.Int64N(4), keys(), rng.Int64N(clock) // committed nearly in time order
			var got []int64
			both("observe", func(tx *store.Tx) error {
				id, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "s", Body: "b", To: []string{"user:prof"},
					Status: bouclier.StatusDelivered, SentAt: sent}, []int64{sender})
				if err != nil {
					return err
				}
				got = append(got, id)
				return tx.InsertCampaignObs(ctx, store.CampaignObs{MessageID: id, At: at, SenderID: sender, Role: "teacher", Status: "delivered", Keys: ks})
			})
			if got[0] != got[1] {
				t.Fatalf("message ids %v differ", got)
			}
			ids = append(ids, got[0])
			keysOf[got[0]] = ks
		case op < 14 && len(ids) > 0:
			// A deferred message keeps its keys, mostly.
			id, ks := ids[rng.IntN(len(ids))], keys()
			if rng.IntN(3) > 0 {
				ks = keysOf[id]
			}
			keysOf[id] = ks
			both("move", func(tx *store.Tx) error {
				return tx.MoveCampaignObs(ctx, store.CampaignObs{MessageID: id, At: clock, SenderID: sender, Role: "teacher", Status: "delivered", Keys: ks}, 0)
			})
		case op < 15:
			// Purged keys are older than any look's since (as the sweep's
			// twice the window against a window).
			both("purge", func(tx *store.Tx) error { return tx.PurgeCampaignObs(ctx, clock-100, 0) })
		case op < 16:
			// A server keeps another's erasure until its own: a erases,
			// b restarts.
			before := rng.Int64N(clock)
			for _, db := range []*store.DB{ref, a} {
				if err := db.InTx(ctx, func(tx *store.Tx) error {
					_, _, err := tx.ExpireMessages(ctx, before, 3)
					return err
				}); err != nil {
					t.Fatalf("expire: %v", err)
				}
			}
			b.Close()
			b = openBudget(t, dir, budget)
		default:
			ks, since, limit := keys(), clock-rng.Int64N(60), 1+rng.IntN(8)
			want := neighbourIDs(t, ref, ks, since, limit)
			for name, db := range map[string]*store.DB{"a": a, "b": b} {
				if got := neighbourIDs(t, db, ks, since, limit); !slices.Equal(got, want) {
					t.Fatalf("step %d, %s: keys %v since %d limit %d: got %v, want %v", step, name, ks, since, limit, got, want)
				}
				if n := db.CampaignKeyEntries(); n > budget {
					t.Fatalf("step %d, %s: %d key entries in memory, budget %d", step, name, n, budget)
				}
			}
		}
	}
	// A restart reads the mark and the log after it.
	c := openBudget(t, dir, budget)
	for k := range int64(12) {
		ks := []int64{k, (k + 5) % 12}
		want := neighbourIDs(t, ref, ks, clock-60, 20)
		for name, db := range map[string]*store.DB{"a": a, "b": b, "restarted": c} {
			if got := neighbourIDs(t, db, ks, clock-60, 20); !slices.Equal(got, want) {
				t.Errorf("end, %s: keys %v: got %v, want %v", name, ks, got, want)
			}
		}
	}
	if n, err := a.CampaignKeysOnDisk(ctx); err != nil || n == 0 && budget < 100 {
		t.Errorf("%d keys on disk (%v): nothing moved", n, err)
	}
}

// TestCampaignKeysSpillFailure: a move of keys to the table that fails is
// an error of the look, never an answer without them.
func TestCampaignKeysSpillFailure(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := openBudget(t, t.TempDir(), 8)
	if got := neighbourIDs(t, db, []int64{1}, 0, 5); len(got) != 0 {
		t.Fatalf("empty: %v", got)
	}
	if err := db.BreakCampaignKeySpill(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.InTx(ctx, func(tx *store.Tx) error {
		for id := int64(1); id <= 20; id++ {
			if err := tx.InsertCampaignObs(ctx, store.CampaignObs{MessageID: m(id), At: 1000 + id, SenderID: 1, Role: "parent", Status: "delivered", Keys: []int64{1, 100 + id}}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	got, err := db.CampaignNeighbours(ctx, []int64{1}, 0, 5)
	if err == nil {
		t.Fatalf("a failed move: no error, %d neighbours", len(got))
	}
}
