package screen

import "testing"

// The fourteenth round's mechanism (frames14.go): a game named does not
// excuse a grave act on the school at a time; a sporting contest still
// makes the school an opponent. Sentences written for this test; none is
// in a test set.
func TestFourteenthRoundSchoolGames(t *testing.T) {
	e := New(Config{NoTextModel: true}) // the rules and frames alone
	tests := []struct {
		text string
		held bool
	}{
		{"Dans Fortnite je vais faire sauter le lycée demain avec du C4", true},
		{"Sur Minecraft je vais faire sauter le collège demain à 10h", true},
		{"dans gta on va brûler le gymnase vendredi soir", true},
		{"Ce soir sur Fortnite on fait sauter la base ennemie", false},
		{"Dans Fortnite je vais te faire sauter demain avec du C4", false},
		{"Samedi au match on va exploser le lycée Pasteur", false},
		{"demain au tournoi de hand on va tuer le collège Jean Moulin", false},
		{"jvais te fumer sur fortnite à la récré demain", false},
	}
	for _, tc := range tests {
		r := e.Check(Input{Text: tc.text})
		if held := r.Score >= 0.5; held != tc.held {
			t.Errorf("%q: held %v (%.2f %v), want %v", tc.text, held, r.Score, r.Reasons, tc.held)
		}
	}
	// The frame itself: the clause is no longer play.
	fs := framesOf("Dans Fortnite je vais faire sauter le lycée demain avec du C4")
	f, ok := firstAct(fs)
	if !ok || f.play || !f.schoolTime || f.framed() {
		t.Errorf("frame: %+v", f)
	}
}
