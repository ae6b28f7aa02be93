package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
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
	o := options{seed: 3, epochs: 2, lr: 0.1, l2: 1e-5, otherWeight: 1}
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

// The threshold keeps the benign held within the budget, by its rate or
// by its upper bound, counting the rules' holds as the engine does: when
// the model confirms them, at RejectConfirm from their reject line.
func TestCalibrate(t *testing.T) {
	scores := func(rule func(i int) float64) []score {
		var s []score
		for i := 0; i < 1000; i++ {
			s = append(s, score{p: float64(i) / 1000, confirm: float64(i) / 1000, rule: rule(i)})
		}
		return s
	}
	none := func(int) float64 { return 0 }
	tests := []struct {
		name   string
		s      []score
		within func(held, n int, limit float64) bool
		adult  float64 // the expected adult line
	}{
		{"rate", scores(none), rateWithin, 0.980},
		{"upper bound", scores(none), upperWithin, 0.989},
		// Ten rows at the reject line are held when the model gives them
		// RejectConfirm (0.15) or more, whatever its line; under it they
		// cost nothing.
		{"reject line", scores(func(i int) float64 { return map[bool]float64{true: 0.9}[i >= 150 && i < 160] }), rateWithin, 0.990},
		{"reject line unconfirmed", scores(func(i int) float64 { return map[bool]float64{true: 0.9}[i < 10] }), rateWithin, 0.980},
		// A strong hold of the rules (screen.StrongRules) on rows the model
		// gives 0.2 is not confirmed: they cost nothing; on rows it gives
		// 0.6 they always count. A weaker hold waits for the line: those
		// rows cost nothing either.
		{"unconfirmed", scores(func(i int) float64 { return map[bool]float64{true: 0.75}[i >= 200 && i < 300] }), rateWithin, 0.980},
		{"confirmed", scores(func(i int) float64 { return map[bool]float64{true: 0.75}[i >= 600 && i < 610] }), rateWithin, 0.990},
		{"weak rules at the line", scores(func(i int) float64 { return map[bool]float64{true: 0.6}[i >= 600 && i < 610] }), rateWithin, 0.980},
	}
	for _, tc := range tests {
		th, st := calibrate(tc.s, tc.within)
		if math.Abs(th-tc.adult) > 1e-9 {
			t.Errorf("%s: adult line %.3f, want %.3f", tc.name, th, tc.adult)
		}
		n := 0
		for _, x := range tc.s {
			if held(x, th) {
				n++
			}
		}
		if !tc.within(n, len(tc.s), 0.02) {
			t.Errorf("%s: line %.3f holds %d of %d", tc.name, th, n, len(tc.s))
		}
		if st > th {
			t.Errorf("%s: student line %.3f above the adult one %.3f", tc.name, st, th)
		}
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

// A quick model, without its card and reports, never replaces the
// embedded one: -quick refuses the default path, and -loso, before
// reading any data.
func TestQuickRefusesDefaultOutput(t *testing.T) {
	tmp := t.TempDir()
	for _, o := range []options{
		{quick: true, out: defaultOut},
		{quick: true, out: "./" + defaultOut},
		{quick: true, out: tmp + "/m.bin.gz", losoOnly: true},
	} {
		o.data = tmp // no train.jsonl: reaching the data would fail otherwise
		err := run(o)
		if err == nil || !strings.Contains(err.Error(), "-quick is a measurement") {
			t.Errorf("%+v: %v", o, err)
		}
	}
}

// The sets are read from their folder: heldout.jsonl and *_heldout.jsonl,
// not dev.jsonl nor other files; each file is one group; the subject is
// kept apart and read first by textOf; a label outside the screen's fails.
func TestReadSets(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("heldout.jsonl", `{"id":"h1","label":"threat","text":"a"}`+"\n"+`{"id":"h2","label":"benign","text":"b"}`+"\n")
	write("blind9_heldout.jsonl", `{"id":"r1","label":"phishing","text":"c","subject":"S","half":"sealed"}`+"\n\n")
	write("dev.jsonl", `{"id":"d1","label":"threat","text":"d"}`+"\n")
	write("notes.md", "x")
	exs, infos, err := readSets(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 3 || len(infos) != 2 || infos[0].name != "blind9_heldout.jsonl" || infos[0].n != 1 || infos[1].n != 2 || len(infos[0].sum) != 64 {
		t.Fatalf("rows %d, sets %+v", len(exs), infos)
	}
	e := exs[0]
	if e.group != "set:blind9" || e.source != "set" || e.weight != 3 || e.half != "sealed" || textOf(e) != "S\nc" || e.id != "blind9:r1" {
		t.Fatalf("row %+v, text %q", e, textOf(e))
	}
	if exs[1].group != "set:heldout" || textOf(exs[1]) != "a" {
		t.Fatalf("row %+v", exs[1])
	}
	write("blind3_heldout.jsonl", `{"id":"x","label":"hate","text":"e"}`+"\n")
	if _, _, err := readSets(dir, 1); err == nil {
		t.Fatal("a label outside the screen's was read")
	}
	if exs, _, err := readSets("", 1); err != nil || exs != nil {
		t.Fatal("-sets empty should read nothing")
	}
}

// Leave one set out: every row of every set is scored exactly once, by
// the baseline and by a model that did not see its set.
func TestLeaveOneSetOut(t *testing.T) {
	base := smallSet()
	var sets []*example
	for i, e := range smallSet()[:60] {
		c := *e
		c.source, c.group = "set", fmt.Sprintf("set:s%d", i%3)
		sets = append(sets, &c)
	}
	r := leaveOneSetOut(base, sets, options{seed: 1, epochs: 1, lr: 0.1, l2: 1e-5, setWeight: 2, otherWeight: 1})
	n := 0
	for _, c := range r.after {
		n += c[1]
	}
	nb := 0
	for _, c := range r.base {
		nb += c[1]
	}
	if n != len(sets) || nb != len(sets) || len(r.bySet) != 3 || len(r.scored) != len(sets) {
		t.Fatalf("scored %d and %d of %d rows, %d sets", n, nb, len(sets), len(r.bySet))
	}
	var b strings.Builder
	r.markdown(&b)
	if !strings.Contains(b.String(), "| s1 |") {
		t.Fatalf("report:\n%s", b.String())
	}
	// -fixedrate: the same rows scored, the line set on their benign side.
	f := leaveOneSetOut(base, sets, options{seed: 1, epochs: 1, lr: 0.1, l2: 1e-5, setWeight: 2, otherWeight: 1, fixedRate: true})
	if len(f.scored) != len(sets) {
		t.Fatalf("-fixedrate scored %d of %d rows", len(f.scored), len(sets))
	}
	b.Reset()
	f.fixedRateLine(&b)
	if !strings.HasPrefix(b.String(), "fixed rate: line ") || !strings.Contains(b.String(), "  s1 ") {
		t.Fatalf("-fixedrate report:\n%s", b.String())
	}
	// The written report at a fixed rate: the line, each label, each set.
	b.Reset()
	f.markdown(&b)
	if out := b.String(); !strings.Contains(out, "held at the line ") || !strings.Contains(out, "| s1 | ") || strings.Contains(out, "(a) baseline") {
		t.Fatalf("fixed-rate report:\n%s", out)
	}
}

// A feature shared by two harms: with the other harm's rows weighed down
// among a head's negatives, the head keeps more of the feature (the
// engine holds on the strongest head, so the heads must not cancel each
// other out on what the harms share).
func TestOtherHarmsWeighedDown(t *testing.T) {
	const shared, threatOnly, violentOnly, benignOnly = 11, 22, 33, 44
	row := func(label string, idx ...uint32) *example {
		e := &example{label: label, weight: 1, idx: idx}
		for range idx {
			e.val = append(e.val, 1)
		}
		return e
	}
	var exs []*example
	for i := 0; i < 20; i++ {
		exs = append(exs, row("threat", shared, threatOnly), row("violent", shared, violentOnly), row("benign", benignOnly), row("benign", benignOnly))
	}
	threat := headOf("threat")
	weight := func(other float64) float32 {
		m := fit(exs, options{seed: 1, epochs: 3, lr: 0.1, l2: 1e-5, otherWeight: other})
		return m.W[threat][shared]
	}
	full, down := weight(1), weight(0.3)
	if !(down > full) {
		t.Fatalf("threat head's weight of the shared feature: %v with other harms weighed 0.3, %v at 1", down, full)
	}
	if full > 0.5 {
		t.Fatalf("at weight 1 the violent rows should pull the shared feature down for the threat head: %v", full)
	}
}
