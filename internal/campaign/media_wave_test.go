package campaign_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
)

// drawing is picture k at scale: a gradient, a disc and bars whose places
// depend on k (pictures of different k are not alike).
func drawing(k int, scale float64) image.Image {
	w, h := int(480*scale), int(360*scale)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cx, cy := 0.2+0.15*float64(k%5), 0.3+0.12*float64(k%4)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			v := 60 + 120*math.Abs(math.Sin(fx*float64(2+k)+fy*float64(1+k%3)))
			c := color.RGBA{uint8(v), uint8(v * 0.8), uint8(255 - v), 255}
			if math.Hypot(fx-cx, fy-cy) < 0.15 {
				c = color.RGBA{230, 30, 30, 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

// jpegOf encodes img at quality q.
func jpegOf(t *testing.T, img image.Image, q int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestMediaWave: five parents of five establishments, from stolen device
// tokens on another network, each send a picture with one word to their
// child's teacher. When every copy is the same picture re-encoded (other
// size and quality: no two copies share a byte), the picture is the
// wave's: an incident is contained and the copies are out of the inboxes.
// When each sends a picture of their own, with a word of their own,
// nothing happens. (The same word beside pictures of their own is the
// word's wave, as without a picture: campaign9's fragments-en-images.)
func TestMediaWave(t *testing.T) {
	for _, c := range []struct {
		name string
		same bool
	}{{"one picture re-encoded", true}, {"a picture each", false}} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 5)
				ctx := context.Background()
				var ids []int64
				for i := 1; i <= 5; i++ {
					name := fmt.Sprintf("parent.%d.C1.1", i)
					k := 0
					if !c.same {
						k = i
					}
					data := jpegOf(t, drawing(k, 1-0.08*float64(i)), 95-10*i)
					subject := "Regardez"
					if !c.same {
						subject = []string{"Regardez", "Souvenir", "Trop mignon", "Pour vous", "Quelle journée"}[i-1]
					}
					sess := sessionAs(t, e, name, "198.51.100.0/24", true, e.Clock.Now().Add(-5*time.Minute), false)
					res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), sess.User,
						messaging.Draft{To: []string{fmt.Sprintf("user:prof.%d", i)}, Subject: subject, Body: "👀",
							Attachments: []messaging.Attachment{{Name: fmt.Sprintf("IMG_%d.jpg", i), ContentType: "image/jpeg", Data: data}}}, "test")
					if err != nil {
						t.Fatalf("send as %s: %v", name, err)
					}
					ids = append(ids, res.ID)
					if err := e.App.Campaign.Flush(ctx); err != nil {
						t.Fatal(err)
					}
					e.Clock.Advance(time.Second)
				}
				cs := incidents(t, e)
				if !c.same {
					if len(cs) != 0 {
						t.Errorf("pictures of their own: incidents %+v", cs)
					}
					// New content from a new network waits its minute, then goes.
					e.Clock.Advance(2 * time.Minute)
					if err := e.App.Campaign.Sweep(ctx); err != nil {
						t.Fatal(err)
					}
					for _, id := range ids {
						if m := message(t, e, id); m.Status != bouclier.StatusDelivered {
							t.Errorf("message %d %s: %v", id, m.Status, m.Reasons)
						}
					}
					return
				}
				if len(cs) != 1 || cs[0].Level != "contain" {
					t.Fatalf("incidents: %+v", cs)
				}
				noneVisible(t, e, ids)
			})
		})
	}
}

// TestPhotoFromNewPhones: eight parents of eight establishments send
// their child's teacher the sports day's photo (each phone re-encodes
// it) with a word of their own, from home; three on a browser new to
// their account (a new phone at home: a weak signal). The photo is one
// medium from many families, but nothing about the accounts or the
// sending is suspect: no incident, every message delivered (after the
// new browsers' minute).
func TestPhotoFromNewPhones(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 8)
		ctx := context.Background()
		var ids []int64
		notes := []string{"Bonjour, voici la photo du cross.", "Merci pour le cross ! La photo en pièce jointe.", "La photo du groupe au cross du district."}
		for i := 1; i <= 8; i++ {
			name := fmt.Sprintf("parent.%d.C2.1", i)
			data := jpegOf(t, drawing(0, 1-0.06*float64(i)), 92-6*i)
			sess := sessionAs(t, e, name, "10.0.0.0/24", i > 3, e.Clock.Now().Add(-3*time.Hour), false)
			res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), sess.User,
				messaging.Draft{To: []string{fmt.Sprintf("user:prof.%d", i)}, Subject: "Photo du cross", Body: notes[i%3],
					Attachments: []messaging.Attachment{{Name: "IMG.jpg", ContentType: "image/jpeg", Data: data}}}, "test")
			if err != nil {
				t.Fatalf("send as %s: %v", name, err)
			}
			ids = append(ids, res.ID)
			if err := e.App.Campaign.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			e.Clock.Advance(5 * time.Second)
		}
		e.Clock.Advance(2 * time.Minute)
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		if cs := incidents(t, e); len(cs) != 0 {
			t.Errorf("incidents: %+v", cs)
		}
		for _, id := range ids {
			if m := message(t, e, id); m.Status != bouclier.StatusDelivered {
				t.Errorf("message %d %s: %v", id, m.Status, m.Reasons)
			}
		}
	})
}
