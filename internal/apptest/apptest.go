// Package apptest opens a whole Bouclier on a fresh database seeded with the
// demo directory, for tests of the services and the HTTP layers. Password
// hashing is made cheap here so that suites of many logins stay fast; the
// production parameters are tested in package auth.
package apptest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// Password is every demo account's password in tests.
const Password = "correct horse battery staple"

// TOTPSecret is enrolled for every personnel account in tests.
const TOTPSecret = "JBSWY3DPEHPK3PXP"

// Clock is a settable clock for tests.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

// Env is one opened application.
type Env struct {
	Name   string // "sqlite" or "postgres"
	App    *server.App
	Clock  *Clock
	Config config.Config
}

// TestClient is where the sessions that Actor opens come from.
var TestClient = auth.Client{Address: "192.0.2.10", UserAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}

// Login opens a session for username with the demo password and, for an
// account with TOTP, the code of the next time step: the clock moves on by
// one step first, since each code is usable once. It returns the session.
func (e *Env) Login(t testing.TB, username string) auth.Session {
	t.Helper()
	ctx := context.Background()
	e.Clock.Advance(31 * time.Second)
	req := auth.LoginRequest{Username: username, Password: Password, Client: TestClient}
	res, err := e.App.Auth.LoginWith(ctx, req)
	if bouclier.ErrorCode(err) == bouclier.ErrOTPRequired {
		req.OTP = e.OTP(t, 0)
		res, err = e.App.Auth.LoginWith(ctx, req)
	}
	if err != nil {
		t.Fatalf("login %s: %v", username, err)
	}
	sess, err := e.App.Auth.AuthenticateClient(ctx, res.Token, TestClient)
	if err != nil {
		t.Fatalf("authenticate %s: %v", username, err)
	}
	return sess
}

// Actor returns the actor of a fresh session of username (see Login),
// giving the account the test password and TOTP secret first if it has
// none (accounts made by a test's own fixture).
func (e *Env) Actor(t testing.TB, username string) bouclier.Actor {
	t.Helper()
	ctx := context.Background()
	u, err := e.App.DB.UserByName(ctx, username)
	if err != nil {
		t.Fatalf("actor %s: %v", username, err)
	}
	cred, err := e.App.DB.UserCredentials(ctx, u.ID)
	if err != nil {
		t.Fatalf("actor %s: %v", username, err)
	}
	if cred.PasswordHash == "" || cred.TOTPSecret == "" {
		h, err := e.App.Auth.Hasher().Hash(ctx, Password)
		if err != nil {
			t.Fatal(err)
		}
		err = e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.SetPasswordHash(ctx, u.ID, h); err != nil {
				return err
			}
			if err := tx.SetMustReset(ctx, u.ID, false); err != nil {
				return err
			}
			return tx.SetTOTPSecret(ctx, u.ID, TOTPSecret)
		})
		if err != nil {
			t.Fatalf("actor %s: %v", username, err)
		}
	}
	return auth.ActorFor(e.Login(t, username), TestClient)
}

// FastAuth is auth.DefaultConfig with cheap hashing.
func FastAuth() *auth.Config {
	c := auth.DefaultConfig()
	c.Params = auth.Params{Memory: 64, Time: 1, Threads: 1}
	return &c
}

// PDFCache is the compiled PDFium that tests' servers share, across
// packages and runs: wazero keys it by its own version and the module,
// and writes each entry whole (a temporary file renamed).
func PDFCache() string { return filepath.Join(os.TempDir(), "bouclier-test-pdfium-cache") }

// DefaultTime is a school day afternoon in Paris: Tuesday 2026-11-24 14:00 CET.
var DefaultTime = time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)

// Open opens the application on every store target with the demo created.
func Open(t *testing.T) []*Env {
	t.Helper()
	var out []*Env
	for _, tg := range storetest.Targets(t) {
		cfg := config.Default()
		cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
		out = append(out, OpenConfig(t, tg.Name, cfg))
	}
	return out
}

// OpenConfig opens the application with cfg and creates the demo.
func OpenConfig(t testing.TB, name string, cfg config.Config) *Env {
	t.Helper()
	return OpenOptions(t, name, cfg, server.Options{})
}

// OpenOptions is OpenConfig with server options (single sign-on, alerts);
// Now and Auth are set here.
func OpenOptions(t testing.TB, name string, cfg config.Config, o server.Options) *Env {
	t.Helper()
	clock := NewClock(DefaultTime)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	o.Now, o.Auth = clock.Now, FastAuth()
	if o.PDFCache == "" {
		o.PDFCache = PDFCache()
	}
	app, err := server.Open(context.Background(), cfg, log, o)
	if err != nil {
		t.Fatalf("open app on %s: %v", name, err)
	}
	t.Cleanup(func() { app.Close() })
	if _, err := demo.Create(context.Background(), app.DB, app.Auth.Hasher(), demo.Options{Password: Password, TOTPSecret: TOTPSecret}, clock.Now()); err != nil {
		t.Fatalf("create demo: %v", err)
	}
	return &Env{Name: name, App: app, Clock: clock, Config: cfg}
}

// Each runs fn as a subtest on every target.
func Each(t *testing.T, fn func(t *testing.T, e *Env)) {
	for _, e := range Open(t) {
		t.Run(e.Name, func(t *testing.T) { fn(t, e) })
	}
}

// Server starts an HTTP test server on the application's handler.
func (e *Env) Server(t testing.TB) *httptest.Server {
	srv := httptest.NewServer(e.App.Handler())
	t.Cleanup(srv.Close)
	return srv
}

// Handler returns the application's handler.
func (e *Env) Handler() http.Handler { return e.App.Handler() }

// OTP returns the TOTP code of the test secret at the clock's time plus
// offset steps, so successive logins of one account each use a fresh code.
func (e *Env) OTP(t testing.TB, steps int) string {
	code, err := auth.TOTPCode(TOTPSecret, e.Clock.Now().Add(time.Duration(steps)*30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	return code
}
