package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/store"
)

// TestAckFormsStore: the queries enforce who may acknowledge and answer
// whatever the caller checked, a family answers once, and of concurrent
// reminder claims one wins; on both stores.
func TestAckFormsStore(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx, db := context.Background(), e.App.DB
		user := func(name string) bouclier.User {
			u, err := db.UserByName(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			return u
		}
		head, parent, other, child := user("principal.moulin"), user("parent.dupont"), user("parent.hugo"), user("eleve.dupont")
		held := user("parent.durand")
		var id, heldID int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			m := &bouclier.Message{SenderID: head.ID, Subject: "Sortie", Body: "Jeudi.", To: []string{"user:parent.dupont"},
				Status: bouclier.StatusDelivered, SentAt: 1, UAI: head.UAI}
			var err error
			if id, err = tx.InsertMessage(ctx, m, []int64{parent.ID}); err != nil {
				return err
			}
			if err := tx.InsertAckRequest(ctx, id, store.AckRequest{Ack: true, Question: "D’accord ?", Kind: "yesno", Choices: []string{"Oui", "Non"}}); err != nil {
				return err
			}
			// A held message: its recipient cannot see it, so cannot act on it.
			m.Status = bouclier.StatusHeld
			if heldID, err = tx.InsertMessage(ctx, m, []int64{held.ID}); err != nil {
				return err
			}
			return tx.InsertAckRequest(ctx, heldID, store.AckRequest{Ack: true})
		})
		if err != nil {
			t.Fatal(err)
		}
		req, err := db.AckRequest(ctx, id)
		if err != nil || !req.Ack || !req.HasForm() || len(req.Choices) != 2 || req.Kind != "yesno" {
			t.Fatalf("request %+v %v", req, err)
		}
		if _, err := db.AckRequest(ctx, id+100); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("request of a message that asks nothing: %v", err)
		}

		tx := func(fn func(tx *store.Tx) (bool, error)) bool {
			t.Helper()
			var ok bool
			if err := db.InTx(ctx, func(tx *store.Tx) error { var err error; ok, err = fn(tx); return err }); err != nil {
				t.Fatal(err)
			}
			return ok
		}
		cases := []struct {
			name string
			fn   func(tx *store.Tx) (bool, error)
			want bool
		}{
			{"recipient acknowledges", func(tx *store.Tx) (bool, error) { return tx.Acknowledge(ctx, id, parent.ID, 10) }, true},
			{"again: not new", func(tx *store.Tx) (bool, error) { return tx.Acknowledge(ctx, id, parent.ID, 20) }, false},
			{"non-recipient acknowledges", func(tx *store.Tx) (bool, error) { return tx.Acknowledge(ctx, id, other.ID, 10) }, false},
			{"held message acknowledged", func(tx *store.Tx) (bool, error) { return tx.Acknowledge(ctx, heldID, held.ID, 10) }, false},
			{"non-recipient answers", func(tx *store.Tx) (bool, error) {
				return tx.AnswerForm(ctx, store.FormAnswer{MessageID: id, ChildID: child.ID, Choice: 1, AnsweredBy: other.ID, At: 10})
			}, false},
			{"recipient answers", func(tx *store.Tx) (bool, error) {
				return tx.AnswerForm(ctx, store.FormAnswer{MessageID: id, ChildID: child.ID, Choice: 0, AnsweredBy: parent.ID, At: 11})
			}, true},
			{"same family again", func(tx *store.Tx) (bool, error) {
				return tx.AnswerForm(ctx, store.FormAnswer{MessageID: id, ChildID: child.ID, Choice: 1, AnsweredBy: parent.ID, At: 12})
			}, false},
		}
		for _, c := range cases {
			if got := tx(c.fn); got != c.want {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
		acks, err := db.Acks(ctx, id)
		if err != nil || len(acks) != 1 || acks[parent.ID] != 10 {
			t.Fatalf("acks %v %v", acks, err)
		}
		answers, err := db.FormAnswers(ctx, id)
		if a := answers[child.ID]; err != nil || len(answers) != 1 || a.Choice != 0 || a.ByUsername != "parent.dupont" || a.ByName != "Marie Dupont" {
			t.Fatalf("answers %+v %v", answers, err)
		}
		links, err := db.RecipientChildren(ctx, id)
		if err != nil || len(links) != 1 || links[0].ParentID != parent.ID || links[0].Child.Username != "eleve.dupont" || links[0].Child.Class != "4A" {
			t.Fatalf("children %+v %v", links, err)
		}

		// Eight concurrent claims of the same reminder window: one wins.
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		for range 8 {
			wg.Go(func() {
				var ok bool
				err := db.InTx(ctx, func(tx *store.Tx) error {
					var err error
					_, ok, err = tx.ClaimReminder(ctx, id, 1000, 2000)
					return err
				})
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				if ok {
					wins++
				}
				mu.Unlock()
			})
		}
		wg.Wait()
		if wins != 1 {
			t.Fatalf("%d claims won", wins)
		}
		// A released claim can be made again; the count follows.
		if !tx(func(tx *store.Tx) (bool, error) { return true, tx.ReleaseReminder(ctx, id, 2000, 0) }) {
			t.Fatal("release")
		}
		if !tx(func(tx *store.Tx) (bool, error) { _, ok, err := tx.ClaimReminder(ctx, id, 1000, 3000); return ok, err }) {
			t.Fatal("claim after release")
		}
		if req, _ := db.AckRequest(ctx, id); req.RemindedAt != 3000 || req.Reminders != 1 {
			t.Fatalf("after release and claim: %+v", req)
		}
	})
}
