package screen

import "testing"

// The mechanisms of the fifth round, each with sentences written for this
// test (not from a held-out set): the speaker who explodes or burns, a
// narrated fiction, a lab, kitchen or hunting object, glorification by a
// praise predicate, a place of harm aimed at the reader, praise of
// victims; and the limits of each.
func TestRound5Frames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(f frame) bool
	}{
		// (a) the speaker as the one who explodes, burns, dies
		{"speaker explodes, nothing after", "je vais exploser", func(f frame) bool { return f.act == actNone }},
		{"speaker explodes with a state", "je vais exploser de colère", func(f frame) bool { return f.act == actNone }},
		{"speaker burns of fever in a room", "je brûle de fièvre dans cette classe", func(f frame) bool { return f.act == actNone }},
		{"péter un plomb is a thing", "je vais péter un plomb", func(f frame) bool { return f.act == actNone }},
		{"an object keeps the act", "je vais exploser le gymnase", func(f frame) bool { return f.act == actExplode && f.agentive() }},
		{"tout before keeps the act", "je vais tout exploser", func(f frame) bool { return f.act == actExplode && f.agentive() }},
		{"a place keeps the act", "je vais exploser au gymnase", func(f frame) bool { return f.act == actExplode && f.agentive() }},
		{"faire keeps the act", "je vais faire exploser", func(f frame) bool { return f.act == actExplode }},
		{"the reader as object keeps the act", "je vais te brûler", func(f frame) bool { return f.act == actBurn && f.agentive() }},
		{"with a group keeps the act", "je vais exploser avec tous les profs", func(f frame) bool { return f.act == actExplode && f.agentive() }},
		// (c) lab, kitchen and hunting objects
		{"burning a substance", "on fera brûler du sodium", func(f frame) bool { return f.act == actNone }},
		{"a bubble of gas", "on va faire exploser une bulle de méthane", func(f frame) bool { return f.act == actNone }},
		{"game animal", "il a abattu deux faisans", func(f frame) bool { return f.act == actNone }},
		{"targets", "on tire sur les cibles", func(f frame) bool { return f.act == actNone }},
		{"the school is no substance", "on va faire brûler le lycée", func(f frame) bool { return f.act == actBurn && f.agentive() }},
		// (e) a place of harm
		{"hospital for the reader", "tu vas finir aux urgences", func(f frame) bool {
			return f.act == actHarm && f.outcome && f.actor == actor2 && f.agentive()
		}},
		{"the present after a condition", "tu finis à la morgue", func(f frame) bool { return f.act == actHarm && f.agentive() }},
		{"the speaker's own hospital", "je vais finir aux urgences avec mon entorse", func(f frame) bool { return !f.agentive() }},
		{"someone's past stay", "mon oncle a fini à l'hôpital", func(f frame) bool { return !f.agentive() }},
		{"a negated outcome", "tu vas pas finir à l'hôpital", func(f frame) bool { return !f.agentive() }},
		// passé composé of faire + act
		{"j'ai fait exploser is past", "j'ai fait exploser le ballon de baudruche", func(f frame) bool { return !f.agentive() }},
	}
	for _, tt := range tests {
		f, _ := actFrame(tt.text)
		if !tt.check(f) {
			t.Errorf("%s: %q: act %d actor %d tense %d (agentive %v)", tt.name, tt.text, f.act, f.actor, f.tense, f.agentive())
		}
	}
}

// The rules over the whole message.
func TestRound5Detectors(t *testing.T) {
	tests := []struct {
		det     detector
		harmful bool
		text    string
	}{
		// (a) lexicon patterns over the speaker's state go too
		{detThreat, false, "si le bus est encore en retard je vais exploser"},
		{detThreat, true, "demain je vais exploser le bâtiment B"},
		// (b) narration
		{detThreat, false, "On a regardé Rambo hier soir, il tire sur tous les soldats"},
		{detViolence, false, "dans la série il poignarde son frère, trop triste"},
		{detThreat, true, "il va tirer sur tous les élèves du lycée demain"},
		{detThreat, true, "c'est pas un film, y a une bombe dans le gymnase"},
		{detThreat, true, "un mec entre au lycée avec une kalach, ce sera mieux qu'un film"},
		// (c) practice
		{detThreat, false, "Ma tante est chasseuse, elle range sa carabine et son fusil au grenier."},
		{detThreat, false, "En TP on fera brûler de la paille sous la hotte."},
		{detThreat, true, "je ramène le fusil de chasse de mon oncle au collège demain"},
		// « fusil de chasse » names the weapon; a message to the reader is
		// no hunting report
		{detThreat, true, "j'ai le fusil de chasse de mon père dans mon sac, vous allez voir"},
		{detThreat, true, "le fusil de chasse de mon frère est dans mon casier"},
		{detThreat, true, "mon père est chasseur et son fusil est dans mon sac, vous allez voir"},
		{detThreat, false, "Mon oncle chasse le chevreuil, il garde son fusil dans une armoire fermée."},
		// (d) glorification by a praise predicate
		{detApology, true, "Anzorov est un modèle pour nous tous"},
		{detApology, true, "les frères de l'Hyper Cacher resteront des lions"},
		{detApology, true, "celui qui a égorgé le prêtre c'est une légende mdr"},
		{detApology, true, "le Bataclan c'était beau, fallait en faire plus"},
		{detApology, false, "Samuel Paty restera un exemple pour tous les enseignants"},
		{detApology, false, "Zinedine Zidane est un modèle pour la jeunesse"},
		{detApology, false, "Les terroristes du Bataclan ne sont pas des héros, ce sont des assassins"},
		// (f) victims praised
		{detApology, false, "les otages de l'Hyper Cacher sont des martyrs de la haine"},
		{detApology, true, "les martyrs du Bataclan ont vengé le prophète, gloire à eux"},
		// (e) a place of harm aimed at the reader
		{detViolence, true, "toi et tes potes vous allez finir à la morgue"},
		{detViolence, false, "ma mère finit aux urgences à 21h ce soir"},
	}
	for _, tt := range tests {
		s := textScores(tt.text)[tt.det]
		if got := s.score >= 0.5; got != tt.harmful {
			t.Errorf("%s %q: score %.2f (%s), want harmful=%v", detectorNames[tt.det], tt.text, s.score, s.reason, tt.harmful)
		}
	}
}
