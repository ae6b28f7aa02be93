// Package auth authenticates people: passwords (argon2id), TOTP second
// factors and sessions whose opaque tokens are stored only as hashes.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// Config holds session lifetimes and hashing costs.
type Config struct {
	Params          Params
	MaxConcurrent   int           // argon2 hashes at once
	StaffIdle       time.Duration // personnel: idle timeout
	StaffAbsolute   time.Duration // personnel: absolute lifetime
	FamilyIdle      time.Duration // students and parents
	FamilyAbsolute  time.Duration
	TouchResolution time.Duration // how stale last_seen may get before a write
}

// DefaultConfig is the production configuration.
func DefaultConfig() Config {
	return Config{
		Params:          DefaultParams,
		MaxConcurrent:   4,
		StaffIdle:       30 * time.Minute,
		StaffAbsolute:   12 * time.Hour,
		FamilyIdle:      7 * 24 * time.Hour,
		FamilyAbsolute:  30 * 24 * time.Hour,
		TouchResolution: time.Minute,
	}
}

// Service logs people in and checks their sessions.
type Service struct {
	db     *store.DB
	hasher *Hasher
	cfg    Config
	now    func() time.Time
	log    *slog.Logger
	dummy  string // a hash to check against when the user does not exist
}

// New returns an auth service.
func New(db *store.DB, cfg Config, now func() time.Time, log *slog.Logger) (*Service, error) {
	s := &Service{db: db, hasher: NewHasher(cfg.Params, cfg.MaxConcurrent), cfg: cfg, now: now, log: log}
	d, err := s.hasher.Hash(context.Background(), "dummy password that nobody has")
	if err != nil {
		return nil, err
	}
	s.dummy = d
	return s, nil
}

// Hasher returns the password hasher, for account creation.
func (s *Service) Hasher() *Hasher { return s.hasher }

// Client describes where a request comes from.
type Client struct {
	Address   string
	UserAgent string
}

// Session is an authenticated session.
type Session struct {
	TokenHash []byte
	User      bouclier.User
	CreatedAt time.Time
	MFAAt     time.Time // zero if no second factor was checked
	CSRFHash  []byte
}

// Login checks credentials and opens a session. It returns the token, which
// is never stored, only its hash.
//
// Errors: invalid_credentials (unknown user, wrong password or wrong code,
// indistinguishable), otp_required (right password, code missing),
// password_reset_required.
func (s *Service) Login(ctx context.Context, username, password, otp string, c Client) (string, bouclier.User, error) {
	now := s.now()
	fail := func(u string, why string, code bouclier.Code) (string, bouclier.User, error) {
		s.record(ctx, audit.Entry{At: now, Actor: u, Action: "login.failure", Target: "user:" + u, Source: c.Address, Detail: why})
		if code == bouclier.ErrOTPRequired {
			return "", bouclier.User{}, bouclier.Errorf(code, "Code de vérification requis.")
		}
		if code == bouclier.ErrPasswordResetRequired {
			return "", bouclier.User{}, bouclier.Errorf(code, "Vous devez définir un nouveau mot de passe avec votre code d'activation.")
		}
		return "", bouclier.User{}, bouclier.Errorf(bouclier.ErrInvalidCredentials, "Identifiant ou mot de passe incorrect.")
	}
	if !bouclier.ValidName(username) || len(password) > 1024 {
		_, _, _ = s.hasher.Check(ctx, password, s.dummy)
		return fail("?", "malformed", bouclier.ErrInvalidCredentials)
	}
	u, err := s.db.UserByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		// Same work as for a real account, so timing tells nothing.
		_, _, _ = s.hasher.Check(ctx, password, s.dummy)
		return fail(username, "unknown user", bouclier.ErrInvalidCredentials)
	}
	if err != nil {
		return "", bouclier.User{}, err
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return "", bouclier.User{}, err
	}
	ok, rehash, err := s.hasher.Check(ctx, password, cred.PasswordHash)
	if err != nil && !errors.Is(err, context.Canceled) {
		s.log.Warn("password hash unreadable", "user", u.Username, "err", err)
		ok = false
	}
	if !ok || u.Disabled {
		return fail(u.Username, "bad password", bouclier.ErrInvalidCredentials)
	}
	if u.MustReset {
		return fail(u.Username, "reset required", bouclier.ErrPasswordResetRequired)
	}
	var mfaAt int64
	if cred.TOTPSecret != "" {
		if otp == "" {
			return fail(u.Username, "otp missing", bouclier.ErrOTPRequired)
		}
		step := checkTOTP(cred.TOTPSecret, otp, now)
		if step == 0 {
			return fail(u.Username, "bad otp", bouclier.ErrInvalidCredentials)
		}
		var fresh bool
		if err := s.db.InTx(ctx, func(tx *store.Tx) error {
			fresh, err = tx.UseTOTPStep(ctx, u.ID, step)
			return err
		}); err != nil {
			return "", bouclier.User{}, err
		}
		if !fresh {
			return fail(u.Username, "otp replayed", bouclier.ErrInvalidCredentials)
		}
		mfaAt = store.Micros(now)
	}
	token, hash, err := newToken()
	if err != nil {
		return "", bouclier.User{}, err
	}
	csrf := sha256.Sum256(append([]byte("csrf:"), hash...))
	abs := s.cfg.FamilyAbsolute
	if u.Role.IsPersonnel() {
		abs = s.cfg.StaffAbsolute
	}
	sess := store.Session{
		TokenHash: hash, UserID: u.ID, CreatedAt: store.Micros(now), LastSeen: store.Micros(now),
		ExpiresAt: store.Micros(now.Add(abs)), MFAAt: mfaAt, Source: c.Address, UserAgent: truncate(c.UserAgent, 256), CSRFHash: csrf[:],
	}
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateSession(ctx, sess); err != nil {
			return err
		}
		if rehash {
			h, err := s.hasher.Hash(ctx, password)
			if err != nil {
				return err
			}
			if err := tx.SetPasswordHash(ctx, u.ID, h); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "login.success", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("mfa=%t", mfaAt != 0)})
	})
	if err != nil {
		return "", bouclier.User{}, fmt.Errorf("open session: %w", err)
	}
	return token, u, nil
}

