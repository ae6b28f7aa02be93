package screen

import (
	"fmt"
	"testing"
)

func TestLangShares(t *testing.T) {
	for _, tc := range []struct {
		text            string
		minUnk, maxUnk  float64
		nonLatin        bool
		tooShortToJudge bool
	}{
		{text: "Bonjour madame, Lucas sera absent demain matin pour un rendez-vous chez le médecin.", maxUnk: 0.5},
		{text: "jvai te niker ta mer demain a la sortie tkt", maxUnk: 0.5},
		{text: "Il y a une bombe dans le réfectoire, elle explose à 10h.", maxUnk: 0.25},
		{text: "I will kill you tomorrow at school", minUnk: 0.75, maxUnk: 1},
		{text: "Hello, my son Adam will be absent tomorrow, he has a doctor appointment. Thank you", minUnk: 0.5, maxUnk: 1},
		{text: "Te voy a matar mañana en la escuela", minUnk: 0.4, maxUnk: 1},
		{text: "Я убью тебя завтра в школе", minUnk: 1, maxUnk: 1, nonLatin: true},
		{text: "سأقتلك غدا في المدرسة", minUnk: 1, maxUnk: 1, nonLatin: true},
		{text: "ok merci", tooShortToJudge: true},
		// A link's parts are not words of the text: « regarde ça » alone.
		{text: "Regarde ça https://www.youtube.com/watch?v=abc", tooShortToJudge: true},
		// A repeated word counts once.
		{text: "Rappel : exposé vendredi. Vendredi ! Vendredi ! Vendredi !", maxUnk: 0.5},
	} {
		nb := getBufs()
		var kc keyCache
		a := nb.repairWords(nb.expandChat(nb.analyze(tc.text)), &kc)
		toks := buildTokensCached(a, nil, &kc)
		unk, nl, words := langShares(a.src, toks, &langSet{})
		putBufs(nb)
		if tc.tooShortToJudge {
			if words >= minLangWords {
				t.Errorf("%q: %d words, want fewer than %d", tc.text, words, minLangWords)
			}
			continue
		}
		if unk < tc.minUnk || unk > tc.maxUnk {
			t.Errorf("%q: unknown share %.2f, want in [%.2f, %.2f]", tc.text, unk, tc.minUnk, tc.maxUnk)
		}
		if (nl >= 0.5) != tc.nonLatin {
			t.Errorf("%q: non-Latin share %.2f, want ≥ 0.5: %v", tc.text, nl, tc.nonLatin)
		}
	}
}

// The features reach the model: a foreign text carries its share, a French
// one none of the upper two.
func TestLangFeatures(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // "" = neither upper feature
	}{
		{"I will kill you tomorrow at school", "langue : mots inconnus ≥ 3/4"},
		{"Я убью тебя завтра в школе", "langue : écriture non latine"},
		{"Bonjour, Lucas sera absent demain pour un rendez-vous chez le dentiste.", ""},
	} {
		names := map[string]bool{}
		for _, n := range TextFeatures(tc.text).Names {
			names[n] = true
		}
		upper := names["langue : mots inconnus ≥ 3/4"] || names["langue : écriture non latine"]
		if tc.want == "" && upper || tc.want != "" && !names[tc.want] {
			t.Errorf("%q: features %v, want %q", tc.text, names, tc.want)
		}
	}
}

// The set tells repeats apart until three quarters full, then takes every
// key as new (never drops one: a word is counted, at worst twice).
func TestLangSet(t *testing.T) {
	var s langSet
	keys := make([]*keyInfo, 300)
	for i := range keys {
		keys[i] = &keyInfo{key: fmt.Sprint("k", i)}
		keys[i].hw[0] = uint32(i * 7) // collisions modulo 256 from i = 37 on
	}
	for i, k := range keys {
		if !s.add(k) {
			t.Fatalf("key %d taken for a repeat", i)
		}
		if i < 191 && s.add(k) {
			t.Fatalf("key %d repeated taken as new", i)
		}
	}
	s.reset()
	if !s.add(keys[0]) || s.add(keys[0]) {
		t.Fatal("reset set does not tell a repeat")
	}
}
