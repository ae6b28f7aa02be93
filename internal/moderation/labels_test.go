package moderation_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/store"
)

// TestExportLabels: a release is exported as a benign example and a
// rejection as a harmful one, for the screen's next training; only within
// the moderator's scope.
func TestExportLabels(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		sender, err := e.App.DB.UserByName(ctx, "parent.dupont")
		if err != nil {
			t.Fatal(err)
		}
		prof, _ := e.App.DB.UserByName(ctx, "prof.martin")
		held := func(body string) int64 {
			var id int64
			err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
				var err error
				id, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender.ID, Subject: "Objet", Body: body, To: []string{"user:prof.martin"},
					Status: bouclier.StatusHeld, SentAt: store.Micros(e.Clock.Now()), UAI: sender.UAI, Academie: "versailles"}, []int64{prof.ID})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		fine, bad := held("Sortie au stade vendredi."), held("Je vais tout faire sauter demain.")
		head := e.Actor(t, "principal.moulin")
		if err := e.App.Moderation.Release(ctx, head, fine); err != nil {
			t.Fatal(err)
		}
		if err := e.App.Moderation.Reject(ctx, head, bad, false); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		n, err := e.App.Moderation.ExportLabels(ctx, e.Actor(t, "principal.moulin"), &buf)
		if err != nil || n != 2 {
			t.Fatalf("export: %d %v", n, err)
		}
		got := map[string]string{}
		sc := bufio.NewScanner(&buf)
		for sc.Scan() {
			var l moderation.Label
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Fatal(err)
			}
			got[l.Text] = l.Label
		}
		if got["Objet\nSortie au stade vendredi."] != "benign" || got["Objet\nJe vais tout faire sauter demain."] != "harmful" {
			t.Errorf("labels: %v", got)
		}
		if _, err := e.App.Moderation.ExportLabels(ctx, e.Actor(t, "prof.martin"), &buf); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("teacher exports: %v", err)
		}
	})
}
