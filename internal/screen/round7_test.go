package screen

import "testing"

// The mechanisms of the seventh round, with sentences written for this
// test (not from a held-out set nor from the chats): the school's ruin told
// as an image or an outcome, a device claimed in the school, and their
// limits.
func TestRound7Frames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(f frame) bool
	}{
		{"a ruin image, future", "demain le gymnase sera plein de sang", func(f frame) bool {
			return f.act == actHarm && f.ruin && f.agentive()
		}},
		{"a verb of ruin", "le lycée va être rasé jeudi", func(f frame) bool { return f.ruin && f.agentive() }},
		// « s'embraser » is a burn act since the thirteenth round (TestThirteenthRoundFrames).
		{"ne … que restricts", "il ne restera que des ruines du collège", func(f frame) bool { return f.ruin && !f.negated && f.agentive() }},
		{"a ruin in the past is told", "la cantine était pleine de fumée hier", func(f frame) bool { return !f.ruin }},
		{"no school", "ma chambre sera pleine de fumée demain", func(f frame) bool { return !f.ruin }},
		{"building works", "le préau sera rasé pendant les travaux", func(f frame) bool { return !f.ruin }},
		{"a device with a timer", "un dispositif programmé pour 15h attend au CDI", func(f frame) bool {
			return f.act == actPlant && f.device && f.agentive()
		}},
		{"a device left in the school", "trois valises ont été laissées dans le hall", func(f frame) bool { return f.device && f.agentive() }},
		{"the speaker hid it", "j'ai planqué un colis sous le préau", func(f frame) bool { return f.device && f.agentive() }},
		{"a notice in the future", "les colis seront déposés au CDI lundi", func(f frame) bool { return !f.device }},
		{"a parcel of something", "le paquet de cahiers est posé dans la salle 12", func(f frame) bool { return !f.device }},
		{"a parcel at home", "le colis a été déposé chez la gardienne", func(f frame) bool { return !f.device }},
	}
	for _, tt := range tests {
		f, _ := actFrame(tt.text)
		if !tt.check(f) {
			t.Errorf("%s: %q: act %d actor %d tense %d (agentive %v, ruin %v, device %v)", tt.name, tt.text, f.act, f.actor, f.tense, f.agentive(), f.ruin, f.device)
		}
	}
}

// The rules over the whole message.
func TestRound7Detectors(t *testing.T) {
	tests := []struct {
		harmful bool
		text    string
	}{
		{true, "jeudi le self sera un cimetière, restez chez vous"},
		{true, "il ne restera que des cendres du bahut lundi"},
		{true, "Un appareil réglé pour 9h30 est caché dans les vestiaires."},
		{true, "Les frères Kouachi ont osé, moi aussi je le ferai un jour"},
		{true, "venez nous rejoindre chez les moudjahidines, on vous attend"},
		{true, "celui qui a attaqué la préfecture avait du cran, je veux faire comme lui"},
		{false, "Les sauveteurs de Nice ont eu un courage immense, je veux faire comme eux."},
		{false, "Rejoignez la chorale du collège, on chante le mardi."},
		{false, "bon courage pour le contrôle d'histoire sur les attentats"},
		{false, "mon cahier sera rouge de corrections demain"},
		{false, "Le vieux préau du lycée sera démoli pendant le chantier."},
		{false, "la kermesse : la cour sera pleine de stands samedi"},
		{false, "Le four est programmé pour 18h, le gâteau sera prêt."},
	}
	for _, tt := range tests {
		best := 0.0
		for _, s := range textScores(tt.text) {
			if s.score > best {
				best = s.score
			}
		}
		if got := best >= 0.5; got != tt.harmful {
			t.Errorf("%q: best score %.2f, want harmful=%v", tt.text, best, tt.harmful)
		}
	}
}
