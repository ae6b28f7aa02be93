package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
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

// Hasher hashes and checks passwords with a bound on concurrent hashes, so
// that a burst of logins queues instead of exhausting memory.
type Hasher struct {
	params Params
	slots  chan struct{}
}

// NewHasher returns a Hasher allowing at most concurrent hashes at once.
func NewHasher(p Params, concurrent int) *Hasher {
	if concurrent < 1 {
		concurrent = 1
	}
	return &Hasher{params: p, slots: make(chan struct{}, concurrent)}
}

func (h *Hasher) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *Hasher) release() { <-h.slots }

// normalize applies NFKC so that the same password typed on two keyboards
// (composed or decomposed accents) is the same password.
func normalize(pw string) []byte { return []byte(norm.NFKC.String(pw)) }

// Hash returns a PHC-format argon2id hash of pw.
func (h *Hasher) Hash(ctx context.Context, pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	p := h.params
	key := argon2.IDKey(normalize(pw), salt, p.Time, p.Memory, p.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// Check reports whether pw matches encoded, and whether the hash should be
// redone because its parameters are below the current ones.
func (h *Hasher) Check(ctx context.Context, pw, encoded string) (ok, rehash bool, err error) {
	p, salt, key, err := parsePHC(encoded)
	if err != nil {
		return false, false, err
	}
	if err := h.acquire(ctx); err != nil {
		return false, false, err
	}
	defer h.release()
	got := argon2.IDKey(normalize(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
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
