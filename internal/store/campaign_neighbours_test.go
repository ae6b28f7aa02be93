package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestCampaignNeighbours: the observations sharing a key are listed once
// each, newest first, since the given time and at most limit, whichever
// keys they share: the newest are chosen from the keys before the
// observations are read.
func TestCampaignNeighbours(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// Messages 1..20 at 1001..1020: even ones carry key 7, odd ones
		// key 9, each a key of its own (100+id); message 21, the newest,
		// carries both 7 and 9.
		err := db.InTx(ctx, func(tx *store.Tx) error {
			for id := int64(1); id <= 21; id++ {
				o := store.CampaignObs{MessageID: id, At: 1000 + id, SenderID: 1, Role: "teacher", Status: "delivered", Keys: []int64{100 + id}}
				switch {
				case id == 21:
					o.At, o.Keys = 2000, []int64{7, 9}
				case id%2 == 0:
					o.Keys = append(o.Keys, 7)
				default:
					o.Keys = append(o.Keys, 9)
				}
				if err := tx.InsertCampaignObs(ctx, o); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		many := func(keys ...int64) []int64 { // past the keys read one by one on SQLite
			for k := int64(5000); len(keys) < 60; k++ {
				keys = append(keys, k)
			}
			return keys
		}
		all := func(from, to int64) []int64 { // to down to from
			var ids []int64
			for id := to; id >= from; id-- {
				ids = append(ids, id)
			}
			return ids
		}
		for _, c := range []struct {
			name  string
			keys  []int64
			since int64
			limit int
			want  []int64
		}{
			{"newest of one key", []int64{7}, 0, 3, []int64{21, 20, 18}},
			{"since", []int64{7}, 1019, 10, []int64{21, 20}},
			{"two keys, each message once", []int64{7, 9}, 0, 100, append([]int64{21}, all(1, 20)...)},
			{"two keys, limit", []int64{9, 7}, 1010, 4, []int64{21, 20, 19, 18}},
			{"a key of its own", []int64{105, 12345}, 0, 10, []int64{5}},
			{"no key shared", []int64{12345}, 0, 10, nil},
			{"since after everything", []int64{7, 9}, 3000, 10, nil},
			{"a key given twice", []int64{7, 7, 105}, 0, 3, []int64{21, 20, 18}},
			{"each key's newest, then the newest of all", []int64{7, 9, 103, 101}, 0, 6, []int64{21, 20, 19, 18, 17, 16}},
			{"many keys, grouped whole", many(7, 9, 103), 0, 5, []int64{21, 20, 19, 18, 17}},
			{"many keys, since", many(9, 105), 1016, 10, []int64{21, 19, 17}},
		} {
			got, err := db.CampaignNeighbours(ctx, c.keys, c.since, c.limit)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var ids []int64
			for _, o := range got {
				ids = append(ids, o.MessageID)
				if o.Role != "teacher" || o.Status != "delivered" {
					t.Errorf("%s: observation %d read back as %+v", c.name, o.MessageID, o)
				}
			}
			if !slices.Equal(ids, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, ids, c.want)
			}
		}
	})
}

// TestCampaignNewNeighbours: of the same newest limit as
// CampaignNeighbours, the members of the incident asked about are left
// out, and only theirs (an incident's gathering skips its members).
func TestCampaignNewNeighbours(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var one, two int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			for id := int64(1); id <= 10; id++ {
				o := store.CampaignObs{MessageID: id, At: 1000 + id, SenderID: 1, Role: "teacher", Status: "held", Keys: []int64{7}}
				if err := tx.InsertCampaignObs(ctx, o); err != nil {
					return err
				}
			}
			var err error
			if one, _, err = tx.OpenCampaign(ctx, "one", "review", "test", 1000); err != nil {
				return err
			}
			if two, _, err = tx.OpenCampaign(ctx, "two", "review", "test", 1000); err != nil {
				return err
			}
			for _, m := range []struct{ campaign, message int64 }{{one, 10}, {one, 8}, {one, 2}, {two, 9}} {
				if _, err := tx.AddCampaignMember(ctx, m.campaign, m.message, 1, 1000+m.message); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name     string
			campaign int64
			since    int64
			limit    int
			want     []int64
		}{
			{"the newest five less the members", one, 0, 5, []int64{9, 7, 6}},
			{"another incident's members stay", two, 0, 5, []int64{10, 8, 7, 6}},
			{"all less the members", one, 0, 100, []int64{9, 7, 6, 5, 4, 3, 1}},
			{"since", one, 1007, 100, []int64{9, 7}},
			{"only members", one, 1010, 100, nil},
		} {
			got, err := db.CampaignNewNeighbours(ctx, c.campaign, []int64{7}, c.since, c.limit)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if ids := messageIDs(got); !slices.Equal(ids, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, ids, c.want)
			}
		}
	})
}

// messageIDs lists the observations' messages, in order.
func messageIDs(obs []store.CampaignObs) []int64 {
	var ids []int64
	for _, o := range obs {
		ids = append(ids, o.MessageID)
	}
	return ids
}
