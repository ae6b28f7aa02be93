package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
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
// and never a rolled-back one.
//
// The index is bounded (budget, a count of key entries): past three
// quarters of it, the oldest rows' keys move to campaign_keyspill in the
// background (spillKeys), in chunks sorted by key, each in a short
// transaction of its own that also moves the persisted mark (the log seq
// up to which rows are there); at the budget, the look that crossed it
// waits for the move. The rows that moved leave the memory; a look merges
// the newest of memory with the newest of the table, and skips the table
// when memory already answers with rows all newer than what moved. The
// first look reads the mark and the log after it, so a restart or a
// crash loses nothing and files nothing twice.
//
// Removals are made by this process's own transactions once committed
// (InTx): a purge trims the index of the rows it deleted (those up to
// the log's seq when it ran: a row committed after it, read meanwhile,
// stays whatever its instant), an erasure drops it, to be read again
// from the mark. Another process's purge or erasure leaves entries here
// until this process's own (both sweep; their observations are gone, so
// they are never returned, at worst they take a place among a key's
// newest).
type keyIndex struct {
	mu sync.Mutex
	// last is the newest log row read; loaded: the mark was read, and
	// last starts from it.
	last   int64
	loaded bool
	// gen counts the removals, so that rows read before one are not
	// merged after it.
	gen uint64

	// The index is compact: each row read is stored once in rows (its
	// log seq and key count in info), and a key points to row numbers,
	// as one number in one while it has a single row (most keys of
	// varied texts), or as a list in many, ascending by (at, message),
	// once it has more. About 15 bytes a key and 32 a row.
	rows []keyEntry
	info []rowInfo
	one  map[int64]uint32
	many map[int64][]uint32
	// n counts the entries filed (a key's rows), against budget.
	n, budget int
	// movedKeys counts, by key, the moved rows here that file it again
	// (keyNeighbours).
	movedKeys map[int64]int
	moved     []movedRow

	// diskNewest: the newest instant among the rows that left the memory
	// for campaign_keyspill (math.MinInt64: none); the table's others are
	// here too.
	diskNewest int64

	// spillMu runs one move at a time; spillErr is a background move's
	// failure, returned by the next look (fail closed); spills counts the
	// background moves running, for Close.
	spillMu  sync.Mutex
	spillErr error
	spills   sync.WaitGroup
}

type keyEntry struct{ at, message int64 }

type rowInfo struct {
	seq  int64
	keys uint32
}

type movedRow struct {
	seq, at int64
	keys    []int64
}

// defaultKeyBudget bounds the index at about 130,000 key entries: 1 to
// 4 MiB, from shared keys to keys of a message's own
// (BenchmarkKeyIndexMemory), or some 9,000 messages.
const defaultKeyBudget = 1 << 17

// spillChunk is the number of key entries a move writes in one
// transaction. Written sorted by key, a chunk touches each of its keys'
// pages once: larger chunks write fewer pages an entry, but hold the
// only writer and the chunk's memory longer (docs/performance.md,
// « A bounded campaign key index »: 4,096 entries gave a p99 1.8 times
// the baseline's, 131,072 a peak RSS of 104 MiB).
const spillChunk = 1 << 15

// keyLogBatch is the number of log rows a look reads at once, so that
// a long log (a restart) is read in parts the budget can follow.
const keyLogBatch = 2048

func compareEntries(a, b keyEntry) int {
	return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.message, b.message))
}

// keyPurge is a purge of the log's rows before an instant, run when
// upto was the log's newest seq: a row observed after it, by its own
// transaction or once it is committed, stays whatever its instant.
type keyPurge struct{ before, upto int64 }

// trim drops the entries of the rows a transaction's purges deleted,
// once it is committed. By instant alone it dropped too the rows that
// another writer committed meanwhile at an instant before the bound, if
// a look had read them (ix.last was past them: never read again).
func (ix *keyIndex) trim(purges []keyPurge) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.gen++
	ix.pack(func(seq, at int64) bool {
		for _, p := range purges {
			if at < p.before && seq <= p.upto {
				return false
			}
		}
		return true
	})
}

