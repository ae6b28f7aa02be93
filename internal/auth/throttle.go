package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// ThrottleConfig sets the login limits. Counters live in the database, so
// every server process sees the same ones. Three kinds, each keyed by a
// hash:
//
//   - the account (by name, existing or not, so that answers do not tell
//     which names exist): AccountFree failures in AccountWindow are free,
//     then each failure doubles a delay (1 s, 2 s, 4 s… up to MaxDelay)
//     during which attempts answer throttled; at AccountLockAfter the
//     account is locked for AccountLock (answer: locked). An administrator
//     with authority can unlock it.
//   - the (address, name) pair: PairFree failures in Window, then delays.
//     One person mistyping, or one attacker guessing one account, behind a
//     school's single public address does not hold back anyone else there.
//   - the address, as a credential-stuffing detector: AddrSuspectFailures
//     failures or AddrSuspectNames distinct names failed from one address
//     in Window flag it; GlobalSuspectFailures failures everywhere flag
//     every address (a botnet). From a flagged address, wrong passwords
//     answer throttled (telling nothing), and a right password opens a
//     session only with a second factor or from a known device. Successes
//     never reset the address's count, only failures make it.
type ThrottleConfig struct {
	Window                time.Duration
	AccountWindow         time.Duration
	AccountFree           int
	AccountLockAfter      int
	AccountLock           time.Duration
	MaxDelay              time.Duration
	PairFree              int
	AddrSuspectFailures   int
	AddrSuspectNames      int
	GlobalSuspectFailures int
}

// DefaultThrottle is the production throttling.
var DefaultThrottle = ThrottleConfig{
	Window:                15 * time.Minute,
	AccountWindow:         time.Hour,
	AccountFree:           5,
	AccountLockAfter:      15,
	AccountLock:           time.Hour,
	MaxDelay:              5 * time.Minute,
	PairFree:              3,
	AddrSuspectFailures:   30,
	AddrSuspectNames:      8,
	GlobalSuspectFailures: 1000,
}

// RetryAfter is the cause carried by throttled and locked errors: how long
// the client should wait. The API turns it into a Retry-After header.
type RetryAfter time.Duration

func (r RetryAfter) Error() string { return fmt.Sprintf("retry after %v", time.Duration(r)) }

// Seconds returns the wait in whole seconds, at least 1.
func (r RetryAfter) Seconds() int {
	s := int((time.Duration(r) + time.Second - 1) / time.Second)
	if s < 1 {
		s = 1
	}
	return s
}

func throttled(d time.Duration) error {
	return &bouclier.Error{Code: bouclier.ErrThrottled, Message: "Trop de tentatives. Réessayez plus tard.", Cause: RetryAfter(d)}
}

func lockedError(d time.Duration) error {
	if d > 24*time.Hour {
		d = 24 * time.Hour
	}
	return &bouclier.Error{Code: bouclier.ErrLocked,
		Message: "Ce compte est verrouillé par sécurité. Réessayez plus tard ou contactez votre établissement.", Cause: RetryAfter(d)}
}

// heldCause marks a throttled or locked answer given because of failures
// against the account from anywhere (not from this address): a second
// factor or a known device's token still passes it (IsAccountHeld).
type heldCause struct{ RetryAfter }

func (h heldCause) Error() string { return "account held: " + h.RetryAfter.Error() }
func (h heldCause) Unwrap() error { return h.RetryAfter }

// IsAccountHeld reports whether a login was refused because of failures
// against the account from elsewhere: the same login with a second factor,
// or from a known device, would be let through to the password check.
func IsAccountHeld(err error) bool {
	var h heldCause
	return errors.As(err, &h)
}

func held(err error) error {
	var e *bouclier.Error
	var ra RetryAfter
	if errors.As(err, &e) && errors.As(err, &ra) {
		c := *e
		c.Cause = heldCause{ra}
		return &c
	}
	return err
}

// gate is a login attempt's throttling keys and the detector's verdict.
type gate struct {
	acct, pair, addr string
	suspect          bool
	// held is the answer for an account blocked by its own counter, given
	// unless the attempt carries a second factor or a known device's token
	// (LoginWith): failures from anywhere must not lock the owner out.
	held error
}

