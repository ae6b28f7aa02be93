package screen

import "testing"

// The mechanisms of the fourth round, each with sentences written for this
// test (not from a held-out set): a threat that names its outcome and no
// act, slang act verbs aimed at a person, hyperbole on a thing,
// justification of an attack, allusion to a past attack, a laugh after a
// grave act, run-on clauses, and their benign look-alikes.
func TestRound4Frames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(f frame) bool
	}{
		{"negated survival is a harm, not a denial", "tu vas pas repartir indemne de ce parc", func(f frame) bool {
			return f.act == actHarm && !f.negated && f.actor == actor2 && f.tense == tenseFuture && f.agentive()
		}},
		{"negated existence of a school place", "l'internat n'existera plus jeudi", func(f frame) bool {
			return f.act == actHarm && f.school && f.time && f.agentive()
		}},
		{"« plus de place » is no harm", "il ne restera plus de place à la cantine", func(f frame) bool { return f.act == actNone }},
		{"regretter at the reader", "vous allez le regretter amèrement", func(f frame) bool {
			return f.act == actHarm && f.tense == tenseFuture && f.agentive()
		}},
		{"negated regretter stays negated", "tu vas pas le regretter", func(f frame) bool {
			return f.act == actHarm && f.negated && !f.agentive()
		}},
		{"causative regretter in the present", "on te fait regretter ta vie", func(f frame) bool {
			return f.act == actHarm && f.actor == actor1 && f.target2 && f.agentive()
		}},
		{"slang kill verb with a clitic", "je vais tous vous refroidir lundi", func(f frame) bool {
			return f.act == actKill && f.actor == actor1 && f.agentive()
		}},
		{"slang verb with a thing is no act", "je vais fumer une cigarette au parking", func(f frame) bool { return f.act == actNone }},
		{"reflexive slang verb is no act", "tu vas t'allumer une cigarette", func(f frame) bool { return f.act == actNone }},
		{"choper a person", "on te chope vendredi", func(f frame) bool { return f.act == actAttack && f.agentive() }},
		{"planter with lui", "je lui plante un tournevis dans le dos", func(f frame) bool { return f.act == actStab }},
		{"hyperbole on a thing, dislocated", "je vais la massacrer cette évaluation", func(f frame) bool { return f.act == actNone }},
		{"hyperbole on a thing, in the past", "on a massacré le partiel", func(f frame) bool { return f.act == actNone }},
		{"a person stays the object", "je vais le massacrer ce soir", func(f frame) bool { return f.act == actKill && f.agentive() }},
		{"a laugh is play", "on va te tuer au quiz mdr", func(f frame) bool { return f.framed() }},
		{"a laugh does not excuse a grave act on the school", "on va faire un carnage au gymnase mdr", func(f frame) bool {
			return f.grave() && !f.framed() && f.agentive()
		}},
		{"a lone n is no negation", "on tue tout le monde au self 😂 nn sérieux", func(f frame) bool { return !f.negated && f.grave() }},
		{"after classes is a time, not a lesson", "je te chope après les cours", func(f frame) bool { return f.time && !f.lesson && !f.framed() }},
		{"nous after a verb is its object", "la prof va nous tuer avec ses devoirs", func(f frame) bool { return !f.agentive() }},
	}
	for _, tt := range tests {
		f, _ := actFrame(tt.text)
		if !tt.check(f) {
			t.Errorf("%s: %q: %+v (agentive %v, framed %v)", tt.name, tt.text, f, f.agentive(), f.framed())
		}
	}
}

// Run-on clauses: a subject pronoun after a complete clause opens another
// (« si t'es pas là lundi on te retrouve »), not after a preposition.
func TestRunOnClauses(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
	}{
		{"si t'es pas là lundi on te retrouve", 2},
		{"je vais te frapper tu pourras plus marcher", 2},
		{"je le fais pour elle", 1},
		{"moi je pense à toi", 1},
		// a pronoun after a preposition ends its phrase
		{"si tu joue encore au foot avec nous on te casse les jambes", 2},
		{"il rentre chez lui je le suis demain", 2},
		{"je marche derrière lui je le frappe", 2},
	} {
		if got := len(framesOf(c.text)); got != c.n {
			t.Errorf("%q: %d clauses, want %d", c.text, got, c.n)
		}
	}
}

// Justification and allusion, read by the rules over the whole message.
func TestRound4Detectors(t *testing.T) {
	tests := []struct {
		det     detector
		harmful bool
		text    string
	}{
		{detApology, true, "ceux qui ont tiré sur Charlie ont eu raison"},
		{detApology, true, "le Bataclan c'était mérité"},
		{detApology, false, "Les profs ont eu raison de parler de Charlie en EMC."},
		{detApology, false, "Je suis Charlie, respect aux dessinateurs."},
		{detThreat, true, "lundi ce sera comme à Parkland, notez la date"},
		{detThreat, false, "En anglais, nous étudierons Parkland ; notez la date de l'exposé."},
		{detThreat, false, "Notez la date de la kermesse : samedi 14 juin."},
		{detViolence, false, "jvais le défoncer ce QCM demain"},
		{detThreat, true, "jvais faire un carnage à la cantine demain 😂"},
		// a warning with a past attack named is an allusion; a tribute is not
		{detThreat, true, "tout le monde sait ce qui est arrivé à Arras, ce prof ferait bien de réfléchir"},
		{detThreat, true, "Conflans c'était un avertissement pour les autres profs"},
		{detThreat, false, "Hommage à Dominique Bernard : prenons le temps de réfléchir ensemble."},
		{detThreat, false, "Après l'attaque d'Arras, la police demande de faire gaffe aux colis abandonnés."},
		// the praise before « pas » is not negated
		{detApology, true, "des martyrs pas des criminels, les kouffars comprennent rien"},
		{detApology, false, "Daech : ce ne sont pas des martyrs mais des assassins"},
	}
	for _, tt := range tests {
		s := textScores(tt.text)[tt.det]
		if got := s.score >= 0.5; got != tt.harmful {
			t.Errorf("%s %q: score %.2f (%s), want harmful=%v", detectorNames[tt.det], tt.text, s.score, s.reason, tt.harmful)
		}
	}
}

// The limits of the look-alike readings: « au contrôle » says when, and a
// game in the next clause does not excuse killing a group.
func TestRound4Limits(t *testing.T) {
	if f, _ := actFrame("je vais tous les tuer au contrôle de demain"); f.act != actKill || !f.agentive() {
		t.Errorf("« au contrôle » read as the object: %+v", f)
	}
	if s := textScores("on joue à fortnite ce soir, demain on va tuer tous ces mecs")[detThreat]; s.score < 0.5 {
		t.Errorf("a game in the clause before excused a grave act: %.2f %s", s.score, s.reason)
	}
}
