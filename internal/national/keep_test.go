package national_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/national"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestKeepIdempotent, on every store: a signal received twice is kept
// once; a deployment restarted (a new process on the same store, NATS
// unreachable) restores what it kept: it holds a message matching the
// signature the operator confirmed before the restart, still enforces the
// national suspension, and takes a redelivery for a duplicate; expired
// signals are purged.
func TestKeepIdempotent(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { testKeep(t, tg) })
	}
}

// openKeyed opens a Bouclier on a store with a fixed secret key, as each
// process of a deployment does.
func openKeyed(t *testing.T, tg storetest.Target, clock *apptest.Clock, key []byte) *apptest.Env {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
	ac := apptest.FastAuth()
	ac.SecretKey = key
	app, err := server.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{Now: clock.Now, Auth: ac})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	return &apptest.Env{Name: tg.Name, App: app, Clock: clock, Config: cfg}
}

func testKeep(t *testing.T, tg storetest.Target) {
	{
		ctx := context.Background()
		secret := make([]byte, 32)
		_, _ = rand.Read(secret)
		e := openKeyed(t, tg, apptest.NewClock(apptest.DefaultTime), secret)
		if _, err := demo.Create(ctx, e.App.DB, e.App.Auth.Hasher(), demo.Options{Password: apptest.Password, TOTPSecret: apptest.TOTPSecret}, e.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		world(t, e, 3)
		opPub, opKey, _ := ed25519.GenerateKey(rand.Reader)
		pa, ka, _ := ed25519.GenerateKey(rand.Reader)
		pb, kb, _ := ed25519.GenerateKey(rand.Reader)
		sketchKey := make([]byte, 32)
		_, _ = rand.Read(sketchKey)
		keyer, err := national.NewKeyer(sketchKey)
		if err != nil {
			t.Fatal(err)
		}
		cfg := national.Config{Deployment: "a", Key: ka, SketchKey: sketchKey, OperatorKey: opPub, URLs: []string{"nats://127.0.0.1:1"},
			Members: map[string]national.Member{"a": {Key: pa, Academies: []string{"aca-nord"}}, "b": {Key: pb, Academies: []string{"aca-sud"}}}}
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		n1, err := national.New(cfg, e.App.DB, e.App.Campaign, e.App.Rules, e.Clock.Now, log)
		if err != nil {
			t.Fatal(err)
		}
		e.App.Campaign.SetPeers(n1)

		text := "Les résultats du brevet blanc sont consultables en avant-première sur ce lien, ne pas en parler aux professeurs avant lundi."
		now := e.Clock.Now()
		type received struct {
			sig national.Signal
			key ed25519.PrivateKey
		}
		signals := []received{
			{national.Signal{ID: "op-suspend", From: national.Operator, Kind: national.KindSuspend, At: now,
				Suspension: &national.Suspension{ID: "s1", Scope: "national", Roles: []string{"teacher"}, Reason: "Vague en cours."}}, opKey},
			{national.Signal{ID: "op-confirm", From: national.Operator, Kind: national.KindIncident, At: now,
				Incident: &national.Incident{Ref: "vague-1", Level: "confirmed", Sketches: [][]uint32{keyer.Sketch(campaign.Sign(text))}}}, opKey},
			{national.Signal{ID: "b-obs", From: "b", Kind: national.KindObs, At: now,
				Obs: &national.Obs{Sketch: keyer.Sketch(campaign.Sign(text)), Sender: "x", Role: "parent", Academie: "aca-sud", Flags: campaign.FlagAccount, Recipients: 1}}, kb},
		}
		deliver := func(n *national.Node) {
			t.Helper()
			for _, r := range signals {
				body, _ := json.Marshal(r.sig)
				if err := n.Receive(ctx, national.Subject(r.sig.From, r.sig.Kind), sealWith(t, body, r.key)); err != nil {
					t.Fatalf("receive %s: %v", r.sig.ID, err)
				}
			}
		}
		kept := func() int {
			t.Helper()
			k, err := e.App.DB.NationalSignals(ctx, store.Micros(e.Clock.Now()))
			if err != nil {
				t.Fatal(err)
			}
			return len(k)
		}
		deliver(n1)
		deliver(n1) // a redelivery: JetStream after a lost acknowledgement
		if st := n1.Stats(); st.Received != 3 || st.Duplicates != 3 {
			t.Fatalf("received %d, duplicates %d: want 3 and 3", st.Received, st.Duplicates)
		}
		if got := kept(); got != 3 {
			t.Fatalf("%d signals kept, want 3 (the same signal twice is one row)", got)
		}

		// The process stops; another starts on the same store, NATS
		// unreachable.
		e2 := openKeyed(t, tg, e.Clock, secret)
		app2 := e2.App
		n2, err := national.New(cfg, app2.DB, app2.Campaign, app2.Rules, e.Clock.Now, log)
		if err != nil {
			t.Fatal(err)
		}
		app2.Campaign.SetPeers(n2)
		if err := n2.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(n2.Close)
		if got := n2.Stats().Restored; got != 3 {
			t.Fatalf("restored %d signals, want 3", got)
		}
		if _, err := send(t, e2, "prof.1", false, []string{"class:0990001A/C1"}, "Devoirs", "Exercices 1 à 4 page 30 pour demain."); bouclier.ErrorCode(err) != bouclier.ErrMessagingClosed {
			t.Errorf("the national suspension no longer holds after the restart: %v", err)
		}
		res, err := send(t, e2, "parent.3.C1.2", false, teacherOf(3), "Brevet", text)
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != bouclier.StatusHeld {
			t.Errorf("after the restart a message matching the confirmed signature is %s, want held", res.Status)
		}
		deliver(n2)
		if st := n2.Stats(); st.Received != 0 || st.Duplicates != 3 {
			t.Errorf("after the restart, redelivered signals: received %d, duplicates %d; want 0 and 3", st.Received, st.Duplicates)
		}
		if got := kept(); got != 3 {
			t.Errorf("%d signals kept after the redelivery, want 3", got)
		}

		// The observation expires with the campaign window, the rest with
		// the stream's week.
		e.Clock.Advance(2*time.Hour + time.Minute)
		if n, err := n2.Purge(ctx); err != nil || n != 1 {
			t.Errorf("purged %d (%v) after the window, want the observation", n, err)
		}
		e.Clock.Advance(8 * 24 * time.Hour)
		if n, err := n2.Purge(ctx); err != nil || n != 2 || kept() != 0 {
			t.Errorf("purged %d (%v) after a week, want the other two", n, err)
		}
	}
}
