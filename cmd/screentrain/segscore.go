package main

import (
	"fmt"

	"github.com/bouclier/bouclier/internal/screen"
)

// The one-pass segment hold (screen/segscore.go): the model's reading of
// each sentence of a text from the features of the text's own pass. held
// applies it at onePassLine; -buried measures it at onePassLines, with and
// without the rules-gated segment hold.

// onePassGate is the one-pass gate held applies (screen.SegmentPassGate;
// 2: the rules' gate alone).
var onePassGate = screen.SegmentPassGate

// onePassGates are the one-pass gates -buried measures.
var onePassGates = []float64{0.5, 0.7, 0.8, 0.9, 0.95}

// segmentGate reports whether the engine reads s's segments apart: the
// rules at their gate, or a one-pass segment at its gate.
func segmentGate(s score) bool {
	return s.rule >= screen.SegmentGate || s.one >= onePassGate
}

// onePassLine is the line at which a one-pass segment would hold a text on
// its own (2: none, the engine's); -buried measures onePassLines.
var onePassLine = 2.0

// onePassLines are the one-pass segment lines -buried measures.
var onePassLines = []float64{0.95, 0.97, 0.98, 0.99, 0.995, 0.998}

// onePassHeld reports whether a one-pass segment holds s on its own: at
// its line, unless the rules hold the text below their reject line and the
// model confirms it on no segment (the engine then keeps it under its hold
// line).
func onePassHeld(s score, t float64) bool {
	unconfirmed := s.rule >= ruleOverride && s.confirm < confirmLine(s, t)
	return s.one >= onePassLine && !unconfirmed
}

// buriedConfig is one decision buriedReport measures: the segment line
// (segLine), the one-pass gate, an ungated segment line (ts) and the
// one-pass line (2: none).
type buriedConfig struct {
	title              string
	seg, gate, ts, one float64
}

// buriedConfigs are main's decision before the segment hold, the rules'
// gate alone, the engine's, the ungated segment lines, the one-pass gates,
// then the one-pass lines on their own, without and with the engine's
// segment hold.
func buriedConfigs() []buriedConfig {
	cs := []buriedConfig{{"no segment hold:\n", 2, 2, 2, 2},
		{fmt.Sprintf("segment hold at the rules' gate (%.2f) alone, line %.2f:\n", screen.SegmentGate, screen.SegmentHoldLine), screen.SegmentHoldLine, 2, 2, 2},
		{fmt.Sprintf("the engine's: segment hold at the rules' gate or the one-pass gate (%.2f):\n", screen.SegmentPassGate), screen.SegmentHoldLine, screen.SegmentPassGate, 2, 2},
		{"ungated segment lines:\n", screen.SegmentHoldLine, 2, segLines[0], 2}}
	for _, ts := range segLines[1:] {
		cs = append(cs, buriedConfig{"", screen.SegmentHoldLine, 2, ts, 2})
	}
	title := "one-pass gates (the segment hold's line, rules' gate or this):\n"
	for _, g := range onePassGates {
		cs = append(cs, buriedConfig{title, screen.SegmentHoldLine, g, 2, 2})
		title = ""
	}
	for k, c := range []buriedConfig{{seg: 2, gate: 2}, {seg: screen.SegmentHoldLine, gate: screen.SegmentPassGate}} {
		title := [2]string{"one-pass segment lines holding on their own, alone:\n", "one-pass segment lines holding on their own, with the engine's segment hold:\n"}[k]
		for _, one := range onePassLines {
			cs = append(cs, buriedConfig{title, c.seg, c.gate, 2, one})
			title = ""
		}
	}
	return cs
}
