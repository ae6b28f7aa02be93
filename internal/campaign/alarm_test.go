package campaign

import "testing"

// TestAlarming checks the registers on the wave's kinds of text and on
// the everyday texts of a school that use the same words one at a time.
func TestAlarming(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Vous avez de la chance que rien ne soit encore arrivé, mais ça ne va pas durer, on sait où se trouve votre classe.", true},
		{"Profitez bien, on connaît votre salle de classe, vous aurez bientôt de nos nouvelles.", true},
		{"Le collège sera fermé demain suite à une alerte, prévenez les autres familles, ne contactez pas le secrétariat.", true},
		{"Pas de cours demain, le bahut est fermé pour raison de sécurité, faites passer aux autres parents.", true},
		{"Tu vas regretter ce que tu as fait, on sait où tu habites.", true},
		// Everyday texts.
		{"Mon enfant sera absent demain pour raison médicale.", false},
		{"Exercice PPMS confinement jeudi à 10 h : les élèves resteront en classe avec leur professeur jusqu'au signal de fin. Aucune sortie ne sera possible pendant l'exercice. Merci de ne pas venir chercher vos enfants.", false},
		{"Madame, Monsieur, la sortie au musée de la classe aura lieu le 12. Merci de rendre l'autorisation signée avant vendredi.", false},
		{"Bonjour, pourriez-vous me dire quel livre acheter pour le prochain trimestre ? Merci d'avance.", false},
		{"Bonjour à tous, le conseil de classe aura lieu le 14 à 17h30 en salle des professeurs. À bientôt.", false},
		{"Le cours de jeudi est annulé, à bientôt.", false},
		{"Madame, Monsieur, vous trouverez ci-joint les informations sur la réunion de rentrée des familles.", false},
		{"Bonsoir, le planning des examens blancs est disponible, pensez à le consulter avant lundi matin.", false},
		{"Bonjour, ma fille a oublié son cahier en classe hier, pouvez-vous le garder jusqu'à demain ? Merci.", false},
		// Everyday senses of words of the registers: to pay a bill, for
		// the attention of, a login problem, the station, the farm.
		{"Merci de payer la cantine avant vendredi, sans quoi l'accès sera suspendu.", false},
		{"À l'attention des familles : la sortie à la ferme pédagogique est maintenue, rendez-vous à la gare à 8 h.", false},
		{"Bonjour, j'ai un problème de connexion à l'ENT, pourriez-vous m'aider ? Attention, je ne pourrai pas appeler avant lundi.", false},
		{"Merci de votre attention. En cas de problème avec le bus, appelez le secrétariat.", false},
		{"La visite de la ferme est annulée à cause de la météo, on se verra jeudi.", false},
		{"Les photos de la sortie sont en ligne, connectez-vous pour les voir, attention aux identifiants.", false},
		// The threatening senses stay.
		{"Vous allez payer pour ce que vous avez fait, on sait où vous habitez.", true},
		{"Gare à vous, on connaît votre adresse.", true},
		{"Attention à vous, on sait où vous habitez.", true},
		{"Vous verrez bien, ça ne va pas durer, on sait où est votre classe.", true},
		{"Le collège ferme demain après un problème grave, prévenez les autres familles.", true},
		{"Vous le paierez, on vous surveille.", true},
	}
	for _, c := range cases {
		if got := AlarmingText(c.text); got != c.want {
			t.Errorf("Alarming(%q) = %v, want %v (terms %v)", c.text, got, c.want, FrenchModel{}.Terms(c.text))
		}
	}
}
