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
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"sync"
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
	HashMemory      int64         // KiB of argon2 memory running hashes hold together at most (0: DefaultHashMemory)
	HashQueue       int           // argon2 hashes waiting at most; past it a login answers throttled at once (0: default)
	LoginConcurrent int           // logins processed at once by this process (0: default)
	LoginQueue      int           // logins waiting at most; past it a login answers throttled at once (0: default)
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
	// PrivilegeFresh bounds the age of the second-factor check behind an
	// action that opens or reaches wide (bouclier.PrivLoosen);
	// PrivilegeSession that behind one that protects or reads
	// (bouclier.PrivTighten, bouclier.PrivRead).
	PrivilegeFresh   time.Duration
	PrivilegeSession time.Duration
	// FanOutWindow is the rolling window over which the distinct people
	// an account writes to add up towards WideRecipients.
	FanOutWindow time.Duration
	Throttle     ThrottleConfig
	Probation    ProbationConfig
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
		HashMemory:      DefaultHashMemory,
		HashQueue:       16,
		LoginConcurrent: 16,
		LoginQueue:      64,
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
		PrivilegeFresh:  10 * time.Minute,
		// A head's working day: one check at login covers protective acts.
		PrivilegeSession: 12 * time.Hour,
		FanOutWindow:     time.Hour,
		Throttle:         DefaultThrottle,
		Probation:        ProbationConfig{Period: 72 * time.Hour, MaxRecipients: 30, PerHour: 10},
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

	pending     cipher.AEAD  // seals the web login's first step (SealPending)
	optionLimit *rateLimiter // passkey login options per address
	failures    failureQueue // failed logins waiting to be counted (throttleFailAudit)
	logins      *bounded     // logins in progress (LoginWith)
}

