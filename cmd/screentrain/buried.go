package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/bouclier/bouclier/internal/screen"
)

// A measurement of issue 12's dilution: one harmful sentence buried in a
// long ordinary message. A linear model sums the weights of every feature
// of the text, and the benign words of a long message carry negative
// ones, so the one harmful sentence can be outweighed. With -buried, the
// leave-one-set-out also scores, for each left-out set, each of its rows
// inserted (at the start, the middle or the end, chosen by the seed) into
// a long benign row (≥ 4 lines or ≥ 300 characters) of another set or of
// the third-party data: its harmful rows so buried are the dilution's
// test, its benign rows so concatenated the matching negatives. The
// variants are scored by the fold's model (which never saw the left-out
// set) and counted at the plain leave-one-set-out's line.

// buriedHost reports whether a benign row is long enough to bury a
// sentence in.
func buriedHost(text string) bool {
	return len(text) >= 300 || strings.Count(strings.TrimSpace(text), "\n") >= 3
}

// hostUnits cuts a host into the units a sentence is inserted between:
// its lines, or its sentences (each with its end) when it has one line;
// and the separator that joins them.
func hostUnits(text string) ([]string, string) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) >= 2 {
		return lines, "\n"
	}
	text = strings.TrimSpace(text)
	var out []string
	last := 0
	for _, m := range hostSentence.FindAllStringIndex(text, -1) {
		out = append(out, strings.TrimSpace(text[last:m[1]]))
		last = m[1]
	}
	if last < len(text) {
		out = append(out, strings.TrimSpace(text[last:]))
	}
	return out, " "
}

// hostSentence is a sentence's end and the spaces after it.
var hostSentence = regexp.MustCompile(`[.!?…]+\s+`)

// bury inserts s into host at pos (0 start, 1 middle, 2 end).
func bury(host, s string, pos int) string {
	units, sep := hostUnits(host)
	at := [3]int{0, len(units) / 2, len(units)}[pos]
	out := append(append(append([]string(nil), units[:at]...), strings.TrimSpace(s)), units[at:]...)
	return strings.Join(out, sep)
}

// host is a long benign row a sentence can be buried in.
type host struct{ text, group string }

// buriedHosts returns the long benign rows of the sets and of the
// third-party data (not the generator's), in a fixed order.
func buriedHosts(base, sets []*example) []host {
	var hs []host
	for _, e := range append(append([]*example(nil), base...), sets...) {
		if e.label == "benign" && e.source != "synth" && buriedHost(textOf(e)) {
			hs = append(hs, host{textOf(e), e.group})
		}
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].text < hs[j].text })
	return hs
}

// buryRows returns each row of rows buried in a host of another group,
// host and position drawn from r. prep computes the variant's features.
func buryRows(rows []*example, hosts []host, r *rand.Rand, prep func(*example)) []*example {
	var out []*example
	for _, e := range rows {
		var h host
		for tries := 0; tries < 64; tries++ {
			h = hosts[r.IntN(len(hosts))]
			if h.group != e.group {
				break
			}
		}
		if h.group == e.group {
			continue
		}
		v := &example{id: e.id + "+buried", text: bury(h.text, textOf(e), r.IntN(3)), label: e.label,
			source: "buried", group: e.group, host: h.group, weight: e.weight}
		prep(v)
		out = append(out, v)
	}
	return out
}

// buriedSets returns every set row buried in a host of another group,
// hosts and positions drawn from the seed and stream (the test and the
// training variants draw apart).
func buriedSets(base, sets []*example, o options, stream uint64, prep func(*example)) []*example {
	hosts := buriedHosts(base, sets)
	if len(hosts) == 0 {
		return nil
	}
	return buryRows(sets, hosts, rand.New(rand.NewPCG(o.seed, stream)), prep)
}

// prepare computes a row's features, its rules' score, its one-pass
// segments' features and, when the rules stay below their reject line
// (or always, with all), its segments' features: the one-pass gate
// (screen.SegmentPassGate) depends on the model, so any row below the
// reject line may need them.
func prepare(e *example, rules *screen.Engine, all bool) {
	f, one := screen.OnePassSegments(textOf(e))
	e.idx, e.val = dedupe(f.Idx, f.Val)
	e.one = one
	e.rule = rules.Check(screen.Input{Subject: e.subject, Text: e.text}).Score
	if all || e.rule < rejectAt {
		if segs := screen.Segments(textOf(e)); len(segs) > 1 {
			for _, s := range segs {
				e.segs = append(e.segs, screen.TextFeatures(s))
			}
		}
	}
}

// segLine is the segment line held applies (the engine's); -buried
// sets it to 2 (none) for main's decision.
var segLine = screen.SegmentHoldLine

// segLines are the ungated segment lines -buried measures: the model also
// holding when any segment of any text reaches it.
var segLines = []float64{0.9, 0.95, 0.97, 0.98, 0.99, 0.995}

// heldSeg is held with the ungated segment line ts (ts ≥ 1: none).
func heldSeg(s score, t, ts float64) bool {
	return held(s, t) || s.confirm >= ts
}

