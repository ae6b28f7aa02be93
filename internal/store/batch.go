package store

import (
	"context"
	"fmt"
	"sync"
)

// A Batcher commits many small write jobs in one transaction (group
// commit). SQLite writes one WAL frame per touched page per commit, and
// consecutive messages touch the same pages, so sharing a commit divides
// the write cost of a send by the batch size; on PostgreSQL it shares the
// commit's fsync and the audit head lock.
//
// Jobs share the transaction without savepoints (SQLite's savepoints copy
// every page they touch to a sub-journal, which costs more than the rare
// failure they would save): if any job fails, the whole batch is rolled
// back and each job is run again in a transaction of its own, so a job is
// committed whole or not at all, and its caller hears back only after the
// commit.
type Batcher struct {
	db   *DB
	jobs chan batchJob
	max  int
	once sync.Once
	quit chan struct{}
	done chan struct{}
}

type batchJob struct {
	fn  func(ctx context.Context, tx *Tx) error
	res chan error
}

// NewBatcher starts a batcher committing at most max jobs a transaction.
func (db *DB) NewBatcher(max int) *Batcher {
	b := &Batcher{db: db, jobs: make(chan batchJob, 4*max), max: max, quit: make(chan struct{}), done: make(chan struct{})}
	go b.loop()
	return b
}

// Do runs fn in a shared transaction and returns once it is committed (nil)
// or rolled back (fn's error, or the commit's). fn must do only database
// work with the ctx and tx it is given: it runs on the batcher's goroutine.
func (b *Batcher) Do(ctx context.Context, fn func(ctx context.Context, tx *Tx) error) error {
	j := batchJob{fn: fn, res: make(chan error, 1)}
	select {
	case b.jobs <- j:
	case <-ctx.Done():
		return ctx.Err()
	case <-b.quit:
		return fmt.Errorf("store closing")
	}
	// Once queued, wait for the outcome whatever ctx does: the caller must
	// know whether its job was committed.
	return <-j.res
}

// Close stops the batcher after the jobs already queued.
func (b *Batcher) Close() {
	b.once.Do(func() { close(b.quit) })
	<-b.done
}

func (b *Batcher) loop() {
	defer close(b.done)
	batch := make([]batchJob, 0, b.max)
	for {
		select {
		case j := <-b.jobs:
			batch = append(batch[:0], j)
		case <-b.quit:
			for {
				select {
				case j := <-b.jobs:
					b.run([]batchJob{j})
				default:
					return
				}
			}
		}
	fill:
		for len(batch) < b.max {
			select {
			case j := <-b.jobs:
				batch = append(batch, j)
			default:
				break fill
			}
		}
		b.run(batch)
	}
}

func (b *Batcher) run(batch []batchJob) {
	ctx := context.Background()
	errs := make([]error, len(batch))
	err := b.db.InTx(ctx, func(tx *Tx) error {
		for i, j := range batch {
			if errs[i] = safeRun(ctx, tx, j.fn); errs[i] != nil {
				return errs[i]
			}
		}
		return nil
	})
	if err != nil && len(batch) > 1 {
		// Some job failed, or the commit did: give each job a transaction
		// of its own, so that one job's trouble is not everybody's.
		for _, j := range batch {
			b.run([]batchJob{j})
		}
		return
	}
	for i, j := range batch {
		if err != nil {
			j.res <- err
		} else {
			j.res <- errs[i]
		}
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
