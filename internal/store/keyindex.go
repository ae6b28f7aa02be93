package store

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
)

// keyIndex holds, on SQLite, the campaign keys of recent observations
// (MinHash bands, attachment digests, link domains) in the process's
// memory, where PostgreSQL has the campaign_keys table.
//
// Why: a message has about fifteen keys, and in a table indexed by key
// each landed on a page of its own. Under the send benchmark those pages
// were half of every group commit's write-ahead log (63-81 of 138-163
// pages, docs/performance.md), and the writer is two thirds of the
// server's CPU. Now a send appends one row to campaign_keylog (its keys
// as a list), on pages the commit writes anyway, and each process reads
// the rows added since it last looked before it answers (keyNeighbours): the
// rows of other processes on the same file too, in commit order (seq),
// and never a rolled-back one. The first look reads the whole log, which
// holds the keys' window only (PurgeCampaignObs), so a restart or a crash
// loses nothing.
//
// Removals are made by this process's own transactions once committed
// (InTx): a purge trims the index, an erasure drops it, to be read again
// from the log. Another
// process's purge or erasure leaves entries here until this process's
// own (both sweep; their observations are gone, so they are never
// returned, at worst they take a place among a key's newest).
type keyIndex struct {
	mu sync.Mutex
	// last is the newest log row read; 0: nothing read yet.
	last int64
	// gen counts the removals, so that rows read before one are not
	// merged after it.
	gen uint64

	// The index is compact, for it holds the keys' whole window (about
	// fifteen keys a message): each row read is stored once in rows, and
	// a key points to row numbers, as one number in one while it has a
	// single row (most keys of varied texts), or as a list in many,
	// ascending by (at, message), once it has more. About 15 bytes a key
	// and 16 a row, against 55 and more for a map of slices of entries.
	rows []keyEntry
	one  map[int64]uint32
	many map[int64][]uint32
}

type keyEntry struct{ at, message int64 }

func compareEntries(a, b keyEntry) int {
	return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.message, b.message))
}

// trim drops the entries before a purge's instant, once committed, and
// packs the rows still pointed to.
func (ix *keyIndex) trim(before int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.gen++
	rows := make([]keyEntry, 0, len(ix.rows)/2)
	moved := map[uint32]uint32{}
	keep := func(r uint32) (uint32, bool) {
		if ix.rows[r].at < before {
			return 0, false
		}
		n, ok := moved[r]
		if !ok {
			n = uint32(len(rows))
			rows = append(rows, ix.rows[r])
			moved[r] = n
		}
		return n, true
	}
	for k, r := range ix.one {
		if n, ok := keep(r); ok {
			ix.one[k] = n
		} else {
			delete(ix.one, k)
		}
	}
	for k, l := range ix.many {
		out := l[:0]
		for _, r := range l {
			if n, ok := keep(r); ok {
				out = append(out, n)
			}
		}
		ix.setMany(k, out)
	}
	ix.rows = rows
}

// reset forgets everything: the next look reads the log again.
func (ix *keyIndex) reset() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.gen++
	ix.last, ix.rows, ix.one, ix.many = 0, nil, nil, nil
}

// add files a log row under its keys. ix.mu is held.
func (ix *keyIndex) add(r keyRow) {
	if ix.one == nil {
		ix.one, ix.many = map[int64]uint32{}, map[int64][]uint32{}
	}
	e := keyEntry{at: r.at, message: r.message}
	row := uint32(len(ix.rows))
	ix.rows = append(ix.rows, e)
	for _, k := range r.keys {
		l, ok := ix.many[k]
		if !ok {
			first, ok := ix.one[k]
			if !ok {
				ix.one[k] = row
				continue
			}
			delete(ix.one, k)
			l = []uint32{first}
		}
		if r.moved {
			// Filed again at its delivery: its entries of the send go.
			l = slices.DeleteFunc(l, func(x uint32) bool { return ix.rows[x].message == r.message })
		}
		// Rows come in time order, nearly: the end first.
		if n := len(l); n == 0 || compareEntries(ix.rows[l[n-1]], e) < 0 {
			ix.setMany(k, append(l, row))
			continue
		}
		i, found := slices.BinarySearchFunc(l, e, func(x uint32, e keyEntry) int { return compareEntries(ix.rows[x], e) })
		if !found { // found: a row read twice
			l = slices.Insert(l, i, row)
		}
		ix.setMany(k, l)
	}
}

