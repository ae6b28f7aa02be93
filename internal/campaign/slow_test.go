package campaign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/campaign"
)

// slowAlarm are one false alarm as three teachers word it.
var slowAlarm = []string{
	// The test needs false alarms the screen delivers. Paraphrases were
	// replaced when a model came to hold them: « Alerte intrusion en cours
	// dans l'établissement, venez chercher vos enfants immédiatement,
	// n'appelez surtout pas le collège… » (model of 6 December, night,
	// p 0.83); « Alerte intrusion en cours, venez chercher vos enfants
	// immédiatement, n'appelez surtout pas le collège… » (6 December, early
	// morning, p 0.89); « Alerte intrusion en cours, venez récupérer vos
	// enfants tout de suite, n'appelez surtout pas l'établissement… »
	// (6 December, evening, p 0.87); « Un individu armé a été signalé près
	// du collège, récupérez votre enfant au plus vite, ne téléphonez pas,
	// partagez ce message aux autres familles. » (7 December, night, at
	// the threat head's line of 0.62, p 0.65).
	"Alerte intrusion, récupérez vos enfants tout de suite au portail, inutile d'appeler, faites suivre aux autres parents.",
	"Un individu suspect a été vu près du collège, récupérez votre enfant au plus vite, ne téléphonez pas, partagez ce message aux autres familles.",
	"Situation de crise au collège ce matin, les familles doivent venir chercher les élèves tout de suite, inutile de contacter la vie scolaire, prévenez les parents que vous connaissez.",
}

// TestSlowWaveOverTheDay: three teachers of three establishments, their
// sessions showing nothing new, each send a paraphrase of one false alarm
// to one class's parents (their usual), 65 minutes apart: never three
// senders within the wave's window. The third copy makes it a wave over
// the day: it is held, and the first two, out already, are taken back.
func TestSlowWaveOverTheDay(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 3)
		ctx := context.Background()
		var ids []int64
		for i := 1; i <= 3; i++ {
			uai := fmt.Sprintf("099%04dA", i)
			res := mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{"parents:" + uai + "/C1"}, "Information", slowAlarm[i-1])
			ids = append(ids, res.ID)
			if i < 3 {
				deliverAndSweep(t, e, campaign.DefaultConfig().FormingFor+campaign.DefaultConfig().ProbationFor)
				if n, err := e.App.DB.VisibleCopies(ctx, res.ID); err != nil || n == 0 {
					t.Fatalf("copy %d not out after its probation: %d visible (%v)", i, n, err)
				}
				e.Clock.Advance(65*time.Minute - campaign.DefaultConfig().FormingFor)
			}
		}
		if len(incidents(t, e)) == 0 {
			t.Fatalf("no incident after the third copy")
		}
		deliverAndSweep(t, e, 10*time.Second)
		for i, id := range ids {
			if n, err := e.App.DB.VisibleCopies(ctx, id); err != nil || n != 0 {
				t.Errorf("copy %d: %d visible (%v), status %s", i+1, n, err, message(t, e, id).Status)
			}
		}
		for i := 1; i <= 3; i++ {
			if user(t, e, fmt.Sprintf("prof.%d", i)).ReadOnly {
				t.Errorf("prof.%d locked: nothing about the account is suspect, the académie decides", i)
			}
		}
		if s := message(t, e, ids[2]).Status; s != bouclier.StatusHeld {
			t.Errorf("third copy: %s, want held", s)
		}
	})
}
