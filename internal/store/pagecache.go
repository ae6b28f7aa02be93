package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// An inbox or trash page shows the same rows for as long as nothing it
// shows has changed, and at 20,000 messages reading its 50 rows is most of
// what the page costs over an empty one (docs/performance.md « Inbox »).
// On SQLite the rows a list read are kept here with two versions read
// before the rows: the mailbox's (0022_mailbox_version.sql: moved by
// triggers in the transaction of every change a list shows, whichever
// process or command makes it) and the directory's (the senders' names,
// 0014). When either has moved, the rows are read again. Because the
// versions are read first, an entry can hold rows newer than its
// versions, never older: a change committed after the versions were read
// moves them past the entry's.
//
// PostgreSQL is not cached: its servers share the database, and a version
// row per mailbox moved by every send would be one more row locked per
// recipient.
const (
	// pageCacheMax bounds the pages kept (about 15 KB each at 50 rows);
	// past it the map is emptied, as the auth cache does.
	pageCacheMax = 256
)

type pageKey struct {
	user                int64
	folder              Folder
	unread, attachments bool
	before, after       int64
	limit               int
}

type pageEntry struct {
	mailbox, directory int64
	entries            []Entry
}

type pageCache struct {
	hits atomic.Int64 // for tests: pages served from the cache

	mu    sync.Mutex
	pages map[pageKey]pageEntry
}

// versionsQuery reads a mailbox's version (0 before its first change)
// and the directory's in one statement.
const versionsQuery = `SELECT COALESCE((SELECT v FROM mailbox_unread WHERE user_id = ?), 0), (SELECT version FROM directory_version WHERE id = 1)`

// cachedPage returns the key and versions of a cacheable list, and the
// page if it is kept at those versions. ok is false for a list that is
// not cached (PostgreSQL, the sent folder, a text search).
func (db *DB) cachedPage(ctx context.Context, k pageKey, search string) (e pageEntry, hit, ok bool, err error) {
	if db.dialect != SQLite || search != "" || (k.folder != FolderInbox && k.folder != FolderTrash) {
		return pageEntry{}, false, false, nil
	}
	if err := db.queryRow(ctx, versionsQuery, k.user).Scan(&e.mailbox, &e.directory); err != nil {
		return pageEntry{}, false, false, fmt.Errorf("mailbox version: %w", err)
	}
	c := &db.pages
	c.mu.Lock()
	kept, found := c.pages[k]
	c.mu.Unlock()
	if found && kept.mailbox == e.mailbox && kept.directory == e.directory {
		c.hits.Add(1)
		// The caller owns what it gets: a copy (the entries' strings are
		// shared, and never written).
		e.entries = slices.Clone(kept.entries)
		return e, true, true, nil
	}
	return e, false, true, nil
}

// keepPage keeps a copy of entries, read at e's versions, under k.
func (db *DB) keepPage(k pageKey, e pageEntry, entries []Entry) {
	e.entries = slices.Clone(entries)
	c := &db.pages
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil || len(c.pages) >= pageCacheMax {
		c.pages = make(map[pageKey]pageEntry)
	}
	c.pages[k] = e
}