// drop forgets the rows up to a log seq, once their keys are in the
// table, and notes the newest instant that left.
func (ix *keyIndex) drop(upto int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.pack(func(seq, at int64) bool {
		if seq > upto {
			return true
		}
		ix.diskNewest = max(ix.diskNewest, at)
		return false
	})
}

// pack keeps the rows still pointed to for which keep (seq, at) holds,
// in new maps (Go's maps never shrink), and counts the entries again.
// ix.mu is held.
func (ix *keyIndex) pack(keep func(seq, at int64) bool) {
	const gone = math.MaxUint32
	renum := make([]uint32, len(ix.rows)) // 0: not pointed to
	for _, r := range ix.one {
		renum[r] = 1
	}
	for _, l := range ix.many {
		for _, r := range l {
			renum[r] = 1
		}
	}
	var rows []keyEntry
	var info []rowInfo
	for i, e := range ix.rows {
		pointed := renum[i] != 0
		renum[i] = gone
		if pointed && keep(ix.info[i].seq, e.at) {
			renum[i] = uint32(len(rows))
			rows = append(rows, e)
			info = append(info, ix.info[i])
		}
	}
	one, many := ix.one, ix.many
	ix.one, ix.many, ix.n = map[int64]uint32{}, map[int64][]uint32{}, 0
	for k, r := range one {
		if n := renum[r]; n != gone {
			ix.one[k] = n
			ix.n++
		}
	}
	for k, l := range many {
		var out []uint32
		for _, r := range l {
			if n := renum[r]; n != gone {
				out = append(out, n)
			}
		}
		ix.setMany(k, out)
		ix.n += len(out)
	}
	ix.rows, ix.info = rows, info
	moved := ix.moved
	ix.moved, ix.movedKeys = nil, nil
	for _, m := range moved {
		if keep(m.seq, m.at) {
			ix.noteMoved(m)
		}
	}
}

// reset forgets everything: the next look reads the mark and the log
// after it again.
func (ix *keyIndex) reset() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.gen++
	ix.last, ix.loaded, ix.rows, ix.info, ix.one, ix.many, ix.n = 0, false, nil, nil, nil, nil, 0
	ix.moved, ix.movedKeys = nil, nil
}

// add files a log row under its keys. ix.mu is held.
func (ix *keyIndex) add(r keyRow) {
	if ix.one == nil {
		ix.one, ix.many = map[int64]uint32{}, map[int64][]uint32{}
	}
	e := keyEntry{at: r.at, message: r.message}
	row := uint32(len(ix.rows))
	ix.rows = append(ix.rows, e)
	ix.info = append(ix.info, rowInfo{seq: r.seq, keys: uint32(len(r.keys))})
	if r.moved {
		ix.noteMoved(movedRow{seq: r.seq, at: r.at, keys: r.keys})
	}
	for _, k := range r.keys {
		l, ok := ix.many[k]
		if !ok {
			first, ok := ix.one[k]
			if !ok {
				ix.one[k] = row
				ix.n++
				continue
			}
			delete(ix.one, k)
			l = []uint32{first}
		}
		before := len(l)
		if r.moved {
			// Filed again at its delivery: its entries of the send go.
			l = slices.DeleteFunc(l, func(x uint32) bool { return ix.rows[x].message == r.message })
		}
		// Rows come in time order, nearly: the end first.
		if n := len(l); n == 0 || compareEntries(ix.rows[l[n-1]], e) < 0 {
			l = append(l, row)
		} else if i, found := slices.BinarySearchFunc(l, e, func(x uint32, e keyEntry) int { return compareEntries(ix.rows[x], e) }); !found {
			l = slices.Insert(l, i, row) // found: a row read twice
		}
		ix.n += len(l) - before
		ix.setMany(k, l)
	}
}

