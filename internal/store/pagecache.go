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

// clear drops every page kept.
func (c *pageCache) clear() {
	c.mu.Lock()
	c.pages = nil
	c.mu.Unlock()
}

// markReadKeepingPages is MarkRead on SQLite. Opening a message from the
// inbox and coming back to it is the commonest way to list a mailbox
// again: the mailbox's version moves, and the pages kept would be read
// again for one flag. The version is read in the transaction that marks
// the message read; when it is one past a kept page's, that mark was the
// only change since the page was read (every change moves the version), so
// the page is kept at the new version with its entry marked read.
func (db *DB) markReadKeepingPages(ctx context.Context, userID, messageID, at int64) (bool, error) {
	var (
		marked bool
		v      int64
	)
	err := db.InTx(ctx, func(t *Tx) error {
		res, err := t.exec(ctx, `UPDATE deliveries SET read_at = ? WHERE user_id = ? AND message_id = ? AND visible = 1 AND read_at = 0`, at, userID, messageID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return nil
		}
		marked = true
		return t.queryRow(ctx, `SELECT v FROM mailbox_unread WHERE user_id = ?`, userID).Scan(&v)
	})
	if err != nil {
		return false, fmt.Errorf("mark read: %w", err)
	}
	if marked {
		db.pages.read(userID, messageID, v)
	}
	return marked, nil
}

// read moves user's pages kept at version v-1 to v, their entry of
// message marked read. Pages of unread messages only are left to be read
// again. Entries are copied, not written: callers may hold the old ones.
func (c *pageCache) read(user, message, v int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.pages {
		if k.user != user || k.unread || e.mailbox != v-1 {
			continue
		}
		e.mailbox = v
		if i := slices.IndexFunc(e.entries, func(x Entry) bool { return x.ID == message }); i >= 0 {
			e.entries = slices.Clone(e.entries)
			e.entries[i].Read = true
		}
		c.pages[k] = e
	}
}
