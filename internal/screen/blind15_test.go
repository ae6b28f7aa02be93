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

// TestBlind15 holds blind15 (thirteenth round) at its measured counts,
// per half and label, on both lines: harmful labels held at least, benign
// held at most. Written and run once on main before any rule was read:
// adult look threat 12/15, terror 6/6, violent 5/6, phishing 7/7, benign
// 4/25; sealed 9/15, 5/6, 4/6, 4/7, 1/25 (student: look benign 5/25,
// sealed threat 10/15, benign 2/25). The floors are the counts after the
// round's rules, written from the LOOK half's misses only.
//
// Since the fourteenth round these sets are training rows of the model
// (cmd/screentrain -sets): the floors are in-sample regression tests, not
// a measure of generalisation. That measure is the leave-one-set-out
// cross-validation in docs/screen/CV_REPORT.md.
func TestBlind15(t *testing.T) {
	for _, c := range []struct {
		role   bouclier.Role
		floors map[string]int
	}{
		{"", map[string]int{"look/threat": 15, "look/terror_apology": 6, "look/violent": 6, "look/phishing": 7, "look/benign": 0,
			"sealed/threat": 9, "sealed/terror_apology": 5, "sealed/violent": 4, "sealed/phishing": 4, "sealed/benign": 1}},
		{bouclier.RoleStudent, map[string]int{"look/threat": 15, "look/terror_apology": 6, "look/violent": 6, "look/phishing": 7, "look/benign": 1,
			"sealed/threat": 10, "sealed/terror_apology": 5, "sealed/violent": 4, "sealed/phishing": 4, "sealed/benign": 2}},
	} {
		got := blind15Counts(t, c.role)
		if len(got) != len(c.floors) {
			t.Errorf("line %q: %d half/label cells, want %d", c.role, len(got), len(c.floors))
		}
		for k, want := range c.floors {
			held := got[k][0]
			if strings.HasSuffix(k, "/benign") && held > want || !strings.HasSuffix(k, "/benign") && held < want {
				t.Errorf("line %q: %s held %d/%d, floor %d", c.role, k, held, got[k][1], want)
			}
		}
	}
}