// noteMoved records a moved row. ix.mu is held.
func (ix *keyIndex) noteMoved(m movedRow) {
	if ix.movedKeys == nil {
		ix.movedKeys = map[int64]int{}
	}
	ix.moved = append(ix.moved, m)
	for _, k := range m.keys {
		ix.movedKeys[k]++
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

// collect notes in newest, for each key, its newest limit messages at
// or after since, with their newest instant. ix.mu is held.
func (ix *keyIndex) collect(newest map[int64]int64, keys []int64, since int64, limit int) {
	for _, k := range keys {
		l := ix.entries(k)
		i, _ := slices.BinarySearchFunc(l, keyEntry{at: since, message: math.MinInt64}, func(x uint32, e keyEntry) int { return compareEntries(ix.rows[x], e) })
		l = l[i:]
		if len(l) > limit {
			l = l[len(l)-limit:]
		}
		for _, x := range l {
			e := ix.rows[x]
			note(newest, e.message, e.at)
		}
	}
}

func note(newest map[int64]int64, message, at int64) {
	if was, ok := newest[message]; !ok || at > was {
		newest[message] = at
	}
}

// newest returns the messages sharing a key with keys at or after since,
// newest first, at most limit, from memory alone. ix.mu is held.
func (ix *keyIndex) newest(keys []int64, since int64, limit int) []int64 {
	newest := map[int64]int64{}
	ix.collect(newest, keys, since, limit)
	return pickNewest(newest, limit)
}

// pickNewest orders messages newest first and keeps limit: each key's
// newest limit, then the newest of all, is what CampaignNeighbours reads
// from the table on PostgreSQL (a message among the newest limit of all
// is among the newest limit of each of its keys).
func pickNewest(newest map[int64]int64, limit int) []int64 {
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
// index, once it has read the log's new rows, and the keys that left it
// for the table when memory does not answer alone.
func (db *DB) keyNeighbours(ctx context.Context, keys []int64, since int64, limit int) ([]int64, error) {
	if err := db.keyCatchUp(ctx); err != nil {
		return nil, err
	}
	ix := &db.keys
	ix.mu.Lock()
	newest := map[int64]int64{}
	ix.collect(newest, keys, since, limit)
	ids := pickNewest(newest, limit)
	diskNewest := ix.diskNewest
	// Memory answers when the table holds nothing since since, or when
	// memory has limit messages all newer than anything in the table.
	if diskNewest < since || len(ids) == limit && newest[ids[limit-1]] > diskNewest {
		ix.mu.Unlock()
		return ids, nil
	}
	// A moved row here leaves its message's entries of the send under
	// its keys in the table until it moves there too (writeSpill): each
	// takes a place among its key's newest there, so a key reads as many
	// more. (Its message is here, at its new instant, the newer one.)
	limits := make([]int, len(keys))
	for i, k := range keys {
		limits[i] = limit + ix.movedKeys[k]
	}
	ix.mu.Unlock()
	// Read after memory: a move committed meanwhile is in the table then.
	err := db.spilledKeys(ctx, keys, since, limits, func(_, at, message int64) { note(newest, message, at) })
	if err != nil {
		return nil, err
	}
	return pickNewest(newest, limit), nil
}

// keyCatchUp reads into the index the log rows committed since its last
// look (from the mark on the first), and moves the oldest keys out when
// the budget asks.
func (db *DB) keyCatchUp(ctx context.Context) error {
	ix := &db.keys
	for attempt := 0; ; attempt++ {
		ix.mu.Lock()
		if err := ix.spillErr; err != nil {
			ix.spillErr = nil
			ix.mu.Unlock()
			return err
		}
		loaded, last, gen := ix.loaded, ix.last, ix.gen
		// Read without the lock, so that commits' removals are not held
		// up, unless reads keep racing with them.
		locked := attempt >= 2
		if !locked {
			ix.mu.Unlock()
		}
		var mark spillMark
		var err error
		if !loaded {
			mark, err = db.keySpillMark(ctx)
			last = mark.seq
		}
		var rows []keyRow
		if err == nil {
			rows, err = db.keyLog(ctx, last, keyLogBatch)
		}
		if !locked {
			ix.mu.Lock()
		}
		if err != nil {
			ix.mu.Unlock()
			return err
		}
		if ix.gen != gen || ix.loaded != loaded {
			ix.mu.Unlock()
			continue
		}
		if !loaded {
			ix.loaded, ix.last, ix.diskNewest = true, mark.seq, mark.newest
		}
		for _, r := range rows {
			if r.seq > ix.last { // another look may have read it meanwhile
				ix.add(r)
				ix.last = r.seq
			}
		}
		n, budget := ix.n, ix.budget
		ix.mu.Unlock()
		switch {
		case n > budget:
			ix.spillMu.Lock()
			err = db.spillKeys(ctx)
			ix.spillMu.Unlock()
			if err != nil {
				return err
			}
		case n > budget/4*3 && ix.spillMu.TryLock():
			ix.spills.Add(1)
			go func() {
				defer ix.spills.Done()
				defer ix.spillMu.Unlock()
				if err := db.spillKeys(context.Background()); err != nil {
					ix.mu.Lock()
					ix.spillErr = err
					ix.mu.Unlock()
				}
			}()
		}
		if len(rows) < keyLogBatch {
			return nil
		}
		attempt = -1 // the next part of the log
	}
}

// spillKeys moves the oldest rows' keys to the table, chunk after
// chunk, until the index holds a quarter of its budget, then forgets
// them. ix.spillMu is held.
func (db *DB) spillKeys(ctx context.Context) error {
	ix := &db.keys
	for {
		// A row's count of keys may be more than its entries here (a
		// moved row replaced some): again until under the quarter.
		chunks := ix.spillChunks()
		if len(chunks) == 0 {
			return nil
		}
		var done int64
		var err error
		for _, upto := range chunks {
			if err = db.writeSpill(ctx, upto); err != nil {
				break
			}
			done = upto
		}
		if done != 0 {
			ix.drop(done)
		}
		if err != nil {
			return err
		}
	}
}

// spillChunks returns the last log seq of each chunk of the oldest rows
// whose keys bring the index down to a quarter of its budget.
func (ix *keyIndex) spillChunks() []int64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var chunks []int64
	if !ix.loaded {
		return nil
	}
	over, acc := ix.n-ix.budget/4, 0
	for i, in := range ix.info {
		if over <= 0 {
			break
		}
		acc += int(in.keys)
		over -= int(in.keys)
		if acc >= spillChunk || over <= 0 || i == len(ix.info)-1 {
			chunks = append(chunks, in.seq)
			acc = 0
		}
	}
	return chunks
}

type spillMark struct{ seq, newest int64 }

const spillMarkQuery = `SELECT seq, newest FROM campaign_keyspill_mark WHERE id = 1`

func scanSpillMark(row *sql.Row) (spillMark, error) {
	var m spillMark
	err := row.Scan(&m.seq, &m.newest)
	return m, wrap(err, "read campaign key mark")
}

func (db *DB) keySpillMark(ctx context.Context) (spillMark, error) {
	return scanSpillMark(db.queryRow(ctx, spillMarkQuery))
}

// spillBatch is the number of entries of one insert statement.
const spillBatch = 128

// writeSpill files the keys of the log rows after the mark up to a seq
// in campaign_keyspill, sorted by key, and moves the mark, in one
// transaction: another process's move may have done it already.
func (db *DB) writeSpill(ctx context.Context, upto int64) error {
	err := db.InTx(ctx, func(t *Tx) error {
		mark, err := scanSpillMark(t.queryRow(ctx, spillMarkQuery))
		if err != nil {
			return err
		}
		if mark.seq >= upto {
			return nil
		}
		rows, err := scanKeyLog(t.tx.QueryContext(ctx, `SELECT seq, message_id, at, keys, moved FROM campaign_keylog WHERE seq > ? AND seq <= ? ORDER BY seq`, mark.seq, upto))
		if err != nil {
			return err
		}
		// A moved row replaces its message's entries under its keys:
		// those of this chunk here (superseded: the seq of the chunk's
		// last moved row filing a key of a message; few), those already
		// in the table by a delete.
		superseded := map[[2]int64]int64{}
		total := 0
		for _, r := range rows {
			total += len(r.keys)
			mark.newest = max(mark.newest, r.at)
			if !r.moved {
				continue
			}
			for _, k := range r.keys {
				superseded[[2]int64{k, r.message}] = r.seq
				if mark.seq > 0 {
					if _, err := t.exec(ctx, `DELETE FROM campaign_keyspill WHERE feature = ? AND message_id = ? AND at IN
						(SELECT at FROM campaign_keylog WHERE message_id = ? AND seq <= ?)`, k, r.message, r.message, mark.seq); err != nil {
						return err
					}
				}
			}
		}
		type entry struct{ k, at, message int64 }
		entries := make([]entry, 0, total)
		for _, r := range rows {
			for _, k := range r.keys {
				if seq, ok := superseded[[2]int64{k, r.message}]; !ok || seq <= r.seq {
					entries = append(entries, entry{k, r.at, r.message})
				}
			}
		}
		slices.SortFunc(entries, func(a, b entry) int {
			return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(a.at, b.at), cmp.Compare(a.message, b.message))
		})
		insert := func(n int) string {
			return `INSERT OR IGNORE INTO campaign_keyspill (feature, at, message_id) VALUES (?, ?, ?)` + strings.Repeat(", (?, ?, ?)", n-1)
		}
		full := insert(spillBatch)
		args := make([]any, 0, 3*spillBatch)
		for len(entries) > 0 {
			n := min(len(entries), spillBatch)
			args = args[:0]
			for _, e := range entries[:n] {
				args = append(args, e.k, e.at, e.message)
			}
			q := full
			if n < spillBatch {
				q = insert(n)
			}
			if _, err := t.exec(ctx, q, args...); err != nil {
				return err
			}
			entries = entries[n:]
		}
		_, err = t.exec(ctx, `UPDATE campaign_keyspill_mark SET seq = ?, newest = ? WHERE id = 1`, upto, mark.newest)
		return err
	})
	return wrap(err, "move campaign keys to disk")
}

// spilledBatch is the number of keys of one read of the table (SQLite
// allows 500 terms in a compound select).
const spilledBatch = 64

// spilledKeys reads from campaign_keyspill, for each key, its newest
// limits[i] entries at or after since.
func (db *DB) spilledKeys(ctx context.Context, keys []int64, since int64, limits []int, fn func(k, at, message int64)) error {
	const one = `SELECT * FROM (SELECT feature, at, message_id FROM campaign_keyspill WHERE feature = ? AND at >= ? ORDER BY at DESC, message_id DESC LIMIT ?)`
	for len(keys) > 0 {
		n := min(len(keys), spilledBatch)
		args := make([]any, 0, 3*n)
		for i, k := range keys[:n] {
			args = append(args, k, since, limits[i])
		}
		rows, err := db.query(ctx, one+strings.Repeat(" UNION ALL "+one, n-1), args...)
		if err != nil {
			return fmt.Errorf("read campaign keys on disk: %w", err)
		}
		for rows.Next() {
			var k, at, message int64
			if err := rows.Scan(&k, &at, &message); err != nil {
				rows.Close()
				return fmt.Errorf("read campaign keys on disk: %w", err)
			}
			fn(k, at, message)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("read campaign keys on disk: %w", err)
		}
		keys, limits = keys[n:], limits[n:]
	}
	return nil
}

// dropSpilled deletes from campaign_keyspill the entries of the log rows
// that cond selects (l: the log) before they are deleted: a purge, an
// erasure. Only rows up to the mark are there.
func (t *Tx) dropSpilled(ctx context.Context, cond string, args ...any) error {
	_, err := t.exec(ctx, `DELETE FROM campaign_keyspill WHERE (feature, at, message_id) IN
		(SELECT CAST(f.value AS INTEGER), l.at, l.message_id FROM campaign_keylog l, json_each('[' || l.keys || ']') f
		WHERE +l.seq <= (SELECT seq FROM campaign_keyspill_mark WHERE id = 1) AND `+cond+`)`, args...)
	return wrap(err, "delete campaign keys on disk")
}

type keyRow struct {
	seq, message, at int64
	keys             []int64
	moved            bool
}

// keyLog reads at most limit of the log's rows after seq, in commit
// order.
func (db *DB) keyLog(ctx context.Context, after int64, limit int) ([]keyRow, error) {
	return scanKeyLog(db.query(ctx, `SELECT seq, message_id, at, keys, moved FROM campaign_keylog WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit))
}

func scanKeyLog(rows *sql.Rows, err error) ([]keyRow, error) {
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
