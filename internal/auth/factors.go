package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

var (
	errFactorMissing = errors.New("second factor missing")
	errFactorWrong   = errors.New("second factor wrong")
)

// factorSet is what second factors an account has. Recovery codes are a
// fallback, not a factor of their own.
type factorSet struct {
	totp     bool
	passkeys int
	recovery int
}

func (f factorSet) any() bool { return f.totp || f.passkeys > 0 }

func (s *Service) factors(ctx context.Context, userID int64, cred store.Credentials) (factorSet, error) {
	f := factorSet{totp: cred.TOTPSecret != ""}
	pk, err := s.db.WebAuthnCredentials(ctx, userID)
	if err != nil {
		return f, err
	}
	f.passkeys = len(pk)
	if f.recovery, err = s.db.RecoveryCodesLeft(ctx, userID); err != nil {
		return f, err
	}
	return f, nil
}

// factorRequired reports whether u must use a second factor: personnel
// always, other roles where an administrator requires it for their scope.
func (s *Service) factorRequired(ctx context.Context, u bouclier.User) (bool, error) {
	if u.Role.IsPersonnel() {
		return true, nil
	}
	scopes := []string{"national"}
	if u.Academie != "" {
		scopes = append(scopes, "academie:"+u.Academie)
	}
	if u.UAI != "" {
		scopes = append(scopes, "establishment:"+u.UAI)
	}
	return s.db.MFARequired(ctx, u.Role, scopes)
}

type factorInput struct {
	OTP          string
	RecoveryCode string
	WebAuthn     *Assertion
}

func (in factorInput) empty() bool {
	return strings.TrimSpace(in.OTP) == "" && strings.TrimSpace(in.RecoveryCode) == "" && in.WebAuthn == nil
}

// checkSecondFactor checks one submitted factor and consumes it (a TOTP
// step, a recovery code, a ceremony are each usable once). It returns the
// method used, errFactorMissing or errFactorWrong.
func (s *Service) checkSecondFactor(ctx context.Context, u bouclier.User, cred store.Credentials, f factorSet, in factorInput, now time.Time) (string, error) {
	switch {
	case in.empty():
		return "", errFactorMissing
	case in.WebAuthn != nil:
		if f.passkeys == 0 {
			return "", errFactorWrong
		}
		if err := s.verifyAssertion(ctx, u, in.WebAuthn, now); err != nil {
			return "", err
		}
		return "webauthn", nil
	case strings.TrimSpace(in.RecoveryCode) != "":
		h := s.keys.sum("recovery", strconv.FormatInt(u.ID, 10), normalizeCode(in.RecoveryCode))
		var ok bool
		err := s.db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			ok, err = tx.UseRecoveryCode(ctx, u.ID, h, store.Micros(now))
			return err
		})
		if err != nil {
			return "", err
		}
		if !ok {
			return "", errFactorWrong
		}
		return "recovery", nil
	default:
		if !f.totp {
			return "", errFactorWrong
		}
		step := checkTOTP(cred.TOTPSecret, in.OTP, now)
		if step == 0 {
			return "", errFactorWrong
		}
		var fresh bool
		err := s.db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			fresh, err = tx.UseTOTPStep(ctx, u.ID, step)
			return err
		})
		if err != nil {
			return "", err
		}
		if !fresh {
			return "", errFactorWrong
		}
		return "totp", nil
	}
}

