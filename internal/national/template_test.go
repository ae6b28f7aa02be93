package national_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/national"
)

// TestTemplateStaysLocal: other deployments' observations of a template
// this deployment knows (its history), however many and however
// signalled, do not make a wave of it here: a teacher's homework from a
// new device is delivered and no incident opened.
func TestTemplateStaysLocal(t *testing.T) {
	ctx := context.Background()
	e := openAlone(t)
	world(t, e, 6)
	text := func(n int) string {
		return fmt.Sprintf("Bonjour à tous, pour lundi en Mathématiques : exercices %d à 8 page 176, et relire la leçon 10. Bonne soirée.", n%3+1)
	}
	// The day before: the template, from every teacher.
	e.Clock.Advance(-24 * time.Hour)
	for i := 1; i <= 6; i++ {
		for k := range 2 {
			if _, err := send(t, e, fmt.Sprintf("prof.%d", i), false, []string{fmt.Sprintf("class:099%04dA/C1", i)}, "Devoirs", text(i+k)); err != nil {
				t.Fatal(err)
			}
		}
	}
	e.Clock.Advance(24 * time.Hour)
	opPub, _, _ := ed25519.GenerateKey(rand.Reader)
	pa, ka, _ := ed25519.GenerateKey(rand.Reader)
	pb, kb, _ := ed25519.GenerateKey(rand.Reader)
	sketchKey := make([]byte, 32)
	keyer, _ := national.NewKeyer(sketchKey)
	n, err := national.New(national.Config{Deployment: "a", Key: ka, SketchKey: sketchKey, OperatorKey: opPub, URLs: []string{"nats://127.0.0.1:1"},
		Members: map[string]national.Member{"a": {Key: pa, Academies: []string{"aca-nord"}}, "b": {Key: pb, Academies: []string{"aca-sud"}}}},
		e.App.DB, e.App.Campaign, e.App.Rules, e.Clock.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	e.App.Campaign.SetPeers(n)
	// Elsewhere, twelve teachers of twelve establishments send it from
	// new devices, more than they usually do.
	for i := range 12 {
		sig := national.Signal{ID: fmt.Sprintf("b-obs-%d", i), From: "b", Kind: national.KindObs, At: e.Clock.Now(),
			Obs: &national.Obs{Sketch: keyer.Sketch(campaign.Sign(text(i))), Sender: fmt.Sprintf("s%d", i), School: fmt.Sprintf("e%d", i), Academie: "aca-sud",
				Role: "teacher", Flags: campaign.FlagAccount | campaign.FlagVolume | campaign.FlagFanout, Recipients: 30}}
		body, _ := json.Marshal(sig)
		if err := n.Receive(ctx, national.Subject("b", national.KindObs), sealWith(t, body, kb)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 3; i++ {
		res, err := send(t, e, fmt.Sprintf("prof.%d", i), true, []string{fmt.Sprintf("class:099%04dA/C1", i), fmt.Sprintf("class:099%04dA/C2", i)}, "Devoirs", text(i))
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != bouclier.StatusDelivered {
			t.Errorf("prof.%d's homework is %s, want delivered", i, res.Status)
		}
	}
	cs, err := e.App.DB.Campaigns(ctx, "", "", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		t.Errorf("incident opened on others' use of a known template: %s %s (%d messages)", c.Level, c.Reason, c.Messages)
	}
}
