// Package privacy answers a person's right of access (RGPD article 15,
// issue 16): a ZIP archive of everything Bouclier holds about an account,
// for the person themselves from their account page, or for an
// administrator answering a request on their behalf.
//
// The archive holds only what the person may see: the messages they sent
// and received (the sender of a received message is named as in the inbox,
// its other recipients are not), their drafts, sessions, browsers, security
// notices, and the audit entries about them, with the addresses and
// details of the entries others made left out. The screen's reasons and
// scores stay out, as everywhere a sender looks.
package privacy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// Auth is what the exports need of authentication (auth.Service).
type Auth interface {
	// Authorize is the privilege check for an administrator's export.
	Authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, scope string) error
	// CheckFresh is the fresh-authentication check for a person's own.
	CheckFresh(ctx context.Context, a bouclier.Actor) error
}

// Service builds the exports.
type Service struct {
	db   *store.DB
	auth Auth
	now  func() time.Time
}

// New returns the export service; every part is required.
func New(db *store.DB, a Auth, now func() time.Time) (*Service, error) {
	if db == nil || a == nil || now == nil {
		return nil, errors.New("privacy: a store, an auth service and a clock are required")
	}
	return &Service{db: db, auth: a, now: now}, nil
}

// FileName is the name to give the archive of username.
func FileName(username string, at time.Time) string {
	return "donnees-" + safeName(username) + "-" + at.UTC().Format("20060102") + ".zip"
}

// ExportOwn writes the archive of the actor's own data, after a fresh
// authentication (Auth.CheckFresh, as for changing a password): a stolen
// session cookie alone does not take a person's whole mailbox away. The
// export is audited (privacy.export). Errors: unauthenticated,
// step_up_required.
func (s *Service) ExportOwn(ctx context.Context, a bouclier.Actor, w io.Writer) error {
	if err := s.auth.CheckFresh(ctx, a); err != nil {
		return err
	}
	u, err := s.db.UserByID(ctx, a.User.ID)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return s.export(ctx, a, u, "self", w)
}

// adminRoles may export another person's data on their request: the data
// controller's representatives (the head for an establishment, the
// rectorat, the ministry), not the other staff.
var adminRoles = map[bouclier.Role]bool{bouclier.RoleHead: true, bouclier.RoleAcademyAdmin: true, bouclier.RoleNationalAdmin: true}

// ExportFor writes the archive of username's data for an administrator
// answering that person's request: a head, académie or national
// administrator with authority over the account's scope, with a recent
// second-factor check (bouclier.PrivLoosen: it reaches a whole mailbox).
// Refusals and the export are audited. Errors: forbidden, not_found and the
// codes of Authorize.
func (s *Service) ExportFor(ctx context.Context, a bouclier.Actor, username string, w io.Writer) error {
	const action = "privacy.export"
	if !a.IsSystem() && !adminRoles[a.User.Role] {
		// Authorize would let the staff's authority over their
		// establishment through: refuse here, audited the same way.
		err := bouclier.Errorf(bouclier.ErrForbidden, "Seuls le chef d’établissement et les administrateurs répondent aux demandes d’accès.")
		s.denied(ctx, a, action, "role="+string(a.User.Role))
		return err
	}
	u, err := s.db.UserByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		// The actor first: an unauthorised caller learns nothing of
		// which names exist.
		if err := s.auth.Authorize(ctx, a, action, bouclier.PrivLoosen, a.User.AuthorityScope()); err != nil {
			return err
		}
		return bouclier.Errorf(bouclier.ErrNotFound, "Compte inconnu.")
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := s.auth.Authorize(ctx, a, action, bouclier.PrivLoosen, u.Scope()); err != nil {
		return err
	}
	return s.export(ctx, a, u, "on request", w)
}

// denied records a refusal that Authorize did not see.
func (s *Service) denied(ctx context.Context, a bouclier.Actor, action, why string) {
	_ = s.db.InTx(ctx, func(tx *store.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{At: s.now(), Actor: a.Name(), Action: "privilege.denied", Target: action,
			Scope: a.User.AuthorityScope(), Source: a.Source, Detail: "forbidden " + why + " session=" + a.SessionID})
	})
}

// export writes u's archive to w, then records it in the audit trail. The
// caller buffers w: nothing is handed out unless the audit entry is
// written.
func (s *Service) export(ctx context.Context, a bouclier.Actor, u bouclier.User, why string, w io.Writer) error {
	now := s.now()
	n, err := s.write(ctx, u, now, w)
	if err != nil {
		return fmt.Errorf("export %s: %w", u.Username, err)
	}
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "privacy.export", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("%s files=%d", why, n)})
	})
}
