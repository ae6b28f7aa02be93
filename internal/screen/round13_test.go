package screen

import "testing"

// The thirteenth round's frame rules (frames.go: readIdiomAct, afterEvent,
// the warning and the match carried to the next clause, a preposition is
// no verb), each read on frames written for this test; none of these
// sentences is in a test set.
func TestThirteenthRoundFrames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(fs []frame) bool
	}{
		{"a preposition is no act verb (pendant / pendre)", "On a rangé les chaises pendant la pause", func(fs []frame) bool { return noAct(fs) }},
		{"prendre feu burns, in the future", "Demain la cantine prendra feu", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actBurn && f.tense == tenseFuture
		}},
		{"a warning carries to the fire of the next clause", "La prochaine fois, c'est ton garage qui prendra feu", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actBurn && f.agentive()
		}},
		{"a fire with no warning nor time is no threat", "Attention, le papier qui prendra feu", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && !f.agentive()
		}},
		{"a wish for a bullet is a wish to shoot", "Ces surveillants mériteraient une balle", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actShoot && f.wish && f.agentive()
		}},
		{"a bullet without a wish is a ball", "Je vais te lancer une balle", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return !ok || f.act != actShoot
		}},
		{"viser with the school and a time is an attack", "Le lycée Condorcet sera visé jeudi", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actAttack && f.agentive()
		}},
		{"a place that s'embrase burns", "Vendredi le gymnase va s'embraser", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actBurn && f.agentive()
		}},
		{"ending up in an ambulance is a harm", "tu vas rentrer chez toi en ambulance", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actHarm && f.outcome && f.agentive()
		}},
		{"fireworks in the school at a time are a blast", "feu d'artifice dans le réfectoire jeudi à 10h", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actExplode && f.agentive()
		}},
		{"fireworks at a school party are fireworks", "feu d'artifice dans la cour jeudi à 20h pour la fête de l'école", func(fs []frame) bool { return noAct(fs) }},
		{"after an event named by a noun, a report", "Suite à l'agression d'un élève armé d'un cutter devant un collège, la vigilance est renforcée", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.report && f.framed()
		}},
		{"après with a time and the speaker's act stays a threat", "Après la cantine je vais le poignarder", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && !f.framed() && f.agentive()
		}},
		{"an infinitive after et takes the governing verb of the one before", "je vais te chercher et te frapper", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.act == actAttack && f.tense == tenseFuture && f.actor == actor1 && f.agentive()
		}},
		{"a game named in several words is a game", "sur Rainbow Six j'ai fait sauter leur base", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.playful() && f.framed()
		}},
		{"a match named just before: les are the opponents", "Tournoi de volley demain : on va les écraser et les massacrer", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && f.framed()
		}},
		{"a match before does not excuse the school", "Match demain : on va les massacrer au gymnase", func(fs []frame) bool {
			f, ok := firstAct(fs)
			return ok && !f.framed()
		}},
	}
	for _, c := range tests {
		if fs := framesOf(c.text); !c.check(fs) {
			t.Errorf("%s: %q: frames %+v", c.name, c.text, fs)
		}
	}
}

func firstAct(fs []frame) (frame, bool) {
	for _, f := range fs {
		if f.act != actNone {
			return f, true
		}
	}
	return frame{}, false
}

func noAct(fs []frame) bool {
	_, ok := firstAct(fs)
	return !ok
}
