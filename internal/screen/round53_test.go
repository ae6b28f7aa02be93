package screen

import (
	"strings"
	"testing"
)

// TestPartRead53: a text of which 45 % of the words or more are unknown to
// the lexicon (French mixed with another language) is held when the model
// reads it at UnreadModelLine, under its own line; a French text the model
// reads the same is delivered. The model's « texte peu lu » feature keeps
// its half, as it was trained. The texts are written for the test, the
// model reads every text alike (constModel).
func TestPartRead53(t *testing.T) {
	cases := []struct {
		text            string
		foreign, part   bool
		wantHeldAtModel bool
	}{
		// 6 words of 13 unknown: part read, not foreign.
		{"Bonjour madame, domani mio figlio non viene, il a rendez-vous chez le dentiste à 10h.", false, true, true},
		{"Bonjour madame, mi figlio domani non viene a scuola perché ha la febbre.", true, true, true},
		{"Bonjour, ma fille est malade demain, elle ne viendra pas à l'école.", false, false, false},
	}
	p := (UnreadModelLine + lowestHeadLine()) / 2
	e := New(Config{TextModel: constModel(p)})
	for _, c := range cases {
		var part, foreign bool
		e.analyzeModelRisks(Input{Text: c.text}, c.text, nil, nil, func(fv *featureVec) { part, foreign = fv.partRead, fv.foreign })
		if part != c.part || foreign != c.foreign {
			t.Errorf("%q: part read %v, foreign %v; want %v, %v", c.text, part, foreign, c.part, c.foreign)
		}
		r := e.Check(Input{Text: c.text})
		if held := r.Verdict != Deliver; held != c.wantHeldAtModel {
			t.Errorf("%q with the model at %.2f: %v %v, want held %v", c.text, p, r.Verdict, r.Reasons, c.wantHeldAtModel)
		}
		if c.wantHeldAtModel && (len(r.Reasons) == 0 || !strings.Contains(r.Reasons[0], "45\u00a0% de ses mots")) {
			t.Errorf("%q: reasons %v, want the share of unknown words", c.text, r.Reasons)
		}
	}
}

// lowestHeadLine is the lowest of the heads' lines: a model reading a
// text between UnreadModelLine and it holds nothing on its own.
func lowestHeadLine() float64 {
	low := 1.0
	for _, l := range headLines {
		low = min(low, l)
	}
	return low
}
