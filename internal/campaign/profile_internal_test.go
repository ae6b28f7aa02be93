package campaign

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestProfileLoadsOneReadPerSender: requests of one sender that find its
// profile expired at the same time make one read and share it; a request
// whose shared read failed is told so (and reads for itself, profile), one
// of another sender is not held up, one whose context ends stops waiting.
func TestProfileLoadsOneReadPerSender(t *testing.T) {
	t.Parallel()
	var l profileLoads
	gate := make(chan struct{})
	want := profile{closed: 7}
	const n = 8
	var wg sync.WaitGroup
	results := make([]profile, n)
	shared := make([]bool, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			results[i], shared[i], errs[i] = l.do(context.Background(), 1, func() (profile, error) {
				<-gate
				return want, nil
			})
		})
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal(what)
			}
		}
	}
	waitFor("the other requests did not wait for the read in flight", func() bool {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.waiting == n-1
	})
	// Another sender reads at once, and a waiter that gives up leaves.
	if p, sh, err := l.do(context.Background(), 2, func() (profile, error) { return profile{closed: 2}, nil }); err != nil || sh || p.closed != 2 {
		t.Fatalf("another sender: %+v %v %v", p, sh, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := l.do(ctx, 1, func() (profile, error) { t.Error("a second read while one is in flight"); return profile{}, nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled waiter: %v", err)
	}
	close(gate)
	wg.Wait()
	nShared := 0
	for i := range n {
		if errs[i] != nil || results[i].closed != want.closed {
			t.Fatalf("request %d: %+v %v", i, results[i], errs[i])
		}
		if shared[i] {
			nShared++
		}
	}
	if l.reads != 2 || nShared != n-1 {
		t.Fatalf("%d reads (want 2: one per sender), %d shared results (want %d)", l.reads, nShared, n-1)
	}

	// A failed read is reported to its waiters as shared, so that each
	// reads again for itself.
	gate = make(chan struct{})
	fail := errors.New("read failed")
	res := make(chan error, 1)
	go func() {
		_, _, err := l.do(context.Background(), 3, func() (profile, error) { <-gate; return profile{}, fail })
		res <- err
	}()
	waitFor("the read did not start", func() bool { l.mu.Lock(); defer l.mu.Unlock(); return l.calls[3] != nil })
	go func() { time.Sleep(10 * time.Millisecond); close(gate) }()
	if _, sh, err := l.do(context.Background(), 3, func() (profile, error) { return want, nil }); !(sh && errors.Is(err, fail)) && !(!sh && err == nil) {
		t.Fatalf("waiter of a failed read: shared %v, %v", sh, err)
	}
	if err := <-res; !errors.Is(err, fail) {
		t.Fatal(err)
	}
}
