package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/screen"
	"github.com/bouclier/bouclier/internal/screen/synth"
)

func smallSet() []*example {
	var exs []*example
	for _, g := range synth.Generate(7, 15) {
		f := screen.TextFeatures(g.Text)
		e := &example{text: g.Text, label: g.Label, source: "synth", group: "gen:" + g.Family, weight: 1}
		e.idx, e.val = dedupe(f.Idx, f.Val)
		exs = append(exs, e)
	}
	return exs
}

// Same data and seed, byte-identical model.
func TestFitDeterministic(t *testing.T) {
	o := options{seed: 3, epochs: 2, lr: 0.1, l2: 1e-5}
	a, err := fit(smallSet(), o).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	b, err := fit(smallSet(), o).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two fits of the same data differ")
	}
	o.seed = 4
	c, _ := fit(smallSet(), o).Marshal()
	if bytes.Equal(a, c) {
		t.Fatal("the seed changes nothing")
	}
}

// Grouped folds: a group is in exactly one fold and every fold has groups.
func TestStratifiedFolds(t *testing.T) {
	exs := smallSet()
	folds := stratifiedFolds(exs, 5)
	per := map[int]int{}
	for _, e := range exs {
		f, ok := folds[e.group]
		if !ok || f < 0 || f >= 5 {
			t.Fatalf("group %s: fold %d", e.group, f)
		}
		per[f]++
	}
	if len(per) != 5 {
		t.Fatalf("empty folds: %v", per)
	}
}

func TestWilson(t *testing.T) {
	tests := []struct {
		k, n   int
		lo, hi float64
	}{
		{0, 100, 0, 0.037},
		{50, 100, 0.404, 0.596},
		{100, 100, 0.963, 1},
	}
	for _, tc := range tests {
		lo, hi := wilson(tc.k, tc.n)
		if math.Abs(lo-tc.lo) > 0.002 || math.Abs(hi-tc.hi) > 0.002 {
			t.Errorf("wilson(%d, %d) = %.3f, %.3f; want %.3f, %.3f", tc.k, tc.n, lo, hi, tc.lo, tc.hi)
		}
	}
}

// The threshold keeps the benign hold rate's upper bound under 2 %.
func TestCalibrate(t *testing.T) {
	var s []scoredBenign
	for i := 0; i < 1000; i++ {
		s = append(s, scoredBenign{p: float64(i) / 1000})
	}
	th, st := calibrate(s)
	held := 0
	for _, x := range s {
		if x.p >= th {
			held++
		}
	}
	if _, hi := wilson(held, len(s)); hi > 0.02 {
		t.Fatalf("threshold %.3f holds %d: upper bound %.3f", th, held, hi)
	}
	if st > th {
		t.Fatalf("student line %.3f above the adult one %.3f", st, th)
	}
}

// -without names generator families; an unknown name is an error, not a
// silent no-op.
func TestFamiliesLeftOut(t *testing.T) {
	got, err := familiesLeftOut(" lab_hunt,speaker_state ,")
	if err != nil || len(got) != 2 || !got["lab_hunt"] || !got["speaker_state"] {
		t.Fatalf("got %v, %v", got, err)
	}
	if got, err := familiesLeftOut(""); err != nil || len(got) != 0 {
		t.Fatalf("empty list: %v, %v", got, err)
	}
	if _, err := familiesLeftOut("lab_hunt,no_such_family"); err == nil {
		t.Fatal("an unknown family was accepted")
	}
}

// -with names optional generator families only; a regular or unknown
// family is an error.
func TestOptionalFamilies(t *testing.T) {
	got, err := optionalFamilies("group_threat, quant_benign")
	if err != nil || len(got) != 2 || !got["group_threat"] || !got["quant_benign"] {
		t.Fatalf("got %v, %v", got, err)
	}
	if _, err := optionalFamilies("lab_hunt"); err == nil {
		t.Fatal("a regular family was accepted as optional")
	}
	if _, err := optionalFamilies("no_such_family"); err == nil {
		t.Fatal("an unknown family was accepted")
	}
}

// A model trained on the CC BY-NC rows never replaces the embedded one nor
// its reports: -nc refuses the default paths before reading any data.
func TestNCRefusesDefaultOutputs(t *testing.T) {
	tmp := t.TempDir()
	for _, o := range []options{
		{nc: true, out: defaultOut, card: tmp + "/card.md", cv: tmp + "/cv.md"},
		{nc: true, out: tmp + "/m.bin.gz", card: "./" + defaultCard, cv: tmp + "/cv.md"},
		{nc: true, out: tmp + "/m.bin.gz", card: tmp + "/card.md", cv: defaultCV},
	} {
		o.data = tmp // no train.jsonl: reaching the data would fail otherwise
		err := run(o)
		if err == nil || !strings.Contains(err.Error(), "-nc is an experiment") {
			t.Errorf("%+v: %v", o, err)
		}
	}
}
