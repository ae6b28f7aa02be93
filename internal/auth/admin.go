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
	return bouclier.Errorf(bouclier.ErrForbidden, "Vous n'avez pas autorité sur ce compte ou ce périmètre.")
}

// target returns the account admin acts on. Errors: not_found, forbidden.
func (s *Service) target(ctx context.Context, admin bouclier.User, username string) (bouclier.User, error) {
	u, err := s.db.UserByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		return u, bouclier.Errorf(bouclier.ErrNotFound, "Compte inconnu.")
	}
	if err != nil {
		return u, err
	}
	if err := s.authority(ctx, admin, u.Scope()); err != nil {
		return u, err
	}
	return u, nil
}

func (s *Service) authority(ctx context.Context, admin bouclier.User, scope string) error {
	ok, err := s.dir.HasAuthority(ctx, admin, scope)
	if err != nil {
		return err
	}
	if !ok {
		return forbidden()
	}
	return nil
}

// Unlock lifts every lock of an account: the user's own ("ce n'était pas
// moi"), an administrator's, and the throttling lock after failures.
// Errors: not_found, forbidden.
func (s *Service) Unlock(ctx context.Context, admin bouclier.User, username string, c Client) error {
	u, err := s.target(ctx, admin, username)
	if err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		sec, err := tx.AccountSecurity(ctx, u.ID)
		if err != nil {
			return err
		}
		sec.LockedUntil, sec.LockReason = 0, ""
		if err := tx.PutAccountSecurity(ctx, sec); err != nil {
			return err
		}
		if err := tx.DeleteThrottles(ctx, hkey("acct", strings.ToLower(u.Username))); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: admin.Username, Action: "account.unlock", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address})
	})
}

// Lock locks an account until an administrator unlocks it and revokes its
// sessions. Errors: not_found, forbidden.
func (s *Service) Lock(ctx context.Context, admin bouclier.User, username, reason string, c Client) error {
	u, err := s.target(ctx, admin, username)
	if err != nil {
		return err
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
		n, err := tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), "account locked by an administrator")
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: admin.Username, Action: "account.lock", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("sessions revoked=%d reason=%q", n, truncate(reason, 200))})
	})
}

// SetReadOnly puts an account in or out of read-only: it may still log in
// and read, not send. Errors: not_found, forbidden.
func (s *Service) SetReadOnly(ctx context.Context, admin bouclier.User, username string, readOnly bool, c Client) error {
	u, err := s.target(ctx, admin, username)
	if err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetReadOnly(ctx, u.ID, readOnly); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: admin.Username, Action: "account.read_only", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("read_only=%t", readOnly)})
	})
}

// RevokeUserSessions ends every session of an account and returns how
// many. Errors: not_found, forbidden.
func (s *Service) RevokeUserSessions(ctx context.Context, admin bouclier.User, username string, c Client) (int64, error) {
	u, err := s.target(ctx, admin, username)
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
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: admin.Username, Action: "sessions.revoke_user", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("revoked=%d", n)})
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
	return "", bouclier.Errorf(bouclier.ErrInvalidRequest, "Périmètre invalide : %q (national, academie:ID ou establishment:UAI).", scope)
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
func (s *Service) RevokeScopeSessions(ctx context.Context, admin bouclier.User, scope string, roles []string, c Client) (int64, error) {
	scope, err := ParseScope(scope)
	if err != nil {
		return 0, err
	}
	rs, err := parseRoles(roles)
	if err != nil {
		return 0, err
	}
	if err := s.authority(ctx, admin, scope); err != nil {
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
			if u.ID == admin.ID {
				continue
			}
			n, err := tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), "scope sessions revoked by an administrator")
			if err != nil {
				return err
			}
			total += n
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: admin.Username, Action: "sessions.revoke_scope", Target: scope,
			Scope: scope, Source: c.Address, Detail: fmt.Sprintf("roles=%v accounts=%d revoked=%d", roles, len(users), total)})
	})
	return total, err
}

// RequireFactor makes (or stops making) a second factor mandatory for a
// role in a scope; personnel always need one. Errors: invalid_request,
// forbidden.
func (s *Service) RequireFactor(ctx context.Context, admin bouclier.User, scope, role string, required bool, c Client) error {
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
	if err := s.authority(ctx, admin, scope); err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if required {
			if err := tx.PutMFARequirement(ctx, store.MFARequirement{Scope: scope, Role: r, CreatedBy: admin.Username, CreatedAt: store.Micros(now)}); err != nil {
				return err
			}
		} else if _, err := tx.DeleteMFARequirement(ctx, scope, r); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: admin.Username, Action: "mfa.require", Target: scope,
			Scope: scope, Source: c.Address, Detail: fmt.Sprintf("role=%s required=%t", r, required)})
	})
}

// FactorRequirements lists the requirements the caller has authority over.
// Errors: none of the contract's.
func (s *Service) FactorRequirements(ctx context.Context, admin bouclier.User) ([]store.MFARequirement, error) {
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
