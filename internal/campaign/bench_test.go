package campaign_test

import (
	"context"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
)

// BenchmarkWatch measures what the detector adds to an ordinary send (a
// teacher writing to a class of 30): Watch and Stored in the send path
// ("sendpath"), and with the background recording ("recorded").
func BenchmarkWatch(b *testing.B) {
	b.Run("sendpath", func(b *testing.B) { benchWatch(b, false) })
	b.Run("recorded", func(b *testing.B) { benchWatch(b, true) })
}

func benchWatch(b *testing.B, timeFlush bool) {
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
	sess := auth.Session{User: u, CreatedAt: e.Clock.Now().Add(-time.Hour), KnownDevice: true}
	sctx := auth.WithSession(ctx, sess)
	body := "Bonjour à tous, pour jeudi : exercices 3 à 7 page 112, et relire le chapitre sur les fractions. Bonne soirée."
	d := e.App.Campaign
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		o := &messaging.Observed{Sender: u, Recipients: r, Subject: "Devoirs pour jeudi", Body: body, Verdict: "deliver", At: e.Clock.Now()}
		if hold, _ := d.Watch(sctx, o); hold {
			b.Fatal("held")
		}
		o.ID, o.Status = int64(i+1), bouclier.StatusDelivered
		d.Stored(sctx, o)
		if i%64 == 63 {
			if !timeFlush {
				b.StopTimer()
			}
			if err := d.Flush(ctx); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
	}
}

// BenchmarkWatchFirstSight is the send path of a sender the detector has
// not seen for a while (its profile is read from the store): run it with
// -benchtime at most the number of accounts (16 in the demo directory),
// so that every send is a first sight.
func BenchmarkWatchFirstSight(b *testing.B) {
	cfg := config.Default()
	cfg.DataDir = b.TempDir()
	e := apptest.OpenConfig(b, "sqlite", cfg)
	ctx := context.Background()
	users, err := e.App.DB.Users(ctx, "")
	if err != nil || len(users) == 0 {
		b.Fatal(users, err)
	}
	if b.N > len(users) {
		b.Skipf("at most %d sends: -benchtime %dx", len(users), len(users))
	}
	r := directory.Resolved{Recipients: []int64{1}, Schools: []string{"0780001A"}}
	d := e.App.Campaign
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u := users[i]
		sctx := auth.WithSession(ctx, auth.Session{User: u, CreatedAt: e.Clock.Now().Add(-time.Hour), KnownDevice: true})
		o := &messaging.Observed{Sender: u, Recipients: r, Subject: "Question", Body: "Bonjour, pourriez-vous me dire quel livre acheter pour le prochain trimestre ?",
			Verdict: "deliver", At: e.Clock.Now()}
		d.Watch(sctx, o)
		o.ID, o.Status = int64(i+1), bouclier.StatusDelivered
		d.Stored(sctx, o)
	}
}
