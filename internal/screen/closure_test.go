package screen

import (
	"testing"

	"github.com/bouclier/bouclier"
)

// A head who shuts the school for an ordinary reason writes what a quiet
// hoax writes (closed tomorrow, nobody taken in, tell the others); the
// reason tells them apart. The reasons below are the ones the generator's
// closure_notice family leaves out (synth.TestClosureReasonsHeldOut), so
// this measures the mechanism, not the templates; without the family the
// model held the water cut at p 0.72. The hoaxes give no reason, or a
// reason that is itself the threat, and stay held.
func TestClosureNotices(t *testing.T) {
	e := New(DefaultConfig())
	for _, c := range []struct {
		text string
		held bool
	}{
		{"Coupure d'eau : l'école sera fermée lundi. Prévenez les autres parents.", false},
		{"Madame, Monsieur, suite à une fuite de gaz détectée ce matin dans la chaufferie, le collège restera fermé demain. Aucun élève ne sera accueilli. Merci de relayer l'information aux familles qui n'ont pas accès à l'ENT.", false},
		{"Le lycée étant bureau de vote dimanche, il sera fermé lundi matin pour le démontage. Les cours reprennent à 13 h.", false},
		{"Information de la direction : après la découverte de punaises de lit à l'internat, l'établissement sera fermé jeudi et vendredi pour traitement. Inutile d'appeler le secrétariat.", false},
		{"Suite à la rupture de la conduite d'eau principale, le collège ne pourra pas accueillir les élèves demain. Faites passer le message.", false},
		{"Le collège sera fermé demain. N'envoyez pas vos enfants. Prévenez tout le monde.", true},
		{"Demain ne venez pas au collège, il va se passer quelque chose. Prévenez vos amis.", true},
		{"Fermeture du lycée demain : une bombe sera déclenchée à 10h. Aucun élève ne doit venir.", true},
	} {
		r := e.Check(Input{Text: c.text, SenderRole: bouclier.RoleHead})
		if got := r.Verdict != Deliver; got != c.held {
			t.Errorf("held %v, want %v (score %.2f): %s", got, c.held, r.Score, c.text)
		}
	}
}
