package screen

import (
	"testing"

	"github.com/bouclier/bouclier"
)

// TestBlind13Student runs blind13 (pupils' blackmail and implied menace,
// written before the tenth round) from a student, the line a pupil's
// messages get. Figures only: no floor.
func TestBlind13Student(t *testing.T) {
	e := New(DefaultConfig())
	held := map[string][2]int{}
	for _, m := range readCorpus(t, "testdata/blind13_heldout.jsonl") {
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
	for _, l := range []string{"violent", "benign"} {
		t.Logf("blind13 from a student: %s held %d/%d", l, held[l][0], held[l][1])
	}
}
