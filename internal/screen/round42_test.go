package screen

import (
	"strings"
	"testing"
)

// TestOmenFeatures checks the aftermath reading: a phrase of mourning,
// of lives ending or of a school emptied gives the message feature, with
// the school and a time when the message names them; ordinary words near
// them do not. Sentences written for the test.
func TestOmenFeatures(t *testing.T) {
	for _, c := range []struct {
		text               string
		omen, school, when bool
	}{
		{"Faites le plein de bougies et de fleurs, le collège va en avoir besoin d'ici lundi.", true, true, true},
		{"le spectacle de jeudi sera le dernier de votre vie", true, false, true},
		{"y en a qui verront jamais les vacances", true, false, false},
		{"le lycée fermera pour de bon mercredi", true, true, true},
		{"vous allez regretter d'être nés", true, false, false},
		{"on achète des bougies pour le gâteau de Léa", false, false, false},
		{"la réunion du lycée est mercredi à 18 h", false, false, false},
		{"c'est le plus beau jour de l'année", false, false, false},
	} {
		_, toks := tokensOf(c.text)
		o, s, w := omenIn(toks)
		if o != c.omen || s != c.school || w != c.when {
			t.Errorf("%q: omen %v school %v when %v, want %v %v %v", c.text, o, s, w, c.omen, c.school, c.when)
		}
		names := strings.Join(TextFeatures(c.text).Names, "|")
		if got := strings.Contains(names, "message\u00a0: issue funeste"); got != c.omen {
			t.Errorf("%q: aftermath feature %v, want %v", c.text, got, c.omen)
		}
	}
}

// TestTrackFeatures checks the reading of a writer who shows that they
// watch the reader, and of the reader's private life named with it.
// Sentences written for the test.
func TestTrackFeatures(t *testing.T) {
	for _, c := range []struct {
		text           string
		track, private bool
	}{
		{"je vous ai suivie jusqu'à la crèche ce matin", true, true},
		{"Je connais votre emploi du temps par cœur.", true, false},
		{"on sait où tu dors, fenêtre du rez-de-chaussée", true, true},
		{"je vous vois tous les jours à l'arrêt de bus avec votre fils", true, true},
		{"je vous suis reconnaissant pour votre aide avec mon fils", false, false},
		{"je vous ai vu à la réunion, votre fille va bien ?", false, false},
		{"je connais ton code d'immeuble, 4721B", true, true},
		{"on connaît vos horaires et votre voiture", true, true},
		{"je sais où tu vas au foot le mercredi", true, true},
		{"je connais ton frère, il est sympa", false, false},
		{"je sais où est la salle 12", false, false},
	} {
		_, toks := tokensOf(c.text)
		tr, pr := trackIn(toks)
		if tr != c.track || pr != c.private {
			t.Errorf("%q: track %v private %v, want %v %v", c.text, tr, pr, c.track, c.private)
		}
		names := strings.Join(TextFeatures(c.text).Names, "|")
		if got := strings.Contains(names, "message\u00a0: filature du destinataire + vie privée"); got != c.private {
			t.Errorf("%q: private-life feature %v, want %v", c.text, got, c.private)
		}
	}
}

// TestChatSpellings42 checks the chat words of this round: words spelt
// by their sound, which are not French words, take their standard form.
func TestChatSpellings42(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"vs ete tous mor", "vous ete tous mort"},
		{"on fé tou pa", "on fait tous pas"},
		{"ché eux", "chez eux"},
		{"au lycé partou", "au lycee partout"},
		{"t mor", "t es mort"},
		{"un pas de deux", "un pas de deux"},
		{"on fou le feu au college", "on fout le feu au college"},
		{"c'est fou le feu d'artifice", "c est fou le feu d artifice"},
	} {
		if got := tokenKeys(c.text); got != c.want {
			t.Errorf("%q: tokens %q, want %q", c.text, got, c.want)
		}
	}
}

// TestEnglishOutcomes42 checks the English outcomes added this round: a
// body bag, a stretcher or a journey that does not end, promised to a
// group or to the reader; their ordinary uses stay under the line.
// Sentences written for the test.
func TestEnglishOutcomes42(t *testing.T) {
	rulesHold(t, []heldCase{
		{"whoever shows up to the assembly on friday goes home in a bag", true},
		{"keep talking and you leave this school on a stretcher", true},
		{"the bus to the match won't get there, trust me", true},
		{"we put the old sleeping bag in the car for the trip", false},
		{"the bus won't be there until 9, sorry", false},
	})
}

// TestExcuseFeatures checks the reading of an excuse, and of an excuse
// of an attack or of a killing. Sentences written for the test.
func TestExcuseFeatures(t *testing.T) {
	for _, c := range []struct {
		text           string
		excuse, attack bool
	}{
		{"le prof de Conflans il l'a cherché, faut pas provoquer", true, true},
		{"les journalistes tués ? on récolte ce qu'on sème", true, true},
		{"je ne condamnerai jamais le 7 octobre", true, true},
		{"il a eu 4 au contrôle, il l'a cherché, il a rien révisé", true, false},
		{"en EMC on a parlé de l'attentat de Conflans et des victimes", false, false},
	} {
		_, toks := tokensOf(c.text)
		e, a := excuseIn(toks)
		if e != c.excuse || a != c.attack {
			t.Errorf("%q: excuse %v attack %v, want %v %v", c.text, e, a, c.excuse, c.attack)
		}
		names := strings.Join(TextFeatures(c.text).Names, "|")
		if got := strings.Contains(names, "message\u00a0: excuse + attaque ou victimes tuées"); got != c.attack {
			t.Errorf("%q: excused-attack feature %v, want %v", c.text, got, c.attack)
		}
	}
}

// TestGameMadeReal checks the features of a game or a film told as the
// frame of a real attack. Sentences written for the test.
func TestGameMadeReal(t *testing.T) {
	for _, c := range []struct {
		text         string
		placed, real bool
	}{
		{"demain on fait une partie de cache-cache en vrai dans la cour du collège", true, true},
		{"gros match lundi au lycée, venez", true, false},
		{"une seule vie, pas de respawn, c'est pas un jeu 😂", false, true},
		{"on fait une partie de Fortnite ce soir ?", false, false},
	} {
		names := strings.Join(TextFeatures(c.text).Names, "|")
		if got := strings.Contains(names, "message\u00a0: jeu + établissement + moment"); got != c.placed {
			t.Errorf("%q: placed game feature %v, want %v; features %s", c.text, got, c.placed, names)
		}
		if got := strings.Contains(names, "message\u00a0: jeu + pour de vrai"); got != c.real {
			t.Errorf("%q: real game feature %v, want %v; features %s", c.text, got, c.real, names)
		}
	}
}

// TestToutCasser checks that « tout casser » (doing brilliantly) is no
// act, while breaking someone or their body still is.
func TestToutCasser(t *testing.T) {
	rulesHold(t, []heldCase{
		{"demain audition pour la chorale jvais tout casser jsuis prête", false},
		{"samedi au match on va tout casser les gars", false},
		{"demain je vais te casser les jambes à la sortie", true},
	})
}

// TestChatWordsFolded checks that every chat word is written as the
// tokeniser gives words (lower case, no accents): an accented key never
// matches. « jvé », « jfé », « jsé » and « choppé » were such keys.
func TestChatWordsFolded(t *testing.T) {
	for w := range chatWords {
		for _, r := range w {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				t.Errorf("chat word %q has %q: it can never match", w, r)
				break
			}
		}
	}
}
