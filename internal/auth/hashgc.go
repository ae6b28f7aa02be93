package auth

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// Why a collection after a password hash.
//
// An argon2id hash allocates its whole memory (19 MiB by default) on the
// Go heap at once. On a server whose live heap is a few tens of MiB, that
// allocation starts a collection cycle, which ends while the hash still
// runs: the cycle counts the hash's memory as live and sets the heap's
// next target at twice that. Once the hash is done its memory is garbage,
// but the heap is allowed to grow to the inflated target before the next
// cycle: under the send benchmark, one login took the heap from 11 to
// 51 MB before its next collection (GODEBUG=gctrace=1: `31->31->30 MB`
// at the login, `51->51->14 MB` at the next cycle), and that set the
// process's peak resident memory (101–103 MiB against 92–96 MiB without
// it). A collection once no hash is running, while the hash's memory is
// dead, sets the target from the real live heap instead.
//
// It is only asked for when it pays: a cycle ended during a hash, and the
// hash's memory was at least a quarter of the heap that cycle marked live
// (on a large heap the inflation is small and a full collection costly).
// It is skipped when two cycles have ended since it was asked for (the
// second began with the hash's memory dead: the target is already right).
// Collections run in the background, one at a time and one per
// hashCollectGap at most, so that a flood of logins costs at most ten
// collections a second (a few milliseconds each on a heap of tens of MiB);
// the hasher's bounds keep the flood's own memory bounded.

// hashCollectGap is the shortest time between two collections asked for
// by password hashes. Short: while it runs the heap grows towards the
// inflated target (a second of the send benchmark after start-up, where
// the start-up's hashes asked first, took the heap to 50 MB).
const hashCollectGap = 100 * time.Millisecond

// gcSamples reads the runtime's count of finished collection cycles and
// the heap that the last one marked live.
func gcSamples() (cycles, live uint64) {
	s := [2]metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s[:])
	if s[0].Value.Kind() == metrics.KindUint64 {
		cycles = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		live = s[1].Value.Uint64()
	}
	return cycles, live
}

// hashGC is a hasher's side of it.
type hashGC struct {
	asked atomic.Int32 // collections this hasher asked for (tests)
}

// Process-wide: a collection is.
var (
	hashesRunning atomic.Int32 // argon2 computations running, every hasher
	hashSeen      atomic.Bool  // a cycle ended during a hash large against the heap
	collections   collector
	// collectHook runs the collection instead of runtime.GC (tests).
	collectHook atomic.Pointer[func()]
)

// begin is called before an argon2 computation; it returns the cycle
// count to give to end.
func (g *hashGC) begin() uint64 {
	hashesRunning.Add(1)
	c, _ := gcSamples()
	return c
}

// end is called after an argon2 computation that held kib KiB. When a
// cycle ended during it (or during another hash still running then) and
// the hash's memory weighed in that cycle's live heap, the last hash out
// asks for a collection.
func (g *hashGC) end(start uint64, kib int64) {
	c, live := gcSamples()
	if c != start && uint64(kib)<<10*4 >= live {
		hashSeen.Store(true)
	}
	if hashesRunning.Add(-1) == 0 && hashSeen.Swap(false) {
		g.asked.Add(1)
		collections.ask()
	}
}

type collector struct {
	mu      sync.Mutex
	pending bool      // a collection is scheduled or running
	last    time.Time // when the last one started
}

// ask schedules a collection, at once or hashCollectGap after the last
// one; a request while one is pending is folded into it. When it fires
// while a hash runs again, it is skipped: that hash's end asks again,
// after its memory is dead.
func (c *collector) ask() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending {
		return
	}
	c.pending = true
	asked, _ := gcSamples()
	run := func() {
		c.mu.Lock()
		c.last = time.Now()
		c.mu.Unlock()
		if now, _ := gcSamples(); now >= asked+2 {
			// The runtime collected twice since: nothing to do.
		} else if hashesRunning.Load() == 0 {
			if f := collectHook.Load(); f != nil {
				(*f)()
			} else {
				runtime.GC()
			}
		} else {
			hashSeen.Store(true)
		}
		c.mu.Lock()
		c.pending = false
		c.mu.Unlock()
		// A hash that ended while this one was being skipped found it
		// pending: ask for it.
		if hashesRunning.Load() == 0 && hashSeen.Swap(false) {
			c.ask()
		}
	}
	if wait := hashCollectGap - time.Since(c.last); wait > 0 {
		time.AfterFunc(wait, run)
		return
	}
	go run()
}
