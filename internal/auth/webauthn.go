package auth

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// Passkeys (WebAuthn). Registration needs a recent login; passkeys are
// created as discoverable credentials with user verification, so that a
// login can ask for "any passkey of this site" (BeginPasskeyLogin) without
// telling which accounts exist or have one. Records are sealed at rest;
// user handles are random.

const ceremonyTTL = 5 * time.Minute

func newWebAuthn(cfg Config) (*webauthn.WebAuthn, error) {
	rpid := cfg.RPID
	if rpid == "" {
		rpid = "localhost"
	}
	origins := cfg.RPOrigins
	if len(origins) == 0 {
		origins = []string{"https://" + rpid}
	}
	name := cfg.RPName
	if name == "" {
		name = "Bouclier"
	}
	wa, err := webauthn.New(&webauthn.Config{RPID: rpid, RPDisplayName: name, RPOrigins: origins})
	if err != nil {
		return nil, fmt.Errorf("webauthn: %w", err)
	}
	return wa, nil
}

// waUser adapts an account to the library.
type waUser struct {
	handle []byte
	u      bouclier.User
	creds  []webauthn.Credential
}

func (w *waUser) WebAuthnID() []byte                         { return w.handle }
func (w *waUser) WebAuthnName() string                       { return w.u.Username }
func (w *waUser) WebAuthnDisplayName() string                { return w.u.DisplayName }
func (w *waUser) WebAuthnCredentials() []webauthn.Credential { return w.creds }

func (s *Service) waUser(ctx context.Context, u bouclier.User) (*waUser, error) {
	h := make([]byte, 32)
	if _, err := rand.Read(h); err != nil {
		return nil, fmt.Errorf("user handle: %w", err)
	}
	var handle []byte
	if err := s.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		handle, err = tx.WebAuthnHandle(ctx, u.ID, h)
		return err
	}); err != nil {
		return nil, err
	}
	w := &waUser{handle: handle, u: u}
	rows, err := s.db.WebAuthnCredentials(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		plain, err := s.keys.Open(r.Sealed)
		if err != nil {
			return nil, fmt.Errorf("passkey %s: %w", b64(r.ID), err)
		}
		var c webauthn.Credential
		if err := json.Unmarshal(plain, &c); err != nil {
			return nil, fmt.Errorf("passkey %s: %w", b64(r.ID), err)
		}
		w.creds = append(w.creds, c)
	}
	return w, nil
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// saveCeremony stores the library's session data under a fresh handle and
// returns the handle.
func (s *Service) saveCeremony(ctx context.Context, userID int64, kind string, sd *webauthn.SessionData) (string, error) {
	id, err := randomID()
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(sd)
	if err != nil {
		return "", fmt.Errorf("ceremony: %w", err)
	}
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		return tx.PutChallenge(ctx, hkey("ceremony", id), userID, kind, string(data), store.Micros(s.now().Add(ceremonyTTL)))
	})
	if err != nil {
		return "", fmt.Errorf("ceremony: %w", err)
	}
	return id, nil
}

func (s *Service) takeCeremony(ctx context.Context, id, kind string) (int64, webauthn.SessionData, error) {
	var sd webauthn.SessionData
	var userID int64
	var data string
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		userID, data, err = tx.TakeChallenge(ctx, hkey("ceremony", id), kind, store.Micros(s.now()))
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return 0, sd, bouclier.Errorf(bouclier.ErrInvalidCredentials, "Vérification expirée ou déjà utilisée\u00a0: recommencez.")
	}
	if err != nil {
		return 0, sd, err
	}
	if err := json.Unmarshal([]byte(data), &sd); err != nil {
		return 0, sd, fmt.Errorf("ceremony: %w", err)
	}
	return userID, sd, nil
}

