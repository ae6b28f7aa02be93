package screen

import (
	"testing"

	"github.com/bouclier/bouclier"
)

// TestBlindSetsStudentLine runs the blind sets of pupils' messages from a
// student, the line a pupil's messages get (TestHeldOut runs them from a
// parent). Each set was written before the round that worked on it; the
// floors are the figures at the end of that work (harmful messages held at
// least, benign ones held at most), so a later change that loses ground on
// them fails here and says which messages moved.
//
// Since the fourteenth round these sets are training rows of the model
// (cmd/screentrain -sets): the floors are in-sample regression tests, not
// a measure of generalisation. That measure is the leave-one-set-out
// cross-validation in docs/screen/CV_REPORT.md.
func TestBlindSetsStudentLine(t *testing.T) {
	e := New(DefaultConfig())
	for _, c := range []struct {
		set                   string
		harmfulMin, benignMax int
	}{
		{"blind10", 26, 3}, // threats between pupils (eighth round A)
		{"blind12", 28, 4}, // pupils' spelling noise (ninth round)
		{"blind13", 24, 4}, // pupils' blackmail and implied menace (tenth round)
		{"blind14", 44, 0}, // threats to schools, terror apology, phishing (twelfth round)
		{"blind15", 57, 3}, // schools, terror, pupils, phishing; look and sealed halves (thirteenth round)
	} {
		t.Run(c.set, func(t *testing.T) {
			var harmful, benign, nHarmful, nBenign int
			for _, m := range readCorpus(t, "testdata/"+c.set+"_heldout.jsonl") {
				held := e.Check(Input{Subject: m.Subject, Text: m.Text, SenderRole: bouclier.RoleStudent}).Verdict != Deliver
				if m.Label == "benign" {
					nBenign++
					if held {
						benign++
						if m.Half != "sealed" { // sealed: counts only
							t.Logf("%s benign held: %q", m.ID, m.Text)
						}
					}
					continue
				}
				nHarmful++
				if held {
					harmful++
				} else if m.Half != "sealed" {
					t.Logf("%s %s delivered: %q", m.ID, m.Label, m.Text)
				}
			}
			t.Logf("%s from a student: harmful held %d/%d, benign held %d/%d", c.set, harmful, nHarmful, benign, nBenign)
			if harmful < c.harmfulMin || benign > c.benignMax {
				t.Errorf("%s from a student: harmful held %d (at least %d), benign held %d (at most %d)", c.set, harmful, c.harmfulMin, benign, c.benignMax)
			}
		})
	}
}
