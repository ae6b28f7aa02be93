package main

import (
	"fmt"
	"strings"
	"testing"
)

// The grid holds at each variant what held holds with the engine's
// constants put to that variant, and restores them after.
func TestGridReport(t *testing.T) {
	r := &losoResult{}
	// 100 benign rows with the model from 0.00 to 0.99; harmful rows the
	// rules hold at 0.6 with the model at 0.55 (confirmed at RuleConfirm
	// 0.5 when StrongRules is under 0.6, not at 0.6 or the line) and rows
	// the model reads at 0.99.
	for i := 0; i < 100; i++ {
		p := float64(i) / 100
		r.scored = append(r.scored, losoScore{label: "benign", s: score{p: p, confirm: p}})
	}
	for i := 0; i < 10; i++ {
		r.scored = append(r.scored, losoScore{harmful: true, label: "threat", s: score{rule: 0.6, p: 0.55, confirm: 0.55}})
		r.scored = append(r.scored, losoScore{harmful: true, label: "threat", s: score{p: 0.99, confirm: 0.99}})
	}
	c, sl, g := confirmation, segLine, onePassGate
	var b strings.Builder
	r.gridReport(&b)
	if confirmation != c || segLine != sl || onePassGate != g {
		t.Fatal("gridReport left the constants changed")
	}
	out := b.String()
	for _, c := range []struct {
		x, rc float64
		want  int
	}{{0.5, 0.5, 20}, {0.5, 0.6, 10}, {0.6, 0.5, 20}, {0.7, 0.5, 10}, {0.85, 0.5, 10}} {
		// Two benign rows (98, 99) are 2 %: the line is 0.98.
		row := fmt.Sprintf("  %.2f %.2f 0.15 0.97 0.80 -> 0.980 %d/20 2/100", c.x, c.rc, c.want)
		if !strings.Contains(out, row) {
			t.Errorf("grid lacks %q", row)
		}
	}
}

func TestScoresTSV(t *testing.T) {
	r := &losoResult{scored: []losoScore{{harmful: true, label: "threat", group: "set:blind9", s: score{rule: 0.6, p: 0.35, confirm: 0.5, one: 0.25}}}}
	if got, want := r.scoresTSV(), "blind9\tthreat\t0.6000\t0.3500\t0.5000\t0.2500\n"; got != want {
		t.Errorf("scoresTSV = %q, want %q", got, want)
	}
}
