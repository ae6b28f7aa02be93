package audit

import (
	"context"
	"encoding/hex"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// Authority says whether a user administers a scope.
type Authority func(ctx context.Context, u bouclier.User, scope string) (bool, error)

// View is an audit entry as shown to administrators.
type View struct {
	Seq    int64     `json:"seq"`
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Target string    `json:"target"`
	Scope  string    `json:"scope"`
	Source string    `json:"source"`
	Detail string    `json:"detail"`
	Hash   string    `json:"hash"`
}

// List returns the recent entries of scopes u administers (the académie
// sees the urgent sends of its establishments, for instance), newest
// first, at most limit. Errors: forbidden for non-administrators.
func List(ctx context.Context, db *store.DB, has Authority, u bouclier.User, actionPrefix string, before int64, limit int) ([]View, error) {
	switch u.Role {
	case bouclier.RoleHead, bouclier.RoleAcademyAdmin, bouclier.RoleNationalAdmin:
	default:
		return nil, bouclier.Errorf(bouclier.ErrForbidden, "Réservé à la direction et aux administrateurs.")
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	known := map[string]bool{}
	var out []View
	// Read in pages until enough entries of the user's scopes are found.
	for len(out) < limit {
		rows, err := db.AuditRecent(ctx, actionPrefix, before, 500)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			ok, seen := known[r.Scope]
			if !seen {
				if ok, err = has(ctx, u, r.Scope); err != nil {
					return nil, err
				}
				known[r.Scope] = ok
			}
			if ok && len(out) < limit {
				out = append(out, View{Seq: r.Seq, At: time.UnixMicro(r.At).UTC(), Actor: r.Actor, Action: r.Action, Target: r.Target,
					Scope: r.Scope, Source: r.Source, Detail: r.Detail, Hash: hex.EncodeToString(r.Hash)})
			}
			before = r.Seq
		}
		if len(rows) < 500 {
			break
		}
	}
	return out, nil
}
