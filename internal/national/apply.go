package national

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// localSuspensionID is the id a received suspension gets here: derived
// from its sender and id, so that applying it twice is one row.
func localSuspensionID(from, id string) string {
	h := sha256.Sum256([]byte(from + "\x00" + id))
	return "n-" + hex.EncodeToString(h[:10])
}

// authority checks that a suspension's sender may impose it, and returns
// the imposer recorded (only that level lifts it) and whether it concerns
// this deployment.
func (n *Node) authority(ctx context.Context, s Signal) (imposer string, concerns bool, err error) {
	scope := s.Suspension.Scope
	kind, id, _ := strings.Cut(scope, ":")
	if s.From == Operator {
		switch {
		case scope == "national":
			return "national", true, nil
		case kind == "academie" && id != "":
			ok, err := n.db.AcademieExists(ctx, id)
			return "national", ok, err
		}
		return "", false, fmt.Errorf("%w: scope %q", errRefused, scope)
	}
	// A deployment suspends within its own académies only, as the
	// configuration (not the signal) says.
	if kind != "academie" || !slices.Contains(n.cfg.Members[s.From].Academies, id) {
		return "", false, fmt.Errorf("%w: %s has no authority over %q", errRefused, s.From, scope)
	}
	ok, err := n.db.AcademieExists(ctx, id)
	return scope, ok, err
}

// suspension applies a suspension or its lifting, once.
func (n *Node) suspension(ctx context.Context, s Signal) error {
	sp := s.Suspension
	id := localSuspensionID(s.From, sp.ID)
	now := n.now()
	by := "national:" + s.From
	if s.Kind == KindLift {
		// Only whoever imposed it lifts it: its id is derived from them.
		row, err := n.db.Suspension(ctx, id)
		if errors.Is(err, store.ErrNotFound) || (err == nil && row.LiftedAt != 0) {
			return nil
		}
		if err != nil {
			return err
		}
		if row.CreatedBy != by {
			return fmt.Errorf("%w: %s lifts a suspension of %s", errRefused, s.From, row.CreatedBy)
		}
		lifted := false
		err = n.db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if lifted, err = tx.LiftSuspension(ctx, id, by, store.Micros(now)); err != nil || !lifted {
				return err
			}
			return audit.Append(ctx, tx, audit.Entry{At: now, Actor: by, Action: "suspension.lift", Target: "suspension:" + id, Scope: row.Scope,
				Source: "national", Detail: "signal " + s.ID})
		})
		if err != nil {
			return fmt.Errorf("lift national suspension: %w", err)
		}
		if lifted {
			n.applied.Add(1)
			n.rules.Invalidate()
		}
		return nil
	}
	imposer, concerns, err := n.authority(ctx, s)
	if err != nil || !concerns {
		return err
	}
	if _, err := n.db.Suspension(ctx, id); err == nil {
		return nil // applied already (another node of this deployment, or a redelivery)
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	row := store.SuspensionRow{ID: id, Scope: sp.Scope, Roles: sp.Roles, Reason: sp.Reason, CreatedBy: by, CreatedAt: store.Micros(now),
		ImposedBy: imposer, StopsReceiving: sp.StopsReceiving}
	if !sp.Until.IsZero() {
		if !sp.Until.After(now) {
			return nil // over already
		}
		row.Until = store.Micros(sp.Until)
	}
	err = n.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.PutSuspension(ctx, row); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: by, Action: "suspension.create", Target: "suspension:" + id, Scope: row.Scope,
			Source: "national", Detail: fmt.Sprintf("signal %s roles=%v", s.ID, sp.Roles)})
	})
	if err != nil {
		if _, gerr := n.db.Suspension(ctx, id); gerr == nil {
			return nil // another node of this deployment applied it meanwhile
		}
		return fmt.Errorf("apply national suspension: %w", err)
	}
	n.applied.Add(1)
	n.rules.Invalidate()
	if n.OnApplied != nil {
		n.OnApplied(s, time.Now())
	}
	return nil
}
