package campaign_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
)

// TestHijackedHeadsLink: the heads of three establishments, from devices
// and networks their accounts never used (stolen passwords), send their
// parents and staff a quiet invitation on a domain the service never saw
// (campaign13's chefs-mot-de-passe-rendez-vous): each copy waits its
// minute and the wave is held for review, nobody locked. Sent from their
// known devices, as every head passes the rectorat's survey on, nothing
// waits and nothing is held.
func TestHijackedHeadsLink(t *testing.T) {
	const body = "Madame, Monsieur, les rencontres parents-professeurs se réservent désormais en ligne, merci de choisir un créneau avant vendredi : " +
		"https://rdv.reservation-creneaux-parents.fr/rencontres"
	for _, c := range []struct {
		name  string
		fresh bool
		want  bouclier.MessageStatus
		level string
	}{
		{"stolen passwords", true, bouclier.StatusHeld, "review"},
		{"known devices", false, bouclier.StatusDelivered, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 3)
				var ids []int64
				for i := 1; i <= 3; i++ {
					uai := fmt.Sprintf("099%04dA", i)
					res := mustSend(t, e, sender{fmt.Sprintf("head.%d", i), c.fresh}, []string{"parents:" + uai + "/C1", "parents:" + uai + "/C2", "staff:" + uai},
						"Rencontres parents-professeurs", body)
					if res.Status != c.want {
						t.Errorf("head.%d's copy: %s, want %s (%v)", i, res.Status, c.want, reasonsOf(t, e, res))
					}
					ids = append(ids, res.ID)
				}
				cs := incidents(t, e)
				if c.level == "" {
					if len(cs) != 0 {
						t.Fatalf("incidents: %+v", cs)
					}
					return
				}
				if len(cs) != 1 || cs[0].Level != c.level || len(cs[0].Locked) != 0 {
					t.Fatalf("incidents: %+v, want one at level %s, nobody locked", cs, c.level)
				}
				for _, id := range ids {
					if n, _ := e.App.DB.VisibleCopies(context.Background(), id); n != 0 {
						t.Errorf("message %d: %d copies visible", id, n)
					}
				}
			})
		})
	}
}
