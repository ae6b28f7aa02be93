package auth

import (
	"context"
	"time"
)

// bounded admits at most a number of tasks at once, with a short queue
// behind them: past the queue, or after waiting maxWait, a task is
// refused at once (busy: 429 with Retry-After) rather than left waiting
// for tens of seconds. Waiting tasks get a freed place in arrival order
// (Go wakes blocked channel senders first in, first out), ahead of any
// tryAcquire.
type bounded struct {
	slots   chan struct{} // running
	tickets chan struct{} // running and waiting
	maxWait time.Duration
}

func newBounded(running, queue int, maxWait time.Duration) *bounded {
	if running < 1 {
		running = 1
	}
	if queue < 0 {
		queue = 0
	}
	if maxWait <= 0 {
		maxWait = HasherMaxWait
	}
	return &bounded{slots: make(chan struct{}, running), tickets: make(chan struct{}, running+queue), maxWait: maxWait}
}

// acquire takes a place in the queue, or fails at once when it is full,
// then waits for a slot for maxWait at most.
func (b *bounded) acquire(ctx context.Context) error {
	select {
	case b.tickets <- struct{}{}:
	default:
		return busy()
	}
	t := time.NewTimer(b.maxWait)
	defer t.Stop()
	select {
	case b.slots <- struct{}{}:
		return nil
	case <-t.C:
		<-b.tickets
		return busy()
	case <-ctx.Done():
		<-b.tickets
		return ctx.Err()
	}
}

// tryAcquire takes a slot only if one is free now and nobody waits.
func (b *bounded) tryAcquire() bool {
	select {
	case b.tickets <- struct{}{}:
	default:
		return false
	}
	select {
	case b.slots <- struct{}{}:
		return true
	default:
		<-b.tickets
		return false
	}
}

func (b *bounded) release() {
	<-b.slots
	<-b.tickets
}
