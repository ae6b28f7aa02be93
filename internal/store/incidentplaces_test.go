package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestIncidentPlaces: each establishment of an incident with its messages
// in that incident and their distinct senders, most messages first; one
// touched only as a recipient counts 0; another incident's messages and
// messages outside any incident do not count.
func TestIncidentPlaces(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var incident, other int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			if err := twoAcademies(ctx, tx); err != nil {
				return err
			}
			senders := map[string]int64{}
			for _, s := range []struct{ name, uai, aca string }{{"a1.x", "A1", "A"}, {"a1.y", "A1", "A"}, {"a2.x", "A2", "A"}, {"b1.x", "B1", "B"}} {
				id, err := tx.UpsertUser(ctx, bouclier.User{Username: s.name, DisplayName: s.name, Role: bouclier.RoleTeacher, UAI: s.uai, Academie: s.aca}, "", time.Now())
				if err != nil {
					return err
				}
				senders[s.name] = id
			}
			var err error
			if incident, _, err = tx.OpenCampaign(ctx, "seed1", "high", "vague", 100); err != nil {
				return err
			}
			if other, _, err = tx.OpenCampaign(ctx, "seed2", "high", "autre", 100); err != nil {
				return err
			}
			for _, p := range []struct {
				c   int64
				uai string
			}{{incident, "A1"}, {incident, "A2"}, {incident, "B1"}, {other, "A1"}} {
				if _, err := tx.AddCampaignPlace(ctx, p.c, p.uai, p.uai[:1]); err != nil {
					return err
				}
			}
			n := 0
			send := func(c int64, sender, uai string) error {
				n++
				id, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: senders[sender], Subject: fmt.Sprint("s", n), Body: "b", To: []string{"user:x"},
					Status: bouclier.StatusHeld, SentAt: int64(100 + n), UAI: uai, Academie: uai[:1]}, nil)
				if err != nil || c == 0 {
					return err
				}
				_, err = tx.AddCampaignMember(ctx, c, id, senders[sender], int64(100+n))
				return err
			}
			for _, m := range []struct {
				c           int64
				sender, uai string
			}{
				{incident, "a2.x", "A2"}, {incident, "a2.x", "A2"}, {incident, "a2.x", "A2"}, {incident, "a2.x", "A2"},
				{incident, "a1.x", "A1"}, {incident, "a1.x", "A1"}, {incident, "a1.y", "A1"},
				{other, "a1.x", "A1"}, {other, "a1.y", "A1"}, {other, "a1.y", "A1"}, {other, "a1.y", "A1"},
				{0, "a2.x", "A2"}, {0, "b1.x", "B1"},
			} {
				if err := send(m.c, m.sender, m.uai); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.IncidentPlaces(ctx, incident)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.IncidentPlace{{UAI: "A2", Messages: 4, Accounts: 1}, {UAI: "A1", Messages: 3, Accounts: 2}, {UAI: "B1"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("incident places: %+v, want %+v", got, want)
		}
		if got, err := db.IncidentPlaces(ctx, other); err != nil || !reflect.DeepEqual(got, []store.IncidentPlace{{UAI: "A1", Messages: 4, Accounts: 2}}) {
			t.Errorf("other incident: %+v %v", got, err)
		}
		if got, err := db.IncidentPlaces(ctx, other+100); err != nil || len(got) != 0 {
			t.Errorf("no incident: %+v %v", got, err)
		}
	})
}
