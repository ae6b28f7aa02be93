package screen

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"testing"
)

type labelled struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Subject string `json:"subject,omitempty"` // only a few blind messages have one
	Half    string `json:"half,omitempty"`    // blind15: "look" (worked on) or "sealed" (never read one by one)
	Text    string `json:"text"`
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
		r := e.Check(Input{Subject: m.Subject, Text: m.Text})
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
			if m.Half != "sealed" { // sealed: counts only
				report(t, strict, "%s benign but %s (%.2f): %q %v", m.ID, r.Verdict, r.Score, m.Text, r.Reasons)
			}
		case !benign && !delivered:
			tp++
			c[0]++
		default:
			fn++
			if m.Half != "sealed" { // sealed: counts only
				report(t, strict, "%s %s but delivered (%.2f): %q %v", m.ID, m.Label, r.Score, m.Text, r.Reasons)
			}
		}
		perLabel[m.Label] = c
	}
	t.Logf("%s: %d messages; harmful stopped %d, missed %d; benign delivered %d, stopped %d", path, len(msgs), tp, fn, tn, fp)
	labels := make([]string, 0, len(perLabel))
	for l := range perLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		c := perLabel[l]
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

// TestHeldOut runs the sets written apart from the development corpus, in
// the order they were written. Each was run once before and once after the
// round of rules it was written for; the figures are in docs/screen (and
// below), and the floors only guard against a collapse.
//
// Since the fourteenth round these sets are training rows of the model
// (cmd/screentrain -sets): the floors are in-sample regression tests, not
// a measure of generalisation. That measure is the leave-one-set-out
// cross-validation in docs/screen/CV_REPORT.md.
func TestHeldOut(t *testing.T) {
	for _, c := range []struct {
		name, file string
		floor      float64
	}{
		// Other wordings, places, English, obfuscations and benign
		// look-alikes.
		{"heldout", "testdata/heldout.jsonl", 0.95},
		// 40 messages written after the rules, the generator and the model
		// were frozen.
		{"frozen", "testdata/frozen_heldout.jsonl", 0.7},
		// 40 more, written after the next change and looked at once:
		// 0.650 when written (harmful 16/30, benign 0/10 held).
		{"blind", "testdata/blind_heldout.jsonl", 0.6},
		// 40 harmful and 20 hard benign, written before the first
		// pupil-chat round: harmful 25/40 stopped and benign 2/20 held
		// before it, 26/40 and 2/20 after it. After the second round,
		// whose brief described blind3's misses: 34/40 and 0/20; blind3
		// is no longer blind.
		{"blind3", "testdata/blind3_heldout.jsonl", 0.5},
		// 25 harmful and 15 hard benign, written before the second
		// pupil-chat round (sport scores, reports of past attacks, hoaxes
		// without a weapon word, praise of a named attack's perpetrators,
		// euphemistic threats, phishing without a link): 9/25 and 0/15
		// before it, 18/25 and 1/15 after it. The same helper wrote the
		// set and the rules: the gain is optimistic.
		{"blind4", "testdata/blind4_heldout.jsonl", 0.5},
		// 40 harmful and 31 hard benign in pupils', parents' and
		// attackers' styles (SMS spelling, no accents, slang, emoji,
		// allusions, ENT and game-cheat lures), written before the third
		// pupil-chat round and not tuned on.
		{"blind5", "testdata/blind5_heldout.jsonl", 0.5},
		// 50 harmful (16 threats, 11 terror apology, 13 violent, 10
		// phishing) and 40 hard benign in pupils', parents' and attackers'
		// styles, with English mixed in, written before the fourth round
		// and not tuned on: harmful 43/50 stopped (threat 16/16, terror
		// apology 8/11, violent 11/13, phishing 8/10) and benign 4/40
		// held when written; 44/50 (violent 12/13) and 4/40 after it.
		// The fifth round's brief listed its misses: 48/50 and 0/40 after
		// that round; blind6 is no longer blind.
		{"blind6", "testdata/blind6_heldout.jsonl", 0.5},
		// 40 harmful (10 threats, 10 terror apology in varied shapes, 12
		// violent by outcome, place or slang, 8 phishing with lures and
		// credential requests in English and French) and 60 hard benign
		// (fiction and game narration, lab and cooking, hunting and
		// shooting clubs, violent verbs on the speaker, lessons,
		// commemorations, news, PPMS and Vigipirate, heads' letters,
		// banter), written before the fifth round and not tuned on:
		// harmful 23/40 stopped (threat 6/10, terror apology 5/10, violent
		// 7/12, phishing 5/8) and benign 8/60 held when written; 28/40
		// (terror apology 7/10, violent 10/12) and 3/60 after it.
		{"blind7", "testdata/blind7_heldout.jsonl", 0.5},
		// 50 harmful (13 threats, 12 terror apology, 13 violent, 12
		// phishing) and 60 hard benign (game, film and book narration,
		// lessons, commemorations, news, PPMS, Vigipirate, heads' letters,
		// lab, kitchen, sport, hyperbole, ordinary links and the real
		// ENT's notices), written before the sixth round and not tuned on:
		// harmful 24/50 stopped (threat 5/13, terror apology 8/12, violent
		// 2/13, phishing 9/12) and benign 7/60 held when written; 30/50
		// (violent 5/13, phishing 12/12) and 7/60 after it.
		{"blind8", "testdata/blind8_heldout.jsonl", 0.5},
		// 25 harmful (15 threats by an image, an outcome or a device, 10
		// terror apology by admiration or a call to join, no praise word)
		// and 25 hard benign (the same images in ordinary life), written
		// before the seventh round and not tuned on: harmful 13/25 stopped
		// (threat 6/15, terror apology 7/10) and benign 2/25 held when
		// written; 19/25 (threat 12/15) and 1/25 after it.
		{"blind9", "testdata/blind9_heldout.jsonl", 0.5},
		// 30 threats between pupils in their own words (SMS spelling,
		// slang verbs of beating, the exit of school, group threats,
		// family and home) and 30 hard benign pupil messages (games,
		// sport, « mort de rire », meetings, teasing), written before the
		// eighth round A and not tuned on: threats 23/30 stopped and
		// benign 5/30 held when written (26/30 and 5/30 from a student,
		// TestBlindSetsStudentLine/blind10); 25/30 and 3/30 after it (26/30 and 3/30).
		{"blind10", "testdata/blind10_heldout.jsonl", 0.5},
		// 30 harmful (24 threats against a group of people or a school
		// by outcome, call or wish; 6 terror apology by emulation or
		// joining) and 30 hard benign (lessons, news, court, games,
		// family hyperbole, « il faut éliminer… »), written before the
		// eighth round B and not tuned on: harmful 19/30 stopped (threat
		// 17/24, terror apology 2/6) and benign 9/30 held when written;
		// 24/30 (threat 21/24, terror apology 3/6) and 6/30 after it.
		{"blind11", "testdata/blind11_heldout.jsonl", 0.5},
		// 30 threats with pupils' spelling noise (letters doubled,
		// dropped, swapped or spaced, leet, words glued, « t mort »,
		// « devrait être tué(e) ») and 30 hard benign (« tuer le temps »,
		// « mort de rire », cooking, games, sport), written before the
		// ninth round and not tuned on.
		{"blind12", "testdata/blind12_heldout.jsonl", 0.5},
		// 25 pupils' threats by blackmail or exposure (« je vais balancer
		// tes photos », « si tu … je poste … ») and implied menace (« fais
		// gaffe à toi », « on sait où tu habites », « attends la sortie »)
		// and 25 hard benign (the same words in ordinary school life, a
		// teacher's « si tu ne rends pas …, je mets un zéro »), written
		// before the tenth round and not tuned on.
		{"blind13", "testdata/blind13_heldout.jsonl", 0.5},
		// 21 threats to a whole school (formal, mocking, SMS, English
		// mixed in, euphemisms, times and places spelled out, one in its
		// subject only, split sentences, leet and spaced letters), 12
		// terror apology, 12 phishing (ENT, Educonnect, Pronote, cheats,
		// QR code and attachment lures, lookalike domains, a code asked by
		// reply) and 32 hard benign, written before the twelfth round:
		// harmful 32/45 stopped (threat 15/21, terror apology 7/12,
		// phishing 10/12) and benign 1/32 held when written; 44/45 and
		// 0/32 after it, with the rules written while its misses were
		// visible (no longer blind).
		{"blind14", "testdata/blind14_heldout.jsonl", 0.5},
		// 30 threats to a school or people in it, 12 terror apology, 12
		// violent threats between pupils, 14 phishing and 50 hard benign,
		// written before the thirteenth round; half sealed (counts only,
		// TestBlind15 holds the per-half floors).
		{"blind15", "testdata/blind15_heldout.jsonl", 0.5},
		// 60 threats, 25 terror apology, 30 violent threats, 30 phishing
		// and 115 benign (62 ordinary school traffic, 53 hard negatives),
		// each with the sub-kind its author meant ("class"), written by a
		// helper who had not read the screen: run once on main before it
		// was a training row, harmful 103/145 stopped (threat 41/60,
		// terror apology 18/25, violent 20/30, phishing 24/30) and benign
		// 2/115 held.
		{"blind18", "testdata/blind18_heldout.jsonl", 0.5},
		// Two more sets of 260 by helpers who had read neither the screen
		// nor each other's sets: blind19 (many voices, indirect and
		// buried threats, harmless idioms) and blind20 (long messages,
		// threads, forwards, obfuscation). Run once on main before they
		// were training rows: harmful 98/145 and 105/145 stopped, benign
		// 2/115 and 5/115 held.
		{"blind19", "testdata/blind19_heldout.jsonl", 0.5},
		{"blind20", "testdata/blind20_heldout.jsonl", 0.5},
		// blind22 (violent-heavy: 80 threats to a person, 60 pupils'
		// banter) and blind23 (phishing-heavy: 80 lures, 50 genuine
		// account and payment notices), run once on the model before
		// them: harmful 98/160 and 105/160 stopped, benign 5/100 and
		// 0/100 held. blind21 is not a training row: TestBlind21Sealed.
		{"blind22", "testdata/blind22_heldout.jsonl", 0.5},
		{"blind23", "testdata/blind23_heldout.jsonl", 0.5},
		// blind24 (threat-heavy: 110 threats to a school, 50 hard
		// negatives around the same words) and blind25 (terror apology
		// heavy: 70, with 55 lessons, debates and tributes), run once on
		// the model before them: harmful 119/150 and 100/150 stopped
		// (terror apology 35/70), benign 2/110 and 5/110 held.
		{"blind24", "testdata/blind24_heldout.jsonl", 0.5},
		{"blind25", "testdata/blind25_heldout.jsonl", 0.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			acc := runCorpus(t, c.file, false)
			t.Logf("%s accuracy %.3f", c.name, acc)
			if acc < c.floor {
				t.Fatalf("%s accuracy %.3f, want ≥ %.2f", c.name, acc, c.floor)
			}
		})
	}
}
