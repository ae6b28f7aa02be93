package auth

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
)

func TestHasherRefusesPastItsQueue(t *testing.T) {
	p := Params{Memory: 64, Time: 1, Threads: 1}
	cases := []struct {
		name        string
		concurrent  int
		queue       int
		maxWait     time.Duration
		held        int // tickets taken before the call (running first, then waiting)
		wantBusy    bool
		wantWaitMin time.Duration
	}{
		{"free slot", 2, 2, time.Minute, 1, false, 0},
		{"queue has room, slot frees", 1, 1, time.Minute, 1, false, 0},
		{"queue full: refused at once", 1, 2, time.Minute, 3, true, 0},
		{"waited too long: refused", 1, 4, 50 * time.Millisecond, 1, true, 50 * time.Millisecond},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := NewBoundedHasher(p, c.concurrent, c.queue, c.maxWait)
			enc, err := h.Hash(context.Background(), "pw")
			if err != nil {
				t.Fatal(err)
			}
			// Occupy: running hashes hold a slot and a ticket, waiting ones a ticket.
			for i := range c.held {
				h.bounded.tickets <- struct{}{}
				if i < c.concurrent {
					h.bounded.slots <- struct{}{}
				}
			}
			if !c.wantBusy {
				// The running hash ends soon: release one slot and ticket.
				go func() {
					time.Sleep(10 * time.Millisecond)
					<-h.bounded.slots
					<-h.bounded.tickets
				}()
			}
			start := time.Now()
			ok, _, err := h.Check(context.Background(), "pw", enc)
			waited := time.Since(start)
			if c.wantBusy {
				var be *bouclier.Error
				if !IsBusy(err) || !errors.As(err, &be) || be.Code != bouclier.ErrThrottled {
					t.Fatalf("got %v, want busy", err)
				}
				var ra RetryAfter
				if !errors.As(err, &ra) || ra.Seconds() < 1 {
					t.Fatalf("busy without Retry-After: %v", err)
				}
				if waited < c.wantWaitMin || (c.wantWaitMin == 0 && waited >= c.maxWait) {
					t.Fatalf("refused after %v", waited)
				}
				return
			}
			if err != nil || !ok {
				t.Fatalf("check: %v %v", ok, err)
			}
		})
	}
}

func TestDummyHashNeverQueues(t *testing.T) {
	h := NewBoundedHasher(Params{Memory: 64, Time: 1, Threads: 1}, 1, 4, time.Minute)
	enc, err := h.Hash(context.Background(), "pw")
	if err != nil {
		t.Fatal(err)
	}
	if !h.CheckIfIdle("x", enc) {
		t.Fatal("idle hasher skipped the dummy hash")
	}
	h.bounded.tickets <- struct{}{}
	h.bounded.slots <- struct{}{}
	if h.CheckIfIdle("x", enc) {
		t.Fatal("dummy hash ran while every slot was busy")
	}
	<-h.bounded.slots
	<-h.bounded.tickets
	h.dummy <- struct{}{}
	if h.CheckIfIdle("x", enc) {
		t.Fatal("two dummy hashes at once")
	}
}

