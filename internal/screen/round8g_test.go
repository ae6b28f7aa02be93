package screen

import "testing"

// The mechanisms of the eighth round (B), with sentences written for this
// test (not from a held-out set nor from the training data): threats
// against a group of people named by a noun, incitation and wishes in
// other moods, quantified outcomes of a school's people, the device whose
// timer is in the next clause, and their limits.
func TestRound8GFrames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(f frame) bool
	}{
		{"riddance of a group", "il faut se débarrasser des gitans du camping", func(f frame) bool {
			return f.act == actKill && f.targetGrp && f.people && f.agentive()
		}},
		{"riddance by en, the group named before", "les migrants ne partiront jamais, alors il faudrait s'en débarrasser", func(f frame) bool {
			return f.act == actKill && f.agentive()
		}},
		{"riddance of things is no act", "il faut se débarrasser des vieux classeurs", func(f frame) bool { return f.act == actNone }},
		{"a proposal in the imperfect", "et si on brûlait tous les cathos du village ?", func(f frame) bool {
			return f.act == actBurn && f.incite && !f.report && f.agentive()
		}},
		{"si seulement", "si seulement quelqu'un pouvait noyer ces Turcs", func(f frame) bool {
			return f.act == actKill && !f.framed() && f.agentive()
		}},
		{"pourquoi ne pas", "pourquoi ne pas éliminer les Kurdes du quartier ?", func(f frame) bool {
			return f.act == actKill && f.incite && !f.negated && f.agentive()
		}},
		{"ce serait mieux de", "ce serait mieux de pendre les migrants", func(f frame) bool { return f.wish && f.agentive() }},
		{"the act made a norm", "tuer un gitan devrait être autorisé", func(f frame) bool { return f.incite && f.agentive() }},
		{"the act made a norm, negated", "frapper une lesbienne ne devrait pas être puni", func(f frame) bool {
			return f.incite && !f.negated && f.agentive()
		}},
		{"a group's death wished", "franchement tous ces immigrés seraient mieux pendus", func(f frame) bool {
			return f.act == actKill && f.wish && f.agentive()
		}},
		{"death by the speaker's hands", "ce prof va mourir de mes mains", func(f frame) bool {
			return f.act == actKill && f.actor == actor1 && f.agentive()
		}},
		{"the speaker's intent", "je songe à étrangler ce surveillant", func(f frame) bool {
			return f.tense == tenseIntent && f.actor == actor1 && f.agentive()
		}},
		{"a quantified outcome", "aucun élève de 5e B ne rentrera chez lui ce soir", func(f frame) bool {
			return f.act == actHarm && f.school && f.agentive()
		}},
		{"the reader's outcome", "vous allez tous finir étendus au gymnase", func(f frame) bool {
			return f.act == actHarm && f.outcome && f.agentive()
		}},
		{"a rule, not an outcome", "aucun élève ne rentrera chez lui avant la fin du conseil de classe", func(f frame) bool { return f.act == actNone }},
		{"a game's enemies", "dans la mission 3 il faut exterminer tous les aliens", func(f frame) bool { return f.playful() }},
		{"a court report", "le tribunal a jugé l'élève qui voulait poignarder les profs", func(f frame) bool { return f.act == actNone || f.report }},
	}
	for _, tt := range tests {
		f, _ := actFrame(tt.text)
		if !tt.check(f) {
			t.Errorf("%s: %q: act %d actor %d tense %d (agentive %v, incite %v, wish %v, group %v, report %v)", tt.name, tt.text, f.act, f.actor, f.tense, f.agentive(), f.incite, f.wish, f.targetGrp, f.report)
		}
	}
}

// The rules over the whole message (the learned layer off).
func TestRound8GDetectors(t *testing.T) {
	tests := []struct {
		harmful bool
		text    string
	}{
		{true, "Et si on gazait tous les Roms du quartier ?"},
		{true, "Pourquoi ne pas se débarrasser des musulmans de la cité une fois pour toutes ?"},
		{true, "Personne de la 4e C ne reviendra vivant de la sortie jeudi."},
		{true, "Vous finirez tous allongés dans le couloir du lycée."},
		{true, "Y aura plus personne de vivant au CDI à 11h."},
		{true, "Un colis est sous le préau, programmé pour 15h40."},
		{true, "Ce serait bien que quelqu'un fasse sauter la salle des profs pendant le conseil."},
		{false, "Il faut éliminer les doublons du tableur avant lundi."},
		{false, "Dans le niveau 8 il faut abattre tous les zombies du labo."},
		{false, "Je vais étrangler ma sœur si elle prend encore mon chargeur."},
		{false, "Aucun élève ne sortira avant la sonnerie de 16h."},
		{false, "Le tribunal a condamné à dix ans l'homme qui avait menacé de brûler la mosquée."},
		{false, "En histoire on a vu comment les nazis ont exterminé les Tsiganes."},
		{false, "Le minuteur est dans la salle 12, réglé pour 10h."},
		{true, "Il faut que quelqu'un poignarde ces Kurdes du quartier."},
		{true, "Je veux suivre la voie des moudjahidines, inchallah."},
		{true, "Coulibaly a tracé le chemin, suivez-le."},
		{false, "Samuel Paty a eu un courage immense, il faut suivre son exemple."},
		{false, "Il faut que quelqu'un range la salle après le cours."},
		{false, "Suis l'exemple de ta sœur pour les devoirs."},
		{false, "Les élèves des deux classes iront au musée jeudi."},
	}
	cfg := DefaultConfig()
	cfg.NoTextModel = true
	e := New(cfg)
	for _, tt := range tests {
		r := e.Check(Input{Text: tt.text})
		if held := r.Verdict != Deliver; held != tt.harmful {
			t.Errorf("%q: %s (%.2f) %v, want held %v", tt.text, r.Verdict, r.Score, r.Reasons, tt.harmful)
		}
	}
}

// The word lists build (a word of two tokens would panic on first use).
func TestGroupLexicon(t *testing.T) {
	gl := groupLexicon()
	for _, w := range []string{"juifs", "profs", "femmes", "réfugiés"} {
		if gl.cue[keyOf(w)]&gcPeople == 0 {
			t.Errorf("%s is not a people noun", w)
		}
	}
	if groupCueOf(keyOf("débarrasser"), morphLookup(keyOf("débarrasser")))&gcRiddance == 0 {
		t.Error("débarrasser is not a verb of riddance")
	}
}