func hkey(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:])
}

// throttleAddress is the address throttling counts by: the IPv4 address,
// or the IPv6 /64 (one subscriber's whole network).
func throttleAddress(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil {
		return addr
	}
	if ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
	return ip.String()
}

func (s *Service) gateFor(name string, c Client) gate {
	name = strings.ToLower(name)
	a := throttleAddress(c.Address)
	return gate{acct: hkey("acct", name), pair: hkey("pair", a, name), addr: hkey("addr", a)}
}

// throttleCheck answers throttled for a blocked pair, keeps the answer
// for a blocked account in g.held, and says whether the address is
// suspect.
func (s *Service) throttleCheck(ctx context.Context, name string, c Client, now time.Time) (gate, error) {
	g := s.gateFor(name, c)
	tc := s.cfg.Throttle
	ths, err := s.db.Throttles(ctx, g.acct, g.pair)
	if err != nil {
		return g, err
	}
	n := store.Micros(now)
	if a, ok := ths[g.acct]; ok && a.BlockedUntil > n {
		wait := time.Duration(a.BlockedUntil-n) * time.Microsecond
		if a.Failures >= tc.AccountLockAfter {
			g.held = held(lockedError(wait))
		} else {
			g.held = held(throttled(wait))
		}
	}
	if p, ok := ths[g.pair]; ok && p.BlockedUntil > n {
		return g, throttled(time.Duration(p.BlockedUntil-n) * time.Microsecond)
	}
	fails, names, all, _, err := s.db.FailureStats(ctx, g.addr, store.Micros(now.Add(-tc.Window)))
	if err != nil {
		return g, err
	}
	g.suspect = fails >= tc.AddrSuspectFailures || names >= tc.AddrSuspectNames || all >= tc.GlobalSuspectFailures
	return g, nil
}

func (s *Service) delay(over int) time.Duration {
	if over <= 0 {
		return 0
	}
	if over > 20 {
		return s.cfg.Throttle.MaxDelay
	}
	d := time.Second << (over - 1)
	if d > s.cfg.Throttle.MaxDelay {
		d = s.cfg.Throttle.MaxDelay
	}
	return d
}

// throttleFail counts a failed attempt on the account, the pair and the
// address, in one transaction.
func (s *Service) throttleFail(ctx context.Context, g gate, now time.Time) error {
	return s.throttleFailAudit(ctx, g, now, nil)
}

// throttleFailAudit is throttleFail appending e to the audit trail in the
// same transaction. Failures are group-committed: while one transaction
// of them is being written, those arriving queue up and go together in
// the next one, so a flood of failed logins costs the store a few
// transactions rather than one each, and real logins do not queue behind
// them for the single writer. Each caller still returns only once its own
// failure is counted (or with the store's error).
func (s *Service) throttleFailAudit(ctx context.Context, g gate, now time.Time, e *audit.Entry) error {
	rec := &failure{g: g, now: now, e: e, done: make(chan error, 1)}
	q := &s.failures
	q.mu.Lock()
	q.pending = append(q.pending, rec)
	if !q.flushing {
		q.flushing = true
		go s.flushFailures(context.WithoutCancel(ctx))
	}
	q.mu.Unlock()
	select {
	case err := <-rec.done:
		if err != nil {
			return fmt.Errorf("count login failure: %w", err)
		}
		return nil
	case <-ctx.Done():
		// Counted anyway: the record stays queued.
		return ctx.Err()
	}
}

// failure is one failed login waiting to be counted.
type failure struct {
	g    gate
	now  time.Time
	e    *audit.Entry
	done chan error
}

// failureQueue holds the failures waiting for the next transaction.
type failureQueue struct {
	mu       sync.Mutex
	pending  []*failure
	flushing bool
}

// maxFailureBatch bounds one transaction of failures.
const maxFailureBatch = 256

