package screen

import (
	"strings"
	"testing"
)

// TestJoinCutWords checks that a word cut by a mark inside it is joined
// when the join is a word and the cut is no ordinary writing, and that
// ordinary hyphens, dots and links stay as written. Sentences written for
// the test.
func TestJoinCutWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // a key the joined text holds, "" for unchanged
	}{
		{"il y a une bo.mbe dans le hall", "bombe"},
		{"je vais te tu_er à la so.rtie", "tuer"},
		{"une bo🔥mbe au co.llège", "bombe"},
		{"rendez-vous demain, peut-être", ""},
		{"fin du cours.Merci", ""},
		{"voir www.ac-rouen.fr", ""},
		{"jean_dupont a écrit", ""},
	} {
		a := analyze(c.text)
		j, ok := joinCutWords(a, func(i int) bool { return len(lx.info(a.toks[i].key).morph) > 0 })
		var keys []string
		for _, tk := range j.toks {
			keys = append(keys, tk.key)
		}
		got := " " + strings.Join(keys, " ") + " "
		switch {
		case c.want == "" && ok:
			t.Errorf("%q: joined as %v, want unchanged", c.text, keys)
		case c.want != "" && !strings.Contains(got, " "+c.want+" "):
			t.Errorf("%q: keys %v, want %q among them", c.text, keys, c.want)
		}
	}
	// End to end: the cut bomb at the school is held by the rules.
	if s := textScores("il y a une bo.mbe au co_llège de.main")[detThreat]; s.score < 0.5 {
		t.Errorf("cut bomb: threat score %.2f (%s)", s.score, s.reason)
	}
}

// FuzzJoinCutWords: joining never panics and keeps token spans inside the
// source, in order.
func FuzzJoinCutWords(f *testing.F) {
	for _, s := range []string{"bo.mbe", "a-b-c-d-e", "x🔥y", "🔥", "a_", "_a", ".-_", "co.llè_ge", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := analyze(s)
		j, _ := joinCutWords(a, func(i int) bool { return len(lx.info(a.toks[i].key).morph) > 0 })
		checkSpans(t, j.toks, len(s))
	})
}
