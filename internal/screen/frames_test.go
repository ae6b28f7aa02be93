package screen

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func framesOf(text string) []frame {
	a := analyze(text)
	toks := buildTokens(a, nil)
	clause := make([]int, len(toks))
	fr, _ := parseFrames(a.src, toks, clause, nil, nil)
	return fr
}

// actFrame returns the first frame with an act.
func actFrame(text string) (frame, bool) {
	for _, f := range framesOf(text) {
		if f.act != actNone {
			return f, true
		}
	}
	return frame{}, false
}

// Each frame element, read from clauses written for this test.
func TestFrames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(f frame) bool
	}{
		{"participle in apposition is passive, not imperative", "Hommage à Dominique Bernard, tué à Arras.", func(f frame) bool {
			return f.act == actKill && f.tense == tensePassive && f.actor == actor3 && !f.agentive()
		}},
		{"participle after a noun is passive, not present", "un professeur tué en 2023", func(f frame) bool {
			return f.act == actKill && f.tense == tensePassive && !f.agentive()
		}},
		{"imperative with its object stays imperative", "Tue le prof demain", func(f frame) bool {
			return f.act == actKill && f.tense == tenseImperative
		}},
		{"plural participle after avoir, accents folded", "On les a explosés samedi", func(f frame) bool {
			return f.act == actExplode && f.tense == tensePast && !f.agentive()
		}},
		{"match score marks play", "on va les exploser 5-0", func(f frame) bool { return f.playful() && f.framed() }},
		{"a score appended to a threat at the reader is no game", "je vais tous vous tuer demain 2-1", func(f frame) bool { return !f.framed() && f.agentive() }},
		{"a score appended to a threat at the school is no game", "on va tout faire sauter au lycée 3-0", func(f frame) bool { return !f.framed() }},
		{"score with à marks play", "on va les tuer 3 à 1 au retour", func(f frame) bool { return f.playful() }},
		{"a time is not a score", "on va les tuer demain à 10h", func(f frame) bool { return !f.playful() && f.agentive() }},
		{"kill, 1st person, future", "Je le tuerai vendredi.", func(f frame) bool {
			return f.act == actKill && f.actor == actor1 && f.tense == tenseFuture && f.time
		}},
		{"aller + infinitive", "On va cramer le gymnase ce soir", func(f frame) bool {
			return f.act == actBurn && f.actor == actor1 && f.tense == tenseFuture && f.school
		}},
		{"imperative", "Égorgez-les tous", func(f frame) bool { return f.act == actBehead && f.tense == tenseImperative }},
		{"conditional", "Je les abattrais sans hésiter", func(f frame) bool { return f.act == actKill && f.tense == tenseConditional }},
		{"state: armed", "Je suis armé", func(f frame) bool { return f.act == actArm && f.actor == actor1 && f.tense == tensePresent }},
		{"first-person passive: the speaker is hurt", "On est trop défoncés", func(f frame) bool { return !f.agentive() }},
		{"shoot needs a target", "Il faut tirer la chasse", func(f frame) bool { return f.act == actNone }},
		{"shoot at", "Je vais tirer sur les surveillants", func(f frame) bool {
			return f.act == actShoot && f.targetGrp && f.actor == actor1
		}},
		{"stab needs a person", "Je vais planter des tomates", func(f frame) bool { return f.act == actNone }},
		{"stab a person", "Je vais te planter", func(f frame) bool { return f.act == actStab && f.target2 }},
		{"break a part of the body", "je vais casser le nez du pion", func(f frame) bool { return f.act == actAttack && f.agentive() }},
		{"break a thing", "je vais casser la vitre", func(f frame) bool { return f.act == actNone }},
		{"péter a part of the reader's body", "je vais te péter les dents", func(f frame) bool { return f.act != actNone && f.agentive() }},
		{"péter a record", "je vais péter le record", func(f frame) bool { return f.act == actNone }},
		{"plant needs a weapon", "J'ai posé mon sac dans le hall", func(f frame) bool { return f.act == actNone }},
		{"claimed weapon, passive", "Un colis piégé est caché sous le préau", func(f frame) bool {
			return f.act == actPlant && f.tense == tensePassive && f.weapon && f.place
		}},
		{"a school place said in one compound", "je vais brûler la salle des profs", func(f frame) bool {
			return f.act == actBurn && f.school && f.agentive()
		}},
		{"place after a preposition", "Je vais tout faire sauter dans le local à vélos", func(f frame) bool {
			return f.act == actExplode && f.place && !f.school
		}},
		{"target 2nd person", "Je vais te buter", func(f frame) bool { return f.target2 }},
		{"target named", "On va frapper Mathis demain", func(f frame) bool { return f.targetName && f.time }},
		{"incitation: il faut", "Il faut égorger les traîtres", func(f frame) bool { return f.incite }},
		{"incitation: qui vote pour", "qui vote pour frapper Jade", func(f frame) bool { return f.incite }},
		{"wish: devraient être", "Ces gens devraient être pendus", func(f frame) bool { return f.act == actKill && f.wish }},
		{"negation", "Je ne vais pas te frapper", func(f frame) bool { return f.negated }},
		{"report: third person past", "Il a tué trois personnes en 1995", func(f frame) bool {
			return f.report && f.tense == tensePast && !f.agentive()
		}},
		{"report: police", "La police a trouvé une arme dans le parking", func(f frame) bool { return f.report }},
		{"drill in the clause", "Exercice attentat intrusion dans le gymnase", func(f frame) bool { return f.drill && f.framed() }},
		{"lesson verb", "Nous étudierons les attentats de 1995", func(f frame) bool { return f.lesson && f.framed() }},
		{"play", "je t'explose au match de hand", func(f frame) bool { return f.play }},
		{"a noun is not a verb", "Ce morceau est un massacre", func(f frame) bool { return f.actor == actorNone }},
	}
	for _, tc := range tests {
		f, _ := actFrame(tc.text)
		if tc.check(f) {
			continue
		}
		if fs := framesOf(tc.text); len(fs) > 0 && tc.check(fs[0]) {
			continue
		}
		t.Errorf("%s: %q: frame %+v", tc.name, tc.text, f)
	}
}