// BeginPasskeyRegistration starts adding a passkey to the caller's
// account. It returns the ceremony's handle and the options to pass to
// navigator.credentials.create (as {"publicKey": …}).
// Errors: step_up_required (login not recent).
func (s *Service) BeginPasskeyRegistration(ctx context.Context, sess Session) (string, json.RawMessage, error) {
	if err := s.recent(ctx, sess); err != nil {
		return "", nil, err
	}
	w, err := s.waUser(ctx, sess.User)
	if err != nil {
		return "", nil, err
	}
	var exclude []protocol.CredentialDescriptor
	for _, c := range w.creds {
		exclude = append(exclude, c.Descriptor())
	}
	creation, sd, err := s.wa.BeginRegistration(w,
		webauthn.WithAuthenticatorSelection(protocol.AuthenticatorSelection{
			ResidentKey: protocol.ResidentKeyRequirementRequired, UserVerification: protocol.VerificationRequired}),
		webauthn.WithResidentKeyRequirement(protocol.ResidentKeyRequirementRequired),
		webauthn.WithExclusions(exclude))
	if err != nil {
		return "", nil, fmt.Errorf("begin registration: %w", err)
	}
	id, err := s.saveCeremony(ctx, sess.User.ID, "register", sd)
	if err != nil {
		return "", nil, err
	}
	opts, err := json.Marshal(creation)
	return id, opts, err
}

// FinishPasskeyRegistration verifies the authenticator's answer and stores
// the passkey; the account's other sessions are revoked and recovery codes
// returned if it had none. Errors: step_up_required, invalid_credentials
// (expired ceremony), invalid_request (answer that does not verify).
func (s *Service) FinishPasskeyRegistration(ctx context.Context, sess Session, ceremony string, credential []byte, name string, c Client) (PasskeyInfo, []string, error) {
	if err := s.recent(ctx, sess); err != nil {
		return PasskeyInfo{}, nil, err
	}
	uid, sd, err := s.takeCeremony(ctx, ceremony, "register")
	if err != nil {
		return PasskeyInfo{}, nil, err
	}
	if uid != sess.User.ID {
		return PasskeyInfo{}, nil, bouclier.Errorf(bouclier.ErrInvalidCredentials, "Vérification expirée ou déjà utilisée\u00a0: recommencez.")
	}
	parsed, err := protocol.ParseCredentialCreationResponseBytes(credential)
	if err != nil {
		return PasskeyInfo{}, nil, &bouclier.Error{Code: bouclier.ErrInvalidRequest, Message: "Réponse de la clé d’accès illisible.", Cause: err}
	}
	w, err := s.waUser(ctx, sess.User)
	if err != nil {
		return PasskeyInfo{}, nil, err
	}
	cred, err := s.wa.CreateCredential(w, sd, parsed)
	if err != nil {
		return PasskeyInfo{}, nil, &bouclier.Error{Code: bouclier.ErrInvalidRequest, Message: "La clé d’accès n’a pas pu être vérifiée.", Cause: err}
	}
	plain, err := json.Marshal(cred)
	if err != nil {
		return PasskeyInfo{}, nil, err
	}
	sealed, err := s.keys.Seal(plain)
	if err != nil {
		return PasskeyInfo{}, nil, err
	}
	name = strings.TrimSpace(name)
	if name == "" || !utf8.ValidString(name) {
		name = "Clé d’accès"
	}
	name = truncate(name, 60)
	now := s.now()
	var codes []string
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.PutWebAuthnCredential(ctx, store.WebAuthnCredential{ID: cred.ID, UserID: sess.User.ID, Name: name, Sealed: sealed, CreatedAt: store.Micros(now)}); err != nil {
			return err
		}
		var err error
		if codes, err = s.ensureRecoveryCodes(ctx, tx, sess.User.ID, now); err != nil {
			return err
		}
		return s.factorChanged(ctx, tx, sess, "passkey.enrol", "Une clé d’accès («\u00a0"+name+"\u00a0») a été ajoutée à votre compte.", c, now)
	})
	if err != nil {
		return PasskeyInfo{}, nil, fmt.Errorf("store passkey: %w", err)
	}
	return PasskeyInfo{ID: b64(cred.ID), Name: name, CreatedAt: now}, codes, nil
}

