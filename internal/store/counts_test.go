package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestPendingCounts: the admin home's counts, per establishment, académie
// and everywhere: held messages not recalled, reports on messages not
// recalled, open incidents touching the scope.
func TestPendingCounts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, people := batchUsers(t, db, 3)
		msg := func(tx *store.Tx, status bouclier.MessageStatus, uai, aca string) int64 {
			id, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "s", Body: "b", To: []string{"user:x"},
				Status: status, SentAt: 100, UAI: uai, Academie: aca}, people)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		err := db.InTx(ctx, func(tx *store.Tx) error {
			if err := twoAcademies(ctx, tx); err != nil {
				return err
			}
			msg(tx, bouclier.StatusHeld, "A1", "A")
			msg(tx, bouclier.StatusHeld, "A1", "A")
			msg(tx, bouclier.StatusHeld, "A2", "A")
			msg(tx, bouclier.StatusHeld, "B1", "B")
			recalled := msg(tx, bouclier.StatusHeld, "A1", "A")
			delivered := msg(tx, bouclier.StatusDelivered, "A1", "A")
			deliveredB := msg(tx, bouclier.StatusDelivered, "B1", "B")
			recalledDelivered := msg(tx, bouclier.StatusDelivered, "A2", "A")
			for _, id := range []int64{recalled, recalledDelivered} {
				if _, err := tx.Recall(ctx, id, "chef", 200); err != nil {
					return err
				}
			}
			for _, r := range []struct {
				msg, by int64
				uai     string
			}{{delivered, people[0], "A1"}, {delivered, people[1], "A1"}, {recalledDelivered, people[0], "A2"}, {deliveredB, people[2], "B1"}} {
				if _, err := tx.AddReport(ctx, store.Report{MessageID: r.msg, ReporterID: r.by, Reason: "insulte", UAI: r.uai, CreatedAt: 300}); err != nil {
					return err
				}
			}
			for i, places := range [][]string{{"A1", "B1"}, {"A2"}, {"A1"}} {
				c, _, err := tx.OpenCampaign(ctx, fmt.Sprint("seed", i), "high", "vague", 400)
				if err != nil {
					return err
				}
				for _, p := range places {
					if _, err := tx.AddCampaignPlace(ctx, c, p, p[:1]); err != nil {
						return err
					}
				}
				if i == 2 {
					if _, err := tx.CloseCampaign(ctx, c, "chef", 500); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			uai, aca                 string
			held, reports, incidents int
		}{
			{"A1", "", 2, 2, 1},
			{"A2", "", 1, 0, 1},
			{"B1", "", 1, 1, 1},
			{"", "A", 3, 2, 2},
			{"", "B", 1, 1, 1},
			{"", "", 4, 3, 2},
			{"Z9", "", 0, 0, 0},
		} {
			held, err1 := db.CountHeld(ctx, c.uai, c.aca)
			reports, err2 := db.CountOpenReports(ctx, c.uai, c.aca)
			incidents, err3 := db.CountOpenIncidents(ctx, c.uai, c.aca)
			if err1 != nil || err2 != nil || err3 != nil {
				t.Fatal(err1, err2, err3)
			}
			if held != c.held || reports != c.reports || incidents != c.incidents {
				t.Errorf("%q/%q: held %d reports %d incidents %d, want %d %d %d", c.uai, c.aca, held, reports, incidents, c.held, c.reports, c.incidents)
			}
		}
	})
}
