package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// batchUsers creates a sender and n recipients and returns their ids.
func batchUsers(t testing.TB, db *store.DB, n int) (int64, []int64) {
	t.Helper()
	ctx := context.Background()
	var sender int64
	var rcpt []int64
	err := db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if sender, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof", DisplayName: "Prof", Role: bouclier.RoleTeacher}, "", time.Now()); err != nil {
			return err
		}
		for i := range n {
			id, err := tx.UpsertUser(ctx, bouclier.User{Username: fmt.Sprintf("eleve%d", i), DisplayName: "Élève", Role: bouclier.RoleStudent}, "", time.Now())
			if err != nil {
				return err
			}
			rcpt = append(rcpt, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sender, rcpt
}

// blockBatcher queues a job that waits until the returned function is
// called, so that the jobs queued meanwhile share the next transaction.
func blockBatcher(t *testing.T, b *store.Batcher) (release func()) {
	t.Helper()
	started, gate := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- b.Do(context.Background(), func(context.Context, *store.Tx) error {
			close(started)
			<-gate
			return nil
		})
	}()
	<-started
	return func() {
		close(gate)
		if err := <-done; err != nil {
			t.Errorf("blocking job: %v", err)
		}
	}
}

type outcome struct {
	id  int64
	err error
}

// runQueued queues jobs behind a blocked batcher so that they share one
// transaction, then lets them run and returns each one's outcome.
func runQueued(t *testing.T, b *store.Batcher, ctxs []context.Context, jobs []func(context.Context, *store.Tx) (int64, error)) []outcome {
	t.Helper()
	release := blockBatcher(t, b)
	out := make([]outcome, len(jobs))
	var wg sync.WaitGroup
	var queued sync.WaitGroup
	for i, job := range jobs {
		ctx := context.Background()
		if ctxs != nil && ctxs[i] != nil {
			ctx = ctxs[i]
		}
		wg.Add(1)
		queued.Add(1)
		go func() {
			defer wg.Done()
			queued.Done()
			id, err := store.Submit(ctx, b, job)
			out[i] = outcome{id, err}
		}()
	}
	queued.Wait()
	time.Sleep(50 * time.Millisecond) // let every goroutine reach the queue
	release()
	wg.Wait()
	return out
}

// TestBatcherRetryStoresSameRows: when one job fails, the batch is rolled
// back and every other job is run again alone; the messages they store are
// whole and consistent (a thread's first message is its own thread, never
// a message that was rolled back), and their inputs are left untouched.
func TestBatcherRetryStoresSameRows(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, rcpt := batchUsers(t, db, 3)
		b := db.NewBatcher(16)
		defer b.Close()
		// A first message to reply to.
		first := &bouclier.Message{SenderID: sender, Subject: "Sortie", Body: "Départ à 8 h", Status: bouclier.StatusDelivered, SentAt: 1}
		parentID, err := store.Submit(ctx, b, func(ctx context.Context, tx *store.Tx) (int64, error) {
			return tx.InsertMessage(ctx, first, rcpt)
		})
		if err != nil {
			t.Fatal(err)
		}
		const n = 6
		inputs := make([]*bouclier.Message, n)
		copies := make([]bouclier.Message, n)
		jobs := make([]func(context.Context, *store.Tx) (int64, error), n+1)
		for i := range n {
			m := &bouclier.Message{SenderID: sender, Subject: fmt.Sprintf("Devoir %d", i), Body: "Exercices 1 à 4", To: []string{"eleve0"},
				Status: bouclier.StatusDelivered, SentAt: int64(10 + i)}
			if i%2 == 1 {
				m.ThreadID, m.ParentID = parentID, parentID
			}
			inputs[i], copies[i] = m, *m
			jobs[i] = func(ctx context.Context, tx *store.Tx) (int64, error) { return tx.InsertMessage(ctx, m, rcpt) }
		}
		failing := errors.New("refused on purpose")
		jobs[n] = func(ctx context.Context, tx *store.Tx) (int64, error) {
			if _, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Échec", Body: "x", Status: bouclier.StatusDelivered}, rcpt); err != nil {
				return 0, err
			}
			return 0, failing
		}
		out := runQueued(t, b, nil, jobs)
		if !errors.Is(out[n].err, failing) {
			t.Fatalf("failing job: got %v, want %v", out[n].err, failing)
		}
		seen := map[int64]bool{}
		for i := range n {
			if out[i].err != nil {
				t.Fatalf("job %d: %v", i, out[i].err)
			}
			if !reflect.DeepEqual(*inputs[i], copies[i]) {
				t.Errorf("job %d changed its input: %+v, was %+v", i, *inputs[i], copies[i])
			}
			id := out[i].id
			if seen[id] {
				t.Errorf("id %d returned twice", id)
			}
			seen[id] = true
			e, err := db.MessageFor(ctx, sender, id)
			if err != nil {
				t.Fatalf("job %d: message %d: %v", i, id, err)
			}
			wantThread := id
			if i%2 == 1 {
				wantThread = parentID
			}
			if e.Subject != copies[i].Subject || e.ThreadID != wantThread {
				t.Errorf("job %d: stored subject %q thread %d, want %q thread %d", i, e.Subject, e.ThreadID, copies[i].Subject, wantThread)
			}
			if nd, err := db.CountDeliveries(ctx, id); err != nil || nd != len(rcpt) {
				t.Errorf("job %d: %d deliveries (%v), want %d", i, nd, err, len(rcpt))
			}
		}
		if total, err := db.CountMessages(ctx); err != nil || total != n+1 {
			t.Errorf("%d messages stored (%v), want %d: the failed job must leave nothing", total, err, n+1)
		}
	})
}