// A reporting clause makes the clause it introduces a report; a polite
// opening does not.
func TestFrameReportSpans(t *testing.T) {
	f, _ := actFrame("Un élève a écrit qu'il allait poser une bombe au CDI.")
	if !f.report {
		t.Errorf("reported clause not a report: %+v", f)
	}
	f, _ = actFrame("Je tenais à vous informer qu'une bombe est posée au CDI.")
	if f.report || !f.agentive() {
		t.Errorf("claim read as a report: %+v", f)
	}
}

// Clauses split at commas, subordinators and "et" + subject.
func TestClauses(t *testing.T) {
	fs := framesOf("Je suis armé et je suis dans le lycée, enfermez-vous si vous voulez vivre.")
	if len(fs) < 4 {
		t.Fatalf("want ≥ 4 clauses, got %d: %+v", len(fs), fs)
	}
	if !fs[1].presence {
		t.Errorf("presence not read: %+v", fs[1])
	}
}

// A quoted word is a clause of its own whatever the quotation marks: the
// act of « il a écrit 'bombe' sur le mur » has no verb and no tense, as
// with « » or straight double quotes, while an elision (« qu'un », « l'a »)
// opens nothing.
func TestQuotationIsAClause(t *testing.T) {
	want, ok := actFrame(`Quelqu'un a écrit « bombe » sur un mur des toilettes.`)
	if !ok || !want.quoted {
		t.Fatalf("guillemets: no quoted act frame: %+v", want)
	}
	for _, text := range []string{
		`Quelqu'un a écrit "bombe" sur un mur des toilettes.`,
		`Quelqu'un a écrit 'bombe' sur un mur des toilettes.`,
		`Quelqu'un a écrit ‘bombe’ sur un mur des toilettes.`,
	} {
		got, ok := actFrame(text)
		if !ok || !got.quoted || got.tense != want.tense || got.actor != want.actor {
			t.Errorf("%s: act frame %+v, want quoted, tense %v and actor %v as with « »", text, got, want.tense, want.actor)
		}
	}
	got, ok := actFrame(`Il l'a dit : qu'un élève va faire sauter le lycée demain.`)
	if !ok || got.quoted {
		t.Errorf("elisions read as a quotation: %+v", got)
	}
}

// A lesson or report word discounts an act only in the act's clause, unless
// nobody performs the act.
func TestStanceIsClauseLocal(t *testing.T) {
	e := New(Config{NoTextModel: true})
	held := func(s string) bool { return e.Check(Input{Text: s}).Verdict != Deliver }
	if !held("Je tenais à vous informer qu'une bombe est posée dans le réfectoire.") {
		t.Error("a claimed bomb after « informer » was delivered")
	}
	if held("Évaluation vendredi : combustion, explosion et énergie chimique, chapitre 6.") {
		t.Error("a bare mention in a lesson notice was held")
	}
	// A reporting verb in the infinitive reports unless the speaker is
	// its subject.
	if held("Certains élèves continuent à dire que les filles de 4e devraient être frappées.") {
		t.Error("a reported wish under « continuer à dire » was held")
	}
	if !held("Je tiens à vous dire qu'on va frapper les 4e à la sortie demain.") {
		t.Error("a first-person announcement under « je tiens à vous dire » was delivered")
	}
}

