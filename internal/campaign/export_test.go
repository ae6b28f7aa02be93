package campaign

import (
	"context"
	"fmt"
	"time"
)

// FlushQueued is Run's flush: the daily key counts are written only when due.
func (d *Detector) FlushQueued(ctx context.Context) error { return d.flushQueued(ctx) }

// HoldHistory makes the counts wait in memory until an explicit Flush.
func (d *Detector) HoldHistory() {
	d.history.mu.Lock()
	d.history.written = time.Now().Add(time.Hour)
	d.history.mu.Unlock()
}

// HistoryOf is what detection reads of the daily key counts.
func (d *Detector) HistoryOf(ctx context.Context, keys []int64, from, to int64) (map[int64]int, error) {
	return d.historyOf(ctx, keys, from, to)
}

// QuietFor is how long an assessment that found no wave, or a held
// sender's reassessment, is trusted.
const QuietFor = quietFor

// Neighbourhoods is the number of cluster queries made so far.
func (d *Detector) Neighbourhoods() int64 { return d.neighbourhoods.Load() }

// NoticeReads counts the store's reads of an establishment's notices.
func (d *Detector) NoticeReads() int64 { return d.noticeReads.Load() }

// NoticeFor is how long an establishment's notices are remembered.
const NoticeFor = noticeFor

// PrimeNotices remembers, as a lookup at at would have, that the
// establishment had sent no notice.
func (d *Detector) PrimeNotices(uai string, at time.Time) {
	_, _, gen := d.notices.get(uai, at)
	d.notices.put(uai, at, false, gen)
}

// WaitTurn puts a held copy among its sender's contents waiting for their
// turn (pace.go), as Watch and flush put a copy unlike the content
// assessed last: through them, such a copy must join the incident without
// being alike to the copy before it, which no short text in a test does.
func (d *Detector) WaitTurn(ctx context.Context, messageID, incident int64) error {
	obs, err := d.db.CampaignObsByID(ctx, messageID)
	if err != nil {
		return err
	}
	sig := ParseSignature(obs.Sig)
	obs.Keys = append(sig.BandKeys(), indexKeys(obs.Extra)...)
	d.work.Lock()
	defer d.work.Unlock()
	if out := d.held.admit(job{obs: obs, sig: sig, campaign: incident}, func(job, job) bool { return false }); len(out) != 0 {
		return fmt.Errorf("message %d was not made to wait: its sender's turn had come", messageID)
	}
	return nil
}