// buriedReport prints, at the fixed rate's line, the left-out rows and
// their buried variants held, per label; then the same for each segment
// line, the whole-text line lowered or raised so that the plain benign
// rows held stay at 2 %.
func (r *losoResult) buriedReport(b *strings.Builder) {
	if p := os.Getenv("SCREENTRAIN_BURIED_DUMP"); p != "" {
		// scores only (no text, no id): for measuring gates offline
		var d strings.Builder
		for k, rows := range [2][]losoScore{r.scored, r.buried} {
			for _, s := range rows {
				fmt.Fprintf(&d, "%s\t%s\t%s\t%.4f\t%.6f\t%.6f\t%.6f\n", [2]string{"plain", "buried"}[k], s.label, s.group, s.s.rule, s.s.p, s.s.confirm, s.s.one)
			}
		}
		if err := os.WriteFile(p, []byte(d.String()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "screentrain:", err)
		}
	}
	var benign []score
	for _, s := range r.scored {
		if !s.harmful {
			benign = append(benign, s.s)
		}
	}
	defer func(l, g, o float64) { segLine, onePassGate, onePassLine = l, g, o }(segLine, onePassGate, onePassLine)
	for _, c := range buriedConfigs() {
		segLine, onePassGate, onePassLine = c.seg, c.gate, c.one
		if c.title != "" {
			b.WriteString(c.title)
		}
		ts := c.ts
		line := lineWithSeg(benign, ts)
		plain, bur := map[string][2]int{}, map[string][2]int{}
		var ph, bh [2]int
		for _, s := range r.scored {
			h := heldSeg(s.s, line, ts)
			add(plain, s.label, h)
			if s.harmful {
				add2(&ph, h)
			}
		}
		for _, s := range r.buried {
			h := heldSeg(s.s, line, ts)
			add(bur, s.label, h)
			if s.harmful {
				add2(&bh, h)
			}
		}
		name := "none"
		if ts < 1 {
			name = fmt.Sprintf("%.3f", ts)
		}
		if c.gate < 1 {
			name += fmt.Sprintf(", one-pass gate %.2f", c.gate)
		}
		if c.one < 1 {
			name += fmt.Sprintf(", one-pass line %.3f", c.one)
		}
		fmt.Fprintf(b, "segment line %s: line %.3f, plain harmful %d/%d benign %d/%d; buried harmful %d/%d, concatenated benign %d/%d\n",
			name, line, ph[0], ph[1], plain["benign"][0], plain["benign"][1], bh[0], bh[1], bur["benign"][0], bur["benign"][1])
		for _, l := range sortedKeys(plain) {
			if l != "benign" {
				fmt.Fprintf(b, "  %s plain %d/%d buried %d/%d\n", l, plain[l][0], plain[l][1], bur[l][0], bur[l][1])
			}
		}
	}
}

// lineWithSeg is the lowest whole-text line (never under 0.5) at which,
// with the segment line ts, at most 2 % of benign are held.
func lineWithSeg(benign []score, ts float64) float64 {
	var ps []float64
	for _, s := range benign {
		if s.p >= 0.5 {
			ps = append(ps, s.p)
		}
	}
	sort.Float64s(ps)
	for _, t := range append(append([]float64{0.5}, ps...), math.Nextafter(1, 2), noThreshold) {
		n := 0
		for _, s := range benign {
			if heldSeg(s, t, ts) {
				n++
			}
		}
		if rateWithin(n, len(benign), 0.02) {
			return t
		}
	}
	return noThreshold
}

// buriedFolds holds what -buried and -augment add to the leave-one-set-out:
// the test variants, and the training ones.
type buriedFolds struct {
	test, train []*example
}

// newBuriedFolds builds the variants o asks for (nil for neither).
func newBuriedFolds(base, sets []*example, o options) *buriedFolds {
	if !o.buried && o.augment <= 0 {
		return nil
	}
	rules := screen.New(screen.Config{NoTextModel: true})
	prep := func(e *example) { prepare(e, rules, o.buried) }
	bf := &buriedFolds{}
	if o.buried {
		bf.test = buriedSets(base, sets, o, 0xb0d1ed, prep)
	}
	if o.augment > 0 {
		bf.train = augmentRows(base, sets, o, prep)
	}
	return bf
}

// augmentRows are the training variants of -augment: every set row
// buried in a host of another group (drawn apart from the test variants),
// weighted o.augment, so that a long text's benign words stop cancelling
// the harm it carries, and a long benign text stays benign.
func augmentRows(base, sets []*example, o options, prep func(*example)) []*example {
	vs := buriedSets(base, sets, o, 0xa0a0, prep)
	for _, v := range vs {
		v.weight = o.augment
	}
	return vs
}

// trainFor returns the training variants a fold leaving g out may use:
// neither the row nor its host from g.
func (bf *buriedFolds) trainFor(g string) []*example {
	if bf == nil {
		return nil
	}
	var out []*example
	for _, v := range bf.train {
		if v.group != g && v.host != g {
			out = append(out, v)
		}
	}
	return out
}

// testFor returns g's rows buried in hosts of other groups.
func (bf *buriedFolds) testFor(g string) []*example {
	if bf == nil {
		return nil
	}
	var out []*example
	for _, v := range bf.test {
		if v.group == g {
			out = append(out, v)
		}
	}
	return out
}

// augmentation returns the production model's training variants (-augment).
func augmentation(base, sets []*example, o options) []*example {
	if o.augment <= 0 {
		return nil
	}
	rules := screen.New(screen.Config{NoTextModel: true})
	return augmentRows(base, sets, o, func(e *example) { prepare(e, rules, false) })
}

// buriedFrom reports whether e is a buried variant whose row or host is
// in fold f: a model that scores fold f's rows must not train on it.
func buriedFrom(e *example, fold map[string]int, f int) bool {
	if e.source != "buried" {
		return false
	}
	for _, g := range [2]string{e.group, e.host} {
		if k, ok := fold[g]; ok && k == f {
			return true
		}
	}
	return false
}
