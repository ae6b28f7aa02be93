package screen

import (
	"slices"
	"strings"
	"testing"
)

// frameScoresOf returns the clause frames' detector scores of text.
func frameScoresOf(text string) [numDetectors]detectorScore {
	a := analyze(text)
	toks := buildTokens(a, nil)
	fr, _ := parseFrames(a.src, toks, make([]int, len(toks)), nil, nil)
	return frameScores(toks, fr)
}

// anyFrame reports whether a clause frame of text satisfies ok.
func anyFrame(text string, ok func(frame) bool) bool {
	return slices.ContainsFunc(framesOf(text), ok)
}

// TestArticleAfterIntransitive47: « la » after burn, explode or die is an
// article when a noun follows it, so the verb has an object and the
// speaker is not the one who burns; folded « là » at the end or before a
// laugh still leaves the speaker's own state. The sentences were written
// for this test, not taken from a set.
func TestArticleAfterIntransitive47(t *testing.T) {
	wantActs(t, []actCase{
		{"je vais brûler la maison de Kevin", actBurn},
		{"je vais cramer la voiture du CPE ce soir", actBurn},
		{"je vais brûler la grange de Lucas", actBurn},
		{"je vais exploser là", actNone},
		{"je vais exploser la mdr", actNone},
		{"je vais crever là sérieux", actNone},
	})
}

// TestTeacherSubjectIsNoLesson47: the subject a teacher teaches names the
// teacher (« le prof d'histoire »), so it frames no lesson; the subject of
// a lesson still does.
func TestTeacherSubjectIsNoLesson47(t *testing.T) {
	e := New(Config{NoTextModel: true})
	for _, c := range []struct {
		text   string
		lesson bool
	}{
		{"je vais foutre le feu à la voiture du prof d'histoire", false},
		{"je vais foutre le feu à la voiture de la professeure de physique", false},
		{"en cours d'histoire on a vu comment on met le feu à une ville", true},
	} {
		got := strings.Contains(strings.Join(e.Check(Input{Text: c.text}).Reasons, " "), "enseignement")
		if got != c.lesson {
			t.Errorf("%q: lesson discount %v, want %v", c.text, got, c.lesson)
		}
	}
	for _, c := range []struct {
		noun, prep string
		want       bool
	}{
		{"prof", "d", true}, {"profs", "de", true}, {"enseignante", "de", true}, {"cours", "d", false}, {"prof", "a", false},
	} {
		if got := teacherOf(keyOf(c.noun), c.prep); got != c.want {
			t.Errorf("teacherOf(%q, %q) = %v", c.noun, c.prep, got)
		}
	}
}

// TestArmedWithNoWeapon47: armed with patience or courage is no weapon,
// also after a comic pause; armed with a knife, or armed and then a new
// sentence, is.
func TestArmedWithNoWeapon47(t *testing.T) {
	for _, c := range []struct {
		text  string
		armed bool
	}{
		{"je suis armé de patience", false},
		{"je suis armée d'un grand sourire pour la rentrée", false},
		{"jsuis armé... de courage 😂", false},
		{"je suis armé d'un couteau", true},
		{"je suis armé de mon flingue", true},
		{"je suis armé. De toute façon vous allez tous comprendre", true},
	} {
		got := anyFrame(c.text, func(f frame) bool { return f.act == actArm })
		if got != c.armed {
			t.Errorf("%q: armed %v, want %v", c.text, got, c.armed)
		}
	}
}

// TestDeathApproved47: an approval ending the clause before que, and a
// death told in the que clause, make a justification; a negation on
// either side, a state (« mort de rire ») or another event do not. Of
// someone of the school, it is terror apology at the strong rules'
// score. The sentences were written for this test.
func TestDeathApproved47(t *testing.T) {
	for _, c := range []struct {
		text       string
		glad, held bool
	}{
		{"c'est bien que la prof soit morte", true, true},
		{"je suis ravi que le principal soit mort", true, true},
		{"tant mieux qu'ils aient été tués les profs", true, true},
		{"heureusement que le CPE est crevé", true, true},
		{"je suis contente que mon hamster soit mort il souffrait", true, false},
		{"heureusement que personne n'est mort", false, false},
		{"c'est pas bien que le chien soit mort", false, false},
		{"heureusement que la prof est morte de rire", false, false},
		{"je suis content que tu sois venu", false, false},
		{"c'est bien que les élèves aient été prévenus", false, false},
		{"je sais bien que le prof est mort, pas besoin de le répéter", false, false},
		{"il faut bien que la prof soit morte pour qu'on ait un remplaçant", false, false},
	} {
		glad := anyFrame(c.text, func(f frame) bool { return f.deathGlad })
		if glad != c.glad {
			t.Errorf("%q: death approved %v, want %v", c.text, glad, c.glad)
		}
		held := frameScoresOf(c.text)[detApology].score >= StrongRules
		if held != c.held {
			t.Errorf("%q: terror apology at the strong score %v, want %v", c.text, held, c.held)
		}
	}
}

