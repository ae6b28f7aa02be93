package drill_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/bouclier/bouclier/internal/drill"
)

// TestDeploymentsSmall runs the drill across three deployments sharing
// signals over a three-node NATS cluster, at a small size: the wave is
// contained in every deployment, none leaves a copy in an inbox, at most
// the very first copy of a deployment is ever visible (as in
// TestDrillSmall: at this size one message is over 1 % of the wave), no
// ordinary message is held, and the signals went round.
func TestDeploymentsSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("drill across deployments")
	}
	o := drill.Options{Establishments: 18, Academies: 3, Accounts: 54, Ordinary: 240, Seed: 7}
	r, err := drill.RunDeployments(context.Background(), o, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(r, "", "  ")
	t.Logf("%s", b)
	if len(r.Deployments) != 3 {
		t.Fatalf("%d deployments reported", len(r.Deployments))
	}
	for _, d := range r.Deployments {
		if d.ThreatSent == 0 || d.OrdinarySent == 0 {
			t.Errorf("%s: nothing happened: %+v", d.Name, d.Report)
		}
		if d.Signals.Published == 0 || d.Signals.Received == 0 || d.Signals.Refused != 0 {
			t.Errorf("%s: signals did not go round: %+v", d.Name, d.Signals)
		}
		if d.EverVisible > 1 {
			t.Errorf("%s: %d copies of the wave visible, want at most the first", d.Name, d.EverVisible)
		}
		d.EverVisiblePercent = 0
		if err := d.Targets(); err != nil {
			t.Errorf("%s: %v", d.Name, err)
		}
	}
}
