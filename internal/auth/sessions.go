package auth

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// NetworkBrowserKey is the key a (network, browser family) pair is
// recorded under in the known devices, for clients that keep no device
// token; campaign detection reads it too.
func NetworkBrowserKey(network, uaFamily string) []byte {
	h := sha256.Sum256([]byte("netua:" + network + "|" + uaFamily))
	return h[:]
}

// deviceState is what a login knows of the browser it comes from.
type deviceState struct {
	known   bool
	byToken bool   // recognised by its device token, not only by network and browser
	token   string // the device token to hand back
	hash    []byte
	before  int    // how many devices the account had
	netHash []byte // names the network and browser, for clients that keep no token
}

// device recognises a browser by the device token it sent back, or when
// it sent none, by a known device on the same network with the same
// browser. An unknown browser gets a new token.
func (s *Service) device(ctx context.Context, userID int64, token string, c Client) (deviceState, error) {
	var d deviceState
	var err error
	if d.before, err = s.db.CountKnownDevices(ctx, userID); err != nil {
		return d, err
	}
	nh := NetworkBrowserKey(Network(c.Address), UAFamily(c.UserAgent))
	if h, ok := hashToken(token); ok {
		known, err := s.db.IsKnownDevice(ctx, userID, h)
		if err != nil {
			return d, err
		}
		if known {
			return deviceState{known: true, byToken: true, token: token, hash: h, before: d.before, netHash: nh}, nil
		}
	}
	// No token: the same network and browser as a device seen before.
	if known, err := s.db.IsKnownDevice(ctx, userID, nh); err != nil {
		return d, err
	} else if known && token == "" {
		d.known = true
	}
	tok, h, err := newToken()
	if err != nil {
		return d, err
	}
	d.token, d.hash, d.netHash = tok, h, nh
	return d, nil
}

// SessionInfo describes a session in the user's list.
type SessionInfo struct {
	ID          string
	CreatedAt   time.Time
	LastSeen    time.Time
	ExpiresAt   time.Time
	Source      string
	UserAgent   string
	MFA         bool
	Moved       bool
	KnownDevice bool
	Current     bool
}

// Sessions lists the caller's sessions, newest first. Errors: none of the
// contract's.
func (s *Service) Sessions(ctx context.Context, sess Session) ([]SessionInfo, error) {
	list, err := s.db.UserSessions(ctx, sess.User.ID)
	if err != nil {
		return nil, err
	}
	now := store.Micros(s.now())
	out := make([]SessionInfo, 0, len(list))
	for _, x := range list {
		if x.ExpiresAt <= now {
			continue
		}
		out = append(out, SessionInfo{ID: x.PublicID, CreatedAt: time.UnixMicro(x.CreatedAt), LastSeen: time.UnixMicro(x.LastSeen),
			ExpiresAt: time.UnixMicro(x.ExpiresAt), Source: x.Source, UserAgent: x.UserAgent, MFA: x.MFAAt != 0, Moved: x.MovedAt != 0,
			KnownDevice: x.KnownDevice, Current: equalHash(x.TokenHash, sess.TokenHash)})
	}
	return out, nil
}

// RevokeSession ends one of the caller's sessions. Errors: not_found.
func (s *Service) RevokeSession(ctx context.Context, sess Session, id string, c Client) error {
	st, err := s.db.SessionByPublicID(ctx, sess.User.ID, id)
	if errors.Is(err, store.ErrNotFound) || id == "" {
		return bouclier.Errorf(bouclier.ErrNotFound, "Session inconnue.")
	}
	if err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.EndSession(ctx, st.TokenHash, store.Micros(now), "revoked by the user"); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: sess.User.Username, Action: "session.revoke", Target: "user:" + sess.User.Username,
			Scope: sess.User.Scope(), Source: c.Address, Detail: "session " + id})
	})
}

// RevokeOtherSessions ends every session of the caller but this one and
// returns how many. Errors: step_up_required (see recent).
func (s *Service) RevokeOtherSessions(ctx context.Context, sess Session, c Client) (int64, error) {
	if err := s.recent(ctx, sess); err != nil {
		return 0, err
	}
	now := s.now()
	var n int64
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if n, err = tx.RevokeOtherSessions(ctx, sess.User.ID, sess.TokenHash, store.Micros(now), "other sessions revoked by the user"); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: sess.User.Username, Action: "session.revoke_others", Target: "user:" + sess.User.Username,
			Scope: sess.User.Scope(), Source: c.Address, Detail: fmt.Sprintf("revoked=%d", n)})
	})
	return n, err
}

// StepUpRequest is one second-factor proof. Password is accepted only
// from accounts without any factor, and only re-ties a moved session to
// where it is now used: it never counts as a second factor.
type StepUpRequest struct {
	OTP          string
	RecoveryCode string
	WebAuthn     *Assertion
	Password     string
}

