package screen

import "testing"

// TestRealMarker checks the markers of frames39.go alone: a message that
// says what it announces is real, and « en vrai » as a filler, which is
// not one. Sentences written for the test.
func TestRealMarker(t *testing.T) {
	for _, c := range []struct {
		text string
		real bool
	}{
		{"je vais le faire pour de vrai", true},
		{"cette fois c'est dans la vraie vie", true},
		{"on se voit irl et tu vas voir", true},
		{"chez moi c'est des vraies balles", true},
		{"la prochaine game c en vrai.", true},
		{"la prochaine partie c'est en vrai", true},
		{"comme dans le jeu mais en vrai", true},
		{"mais en vrai cette fois, lundi", true},
		{"ce n'est plus un jeu", true},
		// « en vrai » as a filler
		{"en vrai il est bien ce prof", false},
		{"en vrai j'ai trop aimé le jeu, on refait une partie ce soir ?", false},
		{"mais en vrai tu viens au foot samedi ?", false},
		{"le vrai match c'est samedi", false},
		{"un vrai plaisir de jouer avec vous", false},
	} {
		src, toks := tokensOf(c.text)
		if got := realMarker(src, toks); got != c.real {
			t.Errorf("%q: realMarker %v, want %v", c.text, got, c.real)
		}
	}
}

// TestRealGames checks that an act performed, claimed or called for in a
// game or a joke the message says is real loses its play and is held by
// the rules, and that games, jokes and reports that say nothing of the
// kind keep it. Each held sentence was delivered before frames39.go.
func TestRealGames(t *testing.T) {
	e := New(Config{NoTextModel: true}) // the rules and frames alone
	for _, c := range []struct {
		text string
		held bool
	}{
		{"jvais te fumer comme dans GTA mais en vrai cette fois, t'es prévenu", true},
		{"on joue à GTA ce soir ? mdr demain je te plante pour de vrai", true},
		{"au tournoi de rugby samedi je te casse les deux jambes pour de vrai", true},
		// no marker, or a game or joke that stays one
		{"jvais te fumer sur fortnite ce soir mdr", false},
		{"en vrai on va les exploser au match samedi", false},
		{"au tournoi on va les détruire pour de vrai, entraînement ce soir", false},
		{"Il m'a écrit « je vais te tuer pour de vrai » sur fortnite, je fais quoi ?", false},
	} {
		r := e.Check(Input{Text: c.text})
		if held := r.Score >= 0.5; held != c.held {
			t.Errorf("%q: held %v (%.2f %v), want %v", c.text, held, r.Score, r.Reasons, c.held)
		}
	}
	// The frame itself: the clause of the act at the reader is real, not play.
	real := false
	for _, f := range framesOf("jvais te fumer comme dans GTA mais en vrai cette fois") {
		if f.real {
			real = true
			if f.play || f.laugh {
				t.Errorf("real frame still playful: %+v", f)
			}
		}
	}
	if !real {
		t.Error("no clause read as real")
	}
}

// TestSlangKillObjects checks « descendre » and « planter » (frames39.go)
// with a person as their object, and the same verbs taking someone or
// something somewhere, or with a thing as their object.
func TestSlangKillObjects(t *testing.T) {
	e := New(Config{NoTextModel: true}) // the rules and frames alone
	for _, c := range []struct {
		text string
		held bool
	}{
		{"jeudi je descends tous les profs de la vie sco", true},
		{"je les descends tous un par un lundi", true},
		{"on plante tout le monde à la sortie du stade", true},
		{"samedi on va planter leurs supporters", true},
		// a movement, a thing, a garden, a person let down
		{"je descends les élèves au self à 11h50", false},
		{"descendez tous les élèves dans la cour pour l'exercice", false},
		{"je te descends à la gare demain matin", false},
		{"je vais descendre les poubelles avant de partir", false},
		{"on a planté des tomates avec tous les élèves", false},
		{"il m'a planté devant le ciné hier", false},
	} {
		r := e.Check(Input{Text: c.text})
		if held := r.Score >= 0.5; held != c.held {
			t.Errorf("%q: held %v (%.2f %v), want %v", c.text, held, r.Score, r.Reasons, c.held)
		}
	}
}
