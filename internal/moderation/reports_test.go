package moderation_test

import (
	"context"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/store"
)

// TestDismissReport: a head closes a report of their establishment
// without recalling the message; it leaves the list and the pending count,
// once; a teacher is refused by the service and an unknown report is not
// found; a report on a recalled message leaves the list too.
func TestDismissReport(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		sender, err := e.App.DB.UserByName(ctx, "prof.martin")
		if err != nil {
			t.Fatal(err)
		}
		parent, _ := e.App.DB.UserByName(ctx, "parent.dupont")
		msg := func(body string) int64 {
			var id int64
			err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
				var err error
				id, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender.ID, Subject: "Objet", Body: body, To: []string{"user:parent.dupont"},
					Status: bouclier.StatusDelivered, SentAt: store.Micros(e.Clock.Now()), UAI: sender.UAI, Academie: "versailles"}, []int64{parent.ID})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		first, second := msg("Votre enfant a oublié son cahier."), msg("Votre enfant ne mérite pas sa place.")
		reporter := e.Actor(t, "parent.dupont")
		for _, id := range []int64{first, second} {
			if err := e.App.Moderation.Report(ctx, reporter, id, "Harcèlement"); err != nil {
				t.Fatal(err)
			}
		}
		head := e.Actor(t, "principal.moulin")
		open := func() []store.Report {
			t.Helper()
			rs, err := e.App.Moderation.Reports(ctx, head)
			if err != nil {
				t.Fatal(err)
			}
			return rs
		}
		rs := open()
		if len(rs) != 2 {
			t.Fatalf("reports: %+v", rs)
		}
		var firstReport int64
		for _, r := range rs {
			if r.MessageID == first {
				firstReport = r.ID
			}
		}
		if err := e.App.Moderation.DismissReport(ctx, e.Actor(t, "prof.hugo"), firstReport); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("a teacher dismisses: %v", err)
		}
		if err := e.App.Moderation.DismissReport(ctx, e.Actor(t, "rssi.versailles"), 999999); bouclier.ErrorCode(err) != bouclier.ErrNotFound {
			t.Errorf("unknown report: %v", err)
		}
		if err := e.App.Moderation.DismissReport(ctx, head, firstReport); err != nil {
			t.Fatal(err)
		}
		if err := e.App.Moderation.DismissReport(ctx, head, firstReport); bouclier.ErrorCode(err) != bouclier.ErrConflict {
			t.Errorf("twice: %v", err)
		}
		if rs := open(); len(rs) != 1 || rs[0].MessageID != second {
			t.Errorf("after dismissing: %+v", rs)
		}
		if n, err := e.App.DB.CountOpenReports(ctx, "0780001A", ""); err != nil || n != 1 {
			t.Errorf("open count: %d %v", n, err)
		}
		if r, err := e.App.DB.ReportByID(ctx, firstReport); err != nil || r.ClosedAt == 0 || r.ClosedBy != "principal.moulin" {
			t.Errorf("closed report: %+v %v", r, err)
		}
		// Recalling handles the other.
		if err := e.App.Moderation.Recall(ctx, head, second); err != nil {
			t.Fatal(err)
		}
		if rs := open(); len(rs) != 0 {
			t.Errorf("a recalled message's report still listed: %+v", rs)
		}
	})
}
