// Package server wires Bouclier's services to HTTP: the API and browser
// muxes, health and metrics endpoints, security headers, request logs and
// graceful shutdown.
package server

import (
	"context"
	"errors"
	"fmt"
	"github.com/bouclier/bouclier"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/api"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/web"
)

// App is a running Bouclier: its store and services.
type App struct {
	Config     config.Config
	DB         *store.DB
	Auth       *auth.Service
	Directory  *directory.Directory
	Messaging  *messaging.Service
	Rules      *rules.Service
	Screen     *screenCache
	Moderation *moderation.Service
	Campaign   *campaign.Detector
	Log        *slog.Logger
	Now        func() time.Time
	metrics    *metrics
}

// Options tune Open for tests.
type Options struct {
	Now  func() time.Time
	Auth *auth.Config // nil for auth.DefaultConfig()
	// Alert configures campaign alerts; nil reads BOUCLIER_SMTP_ADDR and
	// the other variables of alert.FromEnv.
	Alert    *alert.Config
	Campaign *campaign.Config // nil for campaign.DefaultConfig()
}

// Open opens the store and builds the services.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger, o Options) (*App, error) {
	db, err := store.Open(ctx, store.Config{DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL})
	if err != nil {
		return nil, err
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	ac := auth.DefaultConfig()
	if o.Auth != nil {
		ac = *o.Auth
	}
	if err := securityConfig(&ac, cfg); err != nil {
		db.Close()
		return nil, err
	}
	as, err := auth.New(db, ac, now, log)
	if err != nil {
		db.Close()
		return nil, err
	}
	dir := directory.New(db)
	as.UseDirectory(dir)
	app := &App{Config: cfg, DB: db, Auth: as, Directory: dir, Log: log, Now: now, metrics: newMetrics()}
	app.Rules = rules.New(db, dir, now, log)
	app.Screen = &screenCache{db: db, log: log}
	if _, err := app.Screen.get(ctx); err != nil {
		db.Close()
		return nil, err
	}
	app.Moderation = moderation.New(db, dir, now, log)
	app.Moderation.ListsChanged = app.Screen.invalidate
	alertCfg := alert.FromEnv(os.Getenv)
	if o.Alert != nil {
		alertCfg = *o.Alert
	}
	campCfg := campaign.DefaultConfig()
	if o.Campaign != nil {
		campCfg = *o.Campaign
	}
	app.Campaign = campaign.New(db, app.Moderation, alert.New(db, alertCfg, now), campCfg, now, log)
	app.Messaging = messaging.New(db, dir, messaging.Options{Now: now, Log: log, Policy: app.Rules.Gate, Receive: app.Rules.Receivers, Screen: app.Screen.screen, ListsChanged: app.Screen.invalidate,
		Guard: sendGuard(as), Watch: app.Campaign.Watch, Stored: app.Campaign.Stored})
	return app, nil
}

// Close releases the store, after the messaging writer has committed the
// sends already queued. Serve has returned by then, and with it every
// background worker (startWorkers).
func (a *App) Close() error {
	a.Messaging.Close()
	return a.DB.Close()
}

// startWorkers starts the background workers every process runs and
// returns the function that stops them: it cancels them and waits until
// each has returned, so that the campaign detector's last flush of queued
// observations is written before the store is closed.
func (a *App) startWorkers() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	// Deferred messages: every process delivers, each message once.
	wg.Go(func() { a.Messaging.RunDeliverer(ctx, time.Second) })
	// What this process observed is recorded; waves are swept for.
	wg.Go(func() { a.Campaign.Run(ctx, time.Second) })
	return func() {
		cancel()
		wg.Wait()
	}
}

