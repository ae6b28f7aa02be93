package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestCampaignKeysFollowCommits: what CampaignNeighbours finds follows
// the committed observations only, on both stores (on SQLite the keys
// are indexed in memory once committed, keyindex.go): a rolled-back
// observation is not found, a moved one is found at its new instant and
// under its new keys, purged keys are not found while their
// observation stays, and an erased message is not found and takes no
// place among a key's newest.
func TestCampaignKeysFollowCommits(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		checkKeysFollowCommits(t, db, func() *store.DB { return db })
	})
}

// TestCampaignKeysAfterRestart: the same on a SQLite file whose server
// restarts before each look, so that the index is read again from the log
// every time.
func TestCampaignKeysAfterRestart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	var last *store.DB
	reopen := func() *store.DB {
		if last != nil {
			last.Close()
		}
		db, err := store.Open(ctx, store.Config{DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		last = db
		return db
	}
	t.Cleanup(func() { last.Close() })
	checkKeysFollowCommits(t, reopen(), reopen)
}

// TestCampaignKeysAcrossProcesses: two servers on one SQLite file each
// find the other's observations, once committed, after their own index
// was read: new ones, moved ones, and not rolled-back ones.
func TestCampaignKeysAcrossProcesses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	a, b := openDir(t, dir), openDir(t, dir)
	observe := func(db *store.DB, id, at int64, fail bool) {
		t.Helper()
		boom := errors.New("boom")
		err := db.InTx(ctx, func(tx *store.Tx) error {
			o := store.CampaignObs{MessageID: id, At: at, SenderID: 1, Role: "parent", Status: "delivered", Keys: []int64{5, id}}
			if err := tx.InsertCampaignObs(ctx, o); err != nil {
				return err
			}
			if fail {
				return boom
			}
			return nil
		})
		if fail && !errors.Is(err, boom) || !fail && err != nil {
			t.Fatalf("observe %d: %v", id, err)
		}
	}
	for _, db := range []*store.DB{a, b} {
		if got := neighbourIDs(t, db, []int64{5}, 0, 10); len(got) != 0 {
			t.Fatalf("empty log: %v", got)
		}
	}
	observe(a, 1, 101, false)
	observe(a, 2, 102, false)
	observe(b, 3, 103, false)
	observe(a, 4, 104, true)
	for _, db := range []*store.DB{a, b} {
		if got := neighbourIDs(t, db, []int64{5}, 0, 10); !slices.Equal(got, []int64{3, 2, 1}) {
			t.Errorf("after three observations and a rollback: got %v, want [3 2 1]", got)
		}
	}
	if err := a.InTx(ctx, func(tx *store.Tx) error {
		return tx.MoveCampaignObs(ctx, store.CampaignObs{MessageID: 1, At: 200, SenderID: 1, Role: "parent", Status: "delivered", Keys: []int64{5, 1}}, 0)
	}); err != nil {
		t.Fatal(err)
	}
	for _, db := range []*store.DB{a, b} {
		if got := neighbourIDs(t, db, []int64{5}, 0, 2); !slices.Equal(got, []int64{1, 3}) {
			t.Errorf("after a move: got %v, want [1 3]", got)
		}
	}
}

