package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/sync/semaphore"
	"golang.org/x/text/unicode/norm"

	"github.com/bouclier/bouclier"
)

// Params are argon2id cost parameters; they are stored with each hash so
// that raising them later only needs a rehash at the next login.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultParams are OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane
// (~22 ms a hash on the reference machine).
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1}

// Hasher hashes and checks passwords with a bound on concurrent hashes,
// a bound on the argon2 memory they hold together, and a short queue
// behind them. Past the queue, or after waiting MaxWait, a hash is
// refused at once with a throttled error (429 with Retry-After) instead
// of queuing for tens of seconds: a flood of logins costs its senders a
// refusal, not every user a long wait.
//
// The memory bound is what keeps a burst of logins from setting the
// process's peak memory: each argon2id hash holds Params.Memory (19 MiB by
// default) for its whole run, and a garbage collection that finds it live
// doubles the heap's next target. Concurrency past the cores buys no
// throughput, so a small budget costs little.
type Hasher struct {
	params Params
	*bounded
	mem    *semaphore.Weighted // KiB of argon2 memory held by running hashes
	memCap int64
	dummy  chan struct{} // dummy hashes running (one at most)
	gc     hashGC        // a collection once a hash's memory is dead (hashgc.go)

	inside func(kib int64) // tests: called while a hash holds its memory
}

// HasherMaxWait bounds how long a hash waits for a slot.
const HasherMaxWait = 2 * time.Second

// DefaultHashMemory is the argon2 memory (KiB) that running hashes may
// hold together by default: two hashes at DefaultParams.
const DefaultHashMemory = 2 * 19 * 1024

// NewHasher returns a Hasher allowing at most concurrent hashes at once
// and 4×concurrent waiting.
func NewHasher(p Params, concurrent int) *Hasher {
	return NewBoundedHasher(p, concurrent, 4*concurrent, HasherMaxWait)
}

// NewBoundedHasher returns a Hasher running at most concurrent hashes,
// holding DefaultHashMemory at most together, with at most queue more
// waiting, each for maxWait at most.
func NewBoundedHasher(p Params, concurrent, queue int, maxWait time.Duration) *Hasher {
	return NewMemoryBoundedHasher(p, concurrent, queue, maxWait, DefaultHashMemory)
}

// NewMemoryBoundedHasher is NewBoundedHasher with the argon2 memory that
// running hashes may hold together: memKiB KiB (0: DefaultHashMemory). A
// hash whose own memory exceeds it runs alone.
func NewMemoryBoundedHasher(p Params, concurrent, queue int, maxWait time.Duration, memKiB int64) *Hasher {
	if memKiB <= 0 {
		memKiB = DefaultHashMemory
	}
	return &Hasher{params: p, bounded: newBounded(concurrent, queue, maxWait), mem: semaphore.NewWeighted(memKiB), memCap: memKiB,
		dummy: make(chan struct{}, 1)}
}

// weight is the share of the memory budget a hash of p takes.
func (h *Hasher) weight(p Params) int64 { return min(int64(p.Memory), h.memCap) }

// enter admits a hash of p: a place in the queue, then a slot, then its
// memory, all within maxWait. It fails closed: the caller gets an error
// (busy, or the context's) and hashes nothing. leave undoes it.
func (h *Hasher) enter(ctx context.Context, p Params) error {
	start := time.Now()
	if err := h.acquire(ctx); err != nil {
		return err
	}
	w := h.weight(p)
	if h.mem.TryAcquire(w) {
		return nil
	}
	wctx, cancel := context.WithTimeout(ctx, h.maxWait-time.Since(start))
	err := h.mem.Acquire(wctx, w)
	cancel()
	if err == nil {
		return nil
	}
	h.release()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return busy()
}

func (h *Hasher) leave(p Params) {
	h.mem.Release(h.weight(p))
	h.release()
}

// key runs argon2id while the hash holds its memory.
func (h *Hasher) key(pw string, salt []byte, p Params, n uint32) []byte {
	start := h.gc.begin()
	defer h.gc.end(start, int64(p.Memory))
	if h.inside != nil {
		h.inside(h.weight(p))
	}
	return argon2.IDKey(normalize(pw), salt, p.Time, p.Memory, p.Threads, n)
}