// New returns an auth service. It makes the store seal TOTP secrets with
// the configured key.
func New(db *store.DB, cfg Config, now func() time.Time, log *slog.Logger) (*Service, error) {
	// Zero bounds mean the defaults (a negative queue means none).
	def := DefaultConfig()
	for _, p := range []struct{ v, d *int }{{&cfg.HashQueue, &def.HashQueue}, {&cfg.LoginConcurrent, &def.LoginConcurrent}, {&cfg.LoginQueue, &def.LoginQueue}} {
		if *p.v == 0 {
			*p.v = *p.d
		}
	}
	s := &Service{db: db, hasher: NewMemoryBoundedHasher(cfg.Params, cfg.MaxConcurrent, cfg.HashQueue, HasherMaxWait, cfg.HashMemory), cfg: cfg, now: now, log: log, dir: directory.New(db),
		optionLimit: newRateLimiter(PasskeyOptionsPerMinute, 100_000), logins: newBounded(cfg.LoginConcurrent, cfg.LoginQueue, HasherMaxWait)}
	d, err := s.hasher.DummyHash()
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
	if s.pending, err = newPendingAEAD(key); err != nil {
		return nil, err
	}
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
//  0. admission: Config.LoginConcurrent logins at once in this process,
//     Config.LoginQueue more waiting (2 s at most); past that → throttled
//     at once with a Retry-After of one second, before any work;
//  1. the (address, name) pair's throttling counter: delayed → throttled;
//     the account's own counter: locked or delayed → locked or throttled,
//     unless the attempt carries a second factor (for an account that has
//     one) or a known device's token, so that failures from elsewhere
//     cannot lock the owner out (their addresses stay throttled by the
//     pair and address counters). A malformed or unknown name is counted
//     and answered exactly like an existing one;
//  2. the password: hashing is bounded (Config.MaxConcurrent running and
//     holding Config.HashMemory of argon2 memory together at most,
//     Config.HashQueue waiting); past that → throttled at once with a
//     Retry-After of one second. An unknown name gets a dummy hash, for
//     equal timing, only while the hasher is idle;
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
// throttled (carrying RetryAfter; IsAccountHeld tells the account's own
// hold, IsBusy the saturated hasher).
func (s *Service) LoginWith(ctx context.Context, in LoginRequest) (LoginResult, error) {
	// Admission first: past the running logins and their short queue, a
	// flood is answered at once, before any work.
	if err := s.logins.acquire(ctx); err != nil {
		if IsBusy(err) {
			return LoginResult{}, err
		}
		return LoginResult{}, fmt.Errorf("login: %w", err)
	}
	// A failure leaves its place before its count is written (group
	// commit), so that the places turn over at the pace of the checks.
	leave := sync.OnceFunc(s.logins.release)
	defer leave()
	now := s.now()
	c := in.Client
	name := in.Username
	// A malformed name or an oversized password goes through the same
	// throttles as any name (keyed by at most 256 bytes of it).
	wellFormed := bouclier.ValidName(name) && len(in.Password) <= 1024
	if len(name) > 256 {
		name = name[:256]
	}
	g, err := s.throttleCheck(ctx, name, c, now)
	if err != nil {
		return LoginResult{}, err
	}
	fail := func(target, scope, why string) (LoginResult, error) {
		e := audit.Entry{At: now, Actor: target, Action: "login.failure", Target: "user:" + target, Scope: scope, Source: c.Address, Detail: why}
		leave()
		if err := s.throttleFailAudit(ctx, g, now, &e); err != nil {
			return LoginResult{}, err
		}
		if g.suspect {
			return LoginResult{}, throttled(s.cfg.Throttle.Window)
		}
		return LoginResult{}, invalidCredentials()
	}
	// noSuchAccount answers a name that is no account like a wrong
	// password; the name is not kept, as people type their password there
	// by mistake. The dummy hash, for equal timing, runs only when the
	// hasher is idle: under a flood it would make real logins wait.
	noSuchAccount := func(why string) (LoginResult, error) {
		if g.held != nil {
			return LoginResult{}, g.held
		}
		s.hasher.CheckIfIdle(in.Password, s.dummy)
		return fail("?"+g.acct[:8], "", why)
	}
	if !wellFormed {
		return noSuchAccount("malformed name or password")
	}
	u, err := s.db.UserByName(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		return noSuchAccount("unknown user")
	}
	if err != nil {
		return LoginResult{}, err
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return LoginResult{}, err
	}
	if g.held != nil {
		pass, err := s.passesHold(ctx, u.ID, cred, in)
		if err != nil {
			return LoginResult{}, err
		}
		if !pass {
			return LoginResult{}, g.held
		}
	}
	ok, rehash, err := s.hasher.Check(ctx, in.Password, cred.PasswordHash)
	switch {
	case IsBusy(err):
		return LoginResult{}, err
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return LoginResult{}, fmt.Errorf("check password: %w", err)
	case err != nil:
		s.log.Warn("password hash unreadable", "user", u.Username, "err", err)
		ok = false
	}
	if !ok || u.Disabled {
		return fail(u.Username, u.Scope(), "bad password")
	}
	if err := s.localPasswordAllowed(ctx, u, c, now); err != nil {
		return LoginResult{}, err
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
		return LoginResult{}, bouclier.Errorf(bouclier.ErrPasswordResetRequired, "Vous devez définir un nouveau mot de passe avec votre code d’activation.")
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
			return fail(u.Username, u.Scope(), "bad second factor")
		case err != nil:
			return LoginResult{}, err
		}
		mfaAt = store.Micros(now)
		if method == "recovery" {
			s.notify(ctx, u, "recovery_code_used", "Un code de secours a été utilisé pour vous connecter. S’il en reste peu, générez-en de nouveaux.", c, now)
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
	// The stronger hash is computed outside the transaction, and skipped
	// when the hasher is saturated: the next login will redo it.
	var newHash string
	if rehash {
		if newHash, err = s.hasher.Hash(ctx, in.Password); err != nil {
			s.log.Info("password rehash postponed", "user", u.Username, "err", err)
			newHash = ""
		}
	}
	res, err := s.openSession(ctx, u, f, sec, dev, mfaAt, c, now, fmt.Sprintf("mfa=%t new_device=%t", mfaAt != 0, !dev.known), func(tx *store.Tx) error {
		if newHash != "" {
			return tx.SetPasswordHash(ctx, u.ID, newHash)
		}
		return nil
	})
	if err != nil {
		return LoginResult{}, err
	}
	if err := s.throttleSuccess(ctx, g); err != nil {
		s.log.Warn("reset throttle", "err", err)
	}
	return res, nil
}

// openSession opens the session of a checked login, password or single
// sign-on alike: family roles get the long lifetime on a known device
// only, the device is remembered, a new device leaves a notice, and the
// login is audited with detail. extra runs in the same transaction.
func (s *Service) openSession(ctx context.Context, u bouclier.User, f factorSet, sec store.AccountSecurity, dev deviceState, mfaAt int64,
	c Client, now time.Time, detail string, extra func(*store.Tx) error) (LoginResult, error) {
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
		if extra != nil {
			if err := extra(tx); err != nil {
				return err
			}
		}
		if !dev.known && dev.before > 0 {
			if _, err := s.insertNotice(ctx, tx, u, "new_device", newDeviceText(c, now), c, now); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "login.success", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: detail})
	})
	if err != nil {
		return LoginResult{}, fmt.Errorf("open session: %w", err)
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
				"Par précaution, aucun envoi n’est possible depuis cette session sans une nouvelle vérification. "+
				"Si ce n’était pas vous, utilisez «\u00a0Ce n’était pas moi\u00a0».", c, t)
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
