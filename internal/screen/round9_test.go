package screen

import (
	"strings"
	"testing"
)

// TestRepairWords checks the spelling repair on the detection path: the
// keys after repairWords, for words glued, misspelt or leeted, and for
// ordinary words that must stay as they are.
func TestRepairWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// glued words
		{"je vais tuerce type", "je vais tuer ce type"},
		{"ils meritent demourir", "ils meritent de mourir"},
		{"jevaistetuer", "je vais te tuer"},
		{"je parle a cethomo", "je parle a cet homo"},
		{"mortà tous les traitres", "mort a tous les traitres"},
		// one edit from an act verb, in a verb's slot, with a target
		{"je veux teur tous les profs", "je veux tuer tous les profs"},
		{"on va te linché", "on va te lyncher"},
		{"je vais te egorjé", "je vais te egorger"},
		{"tous ces profs devraient etre exectues", "tous ces profs devraient etre executes"},
		{"il devrait etre exectue ce type", "il devrait etre exectue ce type"}, // no target
		{"mrot aux traitres, on va tous vous avoir", "mort aux traitres on va tous vous avoir"},
		// a dropped letter in a group noun, after a determiner, with an act
		{"il faut tuer les muslmans", "il faut tuer les musulmans"},
		// an elided clitic or negation glued to a verb, in a verb's slot
		{"jvais te louvrir en deux", "je vais te l' ouvrir en deux"},
		{"noublie pas", "n' oublie pas"},
		{"une machete et des larmes", "une machete et des larmes"},
		{"c'est une lente", "c' est une lente"},
		// vs for vous before a verb or after a subject, not versus
		{"jvai tous vs nikez", "je vais tous vous niquez"},
		{"psg vs om", "psg vs om"},
		// digits at a short word's end
		{"j3 vais t3 tuer", "je vais te tuer"},
		// left alone: French words, no slot, no target, names, articles
		{"la planete est belle", "la planete est belle"},
		{"c'est pire que les autres", "c' est pire que les autres"},
		{"le port de Marseille", "le port de marseille"},
		{"il a vu le tueur", "il a vu le tueur"},
		{"elle est virée de la plate-forme pour tous les trucs", "elle est viree de la plate forme pour tous les trucs"},
		{"la violence au college", "la violence au college"},
		{"un roman sur les profs", "un roman sur les profs"},
		{"une eau profonde pour les plongeurs", "une eau profonde pour les plongeurs"},
		{"je te vois a la satire", "je te vois a la satire"},
		{"teur", "teur"},
		{"on a vu Tuerce hier", "on a vu tuerce hier"},
		{"les pays du sud et les trucs", "les pays du sud et les trucs"},
		{"3e4 et 4a au college", "3e4 et 4a au college"},
	} {
		nb := getBufs()
		a := nb.repairWords(nb.expandChat(nb.analyze(c.in)), nil)
		var got []string
		for _, tk := range a.toks {
			w := tk.key
			if tk.elided {
				w += "'"
			}
			got = append(got, w)
		}
		putBufs(nb)
		if g := strings.ReplaceAll(strings.Join(got, " "), "' ", "' "); g != c.want {
			t.Errorf("%q: got %q, want %q", c.in, g, c.want)
		}
	}
}

// TestOSA1 checks the one-edit test against a plain edit distance.
func TestOSA1(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"teur", "tuer", true}, {"tuer", "tuer", false}, {"mrt", "mort", true}, {"tortuer", "torturer", true},
		{"soufrfir", "soufrir", true}, {"defonse", "defonce", true}, {"bteur", "buter", false}, {"ab", "ba", true},
		{"a", "", true}, {"", "", false}, {"abc", "cab", false}, {"tuer", "tuerie", false},
	} {
		if got := osa1(c.a, c.b); got != c.want {
			t.Errorf("osa1(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := osa1(c.b, c.a); got != c.want {
			t.Errorf("osa1(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

// FuzzRepairWords: any text is repaired without a panic, the repair is
// stable (repairing the repaired keys changes nothing more than once) and
// every token keeps a span inside the source.
func FuzzRepairWords(f *testing.F) {
	for _, s := range []string{"jevaistetuer demain", "j3 v41s t3 tu3r", "Mrot à tous les trans", "teur", "a", "", "ççç tuerce\u00a0cethomo", "de la plate forme 3e4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nb := getBufs()
		defer putBufs(nb)
		a := nb.repairWords(nb.expandChat(nb.analyze(s)), nil)
		for _, tk := range a.toks {
			if tk.start < 0 || tk.end > len(s) || tk.start > tk.end {
				t.Fatalf("%q: token %q has span %d..%d", s, tk.key, tk.start, tk.end)
			}
			if tk.key == "" {
				t.Fatalf("%q: empty key", s)
			}
		}
	})
}

// TestRound9Frames checks the ninth round's readings by the rules alone
// (textScores: the lexicon and the frames, no model): held rows reach the
// hold line, the others stay under it.
func TestRound9Frames(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"je vais vous tirer dessus", true},
		{"on va te tirer dessus ce soir", true},
		{"je vais te faire du mal", true},
		{"je veux mettre fin à ta vie", true},
		{"si seulement les profs comme vous avaient la gorge tranchée", true},
		{"jevaistetuer", true},
		{"je veux teur tous les profs", true},
		{"le monde se porterait mieux sans les profs", true},
		{"j'adorerais voir ces profs souffrir", true},
		{"j'adorerais voir ces profs soufrfir", true},
		{"tous ces profs seraient morts", true},
		{"ça irait mieux si ces profs étaient tous exterminés", true},
		{"ce prof va souffrir entre mes mains", true},
		{"jules je vais te dechirer noublie pas", true},
		{"je vais t'etiendre toi", true},
		{"je vais essayer de ne pas rire", false},
		{"il faut ne pas courir", false},
		{"c'est quoi le problème de dire que les profs comme vous méritent de mourir ?", true},
		{"n'est-il pas clair qu'on irait mieux si ces profs étaient complètement exterminés ?", true},
		{"le prof a dit que les soldats méritaient de mourir pour la patrie", false},
		{"c'est quoi le problème, il a dit que tu allais le tuer au match", false},
		{"on serait mieux sans les devoirs", false},
		{"j'aimerais voir les profs danser", false},
		{"sans les secours, tous ces élèves seraient morts", false},
		{"ça va te faire du mal de manger tout ça", false},
		{"je vais pas te faire du mal", false},
		{"on va mettre fin à la réunion", false},
		{"il faut mettre fin à sa carrière", false},
		{"il parle comme vous", false},
		{"la planete est belle", false},
		{"c'est pire que les autres", false},
	} {
		best := 0.0
		for _, d := range textScores(c.text) {
			best = max(best, d.score)
		}
		if (best >= 0.5) != c.held {
			t.Errorf("%q: rules' score %.2f, want held %v", c.text, best, c.held)
		}
	}
}
