package campaign

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// The daily count of each key (campaign_history) is kept in memory and
// written at most every historyEvery (Sweep's interval, or an explicit
// Flush), in one statement a day, instead of in a transaction of its own
// after every batch of sends: under load that transaction took the only
// SQLite writer between two batches, and its upserts landed on as many
// pages as the keys (11 to 16 a message). Every reader of the history in
// this process adds the counts not yet written (history), so what
// detection reads does not change; another process sees them at most
// historyEvery later, and the history is only read for the days before
// the current one.

// historyEvery bounds how long counts wait in memory.
const historyEvery = time.Second

// historyMax bounds the counts waiting: past it they are written at once.
const historyMax = 50000

type dayKey struct{ day, key int64 }

// historyBuffer holds the counts not yet written.
type historyBuffer struct {
	// rw: readers of the store's history hold it shared from their query
	// to adding the counts waiting; a write holds it exclusively from
	// taking the counts to its commit, so a reader sees each count once.
	rw      sync.RWMutex
	mu      sync.Mutex // guards counts
	counts  map[dayKey]int
	written time.Time
}

// count adds the keys of jobs to the counts waiting: each key once per
// message carrying it.
func (h *historyBuffer) count(jobs []job) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.counts == nil {
		h.counts = map[dayKey]int{}
	}
	for _, j := range jobs {
		day := dayOf(time.UnixMicro(j.obs.At))
		keys := historyKeys(j.sig, j.obs.Extra)
		place := placeOf(j.obs)
		// Every extra key (attachment, picture, link, short text) is a
		// source too, for every message: knownBare reads it for a text
		// too short for a signature, and an attachment given its history
		// beside a longer text is read as narrow as it is.
		for _, k := range append(breadthSources(j.sig, j.links), j.obs.Extra...) {
			keys = append(keys, breadthKey(k, place))
		}
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			h.counts[dayKey{day, k}]++
		}
	}
}

// A history tells a template or somebody's site from a wave's only if it
// comes from several establishments: one account can give a text, a
// domain or a picture any count the day before. A text's messages are
// counted again under its first bandsForBreadth band keys, a link's under
// its key and a salted copy of it (breadthSources), every extra key
// (attachment, picture, short text) under itself, each in one of breadthRegisters
// registers chosen by the source and the sender's establishment; the
// registers with a count say how many establishments at least gave the
// history (linear counting), the broadest source the content's. Two
// establishments share a register in one source in sixteen, in all of a
// text's four in 65,536 and in both of a link's in 256: a history judged
// narrow is judged new (fail closed). The line is MinSchools, as for a
// wave: a template two establishments share (a cité scolaire's collège
// and lycée) stays one.
const breadthRegisters = 16

// bandsForBreadth is how many of a signature's band keys are breadth
// sources: a template's copies differ in a word or two (a date), so some
// of its bands differ too. Four of sixteen keep the extra counts to a
// quarter of a text's.
const bandsForBreadth = 4

// breadthSources are the keys a message's history breadth is counted
// under: its signature's first bandsForBreadth band keys, and each link
// key with a salted copy (a second draw of registers).
func breadthSources(sig Signature, links []int64) []int64 {
	var out []int64
	if b := sig.BandKeys(); len(b) >= bandsForBreadth {
		out = append(out, b[:bandsForBreadth]...)
	}
	for _, k := range links {
		out = append(out, k, linkSalt(k))
	}
	return out
}

// linkSalt is a link key's second breadth source.
func linkSalt(k int64) int64 { return featureKey("s", fmt.Sprint(k)) }

// breadthKey is the register of source k counting messages from place.
func breadthKey(k int64, place string) int64 {
	reg := uint64(featureKey("u", fmt.Sprintf("%d/%s", k, place))) % breadthRegisters
	return featureKey("r", fmt.Sprintf("%d/%d", k, reg))
}

// breadthKeys are the registers of sources.
func breadthKeys(sources []int64) []int64 {
	out := make([]int64, 0, len(sources)*breadthRegisters)
	for _, k := range sources {
		for i := range breadthRegisters {
			out = append(out, featureKey("r", fmt.Sprintf("%d/%d", k, i)))
		}
	}
	return out
}

// broadHistory reports whether a history (counts, with regs: the
// registers of its sources, breadthKeys, read with it) comes from min
// establishments at least: its broadest source, or none counted (written
// before registers were, an upgrade: the count alone decides until it
// ages out, HistoryDays).
func broadHistory(counts map[int64]int, regs []int64, min int) bool {
	most, any := 0, false
	for src := range slices.Chunk(regs, breadthRegisters) {
		n := 0
		for _, r := range src {
			if counts[r] > 0 {
				n++
			}
		}
		most, any = max(most, n), any || n > 0
	}
	return !any || most >= min
}

// placeOf is where an observation comes from for breadth: its sender's
// establishment, or the sender for an account of none.
func placeOf(o store.CampaignObs) string {
	if o.UAI != "" {
		return o.UAI
	}
	return fmt.Sprintf("sender:%d", o.SenderID)
}

// flushQueued is Run's Flush when sends are queued: the counts are
// written only when due.
func (d *Detector) flushQueued(ctx context.Context) error {
	d.work.Lock()
	defer d.work.Unlock()
	return d.flush(ctx, false)
}

// due reports whether the counts waiting should be written now.
func (h *historyBuffer) due() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.counts) > 0 && (len(h.counts) >= historyMax || time.Since(h.written) >= historyEvery)
}

// writeHistory writes the counts waiting, moved in one order (day, then
// key) whatever the messages: two processes writing alike counts at once
// wait for each other instead of deadlocking. Counts that could not be
// written wait for the next time.
func (d *Detector) writeHistory(ctx context.Context) error {
	h := &d.history
	h.mu.Lock()
	n := len(h.counts)
	h.mu.Unlock()
	if n == 0 {
		return nil // only this goroutine (d.work) adds counts
	}
	h.rw.Lock()
	defer h.rw.Unlock()
	h.mu.Lock()
	counts := h.counts
	h.counts = map[dayKey]int{}
	h.written = time.Now()
	h.mu.Unlock()
	byDay := map[int64][]int64{}
	for dk := range counts {
		byDay[dk.day] = append(byDay[dk.day], dk.key)
	}
	err := d.db.InTx(ctx, func(tx *store.Tx) error {
		for _, day := range slices.Sorted(maps.Keys(byDay)) {
			keys := byDay[day]
			slices.Sort(keys)
			ns := make([]int64, len(keys))
			for i, k := range keys {
				ns[i] = int64(counts[dayKey{day, k}])
			}
			if err := tx.AddCampaignHistory(ctx, day, keys, ns); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		h.mu.Lock()
		for dk, n := range counts {
			h.counts[dk] += n
		}
		h.mu.Unlock()
		return fmt.Errorf("record key counts: %w", err)
	}
	return nil
}

// historyOf returns, for each of keys, how many messages carried it on
// the days in [from, to): those written and those waiting.
func (d *Detector) historyOf(ctx context.Context, keys []int64, from, to int64) (map[int64]int, error) {
	h := &d.history
	h.rw.RLock()
	defer h.rw.RUnlock()
	counts, err := d.db.CampaignHistory(ctx, keys, from, to)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.counts) == 0 {
		return counts, nil
	}
	for _, k := range slices.Compact(slices.Sorted(slices.Values(keys))) {
		for day := from; day < to; day++ {
			if n := h.counts[dayKey{day, k}]; n > 0 {
				counts[k] += n
			}
		}
	}
	return counts, nil
}
