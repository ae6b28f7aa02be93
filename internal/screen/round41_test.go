package screen

import (
	"slices"
	"strings"
	"testing"
)

// TestRoomNotFiction checks that « pièce » and « scène » as a room or a
// stage of the school no longer frame the act as a fiction, and that a
// play and its scenes still do. Sentences written for the test.
func TestRoomNotFiction(t *testing.T) {
	for _, c := range []struct {
		text    string
		fiction bool
	}{
		{"il y a une bombe dans une pièce du lycée", false},
		{"il y a une bombe sous la scène pour le spectacle", false},
		{"il y a une bombe sur la scène de l'amphi", false},
		{"j'ai caché une arme derrière la scène", false},
		{"dans la scène 3 il y a une bombe", true},
		{"dans la pièce de théâtre le héros pose une bombe", true},
	} {
		fiction := false
		for _, f := range framesOf(c.text) {
			fiction = fiction || f.fictionCue
		}
		if fiction != c.fiction {
			t.Errorf("%q: fiction cue %v, want %v", c.text, fiction, c.fiction)
		}
	}
}

// TestAttackDateInFigures checks that the dates of attacks written in
// figures become the tokens of the same dates in words, and that other
// dates and decimals stay numbers. Sentences written for the test.
func TestAttackDateInFigures(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"rdv le 13/11 à 17h", "rdv le 13novembre a 17h"},
		{"le 13 novembre", "le 13novembre"},
		{"16.10.2020 on t'oublie pas", "16octobre on t oublie pas"},
		{"ils ont payé. 7/01. fin.", "ils ont paye 7janvier fin"},
		{"7.10 jamais assez", "7octobre jamais asez"},
		{"9/11 was genius", "11septembre was genius"},
		{"le 7/10/23 au matin", "le 7octobre au matin"},
		{"rdv le 14/11 à 17h", "rdv le 14 11 a 17h"},
		{"1.5 kg de farine", "1.5 kg de farine"},
		{"13 11 élèves", "13 11 eleves"},
	} {
		if got := tokenKeys(c.text); got != c.want {
			t.Errorf("%q: tokens %q, want %q", c.text, got, c.want)
		}
	}
	// Words a chat rewrite made from one source word share its span: no
	// slash stands between them, and reading one must not slice backwards.
	shared := []token{{key: "13", start: 0, end: 5}, {key: "11", start: 0, end: 5}}
	if key, n := attackDateAt("13/11", shared, 0); n != 0 {
		t.Errorf("words of one span read as the date %q", key)
	}
	rulesHold(t, []heldCase{
		{"gloire aux frères du 7/01", true},
		{"gloire aux frères du 7 janvier", true},
		{"respect aux lions du 13/11", true},
		{"réunion parents-professeurs le 13/11 à 18h en salle 12", false},
	})
}

// TestLifeCondition checks that a life held under a condition is held on
// the rules alone, and that a life lived (« vivre une expérience ») or
// named by its kind (« ta vie sociale ») is not. Sentences written for
// the test.
func TestLifeCondition(t *testing.T) {
	rulesHold(t, []heldCase{
		{"si vous tenez a vos vies séchez mardi", true},
		{"si tu tiens à ta vie viens pas lundi", true},
		{"si vous voulez rester en vie ne venez pas au collège jeudi", true},
		{"si tu tiens à ta vie rends moi mon tel", true},
		{"si tu tiens à ta vie sociale évite de poster ça", false},
		{"si vous voulez vivre une expérience inoubliable, inscrivez-vous au voyage", false},
		{"si tu veux vivre ta vie, pars de chez tes parents", false},
	})
}

// TestFlagAndSignEmoji checks the emoji read as words this round: the
// black flag alone (not the pirate flag nor the flags of England,
// Scotland and Wales, which start with the same character), the raised
// finger, the truck and the lion.
func TestFlagAndSignEmoji(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"les vrais savent 🏴☝️", "les vrais savent drapeaunoir doigtleve"},
		{"🏴‍☠️ one piece", "pirate one piece"},
		{"🏴󠁧󠁢󠁥󠁮󠁧󠁿 go england", "go england"},
		{"🚚 livraison 🦁", "camion livraison lion"},
	} {
		if got := tokenKeys(c.text); got != c.want {
			t.Errorf("%q: tokens %q, want %q", c.text, got, c.want)
		}
	}
}