// setMany stores a key's list where its length says.
func (ix *keyIndex) setMany(k int64, l []uint32) {
	switch len(l) {
	case 0:
		delete(ix.many, k)
	case 1:
		delete(ix.many, k)
		ix.one[k] = l[0]
	default:
		ix.many[k] = l
	}
}

// entries returns a key's rows, ascending. ix.mu is held.
func (ix *keyIndex) entries(k int64) []uint32 {
	if l, ok := ix.many[k]; ok {
		return l
	}
	if r, ok := ix.one[k]; ok {
		return []uint32{r}
	}
	return nil
}

// newest returns the messages sharing a key with keys at or after since,
// newest first, at most limit: each key's newest limit, then the newest
// of all (what CampaignNeighbours reads from the table on PostgreSQL).
// ix.mu is held.
func (ix *keyIndex) newest(keys []int64, since int64, limit int) []int64 {
	newest := map[int64]int64{} // message -> its newest instant among the keys
	for _, k := range keys {
		l := ix.entries(k)
		i, _ := slices.BinarySearchFunc(l, keyEntry{at: since, message: math.MinInt64}, func(x uint32, e keyEntry) int { return compareEntries(ix.rows[x], e) })
		l = l[i:]
		if len(l) > limit {
			l = l[len(l)-limit:]
		}
		for _, x := range l {
			e := ix.rows[x]
			if at, ok := newest[e.message]; !ok || e.at > at {
				newest[e.message] = e.at
			}
		}
	}
	ids := make([]int64, 0, len(newest))
	for id := range newest {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int {
		return cmp.Or(cmp.Compare(newest[b], newest[a]), cmp.Compare(b, a))
	})
	if len(ids) > limit {
		ids = ids[:limit]
	}
	return ids
}

// keyNeighbours is CampaignNeighbours' choice of messages on SQLite: the
// index, once it has read the log's new rows.
func (db *DB) keyNeighbours(ctx context.Context, keys []int64, since int64, limit int) ([]int64, error) {
	ix := &db.keys
	for attempt := 0; ; attempt++ {
		ix.mu.Lock()
		last, gen := ix.last, ix.gen
		// Read without the lock, so that commits' removals are not held
		// up, unless reads keep racing with them.
		locked := attempt >= 2
		if !locked {
			ix.mu.Unlock()
		}
		rows, err := db.keyLog(ctx, last)
		if !locked {
			ix.mu.Lock()
		}
		if err != nil {
			ix.mu.Unlock()
			return nil, err
		}
		if ix.gen != gen {
			ix.mu.Unlock()
			continue
		}
		for _, r := range rows {
			if r.seq > ix.last { // another look may have read it meanwhile
				ix.add(r)
				ix.last = r.seq
			}
		}
		ids := ix.newest(keys, since, limit)
		ix.mu.Unlock()
		return ids, nil
	}
}

type keyRow struct {
	seq, message, at int64
	keys             []int64
	moved            bool
}

// keyLog reads the log's rows after seq, in commit order.
func (db *DB) keyLog(ctx context.Context, after int64) ([]keyRow, error) {
	rows, err := db.query(ctx, `SELECT seq, message_id, at, keys, moved FROM campaign_keylog WHERE seq > ? ORDER BY seq`, after)
	if err != nil {
		return nil, fmt.Errorf("read campaign keys: %w", err)
	}
	defer rows.Close()
	var out []keyRow
	for rows.Next() {
		var r keyRow
		var keys string
		if err := rows.Scan(&r.seq, &r.message, &r.at, &keys, &r.moved); err != nil {
			return nil, fmt.Errorf("read campaign keys: %w", err)
		}
		r.keys = splitInts(keys)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read campaign keys: %w", err)
	}
	return out, nil
}
