package campaign_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"image/jpeg"
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
// ("sendpath"), and with the background recording ("recorded");
// "sendpath-image" attaches a 640×480 JPEG never seen before to every
// send (its picture described: decoded and hashed), "sendpath-image-seen"
// the same file every time (described once, by digest).
func BenchmarkWatch(b *testing.B) {
	b.Run("sendpath", func(b *testing.B) { benchWatch(b, false, nil, false) })
	b.Run("recorded", func(b *testing.B) { benchWatch(b, true, nil, false) })
	b.Run("sendpath-image", func(b *testing.B) { benchWatch(b, false, benchImages(b), true) })
	b.Run("sendpath-image-seen", func(b *testing.B) { benchWatch(b, false, benchImages(b)[:1], false) })
}

// benchImages are eight encodings of one 640×480 picture.
func benchImages(b *testing.B) [][]byte {
	var out [][]byte
	for q := 0; q < 8; q++ {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, drawing(1, 4.0/3), &jpeg.Options{Quality: 60 + 4*q}); err != nil {
			b.Fatal(err)
		}
		out = append(out, buf.Bytes())
	}
	return out
}

// benchWatch sends b.N times; with imgs, each send attaches one of them,
// under a digest of its own when fresh (so never described before).
func benchWatch(b *testing.B, timeFlush bool, imgs [][]byte, fresh bool) {
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
		if imgs != nil {
			data := imgs[i%len(imgs)]
			digest := fmt.Sprintf("%x", sha256.Sum256(data))
			if fresh {
				digest = fmt.Sprintf("%064x", i)
			}
			o.Digests, o.Attachments = []string{digest}, []messaging.Attachment{{Name: "photo.jpg", ContentType: "image/jpeg", Data: data}}
		}
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