// RemovePasskey removes one of the caller's passkeys. Errors:
// step_up_required, not_found, conflict (last factor of an account that
// must have one).
func (s *Service) RemovePasskey(ctx context.Context, sess Session, id string, c Client) error {
	if err := s.recent(ctx, sess); err != nil {
		return err
	}
	raw, err := base64.RawURLEncoding.DecodeString(id)
	if err != nil {
		return bouclier.Errorf(bouclier.ErrNotFound, "Clé d’accès inconnue.")
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
	others := f.passkeys - 1
	if f.totp {
		others++
	}
	if err := s.keepOne(ctx, u, others); err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.DeleteWebAuthnCredential(ctx, u.ID, raw)
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrNotFound, "Clé d’accès inconnue.")
		}
		return s.factorChanged(ctx, tx, sess, "passkey.remove", "Une clé d’accès a été retirée de votre compte.", c, now)
	})
}

// BeginStepUpPasskey starts a passkey check for the caller's step-up.
// Errors: not_found (no passkey).
func (s *Service) BeginStepUpPasskey(ctx context.Context, sess Session) (string, json.RawMessage, error) {
	w, err := s.waUser(ctx, sess.User)
	if err != nil {
		return "", nil, err
	}
	if len(w.creds) == 0 {
		return "", nil, bouclier.Errorf(bouclier.ErrNotFound, "Aucune clé d’accès n’est enregistrée.")
	}
	assertion, sd, err := s.wa.BeginLogin(w, webauthn.WithUserVerification(protocol.VerificationRequired))
	if err != nil {
		return "", nil, fmt.Errorf("begin step-up: %w", err)
	}
	id, err := s.saveCeremony(ctx, sess.User.ID, "stepup", sd)
	if err != nil {
		return "", nil, err
	}
	opts, err := json.Marshal(assertion)
	return id, opts, err
}

// verifyAssertion checks a passkey assertion for u, from a login ceremony
// (any passkey, which must be u's) or a step-up one (u's). It returns
// errFactorWrong for any answer that does not verify.
func (s *Service) verifyAssertion(ctx context.Context, u bouclier.User, a *Assertion, now time.Time) error {
	var (
		uid int64
		sd  webauthn.SessionData
		err error
	)
	kind := "login"
	sd, err = s.takeLoginCeremony(ctx, a.ChallengeID)
	if bouclier.ErrorCode(err) == bouclier.ErrInvalidCredentials {
		kind = "stepup"
		uid, sd, err = s.takeCeremony(ctx, a.ChallengeID, "stepup")
	}
	if bouclier.ErrorCode(err) == bouclier.ErrInvalidCredentials {
		return errFactorWrong
	}
	if err != nil {
		return err
	}
	if kind == "stepup" && uid != u.ID {
		return errFactorWrong
	}
	parsed, err := protocol.ParseCredentialRequestResponseBytes(a.Credential)
	if err != nil {
		s.log.Info("passkey assertion unreadable", "user", u.Username, "err", err)
		return errFactorWrong
	}
	w, err := s.waUser(ctx, u)
	if err != nil {
		return err
	}
	var cred *webauthn.Credential
	if kind == "login" {
		cred, err = s.wa.ValidateDiscoverableLogin(func(rawID, userHandle []byte) (webauthn.User, error) {
			if !bytes.Equal(userHandle, w.handle) {
				return nil, errors.New("passkey of another account")
			}
			return w, nil
		}, sd, parsed)
	} else {
		cred, err = s.wa.ValidateLogin(w, sd, parsed)
	}
	if err != nil {
		s.log.Info("passkey assertion refused", "user", u.Username, "err", err)
		return errFactorWrong
	}
	if cred.Authenticator.CloneWarning {
		s.log.Warn("passkey sign counter went back: cloned authenticator?", "user", u.Username)
	}
	plain, err := json.Marshal(cred)
	if err != nil {
		return err
	}
	sealed, err := s.keys.Seal(plain)
	if err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateWebAuthnCredential(ctx, u.ID, cred.ID, sealed, store.Micros(now)); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "passkey.use", Target: "user:" + u.Username, Scope: u.Scope(), Detail: kind})
	})
}
