package screen

import (
	"fmt"
	"testing"
)

// TestFramingWordsPadding: school, drill, game or report words padded
// around a threat frame nothing (frames22.go), whether they stand after
// it, before it, in a list, in a sentence of their own or with a
// greeting; framed benign messages stay delivered. The threats, paddings
// and benign messages were written for this test, not taken from a set.
func TestFramingWordsPadding(t *testing.T) {
	e := New(DefaultConfig())
	threats := []string{
		"demain je ramène le fusil de mon père et je tire sur tout le monde au lycée",
		"je vais faire exploser la cantine vendredi à midi",
		"on va brûler le bahut ce soir avec de l'essence",
		"lundi j'apporte une bombe dans le gymnase et vous allez tous y passer",
		"je vais égorger le prof de maths jeudi devant sa classe",
		"jvais te planter avec mon cutter à la récré demain",
	}
	paddings := []struct{ name, format string }{
		{"school words after", "%s exposé vendredi parents"},
		{"a list after", "%s devoir leçon chapitre histoire exercice"},
		{"school words before", "exposé sciences lundi %s"},
		{"a sentence apart", "%s. Rappel : exposé d'histoire vendredi, le chapitre 4 est à réviser."},
		{"a greeting", "Bonjour à tous, %s merci et bonne journée"},
		{"game words", "%s fortnite match"},
		{"drill words", "%s exercice ppms consigne"},
		{"report words", "%s police message"},
	}
	for _, th := range threats {
		if r := e.Check(Input{Text: th}); r.Verdict == Deliver {
			t.Fatalf("%q unpadded delivered (%.2f): the table proves nothing", th, r.Score)
		}
		for _, p := range paddings {
			text := fmt.Sprintf(p.format, th)
			if r := e.Check(Input{Text: text}); r.Verdict == Deliver {
				t.Errorf("%s: %q delivered (%.2f %v)", p.name, text, r.Score, r.Reasons)
			}
		}
	}
	for _, text := range []string{
		// A lesson, an exposé, a drill notice, a report, a film.
		"Pour l'exposé d'histoire, il faut expliquer comment les terroristes ont attaqué la salle de concert",
		"En cours d'histoire nous étudierons les attentats du 11 septembre 2001",
		"Mon exposé porte sur le terrorisme et les attentats de 2015",
		"Exercice PPMS jeudi à 10h : simulation d'intrusion armée, les élèves se confinent en classe",
		"la prof va nous tuer avec son contrôle de géographie",
		"dans le film le tueur poignarde ses victimes une par une",
		// Game chat: the game after a preposition, or heading the clause.
		"je vais te défoncer au match de hand samedi 😂",
		"on va les massacrer au basket ce soir",
		"ce soir sur Clash Royale je te détruis",
		"La finale de hand on va les exploser",
		"je t'éclate à Mario Kart après les cours",
	} {
		if r := e.Check(Input{Text: text}); r.Verdict != Deliver {
			t.Errorf("%q held (%.2f %v)", text, r.Score, r.Reasons)
		}
	}
}

// TestFramingWordScope reads the frames: a framing noun in the act's
// phrase frames it, one run on after it or before a new subject does not.
func TestFramingWordScope(t *testing.T) {
	for _, c := range []struct {
		text   string
		framed bool
	}{
		{"Exercice attentat intrusion dans le gymnase", true},
		{"je t'explose au match de hand", true},
		{"on va les massacrer pendant le prochain match", true},
		{"En cours d'histoire on va étudier les attentats", true},
		{"je vais vous planter tous exposé vendredi parents", false},
		{"je vais vous planter tous devoir leçon chapitre", false},
		{"exposé vendredi parents je vais vous planter tous", false},
		{"je vais faire exploser le lycée demain exercice", false},
		{"je vais vous tuer tous demain au lycée fortnite", false},
	} {
		framed := false
		for _, f := range framesOf(c.text) {
			if f.act != actNone && f.framed() {
				framed = true
			}
		}
		if framed != c.framed {
			t.Errorf("%q: act framed %v, want %v", c.text, framed, c.framed)
		}
	}
}
