package screen

import "testing"

// TestChat44 checks this round's chat readings that depend on their
// neighbours: « sale » as salle, « tu » as tue, « sa » as ça, and the
// words left alone beside them. Sentences written for the test.
func TestChat44(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"jvai bruler la sale 204", "je vais bruler la salle 204"},
		{"une sale de classe", "une salle de classe"},
		{"dans la sale des profs", "dans la salle des profs"},
		{"une sale journee", "une sale journee"},
		{"la sale race", "la sale race"},
		{"t'es sale de partout", "t'es sale de partout"},
		{"jvou tu tous", "je vous tue tous"},
		{"je te tu demain", "je te tue demain"},
		{"je vais te tu er", "je vais te tu er"},
		{"tu viens demain", "tu viens demain"},
		{"et toi tu dis quoi", "et toi tu dis quoi"},
		{"a 12h sa pete", "a 12h ca pete"},
		{"sa va sauter", "ca va sauter"},
		{"il a oublie sa trousse", "il a oublie sa trousse"},
		{"sa porte est fermee", "sa porte est fermee"},
		{"demin yora des mor", "demain il y aura des mort"},
		{"jte tu o ping pong", "je te tue au ping pong"},
	} {
		if got := chatForm(c.in); got != c.want {
			t.Errorf("chatForm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestHarmIdiom checks that payer and rayer name a harm only in their
// threat's idiom. Sentences written for the test.
func TestHarmIdiom(t *testing.T) {
	for _, c := range []struct {
		text string
		harm bool
	}{
		{"le collège va le payer cher", true},
		{"vous allez me le payer", true},
		{"ce bahut je vais le rayer de la carte", true},
		{"tu vas le regretter", true},
		{"je vais le payer par chèque", false},
		{"tu le payes combien ?", false},
		{"on va payer la sortie demain", false},
		{"le voyage, on va le payer en trois fois", false},
		{"je vais rayer son nom de la liste", false},
		{"Cher Monsieur, je vais le payer demain sans faute.", false},
		{"je vais le payer demain", false},
		{"Le manuel est cher, tu vas le payer quand même ?", false},
		{"il va le payer très cher", true},
		{"tu vas payer cher ta place au concert", false},
		{"vous allez le payer de votre vie", true},
	} {
		got := false
		for _, fr := range framesOf(c.text) {
			if fr.act == actHarm {
				got = true
			}
		}
		if got != c.harm {
			t.Errorf("%q: harm %v, want %v", c.text, got, c.harm)
		}
	}
}

// TestLemmaActVerb checks that the model's lemma feature takes an act
// verb's reading over the table's first one: « tue » was a participle
// of taire, « souffre » a form of soufrer.
func TestLemmaActVerb(t *testing.T) {
	for _, c := range []struct{ word, lemma string }{
		{"tue", "tuer"}, {"tues", "tuer"}, {"souffre", "souffrir"}, {"brûle", "bruler"}, {"mange", "manger"},
	} {
		ki := lx.info(MorphKey(c.word))
		if ki.lemma != MorphKey(c.lemma) {
			t.Errorf("%s: lemma %q, want %q", c.word, ki.lemma, MorphKey(c.lemma))
		}
	}
}

// TestNoActBySound checks that a text the chat rewrite or the repair
// changed in two words or more, with no act, gets its own « no act »
// feature, and a standard French one keeps the old. Sentences written
// for the test.
func TestNoActBySound(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"jsp ki vien demin c pa grave", "aucun acte (écrit au son)"},
		{"tkt ya pa cour demin", "aucun acte (écrit au son)"},
		{"Je ne sais pas qui vient demain, ce n'est pas grave.", "aucun acte"},
		{"jsp ce qui se passe demain", "aucun acte"},
	} {
		names := map[string]bool{}
		for _, n := range TextFeatures(c.text).Names {
			names[n] = true
		}
		if !names[c.want] {
			t.Errorf("%q: no feature %q", c.text, c.want)
		}
		for _, other := range []string{"aucun acte", "aucun acte (écrit au son)"} {
			if other != c.want && names[other] {
				t.Errorf("%q: feature %q, want only %q", c.text, other, c.want)
			}
		}
	}
}

// TestXLexWholeFrame checks the conjunctions of a threat's whole frame
// in a text no French frame reads, and that a part of it gives neither.
// Sentences written for the test.
func TestXLexWholeFrame(t *testing.T) {
	for _, c := range []struct {
		text        string
		when, group bool
	}{
		{"Mañana mato a todos en la escuela", true, true},
		{"Завтра взорву школу", true, false},
		{"Domani porto il fucile a scuola", true, false},
		{"Mañana mato a todos", false, false},
		{"Mañana vamos todos a la escuela", false, false},
	} {
		names := map[string]bool{}
		for _, n := range TextFeatures(c.text).Names {
			names[n] = true
		}
		if names["xl acte + cible + moment"] != c.when || names["xl acte + cible + tous"] != c.group {
			t.Errorf("%q: moment %v tous %v, want %v %v", c.text, names["xl acte + cible + moment"], names["xl acte + cible + tous"], c.when, c.group)
		}
	}
}
