package retention

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

// Authorizer is the privilege check (auth.Service.Authorize).
type Authorizer interface {
	Authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, scope string) error
}

// Holds places and releases legal holds: an account's data or a message
// kept past retention for a complaint, the police or a court.
type Holds struct {
	db    *store.DB
	authz Authorizer
	now   func() time.Time
}

// NewHolds returns the legal hold service; every part is required.
func NewHolds(db *store.DB, authz Authorizer, now func() time.Time) (*Holds, error) {
	if db == nil || authz == nil || now == nil {
		return nil, errors.New("retention: holds need a store, an authorizer and a clock")
	}
	return &Holds{db: db, authz: authz, now: now}, nil
}

// holdScope returns the scope that a hold on a target falls under: the
// account's (for a message, its sender's).
func (h *Holds) holdScope(ctx context.Context, kind string, id int64) (string, error) {
	switch kind {
	case "user":
		u, err := h.db.UserByID(ctx, id)
		if err != nil {
			return "", err
		}
		return u.Scope(), nil
	case "message":
		m, err := h.db.MessageByID(ctx, id)
		if err != nil {
			return "", err
		}
		u, err := h.db.UserByID(ctx, m.SenderID)
		if err != nil {
			return "", err
		}
		return u.Scope(), nil
	}
	return "", bouclier.Errorf(bouclier.ErrInvalidRequest, "Type de conservation inconnu\u00a0: «\u00a0%s\u00a0».", kind)
}

// Place puts a legal hold on an account ("user") or a message ("message")
// for someone with authority over its scope (bouclier.PrivTighten: it
// protects), audited in the same transaction. It returns the hold's id.
// Errors: invalid_request, not_found and the codes of Authorize.
func (h *Holds) Place(ctx context.Context, a bouclier.Actor, kind string, targetID int64, reason string) (int64, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" || len(reason) > 500 {
		return 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez le motif de la conservation (500 caractères au plus).")
	}
	scope, err := h.holdScope(ctx, kind, targetID)
	if errors.Is(err, store.ErrNotFound) {
		// Check the actor first, so that an unauthorised caller learns
		// nothing of which ids exist.
		if err := h.authz.Authorize(ctx, a, "legal_hold.place", bouclier.PrivTighten, a.User.AuthorityScope()); err != nil {
			return 0, err
		}
		return 0, bouclier.Errorf(bouclier.ErrNotFound, "Compte ou message introuvable.")
	}
	if err != nil {
		return 0, fmt.Errorf("legal hold: %w", err)
	}
	if err := h.authz.Authorize(ctx, a, "legal_hold.place", bouclier.PrivTighten, scope); err != nil {
		return 0, err
	}
	now := h.now()
	var id int64
	err = h.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if id, err = tx.AddLegalHold(ctx, store.LegalHold{Kind: kind, TargetID: targetID, Reason: reason, CreatedBy: a.Name(), CreatedAt: store.Micros(now)}); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "legal_hold.place", Target: fmt.Sprintf("%s:%d", kind, targetID),
			Scope: scope, Source: a.Source, Detail: fmt.Sprintf("hold %d: %s", id, reason)})
	})
	if err != nil {
		return 0, fmt.Errorf("legal hold: %w", err)
	}
	return id, nil
}

// Release lifts a legal hold (bouclier.PrivLoosen: the data may then go),
// audited. Errors: not_found and the codes of Authorize.
func (h *Holds) Release(ctx context.Context, a bouclier.Actor, id int64) error {
	var hold store.LegalHold
	err := h.db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		hold, err = tx.LegalHoldByID(ctx, id)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		if err := h.authz.Authorize(ctx, a, "legal_hold.release", bouclier.PrivLoosen, a.User.AuthorityScope()); err != nil {
			return err
		}
		return bouclier.Errorf(bouclier.ErrNotFound, "Conservation introuvable.")
	}
	if err != nil {
		return fmt.Errorf("legal hold: %w", err)
	}
	scope, err := h.holdScope(ctx, hold.Kind, hold.TargetID)
	if err != nil {
		// The target went (it cannot while held): only the national level.
		scope = "national"
	}
	if err := h.authz.Authorize(ctx, a, "legal_hold.release", bouclier.PrivLoosen, scope); err != nil {
		return err
	}
	now := h.now()
	return h.db.InTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.ReleaseLegalHold(ctx, id, a.Name(), store.Micros(now))
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrNotFound, "Cette conservation est déjà levée.")
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "legal_hold.release", Target: fmt.Sprintf("%s:%d", hold.Kind, hold.TargetID),
			Scope: scope, Source: a.Source, Detail: fmt.Sprintf("hold %d", id)})
	})
}

// account returns the account named username once Authorize granted
// action at level over its scope. Errors: not_found and the codes of
// Authorize.
func (h *Holds) account(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, username string) (bouclier.User, error) {
	u, err := h.db.UserByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		if err := h.authz.Authorize(ctx, a, action, level, a.User.AuthorityScope()); err != nil {
			return u, err
		}
		return u, bouclier.Errorf(bouclier.ErrNotFound, "Compte inconnu.")
	}
	if err != nil {
		return u, fmt.Errorf("legal hold: %w", err)
	}
	return u, h.authz.Authorize(ctx, a, action, level, u.Scope())
}

// OfAccount lists the holds on an account for someone with authority over
// it (bouclier.PrivRead, audited). Errors: not_found and the codes of
// Authorize.
func (h *Holds) OfAccount(ctx context.Context, a bouclier.Actor, username string) (bouclier.User, []store.LegalHold, error) {
	u, err := h.account(ctx, a, "legal_hold.list", bouclier.PrivRead, username)
	if err != nil {
		return u, nil, err
	}
	list, err := h.db.LegalHolds(ctx, "user", u.ID)
	return u, list, err
}

// PlaceOnAccount puts a legal hold on the account named username (see
// Place).
func (h *Holds) PlaceOnAccount(ctx context.Context, a bouclier.Actor, username, reason string) (int64, error) {
	u, err := h.account(ctx, a, "legal_hold.place", bouclier.PrivTighten, username)
	if err != nil {
		return 0, err
	}
	return h.Place(ctx, a, "user", u.ID, reason)
}
