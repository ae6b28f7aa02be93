package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestCampaignRecentSends: a sender's newest sends since a time come one
// by one, in time order, at most limit; the older ones in the window are
// summed by set of establishments, stamped with the newest they sum, so
// that the window's totals are those of every send; other senders and
// sends before the window are left out.
func TestCampaignRecentSends(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// Sender 1: messages 1..12 at 100..1200, i recipients, one group
		// every third, establishment A, B for messages 4 and 8; messages
		// 11 and 12 at the same time. Sender 2: message 13.
		err := db.InTx(ctx, func(tx *store.Tx) error {
			for id := int64(1); id <= 13; id++ {
				o := store.CampaignObs{MessageID: id, At: 100 * id, SenderID: 1, Role: "teacher", Status: "delivered",
					Recipients: int(id), Schools: []string{"A"}}
				if id%3 == 0 {
					o.Groups = 1
				}
				if id == 4 || id == 8 {
					o.Schools = []string{"B"}
				}
				if id == 12 {
					o.At = 1100
				}
				if id == 13 {
					o.SenderID = 2
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
		type totals struct {
			recipients, groups int
			schools            []string
		}
		sum := func(rs []store.RecentSend) totals {
			var t totals
			for _, r := range rs {
				t.recipients += r.Recipients
				t.groups += r.Groups
				for _, s := range r.Schools {
					if !slices.Contains(t.schools, s) {
						t.schools = append(t.schools, s)
					}
				}
			}
			slices.Sort(t.schools)
			return t
		}
		for _, c := range []struct {
			name    string
			since   int64
			limit   int
			newest  []int // recipients of the sends listed one by one
			summed  int   // entries summing the older ones
			want    totals
			firstAt int64 // time of the first entry
		}{
			{"all one by one", 0, 20, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 0, totals{78, 4, []string{"A", "B"}}, 100},
			{"window", 450, 20, []int{5, 6, 7, 8, 9, 10, 11, 12}, 0, totals{68, 3, []string{"A", "B"}}, 500},
			{"older summed", 0, 4, []int{9, 10, 11, 12}, 2, totals{78, 4, []string{"A", "B"}}, 700},
			{"tie at the limit's edge", 0, 1, []int{12}, 2, totals{78, 4, []string{"A", "B"}}, 800},
			{"window and summed", 450, 3, []int{10, 11, 12}, 2, totals{68, 3, []string{"A", "B"}}, 800},
		} {
			got, err := db.CampaignRecentSends(ctx, 1, c.since, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != c.summed+len(c.newest) {
				t.Fatalf("%s: %d entries, want %d summed and %d", c.name, len(got), c.summed, len(c.newest))
			}
			var newest []int
			for _, r := range got[c.summed:] {
				newest = append(newest, r.Recipients)
			}
			if !slices.Equal(newest, c.newest) {
				t.Errorf("%s: newest %v, want %v", c.name, newest, c.newest)
			}
			if s := sum(got); s.recipients != c.want.recipients || s.groups != c.want.groups || !slices.Equal(s.schools, c.want.schools) {
				t.Errorf("%s: totals %+v, want %+v", c.name, s, c.want)
			}
			if got[0].At != c.firstAt || !slices.IsSortedFunc(got, func(a, b store.RecentSend) int { return int(a.At - b.At) }) {
				t.Errorf("%s: times %v, want from %d in order", c.name, got, c.firstAt)
			}
		}
	})
}
