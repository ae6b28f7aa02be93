package store

import (
	"context"
	"time"
)

// AuthCacheTTL is how long another process's change to a session may go
// unseen (authcache.go).
const AuthCacheTTL = authCacheTTL

// SetLinger replaces batchLinger and batchBusy for b; call it before the
// first job.
func (b *Batcher) SetLinger(linger, busy time.Duration) { b.linger, b.busy = linger, busy }

// SessionCached reports whether the session cache would serve hash.
func (db *DB) SessionCached(hash []byte) bool {
	_, _, ok := db.auth.session(hash)
	return ok
}

// ForgetSearchKeys empties every user's search key, as for the rows
// written before migration 0020.
func (db *DB) ForgetSearchKeys(ctx context.Context) error {
	_, err := db.write.ExecContext(ctx, `UPDATE users SET search_key = ''`)
	return err
}

// FillSearchKeys runs the migration's filling of empty search keys.
func (db *DB) FillSearchKeys(ctx context.Context) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fillSearchKeys(ctx, conn, db.q)
}

// PageHits counts the pages served from the page cache (pagecache.go).
func (db *DB) PageHits() int64 { return db.pages.hits.Load() }

// ForgetPages empties the page cache, so that the next list is read.
func (db *DB) ForgetPages() { db.pages.clear() }

// PagesKept counts the pages in the page cache.
func (db *DB) PagesKept() int {
	db.pages.mu.Lock()
	defer db.pages.mu.Unlock()
	return len(db.pages.pages)
}

// CampaignKeyEntries counts the key entries the campaign key index holds
// in memory (keyindex.go).
func (db *DB) CampaignKeyEntries() int {
	db.keys.mu.Lock()
	defer db.keys.mu.Unlock()
	return db.keys.n
}

// CampaignKeysOnDisk counts the key entries moved to the table.
func (db *DB) CampaignKeysOnDisk(ctx context.Context) (n int, err error) {
	err = db.read.QueryRowContext(ctx, `SELECT count(*) FROM campaign_keyspill`).Scan(&n)
	return n, err
}

// BreakCampaignKeySpill makes every move of keys to the table fail.
func (db *DB) BreakCampaignKeySpill(ctx context.Context) error {
	_, err := db.write.ExecContext(ctx, `ALTER TABLE campaign_keyspill RENAME TO campaign_keyspill_broken`)
	return err
}

// SetCommittedHook makes fn run after each commit, before this process's
// caches hear of it (nil: no more).
func (db *DB) SetCommittedHook(fn func()) {
	if fn == nil {
		db.committedHook.Store(nil)
		return
	}
	db.committedHook.Store(&fn)
}
