package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// Administrator actions. Each checks the caller's authority over the
// target's scope (directory.HasAuthority: a head over their
// establishment, an académie administrator over their académie, a
// national administrator over everything) and is audited in the same
// transaction as the change.

func forbidden() error {
	return bouclier.Errorf(bouclier.ErrForbidden, "Vous n’avez pas autorité sur ce compte ou ce périmètre.")
}

// target returns the account a acts on, once Authorize granted action at
// level over the account's scope. Errors: not_found, forbidden and the
// codes of Authorize.
func (s *Service) target(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, username string) (bouclier.User, error) {
	u, err := s.db.UserByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		// Authorize against the actor's own scope first, so that an
		// unauthorised caller learns nothing of which names exist.
		if err := s.Authorize(ctx, a, action, level, a.User.AuthorityScope()); err != nil {
			return u, err
		}
		return u, bouclier.Errorf(bouclier.ErrNotFound, "Compte inconnu.")
	}
	if err != nil {
		return u, err
	}
	if err := s.Authorize(ctx, a, action, level, u.Scope()); err != nil {
		return u, err
	}
	return u, nil
}

// Unlock lifts every lock of an account: the user's own ("ce n'était pas
// moi"), an administrator's, and the throttling lock after failures. A lock
// is lifted only by someone with authority over the scope of whoever
// imposed it, never by its subject. Errors: not_found, forbidden and the
// codes of Authorize (bouclier.PrivLoosen).
func (s *Service) Unlock(ctx context.Context, a bouclier.Actor, username string) error {
	u, err := s.target(ctx, a, "account.unlock", bouclier.PrivLoosen, username)
	if err != nil {
		return err
	}
	now := s.now()
	sec, err := s.db.AccountSecurity(ctx, u.ID)
	if err != nil {
		return err
	}
	if sec.LockedUntil > store.Micros(now) {
		sa, err := s.db.Sanctions(ctx, u.ID)
		if err != nil {
			return err
		}
		if err := s.canLift(ctx, a, sa.LockBy, u); err != nil {
			return err
		}
	} else if a.User.ID == u.ID {
		return bouclier.Errorf(bouclier.ErrForbidden, "Personne ne peut lever une sanction qui le concerne\u00a0: demandez-le à votre autorité.")
	}
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		sec, err := tx.AccountSecurity(ctx, u.ID)
		if err != nil {
			return err
		}
		sec.LockedUntil, sec.LockReason = 0, ""
		if err := tx.PutAccountSecurity(ctx, sec); err != nil {
			return err
		}
		if err := tx.SetLockBy(ctx, u.ID, ""); err != nil {
			return err
		}
		if err := tx.DeleteThrottles(ctx, hkey("acct", strings.ToLower(u.Username))); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "account.unlock", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: a.Source})
	})
}

// imposer is the scope recorded as the imposer of a sanction by a.
func imposer(a bouclier.Actor, target bouclier.User) string {
	if a.IsSystem() {
		if target.Academie != "" {
			return "academie:" + target.Academie
		}
		return "national"
	}
	return a.User.AuthorityScope()
}

// Lock locks an account until an administrator unlocks it and revokes its
// sessions. Errors: not_found, forbidden and the codes of Authorize
// (bouclier.PrivTighten).
func (s *Service) Lock(ctx context.Context, a bouclier.Actor, username, reason string) error {
	u, err := s.target(ctx, a, "account.lock", bouclier.PrivTighten, username)
	if err != nil {
		return err
	}
	if u.ID == a.User.ID {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Utilisez «\u00a0Ce n’était pas moi\u00a0» pour verrouiller votre propre compte.")
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		sec, err := tx.AccountSecurity(ctx, u.ID)
		if err != nil {
			return err
		}
		sec.LockedUntil, sec.LockReason = 1<<62, "admin: "+truncate(reason, 200)
		if err := tx.PutAccountSecurity(ctx, sec); err != nil {
			return err
		}
		if err := tx.SetLockBy(ctx, u.ID, imposer(a, u)); err != nil {
			return err
		}
		n, err := tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), "account locked by an administrator")
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "account.lock", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("sessions revoked=%d reason=%q", n, truncate(reason, 200))})
	})
}

// SetReadOnly puts an account in or out of read-only: it may still log in
// and read, not send. Putting in is protective (bouclier.PrivTighten);
// taking out lifts a sanction (bouclier.PrivLoosen): only from above the
// imposer, never by the account itself. Errors: not_found, forbidden and
// the codes of Authorize.
func (s *Service) SetReadOnly(ctx context.Context, a bouclier.Actor, username string, readOnly bool) error {
	level, action := bouclier.PrivTighten, "account.read_only"
	if !readOnly {
		level, action = bouclier.PrivLoosen, "account.read_write"
	}
	u, err := s.target(ctx, a, action, level, username)
	if err != nil {
		return err
	}
	if u.ID == a.User.ID {
		return bouclier.Errorf(bouclier.ErrForbidden, "Personne ne peut lever une sanction qui le concerne\u00a0: demandez-le à votre autorité.")
	}
	by := imposer(a, u)
	if !readOnly && u.ReadOnly {
		sa, err := s.db.Sanctions(ctx, u.ID)
		if err != nil {
			return err
		}
		if err := s.canLift(ctx, a, sa.ReadOnlyBy, u); err != nil {
			return err
		}
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetReadOnlyBy(ctx, u.ID, readOnly, by); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "account.read_only", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("read_only=%t", readOnly)})
	})
}

