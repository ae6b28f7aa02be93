package store

import "time"

// AuthCacheTTL is how long another process's change to a session may go
// unseen (authcache.go).
const AuthCacheTTL = authCacheTTL

// SetLinger replaces batchLinger and batchBusy for b; call it before the
// first job.
func (b *Batcher) SetLinger(linger, busy time.Duration) { b.linger, b.busy = linger, busy }