// recent guards account changes (password, factors, recovery codes,
// ending the other sessions): a stolen cookie, even with the password an
// infostealer took alongside, must not be able to take the account over.
// The session's state is read from the store. In order:
//
//  1. a session used from another network or browser → step_up_required;
//  2. an account with a second factor: a check of it within RecentLogin
//     (StepUp) → else step_up_required;
//  3. an account without one: a session on a device the account knows
//     (one it logged in from before, or the browser that activated it with
//     the code of its letter) and a password check within RecentLogin →
//     else step_up_required.
func (s *Service) recent(ctx context.Context, sess Session) error {
	st, u, err := s.db.SessionUser(ctx, sess.TokenHash)
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.ID != sess.User.ID) {
		return bouclier.Errorf(bouclier.ErrUnauthenticated, "Session absente ou expirée. Reconnectez-vous.")
	}
	if err != nil {
		return fmt.Errorf("recent: %w", err)
	}
	if sess.Moved || st.MovedAt != 0 {
		return bouclier.Errorf(bouclier.ErrStepUpRequired, "Cette session est utilisée depuis un autre réseau ou navigateur\u00a0: reconnectez-vous pour modifier votre compte.")
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return fmt.Errorf("recent: %w", err)
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return fmt.Errorf("recent: %w", err)
	}
	now := s.now()
	if f.any() {
		if st.MFAAt == 0 || now.Sub(time.UnixMicro(st.MFAAt)) > s.cfg.RecentLogin {
			return bouclier.Errorf(bouclier.ErrStepUpRequired, "Pour modifier votre compte, confirmez votre identité avec votre code ou votre clé d’accès (vérification de moins de %d\u00a0minutes).", int(s.cfg.RecentLogin/time.Minute))
		}
		return nil
	}
	if !st.KnownDevice {
		return bouclier.Errorf(bouclier.ErrStepUpRequired, "Pour protéger votre compte, ces réglages ne se modifient que depuis un appareil déjà utilisé pour vous connecter. Connectez-vous depuis votre appareil habituel, ou demandez un code d’activation à l’établissement.")
	}
	last := time.UnixMicro(st.AuthAt)
	if st.MFAAt > st.AuthAt {
		last = time.UnixMicro(st.MFAAt)
	}
	if now.Sub(last) > s.cfg.RecentLogin {
		return bouclier.Errorf(bouclier.ErrStepUpRequired, "Pour modifier votre compte, reconnectez-vous (connexion de moins de %d\u00a0minutes).", int(s.cfg.RecentLogin/time.Minute))
	}
	return nil
}

// FactorsInfo describes an account's second factors.
type FactorsInfo struct {
	TOTP          bool
	Passkeys      []PasskeyInfo
	RecoveryCodes int  // unused
	Required      bool // the account must have a factor
	MustEnrol     bool // required and none yet: sending is refused
	MustAck       bool
	Probation     time.Time // zero if none
}

// PasskeyInfo describes one passkey.
type PasskeyInfo struct {
	ID        string // base64url credential id
	Name      string
	CreatedAt time.Time
	LastUsed  time.Time
}

// Factors returns the caller's factors and security state. Errors: none
// of the contract's.
func (s *Service) Factors(ctx context.Context, sess Session) (FactorsInfo, error) {
	u := sess.User
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return FactorsInfo{}, err
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return FactorsInfo{}, err
	}
	req, err := s.factorRequired(ctx, u)
	if err != nil {
		return FactorsInfo{}, err
	}
	sec, err := s.db.AccountSecurity(ctx, u.ID)
	if err != nil {
		return FactorsInfo{}, err
	}
	info := FactorsInfo{TOTP: f.totp, RecoveryCodes: f.recovery, Required: req, MustEnrol: (req || sec.MustEnrol) && !f.any(), MustAck: sec.MustAck}
	if sec.ProbationUntil > store.Micros(s.now()) {
		info.Probation = time.UnixMicro(sec.ProbationUntil)
	}
	pks, err := s.db.WebAuthnCredentials(ctx, u.ID)
	if err != nil {
		return FactorsInfo{}, err
	}
	for _, p := range pks {
		pi := PasskeyInfo{ID: b64(p.ID), Name: p.Name, CreatedAt: time.UnixMicro(p.CreatedAt)}
		if p.LastUsed != 0 {
			pi.LastUsed = time.UnixMicro(p.LastUsed)
		}
		info.Passkeys = append(info.Passkeys, pi)
	}
	return info, nil
}

// BeginTOTP draws a TOTP secret for the caller, pending until ConfirmTOTP
// receives a code made with it. It returns the secret (shown once, for the
// authenticator app) and its otpauth:// URI.
// Errors: step_up_required (login not recent), conflict (TOTP already on).
func (s *Service) BeginTOTP(ctx context.Context, sess Session, c Client) (secret, uri string, err error) {
	if err := s.recent(ctx, sess); err != nil {
		return "", "", err
	}
	cred, err := s.db.UserCredentials(ctx, sess.User.ID)
	if err != nil {
		return "", "", err
	}
	if cred.TOTPSecret != "" {
		return "", "", bouclier.Errorf(bouclier.ErrConflict, "Une application d’authentification est déjà enregistrée\u00a0: retirez-la d’abord.")
	}
	secret, err = NewTOTPSecret()
	if err != nil {
		return "", "", fmt.Errorf("totp secret: %w", err)
	}
	sealed, err := s.keys.Seal([]byte(secret))
	if err != nil {
		return "", "", err
	}
	if err := s.db.InTx(ctx, func(tx *store.Tx) error {
		return tx.SetTOTPPending(ctx, sess.User.ID, sealed, store.Micros(s.now()))
	}); err != nil {
		return "", "", fmt.Errorf("begin totp: %w", err)
	}
	return secret, s.totpURI(sess.User, secret), nil
}