// Handler returns the whole HTTP handler.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", api.New(api.Services{Auth: a.Auth, Messaging: a.Messaging, Rules: a.Rules, Moderation: a.Moderation, Directory: a.Directory, DB: a.DB, Campaign: a.Campaign, Now: a.Now, PublicURL: a.Config.PublicURL}, a.Log))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := a.DB.Ping(ctx); err != nil {
			a.Log.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "database unavailable")
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", a.metrics)
	mux.Handle("/", web.New(web.Deps{Auth: a.Auth, Messaging: a.Messaging, Rules: a.Rules, Moderation: a.Moderation,
		Campaign: a.Campaign, Directory: a.Directory, DB: a.DB, PublicURL: a.Config.PublicURL, Log: a.Log, Now: a.Now,
		SecureCookie: a.Config.SecureCookie, Explain: a.explain,
		UnreadCount: func(ctx context.Context, u bouclier.User) (int, error) { return a.DB.UnreadCount(ctx, u.ID) },
		Location:    a.webLocation(context.Background())}))
	return a.logRequests(securityHeaders(mux))
}

// securityHeaders sets the headers every answer carries.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		if hd.Get("Content-Security-Policy") == "" {
			hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		}
		h.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// logRequests logs each request's method, path, status and duration (never
// headers or bodies, which carry tokens and passwords) and counts it.
func (a *App) logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		d := time.Since(start)
		a.metrics.observe(r.Method, sw.status, d)
		a.Log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", d)
	})
}

// Serve listens on the configured address until ctx ends, then shuts down
// gracefully, giving requests in flight up to 10 seconds.
func (a *App) Serve(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           a.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.Log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	// Deferred on the listener's shutdown: requests in flight end first,
	// then the workers flush what those requests queued.
	defer a.startWorkers()()
	a.Log.Info("listening", "addr", ln.Addr().String(), "store", string(a.DB.Dialect()))
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	a.Log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// webLocation returns the académie time zone of a user for the web pages
// (nil, so Europe/Paris, for national accounts); the académies are read
// again when one is not known yet (an import after start).
func (a *App) webLocation(ctx context.Context) func(bouclier.User) *time.Location {
	var mu sync.Mutex
	zones := map[string]*time.Location{}
	load := func() {
		acs, err := a.DB.Academies(ctx)
		if err != nil {
			return
		}
		for _, ac := range acs {
			if l, err := time.LoadLocation(ac.TimeZone); err == nil {
				zones[ac.ID] = l
			}
		}
	}
	return func(u bouclier.User) *time.Location {
		if u.Academie == "" {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		if l, ok := zones[u.Academie]; ok {
			return l
		}
		load()
		return zones[u.Academie]
	}
}

// explain gives the banner for a user.
func (a *App) explain(ctx context.Context, u bouclier.User, now time.Time) (web.Banner, error) {
	e, err := a.Rules.Explain(ctx, u, now)
	return web.Banner{Send: e.Send, Receive: e.Receive, Reason: e.Reason, Until: e.Until}, err
}

// sendGuard runs the account-security checks of auth.CheckSend on every
// send: step-up for wide or risky sends, enrolment, probation.
func sendGuard(as *auth.Service) messaging.GuardFunc {
	return func(ctx context.Context, sender bouclier.User, r directory.Resolved, d *messaging.Draft) error {
		return as.CheckSend(ctx, sender, auth.SendInfo{Recipients: len(r.Recipients), Groups: r.Groups,
			Attachments: len(d.Attachments), Links: auth.HasLink(d.Subject + "\n" + d.Body)})
	}
}

// securityConfig completes the auth configuration from the server's: the
// secret key (BOUCLIER_SECRET_KEY, or secret.key in the data directory)
// and the WebAuthn relying party (the public URL's host, or localhost).
func securityConfig(ac *auth.Config, cfg config.Config) error {
	if len(ac.SecretKey) == 0 {
		k, err := auth.LoadKey(os.Getenv("BOUCLIER_SECRET_KEY"), cfg.DataDir)
		if err != nil {
			return err
		}
		ac.SecretKey = k
	}
	if len(ac.RPOrigins) == 0 {
		if cfg.PublicURL != "" {
			u, err := url.Parse(cfg.PublicURL)
			if err != nil || u.Host == "" {
				return fmt.Errorf("public_url %q: not an absolute URL", cfg.PublicURL)
			}
			ac.RPID = u.Hostname()
			ac.RPOrigins = []string{u.Scheme + "://" + u.Host}
		} else {
			ac.RPID = "localhost"
			_, port, _ := net.SplitHostPort(cfg.Addr)
			ac.RPOrigins = []string{"http://localhost:" + port, "http://localhost"}
		}
	}
	return nil
}
