package screen

import "testing"

// The mechanisms of the second pupil-chat round, each with sentences
// written for this test (not from any held-out set): hoaxes without a
// weapon word, approval of a named attack's perpetrators, euphemistic
// threats, credential and bank requests without a link, and their benign
// look-alikes (sport scores, reports of past attacks, a party called boum,
// a lab's gas bottle, a school asking for a RIB on paper).
func TestRound2Detectors(t *testing.T) {
	tests := []struct {
		det     detector
		harmful bool
		text    string
	}{
		// hoaxes: an object or device, a place in the school, a time
		{detThreat, true, "Une bonbonne de gaz est cachée sous l'escalier du hall, à 11h tout saute."},
		{detThreat, true, "Deux charges sont posées dans la cantine, elles partent à midi."},
		{detThreat, true, "j'ai placé 3 charges au CDI, mardi 9h"},
		{detThreat, true, "Un engin est dissimulé dans la salle 204, jeudi matin."},
		{detThreat, true, "BOUM vendredi à la récré, cour du collège."},
		{detThreat, true, "mercredi 16h dans le gymnase tout le monde saute"},
		{detThreat, false, "La boum des 5e aura lieu vendredi soir au foyer du collège."},
		{detThreat, false, "En chimie, la bouteille de gaz du labo est changée demain matin par le technicien."},
		{detThreat, false, "Les charges de chauffage du collège ont augmenté cette année."},
		// approval of a named attack's perpetrators
		{detApology, true, "Gloire aux frères du 13 novembre, qu'ils reposent au paradis."},
		{detApology, true, "respect aux combattants de Charlie, ils ont fait le travail"},
		{detApology, true, "honneur aux martyrs du Bataclan"},
		{detApology, false, "Honneur aux pompiers et aux policiers intervenus au Bataclan."},
		{detApology, true, "Les victimes de Charlie Hebdo l'avaient bien cherché, justice est faite."},
		{detApology, false, "Minute de silence pour les victimes du 13 novembre."},
		// euphemistic threats
		{detViolence, true, "Fais gaffe Lucas, un accident est vite arrivé."},
		{detViolence, true, "vendredi je vais lui régler son compte à la sortie"},
		{detViolence, false, "Je vais régler votre compte à la cantine demain matin."},
		{detViolence, false, "Il faut régler son compte cantine avant la fin du mois."},
		// phishing without a link
		{detPhishing, true, "Support ENT : renvoyez votre identifiant et votre mot de passe par retour de mail pour la migration."},
		{detPhishing, true, "Pour valider ton inscription, donne-moi le code de vérification reçu par SMS."},
		{detPhishing, true, "Service gestion : envoyez votre RIB et le numéro de votre carte bancaire en réponse à ce message."},
		{detPhishing, false, "Ne donnez jamais le code reçu par SMS, personne ne vous le demandera."},
		{detPhishing, false, "Merci de déposer un RIB au secrétariat pour le remboursement du voyage."},
	}
	for _, tt := range tests {
		s := textScores(tt.text)[tt.det]
		if got := s.score >= 0.5; got != tt.harmful {
			t.Errorf("%s %q: score %.2f (%s), want harmful=%v", detectorNames[tt.det], tt.text, s.score, s.reason, tt.harmful)
		}
	}
}

// Past and passive reports and sport scores are not held: the frame reads
// the participle and the score (whole engine, rules, frames and model).
func TestRound2NotHeld(t *testing.T) {
	e := New(DefaultConfig())
	for _, text := range []string{
		"Samedi on les a explosés 4-1, le coach était fier de nous.",
		"On les a tués au match de rugby, 40 à 3 !",
		"Le documentaire parle d'un policier tué à Magnanville en 2016.",
		"Pensée pour Samuel Paty, assassiné le 16 octobre 2020 devant son collège.",
	} {
		if r := e.Check(Input{Text: text}); r.Verdict != Deliver {
			t.Errorf("%q: %s (%.2f) %v, want deliver", text, r.Verdict, r.Score, r.Reasons)
		}
	}
}

// A score appended to a threat must not excuse it: the score reading is for
// match results, not a word an attacker can add.
func TestScoreDoesNotExcuseThreat(t *testing.T) {
	e := New(DefaultConfig())
	for _, text := range []string{
		"Je vais tous vous tuer demain 2-1",
		"Demain on fait tout sauter au lycée 3-0",
		"jvais te planter a la sortie du college 2-1",
	} {
		if r := e.Check(Input{Text: text}); r.Verdict == Deliver {
			t.Errorf("%q: delivered (%.2f), want held or rejected", text, r.Score)
		}
	}
}
