package drill_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/bouclier/bouclier/internal/drill"
)

// TestScenariosSmall runs every scenario at a small size, as CI does, and
// checks each one's targets.
func TestScenariosSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("drill")
	}
	o := drill.Options{Establishments: 20, Academies: 2, Ordinary: 60, Seed: 11}
	for _, sc := range drill.Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			r, err := drill.RunScenario(context.Background(), o, sc)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(r)
			t.Logf("%s", b)
			if err := r.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}
