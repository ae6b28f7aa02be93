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

// schedule sends a message as s to be delivered at at (« Envoyer plus
// tard »), then lets the detector record it.
func schedule(t *testing.T, e *apptest.Env, s sender, to []string, body string, at time.Time) messaging.Result {
	t.Helper()
	ctx := context.Background()
	u := user(t, e, s.name)
	now := e.Clock.Now()
	created := now.Add(-2 * time.Minute)
	if !s.fresh {
		created = now.Add(-48 * time.Hour)
	}
	sess := auth.Session{User: u, CreatedAt: created, AuthAt: now, MFAAt: now, KnownDevice: !s.fresh}
	res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), u, messaging.Draft{To: to, Subject: "Information", Body: body, SendAt: at}, "test")
	if err != nil {
		t.Fatalf("schedule as %s: %v", s.name, err)
	}
	if err := e.App.Campaign.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return res
}

// deliverAndSweep runs the deliverer and the detector's sweep as a
// server does every second, for d of simulated time.
func deliverAndSweep(t *testing.T, e *apptest.Env, d time.Duration) {
	t.Helper()
	ctx := context.Background()
	for end := e.Clock.Now().Add(d); !e.Clock.Now().After(end); e.Clock.Advance(5 * time.Second) {
		if _, err := e.App.Messaging.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// hoaxes are one hoax as four senders word it.
var hoaxes = []string{
	// « Le collège sera fermé demain suite à une alerte, prévenez les autres
	// familles… » is held by the screen since the model of 6 December,
	// early morning (p 0.85).
	"Le collège restera fermé demain suite à une alerte, merci de prévenir les autres familles, ne contactez pas le secrétariat.",
	// « Demain l'établissement restera fermé pour raison de sécurité… »
	// since the model of 6 December, evening (p 0.76); « Fermeture de
	// l'établissement demain pour raison de sécurité… » since the threat
	// head's line of 0.70 (p 0.71).
	"Information : pas de classe demain au collège, merci de relayer aux autres familles, le secrétariat ne répond pas.",
	"Fermeture du collège demain après un problème grave, transmettez aux autres familles, le standard ne répond plus.",
	"Pas de cours demain, le bahut est fermé à cause d'une alerte, merci d'avertir les autres parents, ne contactez pas le secrétariat.",
}

// TestScheduledWave: four hijacked parents of four establishments each
// schedule a hoax from the afternoon on, 5 h 30 apart (never three
// senders within the wave's window, nor within a slow wave's day), all to
// be delivered at 7:00 the next morning. Their probation ends without a wave, and each message waits
// for its time (it is not delivered then); at 7:00 the deliverer shows
// them to the detector as sends, with the account signals of the
// sessions that scheduled them, at the instant of their delivery: the
// four fire as one wave, contained, and none is visible.
func TestScheduledWave(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 4)
		ctx := context.Background()
		fire := time.Date(2026, 11, 25, 7, 0, 0, 0, time.UTC)
		var ids []int64
		for i := 1; i <= 4; i++ {
			res := schedule(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), true}, []string{fmt.Sprintf("user:prof.%d", i)}, hoaxes[i-1], fire)
			ids = append(ids, res.ID)
			// Its probation, and the wait while alike content forms a wave.
			deliverAndSweep(t, e, campaign.DefaultConfig().FormingFor+campaign.DefaultConfig().ProbationFor)
			if s := message(t, e, res.ID).Status; s != bouclier.StatusDeferred {
				t.Fatalf("scheduled copy %d after its probation: %s, want deferred until %s", i, s, fire)
			}
			e.Clock.Advance(5*time.Hour + 30*time.Minute - campaign.DefaultConfig().FormingFor - campaign.DefaultConfig().ProbationFor)
		}
		if n := len(incidents(t, e)); n != 0 {
			t.Fatalf("%d incidents before the wave fires", n)
		}
		e.Clock.Set(fire.Add(-10 * time.Second))
		deliverAndSweep(t, e, 3*time.Minute)
		for i, id := range ids {
			if n, err := e.App.DB.VisibleCopies(ctx, id); err != nil || n != 0 {
				t.Errorf("copy %d: %d visible (%v), status %s", i+1, n, err, message(t, e, id).Status)
			}
		}
		cs := incidents(t, e)
		if len(cs) == 0 {
			t.Fatalf("no incident when the scheduled wave fired")
		}
		// Contained, not only held: the accounts that scheduled it are
		// locked on the signals of their sessions.
		locked := 0
		for i := 1; i <= 4; i++ {
			if user(t, e, fmt.Sprintf("parent.%d.C1.1", i)).ReadOnly {
				locked++
			}
		}
		if cs[0].Level != "contain" || locked < 2 {
			t.Errorf("incident at level %q, %d of 4 accounts locked: want contained on the sessions' signals", cs[0].Level, locked)
		}
	})
}

// TestScheduledFromNewPhone: a parent schedules a message with words of
// alarm (new content: probation) from a new phone: it waits its
// probation, then its time, then is delivered at its time (once more
// watched, its probation once more), not held for good.
func TestScheduledFromNewPhone(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 2)
		ctx := context.Background()
		fire := e.Clock.Now().Add(3 * time.Hour)
		res := schedule(t, e, sender{"parent.1.C1.1", true}, []string{"user:prof.1"}, "Attention, la piscine est fermée jeudi pour travaux, pouvez-vous prévenir les autres parents du groupe ? Merci.", fire)
		if s := message(t, e, res.ID).Status; s != bouclier.StatusHeld {
			t.Fatalf("at its send: %s, want held on probation", s)
		}
		deliverAndSweep(t, e, 2*campaign.DefaultConfig().ProbationFor)
		if s := message(t, e, res.ID).Status; s != bouclier.StatusDeferred {
			t.Fatalf("after its probation: %s, want deferred", s)
		}
		e.Clock.Set(fire.Add(-5 * time.Second))
		deliverAndSweep(t, e, 3*time.Minute)
		if s := message(t, e, res.ID).Status; s != bouclier.StatusDelivered {
			t.Errorf("at its time: %s, want delivered", s)
		}
		if n, err := e.App.DB.VisibleCopies(ctx, res.ID); err != nil || n != 1 {
			t.Errorf("%d copies visible (%v), want 1", n, err)
		}
	})
}
