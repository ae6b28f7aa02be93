package store_test

import (
	"context"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestUnreadCountFollowsEveryChange: the unread count (a counter kept by
// triggers on SQLite) follows every way a delivery changes: sent, held then
// released, read, trashed and restored, recalled.
func TestUnreadCountFollowsEveryChange(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, rcpt := batchUsers(t, db, 2)
		a, b := rcpt[0], rcpt[1]
		insert := func(status bouclier.MessageStatus) int64 {
			t.Helper()
			var id int64
			err := db.InTx(ctx, func(tx *store.Tx) error {
				var err error
				id, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "s", Body: "b", Status: status}, rcpt)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		tx := func(fn func(tx *store.Tx) error) {
			t.Helper()
			if err := db.InTx(ctx, fn); err != nil {
				t.Fatal(err)
			}
		}
		var m1, m2, m3 int64
		steps := []struct {
			name  string
			do    func()
			wantA int
			wantB int
		}{
			{"empty", func() {}, 0, 0},
			{"delivered", func() { m1 = insert(bouclier.StatusDelivered) }, 1, 1},
			{"held is not counted", func() { m2 = insert(bouclier.StatusHeld) }, 1, 1},
			{"released", func() {
				tx(func(tx *store.Tx) error { _, err := tx.SetStatusFrom(ctx, m2, "held", "delivered"); return err })
			}, 2, 2},
			{"read by a", func() { mustOK(t)(db.MarkRead(ctx, a, m1, 5)) }, 1, 2},
			{"read twice", func() { _, _ = db.MarkRead(ctx, a, m1, 6) }, 1, 2},
			{"trashed by b", func() { mustOK(t)(db.SetTrashed(ctx, b, m2, true)) }, 1, 1},
			{"third", func() { m3 = insert(bouclier.StatusDelivered) }, 2, 2},
			{"restored by b", func() { mustOK(t)(db.SetTrashed(ctx, b, m2, false)) }, 2, 3},
			{"recalled", func() {
				tx(func(tx *store.Tx) error { _, err := tx.Recall(ctx, m3, "admin", 7); return err })
			}, 1, 2},
			{"read after recall by a changes nothing twice", func() { _, _ = db.MarkRead(ctx, a, m3, 8) }, 1, 2},
		}
		for _, s := range steps {
			s.do()
			for _, c := range []struct {
				user int64
				want int
			}{{a, s.wantA}, {b, s.wantB}} {
				n, err := db.UnreadCount(ctx, c.user)
				if err != nil {
					t.Fatal(err)
				}
				if n != c.want {
					t.Errorf("after %s: user %d has %d unread, want %d", s.name, c.user, n, c.want)
				}
			}
		}
	})
}

func mustOK(t *testing.T) func(bool, error) {
	return func(ok bool, err error) {
		t.Helper()
		if err != nil || !ok {
			t.Fatalf("got %v, %v", ok, err)
		}
	}
}

// TestSaveDraftKeepsOnePerContent: saving again a new draft identical to
// one the user has updates it (a loop of refused sends keeps one draft);
// any difference, or another user, makes a new one.
func TestSaveDraftKeepsOnePerContent(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, rcpt := batchUsers(t, db, 1)
		base := store.Draft{UserID: sender, To: []string{"user:eleve0"}, Subject: "Sortie", Body: "Départ à 8 h", LastError: "fermé"}
		cases := []struct {
			name string
			edit func(d *store.Draft)
			same bool
		}{
			{"identical", func(d *store.Draft) { d.LastError, d.UpdatedAt = "encore fermé", 9 }, true},
			{"other text", func(d *store.Draft) { d.Body += "." }, false},
			{"other subject", func(d *store.Draft) { d.Subject = "Sortie !" }, false},
			{"other recipients", func(d *store.Draft) { d.To = []string{"user:eleve0", "user:prof"} }, false},
			{"a reply", func(d *store.Draft) { d.ParentID = 7 }, false},
			{"another user", func(d *store.Draft) { d.UserID = rcpt[0] }, false},
		}
		first := base
		if err := db.SaveDraft(ctx, &first); err != nil || first.ID == 0 {
			t.Fatalf("first draft: %v %d", err, first.ID)
		}
		for _, c := range cases {
			d := base
			c.edit(&d)
			if err := db.SaveDraft(ctx, &d); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if (d.ID == first.ID) != c.same {
				t.Errorf("%s: draft %d, first %d, same wanted %v", c.name, d.ID, first.ID, c.same)
			}
		}
		got, err := db.Draft(ctx, sender, first.ID)
		if err != nil || got.LastError != "encore fermé" || got.UpdatedAt != 9 {
			t.Errorf("the identical draft was not updated: %+v %v", got, err)
		}
		all, err := db.Drafts(ctx, sender)
		if err != nil || len(all) != 5 {
			t.Errorf("%d drafts of the sender (%v), want 5", len(all), err)
		}
	})
}
