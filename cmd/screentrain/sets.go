package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The blind and held-out sets of internal/screen/testdata are the most
// realistic labelled messages the project has: each was written by a
// helper who had not read the rules. They are training rows of the
// production model (weighted by -setweight) and the test of the
// leave-one-set-out cross-validation: each set is one group, scored by a
// model trained on the third-party data, the generator and all the other
// sets, so that its figure is that of an author the model never saw.
// dev.jsonl is not one of them: it stays the development regression set.

// setFile reports whether a testdata file name is a blind or held-out set.
func setFile(name string) bool {
	return name == "heldout.jsonl" || strings.HasSuffix(name, "_heldout.jsonl")
}

// setInfo names one set and the SHA-256 of its file (for the model card).
type setInfo struct {
	name, sum string
	n         int
}

// readSets reads the blind and held-out sets of dir, in name order. Each
// row becomes an example of source "set", group "set:NAME" (NAME the file
// name without _heldout.jsonl); the subject, when there is one, is read
// before the text as the engine reads it.
func readSets(dir string, weight float64) ([]*example, []setInfo, error) {
	if dir == "" {
		return nil, nil, nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && setFile(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("%s: no held-out set", dir)
	}
	var out []*example
	var infos []setInfo
	for _, name := range names {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		sum := sha256.Sum256(b)
		set := strings.TrimSuffix(strings.TrimSuffix(name, ".jsonl"), "_heldout")
		info := setInfo{name: name, sum: hex.EncodeToString(sum[:])}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		line := 0
		for sc.Scan() {
			line++
			if len(sc.Bytes()) == 0 {
				continue
			}
			var r struct{ ID, Label, Text, Subject, Half string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				return nil, nil, fmt.Errorf("%s line %d: %w", p, line, err)
			}
			if headOf(r.Label) < 0 && r.Label != "benign" {
				return nil, nil, fmt.Errorf("%s line %d: label %q", p, line, r.Label)
			}
			out = append(out, &example{id: set + ":" + r.ID, text: r.Text, subject: r.Subject, label: r.Label,
				source: "set", group: "set:" + set, half: r.Half, weight: weight})
			info.n++
		}
		if err := sc.Err(); err != nil {
			return nil, nil, err
		}
		infos = append(infos, info)
	}
	return out, infos, nil
}

// losoResult is the leave-one-set-out cross-validation: for each set, the
// baseline (a model trained without any set, as before this round) and the
// new recipe (trained with all the other sets) score it.
type losoResult struct {
	weight           float64
	base, baseStud   map[string][2]int // label → held, total: baseline, adult and student lines
	after, afterStud map[string][2]int // the same, trained with the other sets
	rules            map[string][2]int // rules alone
	bySet            map[string][4]int // set → harmful held before, after, benign held before, after
	setTotals        map[string][2]int // set → harmful, benign
	thresholds       []string
	baseT, baseTS    float64
	setsHalf         map[string][2]int // blind15 halves, label@half → held after
	setsHalfBase     map[string][2]int
	modelOnly        map[string][2]int // label → held by the model alone (rules under 0.5), (a) and (b)
	scored           []losoScore       // (b)'s score of each left-out row, for the curve of fixed lines
	fixed            bool              // measured at a fixed rate (no baseline, no calibration per set)
	line             float64           // fixedLine's, once computed (0: not yet)
	buried           []losoScore       // with -buried: (b)'s score of each left-out row buried in a long benign one
}

// losoScore is one left-out row as (b) scored it.
type losoScore struct {
	harmful bool
	label   string
	group   string
	s       score
}

// fixedLines are the model lines of the curve (the calibrated line is per fold).
var fixedLines = []float64{0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95}

// leaveOneSetOut runs the leave-one-set-out cross-validation over the
// sets. base are the other training rows (third-party data without the NC
// rows, and the generator).
func leaveOneSetOut(base, sets []*example, o options) *losoResult {
	r := &losoResult{weight: o.setWeight, base: map[string][2]int{}, baseStud: map[string][2]int{}, after: map[string][2]int{},
		afterStud: map[string][2]int{}, rules: map[string][2]int{}, bySet: map[string][4]int{}, setTotals: map[string][2]int{},
		setsHalf: map[string][2]int{}, setsHalfBase: map[string][2]int{}, modelOnly: map[string][2]int{}, fixed: o.fixedRate}
	var m0 prober
	if !o.fixedRate {
		m0 = fitProber(base, o)
		r.baseT, r.baseTS = crossCalibrate(base, o)
	}
	bf := newBuriedFolds(base, sets, o)
	var names []string
	seen := map[string]bool{}
	for _, e := range sets {
		if !seen[e.group] {
			seen[e.group] = true
			names = append(names, e.group)
		}
	}
	for _, g := range names {
		train := append([]*example(nil), base...)
		var test []*example
		for _, e := range sets {
			if e.group == g {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		train = append(train, bf.trainFor(g)...)
		m1 := fitProber(train, o)
		for _, e := range bf.testFor(g) {
			r.buried = append(r.buried, losoScore{harmful: e.label != "benign", label: e.label, group: g, s: scoreOf(m1, e)})
		}
		t1, ts1 := 0.5, 0.5
		if o.fixedRate {
			m0 = m1 // no baseline: (a) repeats (b)
		} else {
			t1, ts1 = crossCalibrate(train, o)
		}
		r.thresholds = append(r.thresholds, fmt.Sprintf("%s %.3f/%.3f", strings.TrimPrefix(g, "set:"), t1, ts1))
		for _, e := range test {
			s0, s1 := scoreOf(m0, e), scoreOf(m1, e)
			p0, p1 := s0.p, s1.p
			rule := e.rule >= ruleOverride
			h0, h1 := held(s0, r.baseT), held(s1, t1)
			add(r.base, e.label, h0)
			add(r.baseStud, e.label, held(s0, r.baseTS))
			add(r.after, e.label, h1)
			add(r.afterStud, e.label, held(s1, ts1))
			add(r.rules, e.label, rule)
			c0 := r.modelOnly[e.label]
			if !rule && p0 >= r.baseT {
				c0[0]++
			}
			if !rule && p1 >= t1 {
				c0[1]++
			}
			r.modelOnly[e.label] = c0
			r.scored = append(r.scored, losoScore{harmful: e.label != "benign", label: e.label, group: g, s: s1})
			c, tot := r.bySet[g], r.setTotals[g]
			k := 0
			if e.label == "benign" {
				k = 2
				tot[1]++
			} else {
				tot[0]++
			}
			if h0 {
				c[k]++
			}
			if h1 {
				c[k+1]++
			}
			r.bySet[g], r.setTotals[g] = c, tot
			if os.Getenv("SCREENTRAIN_DEBUG") != "" && (e.label == "benign") == (h1 || p1 > 0.5) {
				// ids and scores only: a sealed message is never printed
				fmt.Fprintf(os.Stderr, "loso %s\t%s\t%s\trule %.2f\tp0 %.3f\tp1 %.3f\tline %.3f\n", e.id, e.label, e.half, e.rule, p0, p1, t1)
			}
			if e.half != "" {
				add(r.setsHalfBase, e.label+" @ "+strings.TrimPrefix(g, "set:")+" "+e.half, h0)
				add(r.setsHalf, e.label+" @ "+strings.TrimPrefix(g, "set:")+" "+e.half, h1)
			}
		}
		fmt.Fprintf(os.Stderr, "loso %s: %d test, threshold %.3f (students %.3f)\n", g, len(test), t1, ts1)
	}
	return r
}

func (r *losoResult) markdown(b *strings.Builder) {
	b.WriteString("\n## Leave one set out: the blind and held-out sets\n\n")
	if r.fixed {
		r.fixedMarkdown(b)
		return
	}
	fmt.Fprintf(b, "The blind and held-out sets of `internal/screen/testdata` (heldout, blind, blind3 … blind15, frozen; not dev) were each written by a different helper who had not read the rules. Each set is one group: it is scored by (a) the baseline, a model trained on the third-party data and the generator only, as before the sets were training rows (thresholds %.3f, students %.3f), and (b) a model trained on the same rows plus every **other** set (weight %g a row), with its thresholds cross-fitted on its own training side as for production. (b) is the figure of a set written by an author the model never saw. Rules + model; a message is held when the model reaches its line, or the rules their hold line (0.5) with the model at its line (from the rules' 0.7 at 0.5 if lower; at their reject line, 0.85, at 0.15: screen.ConfirmLine), or the rules flag it (0.3) or the model's one-pass reading of its sentences reaches 0.8 (screen.SegmentPassGate), and the model reads one of its segments at 0.97 (screen.SegmentHoldLine).\n\n", r.baseT, r.baseTS, r.weight)
	b.WriteString("| label | rules alone | (a) baseline, adult line | (b) with the other sets, adult line | (a) student line | (b) student line |\n|---|---|---|---|---|---|\n")
	for _, k := range sortedKeys(r.after) {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", k, rate(r.rules[k]), rate(r.base[k]), rate(r.after[k]), rate(r.baseStud[k]), rate(r.afterStud[k]))
	}
	b.WriteString("\nFor benign, the figure is the benign hold rate (lower is better).\n\n| set | harmful held (a) → (b) | benign held (a) → (b) |\n|---|---|---|\n")
	var names []string
	for g := range r.bySet {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		c, t := r.bySet[g], r.setTotals[g]
		fmt.Fprintf(b, "| %s | %d → %d / %d | %d → %d / %d |\n", strings.TrimPrefix(g, "set:"), c[0], c[1], t[0], c[2], c[3], t[1])
	}
	if len(r.setsHalf) > 0 {
		b.WriteString("\nHalves of a set (counts only; the sealed half is never quoted):\n\n| label @ set half | (a) baseline | (b) with the other sets |\n|---|---|---|\n")
		for _, k := range sortedKeys(r.setsHalf) {
			fmt.Fprintf(b, "| %s | %s | %s |\n", k, rate(r.setsHalfBase[k]), rate(r.setsHalf[k]))
		}
	}
	b.WriteString("\nHeld by the model alone (the rules under 0.5), (a) → (b): ")
	var mo []string
	for _, k := range sortedKeys(r.modelOnly) {
		mo = append(mo, fmt.Sprintf("%s %d → %d", k, r.modelOnly[k][0], r.modelOnly[k][1]))
	}
	b.WriteString(strings.Join(mo, ", ") + ".\n\n")
	fmt.Fprintf(b, "The model's line, if it were fixed instead of calibrated: (b)'s scores of the left-out rows held at each line (rules + model). The calibrated line holds at most 2 %% of the other sets' benign messages, each scored by a model that did not see its set (cross-fitted over %d folds of sets).\n\n| model line | harmful held | benign held |\n|---|---|---|\n", setFolds)
	for _, l := range fixedLines {
		var hh, bh [2]int
		for _, s := range r.scored {
			h := held(s.s, l)
			if s.harmful {
				add2(&hh, h)
			} else {
				add2(&bh, h)
			}
		}
		fmt.Fprintf(b, "| %.2f | %s | %s |\n", l, rate(hh), rate(bh))
	}
	fmt.Fprintf(b, "\nThresholds of (b) per left-out set (adult/student): %s.\n", strings.Join(r.thresholds, ", "))
}

// fixedRateLine is the measurement of -fixedrate: the model line set to
// hold 2 % of the pooled left-out benign rows, each scored by a model
// that never saw its set, and what is held at it. Variants compared this
// way pay the same benign cost, without the calibration's inner folds
// (about 40 s a run instead of several minutes).
func (r *losoResult) fixedRateLine(b *strings.Builder) {
	line := r.fixedLine()
	var hh, bh [2]int
	perSet, perLabel := map[string][2]int{}, map[string][2]int{}
	for _, s := range r.scored {
		h := held(s.s, line)
		if s.harmful {
			add2(&hh, h)
			add(perSet, s.group, h)
			add(perLabel, s.label, h)
		} else {
			add2(&bh, h)
		}
	}
	fmt.Fprintf(b, "fixed rate: line %.3f, harmful held %d/%d, benign held %d/%d\n", line, hh[0], hh[1], bh[0], bh[1])
	for _, l := range sortedKeys(perLabel) {
		fmt.Fprintf(b, "  label %s %d/%d\n", l, perLabel[l][0], perLabel[l][1])
	}
	for _, g := range sortedKeys(perSet) {
		fmt.Fprintf(b, "  %s %d/%d\n", strings.TrimPrefix(g, "set:"), perSet[g][0], perSet[g][1])
	}
}

// fixedMarkdown is the report's leave one set out at a fixed rate: each
// set scored by a model trained on every other one (one fit a set), the
// line set once to hold 2 % of the pooled left-out benign rows.
func (r *losoResult) fixedMarkdown(b *strings.Builder) {
	line := r.fixedLine()
	fmt.Fprintf(b, "The blind and held-out sets of `internal/screen/testdata` were each written by a different helper who had not read the rules. Each set is one group, scored by a model trained on the third-party data, the generator and every **other** set (weight %g a row): the figure of a set written by an author the model never saw. The model's line is set once, at %.3f, to hold 2 %% of the pooled left-out benign rows (`screentrain -losocal` calibrates each set's line on its own training side instead: nine fits a set). Rules + model, as the engine decides (held: the model at its line, the rules confirmed by the model, the segment hold).\n\n", r.weight, line)
	r.fixedSummary(b)
	perSet, benSet := map[string][2]int{}, map[string][2]int{}
	for _, s := range r.scored {
		if s.harmful {
			add(perSet, s.group, held(s.s, line))
		} else {
			add(benSet, s.group, held(s.s, line))
		}
	}
	b.WriteString("\nFor benign, the figure is the benign hold rate (lower is better).\n\n| set | harmful held | benign held |\n|---|---|---|\n")
	names := sortedKeys(perSet)
	for g := range benSet {
		if _, ok := perSet[g]; !ok {
			names = append(names, g)
		}
	}
	sort.Strings(names)
	for _, g := range names {
		fmt.Fprintf(b, "| %s | %d / %d | %d / %d |\n", strings.TrimPrefix(g, "set:"), perSet[g][0], perSet[g][1], benSet[g][0], benSet[g][1])
	}
	b.WriteString("\nThe same scores held at other lines:\n\n| model line | harmful held | benign held |\n|---|---|---|\n")
	for _, l := range fixedLines {
		hh, bh := r.heldAt(l)
		fmt.Fprintf(b, "| %.2f | %s | %s |\n", l, rate(hh), rate(bh))
	}
}

// heldAt counts the left-out rows held at the model line l, harmful and
// benign (held, total).
func (r *losoResult) heldAt(l float64) (hh, bh [2]int) {
	for _, s := range r.scored {
		if s.harmful {
			add2(&hh, held(s.s, l))
		} else {
			add2(&bh, held(s.s, l))
		}
	}
	return hh, bh
}

// fixedLine is the model line that holds 2 % of the pooled left-out
// benign rows, computed once (the reports and the model card read it).
func (r *losoResult) fixedLine() float64 {
	if r.line != 0 {
		return r.line
	}
	var benign []score
	for _, s := range r.scored {
		if !s.harmful {
			benign = append(benign, s.s)
		}
	}
	r.line, _ = calibrate(benign, rateWithin)
	return r.line
}

// fixedSummary writes the held rate of each label at the fixed line.
func (r *losoResult) fixedSummary(b *strings.Builder) {
	line := r.fixedLine()
	perLabel := map[string][2]int{}
	for _, s := range r.scored {
		add(perLabel, s.label, held(s.s, line))
	}
	fmt.Fprintf(b, "| label | held at the line %.3f |\n|---|---|\n", line)
	for _, k := range sortedKeys(perLabel) {
		fmt.Fprintf(b, "| %s | %s |\n", k, rate(perLabel[k]))
	}
}

// textOf is the text the engine screens: the subject, if any, then the body.
func textOf(e *example) string {
	if e.subject != "" {
		return e.subject + "\n" + e.text
	}
	return e.text
}

func add2(c *[2]int, held bool) {
	if held {
		c[0]++
	}
	c[1]++
}
