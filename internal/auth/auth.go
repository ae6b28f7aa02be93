// Package auth authenticates people and guards what an authenticated
// session may do. It answers the lesson of March 2024, when accounts whose
// passwords and cookies had been stolen by infostealers sent threats to
// hundreds of schools: a stolen password or a stolen cookie must not be
// able to send.
//
//   - Passwords: argon2id with bounded concurrency, parameters stored with
//     each hash and raised by rehashing at login; a policy after NIST SP
//     800-63B rev. 4 (pwpolicy.go).
//   - Second factors: TOTP, WebAuthn passkeys and single-use recovery
//     codes (factors.go, webauthn.go); mandatory for personnel, and for
//     the roles an administrator requires them of in a scope.
//   - Throttling in the database, shared by every process (throttle.go).
//   - Sessions: opaque 256-bit tokens kept as hashes, rotated at login and
//     step-up, bound to the network and browser they were issued to
//     (sessions.go).
//   - The send guard: step-up for wide or risky sends, probation limits,
//     enrolment and acknowledgement before sending (guard.go).
//   - New-device notices with a "ce n'était pas moi" action (notices.go),
//     mass resets with activation letters (reset.go), administrator
//     actions (admin.go), each audited.
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
	"sync/atomic"
	"time"

	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

// Config holds session lifetimes, hashing costs and the security limits.
type Config struct {
	Params          Params
	MaxConcurrent   int           // argon2 hashes at once
	StaffIdle       time.Duration // personnel, and families on a new device: idle timeout
	StaffAbsolute   time.Duration // personnel, and families on a new device: absolute lifetime
	FamilyIdle      time.Duration // students and parents on a known device
	FamilyAbsolute  time.Duration
	TouchResolution time.Duration // how stale last_seen may get before a write

	SecretKey []byte // seals secrets at rest; see LoadKey. nil: a key for this process only

	// WebAuthn relying party: RPID is the public URL's host ("localhost" in
	// tests), RPOrigins the origins browsers use.
	RPID      string
	RPOrigins []string
	RPName    string

	StepUpWindow    time.Duration // a wide or risky send needs a second factor this recent
	RecentLogin     time.Duration // enrolling or removing a factor needs a login this recent
	WideRecipients  int           // more recipients than this is a wide send
	NoFactorMaxSend int           // accounts without a factor: recipients per message at most
	ActivationTTL   time.Duration // mass-reset activation codes
	Throttle        ThrottleConfig
	Probation       ProbationConfig
}

// ProbationConfig limits what an account sends in its first days after
// activation (its first login with a password of its own) or a reset.
type ProbationConfig struct {
	Period        time.Duration
	MaxRecipients int // per message
	PerHour       int // messages
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
		RPID:            "localhost",
		RPName:          "Bouclier",
		StepUpWindow:    15 * time.Minute,
		RecentLogin:     10 * time.Minute,
		WideRecipients:  10,
		NoFactorMaxSend: 10,
		ActivationTTL:   14 * 24 * time.Hour,
		Throttle:        DefaultThrottle,
		Probation:       ProbationConfig{Period: 72 * time.Hour, MaxRecipients: 30, PerHour: 10},
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
	keys   *keyring
	dir    *directory.Directory
	wa     *webauthn.WebAuthn
	prune  atomic.Int64
}

// New returns an auth service. It makes the store seal TOTP secrets with
// the configured key.
func New(db *store.DB, cfg Config, now func() time.Time, log *slog.Logger) (*Service, error) {
	s := &Service{db: db, hasher: NewHasher(cfg.Params, cfg.MaxConcurrent), cfg: cfg, now: now, log: log, dir: directory.New(db)}
	d, err := s.hasher.Hash(context.Background(), "dummy password that nobody has")
	if err != nil {
		return nil, err
	}
	s.dummy = d
	key := cfg.SecretKey
	if len(key) == 0 {
		log.Warn("no secret key configured: secrets are sealed with a key that dies with this process (set BOUCLIER_SECRET_KEY)")
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, fmt.Errorf("auth: draw key: %w", err)
		}
	}
	if s.keys, err = newKeyring(key); err != nil {
		return nil, err
	}
	db.SetSealer(s.keys)
	if s.wa, err = newWebAuthn(cfg); err != nil {
		return nil, err
	}
	return s, nil
}

