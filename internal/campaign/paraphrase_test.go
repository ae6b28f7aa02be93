package campaign_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/campaign"
)

// paraphrases of one false alarm, each sentence phrased differently: they
// share no band key, only a few terms.
var paraphrases = []string{
	"URGENT : alerte intrusion en cours dans l'établissement, venez chercher vos enfants immédiatement, n'appelez surtout pas le collège, faites suivre à tous les parents.",
	"URGENT : un individu armé a été signalé près du collège, récupérez votre enfant au plus vite, ne téléphonez pas, partagez ce message aux autres familles.",
}

// TestParaphraseSharesNoKey: two teachers of two establishments, their
// sessions showing nothing new, send paraphrases of one alarm that share
// no grouping key, 30 seconds apart: the first copy is not released at
// the end of its probation, alike content having come from another
// establishment meanwhile.
func TestParaphraseSharesNoKey(t *testing.T) {
	a, b := campaign.Sign(paraphrases[0]), campaign.Sign(paraphrases[1])
	for _, k := range a.BandKeys() {
		if slices.Contains(b.BandKeys(), k) {
			t.Fatalf("the paraphrases share a band key")
		}
	}
	if !campaign.AlarmingText(paraphrases[0]) || !campaign.AlarmingText(paraphrases[1]) {
		t.Fatalf("the paraphrases are not alarming")
	}
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 2)
		ctx := context.Background()
		var ids []int64
		for i := 1; i <= 2; i++ {
			uai := fmt.Sprintf("099%04dA", i)
			res := mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{"parents:" + uai + "/C1"}, "Information", paraphrases[i-1])
			if res.Status != bouclier.StatusHeld {
				t.Fatalf("copy %d sent at once: %s", i, res.Status)
			}
			ids = append(ids, res.ID)
			e.Clock.Advance(30 * time.Second)
			if err := e.App.Campaign.Sweep(ctx); err != nil {
				t.Fatal(err)
			}
		}
		e.Clock.Advance(campaign.DefaultConfig().ProbationFor)
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		if s := message(t, e, ids[0]).Status; s != bouclier.StatusHeld {
			t.Errorf("first copy after its probation: %s, want held while the wave forms", s)
		}
	})
}
