package web

import (
	"strings"
	"testing"
	"time"
)

// TestIncidentChartAxes: the incident's chart has a graduated count axis
// (0 to a round maximum), its times as « 9 h 24 », days for a long
// incident, and a description stating the figures: a reader tells 3
// messages from 300 without seeing the bars.
func TestIncidentChartAxes(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	at := func(h, m int) int64 { return time.Date(2026, 12, 3, h, m, 0, 0, paris).UnixMicro() }
	for _, c := range []struct {
		name      string
		times     []int64
		ticks     string
		labels    []string
		xTitle    string
		descParts []string
	}{
		{
			name:   "three messages",
			times:  []int64{at(9, 21), at(9, 24), at(10, 40)},
			ticks:  "0|1|2|3|4",
			labels: []string{"9\u00a0h\u00a020", "10\u00a0h\u00a040"},
			xTitle: "Heure de début",
			descParts: []string{"3\u00a0messages en ", "le 3\u00a0décembre 2026, de 9\u00a0h\u00a020 à 10\u00a0h\u00a045.", "Le plus haut\u00a0: 2\u00a0messages à partir de 9\u00a0h\u00a020.",
				"Axe vertical gradué de 0 à 4\u00a0messages."},
		},
		{
			name:   "three hundred messages",
			times:  repeat(at(9, 24), 300),
			ticks:  "0|125|250|375|500",
			labels: []string{"9\u00a0h\u00a020"},
			descParts: []string{"300\u00a0messages en 1\u00a0barre, par tranche de 5\u00a0minutes, le 3\u00a0décembre 2026, de 9\u00a0h\u00a020 à 9\u00a0h\u00a025.",
				"Axe vertical gradué de 0 à 500\u00a0messages."},
			xTitle: "Heure de début",
		},
		{
			name:   "over a fortnight",
			times:  []int64{at(9, 0), time.Date(2026, 12, 20, 8, 0, 0, 0, paris).UnixMicro()},
			ticks:  "0|1|2|3|4",
			labels: []string{"3\u00a0décembre 2026", "20\u00a0décembre 2026"},
			xTitle: "Jour",
			descParts: []string{"par jour, du 3\u00a0décembre 2026 à 0\u00a0h\u00a000 au 21\u00a0décembre 2026 à 0\u00a0h\u00a000.",
				"Le plus haut\u00a0: 1\u00a0message à partir du 3\u00a0décembre 2026 à 0\u00a0h\u00a000."},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch := buildChart(c.times, paris)
			var ticks []string
			for _, tk := range ch.Ticks {
				ticks = append(ticks, tk.Label)
			}
			if got := strings.Join(ticks, "|"); got != c.ticks {
				t.Errorf("y axis %q, want %q", got, c.ticks)
			}
			for _, w := range c.labels {
				found := false
				for _, l := range ch.Labels {
					found = found || l.Label == w
				}
				if !found {
					t.Errorf("x axis lacks %q: %+v", w, ch.Labels)
				}
			}
			if ch.XTitle != c.xTitle {
				t.Errorf("x axis title %q", ch.XTitle)
			}
			for _, w := range c.descParts {
				if !strings.Contains(ch.Desc, w) {
					t.Errorf("description lacks %q:\n%s", w, ch.Desc)
				}
			}
			// The bars are drawn on the axis' scale: the tallest reaches
			// its share of the axis, not the top.
			var tallest float64
			for _, b := range ch.Bars {
				tallest = max(tallest, b.H)
			}
			if want := (icBottom - icTop) * float64(ch.Peak) / float64(ch.Max); tallest != want {
				t.Errorf("tallest bar %.1f, want %.1f", tallest, want)
			}
		})
	}
}

func repeat(v int64, n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = v
	}
	return out
}
