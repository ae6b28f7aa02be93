package national

import (
	"context"
	"fmt"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// Keeping signals across restarts: every signal accepted from another
// sender is stored as received (the signed envelope) until it expires,
// and applied again when the node starts. JetStream's durable consumer
// does not deliver again what was acknowledged, so without them a
// restarted deployment would forget the observations of a wave under way
// and the signatures confirmed, and hold nothing until the next signal.
// Suspensions are rows of the store and hold anyway; their signals are
// kept for the seen set (a redelivery after a restart is a duplicate).

// keepFor is how long a kept signal of a kind stays: an observation for
// the campaign window after it was made, the rest for the stream's seven
// days (no redelivery can come later).
func (n *Node) keepFor(s Signal, now time.Time) time.Time {
	if s.Kind == KindObs {
		return s.At.Add(n.cfg.Window)
	}
	return now.Add(shareHorizon)
}

// keep stores an accepted signal, once.
func (n *Node) keep(ctx context.Context, s Signal, subject string, data []byte) error {
	now := n.now()
	exp := n.keepFor(s, now)
	if !exp.After(now) {
		return nil // expired already: nothing to restore
	}
	if _, err := n.db.KeepNationalSignal(ctx, store.NationalSignal{ID: s.ID, Sender: s.From, Kind: s.Kind, Subject: subject, Envelope: data,
		ReceivedAt: store.Micros(now), ExpiresAt: store.Micros(exp)}); err != nil {
		return fmt.Errorf("national: %w", err)
	}
	return nil
}

// restore applies again the signals kept and not expired, checked again
// as if received (a sender removed from the configuration since, or whose
// key changed, is refused now), in the order they came.
func (n *Node) restore(ctx context.Context) error {
	kept, err := n.db.NationalSignals(ctx, store.Micros(n.now()))
	if err != nil {
		return fmt.Errorf("national: restore: %w", err)
	}
	for _, k := range kept {
		s, err := n.check(k.Subject, k.Envelope)
		if err != nil {
			n.log.Warn("national: kept signal refused now", "id", k.ID, "err", err)
			continue
		}
		if s.From == n.cfg.Deployment || n.wasSeen(s.ID) {
			continue
		}
		if err := n.apply(ctx, s); err != nil {
			if IsRefused(err) {
				n.log.Warn("national: kept signal refused now", "id", k.ID, "err", err)
				continue
			}
			return fmt.Errorf("national: restore %s: %w", k.ID, err)
		}
		n.markSeen(s.ID)
		n.restored.Add(1)
	}
	return nil
}

// purgeEvery is how often expired signals are deleted.
const purgeEvery = time.Minute

// purgeLoop deletes the expired signals, at start and every purgeEvery.
func (n *Node) purgeLoop(ctx context.Context) {
	t := time.NewTicker(purgeEvery)
	defer t.Stop()
	for {
		if _, err := n.Purge(ctx); err != nil && ctx.Err() == nil {
			n.log.Warn("national: purge", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Purge deletes the kept signals expired now and returns how many.
func (n *Node) Purge(ctx context.Context) (int64, error) {
	return n.db.PurgeNationalSignals(ctx, store.Micros(n.now()))
}