func FuzzFrames(f *testing.F) {
	for _, s := range []string{"Je vais te tuer demain", "jvais t'exploser", "« tuez-les » a-t-il dit", "t'es mort, chui armé", "", "qu'", "et et et je",
		// fifth round: speaker's state, titles, practice, praise predicates, places of harm
		"je vais exploser de", "je brûle d", "on a regardé l'", "Dans X", "il faut en plus", "qui est un héros",
		"tu finis à la morgue", "regarder", "abattre deux", "les victimes sont des martyrs",
		// sixth round: body, fight, kin, stopped acts
		"la tête", "te la tête", "lui ouvrir la", "se bat", "en face", "1v1", "vient 1v1", "chez", "ta petite", "petite sœur",
		"arrêtez de", "si tu", "sinon chez toi", "on sait où habite ta mère"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		a := analyze(s)
		toks := buildTokens(a, nil)
		clause := make([]int, len(toks))
		fr, _ := parseFrames(a.src, toks, clause, nil, nil)
		for i, c := range clause {
			if c < 0 || len(toks) > 0 && c >= len(fr) {
				t.Fatalf("token %d in clause %d of %d", i, c, len(fr))
			}
		}
		for _, x := range fr {
			if x.start < 0 || x.end > len(toks) || x.start >= x.end {
				t.Fatalf("bad clause span %d..%d of %d", x.start, x.end, len(toks))
			}
		}
		_ = frameScores(toks, fr)
		_ = TextFeatures(s)
	})
}

// Skipping the clause parser on messages without an act changes nothing:
// same scores, same model features.
func TestNeedFramesShortcut(t *testing.T) {
	var texts []string
	for _, m := range readCorpus(t, "testdata/dev.jsonl") {
		texts = append(texts, m.Text)
	}
	texts = append(texts, benchMessages...)
	texts = append(texts, "Réunion jeudi à 18h en salle 204.", "Je suis au CDI.", "Merci pour le devoir, la police a dit que tout va bien.")
	skipped := 0
	for _, s := range texts {
		a := analyze(s)
		if !needFrames(buildTokens(a, nil)) {
			skipped++
		}
		fast, fastScores := TextFeatures(s), textScores(s)
		alwaysParseFrames = true
		slow, slowScores := TextFeatures(s), textScores(s)
		alwaysParseFrames = false
		if !reflect.DeepEqual(fast, slow) || fastScores != slowScores {
			t.Errorf("%q: shortcut changes the reading:\n%v\n%v", s, fast.Names, slow.Names)
		}
	}
	if skipped == 0 {
		t.Error("the shortcut never applies")
	}
}

// The model's features: an act's features carry the stance of its clause,
// the words of a negated or framed act's clause are other features, and a
// clause aimed at the reader without a known act has its own frame.
func TestStanceFeatures(t *testing.T) {
	has := func(text, name string) bool {
		for _, n := range TextFeatures(text).Names {
			if n == name {
				return true
			}
		}
		return false
	}
	nb := "\u00a0"
	tests := []struct {
		text, name string
		want       bool
	}{
		{"je vais te tuer demain", "acte" + nb + ": tuer", true},
		{"je vais te tuer demain", "mot «" + nb + "tuer" + nb + "»", true},
		{"je ne vais pas te tuer", "acte nié" + nb + ": tuer", true},
		{"je ne vais pas te tuer", "acte" + nb + ": tuer", false},
		{"je ne vais pas te tuer", "mot «" + nb + "tuer" + nb + "» (acte nié ou encadré)", true},
		{"je ne vais pas te tuer", "mot «" + nb + "tuer" + nb + "»", false},
		{"je vais te tuer à FIFA mdr", "acte encadré" + nb + ": tuer", true},
		{"je vais te tuer à FIFA mdr", "acte" + nb + ": tuer", false},
		{"on va te retrouver à la sortie demain", "cadre 1re → 2e personne + futur", true},
		{"on va te retrouver à la sortie demain", "cadre 1re → 2e personne + lieu", true},
		{"on va te retrouver à la sortie demain", "cadre 1re → 2e personne + lemme retrouver", true},
		{"jte rappelle ce soir", "cadre 1re → 2e personne + présent", true},
		{"il te rappelle ce soir", "cadre 1re → 2e personne + présent", false},
		{"je ne vais pas te retrouver", "cadre 1re → 2e personne + futur", false},
	}
	for _, tc := range tests {
		if got := has(tc.text, tc.name); got != tc.want {
			t.Errorf("%q: feature %q present %v, want %v; features %q", tc.text, tc.name, got, tc.want, TextFeatures(tc.text).Names)
		}
	}
	// A report sets its words apart, unless the message names a faith, an
	// extremist reference or approves: praise of a past attack is told in
	// the past tense, often over two clauses.
	scoped := func(text string) bool {
		for _, n := range TextFeatures(text).Names {
			if strings.HasSuffix(n, "(acte nié ou encadré)") {
				return true
			}
		}
		return false
	}
	if !scoped("Il a tué trois personnes en 1995.") {
		t.Error("a third-person past report: words not set apart")
	}
	if scoped("Les frères qui ont frappé Charlie ont vengé le prophète.") {
		t.Error("praise of a past attack: words set apart as a report")
	}
	if scoped("Bravo à ceux qui ont tué le professeur.") {
		t.Error("praise over two clauses: words set apart as a report")
	}
}
