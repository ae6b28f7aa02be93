package screen

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

// blind15Counts runs blind15 on one line (role "" as TestHeldOut does, or
// the student line) and returns, per half and label, "held/total". Only
// messages of the LOOK half are logged one by one: the SEALED half is
// the generalisation measure and is read as counts only.
func blind15Counts(t *testing.T, role bouclier.Role) map[string][2]int {
	t.Helper()
	e := New(DefaultConfig())
	counts := map[string][2]int{}
	for _, m := range readCorpus(t, "testdata/blind15_heldout.jsonl") {
		held := e.Check(Input{Subject: m.Subject, Text: m.Text, SenderRole: role}).Verdict != Deliver
		k := m.Half + "/" + m.Label
		c := counts[k]
		c[1]++
		if held {
			c[0]++
		}
		counts[k] = c
		if m.Half == "look" && held == (m.Label == "benign") {
			t.Logf("look %s %s %s: %q", m.ID, m.Label, map[bool]string{true: "held", false: "delivered"}[held], m.Text)
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s %d/%d;", k, counts[k][0], counts[k][1])
	}
	t.Logf("blind15 line %q held:%s", role, b.String())
	return counts
}

func TestBlind15Measure(t *testing.T) {
	blind15Counts(t, "")
	blind15Counts(t, bouclier.RoleStudent)
}
