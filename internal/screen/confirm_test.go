package screen

import (
	"reflect"
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	long := strings.Repeat("mot ", 40)
	words := strings.Fields(long)
	tests := []struct {
		text string
		want []string
	}{
		{"Bonjour à tous.", []string{"Bonjour à tous."}},
		{"", nil},
		{"Une phrase. Une autre !  Et une troisième ?", []string{"Une phrase", "Une autre", "Et une troisième ?"}},
		{"ligne un\n\nligne deux", []string{"ligne un", "ligne deux"}},
		// Past segmentWords words, half-overlapping windows.
		{long, []string{strings.Join(words[0:30], " "), strings.Join(words[15:40], " ")}},
	}
	for _, tc := range tests {
		if got := Segments(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Segments(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A threat the rules hold stays held when ordinary text pads it, before
// and after, on lines of its own or in the same line: the model confirms
// the rules' hold on the segment that carries it, not only on the whole
// text (where the padding's words outweigh it).
func TestPaddedThreatConfirmedOnSegment(t *testing.T) {
	e := New(DefaultConfig())
	pad := "Bonjour à tous, voici les informations pour la semaine prochaine. La réunion parents-professeurs aura lieu mardi à 18 h en salle 12. " +
		"Pensez à rapporter les autorisations de sortie signées avant vendredi. Le CDI sera fermé mercredi après-midi pour l'inventaire. " +
		"Les élèves de 4e doivent apporter leur calculatrice et leur cahier de brouillon. La cantine proposera un repas végétarien jeudi. " +
		"Merci de vérifier les carnets de liaison et de signer les mots des professeurs. Bonne semaine à tous et à toutes."
	for _, threat := range []string{
		"Les frères Kouachi sont des héros, ils ont vengé le Prophète.",
		"Je vais te planter à la sortie, sale balance, tu vas saigner.",
	} {
		if r := e.Check(Input{Text: threat}); r.Verdict == Deliver {
			t.Fatalf("the threat alone is delivered: %q", threat)
		}
		for _, text := range []string{pad + "\n" + threat + "\n" + pad, pad + " " + threat + " " + pad} {
			if r := e.Check(Input{Text: text}); r.Verdict == Deliver {
				t.Errorf("padded threat delivered (%.2f) %v: %q", r.Score, r.Reasons, threat)
			}
		}
	}
}
