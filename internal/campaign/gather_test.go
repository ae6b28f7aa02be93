package campaign_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestGatherAcrossProcesses: a second process on the same database that
// has not yet seen an incident opened by the first (its view of the open
// incidents is older) delivers a copy of the wave from an ordinary
// account. The first process's sweep gathers it: at once while its
// gatherings find copies, within gatherIdle (5 s) once one found nothing
// new, so an incident holding a flood is not read every second.
func TestGatherAcrossProcesses(t *testing.T) {
	// Processes sharing a database share the key that seals secrets.
	t.Setenv("BOUCLIER_SECRET_KEY", strings.Repeat("ab", 32))
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			cfg := config.Default()
			cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
			e := apptest.OpenConfig(t, tg.Name, cfg)
			world(t, e, 4)
			ctx := context.Background()
			// The second process reads the open incidents once, now (none),
			// and not again within the test.
			late := campaign.DefaultConfig()
			late.Refresh = time.Hour
			app2, err := server.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{Now: e.Clock.Now, Auth: apptest.FastAuth(), Campaign: &late})
			if err != nil {
				t.Fatal(err)
			}
			defer app2.Close()
			e2 := &apptest.Env{Name: e.Name, App: app2, Clock: e.Clock, Config: cfg}
			mustSend(t, e2, sender{"prof.4", false}, []string{"class:0990004A/C1"}, "Devoirs", "Pour jeudi : exercices 3 à 7 page 112, et relire le chapitre sur les fractions.")

			for i := 1; i <= 3; i++ {
				mustSend(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), true}, parentWide(i), "Convocation", unseenVariants[i-1])
			}
			if len(incidents(t, e)) != 1 {
				t.Fatalf("no incident in the first process")
			}
			// Two sweeps: the first gathers the wave's copies, the second
			// finds nothing new.
			for range 2 {
				if err := e.App.Campaign.Sweep(ctx); err != nil {
					t.Fatal(err)
				}
			}
			res := mustSend(t, e2, sender{"parent.4.C2.2", false}, []string{"user:prof.4"}, "Fwd", unseenVariants[3])
			if res.Status != bouclier.StatusDelivered {
				t.Fatalf("the second process held the copy (%s): it knew the incident, nothing to gather", res.Status)
			}
			// The last gathering found nothing new a second ago: the next
			// waits its turn.
			if err := e.App.Campaign.Sweep(ctx); err != nil {
				t.Fatal(err)
			}
			if cs := incidents(t, e); len(cs) != 1 || cs[0].Messages != 3 {
				t.Fatalf("incident within the idle pace: %+v, want the three first copies", cs)
			}
			e.Clock.Advance(6 * time.Second)
			if err := e.App.Campaign.Sweep(ctx); err != nil {
				t.Fatal(err)
			}
			if cs := incidents(t, e); len(cs) != 1 || cs[0].Messages != 4 {
				t.Fatalf("incident after the gathering: %+v, want the fourth copy in it", cs)
			}
			if n, err := e.App.DB.VisibleCopies(ctx, res.ID); err != nil || n != 0 {
				t.Errorf("the gathered copy: %d visible (%v), status %s", n, err, message(t, e, res.ID).Status)
			}
		})
	}
}
