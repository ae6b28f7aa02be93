package campaign

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// ContainAccounts is the officer's « contain these accounts »: every
// account of incident id within a's scope that may still send is put in
// read-only, its sessions revoked, and added to the incident's
// containment list. Detection contains only the accounts with strong
// signals, and none at the review level; the officer who has read the
// incident decides for the rest. Heads, staff and administrators are left out as at detection: they
// are locked from their account page, one by one. The read-only is lifted
// only by someone with a's authority. Tightening is immediate
// (bouclier.PrivTighten). It returns how many accounts it contained.
// Errors: forbidden, not_found and the codes of Authorize.
func (d *Detector) ContainAccounts(ctx context.Context, a bouclier.Actor, id int64) (int, error) {
	c, err := d.authorize(ctx, a, "incident.contain_accounts", bouclier.PrivTighten, id)
	if err != nil {
		return 0, err
	}
	uai, aca, err := scopeOf(a)
	if err != nil {
		return 0, err
	}
	seen := map[string]bouclier.User{}
	if err := d.minimise(ctx, uai, aca, &c, seen); err != nil {
		return 0, err
	}
	var todo []bouclier.User
	for _, name := range c.Accounts {
		u, ok := seen[name]
		if !ok {
			if u, err = d.db.UserByName(ctx, name); errors.Is(err, store.ErrNotFound) {
				continue
			} else if err != nil {
				return 0, fmt.Errorf("contain accounts: %w", err)
			}
		}
		if !IsBroadcaster(u.Role) && !u.ReadOnly {
			todo = append(todo, u)
		}
	}
	if len(todo) == 0 {
		return 0, nil
	}
	now := d.now()
	at, by := store.Micros(now), a.User.AuthorityScope()
	names := make([]string, 0, len(todo))
	err = d.db.InTx(ctx, func(tx *store.Tx) error {
		names = names[:0]
		for _, u := range todo {
			if _, err := tx.AddCampaignAccount(ctx, id, u.ID); err != nil {
				return err
			}
			if err := tx.LockSender(ctx, u.ID, by, at, "incident containment"); err != nil {
				return err
			}
			if err := tx.MarkAccountLocked(ctx, id, u.ID, at); err != nil {
				return err
			}
			if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "campaign.lock", Target: "user:" + u.Username,
				Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("incident:%d", id)}); err != nil {
				return err
			}
			names = append(names, u.Username)
		}
		return tx.AddCampaignEvent(ctx, id, at, "locked",
			fmt.Sprintf("comptes en lecture seule, sessions révoquées, par %s\u00a0: %s", a.Name(), strings.Join(names, ", ")))
	})
	if err != nil {
		return 0, fmt.Errorf("contain accounts: %w", err)
	}
	return len(names), nil
}
