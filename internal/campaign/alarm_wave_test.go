package campaign_test

import (
	"context"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/campaign"
)

// TestAlarmingSingleSender: one teacher's account, with nothing new about
// its session, sending a veiled threat to more groups than usual is held
// for review at once (one sender can be a wave); the same teacher passing
// on the head's alarming closure notice as widely is a relay of their own
// establishment's notice: it goes out at once, with no incident; the same
// text first sent by another establishment's head is no notice of the
// teacher's own (a notice vouches for its establishment only): held.
func TestAlarmingSingleSender(t *testing.T) {
	const uai = "0990001A"
	wide := []string{"class:" + uai + "/C1", "class:" + uai + "/C2", "parents:" + uai + "/C1", "parents:" + uai + "/C2", "staff:" + uai}
	// « Alerte météo : le collège sera fermé demain, prévenez les autres
	// familles… » with no reason is held by the screen since the model of
	// 6 December, evening (p 0.77): the hoaxes' shape.
	const notice = "Alerte météo : le collège sera fermé demain en raison de la tempête, prévenez les autres familles, inutile d'appeler le secrétariat."
	for _, c := range []struct {
		name, headName, head, body string
		wantWait                   bool
		wantHeld                   bool
		wantIncidents              int
	}{
		{"veiled threat", "", "", "Profitez bien tant que rien n'est arrivé, ça ne va pas durer, nous savons où est votre salle.", true, true, 1},
		{"head's notice passed on", "head.1", notice, "Tr : " + notice, false, false, 0},
		{"another establishment's notice", "head.2", notice, "Tr : " + notice, true, true, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 2)
				ctx := context.Background()
				if c.head != "" {
					own := user(t, e, c.headName).UAI
					mustSend(t, e, sender{c.headName, false}, []string{"teachers:" + own + "/C1", "teachers:" + own + "/C2"}, "Alerte", c.head)
				}
				res := mustSend(t, e, sender{"prof.1", false}, wide, "Information", c.body)
				if (res.Status == bouclier.StatusHeld) != c.wantWait {
					t.Fatalf("status when sent: %s", res.Status)
				}
				e.Clock.Advance(campaign.DefaultConfig().ProbationFor + time.Second)
				if err := e.App.Campaign.Sweep(ctx); err != nil {
					t.Fatal(err)
				}
				held := message(t, e, res.ID).Status == bouclier.StatusHeld
				if held != c.wantHeld {
					t.Errorf("held after probation: %v, want %v", held, c.wantHeld)
				}
				if cs := incidents(t, e); len(cs) != c.wantIncidents || (len(cs) == 1 && (cs[0].Level != "review" || len(cs[0].Locked) != 0)) {
					t.Errorf("incidents: %+v", cs)
				}
			})
		})
	}
}

// TestNewLinkDomain: parents whose sessions show nothing new sending
// different texts that link to one registered domain never seen before
// make a wave to review; the copies wait meanwhile, none is visible.
func TestNewLinkDomain(t *testing.T) {
	texts := []string{
		"Bonjour, la facture de cantine n'a pas été réglée, merci de régulariser : https://a1.paiement-cantine-famille.fr/r",
		"Votre paiement de la restauration est en attente, réglez-le sous 48 heures : https://b2.paiement-cantine-famille.fr/r",
		"Il reste un impayé sur le compte de votre enfant, payez en ligne : https://c3.paiement-cantine-famille.fr/r",
		"Le service n'a pas reçu votre règlement du mois, merci de payer : https://d4.paiement-cantine-famille.fr/r",
	}
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 4)
		ctx := context.Background()
		for i, body := range texts {
			res := mustSend(t, e, sender{[]string{"parent.1.C1.1", "parent.2.C1.1", "parent.3.C1.1", "parent.4.C1.1"}[i], false},
				[]string{"user:prof." + string(rune('1'+i))}, "Cantine", body)
			if res.Status != bouclier.StatusHeld {
				t.Errorf("copy %d sent at once: %s", i+1, res.Status)
			}
		}
		e.Clock.Advance(campaign.DefaultConfig().ProbationFor + time.Second)
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		cs := incidents(t, e)
		if len(cs) != 1 || cs[0].Level != "review" || len(cs[0].Locked) != 0 || len(cs[0].Accounts) == 0 {
			t.Fatalf("incidents: %+v", cs)
		}
	})
}
