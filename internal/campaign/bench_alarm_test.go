package campaign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
)

// BenchmarkWatchAlarming is the send path of alarming new content (a
// closure notice a teacher writes to a class's parents): the content
// history, the probation and, since the relays of notices, the lookup of
// a notice it may pass on. Each send differs by a number, as copies do.
func BenchmarkWatchAlarming(b *testing.B) {
	cfg := config.Default()
	cfg.DataDir = b.TempDir()
	e := apptest.OpenConfig(b, "sqlite", cfg)
	ctx := context.Background()
	u, err := e.App.DB.UserByName(ctx, "prof.martin")
	if err != nil {
		b.Fatal(err)
	}
	var r directory.Resolved
	for i := 0; i < 30; i++ {
		r.Recipients = append(r.Recipients, int64(1000+i))
	}
	r.Groups, r.Schools = 1, []string{"0780001A"}
	sctx := auth.WithSession(ctx, auth.Session{User: u, CreatedAt: e.Clock.Now().Add(-time.Hour), KnownDevice: true})
	d := e.App.Campaign
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		body := fmt.Sprintf("Alerte météo : le collège sera fermé le %d, prévenez les autres familles, inutile d'appeler le secrétariat.", i)
		o := &messaging.Observed{Sender: u, Recipients: r, Subject: "Alerte", Body: body, Verdict: "deliver", At: e.Clock.Now()}
		d.Watch(sctx, o)
		o.ID, o.Status = int64(i+1), bouclier.StatusHeld
		d.Stored(sctx, o)
		if i%64 == 63 {
			b.StopTimer()
			if err := d.Flush(ctx); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
	}
}
