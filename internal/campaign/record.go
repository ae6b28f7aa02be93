package campaign

import (
	"context"
	"fmt"
	"time"

	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// Record is the messaging.Watcher's Record: the observation of a message
// and its keys, what detection reads back, are written in the send's own
// transaction, inserts that no other send contends for. The daily counts
// of each key (campaign_history) stay with the worker (record, history.go):
// they are upserts on rows that every alike message moves, and in the send's
// transaction two processes' batches locked them in opposite orders
// (deadlocks on PostgreSQL). A separate transaction for the observations
// cost about a quarter of the server's CPU under load, and lost those still
// queued when the process died. What needs reading (the sender's signals
// for a message Watch did not see) is read now, before the transaction;
// the write reads nothing and may run more than once.
func (d *Detector) Record(ctx context.Context, o *messaging.Observed) func(context.Context, *store.Tx, int64) error {
	var p pending
	if v, ok := d.pending.Load(o); ok {
		p = v.(pending)
	} else {
		// The screen held or rejected it: Watch never saw it. Kept for
		// Stored, so that both see the same signals.
		p = d.features(o)
		p.flags = d.flags(ctx, o, p.alarm)
		p.at = time.Now()
		d.pending.Store(o, p)
	}
	j := d.jobOf(o, p)
	return func(ctx context.Context, tx *store.Tx, messageID int64) error {
		obs := j.obs // a copy: a run after a rolled-back one writes the same rows
		obs.MessageID = messageID
		return tx.InsertCampaignObs(ctx, obs)
	}
}

// record writes the observations of jobs that Record did not write, and
// counts the keys of all (history.go): the counts are written when due,
// or at once when all is true (Flush, Sweep).
func (d *Detector) record(ctx context.Context, jobs []job, all bool) error {
	var unrecorded []job
	for _, j := range jobs {
		if !j.recorded {
			unrecorded = append(unrecorded, j)
		}
	}
	if len(unrecorded) > 0 {
		err := d.db.InTx(ctx, func(tx *store.Tx) error {
			for _, j := range unrecorded {
				var err error
				if j.delivery {
					err = tx.MoveCampaignObs(ctx, j.obs, sessionSignals)
				} else {
					err = tx.InsertCampaignObs(ctx, j.obs)
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("record observations: %w", err)
		}
	}
	d.history.count(jobs)
	if all || d.history.due() {
		return d.writeHistory(ctx)
	}
	return nil
}