// openDir opens a store on a SQLite file in dir, as one server process
// would, closed when the test ends.
func openDir(t *testing.T, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// m is the id of the scenario's message n: past the ids of the messages
// table, so that a real message can be observed too.
func m(n int64) int64 { return 1000 + n }

func neighbourIDs(t *testing.T, db *store.DB, keys []int64, since int64, limit int) []int64 {
	t.Helper()
	got, err := db.CampaignNeighbours(context.Background(), keys, since, limit)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, o := range got {
		ids = append(ids, o.MessageID)
	}
	return ids
}

// checkKeysFollowCommits runs the scenario; look returns the store to
// read from (the same one, or the same file reopened).
func checkKeysFollowCommits(t *testing.T, db *store.DB, look func() *store.DB) {
	ctx := context.Background()
	in := func(what string, fn func(tx *store.Tx) error) {
		t.Helper()
		if err := db.InTx(ctx, fn); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	obs := func(id, at int64, keys ...int64) store.CampaignObs {
		return store.CampaignObs{MessageID: id, At: at, SenderID: 1, Role: "teacher", Status: "delivered", Keys: keys}
	}
	// Messages 1..10 at 1001..1010: odd ones under key 9, even under 8.
	in("observe", func(tx *store.Tx) error {
		for id := int64(1); id <= 10; id++ {
			if err := tx.InsertCampaignObs(ctx, obs(m(id), 1000+id, 8+id%2, 100+id)); err != nil {
				return err
			}
		}
		return nil
	})
	check := func(what string, keys []int64, since int64, limit int, want ...int64) {
		t.Helper()
		db = look()
		if got := neighbourIDs(t, db, keys, since, limit); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", what, got, want)
		}
	}
	check("committed", []int64{9}, 0, 2, m(9), m(7))

	// A batch rolled back after its observation was written.
	boom := errors.New("boom")
	if err := db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertCampaignObs(ctx, obs(m(11), 1011, 9)); err != nil {
			return err
		}
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("rolled back: %v", err)
	}
	check("rolled back", []int64{9}, 0, 1, m(9))

	// Message 3 delivered later (a deferred one) under new keys: found at
	// 2003 under them, no longer under its old ones.
	in("move", func(tx *store.Tx) error { return tx.MoveCampaignObs(ctx, obs(m(3), 2003, 9, 77), 0) })
	check("moved, new instant", []int64{9}, 2000, 5, m(3))
	check("moved, new key", []int64{77}, 0, 5, m(3))
	check("moved, newest first", []int64{9}, 0, 3, m(3), m(9), m(7))

	// Keys before 1005 purged: 1..4 no longer found (3 was moved past the
	// bound), their observations kept.
	in("purge", func(tx *store.Tx) error { return tx.PurgeCampaignObs(ctx, 1005, 0) })
	check("purged", []int64{8, 9, 101, 102, 104}, 0, 10, m(3), m(10), m(9), m(8), m(7), m(6), m(5))
	if _, err := db.CampaignObsByID(ctx, m(2)); err != nil {
		t.Errorf("the observation of a purged key: %v", err)
	}

	// Message 10 expires: not found, and key 8's newest is then 8.
	var sender, msg int64
	in("message", func(tx *store.Tx) (err error) {
		if sender, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, "", time.Time{}); err != nil {
			return err
		}
		if msg, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Sortie", Body: "…", To: []string{"user:prof"},
			Status: bouclier.StatusDelivered, SentAt: 10}, []int64{sender}); err != nil {
			return err
		}
		return tx.InsertCampaignObs(ctx, obs(msg, 1020, 8))
	})
	check("before expiry", []int64{8}, 0, 1, msg)
	in("expire", func(tx *store.Tx) error {
		n, _, err := tx.ExpireMessages(ctx, 100, 10)
		if err == nil && n != 1 {
			t.Errorf("expired %d messages, want 1", n)
		}
		return err
	})
	check("expired", []int64{8}, 0, 1, m(10))
}

// TestCampaignKeysUnderConcurrency: looks racing with commits and purges
// (the index reads the log without its lock), and with a budget of a few
// entries with moves to disk too, end with the answers of a fresh
// process, which reads the mark and the log after it.
func TestCampaignKeysUnderConcurrency(t *testing.T) {
	t.Parallel()
	for _, budget := range []int{0, 16} { // 0: the default, nothing moves to disk
		t.Run(fmt.Sprintf("budget %d", budget), func(t *testing.T) {
			t.Parallel()
			checkKeysUnderConcurrency(t, budget)
		})
	}
}

