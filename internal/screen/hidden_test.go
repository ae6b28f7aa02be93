package screen

import (
	"slices"
	"strings"
	"testing"
)

// hiders are the readers of words hidden from a filter, by name.
var hiders = map[string]func(a analysis) (analysis, bool){
	"stars": func(a analysis) (analysis, bool) { return unmaskStars(a, nil) },
	"cut": func(a analysis) (analysis, bool) {
		return joinCutWords(a, func(i int) bool { return dictWord(a.toks[i].key) })
	},
}

// TestHiddenWords checks that a word whose vowels are starred, or that is
// cut by a mark inside it, is read when its reading is a word where it
// stands, and only then. Sentences written for the test.
func TestHiddenWords(t *testing.T) {
	for _, c := range []struct {
		hider, text string
		key         string // a key the read text holds, "" for unchanged
	}{
		{"stars", "il y a une b*mbe au lycée", "bombe"},
		{"stars", "je vais te t*er demain", "tuer"},
		{"stars", "je vais te b*t*r", "buter"},
		{"stars", "demain je f*s*ll* tout le monde en EPS", "fusille"},
		{"stars", "une b*mb* dans le hall", "bombe"},
		{"stars", "rendez-vous au c*llège dem*in", "demain"},
		{"stars", "p*tain le contrôle de maths", "putain"},
		{"stars", "t es b*te ou quoi", ""},
		{"stars", "*bombe* de bain pour la fête des mères", ""},
		{"stars", "moi quand je vais le croiser : *bruit de nuque qui craque* 💀", ""},
		{"stars", "Note : 12*3 = 36, et 5*4", ""},
		{"stars", "le b*s part à 8h", ""},
		{"stars", "une bomb€ au coll€ge", "college"},
		{"stars", "5€ la sortie, 12€50 le repas", ""},
		{"stars", "il y a une b@mbe au college", "bombe"},
		{"stars", "écris à jean@gmail.com pour les m@ths", ""},
		{"cut", "il y a une bo.mbe dans le hall", "bombe"},
		{"cut", "je vais te tu_er à la so.rtie", "tuer"},
		{"cut", "une bo🔥mbe au co.llège", "bombe"},
		{"cut", "rendez-vous demain, peut-être", ""},
		{"cut", "fin du cours.Merci", ""},
		{"cut", "voir www.ac-rouen.fr", ""},
		{"cut", "jean_dupont a écrit", ""},
		{"cut", "le colis devant la loge, tic-tac tic-tac", ""},
	} {
		a, ok := hiders[c.hider](analyze(c.text))
		var keys []string
		for _, tk := range a.toks {
			keys = append(keys, tk.key)
		}
		switch {
		case c.key == "" && ok:
			t.Errorf("%s %q: read as %v, want unchanged", c.hider, c.text, keys)
		case c.key != "" && !strings.Contains(" "+strings.Join(keys, " ")+" ", " "+c.key+" "):
			t.Errorf("%s %q: keys %v, want %q among them", c.hider, c.text, keys, c.key)
		}
	}
	// A reader returns new tokens and leaves the caller's as they were.
	in := analyze("la b@mbe et la b*mbe")
	before := append([]token(nil), in.toks...)
	if _, ok := unmaskStars(in, nil); !ok || !slices.Equal(in.toks, before) {
		t.Errorf("unmaskStars: read %v, caller's tokens changed: %v, were %v", ok, in.toks, before)
	}
	// End to end: the hidden bomb in the school is held by the rules.
	for _, text := range []string{"il y a une b*mbe au lycée", "il y a une bo.mbe au co_llège de.main"} {
		if s := textScores(text)[detThreat]; s.score < 0.5 {
			t.Errorf("%q: threat score %.2f (%s)", text, s.score, s.reason)
		}
	}
}

// FuzzHiddenWords: the readers never panic and keep token spans inside
// the source, in order.
func FuzzHiddenWords(f *testing.F) {
	for _, s := range []string{"une b*mbe", "f*s*ll*", "***", "a*", "*a", "t*u*e*r*", "je vais te t**er", "é*é", "",
		"bo.mbe", "a-b-c-d-e", "x🔥y", "🔥", "a_", "_a", ".-_", "co.llè_ge", "b@mbe", "@@", "a@", "j@n@b.fr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, read := range hiders {
			a, _ := read(analyze(s))
			prev := 0
			for i, tk := range a.toks {
				if tk.start < prev || tk.start > tk.end || tk.end > len(s) {
					t.Fatalf("%s: token %d %+v out of order or span (source %d bytes)", name, i, tk, len(s))
				}
				prev = tk.start
			}
		}
	})
}
