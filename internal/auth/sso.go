package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// SSOLogin is a sign-in an identity provider vouched for (package sso
// checked its signature, audience, expiry, replay and nonce).
type SSOLogin struct {
	IdP      string // the provider's configured name
	Subject  string // its name for the person (SAML NameID, OIDC sub)
	JointKey string // the directory's joint key it asserted (AAF ENTPersonJointure)
	// MFA is set when the provider asserted a second factor (OIDC amr,
	// SAML AuthnContextClassRef, as configured for that provider); Method
	// is what it asserted, for the audit trail.
	MFA    bool
	Method string
	Device string // the device token a previous login returned
	Client Client
}

// LoginSSO opens a session for a sign-in an identity provider vouched
// for: the same bound session as a password login (network, browser,
// device, new-device notice, lifetimes), whose second-factor time is now
// only if the provider asserted a second factor. Otherwise wide sends
// and privileged actions ask for a step-up with Bouclier's own factor,
// exactly as after a password alone. In order:
//
//  1. the account is found by the joint key only; none → forbidden;
//  2. a closed or disabled account → forbidden; a locked one → locked;
//  3. the provider's subject is linked to the account (one subject opens
//     one account per provider: a subject already linked elsewhere →
//     forbidden); from then on its local password is refused unless an
//     administrator allows it (AllowLocalPassword);
//  4. the session (openSession), audited as login.success with via=IdP.
//
// A reset by activation code does not apply: the provider vouches for the
// person. Errors: forbidden, locked.
func (s *Service) LoginSSO(ctx context.Context, in SSOLogin) (LoginResult, error) {
	if err := s.logins.acquire(ctx); err != nil {
		if IsBusy(err) {
			return LoginResult{}, err
		}
		return LoginResult{}, fmt.Errorf("sso login: %w", err)
	}
	defer s.logins.release()
	now := s.now()
	c := in.Client
	if in.IdP == "" || in.Subject == "" {
		return LoginResult{}, fmt.Errorf("sso login: provider and subject are required")
	}
	refuse := func(who, why, msg string) (LoginResult, error) {
		s.record(ctx, audit.Entry{At: now, Actor: who, Action: "login.sso_refused", Target: "idp:" + in.IdP, Source: c.Address,
			Detail: why})
		return LoginResult{}, bouclier.Errorf(bouclier.ErrForbidden, "%s", msg)
	}
	u, err := s.db.UserByExternalID(ctx, strings.TrimSpace(in.JointKey))
	if errors.Is(err, store.ErrNotFound) {
		return refuse("?", "no account for the asserted joint key", "Aucun compte Bouclier ne correspond à cette identité. Votre établissement doit d’abord vous inscrire dans l’annuaire.")
	}
	if err != nil {
		return LoginResult{}, err
	}
	if u.Disabled {
		return refuse(u.Username, "account closed or disabled", "Ce compte est fermé.")
	}
	sec, err := s.db.AccountSecurity(ctx, u.ID)
	if err != nil {
		return LoginResult{}, err
	}
	if sec.LockedUntil > store.Micros(now) {
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "login.locked", Target: "user:" + u.Username, Source: c.Address, Detail: "via " + in.IdP})
		return LoginResult{}, lockedError(time.UnixMicro(sec.LockedUntil).Sub(now))
	}
	switch other, err := s.db.SSOSubjectUser(ctx, in.IdP, in.Subject); {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return LoginResult{}, err
	case other != u.ID:
		return refuse(u.Username, "subject already linked to another account", "Cette identité est déjà associée à un autre compte.")
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return LoginResult{}, err
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return LoginResult{}, err
	}
	dev, err := s.device(ctx, u.ID, in.Device, c)
	if err != nil {
		return LoginResult{}, err
	}
	var mfaAt int64
	if in.MFA {
		mfaAt = store.Micros(now)
	}
	detail := fmt.Sprintf("via=%s mfa=%t method=%q new_device=%t", in.IdP, in.MFA, truncate(in.Method, 128), !dev.known)
	res, err := s.openSession(ctx, u, f, sec, dev, mfaAt, c, now, detail, func(tx *store.Tx) error {
		return tx.LinkSSO(ctx, u.ID, in.IdP, in.Subject, store.Micros(now))
	})
	if err != nil {
		return LoginResult{}, err
	}
	return res, nil
}

// localPasswordAllowed refuses the password of an account an identity
// provider vouches for, unless an administrator allowed one. It runs after
// the password was found right, so it tells nothing to a guesser.
func (s *Service) localPasswordAllowed(ctx context.Context, u bouclier.User, c Client, now time.Time) error {
	a, err := s.db.SSOAccount(ctx, u.ID)
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	if a.Linked && a.LocalPasswordBy == "" {
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "login.refused", Target: "user:" + u.Username, Scope: u.Scope(),
			Source: c.Address, Detail: "local password of an SSO account"})
		return bouclier.Errorf(bouclier.ErrForbidden, "Ce compte se connecte par son fournisseur d’identité (ÉduConnect ou votre académie)\u00a0: choisissez-le sur la page de connexion.")
	}
	return nil
}

// AllowLocalPassword lets (allow) or stops an account an identity provider
// vouches for from signing in with a local password too. Opening one more
// way in is a loosening: a fresh second factor is needed. Errors:
// not_found, forbidden and the codes of Authorize (bouclier.PrivLoosen).
func (s *Service) AllowLocalPassword(ctx context.Context, a bouclier.Actor, username string, allow bool) error {
	u, err := s.target(ctx, a, "account.local_password", bouclier.PrivLoosen, username)
	if err != nil {
		return err
	}
	by := ""
	if allow {
		by = a.Name()
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetLocalPassword(ctx, u.ID, by); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "account.local_password", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("allowed=%t", allow)})
	})
}

// EndSSOSessions ends every session of the account a provider's subject is
// linked to: single logout started by the provider, whose signed request
// package sso checked. An unknown subject ends nothing. It returns how
// many sessions ended.
func (s *Service) EndSSOSessions(ctx context.Context, idp, subject string, c Client) (int64, error) {
	uid, err := s.db.SSOSubjectUser(ctx, idp, subject)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	u, err := s.db.UserByID(ctx, uid)
	if err != nil {
		return 0, err
	}
	now := s.now()
	var n int64
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if n, err = tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), "single logout by "+idp); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: "idp:" + idp, Action: "logout.sso", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("revoked=%d", n)})
	})
	return n, err
}