// Authenticate returns the session a token belongs to. Errors: unauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (Session, error) {
	unauth := bouclier.Errorf(bouclier.ErrUnauthenticated, "Session absente ou expirée. Reconnectez-vous.")
	hash, ok := hashToken(token)
	if !ok {
		return Session{}, unauth
	}
	st, u, err := s.db.SessionUser(ctx, hash)
	if errors.Is(err, store.ErrNotFound) {
		return Session{}, unauth
	}
	if err != nil {
		return Session{}, err
	}
	// The lookup is by hash; compare again in constant time out of caution
	// about collations and drivers.
	if subtle.ConstantTimeCompare(st.TokenHash, hash) != 1 {
		return Session{}, unauth
	}
	now := store.Micros(s.now())
	idle := s.cfg.FamilyIdle
	if u.Role.IsPersonnel() {
		idle = s.cfg.StaffIdle
	}
	if u.Disabled || now >= st.ExpiresAt || now-st.LastSeen >= idle.Microseconds() {
		_ = s.db.DeleteSession(ctx, hash)
		return Session{}, unauth
	}
	if now-st.LastSeen >= s.cfg.TouchResolution.Microseconds() {
		if err := s.db.TouchSession(ctx, hash, now); err != nil {
			s.log.Warn("touch session", "err", err)
		}
	}
	sess := Session{TokenHash: hash, User: u, CreatedAt: time.UnixMicro(st.CreatedAt), CSRFHash: st.CSRFHash}
	if st.MFAAt != 0 {
		sess.MFAAt = time.UnixMicro(st.MFAAt)
	}
	return sess, nil
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, sess Session, c Client) error {
	if err := s.db.DeleteSession(ctx, sess.TokenHash); err != nil {
		return err
	}
	s.record(ctx, audit.Entry{At: s.now(), Actor: sess.User.Username, Action: "logout", Target: "user:" + sess.User.Username, Source: c.Address})
	return nil
}

// CSRFToken returns the anti-CSRF token bound to a session, derived from the
// session so that it needs no storage of its own.
func CSRFToken(sess Session) string {
	return base64.RawURLEncoding.EncodeToString(sess.CSRFHash)
}

// CheckCSRF compares a submitted token with the session's in constant time.
func CheckCSRF(sess Session, token string) bool {
	b, err := base64.RawURLEncoding.DecodeString(token)
	return err == nil && len(sess.CSRFHash) > 0 && subtle.ConstantTimeCompare(b, sess.CSRFHash) == 1
}

func (s *Service) record(ctx context.Context, e audit.Entry) {
	if err := s.db.InTx(ctx, func(tx *store.Tx) error { return audit.Append(ctx, tx, e) }); err != nil {
		s.log.Error("audit append failed", "action", e.Action, "err", err)
	}
}

// newToken draws a 256-bit token and returns it with its SHA-256.
func newToken() (string, []byte, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("token: %w", err)
	}
	tok := base64.RawURLEncoding.EncodeToString(b)
	h := sha256.Sum256([]byte(tok))
	return tok, h[:], nil
}

func hashToken(tok string) ([]byte, bool) {
	if len(tok) != 43 {
		return nil, false
	}
	h := sha256.Sum256([]byte(tok))
	return h[:], true
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

type sessionKey struct{}

// WithSession returns ctx carrying the authenticated session, so that the
// services deeper down (the send path's step-up check) know how the sender
// authenticated.
func WithSession(ctx context.Context, s Session) context.Context {
	return context.WithValue(ctx, sessionKey{}, s)
}

// SessionFrom returns the session carried by ctx, if any.
func SessionFrom(ctx context.Context) (Session, bool) {
	s, ok := ctx.Value(sessionKey{}).(Session)
	return s, ok
}
