package screen

import "testing"

// The sixteenth round's classes (repair.go's split words, frames16.go's
// announcements, the degree hyperbole and food as a thing), read by the
// rules and frames alone on sentences written for this test from each
// class's description, not from any set: positives and hard negatives.

func TestSixteenthRoundSplitWords(t *testing.T) {
	checkRules(t, "split words", []struct {
		text string
		held bool
	}{
		{"je vais faire ex-plo-ser le bahut", true},
		{"je vais faire ex plo ser le collège", true},
		{"je vais faire ex/plo/ser le lycée", true},
		{"jvais te tu er demain", true},
		{"je vais te tu-er", true},
		{"je vais te dé-fon-cer", true},
		{"je vais te poi gnar der", true},
		{"je vais te bu-ter", true},
		{"je vais t'as-sas-si-ner", true},
		{"je vais te dé-ca-pi-ter", true},
		{"je vais tout faire pé-ter demain", true},
		{"je vais les é-gor-ger", true},
		// Hard negatives: words cut for emphasis that are no act, two
		// words whose letters make an act (« tu es » → tues, « cas à »
		// → cassa), ordinary hyphenated words.
		{"je vais dé-fen-dre mon titre", false},
		{"on se voit lun-di", false},
		{"tu es en re-tard", false},
		{"tu es là ? t'es où tu es ?", false},
		{"ex-cel-lent courage à tous pour le brevet", false},
		{"dans ton cas à mon avis il vaut mieux réviser", false},
		{"peut-être qu'on ira au cinéma, a-t-il dit", false},
	})
}

// TestSixteenthRoundSplitJoin checks the join itself: the pieces become
// one token with the act's key, and nothing else changes.
func TestSixteenthRoundSplitJoin(t *testing.T) {
	nb := getBufs()
	defer putBufs(nb)
	tests := []struct {
		text string
		want []string
	}{
		{"je vais te tu er", []string{"je", "vais", "te", "tuer"}},
		{"faire ex-plo-ser", []string{"faire", "exploser"}},
		{"je vais t'as-sas-si-ner", []string{"je", "vais", "t", "asasiner"}},
		{"de ton cas à la sortie", []string{"de", "ton", "cas", "a", "la", "sortie"}},
		{"tu es là", []string{"tu", "es", "la"}},
	}
	for _, tc := range tests {
		a := nb.repairWords(nb.expandChat(nb.analyze(tc.text)), nil)
		var got []string
		for _, tk := range a.toks {
			got = append(got, tk.key)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
				break
			}
		}
	}
}

func TestSixteenthRoundAnnouncements(t *testing.T) {
	checkRules(t, "announcements", []struct {
		text string
		held bool
	}{
		{"lundi vous allez voir", true},
		{"lundi vous allez voir ce qui va se passer", true},
		{"demain vous allez tous voir, restez chez vous", true},
		{"je vous préviens, lundi ne venez pas en cours", true},
		{"rendez-vous lundi, vous allez comprendre.", true},
		{"demain ça va être une boucherie au collège", true},
		{"jeudi au self ce sera une hécatombe", true},
		{"ne venez pas au lycée vendredi, vous allez voir", true},
		{"je vous préviens, ne venez pas au collège demain à la sortie des cours", true},
		// Hard negatives: a closure with its reason, a pleasant or
		// ordinary thing to see, a party, a butcher's shop, a match, a
		// test, no time.
		{"lundi vous allez voir le film en salle 12", false},
		{"demain ne venez pas au collège, les profs sont en grève", false},
		{"ne venez pas vendredi, les cours sont annulés", false},
		{"je vous préviens, demain ne venez pas au lycée, grève des profs", false},
		{"je vous préviens, lundi ne venez pas en cours, le chauffage est en panne", false},
		{"restez chez vous lundi, il va neiger", false},
		{"ne viens pas demain sans ton cahier", false},
		{"je vous préviens, ne venez pas au collège lundi sans vos affaires de sport", false},
		{"je vous préviens, ne venez pas en retard lundi", false},
		{"vous allez voir, c'est super facile", false},
		{"tu verras demain, c'est une surprise", false},
		{"demain vous allez voir, vous allez adorer", false},
		{"je te préviens, ne viens pas à la soirée samedi, elle sera nulle", false},
		{"demain à la boucherie du quartier il y aura des promos", false},
		{"ce sera une boucherie au match de rugby samedi", false},
		{"lundi au lycée ce sera une hécatombe au contrôle de physique", false},
		{"vous allez voir", false},
	})
}

func TestSixteenthRoundHyperbole(t *testing.T) {
	checkRules(t, "hyperbole", []struct {
		text string
		held bool
	}{
		// The outcome forecast and the fire act still hold without the
		// hyperbole.
		{"demain au self y aura plus personne de vivant", true},
		{"on va cramer le lycée ce soir", true},
		// Hard negatives: a dish or a film judged, food grilled.
		{"demain au self y aura plus personne de vivant tellement c'est mauvais", false},
		{"jeudi à la cantine plus personne de vivant, trop dégueu le poisson", false},
		{"on va cramer des chamallows au briquet ce soir", false},
		{"on va griller des saucisses au camping samedi", false},
	})
}

// TestSixteenthRoundSauterLePas: the fixed phrase « sauter le pas » (take
// the plunge) hid « sauter » when any « pas » stood within two words, so
// « je fais tout sauter, c'est pas du bluff » was no act.
func TestSixteenthRoundSauterLePas(t *testing.T) {
	checkRules(t, "sauter le pas", []struct {
		text string
		held bool
	}{
		{"demain je fais tout sauter, c'est pas du bluff.", true},
		{"vendredi je fais sauter le gymnase, c'est pas des mots", true},
		{"il faut sauter le pas et s'inscrire au club", false},
		{"je vais sauter le pas demain, je m'inscris au club de foot", false},
	})
}

// FuzzJoinSyllables: the split-word join never panics, keeps the tokens'
// spans inside the source and in order, never leaves an empty key, and
// only ever joins into an act word's key.
func FuzzJoinSyllables(f *testing.F) {
	for _, s := range []string{"je vais te tu er", "faire ex-plo-ser le lycée", "t'as-sas-si-ner", "de ton cas à la sortie",
		"a-b-c-d-e-f", "ex/plo/ser", "- - -", "tu-", "é-gor-ger", "x y z w v u", "bu-ter"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nb := getBufs()
		defer putBufs(nb)
		in := nb.expandChat(nb.analyze(s))
		before := map[string]bool{}
		for _, tk := range in.toks {
			before[tk.key] = true
		}
		a := nb.repairWords(in, nil)
		prev := -1
		for _, tk := range a.toks {
			if tk.key == "" {
				t.Fatalf("%q: empty key", s)
			}
			if tk.start < 0 || tk.end > len(a.src) || tk.start > tk.end || tk.start < prev {
				t.Fatalf("%q: span [%d,%d) after %d in %d bytes", s, tk.start, tk.end, prev, len(a.src))
			}
			prev = tk.start
		}
		if j, ok := joinSyllables(in, nil); ok {
			for _, tk := range j.toks {
				if !before[tk.key] && !actKeySet()[tk.key] {
					t.Fatalf("%q: joined into %q, no act word", s, tk.key)
				}
			}
		}
	})
}
