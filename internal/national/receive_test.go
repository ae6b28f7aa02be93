package national_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/national"
	"github.com/bouclier/bouclier/internal/store"
)

// TestReceiveAuthority checks each rule of authority on a node without
// NATS: what a received signal may and may not do.
func TestReceiveAuthority(t *testing.T) {
	ctx := context.Background()
	e := openAlone(t)
	world(t, e, 2)
	opPub, opKey, _ := ed25519.GenerateKey(rand.Reader)
	pa, ka, _ := ed25519.GenerateKey(rand.Reader)
	pb, kb, _ := ed25519.GenerateKey(rand.Reader)
	_, stranger, _ := ed25519.GenerateKey(rand.Reader)
	members := map[string]national.Member{"a": {Key: pa, Academies: []string{"aca-nord"}}, "b": {Key: pb, Academies: []string{"aca-sud"}}}
	n, err := national.New(national.Config{Deployment: "a", Key: ka, SketchKey: make([]byte, 32), Members: members, OperatorKey: opPub,
		URLs: []string{"nats://127.0.0.1:1"}}, e.App.DB, e.App.Campaign, e.App.Rules, e.Clock.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	susp := func(id, from, scope string) national.Signal {
		return national.Signal{ID: id, From: from, Kind: national.KindSuspend, At: time.Now(),
			Suspension: &national.Suspension{ID: id, Scope: scope, Roles: []string{"parent"}, Reason: "test"}}
	}
	tests := []struct {
		name    string
		sig     national.Signal
		key     ed25519.PrivateKey
		subject string // "" for the signal's own
		refused bool
		applied string // scope of the suspension applied, "" for none
	}{
		{"b suspends its own académie", susp("s1", "b", "academie:aca-sud"), kb, "", false, "academie:aca-sud"},
		{"b suspends another académie", susp("s2", "b", "academie:aca-nord"), kb, "", true, ""},
		{"b suspends the country", susp("s3", "b", "national"), kb, "", true, ""},
		{"the operator suspends the country", susp("s4", national.Operator, "national"), opKey, "", false, "national"},
		{"b's name, a stranger's key", susp("s5", "b", "academie:aca-sud"), stranger, "", true, ""},
		{"b's signal on the operator's subject", susp("s6", "b", "academie:aca-sud"), kb, national.Subject(national.Operator, national.KindSuspend), true, ""},
		{"an unknown deployment", susp("s7", "c", "academie:aca-sud"), stranger, "", true, ""},
		{"an académie this deployment does not serve", susp("s8", national.Operator, "academie:ailleurs"), opKey, "", false, ""},
		{"the operator's observation", national.Signal{ID: "o1", From: national.Operator, Kind: national.KindObs, Obs: &national.Obs{}}, opKey, "", true, ""},
		{"a deployment's unconfirmed incident level", national.Signal{ID: "i1", From: "b", Kind: national.KindIncident, Incident: &national.Incident{Ref: "x", Level: "confirmed"}}, kb, "", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := e.App.DB.ActiveSuspensions(ctx, store.Micros(e.Clock.Now()))
			subject := tt.subject
			if subject == "" {
				subject = national.Subject(tt.sig.From, tt.sig.Kind)
			}
			body, _ := json.Marshal(tt.sig)
			err := n.Receive(ctx, subject, sealWith(t, body, tt.key))
			if national.IsRefused(err) != tt.refused {
				t.Fatalf("refused = %v (%v), want %v", national.IsRefused(err), err, tt.refused)
			}
			if !tt.refused && err != nil {
				t.Fatal(err)
			}
			after, _ := e.App.DB.ActiveSuspensions(ctx, store.Micros(e.Clock.Now()))
			switch {
			case tt.applied == "" && len(after) != len(before):
				t.Fatalf("a suspension was applied: %+v", after[len(after)-1])
			case tt.applied != "" && (len(after) != len(before)+1 || after[len(after)-1].Scope != tt.applied):
				t.Fatalf("suspension of %s not applied: %+v", tt.applied, after)
			}
			// Received again: a duplicate changes nothing.
			if err := n.Receive(ctx, subject, sealWith(t, body, tt.key)); national.IsRefused(err) != tt.refused {
				t.Fatalf("again: %v", err)
			}
			again, _ := e.App.DB.ActiveSuspensions(ctx, store.Micros(e.Clock.Now()))
			if len(again) != len(after) {
				t.Fatal("a duplicate applied the suspension twice")
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	seed := make([]byte, 32)
	_, _ = rand.Read(seed)
	pub := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	b64 := base64.StdEncoding.EncodeToString
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("d.key", b64(seed))
	write("sketch.key", b64(make([]byte, 32)))
	write("pw", "secret\n")
	good := map[string]any{"deployment": "a", "urls": []string{"nats://127.0.0.1:4222"}, "user": "a", "password_file": "pw", "key_file": "d.key",
		"sketch_key_file": "sketch.key", "operator_key": b64(pub), "members": map[string]any{"a": map[string]any{"key": b64(pub), "academies": []string{"x"}}}}
	tests := []struct {
		name   string
		change func(m map[string]any)
		ok     bool
	}{
		{"valid", func(map[string]any) {}, true},
		{"missing key file", func(m map[string]any) { m["key_file"] = "nope.key" }, false},
		{"bad operator key", func(m map[string]any) { m["operator_key"] = "AAAA" }, false},
		{"not a member", func(m map[string]any) { m["members"] = map[string]any{} }, false},
		{"unknown field", func(m map[string]any) { m["pasword"] = "x" }, false},
		{"no URL", func(m map[string]any) { m["urls"] = []string{} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]any{}
			for k, v := range good {
				m[k] = v
			}
			tt.change(m)
			b, _ := json.Marshal(m)
			write("national.json", string(b))
			c, err := national.Load(filepath.Join(dir, "national.json"))
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok %v", err, tt.ok)
			}
			if tt.ok && (c.Password != "secret" || c.Deployment != "a") {
				t.Fatalf("loaded %+v", c.Deployment)
			}
		})
	}
}
