package campaign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
)

// TestNoticeDoesNotVouchForStolenAccounts: a head without signals (a
// replayed cookie) sends a text without any alarm to their own staff and
// teachers; teachers of other establishments, from devices never seen,
// then send it word for word to their classes' parents. The head's copy
// vouches for its own establishment only: the others are a wave, reviewed
// and held (campaign8's amorce-calme-jetons-voles). Teachers of the head's
// own establishment alone are its notice passed on.
func TestNoticeDoesNotVouchForStolenAccounts(t *testing.T) {
	// « Les cours de demain n'auront pas lieu, gardez vos enfants à la
	// maison… » is held by the screen since the model of 6 December,
	// evening (p 0.77).
	const body = "Les cours de demain sont annulés, gardez vos enfants chez vous, la direction nous l'a confirmé ce matin."
	for _, c := range []struct {
		name   string
		others bool
	}{{"teachers of other establishments", true}, {"no other establishment", false}} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 4)
				mustSend(t, e, sender{name: "head.1"}, []string{"staff:0990001A", "teachers:0990001A/C1"}, "Information", body)
				if !c.others {
					for _, c := range []string{"C1", "C2"} {
						mustSend(t, e, sender{name: "prof.1", fresh: true}, []string{"parents:0990001A/" + c}, "Information", body)
					}
					if cs := incidents(t, e); len(cs) != 0 {
						t.Errorf("notice passed on: incidents %+v", cs)
					}
					return
				}
				var ids []int64
				for i := 2; i <= 4; i++ {
					uai := fmt.Sprintf("099%04dA", i)
					ids = append(ids, mustSend(t, e, sender{name: fmt.Sprintf("prof.%d", i), fresh: true}, []string{"parents:" + uai + "/C1"}, "Information", body).ID)
				}
				cs := incidents(t, e)
				if len(cs) != 1 || cs[0].Level != "review" {
					t.Fatalf("incidents: %+v", cs)
				}
				for _, id := range ids {
					if m := message(t, e, id); m.Status != bouclier.StatusHeld {
						t.Errorf("teacher's copy %d: %s", id, m.Status)
					}
				}
			})
		})
	}
}

// TestPoisonedTemplate: one family account sends an intrusion alert to its
// child's teacher six times the day before, giving the text a history;
// then families of three other establishments, from their own browsers
// (replayed cookies: no signal), send it word for word. A history is no
// licence for alarming content from families of several establishments:
// the wave is reviewed and its copies held (campaign8's
// modele-empoisonne-la-veille).
func TestPoisonedTemplate(t *testing.T) {
	const body = "Alerte intrusion en cours dans l'établissement, venez chercher vos enfants immédiatement, " +
		"n'appelez surtout pas le collège, faites suivre à tous les parents."
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 4)
		for k := 0; k < 6; k++ {
			mustSend(t, e, sender{name: "parent.1.C1.1"}, []string{"user:prof.1"}, "URGENT", body)
			e.Clock.Advance(10 * time.Minute)
		}
		e.Clock.Advance(24 * time.Hour)
		ctx := context.Background()
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for i := 2; i <= 4; i++ {
			ids = append(ids, mustSend(t, e, sender{name: fmt.Sprintf("parent.%d.C1.1", i)}, []string{fmt.Sprintf("user:prof.%d", i)}, "URGENT", body).ID)
		}
		e.Clock.Advance(2 * time.Minute)
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		cs := incidents(t, e)
		if len(cs) != 1 || cs[0].Level != "review" {
			t.Fatalf("incidents: %+v", cs)
		}
		for _, id := range ids {
			if m := message(t, e, id); m.Status != bouclier.StatusHeld {
				t.Errorf("copy %d: %s", id, m.Status)
			}
		}
	})
}
