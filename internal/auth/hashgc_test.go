package auth

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestHashCollectsOnceItsMemoryIsDead: a hash during which a collection
// cycle ended, and whose memory weighed in the heap that cycle marked
// live, is followed by a collection once no hash runs (never while one
// does, and one for hashes that overlapped); a hash small against the
// heap is not.
func TestHashCollectsOnceItsMemoryIsDead(t *testing.T) {
	var (
		mu     sync.Mutex
		during int // collections run while a hash was running
		done   = make(chan struct{}, 8)
	)
	hook := func() {
		mu.Lock()
		if hashesRunning.Load() != 0 {
			during++
		}
		mu.Unlock()
		done <- struct{}{}
	}
	collectHook.Store(&hook)
	defer collectHook.Store(nil)
	newHasher := func(kib uint32) *Hasher {
		return NewMemoryBoundedHasher(Params{Memory: kib, Time: 1, Threads: 1}, 4, 4, time.Minute, 4*int64(kib))
	}
	collected := func() bool {
		select {
		case <-done:
			return true
		case <-time.After(5 * hashCollectGap):
			return false
		}
	}

	// The hashes to check are made by a hasher of their own.
	maker := NewHasher(Params{Memory: 16 * 1024, Time: 1, Threads: 1}, 1)
	enc, err := maker.Hash(context.Background(), "pw")
	if err != nil {
		t.Fatal(err)
	}
	maker.params.Memory = 64
	senc, err := maker.Hash(context.Background(), "pw")
	if err != nil {
		t.Fatal(err)
	}

	for collections.isPending() { // the maker's, if any
		time.Sleep(10 * time.Millisecond)
	}
	for len(done) > 0 {
		<-done
	}

	// A large hash with a cycle ending during it: one collection after.
	big := newHasher(16 * 1024)
	big.inside = func(int64) { runtime.GC() }
	if ok, _, err := big.Check(context.Background(), "pw", enc); !ok || err != nil {
		t.Fatalf("check: %v %v", ok, err)
	}
	if big.gc.asked.Load() != 1 || !collected() {
		t.Fatalf("no collection after a large hash that a cycle saw live (asked %d)", big.gc.asked.Load())
	}

	// A small hash, a cycle ending during it: none (64 KiB is far less
	// than a quarter of the test's live heap).
	small := newHasher(64)
	small.inside = func(int64) { runtime.GC() }
	if ok, _, err := small.Check(context.Background(), "pw", senc); !ok || err != nil {
		t.Fatalf("check: %v %v", ok, err)
	}
	if n := small.gc.asked.Load(); n != 0 {
		t.Fatalf("%d collections asked after a hash small against the heap", n)
	}

	// Two large hashes at once, a cycle ending while both run: one
	// collection, after both are done.
	big.gc.asked.Store(0)
	gate := make(chan struct{})
	in := make(chan struct{}, 2)
	big.inside = func(int64) {
		in <- struct{}{}
		<-gate
	}
	results := make(chan error, 2)
	for range 2 {
		go func() {
			ok, _, err := big.Check(context.Background(), "pw", enc)
			if err == nil && !ok {
				err = context.Canceled // any error: the check must pass
			}
			results <- err
		}()
	}
	<-in
	<-in
	runtime.GC()
	close(gate)
	for range 2 {
		if err := <-results; err != nil {
			t.Fatal(err)
		}
	}
	if !collected() {
		t.Fatal("no collection after two large hashes that a cycle saw live")
	}
	if n := big.gc.asked.Load(); n != 1 {
		t.Fatalf("%d collections asked for two overlapping hashes, want 1", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if during != 0 {
		t.Fatalf("%d collections ran while a hash was running", during)
	}
}

func (c *collector) isPending() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pending
}