// errBusy is the cause of the answer given when the hasher, or the
// logins, are saturated.
var errBusy = errors.New("saturated")

func busy() error {
	return &bouclier.Error{Code: bouclier.ErrThrottled, Message: "Le service reçoit trop de connexions à la fois. Réessayez dans quelques secondes.",
		Cause: busyCause{RetryAfter(time.Second)}}
}

// busyCause carries RetryAfter for the API's Retry-After header and
// marks the saturation (IsBusy).
type busyCause struct{ RetryAfter }

func (b busyCause) Error() string { return errBusy.Error() }
func (b busyCause) Unwrap() error { return b.RetryAfter }

// IsBusy reports whether err is the hasher's refusal when saturated.
func IsBusy(err error) bool {
	var b busyCause
	return errors.As(err, &b)
}

// CheckIfIdle checks pw against encoded only when no other such check
// runs and a slot is free at once, and reports whether it did. It is for
// the dummy hash of a login with an unknown name: under a flood of them,
// keeping timings equal is not worth making real logins wait, so they
// take one core at most and never queue.
func (h *Hasher) CheckIfIdle(pw, encoded string) bool {
	p, salt, key, err := parsePHC(encoded)
	if err != nil {
		return false
	}
	select {
	case h.dummy <- struct{}{}:
		defer func() { <-h.dummy }()
	default:
		return false
	}
	if !h.tryAcquire() {
		return false
	}
	if !h.mem.TryAcquire(h.weight(p)) {
		h.release()
		return false
	}
	defer h.leave(p)
	_ = h.key(pw, salt, p, uint32(len(key)))
	return true
}

// normalize applies NFKC so that the same password typed on two keyboards
// (composed or decomposed accents) is the same password.
func normalize(pw string) []byte { return []byte(norm.NFKC.String(pw)) }

// Hash returns a PHC-format argon2id hash of pw.
func (h *Hasher) Hash(ctx context.Context, pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	p := h.params
	if err := h.enter(ctx, p); err != nil {
		return "", err
	}
	defer h.leave(p)
	key := h.key(pw, salt, p, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// DummyHash returns an encoded hash with the hasher's parameters whose
// salt and key are random: checking a password against it costs what a
// real check costs (the timing of a login with an unknown name), and no
// password matches it but by a chance of 2⁻²⁵⁶. Unlike Hash it runs no
// argon2, so that start-up does not allocate and discard its memory
// (19 MiB at DefaultParams).
func (h *Hasher) DummyHash() (string, error) {
	b := make([]byte, 16+32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("dummy hash: %w", err)
	}
	p := h.params
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(b[:16]), base64.RawStdEncoding.EncodeToString(b[16:])), nil
}

// Check reports whether pw matches encoded, and whether the hash should be
// redone because its parameters are below the current ones.
func (h *Hasher) Check(ctx context.Context, pw, encoded string) (ok, rehash bool, err error) {
	p, salt, key, err := parsePHC(encoded)
	if err != nil {
		return false, false, err
	}
	if err := h.enter(ctx, p); err != nil {
		return false, false, err
	}
	defer h.leave(p)
	got := h.key(pw, salt, p, uint32(len(key)))
	ok = subtle.ConstantTimeCompare(got, key) == 1
	rehash = p.Memory < h.params.Memory || p.Time < h.params.Time || p.Threads < h.params.Threads
	return ok, rehash, nil
}

func parsePHC(s string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("not an argon2id hash")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, fmt.Errorf("unsupported argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, fmt.Errorf("bad argon2 parameters: %w", err)
	}
	if p.Memory > 1<<21 || p.Time > 16 || p.Threads == 0 {
		return p, nil, nil, fmt.Errorf("argon2 parameters out of range")
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, fmt.Errorf("bad salt: %w", err)
	}
	key, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(key) < 16 {
		return p, nil, nil, fmt.Errorf("bad key")
	}
	return p, salt, key, nil
}