// UseDirectory sets the directory used for authority checks, so that the
// whole application shares one.
func (s *Service) UseDirectory(d *directory.Directory) { s.dir = d }

// Hasher returns the password hasher, for account creation.
func (s *Service) Hasher() *Hasher { return s.hasher }

// Config returns the service's configuration.
func (s *Service) Config() Config { return s.cfg }

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
	PublicID  string    // names the session in lists; not a credential
	AuthAt    time.Time // when the password was last checked
	// Moved is set when the session is used from another network or
	// browser than it was issued to: it may read, but must pass a second
	// factor check again (StepUp) before it sends anything.
	Moved       bool
	KnownDevice bool
}

// LoginRequest is what a login submits. One second factor at most is
// used: OTP, RecoveryCode or WebAuthn.
type LoginRequest struct {
	Username     string
	Password     string
	OTP          string
	RecoveryCode string
	WebAuthn     *Assertion // a passkey assertion answering BeginPasskeyLogin
	Device       string     // the device token a previous login returned
	Client       Client
}

// Assertion is a WebAuthn assertion with the ceremony it answers.
type Assertion struct {
	ChallengeID string
	Credential  []byte // the PublicKeyCredential as JSON
}

// LoginResult is an opened session.
type LoginResult struct {
	Token       string
	User        bouclier.User
	DeviceToken string // to send back as LoginRequest.Device next time
	NewDevice   bool
	MustEnrol   bool // personnel (or required) without a second factor: may read, not send
	MustAck     bool // must acknowledge the security instructions before sending
}

