package screen

import "testing"

// The mechanisms of the sixth round, each with sentences written for this
// test (not from a held-out set nor from the chats): a harm on a part of
// the body whatever the verb, a call to fight, the reader's kin or home
// with a threat's condition, a stopped act, an imperfect intent told in
// the third person, and the limits of each.
func TestRound6Frames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(f frame) bool
	}{
		// bodily harm by any verb
		{"an unlisted verb on the reader's body", "je vais te recoudre les lèvres", func(f frame) bool {
			return f.act == actHarm && f.body && f.actor == actor1 && f.agentive()
		}},
		{"on a third person's body", "on va lui dévisser la tête demain", func(f frame) bool { return f.body && f.agentive() }},
		{"faire + verb, te before faire", "je te fais avaler ta langue", func(f frame) bool { return f.body && f.agentive() }},
		{"accented parts match (crâne)", "je vais te fendre le crâne", func(f frame) bool { return f.body && f.agentive() }},
		{"after a modal", "on va devoir te plier les doigts", func(f frame) bool { return f.body && !f.lesson && f.agentive() }},
		{"a care verb is no harm", "je vais te brosser les cheveux et te masser le dos", func(f frame) bool { return f.act == actNone }},
		{"holding a hand", "je te tiens la main pour traverser", func(f frame) bool { return f.act == actNone }},
		{"painting a face", "on va te peindre le visage pour le carnaval", func(f frame) bool { return f.act == actNone }},
		{"someone else's past", "il lui a ouvert le genou au rugby", func(f frame) bool { return !f.agentive() }},
		{"the speaker's own body", "je me suis ouvert le genou", func(f frame) bool { return !f.agentive() }},
		{"a laugh does not excuse it", "je vais te recoudre la bouche mdr", func(f frame) bool { return f.body && !f.framed() }},
		// calls to fight
		{"reciprocal fight, first person", "on se bagarre au city ce soir", func(f frame) bool {
			return f.challenge && f.agentive() && f.place && f.time
		}},
		{"the reader asked", "tu veux te battre ?", func(f frame) bool { return f.challenge && f.agentive() }},
		{"come face to face", "viens en face si t'as du courage", func(f frame) bool { return f.challenge && f.tense == tenseImperative }},
		{"vient for viens, with a name", "Paul vient 1v1 derrière le préau", func(f frame) bool { return f.challenge && f.agentive() }},
		{"a cause", "on se bat pour l'égalité", func(f frame) bool { return f.act == actNone }},
		{"a case, not a call", "que faire quand on se bat dans la cour ?", func(f frame) bool { return !f.agentive() }},
		{"past", "ils se sont battus hier", func(f frame) bool { return !f.agentive() }},
		{"a game's 1v1", "viens faire un 1v1 sur Brawl Stars", func(f frame) bool { return f.act == actNone }},
		{"across the street", "le stade est en face de la mairie", func(f frame) bool { return f.act == actNone }},
		{"stopped: arrêtez de", "arrêtez de vous bagarrer dans le couloir", func(f frame) bool { return !f.agentive() }},
		{"stopped: évite de", "évite de le frapper", func(f frame) bool { return f.negated && !f.agentive() }},
		// an imperfect intent told
		{"third-person imperfect intent is told", "l'homme voulait attaquer une mosquée", func(f frame) bool {
			return f.tense == tensePast && f.report && !f.agentive()
		}},
		{"a present intent is not", "il veut attaquer le lycée demain", func(f frame) bool { return f.tense == tenseIntent }},
	}
	for _, tt := range tests {
		f, ok := actFrame(tt.text)
		if !ok {
			fs := framesOf(tt.text)
			if len(fs) > 0 {
				f = fs[0]
			}
		}
		if !tt.check(f) {
			t.Errorf("%s: %q: act %d actor %d tense %d (agentive %v, body %v, challenge %v)", tt.name, tt.text, f.act, f.actor, f.tense, f.agentive(), f.body, f.challenge)
		}
	}
}

// The rules over the whole message.
func TestRound6Detectors(t *testing.T) {
	tests := []struct {
		det     detector
		harmful bool
		text    string
	}{
		{detViolence, true, "je vais te recoudre la bouche, sale balance"},
		{detViolence, true, "on se bagarre derrière la piscine mercredi"},
		{detViolence, true, "descends en face à la sortie si t'es un homme"},
		// without a place or a time the rules leave it to the model (0.45)
		{detViolence, false, "descends en face si t'es un homme"},
		{detViolence, false, "on se bagarre pour le dernier croissant mdr"},
		// kin or home with a threat's condition or warning
		{detViolence, true, "si tu racontes ça encore je passe voir ta cousine"},
		{detViolence, true, "on connaît ta maison, réfléchis avant de parler"},
		{detViolence, false, "je passe chez toi vendredi pour le devoir de SVT"},
		{detViolence, false, "si tu veux je viens chercher ta sœur au conservatoire"},
		{detViolence, false, "Je viendrai chercher votre fille devant chez vous mercredi prochain."},
	}
	for _, tt := range tests {
		s := textScores(tt.text)[tt.det]
		if got := s.score >= 0.5; got != tt.harmful {
			t.Errorf("%s %q: score %.2f (%s), want harmful=%v", detectorNames[tt.det], tt.text, s.score, s.reason, tt.harmful)
		}
	}
}
