package messaging

import (
	"context"
	"fmt"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// BulkAction is what a folder's selection may do to the user's own
// deliveries.
type BulkAction string

// The bulk actions.
const (
	BulkRead    BulkAction = "read"    // mark as read
	BulkTrash   BulkAction = "trash"   // move to the trash
	BulkRestore BulkAction = "restore" // move back from the trash
)

// MaxBulk bounds one selection: a folder page's worth, with room.
const MaxBulk = 200

// Bulk applies action to the messages ids among u's deliveries and returns
// how many changed. Every statement is keyed by u's id, so an id that is
// not u's changes nothing. Errors: invalid_request (unknown action, empty
// or too large a selection).
func (s *Service) Bulk(ctx context.Context, u bouclier.User, action BulkAction, ids []int64) (int, error) {
	if len(ids) == 0 || len(ids) > MaxBulk {
		return 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Sélectionnez entre 1 et %d messages.", MaxBulk)
	}
	var apply func(id int64) (bool, error)
	switch action {
	case BulkRead:
		at := store.Micros(s.now())
		apply = func(id int64) (bool, error) { return s.db.MarkRead(ctx, u.ID, id, at) }
	case BulkTrash, BulkRestore:
		apply = func(id int64) (bool, error) { return s.db.SetTrashed(ctx, u.ID, id, action == BulkTrash) }
	default:
		return 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Action inconnue.")
	}
	n := 0
	for _, id := range ids {
		ok, err := apply(id)
		if err != nil {
			return n, fmt.Errorf("bulk %s: %w", action, err)
		}
		if ok {
			n++
		}
	}
	return n, nil
}
