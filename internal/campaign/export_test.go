package campaign

import (
	"context"
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
