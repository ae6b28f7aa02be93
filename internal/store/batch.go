package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrClosed is returned by a Batcher that was closed.
var ErrClosed = errors.New("store: batcher closed")

// A Batcher commits many small write jobs in one transaction (group
// commit). SQLite writes one WAL frame per touched page per commit, and
// consecutive messages touch the same pages, so sharing a commit divides
// the write cost of a send by the batch size; on PostgreSQL it shares the
// commit's fsync.
//
// Jobs share the transaction without savepoints (SQLite's savepoints copy
// every page they touch to a sub-journal, which costs more than the rare
// failure they would save): if any job fails, panics, or the commit fails,
// the whole batch is rolled back and each job is run again in a
// transaction of its own, so a job is committed whole or not at all, and
// its caller hears back only after the commit.
//
// A job may therefore run more than once; only its last run can have been
// committed. A job must not change anything outside the transaction: it
// returns what it produced (see Submit), it never writes ids into its
// inputs, so a run after a rolled-back one stores exactly the same rows.
type Batcher struct {
	db  *DB
	max int
	// linger and busy: batchLinger and batchBusy (tests set them).
	linger, busy time.Duration
	jobs         chan batchJob
	done         chan struct{}

	mu     sync.RWMutex // held for reading while a job is queued, for writing by Close
	closed bool
}

type batchJob struct {
	ctx context.Context
	fn  func(ctx context.Context, tx *Tx) error
	res chan error
}

// NewBatcher starts a batcher committing at most max jobs a transaction.
func (db *DB) NewBatcher(max int) *Batcher {
	if max < 1 {
		max = 1
	}
	b := &Batcher{db: db, max: max, linger: batchLinger, busy: batchBusy, jobs: make(chan batchJob, 4*max), done: make(chan struct{})}
	go b.loop()
	return b
}

// Do runs fn in a shared transaction and returns once it is committed (nil)
// or rolled back (fn's error, or the transaction's). fn must do only
// database work with the ctx and tx it is given: it runs on the batcher's
// goroutine, perhaps several times (see Batcher).
//
// If ctx ends before the job is queued or before it starts, the job is
// dropped and Do returns ctx's error; once started, the job runs to its
// end (its ctx keeps its values but no longer its cancellation) and Do
// waits for the outcome, so the caller always knows whether it was
// committed. After Close, Do returns ErrClosed at once.
func (b *Batcher) Do(ctx context.Context, fn func(ctx context.Context, tx *Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	j := batchJob{ctx: ctx, fn: fn, res: make(chan error, 1)}
	b.mu.RLock()
	if b.closed {
		b.mu.RUnlock()
		return ErrClosed
	}
	select {
	case b.jobs <- j:
		b.mu.RUnlock()
	case <-ctx.Done():
		b.mu.RUnlock()
		return ctx.Err()
	}
	return <-j.res
}

// Submit runs fn through b like Do and returns the value fn returned in
// the run that was committed (fn's results from a rolled-back run are
// never seen), or the zero value and the error.
func Submit[T any](ctx context.Context, b *Batcher, fn func(ctx context.Context, tx *Tx) (T, error)) (T, error) {
	var out T
	err := b.Do(ctx, func(ctx context.Context, tx *Tx) error {
		v, err := fn(ctx, tx)
		if err != nil {
			return err
		}
		out = v
		return nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}

// Close commits the jobs already queued, then returns; every later Do
// returns ErrClosed. Close may be called more than once.
func (b *Batcher) Close() {
	b.mu.Lock()
	if !b.closed {
		b.closed = true
		close(b.jobs) // no sender is left: senders hold the read lock
	}
	b.mu.Unlock()
	<-b.done
}

// batchLinger is how long a batch waits for more jobs before it is
// committed, when it found company or the server is busy (batchBusy). A
// commit writes a WAL frame for every page the batch touched, and
// consecutive sends touch the same pages (a class's delivery rows, the
// indexes' last pages): under load, batches of two (what arrives during
// one commit) cost twice the writes per message of batches of four.
const batchLinger = 500 * time.Microsecond

// batchBusy: a job arriving alone less than this after the previous
// commit lingers too, since the server is under load and company is
// coming; alone on a quiet server, it is committed at once and pays
// nothing. Under the send benchmark (8 clients), lingering for those too
// took 0.89 of the CPU per message at the median (4 rounds: 0.85–0.94;
// rate 1.20, p99 1.12; docs/performance.md).
const batchBusy = 5 * time.Millisecond

func (b *Batcher) loop() {
	defer close(b.done)
	batch := make([]batchJob, 0, b.max)
	var linger *time.Timer
	var last time.Time // when the previous batch was committed
	for j := range b.jobs {
		batch = append(batch[:0], j)
		b.fill(&batch, nil)
		busy := time.Since(last) < b.busy
		if (len(batch) > 1 || busy) && len(batch) < b.max {
			if linger == nil {
				linger = time.NewTimer(b.linger)
			} else {
				linger.Reset(b.linger)
			}
			b.fill(&batch, linger.C)
			linger.Stop()
		}
		b.run(batch)
		last = time.Now()
	}
}

// fill adds queued jobs to batch up to b.max: those already queued, and
// with wait, those that arrive before wait fires.
func (b *Batcher) fill(batch *[]batchJob, wait <-chan time.Time) {
	for len(*batch) < b.max {
		if wait == nil {
			select {
			case j, ok := <-b.jobs:
				if !ok {
					return
				}
				*batch = append(*batch, j)
			default:
				return
			}
			continue
		}
		select {
		case j, ok := <-b.jobs:
			if !ok {
				return
			}
			*batch = append(*batch, j)
		case <-wait:
			return
		}
	}
}

func (b *Batcher) run(batch []batchJob) {
	// A job whose caller gave up before it started is dropped: it never
	// touches the transaction, so the others are not affected.
	live := make([]batchJob, 0, len(batch))
	for _, j := range batch {
		if err := j.ctx.Err(); err != nil {
			j.res <- err
			continue
		}
		live = append(live, j)
	}
	if len(live) == 0 {
		return
	}
	errs := make([]error, len(live))
	err := b.db.InTx(context.Background(), func(tx *Tx) error {
		for i, j := range live {
			if errs[i] = safeRun(context.WithoutCancel(j.ctx), tx, j.fn); errs[i] != nil {
				return errs[i]
			}
		}
		return nil
	})
	if err != nil && len(live) > 1 {
		// Some job failed, or the commit did: give each job a transaction
		// of its own, so that one job's trouble is not everybody's.
		for _, j := range live {
			b.run([]batchJob{j})
		}
		return
	}
	for _, j := range live {
		j.res <- err
	}
}

// safeRun turns a panic in a job into that job's error, so one bad job
// cannot take the whole batch and the server down.
func safeRun(ctx context.Context, tx *Tx, fn func(context.Context, *Tx) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("batched job panicked: %v", r)
		}
	}()
	return fn(ctx, tx)
}