// LoginWith checks credentials and opens a session. In order:
//
//  1. the account's and the (network, name) pair's throttling counters:
//     locked → locked, delayed → throttled; an unknown name is counted and
//     answered exactly like an existing one;
//  2. the password (a dummy hash for an unknown name, for equal timing);
//  3. an administrator's or the user's own lock → locked; a forced reset
//     → password_reset_required;
//  4. the second factor if the account has one: missing → otp_required,
//     wrong or replayed → invalid_credentials (and counted);
//  5. from a network flagged by the stuffing detector, or while a wave of
//     failures is under way everywhere, a login needs a second factor or
//     the device token of a browser that logged in before: otherwise →
//     throttled, whatever the password;
//  6. the session: family roles get the long lifetime on a known device
//     only; a new device leaves a notice for the user.
//
// Errors: invalid_credentials (unknown user, wrong password or wrong code,
// indistinguishable), otp_required, password_reset_required, locked,
// throttled (carrying RetryAfter).
func (s *Service) LoginWith(ctx context.Context, in LoginRequest) (LoginResult, error) {
	now := s.now()
	c := in.Client
	name := in.Username
	if !bouclier.ValidName(name) || len(in.Password) > 1024 {
		_, _, _ = s.hasher.Check(ctx, in.Password, s.dummy)
		return LoginResult{}, invalidCredentials()
	}
	g, err := s.throttleCheck(ctx, name, c, now)
	if err != nil {
		return LoginResult{}, err
	}
	fail := func(target, why string) (LoginResult, error) {
		if err := s.throttleFail(ctx, g, now); err != nil {
			return LoginResult{}, err
		}
		s.record(ctx, audit.Entry{At: now, Actor: target, Action: "login.failure", Target: "user:" + target, Source: c.Address, Detail: why})
		if g.suspect {
			return LoginResult{}, throttled(s.cfg.Throttle.Window)
		}
		return LoginResult{}, invalidCredentials()
	}
	u, err := s.db.UserByName(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		// Same work as for a real account, so timing tells nothing; the
		// name is not kept, as people type their password there by mistake.
		_, _, _ = s.hasher.Check(ctx, in.Password, s.dummy)
		return fail("?"+g.acct[:8], "unknown user")
	}
	if err != nil {
		return LoginResult{}, err
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return LoginResult{}, err
	}
	ok, rehash, err := s.hasher.Check(ctx, in.Password, cred.PasswordHash)
	if err != nil && !errors.Is(err, context.Canceled) {
		s.log.Warn("password hash unreadable", "user", u.Username, "err", err)
		ok = false
	}
	if !ok || u.Disabled {
		return fail(u.Username, "bad password")
	}
	sec, err := s.db.AccountSecurity(ctx, u.ID)
	if err != nil {
		return LoginResult{}, err
	}
	if sec.LockedUntil > store.Micros(now) {
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "login.locked", Target: "user:" + u.Username, Source: c.Address})
		return LoginResult{}, lockedError(time.UnixMicro(sec.LockedUntil).Sub(now))
	}
	if u.MustReset {
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "login.failure", Target: "user:" + u.Username, Source: c.Address, Detail: "reset required"})
		return LoginResult{}, bouclier.Errorf(bouclier.ErrPasswordResetRequired, "Vous devez définir un nouveau mot de passe avec votre code d'activation.")
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return LoginResult{}, err
	}
	var mfaAt int64
	if f.any() {
		method, err := s.checkSecondFactor(ctx, u, cred, f, factorInput{OTP: in.OTP, RecoveryCode: in.RecoveryCode, WebAuthn: in.WebAuthn}, now)
		switch {
		case errors.Is(err, errFactorMissing):
			return LoginResult{}, bouclier.Errorf(bouclier.ErrOTPRequired, "Code de vérification requis.")
		case errors.Is(err, errFactorWrong):
			return fail(u.Username, "bad second factor")
		case err != nil:
			return LoginResult{}, err
		}
		mfaAt = store.Micros(now)
		if method == "recovery" {
			s.notify(ctx, u, "recovery_code_used", "Un code de secours a été utilisé pour vous connecter. S'il en reste peu, générez-en de nouveaux.", c, now)
		}
	}
	dev, err := s.device(ctx, u.ID, in.Device, c)
	if err != nil {
		return LoginResult{}, err
	}
	if g.suspect && mfaAt == 0 && !dev.byToken {
		// Step 5: the password was right, but from here it proves too little.
		if err := s.throttleFail(ctx, g, now); err != nil {
			return LoginResult{}, err
		}
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "login.refused", Target: "user:" + u.Username, Source: c.Address,
			Detail: "stuffing suspected: no second factor, unknown device"})
		return LoginResult{}, throttled(s.cfg.Throttle.Window)
	}
	if cred.TOTPLegacy {
		rehashTOTP := cred.TOTPSecret
		if err := s.db.InTx(ctx, func(tx *store.Tx) error { return tx.SetTOTPSecret(ctx, u.ID, rehashTOTP) }); err != nil {
			return LoginResult{}, fmt.Errorf("seal totp secret: %w", err)
		}
	}
	res := LoginResult{User: u, NewDevice: !dev.known}
	required, err := s.factorRequired(ctx, u)
	if err != nil {
		return LoginResult{}, err
	}
	res.MustEnrol = (required || sec.MustEnrol) && !f.any()
	res.MustAck = sec.MustAck
	idle, abs := s.cfg.StaffIdle, s.cfg.StaffAbsolute
	if !u.Role.IsPersonnel() && dev.known {
		idle, abs = s.cfg.FamilyIdle, s.cfg.FamilyAbsolute
	}
	token, hash, err := newToken()
	if err != nil {
		return LoginResult{}, err
	}
	pid, err := randomID()
	if err != nil {
		return LoginResult{}, err
	}
	csrf := sha256.Sum256(append([]byte("csrf:"), hash...))
	sess := store.Session{
		TokenHash: hash, UserID: u.ID, CreatedAt: store.Micros(now), LastSeen: store.Micros(now),
		ExpiresAt: store.Micros(now.Add(abs)), MFAAt: mfaAt, Source: c.Address, UserAgent: truncate(c.UserAgent, 256), CSRFHash: csrf[:],
		PublicID: pid, AuthAt: store.Micros(now), Network: Network(c.Address), UAFamily: UAFamily(c.UserAgent),
		IdleUS: idle.Microseconds(), KnownDevice: dev.known,
	}
	res.DeviceToken = dev.token
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateSession(ctx, sess); err != nil {
			return err
		}
		if err := tx.PutKnownDevice(ctx, u.ID, dev.hash, sess.Network, sess.UAFamily, sess.CreatedAt); err != nil {
			return err
		}
		if err := tx.PutKnownDevice(ctx, u.ID, dev.netHash, sess.Network, sess.UAFamily, sess.CreatedAt); err != nil {
			return err
		}
		if rehash {
			h, err := s.hasher.Hash(ctx, in.Password)
			if err != nil {
				return err
			}
			if err := tx.SetPasswordHash(ctx, u.ID, h); err != nil {
				return err
			}
		}
		if !dev.known && dev.before > 0 {
			if _, err := s.insertNotice(ctx, tx, u, "new_device", newDeviceText(c, now), c, now); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "login.success", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("mfa=%t new_device=%t", mfaAt != 0, !dev.known)})
	})
	if err != nil {
		return LoginResult{}, fmt.Errorf("open session: %w", err)
	}
	if err := s.throttleSuccess(ctx, g); err != nil {
		s.log.Warn("reset throttle", "err", err)
	}
	res.Token = token
	return res, nil
}

