package screen

import (
	"math"
	"slices"
	"testing"
)

// TestXLexBleed52: to bleed, in the languages whose « blood » the
// cross-language lexicon already had, is a word of death (mort); the
// ordinary words around it are none. Written for this test.
func TestXLexBleed52(t *testing.T) {
	for _, word := range []string{"bleed", "bloeden", "bluten", "sangrar", "sanguinerai", "sângera", "sangerezi"} {
		if got := xlFound(word); !slices.Contains(got, "mort") {
			t.Errorf("%q: concepts %v, want mort", word, got)
		}
	}
	for _, word := range []string{"bleu", "blouse", "bloemen", "sangria"} {
		if got := xlFound(word); len(got) > 0 {
			t.Errorf("%q: concepts %v, want none", word, got)
		}
	}
	// In a text the screen does not read, « you » and a word of death are
	// words of harm: a moderator reads it (unreadFinding).
	e := New(Config{})
	if r := e.Check(Input{Text: "Jij gaat morgen bloeden, vuile verrader."}); r.Verdict == Deliver {
		t.Errorf("Dutch « you will bleed tomorrow »: delivered")
	}
}

// TestClosureLine52: a closure notice that gives its ordinary reason keeps
// the model's common line, in the check and in its explanation; the same
// notice without a reason, which is what a quiet hoax writes, is read at
// the threat head's lower line. Written for this test.
func TestClosureLine52(t *testing.T) {
	e := New(Config{})
	withReason := e.Explain(Input{Text: "Coupure d'eau : l'école sera fermée lundi. Prévenez les autres parents."})
	if common := math.Round(e.model.Meta.HoldAt*1000) / 1000; withReason.Threshold != common {
		t.Errorf("closure with a reason: threshold %.3f, want the common line %.3f", withReason.Threshold, e.model.Meta.HoldAt)
	}
	bare := e.Explain(Input{Text: "L'école sera fermée lundi. Prévenez les autres parents."})
	if bare.Head != "threat" || bare.Threshold != headLines["threat"] {
		t.Errorf("closure without a reason: head %s threshold %.3f, want threat at %.2f", bare.Head, bare.Threshold, headLines["threat"])
	}
}
