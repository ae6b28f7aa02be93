package auth

import (
	"context"
	"fmt"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// Codes of the send guard beyond the contract's step_up_required.
const (
	// ErrEnrolmentRequired refuses a send from an account that must have a
	// second factor (personnel, or a role required in its scope) and has
	// none, and a wide or risky send from an account without any factor.
	ErrEnrolmentRequired = bouclier.ErrMFAEnrolmentRequired
	// ErrAckRequired refuses a send until the security instructions given
	// after a mass reset are acknowledged (AcknowledgeSecurity).
	ErrAckRequired = bouclier.ErrSecurityAckRequired
)

// SendInfo is what the guard needs to know of a send.
type SendInfo struct {
	Recipients int // distinct people
	// RecipientIDs are those people, for the fan-out budget over
	// FanOutWindow.
	RecipientIDs []int64
	Groups       int  // group expressions (a class, an establishment's staff…)
	Attachments  int  //
	Links        bool // the subject or body carries a link (screen.HasLink: bare domains and [.] forms too)
}

// CheckSend is the send guard, run by messaging before the rules and the
// screen (messaging.Options.Guard). ctx must carry the sender's session
// (WithSession). In order:
//
//  1. no session, or a session of another user → unauthenticated, unless
//     the context is marked InProcess (service tests, operator tools):
//     every HTTP path carries the session (WithSession);
//  2. the session is used from another network or browser than it was
//     issued to → step_up_required (StepUp ties it again);
//  3. security instructions not yet acknowledged after a reset →
//     security_ack_required;
//  4. an account that must have a second factor has none →
//     mfa_enrolment_required (it may log in, read and enrol, not send);
//  5. probation (the first days after activation or a reset): more than
//     Probation.MaxRecipients recipients → forbidden, more than
//     Probation.PerHour messages in the last hour → throttled;
//  6. a wide or risky send (a group, more than WideRecipients people, an
//     attachment or a link, or a send that takes the distinct people the
//     account wrote to over FanOutWindow past WideRecipients, so that a
//     class split into single messages counts as the class): an account
//     with a factor needs a check in
//     the last StepUpWindow → step_up_required; an account without any
//     (parents, students, unless required) cannot step up and is limited
//     to sends to at most NoFactorMaxSend people, no group, no attachment
//     and no link → mfa_enrolment_required.
func (s *Service) CheckSend(ctx context.Context, sender bouclier.User, in SendInfo) error {
	sess, ok := SessionFrom(ctx)
	if !ok {
		// Only a caller that says so explicitly (a service test, a tool run
		// by the operator) sends without a session: a handler that forgot
		// WithSession must fail closed, not skip the checks.
		if inProcess(ctx) {
			return nil
		}
		return bouclier.Errorf(bouclier.ErrUnauthenticated, "Session absente\u00a0: reconnectez-vous pour envoyer.")
	}
	if sess.User.ID != sender.ID {
		return bouclier.Errorf(bouclier.ErrUnauthenticated, "Session absente\u00a0: reconnectez-vous pour envoyer.")
	}
	if sess.Moved {
		return bouclier.Errorf(bouclier.ErrStepUpRequired, "Cette session est utilisée depuis un autre réseau ou navigateur que celui de la connexion\u00a0: confirmez votre identité avant d’envoyer.")
	}
	now := s.now()
	sec, err := s.db.AccountSecurity(ctx, sender.ID)
	if err != nil {
		return err
	}
	if sec.MustAck {
		return bouclier.Errorf(ErrAckRequired, "Prenez connaissance des consignes de sécurité et confirmez-les avant d’envoyer un message.")
	}
	totp, err := s.db.HasTOTP(ctx, sender.ID)
	if err != nil {
		return err
	}
	enrolled, err := s.hasFactor(ctx, sender.ID, totp)
	if err != nil {
		return err
	}
	req, err := s.factorRequired(ctx, sender)
	if err != nil {
		return err
	}
	if (req || sec.MustEnrol) && !enrolled {
		return bouclier.Errorf(ErrEnrolmentRequired, "Votre compte doit être protégé par un second facteur (application d’authentification ou clé d’accès) avant de pouvoir envoyer des messages.")
	}
	if p := s.cfg.Probation; sec.ProbationUntil > store.Micros(now) {
		if p.MaxRecipients > 0 && in.Recipients > p.MaxRecipients {
			return bouclier.Errorf(bouclier.ErrForbidden, "Compte récemment activé\u00a0: %d destinataires au plus par message jusqu’au %s.", p.MaxRecipients, frenchDate(time.UnixMicro(sec.ProbationUntil)))
		}
		if p.PerHour > 0 {
			n, err := s.db.CountMessagesSince(ctx, sender.ID, store.Micros(now.Add(-time.Hour)))
			if err != nil {
				return err
			}
			if n >= p.PerHour {
				return &bouclier.Error{Code: bouclier.ErrThrottled, Message: "Compte récemment activé\u00a0: " + itoa(p.PerHour) + " messages par heure au plus.", Cause: RetryAfter(10 * time.Minute)}
			}
		}
	}
	wide := in.Groups > 0 || in.Recipients > s.cfg.WideRecipients || in.Attachments > 0 || in.Links
	fresh := !sess.MFAAt.IsZero() && now.Sub(sess.MFAAt) <= s.cfg.StepUpWindow
	if !wide && !fresh {
		// Only a send that would pass without a check needs the budget.
		over, err := s.overBudget(ctx, sender, in.RecipientIDs, now)
		if err != nil {
			return err
		}
		wide = over
	}
	if !wide {
		return nil
	}
	if !enrolled {
		return bouclier.Errorf(ErrEnrolmentRequired, "Sans second facteur, un message peut aller à %d personnes au plus, sans pièce jointe ni lien. Activez un second facteur pour aller au-delà.", s.cfg.NoFactorMaxSend)
	}
	if !fresh {
		return bouclier.Errorf(bouclier.ErrStepUpRequired, "Pour envoyer à un groupe, à plus de %d personnes, ou avec une pièce jointe ou un lien, confirmez votre identité (code ou clé d’accès).", s.cfg.WideRecipients)
	}
	return nil
}

// hasFactor reports whether the account has a second factor (factorSet.any)
// with no more reads than needed: the passkeys only without TOTP, never
// the recovery codes, which are no factor. It runs on every send.
func (s *Service) hasFactor(ctx context.Context, userID int64, totp bool) (bool, error) {
	if totp {
		return true, nil
	}
	pk, err := s.db.WebAuthnCredentials(ctx, userID)
	if err != nil {
		return false, err
	}
	return len(pk) > 0, nil
}

// overBudget reports whether sending to ids takes the distinct people
// sender wrote to over FanOutWindow past WideRecipients.
func (s *Service) overBudget(ctx context.Context, sender bouclier.User, ids []int64, now time.Time) (bool, error) {
	if s.cfg.FanOutWindow <= 0 {
		return false, nil
	}
	prev, err := s.db.RecentRecipients(ctx, sender.ID, store.Micros(now.Add(-s.cfg.FanOutWindow)), s.cfg.WideRecipients+1)
	if err != nil {
		return false, fmt.Errorf("fan-out budget: %w", err)
	}
	seen := make(map[int64]bool, len(prev)+len(ids))
	for _, id := range prev {
		seen[id] = true
	}
	for _, id := range ids {
		seen[id] = true
	}
	return len(seen) > s.cfg.WideRecipients, nil
}

type inProcessKey struct{}

// InProcess marks ctx as an in-process caller that sends on a user's behalf
// without a session (service tests, operator tools). The send guard's
// session checks are skipped for it; never use it for a request.
func InProcess(ctx context.Context) context.Context {
	return context.WithValue(ctx, inProcessKey{}, true)
}

func inProcess(ctx context.Context) bool {
	v, _ := ctx.Value(inProcessKey{}).(bool)
	return v
}