func invalidCredentials() error {
	return bouclier.Errorf(bouclier.ErrInvalidCredentials, "Identifiant ou mot de passe incorrect.")
}

// Authenticate returns the session a token belongs to, without checking
// where the request comes from. Prefer AuthenticateClient.
// Errors: unauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (Session, error) {
	return s.AuthenticateClient(ctx, token, Client{})
}

// AuthenticateClient returns the session a token belongs to. When c names
// another network (/24, /48) or browser than the session was issued to,
// the session is marked Moved: it still reads, but sending needs a second
// factor check again (StepUp), and the first such use leaves a notice for
// the user. Errors: unauthenticated.
func (s *Service) AuthenticateClient(ctx context.Context, token string, c Client) (Session, error) {
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
	if st.IdleUS > 0 && st.IdleUS < idle.Microseconds() {
		idle = time.Duration(st.IdleUS) * time.Microsecond
	}
	if u.Disabled || now >= st.ExpiresAt || now-st.LastSeen >= idle.Microseconds() {
		_ = s.db.EndSession(ctx, hash, now, "expired")
		return Session{}, unauth
	}
	if now-st.LastSeen >= s.cfg.TouchResolution.Microseconds() {
		if err := s.db.TouchSession(ctx, hash, now); err != nil {
			s.log.Warn("touch session", "err", err)
		}
	}
	sess := Session{TokenHash: hash, User: u, CreatedAt: time.UnixMicro(st.CreatedAt), CSRFHash: st.CSRFHash,
		PublicID: st.PublicID, KnownDevice: st.KnownDevice, Moved: st.MovedAt != 0}
	if st.MFAAt != 0 {
		sess.MFAAt = time.UnixMicro(st.MFAAt)
	}
	if st.AuthAt != 0 {
		sess.AuthAt = time.UnixMicro(st.AuthAt)
	}
	if c.Address != "" && st.Network != "" && (Network(c.Address) != st.Network || UAFamily(c.UserAgent) != st.UAFamily) {
		sess.Moved = true
		first, err := s.db.MarkSessionMoved(ctx, hash, now)
		if err != nil {
			s.log.Warn("mark session moved", "err", err)
		}
		if first {
			t := s.now()
			s.notify(ctx, u, "session_moved", "Votre session a été utilisée depuis un autre réseau ou un autre navigateur ("+c.Address+"). "+
				"Par précaution, aucun envoi n'est possible depuis cette session sans une nouvelle vérification. "+
				"Si ce n'était pas vous, utilisez « Ce n'était pas moi ».", c, t)
			s.record(ctx, audit.Entry{At: t, Actor: u.Username, Action: "session.moved", Target: "user:" + u.Username, Scope: u.Scope(), Source: c.Address,
				Detail: "session " + st.PublicID + " first issued to " + st.Network})
		}
	}
	return sess, nil
}

// Logout ends a session. Errors: none of the contract's.
func (s *Service) Logout(ctx context.Context, sess Session, c Client) error {
	if err := s.db.EndSession(ctx, sess.TokenHash, store.Micros(s.now()), "logout"); err != nil {
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

// randomID draws a 96-bit identifier for lists and ceremonies.
func randomID() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random id: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
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