// StepUp checks a second factor for the caller's session, then replaces
// the session by a new one (new token; the old one stops working) whose
// second-factor time is now and which is tied to the network and browser
// it is used from. Wrong proofs count against the account like failed
// logins. Errors: invalid_credentials (wrong or replayed proof),
// otp_required (nothing submitted), throttled, locked, forbidden (a
// password from an account that has a factor).
func (s *Service) StepUp(ctx context.Context, sess Session, in StepUpRequest, c Client) (string, error) {
	now := s.now()
	u := sess.User
	g, err := s.throttleCheck(ctx, u.Username, c, now)
	if err != nil {
		return "", err
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return "", err
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return "", err
	}
	wrong := func(why string) (string, error) {
		if err := s.throttleFail(ctx, g, now); err != nil {
			return "", err
		}
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "stepup.failure", Target: "user:" + u.Username, Scope: u.Scope(), Source: c.Address, Detail: why})
		return "", bouclier.Errorf(bouclier.ErrInvalidCredentials, "Vérification incorrecte.")
	}
	mfa := false
	fi := factorInput{OTP: in.OTP, RecoveryCode: in.RecoveryCode, WebAuthn: in.WebAuthn}
	switch {
	case !fi.empty():
		if _, err := s.checkSecondFactor(ctx, u, cred, f, fi, now); errors.Is(err, errFactorWrong) {
			return wrong("bad second factor")
		} else if err != nil {
			return "", err
		}
		mfa = true
	case in.Password != "":
		if f.any() {
			return "", bouclier.Errorf(bouclier.ErrForbidden, "Utilisez votre second facteur (code ou clé d’accès).")
		}
		ok, _, err := s.hasher.Check(ctx, in.Password, cred.PasswordHash)
		if err != nil || !ok {
			return wrong("bad password")
		}
	default:
		return "", bouclier.Errorf(bouclier.ErrOTPRequired, "Code de vérification requis.")
	}
	token, err := s.replaceSession(ctx, sess, c, now, mfa, !mfa, fmt.Sprintf("mfa=%t", mfa))
	if err != nil {
		return "", err
	}
	if err := s.throttleSuccess(ctx, g); err != nil {
		s.log.Warn("reset throttle", "err", err)
	}
	return token, nil
}

// ChangePassword replaces the caller's password after checking the
// current one, and revokes the account's other sessions.
// Errors: step_up_required (see recent), invalid_credentials (wrong
// current password, counted like a failed login), invalid_request
// (policy), throttled, locked.
func (s *Service) ChangePassword(ctx context.Context, sess Session, current, next string, c Client) error {
	if err := s.recent(ctx, sess); err != nil {
		return err
	}
	now := s.now()
	u := sess.User
	g, err := s.throttleCheck(ctx, u.Username, c, now)
	if err != nil {
		return err
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return err
	}
	ok, _, err := s.hasher.Check(ctx, current, cred.PasswordHash)
	if err != nil || !ok {
		if err := s.throttleFail(ctx, g, now); err != nil {
			return err
		}
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "password.change_failure", Target: "user:" + u.Username, Source: c.Address})
		return bouclier.Errorf(bouclier.ErrInvalidCredentials, "Mot de passe actuel incorrect.")
	}
	if err := s.checkPasswordFor(ctx, u, next); err != nil {
		return err
	}
	h, err := s.hasher.Hash(ctx, next)
	if err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetPasswordHash(ctx, u.ID, h); err != nil {
			return err
		}
		n, err := tx.RevokeOtherSessions(ctx, u.ID, sess.TokenHash, store.Micros(s.now()), "password changed")
		if err != nil {
			return err
		}
		if _, err := s.insertNotice(ctx, tx, u, "password_changed", "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.", c, now); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "password.change", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("other sessions revoked=%d", n)})
	})
}

// checkPasswordFor applies the password policy with u's names, its
// establishment's name and whether it has or must have a second factor.
func (s *Service) checkPasswordFor(ctx context.Context, u bouclier.User, pw string) error {
	names := []string{u.Username, u.DisplayName}
	if u.UAI != "" {
		if e, err := s.db.Establishment(ctx, u.UAI); err == nil {
			names = append(names, e.Name, e.UAI)
		}
	}
	req, err := s.factorRequired(ctx, u)
	if err != nil {
		return err
	}
	has := req
	if !has {
		cred, err := s.db.UserCredentials(ctx, u.ID)
		if err != nil {
			return err
		}
		f, err := s.factors(ctx, u.ID, cred)
		if err != nil {
			return err
		}
		has = f.any()
	}
	return CheckPassword(pw, PasswordContext{Names: names, HasFactor: has})
}

// replaceSession ends the session and opens its successor with a new token
// (so that a token taken before the check is worthless), bound to the
// client that passed the check; mfa and auth set the new second-factor and
// authentication times. detail goes into the session.step_up audit entry.
func (s *Service) replaceSession(ctx context.Context, sess Session, c Client, now time.Time, mfa, auth bool, detail string) (string, error) {
	u := sess.User
	st, _, err := s.db.SessionUser(ctx, sess.TokenHash)
	if errors.Is(err, store.ErrNotFound) {
		return "", bouclier.Errorf(bouclier.ErrUnauthenticated, "Session absente ou expirée. Reconnectez-vous.")
	}
	if err != nil {
		return "", fmt.Errorf("step up: %w", err)
	}
	token, hash, err := newToken()
	if err != nil {
		return "", err
	}
	csrf := sha256.Sum256(append([]byte("csrf:"), hash...))
	next := st
	next.TokenHash, next.CSRFHash = hash, csrf[:]
	next.LastSeen, next.MovedAt = store.Micros(now), 0
	next.Source, next.UserAgent = c.Address, truncate(c.UserAgent, 256)
	next.Network, next.UAFamily = Network(c.Address), UAFamily(c.UserAgent)
	if mfa {
		next.MFAAt = store.Micros(now)
	}
	if auth {
		next.AuthAt = store.Micros(now)
	}
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.EndSession(ctx, st.TokenHash, store.Micros(now), "replaced after a new check"); err != nil {
			return err
		}
		if err := tx.CreateSession(ctx, next); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "session.step_up", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("%s was_moved=%t", detail, st.MovedAt != 0)})
	})
	if err != nil {
		return "", fmt.Errorf("step up: %w", err)
	}
	return token, nil
}
