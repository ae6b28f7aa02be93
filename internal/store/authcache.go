package store

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bouclier/bouclier"
)

// The session check of every request (SessionUser, a join of the session
// and its user) and the send guard's account security and TOTP
// enrolment (HasTOTP) were read from the
// database on every request: under the send benchmark 5 % of the server's
// CPU for rows that change a few times a day. They are kept here briefly.
//
// Within this process a cached row is never used after a change: every
// write to sessions, users or account_security made through this DB moves
// authGen once its transaction is over (before the call that made it
// returns), and an entry read at an older generation is not used. A
// revocation, a disabled account, a lock or a step-up is therefore seen
// by the next request. Another process sharing the database cannot move
// this counter (no migration here for a shared one): its changes are seen
// once the entry is authCacheTTL old, so a session revoked by another
// process is refused by this one within authCacheTTL.
const (
	authCacheTTL = time.Second
	// authCacheMax bounds the entries of each map; past it the map is
	// emptied (a burst of distinct sessions costs reads, never memory).
	authCacheMax = 4096
)

type authCache struct {
	gen atomic.Uint64

	mu       sync.Mutex
	sessions map[string]sessionEntry
	security map[int64]securityEntry
	totp     map[int64]totpEntry
}

type totpEntry struct {
	gen uint64
	at  time.Time
	has bool
}

type sessionEntry struct {
	gen  uint64
	at   time.Time
	sess Session
	user bouclier.User
}

type securityEntry struct {
	gen uint64
	at  time.Time
	sec AccountSecurity
}

// invalidate makes every entry read so far unusable.
func (c *authCache) invalidate() { c.gen.Add(1) }

func (c *authCache) fresh(gen uint64, at time.Time) bool {
	return gen == c.gen.Load() && time.Since(at) < authCacheTTL
}

func (c *authCache) session(hash []byte) (Session, bouclier.User, bool) {
	c.mu.Lock()
	e, ok := c.sessions[string(hash)]
	c.mu.Unlock()
	if !ok || !c.fresh(e.gen, e.at) || !bytes.Equal(e.sess.TokenHash, hash) {
		return Session{}, bouclier.User{}, false
	}
	s := e.sess
	// Callers get their own slices: a change to them must not reach
	// the cache.
	s.TokenHash, s.CSRFHash = bytes.Clone(s.TokenHash), bytes.Clone(s.CSRFHash)
	return s, e.user, true
}

// forgetSession drops one session's entry.
func (c *authCache) forgetSession(hash []byte) {
	c.mu.Lock()
	delete(c.sessions, string(hash))
	c.mu.Unlock()
}

// putSession keeps a row read at generation gen (loaded before the read).
func (c *authCache) putSession(gen uint64, s Session, u bouclier.User) {
	s.TokenHash, s.CSRFHash = bytes.Clone(s.TokenHash), bytes.Clone(s.CSRFHash)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sessions == nil || len(c.sessions) >= authCacheMax {
		c.sessions = make(map[string]sessionEntry)
	}
	c.sessions[string(s.TokenHash)] = sessionEntry{gen: gen, at: time.Now(), sess: s, user: u}
}

func (c *authCache) accountSecurity(userID int64) (AccountSecurity, bool) {
	c.mu.Lock()
	e, ok := c.security[userID]
	c.mu.Unlock()
	if !ok || !c.fresh(e.gen, e.at) {
		return AccountSecurity{}, false
	}
	return e.sec, true
}

func (c *authCache) putAccountSecurity(gen uint64, a AccountSecurity) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.security == nil || len(c.security) >= authCacheMax {
		c.security = make(map[int64]securityEntry)
	}
	c.security[a.UserID] = securityEntry{gen: gen, at: time.Now(), sec: a}
}

func (c *authCache) hasTOTP(userID int64) (has, ok bool) {
	c.mu.Lock()
	e, found := c.totp[userID]
	c.mu.Unlock()
	if !found || !c.fresh(e.gen, e.at) {
		return false, false
	}
	return e.has, true
}

func (c *authCache) putTOTP(gen uint64, userID int64, has bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.totp == nil || len(c.totp) >= authCacheMax {
		c.totp = make(map[int64]totpEntry)
	}
	c.totp[userID] = totpEntry{gen: gen, at: time.Now(), has: has}
}

// authWrite matches a statement that writes a table the cache reads from.
// A false match only costs an invalidation; a miss would serve a stale
// row, so the test is on the statement's text, whatever method runs it.
var authWrite = regexp.MustCompile(`(?is)\b(update|insert(\s+or\s+\w+)?\s+into|replace\s+into|delete\s+from)\s+(sessions|users|account_security)\b`)

func writesAuth(query string) bool {
	// Table names are written in lower case throughout the store; the
	// regular expression runs only on the few texts that name one.
	if !strings.Contains(query, "sessions") && !strings.Contains(query, "users") && !strings.Contains(query, "account_security") {
		return false
	}
	return authWrite.MatchString(query)
}
