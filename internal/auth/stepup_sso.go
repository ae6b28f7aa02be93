package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// SSOStepUp is an identity provider's answer to a step-up request: it
// authenticated the person again, with a second factor, after the
// request (package sso checked the signature, nonce, auth_time or
// AuthnInstant against the request, and the asserted factor).
type SSOStepUp struct {
	IdP     string
	Subject string
	MFA     bool
	Method  string
	// Binding is the public ID of the session that asked for the step-up.
	Binding string
}

// StepUpSSO is StepUp with the identity provider as the second factor,
// for a session an SSO login opened without one: the provider's subject
// must be linked to the session's account, the answer must be for this
// session and assert a second factor. The session is replaced by a new
// one (new token) whose second-factor time is now. Errors: forbidden,
// unauthenticated (session gone).
func (s *Service) StepUpSSO(ctx context.Context, sess Session, in SSOStepUp, c Client) (string, error) {
	now := s.now()
	u := sess.User
	refuse := func(why string) (string, error) {
		s.record(ctx, audit.Entry{At: now, Actor: u.Username, Action: "stepup.failure", Target: "user:" + u.Username, Scope: u.Scope(),
			Source: c.Address, Detail: "via " + in.IdP + ": " + why})
		return "", bouclier.Errorf(bouclier.ErrForbidden, "Votre fournisseur d’identité n’a pas confirmé votre identité avec un second facteur. Utilisez le code de votre application, ou recommencez.")
	}
	if in.Binding == "" || subtle.ConstantTimeCompare([]byte(in.Binding), []byte(sess.PublicID)) != 1 {
		return refuse("answer for another session")
	}
	if !in.MFA {
		return refuse("no second factor asserted")
	}
	switch uid, err := s.db.SSOSubjectUser(ctx, in.IdP, in.Subject); {
	case errors.Is(err, store.ErrNotFound):
		return refuse("subject not linked")
	case err != nil:
		return "", fmt.Errorf("step up sso: %w", err)
	case uid != u.ID:
		return refuse("subject linked to another account")
	}
	return s.replaceSession(ctx, sess, c, now, true, true, fmt.Sprintf("mfa=true via=%s method=%q", in.IdP, truncate(in.Method, 128)))
}
