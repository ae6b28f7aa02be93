package auth_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/server"
)

// BenchmarkLogin measures POST /api/v1/session end to end (throttling
// checks, argon2id at the production parameters, device, session and
// audit writes) on the embedded database.
func BenchmarkLogin(b *testing.B) {
	cfg := config.Default()
	cfg.DataDir, cfg.SecureCookie = b.TempDir(), false
	ac := auth.DefaultConfig()
	clock := apptest.NewClock(apptest.DefaultTime)
	app, err := server.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{Now: clock.Now, Auth: &ac})
	if err != nil {
		b.Fatal(err)
	}
	defer app.Close()
	if _, err := demo.Create(context.Background(), app.DB, app.Auth.Hasher(), demo.Options{Password: apptest.Password}, clock.Now()); err != nil {
		b.Fatal(err)
	}
	c := newClient(b, &apptest.Env{Name: "sqlite", App: app, Clock: clock, Config: cfg})
	body := map[string]any{"username": "parent.dupont", "password": apptest.Password}
	b.ResetTimer()
	for b.Loop() {
		if r := c.do("POST", "/api/v1/session", "", body); r.Status != 201 {
			b.Fatalf("login: %d %s", r.Status, r.Raw)
		}
	}
}
