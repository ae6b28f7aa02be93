package campaign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/messaging"
)

// floodNotice is the ordinary part of what a held account goes on
// sending: the screen delivers it, its likeness to the incident's first
// message holds it.
const floodNotice = "Bonjour à tous, la réunion parents professeurs aura lieu jeudi soir en salle polyvalente, merci de confirmer votre présence et de prévoir le cahier de correspondance de votre enfant."

// floodThreat is the alarming message that opened the incident: the
// notice with a veiled threat added.
const floodThreat = floodNotice + " Profitez bien tant que rien n'est arrivé, ça ne va pas durer, nous savons où est votre salle."

// sendQueued sends as name with a session from a new device and leaves
// what the detector observed in its queue (no Flush), as a burst of sends
// between two passes of the detector's worker does.
func sendQueued(t *testing.T, e *apptest.Env, name string, to []string, body string) messaging.Result {
	t.Helper()
	ctx := context.Background()
	u := user(t, e, name)
	now := e.Clock.Now()
	sess := auth.Session{User: u, CreatedAt: now.Add(-2 * time.Minute), AuthAt: now, MFAAt: now}
	res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), u, messaging.Draft{To: to, Subject: "Information", Body: body}, "test")
	if err != nil {
		t.Fatalf("send as %s: %v", name, err)
	}
	return res
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
	const uai = "0990001A"
	wide := []string{"class:" + uai + "/C1", "class:" + uai + "/C2", "parents:" + uai + "/C1", "parents:" + uai + "/C2", "staff:" + uai}
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 1)
		ctx := context.Background()
		first := mustSend(t, e, sender{"prof.1", false}, wide, "Information", floodThreat)
		if err := e.App.Campaign.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		cs := incidents(t, e)
		if len(cs) != 1 || message(t, e, first.ID).Status != bouclier.StatusHeld {
			t.Fatalf("the first copy opened no incident: %+v", cs)
		}
		const n = 200
		var ids []int64
		for i := range n {
			res := sendQueued(t, e, "prof.1", wide, fmt.Sprintf("%s (%d)", floodNotice, i))
			if res.Status != bouclier.StatusHeld {
				t.Fatalf("copy %d: %s", i, res.Status)
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
		sendQueued(t, e, "prof.1", wide, floodNotice+" Merci d’avance.")
		before = e.App.Campaign.Neighbourhoods()
		if err := e.App.Campaign.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if q := e.App.Campaign.Neighbourhoods() - before; q == 0 {
			t.Errorf("a copy sent after the pace was not assessed")
		}
	})
}
