package screen

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

type labelled struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Text  string `json:"text"`
}

func readCorpus(t testing.TB, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var m labelled
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// runCorpus checks every message: benign ones delivered, others not. It
// returns the share of correct verdicts.
func runCorpus(t *testing.T, path string, strict bool) float64 {
	e := New(DefaultConfig())
	msgs := readCorpus(t, path)
	var tp, tn, fp, fn int
	perLabel := map[string][2]int{}
	for _, m := range msgs {
		r := e.Check(Input{Text: m.Text})
		benign := m.Label == "benign"
		delivered := r.Verdict == Deliver
		c := perLabel[m.Label]
		c[1]++
		switch {
		case benign && delivered:
			tn++
			c[0]++
		case benign && !delivered:
			fp++
			report(t, strict, "%s benign but %s (%.2f): %q %v", m.ID, r.Verdict, r.Score, m.Text, r.Reasons)
		case !benign && !delivered:
			tp++
			c[0]++
		default:
			fn++
			report(t, strict, "%s %s but delivered (%.2f): %q %v", m.ID, m.Label, r.Score, m.Text, r.Reasons)
		}
		perLabel[m.Label] = c
	}
	t.Logf("%s: %d messages; harmful stopped %d, missed %d; benign delivered %d, stopped %d", path, len(msgs), tp, fn, tn, fp)
	for l, c := range perLabel {
		t.Logf("  %-15s %d/%d", l, c[0], c[1])
	}
	return float64(tp+tn) / float64(len(msgs))
}

func report(t *testing.T, strict bool, f string, args ...any) {
	t.Helper()
	if strict {
		t.Errorf(f, args...)
	} else {
		t.Logf(f, args...)
	}
}

// TestDevCorpus requires every development message to get the right side.
func TestDevCorpus(t *testing.T) {
	if acc := runCorpus(t, "testdata/dev.jsonl", true); acc < 1 {
		t.Fatalf("accuracy %.3f, want 1", acc)
	}
}

// TestHeldOut runs messages written apart from the development corpus
// (other wordings, places, English, obfuscations and benign look-alikes).
func TestHeldOut(t *testing.T) {
	acc := runCorpus(t, "testdata/heldout.jsonl", false)
	t.Logf("held-out accuracy %.3f", acc)
	if acc < 0.95 {
		t.Fatalf("held-out accuracy %.3f, want ≥ 0.95", acc)
	}
}

// TestFrozenHeldOut runs 40 messages written after the rules, the
// generator and the model were frozen, and never tuned on: a check that
// the screen generalises to wordings nobody fitted it to. Its figures are
// reported as measured; the floor only guards against a collapse.
func TestFrozenHeldOut(t *testing.T) {
	acc := runCorpus(t, "testdata/frozen_heldout.jsonl", false)
	t.Logf("frozen held-out accuracy %.3f", acc)
	if acc < 0.7 {
		t.Fatalf("frozen held-out accuracy %.3f, want ≥ 0.7", acc)
	}
}

// TestBlindHeldOut runs 40 more messages written after the last change to
// the rules, the generator and the model, and looked at only once, for
// the figures in the change's note (frozen_heldout.jsonl had been seen
// before the last round of rules).
func TestBlindHeldOut(t *testing.T) {
	acc := runCorpus(t, "testdata/blind_heldout.jsonl", false)
	t.Logf("blind held-out accuracy %.3f", acc)
	// Measured 0.650 when written (harmful 16/30, benign 0/10 held): the
	// floor only guards against a collapse.
	if acc < 0.6 {
		t.Fatalf("blind held-out accuracy %.3f, want ≥ 0.6", acc)
	}
}

// TestBlind3HeldOut runs 60 messages (40 harmful, 20 hard benign) written
// from scratch before the pupil-chat round of rules and generator families
// and never tuned on: run once before that round (the baseline) and once
// after it, for the figures in docs/screen/CV_REPORT.md's notes. The floor
// only guards against a collapse.
func TestBlind3HeldOut(t *testing.T) {
	acc := runCorpus(t, "testdata/blind3_heldout.jsonl", false)
	t.Logf("blind3 held-out accuracy %.3f", acc)
	// Measured before the round: harmful 25/40 stopped, benign 2/20 held
	// (0.717); after it: harmful 26/40, benign 2/20 (0.733). The one gain
	// (c26) paraphrases an example of the round's brief. After the second
	// round, whose brief described blind3's misses: harmful 34/40, benign
	// 0/20 (0.900); blind3 is no longer blind.
	if acc < 0.5 {
		t.Fatalf("blind3 held-out accuracy %.3f, want ≥ 0.5", acc)
	}
}

// TestBlind4HeldOut runs 40 messages (25 harmful, 15 hard benign) written
// from scratch before the second pupil-chat round (sport scores, reports
// of past attacks, bomb hoaxes without a weapon word, praise of a named
// attack's perpetrators, euphemistic threats, phishing without a link) and
// never tuned on: run once before that round and once after it, for the
// figures in docs/screen/NOTES.md. The floor only guards against a collapse.
func TestBlind4HeldOut(t *testing.T) {
	// Measured before the round: harmful 9/25 stopped, benign 0/15 held
	// (0.600); after it: harmful 18/25, benign 1/15 (0.800). The same
	// helper wrote this set and the round's rules: the gain is optimistic.
	acc := runCorpus(t, "testdata/blind4_heldout.jsonl", false)
	t.Logf("blind4 held-out accuracy %.3f", acc)
	if acc < 0.5 {
		t.Fatalf("blind4 held-out accuracy %.3f, want ≥ 0.5", acc)
	}
}