// RevokeUserSessions ends every session of an account and returns how
// many. It can shut a defender out, so it needs a fresh factor.
// Errors: not_found, forbidden and the codes of Authorize
// (bouclier.PrivLoosen).
func (s *Service) RevokeUserSessions(ctx context.Context, a bouclier.Actor, username string) (int64, error) {
	u, err := s.target(ctx, a, "sessions.revoke_user", bouclier.PrivLoosen, username)
	if err != nil {
		return 0, err
	}
	now := s.now()
	var n int64
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if n, err = tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), "revoked by an administrator"); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "sessions.revoke_user", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("revoked=%d", n)})
	})
	return n, err
}

// ParseScope checks a scope expression: "national", "academie:ID" or
// "establishment:UAI". Errors: invalid_request.
func ParseScope(scope string) (string, error) {
	kind, id, _ := strings.Cut(strings.TrimSpace(scope), ":")
	switch {
	case kind == "national" && id == "":
		return "national", nil
	case (kind == "academie" || kind == "establishment") && bouclier.ValidName(id):
		return kind + ":" + id, nil
	}
	return "", bouclier.Errorf(bouclier.ErrInvalidRequest, "Périmètre invalide\u00a0: %q (national, academie:ID ou establishment:UAI).", scope)
}

func parseRoles(roles []string) ([]bouclier.Role, error) {
	var out []bouclier.Role
	for _, r := range roles {
		role, err := bouclier.ParseRole(r)
		if err != nil {
			return nil, err
		}
		out = append(out, role)
	}
	return out, nil
}

// RevokeScopeSessions ends every session of the accounts of a scope having
// one of roles (all roles if none), the caller's own excepted, and returns
// how many. Errors: invalid_request, forbidden.
func (s *Service) RevokeScopeSessions(ctx context.Context, a bouclier.Actor, scope string, roles []string) (int64, error) {
	scope, err := ParseScope(scope)
	if err != nil {
		return 0, err
	}
	rs, err := parseRoles(roles)
	if err != nil {
		return 0, err
	}
	if err := s.Authorize(ctx, a, "sessions.revoke_scope", bouclier.PrivLoosen, scope); err != nil {
		return 0, err
	}
	users, err := s.db.UsersInScope(ctx, scope, rs)
	if err != nil {
		return 0, err
	}
	now := s.now()
	var total int64
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		for _, u := range users {
			if u.ID == a.User.ID {
				continue
			}
			n, err := tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), "scope sessions revoked by an administrator")
			if err != nil {
				return err
			}
			total += n
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "sessions.revoke_scope", Target: scope,
			Scope: scope, Source: a.Source, Detail: fmt.Sprintf("roles=%v accounts=%d revoked=%d", roles, len(users), total)})
	})
	return total, err
}

// RequireFactor makes (or stops making) a second factor mandatory for a
// role in a scope; personnel always need one. Requiring protects
// (bouclier.PrivTighten); stopping loosens (bouclier.PrivLoosen).
// Errors: invalid_request, forbidden and the codes of Authorize.
func (s *Service) RequireFactor(ctx context.Context, a bouclier.Actor, scope, role string, required bool) error {
	scope, err := ParseScope(scope)
	if err != nil {
		return err
	}
	r, err := bouclier.ParseRole(role)
	if err != nil {
		return err
	}
	if r.IsPersonnel() {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Les personnels doivent toujours utiliser un second facteur.")
	}
	level := bouclier.PrivTighten
	if !required {
		level = bouclier.PrivLoosen
	}
	if err := s.Authorize(ctx, a, "mfa.require", level, scope); err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if required {
			if err := tx.PutMFARequirement(ctx, store.MFARequirement{Scope: scope, Role: r, CreatedBy: a.Name(), CreatedAt: store.Micros(now)}); err != nil {
				return err
			}
		} else if _, err := tx.DeleteMFARequirement(ctx, scope, r); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "mfa.require", Target: scope,
			Scope: scope, Source: a.Source, Detail: fmt.Sprintf("role=%s required=%t", r, required)})
	})
}

// FactorRequirements lists the requirements the caller has authority over.
// Errors: the codes of Authorize (bouclier.PrivTighten over the caller's
// own scope).
func (s *Service) FactorRequirements(ctx context.Context, a bouclier.Actor) ([]store.MFARequirement, error) {
	if err := s.Authorize(ctx, a, "mfa.list", bouclier.PrivTighten, a.User.AuthorityScope()); err != nil {
		return nil, err
	}
	admin := a.User
	all, err := s.db.MFARequirements(ctx)
	if err != nil {
		return nil, err
	}
	var out []store.MFARequirement
	for _, r := range all {
		if ok, err := s.dir.HasAuthority(ctx, admin, r.Scope); err != nil {
			return nil, err
		} else if ok {
			out = append(out, r)
		}
	}
	return out, nil
}