// TestBatcherPanicAndCancelFailOnlyThatJob: a job that panics, and a job
// whose context ended while it was queued, fail alone; the jobs sharing
// their transaction are committed.
func TestBatcherPanicAndCancelFailOnlyThatJob(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, rcpt := batchUsers(t, db, 2)
		b := db.NewBatcher(16)
		defer b.Close()
		insert := func(subject string) func(context.Context, *store.Tx) (int64, error) {
			return func(ctx context.Context, tx *store.Tx) (int64, error) {
				return tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: subject, Body: "b", Status: bouclier.StatusDelivered}, rcpt)
			}
		}
		cancelled, cancel := context.WithCancel(ctx)
		jobs := []func(context.Context, *store.Tx) (int64, error){
			insert("a"),
			func(ctx context.Context, tx *store.Tx) (int64, error) {
				if _, err := insert("panique")(ctx, tx); err != nil {
					return 0, err
				}
				panic("job bug")
			},
			insert("b"),
			insert("annulé"),
			insert("c"),
		}
		ctxs := []context.Context{nil, nil, nil, cancelled, nil}
		// Cancel the fourth job once it is queued, before the batch runs.
		go func() { time.Sleep(20 * time.Millisecond); cancel() }()
		out := runQueued(t, b, ctxs, jobs)
		if out[1].err == nil || !strings.Contains(out[1].err.Error(), "panicked") {
			t.Errorf("panicking job: got %v", out[1].err)
		}
		if !errors.Is(out[3].err, context.Canceled) {
			t.Errorf("cancelled job: got %v, want context.Canceled", out[3].err)
		}
		for _, i := range []int{0, 2, 4} {
			if out[i].err != nil {
				t.Errorf("job %d: %v", i, out[i].err)
			} else if _, err := db.MessageFor(ctx, sender, out[i].id); err != nil {
				t.Errorf("job %d: message %d not stored: %v", i, out[i].id, err)
			}
		}
		if total, err := db.CountMessages(ctx); err != nil || total != 3 {
			t.Errorf("%d messages stored (%v), want 3", total, err)
		}
	})
}

// TestBatcherCloseDrainsThenRefuses: Close commits what was queued, and
// every Do after it, or racing with it, returns instead of hanging.
func TestBatcherCloseDrainsThenRefuses(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, rcpt := batchUsers(t, db, 1)
		b := db.NewBatcher(4)
		insert := func(ctx context.Context, tx *store.Tx) error {
			_, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "s", Body: "b", Status: bouclier.StatusDelivered}, rcpt)
			return err
		}
		release := blockBatcher(t, b)
		const racing = 40
		errs := make(chan error, racing)
		for range racing {
			go func() { errs <- b.Do(ctx, insert) }()
		}
		time.Sleep(20 * time.Millisecond)
		closed := make(chan struct{})
		go func() { b.Close(); close(closed) }()
		time.Sleep(20 * time.Millisecond)
		release()
		<-closed
		committed := 0
		deadline := time.After(10 * time.Second)
		for range racing {
			select {
			case err := <-errs:
				switch {
				case err == nil:
					committed++
				case errors.Is(err, store.ErrClosed):
				default:
					t.Errorf("Do racing with Close: %v", err)
				}
			case <-deadline:
				t.Fatal("a Do racing with Close never returned")
			}
		}
		if n, err := db.CountMessages(ctx); err != nil || n != committed {
			t.Errorf("%d messages stored (%v), %d acknowledged", n, err, committed)
		}
		for range 20 {
			if err := b.Do(ctx, insert); !errors.Is(err, store.ErrClosed) {
				t.Fatalf("Do after Close: got %v, want ErrClosed", err)
			}
		}
		b.Close() // twice is harmless
	})
}

// TestBatcherLingersOnlyUnderLoad: a job arriving alone on a quiet
// batcher is committed at once; one arriving alone just after a commit
// waits for company and shares its transaction.
func TestBatcherLingersOnlyUnderLoad(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		b := db.NewBatcher(2)
		defer b.Close()
		// Long enough that a wrong wait shows as a hang, not as a delay.
		b.SetLinger(time.Hour, time.Hour)
		do := func(tx **store.Tx) <-chan error {
			res := make(chan error, 1)
			go func() {
				res <- b.Do(ctx, func(_ context.Context, t *store.Tx) error { *tx = t; return nil })
			}()
			return res
		}
		var first, a, c *store.Tx
		select {
		case err := <-do(&first):
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(time.Minute):
			t.Fatal("a lone job on a quiet batcher was not committed at once")
		}
		resA := do(&a)
		time.Sleep(50 * time.Millisecond)
		select {
		case err := <-resA:
			t.Fatalf("a lone job just after a commit did not wait for company (err %v)", err)
		default:
		}
		if err := <-do(&c); err != nil {
			t.Fatal(err)
		}
		if err := <-resA; err != nil {
			t.Fatal(err)
		}
		if a == nil || a != c {
			t.Fatalf("the lingering job and the next one ran in different transactions (%p, %p)", a, c)
		}
	})
}
