package store_test

import (
	"context"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestUnreached: the recipients a send left out are kept with the message
// (one statement per batch), those who never get it first, each once even
// if the batch runs again or names them twice (the first record kept),
// reasons as given, and go when the message expires.
func TestUnreached(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, pupils := batchUsers(t, db, 3)
		var id int64
		add := func(tx *store.Tx) error {
			return tx.AddUnreached(ctx, id, []store.Unreached{
				{User: bouclier.User{ID: pupils[2]}, DeliverAt: 5000},
				{User: bouclier.User{ID: pupils[0]}, Reason: "Messagerie fermée aux élèves"},
				{User: bouclier.User{ID: pupils[2]}, DeliverAt: 7000, Reason: "second"},
				{User: bouclier.User{ID: pupils[1]}, Reason: `« l’école » "fermée" \ 100 %`},
			})
		}
		err := db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if id, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Sortie", Body: "Jeudi", To: []string{"class:X/4A"},
				Status: bouclier.StatusDelivered, SentAt: 100}, []int64{pupils[1]}); err != nil {
				return err
			}
			if err := tx.AddUnreached(ctx, id, nil); err != nil {
				return err
			}
			if err := add(tx); err != nil {
				return err
			}
			return add(tx) // a batch run again
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.UnreachedOf(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].User.ID != pupils[0] || got[0].DeliverAt != 0 || got[0].Reason != "Messagerie fermée aux élèves" ||
			got[0].User.Username != "eleve0" || got[0].User.Role != bouclier.RoleStudent ||
			got[1].User.ID != pupils[1] || got[1].DeliverAt != 0 || got[1].Reason != `« l’école » "fermée" \ 100 %` ||
			got[2].User.ID != pupils[2] || got[2].DeliverAt != 5000 || got[2].Reason != "" {
			t.Fatalf("unreached: %+v", got)
		}
		if other, err := db.UnreachedOf(ctx, id+1); err != nil || len(other) != 0 {
			t.Fatalf("another message: %+v %v", other, err)
		}
		err = db.InTx(ctx, func(tx *store.Tx) error {
			_, _, err := tx.ExpireMessages(ctx, 200, 10)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.UnreachedOf(ctx, id); err != nil || len(got) != 0 {
			t.Fatalf("after expiry: %+v %v", got, err)
		}
	})
}
