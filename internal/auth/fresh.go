package auth

import (
	"context"

	"github.com/bouclier/bouclier"
)

// CheckFresh is the check behind a person's own sensitive actions that are
// not administration (their personal data export): the same as for
// changing a password or a factor (see recent): the actor's own session,
// unmoved, with a second-factor check within RecentLogin, or for an
// account without a factor a login that recent from a known browser.
// Errors: unauthenticated, step_up_required.
func (s *Service) CheckFresh(ctx context.Context, a bouclier.Actor) error {
	if a.IsSystem() || len(a.SessionHash) == 0 || a.User.ID == 0 {
		return bouclier.Errorf(bouclier.ErrUnauthenticated, "Session absente ou expirée. Reconnectez-vous.")
	}
	return s.recent(ctx, Session{TokenHash: a.SessionHash, User: a.User, Moved: a.Moved})
}
