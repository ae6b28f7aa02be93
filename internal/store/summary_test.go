package store_test

import (
	"context"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestHeldCopiesAndCampaignSummary: the counts behind the grouped
// moderation queue and the incident summary, on both databases: held
// copies of one text within a scope (messages, distinct mailboxes,
// establishments), an incident's texts by frequency and its times.
func TestHeldCopiesAndCampaignSummary(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sender, rcpt := batchUsers(t, db, 3)
		var camp int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if camp, _, err = tx.OpenCampaign(ctx, "seed", "review", "r", 1); err != nil {
				return err
			}
			for i, c := range []struct {
				uai, aca, subject, fp string
				status                bouclier.MessageStatus
				to                    []int64
			}{
				{"A", "v", "Ce soir", "fp", bouclier.StatusHeld, rcpt[:2]},
				{"B", "v", "Ce soir", "fp", bouclier.StatusHeld, rcpt[1:]},
				{"B", "v", "Ce soir", "fp", bouclier.StatusHeld, rcpt[:1]},
				{"C", "r", "Ce soir", "fp", bouclier.StatusHeld, rcpt[:1]},  // another académie
				{"A", "v", "Autre", "fp", bouclier.StatusHeld, rcpt[:1]},    // another subject
				{"A", "v", "Ce soir", "fp", bouclier.StatusDelivered, rcpt}, // not held
			} {
				id, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: c.subject, Body: "Tous au portail " + c.fp,
					Status: c.status, UAI: c.uai, Academie: c.aca, Fingerprint: c.fp}, c.to)
				if err != nil {
					return err
				}
				if _, err := tx.AddCampaignMember(ctx, camp, id, sender, int64(100-i)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			uai, aca                  string
			ids, boxes, establishment int
		}{{"", "v", 3, 3, 2}, {"B", "", 2, 3, 1}, {"", "", 4, 3, 3}} {
			got, err := db.HeldCopiesOf(ctx, c.uai, c.aca, "fp", "Ce soir")
			if err != nil {
				t.Fatal(err)
			}
			if len(got.IDs) != c.ids || got.Mailboxes != c.boxes || got.Establishments != c.establishment {
				t.Errorf("%q %q: %d ids, %d mailboxes, %d establishments; want %d, %d, %d", c.uai, c.aca, len(got.IDs), got.Mailboxes, got.Establishments, c.ids, c.boxes, c.establishment)
			}
		}
		texts, err := db.CampaignTexts(ctx, camp, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(texts) != 2 || texts[0].Subject != "Ce soir" || texts[0].Count != 5 || texts[1].Count != 1 || texts[0].Body != "Tous au portail fp" {
			t.Errorf("texts: %+v", texts)
		}
		times, err := db.CampaignTimes(ctx, camp)
		if err != nil {
			t.Fatal(err)
		}
		if len(times) != 6 || times[0] != 95 || times[5] != 100 {
			t.Errorf("times: %v", times)
		}
	})
}