func checkKeysUnderConcurrency(t *testing.T, budget int) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openBudget(t, dir, budget)
	keys := []int64{0, 1, 2, 3, 4, 5, 6, 100, 101, 102}
	const writers, each = 4, 60
	var work, lookers sync.WaitGroup
	for w := range writers {
		work.Go(func() {
			for i := range each {
				id := int64(w*each + i + 1)
				if err := db.InTx(ctx, func(tx *store.Tx) error {
					return tx.InsertCampaignObs(ctx, store.CampaignObs{MessageID: id, At: id, SenderID: 1, Role: "parent", Status: "delivered", Keys: []int64{id % 7, 100 + id%3}})
				}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	work.Go(func() {
		for bound := int64(20); bound <= 200; bound += 20 {
			if err := db.InTx(ctx, func(tx *store.Tx) error { return tx.PurgeCampaignObs(ctx, bound, 0) }); err != nil {
				t.Error(err)
			}
		}
	})
	stop := make(chan struct{})
	for range 2 {
		lookers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := db.CampaignNeighbours(ctx, keys, 0, 1000); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	work.Wait()
	close(stop)
	lookers.Wait()
	fresh := openBudget(t, dir, budget)
	for _, k := range keys {
		if got, want := neighbourIDs(t, db, []int64{k}, 0, 1000), neighbourIDs(t, fresh, []int64{k}, 0, 1000); !slices.Equal(got, want) {
			t.Errorf("key %d: %v, a fresh index %v", k, got, want)
		}
	}
}

// TestCampaignKeysObservedDuringPurge: a purge drops the keys before its
// instant that were in the log when it ran, and only those: what is
// observed in its transaction after it, or committed by another writer
// once it is committed and read by a look before this process's index
// hears of the purge (the race of TestCampaignKeysUnderConcurrency),
// stays found, whatever its instant, as a fresh process finds it.
func TestCampaignKeysObservedDuringPurge(t *testing.T) {
	t.Parallel()
	// A step of the purge's transaction: an observation at an instant,
	// or a purge of the keys before one.
	type step struct{ observe, purge int64 }
	for _, c := range []struct {
		name string
		// before: observed, and read by the index, before the purge's
		// transaction; between: observed, and read by the index, once
		// it is committed, before its process's index hears of it.
		before  []int64
		tx      []step
		between []int64
		want    []int64 // the instants found, newest first
	}{
		{name: "a purge alone", before: []int64{10, 20, 30}, tx: []step{{purge: 25}}, want: []int64{30}},
		{name: "observed after the commit, before the bound", before: []int64{10, 30}, tx: []step{{purge: 20}},
			between: []int64{15, 25}, want: []int64{30, 25, 15}},
		{name: "observed in the transaction, after the purge", before: []int64{10}, tx: []step{{purge: 20}, {observe: 15}},
			want: []int64{15}},
		{name: "observed in the transaction, before the purge", before: []int64{10}, tx: []step{{observe: 15}, {purge: 20}},
			between: []int64{18}, want: []int64{18}},
		{name: "a second purge before the first's bound", before: []int64{10, 30},
			tx: []step{{purge: 20}, {observe: 15}, {purge: 12}}, between: []int64{5}, want: []int64{30, 15, 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			for _, tg := range storetest.Targets(t) {
				t.Run(tg.Name, func(t *testing.T) {
					ctx := context.Background()
					db := tg.Open(t)
					observe := func(tx *store.Tx, at int64) error {
						return tx.InsertCampaignObs(ctx, store.CampaignObs{MessageID: m(at), At: at, SenderID: 1, Role: "parent", Status: "delivered", Keys: []int64{7}})
					}
					observeAll := func(ats []int64) {
						t.Helper()
						for _, at := range ats {
							if err := db.InTx(ctx, func(tx *store.Tx) error { return observe(tx, at) }); err != nil {
								t.Fatal(err)
							}
						}
						neighbourIDs(t, db, []int64{7}, 0, 100) // the index reads them
					}
					observeAll(c.before)
					ran := false
					db.SetCommittedHook(func() {
						if ran {
							return // the hook's own commits
						}
						ran = true
						observeAll(c.between)
					})
					if err := db.InTx(ctx, func(tx *store.Tx) error {
						for _, s := range c.tx {
							var err error
							if s.purge != 0 {
								err = tx.PurgeCampaignObs(ctx, s.purge, 0)
							} else {
								err = observe(tx, s.observe)
							}
							if err != nil {
								return err
							}
						}
						return nil
					}); err != nil {
						t.Fatal(err)
					}
					db.SetCommittedHook(nil)
					var want []int64
					for _, at := range c.want {
						want = append(want, m(at))
					}
					if got := neighbourIDs(t, db, []int64{7}, 0, 100); !slices.Equal(got, want) {
						t.Errorf("got %v, want %v", got, want)
					}
					if got := neighbourIDs(t, tg.Open(t), []int64{7}, 0, 100); !slices.Equal(got, want) {
						t.Errorf("a fresh process: got %v, want %v", got, want)
					}
				})
			}
		})
	}
}