// flushFailures writes the queued failures, a transaction a batch, until
// none is left.
func (s *Service) flushFailures(ctx context.Context) {
	q := &s.failures
	for {
		q.mu.Lock()
		if len(q.pending) == 0 {
			q.flushing = false
			q.mu.Unlock()
			return
		}
		batch := q.pending
		if len(batch) > maxFailureBatch {
			batch = batch[:maxFailureBatch]
		}
		q.pending = q.pending[len(batch):]
		q.mu.Unlock()
		err := s.db.InTx(ctx, func(tx *store.Tx) error {
			for _, f := range batch {
				if err := s.countFailure(ctx, tx, f); err != nil {
					return err
				}
			}
			return nil
		})
		for _, f := range batch {
			f.done <- err
		}
	}
}

// countFailure counts one failure on the account, the pair and the
// address, and appends its audit entry.
func (s *Service) countFailure(ctx context.Context, tx *store.Tx, f *failure) error {
	tc := s.cfg.Throttle
	g, now := f.g, f.now
	n := store.Micros(now)
	a, err := tx.FailThrottle(ctx, g.acct, n, store.Micros(now.Add(-tc.AccountWindow)))
	if err != nil {
		return err
	}
	switch {
	case a.Failures >= tc.AccountLockAfter:
		if err := tx.BlockThrottle(ctx, g.acct, store.Micros(now.Add(tc.AccountLock))); err != nil {
			return err
		}
	case a.Failures > tc.AccountFree:
		if err := tx.BlockThrottle(ctx, g.acct, store.Micros(now.Add(s.delay(a.Failures-tc.AccountFree)))); err != nil {
			return err
		}
	}
	p, err := tx.FailThrottle(ctx, g.pair, n, store.Micros(now.Add(-tc.Window)))
	if err != nil {
		return err
	}
	if p.Failures > tc.PairFree {
		if err := tx.BlockThrottle(ctx, g.pair, store.Micros(now.Add(s.delay(p.Failures-tc.PairFree)))); err != nil {
			return err
		}
	}
	if err := tx.AddLoginFailure(ctx, n, g.addr, g.acct); err != nil {
		return err
	}
	if f.e != nil {
		if err := audit.Append(ctx, tx, *f.e); err != nil {
			return err
		}
	}
	if s.prune.Add(1)%256 == 0 {
		return tx.PruneLoginFailures(ctx, store.Micros(now.Add(-tc.AccountWindow-tc.AccountLock-tc.Window)))
	}
	return nil
}

// throttleSuccess clears the account's and the pair's counters (never the
// address's).
func (s *Service) throttleSuccess(ctx context.Context, g gate) error {
	return s.db.InTx(ctx, func(tx *store.Tx) error { return tx.DeleteThrottles(ctx, g.acct, g.pair) })
}

// Network returns the network a session is tied to: the /24 of an IPv4
// address, the /48 of an IPv6 one, or the address itself otherwise.
func Network(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil {
		return addr
	}
	if v4 := ip.To4(); v4 != nil {
		return v4.Mask(net.CIDRMask(24, 32)).String() + "/24"
	}
	return ip.Mask(net.CIDRMask(48, 128)).String() + "/48"
}

// UAFamily returns a user agent without its version numbers, so that a
// browser update does not look like another browser.
func UAFamily(ua string) string {
	var b strings.Builder
	for _, r := range truncate(ua, 256) {
		if (r >= '0' && r <= '9') || r == '.' || r == '_' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// passesHold reports whether a login attempt may go past its account's
// own throttle (gate.held): it carries the token of a device the account
// logged in from before, or a second factor for an account that has one.
// Its password and factor are still checked, and a failure still counts.
func (s *Service) passesHold(ctx context.Context, userID int64, cred store.Credentials, in LoginRequest) (bool, error) {
	if h, ok := hashToken(in.Device); ok {
		known, err := s.db.IsKnownDevice(ctx, userID, h)
		if err != nil {
			return false, fmt.Errorf("known device: %w", err)
		}
		if known {
			return true, nil
		}
	}
	if in.OTP == "" && in.RecoveryCode == "" && in.WebAuthn == nil {
		return false, nil
	}
	f, err := s.factors(ctx, userID, cred)
	if err != nil {
		return false, err
	}
	return f.any(), nil
}
