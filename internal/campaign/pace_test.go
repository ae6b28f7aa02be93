package campaign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/store"
)

// floodNotice is the ordinary part of what a held account goes on
// sending: the screen delivers it, its likeness to the incident's first
// message holds it.
const floodNotice = "Bonjour à tous, la réunion parents professeurs aura lieu jeudi soir en salle polyvalente, merci de confirmer votre présence et de prévoir le cahier de correspondance de votre enfant."

// floodThreat is the alarming message that opened the incident: the
// notice with a veiled threat added.
const floodThreat = floodNotice + " Profitez bien tant que rien n'est arrivé, ça ne va pas durer, nous savons où est votre salle."

// floodWide is where the held teacher of floodWorld writes: every group of
// their establishment.
var floodWide = []string{"class:0990001A/C1", "class:0990001A/C2", "parents:0990001A/C1", "parents:0990001A/C2", "staff:0990001A"}

// floodWorld sets up one establishment whose teacher prof.1 sent
// floodThreat to floodWide, which opened an incident holding them; it
// returns that incident.
func floodWorld(t *testing.T, e *apptest.Env) store.Campaign {
	t.Helper()
	world(t, e, 1)
	first := mustSend(t, e, sender{"prof.1", false}, floodWide, "Information", floodThreat)
	if err := e.App.Campaign.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	cs := incidents(t, e)
	if len(cs) != 1 || message(t, e, first.ID).Status != bouclier.StatusHeld {
		t.Fatalf("the first copy opened no incident: %+v", cs)
	}
	return cs[0]
}

// TestContainedFloodPaced: an account held for review by its own
// incident goes on sending a text alike to the one that opened it, two
// hundred times between two passes of the worker. Every
// copy is held and attached to the incident, but the copies' cluster is
// not queried two hundred times: per incident and sender it is reassessed
// once, then at most once per distinct content waiting (a flood used to
// cost a cluster query of 500 neighbours per message, and the worker fell
// behind every sender of the server). Past the pace, the next copy is
// assessed again.
func TestContainedFloodPaced(t *testing.T) {
	wide := floodWide
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		floodWorld(t, e)
		ctx := context.Background()
		const n = 200
		var ids []int64
		for i := range n {
			res, err := sendQueued(t, e, sender{"prof.1", true}, wide, "Information", fmt.Sprintf("%s (%d)", floodNotice, i))
			if err != nil || res.Status != bouclier.StatusHeld {
				t.Fatalf("copy %d: %s (%v)", i, res.Status, err)
			}
			ids = append(ids, res.ID)
		}
		before := e.App.Campaign.Neighbourhoods()
		if err := e.App.Campaign.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if q := e.App.Campaign.Neighbourhoods() - before; q > 10 {
			t.Errorf("%d cluster queries for %d copies of one content from one held sender, want at most 10", q, n)
		}
		got := incidents(t, e)
		if len(got) != 1 || got[0].Messages != n+1 {
			t.Fatalf("incidents after the flood: %+v, want one with %d messages", got, n+1)
		}
		for _, id := range ids {
			if s := message(t, e, id).Status; s != bouclier.StatusHeld {
				t.Fatalf("message %d: %s, want held", id, s)
			}
		}

		// Past the pace, the sender's next copy is assessed again: the
		// cluster may have grown meanwhile.
		e.Clock.Advance(campaign.QuietFor + time.Second)
		if _, err := sendQueued(t, e, sender{"prof.1", true}, wide, "Information", floodNotice+" Merci d’avance."); err != nil {
			t.Fatal(err)
		}
		before = e.App.Campaign.Neighbourhoods()
		if err := e.App.Campaign.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if q := e.App.Campaign.Neighbourhoods() - before; q == 0 {
			t.Errorf("a copy sent after the pace was not assessed")
		}
	})
}

// TestFloodAsksNoticesOnce: a held teacher's copies, from their own
// browser, are each asked whether they pass on a notice of their
// establishment's head (relayOfNotice). Where the head sent nothing, the
// store is asked once per NoticeFor, not once a copy (200 reads for 200
// copies before), and again once that is over.
func TestFloodAsksNoticesOnce(t *testing.T) {
	wide := floodWide
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		floodWorld(t, e)
		send := func(i int) {
			t.Helper()
			res, err := sendQueued(t, e, sender{"prof.1", false}, wide, "Information", fmt.Sprintf("%s (%d)", floodNotice, i))
			if err != nil || res.Status != bouclier.StatusHeld {
				t.Fatalf("copy %d: %s (%v)", i, res.Status, err)
			}
		}
		reads := e.App.Campaign.NoticeReads()
		for i := range 50 {
			send(i)
		}
		if r := e.App.Campaign.NoticeReads() - reads; r != 1 {
			t.Errorf("%d reads of the notices for 50 copies within %v, want 1", r, campaign.NoticeFor)
		}
		e.Clock.Advance(campaign.NoticeFor)
		send(50)
		if r := e.App.Campaign.NoticeReads() - reads; r != 2 {
			t.Errorf("%d reads of the notices once %v was over, want 2", r, campaign.NoticeFor)
		}
	})
}

// TestHeldContentWaitsForItsTurn: a held sender's content that waits for
// its turn (pace.go) is reassessed by the worker's next pass once the turn
// has come, though nothing was sent meanwhile, and once only.
func TestHeldContentWaitsForItsTurn(t *testing.T) {
	wide := floodWide
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		incident := floodWorld(t, e)
		ctx := context.Background()
		flush := func() int64 {
			t.Helper()
			before := e.App.Campaign.Neighbourhoods()
			if err := e.App.Campaign.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			return e.App.Campaign.Neighbourhoods() - before
		}
		var ids []int64
		for i := range 2 {
			res, err := sendQueued(t, e, sender{"prof.1", true}, wide, "Information", fmt.Sprintf("%s (%d)", floodNotice, i))
			if err != nil || res.Status != bouclier.StatusHeld {
				t.Fatalf("copy %d: %s (%v)", i, res.Status, err)
			}
			ids = append(ids, res.ID)
			flush()
		}
		if err := e.App.Campaign.WaitTurn(ctx, ids[1], incident.ID); err != nil {
			t.Fatal(err)
		}
		if q := flush(); q != 0 {
			t.Errorf("%d cluster queries before the turn came, want 0", q)
		}
		e.Clock.Advance(campaign.QuietFor)
		if q := flush(); q != 1 {
			t.Errorf("%d cluster queries when the turn came with nothing sent, want 1", q)
		}
		if q := flush(); q != 0 {
			t.Errorf("%d cluster queries after the turn, want 0", q)
		}
	})
}
