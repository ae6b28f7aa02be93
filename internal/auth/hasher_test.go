package auth

import (
	"context"
	"errors"
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
