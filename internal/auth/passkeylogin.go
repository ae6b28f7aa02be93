package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// A login's passkey ceremony starts before anyone is known, so anybody
// may ask for one. It is therefore kept by the browser, not the server:
// the handle is the session data sealed with the secret key (any node
// opens it), and nothing is stored until an assertion is checked, which
// happens only after the right password (LoginWith, step 4). Only then is
// the handle recorded as used, so that it serves once. The option
// requests are also limited per address (BeginPasskeyLoginFrom).

// loginCeremony is what the sealed handle carries.
type loginCeremony struct {
	Kind    string               `json:"k"`
	Expires int64                `json:"e"` // unix microseconds
	Data    webauthn.SessionData `json:"d"`
}

// BeginPasskeyLogin starts a passkey check for a login, before anyone is
// known: the options name no account, and nothing is stored. Prefer
// BeginPasskeyLoginFrom, which limits the requests of each address.
// Errors: none of the contract's.
func (s *Service) BeginPasskeyLogin(ctx context.Context) (string, json.RawMessage, error) {
	assertion, sd, err := s.wa.BeginDiscoverableLogin(webauthn.WithUserVerification(protocol.VerificationRequired))
	if err != nil {
		return "", nil, fmt.Errorf("begin passkey login: %w", err)
	}
	plain, err := json.Marshal(loginCeremony{Kind: "login", Expires: store.Micros(s.now().Add(ceremonyTTL)), Data: *sd})
	if err != nil {
		return "", nil, fmt.Errorf("begin passkey login: %w", err)
	}
	id, err := s.keys.Seal(plain)
	if err != nil {
		return "", nil, err
	}
	opts, err := json.Marshal(assertion)
	return id, opts, err
}

// BeginPasskeyLoginFrom is BeginPasskeyLogin limited to
// PasskeyOptionsPerMinute requests a minute from each address (IPv4, or
// IPv6 /64). Errors: throttled (carrying RetryAfter).
func (s *Service) BeginPasskeyLoginFrom(ctx context.Context, c Client) (string, json.RawMessage, error) {
	if wait, ok := s.optionLimit.allow(throttleAddress(c.Address), s.now()); !ok {
		return "", nil, throttled(wait)
	}
	return s.BeginPasskeyLogin(ctx)
}

// takeLoginCeremony opens a login ceremony's handle and records it as
// used. Errors: invalid_credentials (not a login handle, expired, used).
func (s *Service) takeLoginCeremony(ctx context.Context, id string) (webauthn.SessionData, error) {
	gone := bouclier.Errorf(bouclier.ErrInvalidCredentials, "Vérification expirée ou déjà utilisée\u00a0: recommencez.")
	plain, err := s.keys.Open(id)
	if err != nil {
		return webauthn.SessionData{}, gone
	}
	var lc loginCeremony
	now := store.Micros(s.now())
	if json.Unmarshal(plain, &lc) != nil || lc.Kind != "login" || lc.Expires <= now {
		return webauthn.SessionData{}, gone
	}
	key := hkey("ceremony used", id)
	replayed := false
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		// TakeChallenge also prunes the expired records.
		if _, _, err := tx.TakeChallenge(ctx, key, "login-used", now); err == nil {
			replayed = true
			return gone // roll back: the record stays
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		return tx.PutChallenge(ctx, key, 0, "login-used", "", lc.Expires)
	})
	if replayed {
		return webauthn.SessionData{}, gone
	}
	if err != nil {
		return webauthn.SessionData{}, fmt.Errorf("passkey login ceremony: %w", err)
	}
	return lc.Data, nil
}

// PasskeyOptionsPerMinute bounds the passkey login option requests of one
// address.
const PasskeyOptionsPerMinute = 20

// rateLimiter is a token bucket per key, in this process's memory: a cheap
// first line in front of work that needs no shared counter. Its table is
// bounded; when full of active keys it refuses (fail closed).
type rateLimiter struct {
	mu      sync.Mutex
	perMin  float64
	max     int
	buckets map[string]*tokenBucket
}

type tokenBucket struct {
	tokens float64
	at     time.Time
}

func newRateLimiter(perMinute, maxKeys int) *rateLimiter {
	return &rateLimiter{perMin: float64(perMinute), max: maxKeys, buckets: map[string]*tokenBucket{}}
}

// allow takes a token for key, or says how long to wait for one.
func (l *rateLimiter) allow(key string, now time.Time) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= l.max {
			l.prune(now)
		}
		if len(l.buckets) >= l.max {
			return time.Minute, false
		}
		b = &tokenBucket{tokens: l.perMin, at: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.perMin, b.tokens+now.Sub(b.at).Minutes()*l.perMin)
	b.at = now
	if b.tokens < 1 {
		return time.Duration((1 - b.tokens) / l.perMin * float64(time.Minute)), false
	}
	b.tokens--
	return 0, true
}

// prune drops the buckets that have refilled: their keys are idle.
func (l *rateLimiter) prune(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Minutes()*l.perMin >= l.perMin {
			delete(l.buckets, k)
		}
	}
}
