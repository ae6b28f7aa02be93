package store

import "time"

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