// PendingTOTP returns the secret drawn by BeginTOTP and not yet confirmed,
// so that a mistyped code can be tried again without a new key.
// Errors: step_up_required, not_found (nothing pending, or pending for
// more than an hour).
func (s *Service) PendingTOTP(ctx context.Context, sess Session) (secret, uri string, err error) {
	if err := s.recent(ctx, sess); err != nil {
		return "", "", err
	}
	var sealed string
	var at int64
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		sealed, at, err = tx.TOTPPending(ctx, sess.User.ID)
		return err
	})
	if errors.Is(err, store.ErrNotFound) || (err == nil && s.now().Sub(time.UnixMicro(at)) > time.Hour) {
		return "", "", bouclier.Errorf(bouclier.ErrNotFound, "Aucun enregistrement en cours\u00a0: recommencez.")
	}
	if err != nil {
		return "", "", fmt.Errorf("pending totp: %w", err)
	}
	plain, err := s.keys.Open(sealed)
	if err != nil {
		return "", "", fmt.Errorf("pending totp: %w", err)
	}
	return string(plain), s.totpURI(sess.User, string(plain)), nil
}

// totpURI is the otpauth:// URI an authenticator app reads.
func (s *Service) totpURI(u bouclier.User, secret string) string {
	return "otpauth://totp/" + url.PathEscape(s.cfg.RPName+":"+u.Username) + "?secret=" + secret +
		"&issuer=" + url.QueryEscape(s.cfg.RPName) + "&algorithm=SHA1&digits=6&period=30"
}

// ConfirmTOTP activates the pending secret when code matches it, revokes
// the account's other sessions, and returns fresh recovery codes when the
// account had none. Errors: step_up_required, not_found (nothing pending),
// invalid_credentials (wrong code).
func (s *Service) ConfirmTOTP(ctx context.Context, sess Session, code string, c Client) ([]string, error) {
	if err := s.recent(ctx, sess); err != nil {
		return nil, err
	}
	u := sess.User
	now := s.now()
	var codes []string
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		sealed, at, err := tx.TOTPPending(ctx, u.ID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && now.Sub(time.UnixMicro(at)) > time.Hour) {
			return bouclier.Errorf(bouclier.ErrNotFound, "Aucun enregistrement en cours\u00a0: recommencez.")
		}
		if err != nil {
			return err
		}
		plain, err := s.keys.Open(sealed)
		if err != nil {
			return err
		}
		step := checkTOTP(string(plain), code, now)
		if step == 0 {
			return bouclier.Errorf(bouclier.ErrInvalidCredentials, "Code incorrect\u00a0: vérifiez l’heure de votre téléphone et réessayez.")
		}
		if err := tx.ClearTOTP(ctx, u.ID); err != nil {
			return err
		}
		if err := tx.SetTOTPSecret(ctx, u.ID, string(plain)); err != nil {
			return err
		}
		if _, err := tx.UseTOTPStep(ctx, u.ID, step); err != nil {
			return err
		}
		// The code just checked is a second-factor check of this session.
		if err := tx.MarkSessionMFA(ctx, sess.TokenHash, store.Micros(now)); err != nil {
			return err
		}
		if codes, err = s.ensureRecoveryCodes(ctx, tx, u.ID, now); err != nil {
			return err
		}
		return s.factorChanged(ctx, tx, sess, "totp.enrol", "Une application d’authentification a été ajoutée à votre compte.", c, now)
	})
	return codes, err
}

