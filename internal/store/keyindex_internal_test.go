package store

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// TestKeyIndexEntries: the index's lists stay sorted whatever order rows
// come in, a row read twice is filed once, a moved row replaces the
// message's entries under its keys, and a purge drops what is before it.
func TestKeyIndexEntries(t *testing.T) {
	var ix keyIndex
	for _, r := range []keyRow{
		{message: 1, at: 10, keys: []int64{7, 8}},
		{message: 3, at: 30, keys: []int64{7}},
		{message: 2, at: 20, keys: []int64{7}}, // committed after a newer one
		{message: 3, at: 30, keys: []int64{7}}, // read twice
		{message: 1, at: 40, keys: []int64{7}, moved: true},
		{message: 5, at: 50, keys: []int64{9}},
		{message: 5, at: 60, keys: []int64{9}, moved: true}, // a key of one row
	} {
		ix.add(r)
	}
	if got, want := filed(&ix, 7), []keyEntry{{20, 2}, {30, 3}, {40, 1}}; !slices.Equal(got, want) {
		t.Errorf("key 7: %v, want %v", got, want)
	}
	if got, want := filed(&ix, 8), []keyEntry{{10, 1}}; !slices.Equal(got, want) {
		t.Errorf("key 8 (not in the moved row): %v, want %v", got, want)
	}
	if got, want := filed(&ix, 9), []keyEntry{{60, 5}}; !slices.Equal(got, want) {
		t.Errorf("key 9: %v, want %v", got, want)
	}
	if got, want := ix.newest([]int64{7, 8}, 0, 2), []int64{1, 3}; !slices.Equal(got, want) {
		t.Errorf("newest: %v, want %v", got, want)
	}
	ix.trim([]keyPurge{{before: 30, upto: math.MaxInt64}})
	if got, want := filed(&ix, 7), []keyEntry{{30, 3}, {40, 1}}; !slices.Equal(got, want) {
		t.Errorf("key 7 after a purge: %v, want %v", got, want)
	}
	if _, ok := ix.one[8]; ok {
		t.Errorf("key 8 kept after a purge of all its entries")
	}
	if len(ix.rows) != 3 {
		t.Errorf("%d rows kept after the purge, want 3 (packed)", len(ix.rows))
	}
}

// filed lists a key's entries.
func filed(ix *keyIndex, k int64) []keyEntry {
	var out []keyEntry
	for _, r := range ix.entries(k) {
		out = append(out, ix.rows[r])
	}
	return out
}

// BenchmarkKeyIndexMemory reports the heap the index holds per message
// of varied texts (15 keys of its own each, the worst case: shared keys
// cost 4 bytes a message) and the time to file one.
//
//	go test -run '^$' -bench KeyIndexMemory ./internal/store/
func BenchmarkKeyIndexMemory(b *testing.B) {
	const messages = 100_000
	rows := make([]keyRow, messages)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range rows {
		keys := make([]int64, 15)
		for j := range keys {
			keys[j] = rng.Int64()
		}
		rows[i] = keyRow{seq: int64(i + 1), message: int64(i + 1), at: int64(i), keys: keys}
	}
	var bytes float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var ix keyIndex
		for _, r := range rows {
			ix.add(r)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		bytes = float64(after.HeapAlloc-before.HeapAlloc) / messages
		runtime.KeepAlive(&ix)
	}
	b.ReportMetric(bytes, "heap-B/message")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/messages, "ns/message")
}
