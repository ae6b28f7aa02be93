package campaign_test

import (
	"context"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// TestRecordAndCounts: an observation is written by Record in the send's
// transaction or, told by Stored alone, by the worker; the worker counts
// each key once per message carrying it, whichever way the observation was
// written, several messages with one key in one flush included.
func TestRecordAndCounts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		u, err := e.App.DB.UserByName(ctx, "prof.martin")
		if err != nil {
			t.Fatal(err)
		}
		sctx := auth.WithSession(ctx, auth.Session{User: u, CreatedAt: e.Clock.Now().Add(-time.Hour), KnownDevice: true})
		r := directory.Resolved{Recipients: []int64{1001, 1002}, Groups: 1, Schools: []string{"0780001A"}}
		textA := "Sortie au musée jeudi : rendez-vous devant le collège à huit heures, prévoir un pique-nique et des chaussures de marche."
		textB := "Conseil de classe reporté : la réunion des délégués aura lieu lundi prochain en salle polyvalente après les cours."
		d := e.App.Campaign
		observe := func(id int64, body string, inTx bool) {
			t.Helper()
			o := &messaging.Observed{Sender: u, Recipients: r, Subject: "Information", Body: body, Links: []string{"sortie-musee.example.org"},
				Verdict: bouclier.VerdictDeliver, Status: bouclier.StatusDelivered, At: e.Clock.Now()}
			d.Watch(sctx, o)
			if inTx {
				write := d.Record(sctx, o)
				if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return write(ctx, tx, id) }); err != nil {
					t.Fatal(err)
				}
				if _, err := e.App.DB.CampaignObsByID(ctx, id); err != nil {
					t.Fatalf("observation %d not written by Record: %v", id, err)
				}
			}
			o.ID, o.Recorded = id, inTx
			d.Stored(sctx, o)
		}
		observe(1, textA, true)
		observe(2, textA, false)
		observe(3, textB, true)
		if err := d.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		var link int64
		for id := int64(1); id <= 3; id++ {
			o, err := e.App.DB.CampaignObsByID(ctx, id)
			if err != nil {
				t.Fatalf("observation %d: %v", id, err)
			}
			if len(o.Extra) != 1 {
				t.Fatalf("observation %d: extra keys %v, want the link's", id, o.Extra)
			}
			link = o.Extra[0]
		}
		day := e.Clock.Now().Unix() / 86400
		bands := func(text string) []int64 {
			return campaign.SignTerms(campaign.FrenchModel{}.Terms("Information " + text)).BandKeys()
		}
		want := map[int64]int{link: 3}
		for _, k := range bands(textA) {
			want[k] += 2
		}
		for _, k := range bands(textB) {
			want[k]++
		}
		if len(want) < 3 {
			t.Fatalf("texts too short for a signature: %v", want)
		}
		var keys []int64
		for k := range want {
			keys = append(keys, k)
		}
		got, err := e.App.DB.CampaignHistory(ctx, keys, day, day+1)
		if err != nil {
			t.Fatal(err)
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("key %d counted %d times, want %d", k, got[k], n)
			}
		}
	})
}

// TestHistoryWaitsInMemory: the daily key counts wait in memory between
// explicit flushes; what detection reads counts them all the same, once,
// before and after they are written; a write that fails loses none.
func TestHistoryWaitsInMemory(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		u, err := e.App.DB.UserByName(ctx, "prof.martin")
		if err != nil {
			t.Fatal(err)
		}
		sctx := auth.WithSession(ctx, auth.Session{User: u, CreatedAt: e.Clock.Now().Add(-time.Hour), KnownDevice: true})
		r := directory.Resolved{Recipients: []int64{1001, 1002}, Groups: 1, Schools: []string{"0780001A"}}
		text := "Sortie au musée jeudi : rendez-vous devant le collège à huit heures, prévoir un pique-nique et des chaussures de marche."
		d := e.App.Campaign
		if err := d.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		d.HoldHistory()
		for id := int64(1); id <= 3; id++ {
			o := &messaging.Observed{Sender: u, Recipients: r, Subject: "Information", Body: text,
				Verdict: bouclier.VerdictDeliver, Status: bouclier.StatusDelivered, At: e.Clock.Now()}
			d.Watch(sctx, o)
			write := d.Record(sctx, o)
			if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return write(ctx, tx, id) }); err != nil {
				t.Fatal(err)
			}
			o.ID, o.Recorded = id, true
			d.Stored(sctx, o)
		}
		if err := d.FlushQueued(ctx); err != nil {
			t.Fatal(err)
		}
		day := e.Clock.Now().Unix() / 86400
		keys := campaign.SignTerms(campaign.FrenchModel{}.Terms("Information " + text)).BandKeys()
		if len(keys) == 0 {
			t.Fatal("text too short for a signature")
		}
		check := func(when string, stored, read int) {
			t.Helper()
			db, err := e.App.DB.CampaignHistory(ctx, keys, day, day+1)
			if err != nil {
				t.Fatal(err)
			}
			seen, err := d.HistoryOf(ctx, keys, day, day+1)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range keys {
				if db[k] != stored || seen[k] != read {
					t.Fatalf("%s: key %d stored %d times, read %d; want %d and %d", when, k, db[k], seen[k], stored, read)
				}
			}
			// Days around it see nothing.
			if other, err := d.HistoryOf(ctx, keys, day+1, day+3); err != nil || len(other) != 0 {
				t.Fatalf("%s: the next days read %v, %v", when, other, err)
			}
		}
		check("waiting", 0, 3)
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if err := d.Flush(cancelled); err == nil {
			t.Fatal("flush with an ended context reported no error")
		}
		check("after a failed write", 0, 3)
		if err := d.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		check("written", 3, 3)
	})
}
