package screen

import (
	"strings"
	"testing"
)

// TestUnmaskStars checks that a word whose vowels are starred is read
// when a filling is an act word where an act is read, and only then.
// Sentences written for the test.
func TestUnmaskStars(t *testing.T) {
	for _, c := range []struct {
		text string
		key  string // the key read at the starred word, "" for none
	}{
		{"il y a une b*mbe au lycée", "bombe"},
		{"je vais te t*er demain", "tuer"},
		{"je vais te b*t*r", "buter"},
		{"demain je f*s*ll* tout le monde en EPS", "fusille"},
		{"une b*mb* dans le hall", "bombe"},
		{"p*tain le contrôle de maths", ""},
		{"t es b*te ou quoi", ""},
		{"*bombe* de bain pour la fête des mères", ""},
		{"Note : 12*3 = 36, et 5*4", ""},
		{"le b*s part à 8h", ""},
		{"rendez-vous au c*llège dem*in", "demain"},
		{"moi quand je vais le croiser : *bruit de nuque qui craque* 💀", ""},
	} {
		a, ok := unmaskStars(analyze(c.text), nil)
		var got []string
		for _, tk := range a.toks {
			got = append(got, tk.key)
		}
		switch {
		case c.key == "" && ok:
			t.Errorf("%q: read as %v, want unchanged", c.text, got)
		case c.key != "" && (!ok || !strings.Contains(" "+strings.Join(got, " ")+" ", " "+c.key+" ")):
			t.Errorf("%q: keys %v, want %q among them", c.text, got, c.key)
		}
	}
	// End to end: the starred bomb in the school is held by the rules.
	if s := textScores("il y a une b*mbe au lycée")[detThreat]; s.score < 0.5 {
		t.Errorf("starred bomb: threat score %.2f (%s)", s.score, s.reason)
	}
}

// FuzzUnmaskStars: unmasking never panics and keeps token spans inside
// the source, in order.
func FuzzUnmaskStars(f *testing.F) {
	for _, s := range []string{"une b*mbe", "f*s*ll*", "***", "a*", "*a", "t*u*e*r*", "je vais te t**er", "é*é", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, _ := unmaskStars(analyze(s), nil)
		checkSpans(t, a.toks, len(s))
	})
}

// checkSpans fails the test unless the tokens' spans are inside a source
// of n bytes, in order.
func checkSpans(t *testing.T, toks []token, n int) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.start < prev || tk.start > tk.end || tk.end > n {
			t.Fatalf("token %d %+v out of order or span (source %d bytes)", i, tk, n)
		}
		prev = tk.start
	}
}