// RemoveTOTP removes the caller's TOTP factor. Errors: step_up_required,
// not_found, conflict (the last factor of an account that must have one).
func (s *Service) RemoveTOTP(ctx context.Context, sess Session, c Client) error {
	if err := s.recent(ctx, sess); err != nil {
		return err
	}
	u := sess.User
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return err
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return err
	}
	if !f.totp {
		return bouclier.Errorf(bouclier.ErrNotFound, "Aucune application d’authentification n’est enregistrée.")
	}
	if err := s.keepOne(ctx, u, f.passkeys); err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.ClearTOTP(ctx, u.ID); err != nil {
			return err
		}
		return s.factorChanged(ctx, tx, sess, "totp.remove", "L’application d’authentification a été retirée de votre compte.", c, now)
	})
}

// keepOne refuses to remove the last factor of an account that must have one.
func (s *Service) keepOne(ctx context.Context, u bouclier.User, others int) error {
	if others > 0 {
		return nil
	}
	req, err := s.factorRequired(ctx, u)
	if err != nil {
		return err
	}
	if req {
		return bouclier.Errorf(bouclier.ErrConflict, "Votre compte doit garder un second facteur\u00a0: ajoutez-en un autre avant de retirer celui-ci.")
	}
	return nil
}

// factorChanged revokes the account's other sessions, leaves a notice and
// audits, inside tx.
func (s *Service) factorChanged(ctx context.Context, tx *store.Tx, sess Session, action, text string, c Client, now time.Time) error {
	n, err := tx.RevokeOtherSessions(ctx, sess.User.ID, sess.TokenHash, store.Micros(now), action)
	if err != nil {
		return err
	}
	if _, err := s.insertNotice(ctx, tx, sess.User, "factor_changed", text+" Vos autres sessions ont été fermées.", c, now); err != nil {
		return err
	}
	return audit.Append(ctx, tx, audit.Entry{At: now, Actor: sess.User.Username, Action: action, Target: "user:" + sess.User.Username,
		Scope: sess.User.Scope(), Source: c.Address, Detail: fmt.Sprintf("other sessions revoked=%d", n)})
}

// NewRecoveryCodes replaces the caller's recovery codes by ten new ones,
// shown once and stored as keyed hashes. Errors: step_up_required.
func (s *Service) NewRecoveryCodes(ctx context.Context, sess Session, c Client) ([]string, error) {
	if err := s.recent(ctx, sess); err != nil {
		return nil, err
	}
	now := s.now()
	var codes []string
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if codes, err = s.replaceRecoveryCodes(ctx, tx, sess.User.ID, now); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: sess.User.Username, Action: "recovery.renew", Target: "user:" + sess.User.Username,
			Scope: sess.User.Scope(), Source: c.Address})
	})
	return codes, err
}

func (s *Service) ensureRecoveryCodes(ctx context.Context, tx *store.Tx, userID int64, now time.Time) ([]string, error) {
	left, err := s.db.RecoveryCodesLeft(ctx, userID)
	if err != nil || left > 0 {
		return nil, err
	}
	return s.replaceRecoveryCodes(ctx, tx, userID, now)
}

func (s *Service) replaceRecoveryCodes(ctx context.Context, tx *store.Tx, userID int64, now time.Time) ([]string, error) {
	codes := make([]string, 10)
	hashes := make([][]byte, 10)
	for i := range codes {
		c, err := randomCode(12)
		if err != nil {
			return nil, err
		}
		codes[i] = c[:4] + "-" + c[4:8] + "-" + c[8:]
		hashes[i] = s.keys.sum("recovery", strconv.FormatInt(userID, 10), c)
	}
	return codes, tx.ReplaceRecoveryCodes(ctx, userID, hashes, store.Micros(now))
}

// codeAlphabet has no 0/O, 1/I/L: codes are read from paper.
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// randomCode draws n characters of codeAlphabet (~4.95 bits each).
func randomCode(n int) (string, error) {
	b := make([]byte, n)
	max := byte(256 - 256%len(codeAlphabet))
	for i := 0; i < n; {
		var r [1]byte
		if _, err := rand.Read(r[:]); err != nil {
			return "", fmt.Errorf("random code: %w", err)
		}
		if r[0] >= max {
			continue
		}
		b[i] = codeAlphabet[int(r[0])%len(codeAlphabet)]
		i++
	}
	return string(b), nil
}

// normalizeCode uppercases a typed code and drops spaces and dashes.
func normalizeCode(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, strings.TrimSpace(s))
}

func equalHash(a, b []byte) bool { return len(a) == len(b) && subtle.ConstantTimeCompare(a, b) == 1 }