// TestRightToKill47: « avoir raison de » justifies with a killing or
// « le faire » after it, not with an ordinary infinitive.
func TestRightToKill47(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"le tueur a eu raison de la tuer", true},
		{"ils ont eu raison de les égorger", true},
		{"les frères ont eu bien raison de le faire", true},
		{"tu as eu raison de réviser", false},
		{"elle a eu raison de partir", false},
	} {
		got := anyFrame(c.text, func(f frame) bool { return f.justify })
		if got != c.want {
			t.Errorf("%q: justification %v, want %v", c.text, got, c.want)
		}
	}
}

// TestUnquoteReported47: the quoted words are blanked for the segment
// hold only when a word outside the quotation reports it.
func TestUnquoteReported47(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"Il a écrit « on va tout brûler » hier.", "Il a écrit «                    » hier."},
		{`Le message disait : "bombe au lycée". J'ai peur.`, `Le message disait : "               ". J'ai peur.`},
		{"« on va tout brûler » demain au lycée", "« on va tout brûler » demain au lycée"},
		{"Il a écrit à la CPE pour s'excuser.", "Il a écrit à la CPE pour s'excuser."},
		{"Reçu d'un pote : « le lycée saute lundi », partagez à vos classes", "Reçu d'un pote : « le lycée saute lundi », partagez à vos classes"},
		{"On m'a envoyé « le lycée saute lundi », faites tourner", "On m'a envoyé « le lycée saute lundi », faites tourner"},
	} {
		if got := unquoteReported(c.text); got != c.want {
			t.Errorf("unquoteReported(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestReportedQuoteNotHeldAlone47: a parent reporting a threat the child
// received is read as a report; the segment hold does not read the quoted
// threat alone. The writer's own threat after a quotation is still held.
func TestReportedQuoteNotHeldAlone47(t *testing.T) {
	e := New(Config{})
	for _, c := range []struct {
		text string
		want Verdict
	}{
		{"Bonjour Monsieur, ma fille a reçu ce soir sur l'ENT un message d'un compte qu'elle ne connaît pas : « demain une bombe va exploser au lycée, ne venez pas ». Elle pleure. Je vous envoie une capture.", Deliver},
		{"Le message disait « on va tous vous cramer ». Moi je dis qu'il a raison. Demain je ramène l'essence et on crame le lycée avec vous dedans.", Hold},
	} {
		if got := e.Check(Input{Text: c.text}).Verdict; (got == Deliver) != (c.want == Deliver) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

// TestHearsay47: what a message or a rumour says (« comme quoi », « un
// message qui parle de ») is reported; talk in a condition, or the
// speaker's own act, is not.
func TestHearsay47(t *testing.T) {
	for _, c := range []struct {
		text   string
		report bool
	}{
		{"y a une rumeur comme quoi le gymnase va brûler vendredi", true},
		{"ma fille a vu une story qui parle d'une fusillade au collège mardi", true},
		{"si elle parle encore de moi mon cousin va la poignarder", false},
		{"demain je fais exploser le collège", false},
	} {
		f, ok := actFrame(c.text)
		if !ok {
			t.Errorf("%q: no act", c.text)
			continue
		}
		if f.report != c.report {
			t.Errorf("%q: report %v, want %v", c.text, f.report, c.report)
		}
	}
}

// TestIntentionNearTheAct47: the threat rules' intention counts only
// within two clauses of the act it would announce.
func TestIntentionNearTheAct47(t *testing.T) {
	e := New(Config{NoTextModel: true})
	for _, c := range []struct {
		text string
		want bool
	}{
		{"on m'a dit qu'il y aurait une bombe au collège jeudi. Je sais pas si c'est vrai. J'ai gardé la capture. Mon frère dit que c'est faux. Je viens vous voir à la récré.", false},
		{"je viens avec une bombe au collège jeudi", true},
	} {
		got := strings.Contains(strings.Join(e.Check(Input{Text: c.text}).Reasons, " "), "intention")
		if got != c.want {
			t.Errorf("%q: intention %v, want %v", c.text, got, c.want)
		}
	}
}

// TestSlangApproval47: a fan, the best, a legend or pride, with an
// extremist word, approves; without one, or in a lesson, it does not.
func TestSlangApproval47(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"moi je suis fan de daech depuis toujours", true},
		{"la dawla c'est la meilleure", true},
		{"je suis fan de ce prof", false},
		{"Madame je suis fan de votre cours sur Daech, on continue lundi ?", false},
	} {
		got := frameScoresOf(c.text)[detApology].score >= 0.55
		if got != c.want {
			t.Errorf("%q: approval %v, want %v", c.text, got, c.want)
		}
	}
}
