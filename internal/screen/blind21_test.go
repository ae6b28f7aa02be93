package screen

import (
	"testing"
)

// TestBlind21Sealed holds blind21 at the counts it was measured at. It
// was written by a helper who had read neither the screen nor the other
// sets (the messages of a hijacked account's wave, and a school's
// ordinary week), is named so that cmd/screentrain does not train on it
// (not *_heldout.jsonl), and was read as counts only while blind18–20, 22
// and 23 were added to the training data one step at a time: harmful
// stopped 113/145 on main before them, 115 with blind18, 120 with blind19
// and 20, 120 with blind22 and 23, 124 with blind24 and 25; benign held
// 7/115 throughout. Harmful
// labels must stay held at least, benign at most; a change that moves
// them says so here, by its counts and not its texts.
func TestBlind21Sealed(t *testing.T) {
	e := New(DefaultConfig())
	held, total := map[string]int{}, map[string]int{}
	for _, m := range readCorpus(t, "testdata/blind21_sealed.jsonl") {
		total[m.Label]++
		if e.Check(Input{Subject: m.Subject, Text: m.Text}).Verdict != Deliver {
			held[m.Label]++
		}
	}
	want := map[string]int{"threat": 51, "terror_apology": 21, "violent": 24, "phishing": 28, "benign": 7}
	for label, w := range want {
		t.Logf("blind21 %s held %d/%d", label, held[label], total[label])
		if label == "benign" && held[label] > w || label != "benign" && held[label] < w {
			t.Errorf("blind21 %s held %d/%d, measured %d", label, held[label], total[label], w)
		}
	}
}
