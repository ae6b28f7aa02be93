package main

import (
	"fmt"
	"strings"

	"github.com/bouclier/bouclier/internal/screen"
)

// gridReport is the measurement of -grid: the left-out rows held at
// other values of the engine's decision constants, the model line set
// each time to hold 2 % of the pooled left-out benign rows, so that each
// variant pays the same benign cost. It reads the scores leaveOneSetOut
// kept; no model is trained again.
func (r *losoResult) gridReport(b *strings.Builder) {
	defer func(c screen.Confirmation, sl, g float64) {
		confirmation, segLine, onePassGate = c, sl, g
	}(confirmation, segLine, onePassGate)
	var benign []score
	for _, s := range r.scored {
		if !s.harmful {
			benign = append(benign, s.s)
		}
	}
	b.WriteString("grid: StrongRules RuleConfirm RejectConfirm SegmentHoldLine SegmentPassGate -> line, harmful held, benign held\n")
	for _, x := range []float64{0.5, 0.6, 0.7, 0.85} {
		for _, rc := range []float64{0.5, 0.6} {
			for _, rj := range []float64{0.15, 0.3} {
				for _, sl := range []float64{0.97, 0.99} {
					for _, g := range []float64{0.8, 0.9} {
						confirmation = screen.Confirmation{Rule: rc, Strong: x, Reject: rj}
						segLine, onePassGate = sl, g
						line, _ := calibrate(benign, rateWithin)
						hh, bh := r.heldAt(line)
						fmt.Fprintf(b, "  %.2f %.2f %.2f %.2f %.2f -> %.3f %d/%d %d/%d\n", x, rc, rj, sl, g, line, hh[0], hh[1], bh[0], bh[1])
					}
				}
			}
		}
	}
}

// scoresTSV is what -scores writes: a line for each left-out row, its
// set, label, rules' score, model's p on the text, confirmation (the
// strongest of the text and its segments) and one-pass p; no text.
func (r *losoResult) scoresTSV() string {
	var b strings.Builder
	for _, s := range r.scored {
		fmt.Fprintf(&b, "%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\n", strings.TrimPrefix(s.group, "set:"), s.label, s.s.rule, s.s.p, s.s.confirm, s.s.one)
	}
	return b.String()
}
