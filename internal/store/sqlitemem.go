package store

import (
	"encoding/binary"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLiteMemory is what the page caches of every SQLite connection in this
// process hold (sqlite3_status64): it lives outside the Go heap, in
// modernc's allocator, and shows only in the resident set. Each line is
// counted at the size of its allocator slot (8 KiB for a 4 KiB page and
// its headers). The total of SQLite's allocations is not counted by this
// build (its memory statistics are off).
type SQLiteMemory struct {
	PageCache, PageCachePeak int64
}

// ReadSQLiteMemory reads SQLiteMemory (zero values if SQLite answers with
// an error). For diagnostics: the profiler's listener serves it.
func ReadSQLiteMemory() SQLiteMemory {
	tls := libc.NewTLS()
	defer tls.Close()
	p := tls.Alloc(16)
	defer tls.Free(16)
	read := func(op int32) (cur, peak int64) {
		if sqlite3.Xsqlite3_status64(tls, op, p, p+8, 0) != sqlite3.SQLITE_OK {
			return 0, 0
		}
		b := libc.GoBytes(p, 16)
		return int64(binary.NativeEndian.Uint64(b)), int64(binary.NativeEndian.Uint64(b[8:]))
	}
	var m SQLiteMemory
	m.PageCache, m.PageCachePeak = read(sqlite3.SQLITE_STATUS_PAGECACHE_OVERFLOW)
	return m
}
