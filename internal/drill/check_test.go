package drill

import "testing"

// TestCheckVisibleUpTo: a scenario's VisibleUpTo relaxes the visible
// share only; copies left and a late action still miss.
func TestCheckVisibleUpTo(t *testing.T) {
	for _, c := range []struct {
		name string
		row  Row
		ok   bool
	}{
		{"within 1 %", Row{Attack: true, VisiblePercent: 0.5}, true},
		{"over 1 %", Row{Attack: true, VisiblePercent: 15}, false},
		{"within its own line", Row{Attack: true, VisiblePercent: 15, VisibleUpTo: 20}, true},
		{"over its own line", Row{Attack: true, VisiblePercent: 25, VisibleUpTo: 20}, false},
		{"copies left", Row{Attack: true, VisiblePercent: 15, VisibleUpTo: 20, CopiesLeft: 1}, false},
		{"late", Row{Attack: true, VisiblePercent: 15, VisibleUpTo: 20, ActSeconds: 11}, false},
	} {
		if err := c.row.Check(); (err == nil) != c.ok {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