// TestAttackMood checks the message features of an attack named with
// laughter or a word of pleasure. Sentences written for the test.
func TestAttackMood(t *testing.T) {
	for _, c := range []struct {
		text                    string
		attack, laugh, pleasure bool
	}{
		{"13/11 meilleure date de l'année", true, false, true},
		{"bataclan le seul concert où personne a demandé de rappel 😂", true, true, false},
		{"la meilleure date de l'année c'est mon anniv 😂", false, false, false}, // no attack: not read
		{"en histoire on étudie l'attentat du Bataclan", true, false, false},
	} {
		_, toks := tokensOf(c.text)
		a, l, p := attackMood(toks)
		if a != c.attack || l != c.laugh || p != c.pleasure {
			t.Errorf("%q: attack %v laugh %v pleasure %v, want %v %v %v", c.text, a, l, p, c.attack, c.laugh, c.pleasure)
		}
		names := strings.Join(TextFeatures(c.text).Names, "|")
		if got := strings.Contains(names, "message\u00a0: attaque nommée + mot de plaisir"); got != (c.attack && c.pleasure) {
			t.Errorf("%q: pleasure feature %v, want %v; features %s", c.text, got, c.attack && c.pleasure, names)
		}
	}
}

// TestChatSpellings41 checks the chat words of this round.
func TestChatSpellings41(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"ATANTA DEMIN AU LYCE", "atentat demain au lycee"},
		{"ceu ki rest sont mor", "ceux qui rest sont mort"},
		{"on se voit dmain", "on se voit demain"},
	} {
		if got := glueTokens(c.text); got != c.want {
			t.Errorf("%q: tokens %q, want %q", c.text, got, c.want)
		}
	}
}

// TestNoActInAForeignText checks that finding no act in a text the
// lexicon mostly cannot read is a feature of its own, apart from a French
// text with no act. Sentences written for the test.
func TestNoActInAForeignText(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"Am pus o bombă sub tribuna de la stadion, unde se face crosul colegiului joi.", "aucun acte (texte peu lu)", "aucun acte"},
		{"Bonjour, la réunion des parents aura lieu jeudi à 18 heures.", "aucun acte", "aucun acte (texte peu lu)"},
	} {
		names := TextFeatures(c.text).Names
		has := func(n string) bool { return slices.Contains(names, n) }
		if !has(c.want) || has(c.not) {
			t.Errorf("%q: features %q, want %q and not %q", c.text, names, c.want, c.not)
		}
	}
}

// TestPoisonADish checks that a dish the speaker will poison is no
// hyperbole's object, and that a dish poisoning someone else, or a lesson
// on poisons, is still no act. Sentences written for the test.
func TestPoisonADish(t *testing.T) {
	rulesHold(t, []heldCase{
		{"Je vais empoisonner le repas de jeudi. Bon appétit à tous.", true},
		{"on va empoisonner les plats de la cantine", true},
		{"ce plat va m'empoisonner tellement il est gras", false},
		{"en SVT on a vu comment les champignons peuvent empoisonner un repas", false},
	})
}

// TestDisguisedLetters checks the disguises of this round's sets read as
// letters: Greek capitals by their capital shape, letters in circles and
// squares, the syllabics of fancy-text generators; a real Greek word keeps
// its letters.
func TestDisguisedLetters(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"ΤΟUS LΕS ÉLÈVΕS VΟΝΤ ΜΟURΙR", "tous les eleves vont mourir"},
		{"🅱️🅾️Ⓜ️🅱️Ⓔ collège", "bombe college"},
		{"ⓑⓞⓜⓑⓔ 🄱🄾🄼🄱🄴", "bombe bombe"},
		{"une ᗷOᗰᗷE a été cachée", "une bombe a ete cachee"},
		{"ΗΛΙΟΣ", "ηλιοσ"},
	} {
		if got := tokenKeys(c.text); got != c.want {
			t.Errorf("%q: tokens %q, want %q", c.text, got, c.want)
		}
	}
}

// tokenKeys returns the keys of a text's detection tokens, space-separated.
func tokenKeys(text string) string {
	_, toks := tokensOf(text)
	ks := make([]string, len(toks))
	for i, d := range toks {
		ks[i] = d.key
	}
	return strings.Join(ks, " ")
}
