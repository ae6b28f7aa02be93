package screen

import (
	"testing"

	"github.com/bouclier/bouclier"
)

// TestBlind12Student runs blind12 (pupils' spelling noise, written before
// the ninth round) from a student, the line a pupil's messages get.
// Figures only: no floor.
func TestBlind12Student(t *testing.T) {
	e := New(DefaultConfig())
	held := map[string][2]int{}
	for _, m := range readCorpus(t, "testdata/blind12_heldout.jsonl") {
		r := e.Check(Input{Text: m.Text, SenderRole: bouclier.RoleStudent})
		c := held[m.Label]
		c[1]++
		if r.Verdict != Deliver {
			c[0]++
		}
		held[m.Label] = c
		if (r.Verdict != Deliver) != (m.Label != "benign") {
			t.Logf("%s %s: %s (%.3f) %q %v", m.ID, m.Label, r.Verdict, r.Score, m.Text, r.Reasons)
		}
	}
	for _, l := range []string{"threat", "violent", "benign"} {
		t.Logf("blind12 from a student: %s held %d/%d", l, held[l][0], held[l][1])
	}
}
