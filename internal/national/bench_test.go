package national_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/national"
	"github.com/bouclier/bouclier/internal/national/natstest"
	"github.com/bouclier/bouclier/internal/store"
)

// BenchmarkKeying is what sharing one observation costs the campaign
// worker (never the send): keying its sketch and features.
func BenchmarkKeying(b *testing.B) {
	k, err := national.NewKeyer(make([]byte, 32))
	if err != nil {
		b.Fatal(err)
	}
	sig := campaign.Sign(waveTexts[0][0])
	feats := []int64{1, 2}
	b.ReportAllocs()
	for b.Loop() {
		_ = k.Sketch(sig)
		for _, f := range feats {
			_ = k.Feature(f)
		}
	}
}

// BenchmarkSignals measures the signals a second one JetStream cluster
// (three nodes, R3) carries from one deployment's publisher to another's
// durable consumer, signed and verified, on this machine.
func BenchmarkSignals(b *testing.B) {
	ctx := context.Background()
	opPub, opKey, _ := ed25519.GenerateKey(rand.Reader)
	_ = opKey
	users := []natstest.User{{Name: "admin", Password: "pw"}, natstest.DeploymentUser("a", "pw", "1"), natstest.DeploymentUser("b", "pw", "1")}
	c, err := natstest.Start(b.TempDir(), 3, users)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	nc, err := nats.Connect(strings.Join(c.URLs, ","), nats.UserInfo("admin", "pw"))
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	for deadline := time.Now().Add(60 * time.Second); ; {
		if err = national.EnsureStream(ctx, js, 3); err == nil {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	pa, ka, _ := ed25519.GenerateKey(rand.Reader)
	pb, kb, _ := ed25519.GenerateKey(rand.Reader)
	members := map[string]national.Member{"a": {Key: pa, Academies: []string{"x"}}, "b": {Key: pb, Academies: []string{"y"}}}
	sketchKey := make([]byte, 32)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := openAlone(b)
	newNode := func(name string, key ed25519.PrivateKey) *national.Node {
		n, err := national.New(national.Config{Deployment: name, Key: key, SketchKey: sketchKey, Members: members, OperatorKey: opPub,
			URLs: c.URLs, User: name, Password: "pw", Buffer: 1 << 20}, e.App.DB, e.App.Campaign, e.App.Rules, time.Now, log)
		if err != nil {
			b.Fatal(err)
		}
		if err := n.Start(ctx); err != nil {
			b.Fatal(err)
		}
		return n
	}
	a, r := newNode("a", ka), newNode("b", kb)
	defer a.Close()
	defer r.Close()
	sig := campaign.Sign(waveTexts[0][0])
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		a.Observed(store.CampaignObs{MessageID: int64(i + 1), At: store.Micros(time.Now()), SenderID: int64(i % 97), Role: "parent", UAI: "0990001A",
			Academie: "x", Flags: campaign.FlagAccount}, sig)
	}
	for r.Stats().Received < int64(b.N) {
		time.Sleep(time.Millisecond)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "signals/s")
}

func openAlone(b testing.TB) *apptest.Env {
	c := config.Default()
	c.DataDir, c.SecureCookie = b.TempDir(), false
	return apptest.OpenConfig(b, "bench", c)
}

// BenchmarkSendPath is what the shield adds to one send: Watch asks
// whether the message matches a confirmed signature (nothing to key while
// none is confirmed; keying and comparing once one is), and the worker
// hands the observation over without waiting.
func BenchmarkSendPath(b *testing.B) {
	opPub, _, _ := ed25519.GenerateKey(rand.Reader)
	pa, ka, _ := ed25519.GenerateKey(rand.Reader)
	e := openAlone(b)
	n, err := national.New(national.Config{Deployment: "a", Key: ka, SketchKey: make([]byte, 32), Members: map[string]national.Member{"a": {Key: pa}},
		OperatorKey: opPub, URLs: []string{"nats://127.0.0.1:1"}, Buffer: 1 << 22}, e.App.DB, e.App.Campaign, e.App.Rules, time.Now,
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	sig := campaign.Sign(waveTexts[0][0])
	b.Run("confirmed-none", func(b *testing.B) {
		for b.Loop() {
			n.Confirmed(sig, nil, 0.4)
		}
	})
	b.Run("observed", func(b *testing.B) {
		i := int64(0)
		for b.Loop() {
			i++
			n.Observed(store.CampaignObs{MessageID: i, Flags: campaign.FlagAccount}, sig)
		}
	})
}
