package screen

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

// TestBlind10Student runs blind10 (threats between pupils and their hard
// benign look-alikes) from a student, the line a pupil's messages get;
// TestHeldOut runs it from a parent. Figures only: no floor.
func TestBlind10Student(t *testing.T) {
	e := New(DefaultConfig())
	held := map[string][2]int{}
	for _, m := range readCorpus(t, "testdata/blind10_heldout.jsonl") {
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
		t.Logf("blind10 from a student: %s held %d/%d", l, held[l][0], held[l][1])
	}
}

// TestCyberadoPupilThreats measures the production engine on the real
// pupil chats of the shared corpus (CC BY-NC: read at run time, never
// trained on, never copied). The chats are split by their group: LOOK
// (ethnicity, obesity), whose misses may be read with SCREEN_LOOK=1, and
// SEALED (homophobia, religion), of which only counts are ever printed.
// Skipped when ../shared is absent. Figures only: no floor.
func TestCyberadoPupilThreats(t *testing.T) {
	path := sharedTrain()
	if path == "" {
		t.Skip("shared/corpus/train/train.jsonl not found above the package")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := New(DefaultConfig())
	look := os.Getenv("SCREEN_LOOK") == "1"
	type key struct{ split, label, line string }
	held, total := map[key]int{}, map[key]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var row struct{ Text, Label, Source, Group string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		if row.Source != "cyberado-large" || (row.Label != "threat" && row.Label != "benign") {
			continue
		}
		g := strings.ToLower(row.Group)
		split := ""
		switch {
		case strings.Contains(g, "ethnicity") || strings.Contains(g, "obesity"):
			split = "LOOK"
		case strings.Contains(g, "homophobia") || strings.Contains(g, "religion"):
			split = "SEALED"
		default:
			split = "OTHER"
		}
		for _, role := range []bouclier.Role{bouclier.RoleParent, bouclier.RoleStudent} {
			line := "adult"
			if role == bouclier.RoleStudent {
				line = "student"
			}
			r := e.Check(Input{Text: row.Text, SenderRole: role})
			k := key{split, row.Label, line}
			total[k]++
			if r.Verdict != Deliver {
				held[k]++
			}
			if look && split == "LOOK" && (r.Verdict != Deliver) != (row.Label != "benign") {
				t.Logf("LOOK %s %s line: %s (%.3f) %q %v", row.Label, line, r.Verdict, r.Score, row.Text, r.Reasons)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"LOOK", "SEALED", "OTHER"} {
		for _, l := range []string{"threat", "benign"} {
			for _, line := range []string{"adult", "student"} {
				k := key{s, l, line}
				if total[k] > 0 {
					t.Logf("%-6s %-6s %-7s line: held %d/%d", s, l, line, held[k], total[k])
				}
			}
		}
	}
}