// TestHasherMemoryBudget: running hashes never hold more argon2 memory
// together than the budget; a hash waiting for memory whose context ends
// fails (and hashes nothing) instead of skipping the check; a hash whose
// own memory exceeds the budget runs alone; the check still refuses a
// wrong password.
func TestHasherMemoryBudget(t *testing.T) {
	p := Params{Memory: 64, Time: 1, Threads: 1}
	h := NewMemoryBoundedHasher(p, 8, 8, time.Minute, 2*64) // two hashes' memory
	enc, err := h.Hash(context.Background(), "pw")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu            sync.Mutex
		held, peak    int64
		entered, over int
	)
	gate := make(chan struct{})
	in := make(chan struct{}, 64) // every hash of the test says it entered
	h.inside = func(kib int64) {
		mu.Lock()
		held += kib
		peak = max(peak, held)
		entered++
		if held > h.memCap {
			over++
		}
		mu.Unlock()
		in <- struct{}{}
		<-gate
		mu.Lock()
		held -= kib
		mu.Unlock()
	}
	type res struct {
		ok  bool
		err error
	}
	check := func(ctx context.Context, pw string) chan res {
		c := make(chan res, 1)
		go func() {
			ok, _, err := h.Check(ctx, pw, enc)
			c <- res{ok, err}
		}()
		return c
	}
	// Two checks fill the budget (one right, one wrong password).
	right, wrong := check(context.Background(), "pw"), check(context.Background(), "not pw")
	<-in
	<-in
	if h.mem.TryAcquire(1) {
		t.Fatal("two hashes running, yet memory is left in the budget")
	}
	// A third waits for memory; its context ends: it fails, unchecked.
	ctx, cancel := context.WithCancel(context.Background())
	cancelled := check(ctx, "pw")
	cancel()
	select {
	case r := <-cancelled:
		if r.ok || !errors.Is(r.err, context.Canceled) {
			t.Fatalf("cancelled waiter: ok %v, err %v; want refused with context.Canceled", r.ok, r.err)
		}
	case <-in:
		t.Fatal("a third hash ran beyond the memory budget")
	}
	// A fourth waits, then runs once the first two are done.
	later := check(context.Background(), "pw")
	close(gate)
	if r := <-right; !r.ok || r.err != nil {
		t.Fatalf("right password: %v %v", r.ok, r.err)
	}
	if r := <-wrong; r.ok || r.err != nil {
		t.Fatalf("wrong password: ok %v, err %v; want refused", r.ok, r.err)
	}
	if r := <-later; !r.ok || r.err != nil {
		t.Fatalf("waiting check: %v %v", r.ok, r.err)
	}
	// Many at once: never over the budget, every answer right.
	const n = 12
	answers := make([]chan res, n)
	for i := range answers {
		pw := "pw"
		if i%3 == 0 {
			pw = "wrong"
		}
		answers[i] = check(context.Background(), pw)
	}
	for i, c := range answers {
		if r := <-c; r.err != nil || r.ok != (i%3 != 0) {
			t.Fatalf("check %d: ok %v, err %v", i, r.ok, r.err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if over > 0 || peak > h.memCap {
		t.Fatalf("%d hashes entered over the budget (peak %d KiB of %d)", over, peak, h.memCap)
	}
	if entered != 3+n {
		t.Fatalf("%d hashes ran, want %d", entered, 3+n)
	}
	// A hash larger than the budget runs (alone) rather than never.
	big := NewMemoryBoundedHasher(Params{Memory: 256, Time: 1, Threads: 1}, 2, 2, time.Minute, 64)
	benc, err := big.Hash(context.Background(), "pw")
	if err != nil {
		t.Fatal(err)
	}
	if ok, _, err := big.Check(context.Background(), "pw", benc); !ok || err != nil {
		t.Fatalf("hash over the budget: %v %v", ok, err)
	}
}

// TestDummyHashCostsARealCheck: the dummy hash of unknown names is made
// without argon2 but is checked like a real one (same parameters, the
// whole computation run) and matches no password.
func TestDummyHashCostsARealCheck(t *testing.T) {
	p := Params{Memory: 64, Time: 2, Threads: 1}
	h := NewHasher(p, 2)
	d, err := h.DummyHash()
	if err != nil {
		t.Fatal(err)
	}
	got, _, key, err := parsePHC(d)
	if err != nil || got != p || len(key) != 32 {
		t.Fatalf("dummy %q: params %+v, %d-byte key, err %v; want %+v and 32 bytes", d, got, len(key), err, p)
	}
	ran := 0
	h.inside = func(int64) { ran++ }
	if !h.CheckIfIdle("un mot de passe", d) || ran != 1 {
		t.Fatalf("the dummy check did not run argon2 (ran %d)", ran)
	}
	if ok, _, err := h.Check(context.Background(), "", d); ok || err != nil {
		t.Fatalf("check against the dummy: ok %v, err %v", ok, err)
	}
	if d2, _ := h.DummyHash(); d2 == d {
		t.Fatal("two dummy hashes alike")
	}
}
