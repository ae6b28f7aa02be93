// Package server wires Bouclier's services to HTTP: the API and browser
// muxes, health and metrics endpoints, security headers, request logs and
// graceful shutdown.
package server

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/ackforms"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/api"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/clientip"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/national"
	"github.com/bouclier/bouclier/internal/notify"
	"github.com/bouclier/bouclier/internal/pdfpreview"
	"github.com/bouclier/bouclier/internal/privacy"
	"github.com/bouclier/bouclier/internal/resident"
	"github.com/bouclier/bouclier/internal/retention"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/screen"
	"github.com/bouclier/bouclier/internal/sso"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/textcheck"
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
	Notify     *notify.Service   // e-mail notifications (issue 16)
	AckForms   *ackforms.Service // read acknowledgements and forms (issue 16)
	SSO        *sso.Service      // nil when no identity provider is configured
	National   *national.Node    // nil outside a national shield
	Log        *slog.Logger
	Now        func() time.Time
	metrics    *metrics
	clients    *clientip.Resolver
	pdfWait    time.Duration

	// Data protection (issue 16): retention job, legal holds, exports.
	Retention *retention.Job
	Holds     *retention.Holds
	Privacy   *privacy.Service

	PDF *pdfpreview.Renderer // PDF attachments' previews, in child processes
}

// Options tune Open for tests.
type Options struct {
	Now  func() time.Time
	Auth *auth.Config // nil for auth.DefaultConfig()
	// Alert configures campaign alerts; nil reads BOUCLIER_SMTP_ADDR and
	// the other variables of alert.FromEnv.
	Alert    *alert.Config
	Campaign *campaign.Config // nil for campaign.DefaultConfig()
	// Notify configures the e-mail notifications; nil reads
	// notify.FromEnv. The key and base URL are filled in when empty.
	Notify *notify.Config
	// Retention is the retention policy; nil reads the
	// BOUCLIER_RETENTION_* variables (retention.FromEnv).
	Retention *retention.Config
	// SSO configures the identity providers; nil reads Config.SSOConfig.
	SSO *sso.Config
	// PDFWait bounds how long a PDF preview request waits for its render
	// before answering « en préparation » (zero: web's default).
	PDFWait time.Duration
	// PDFCache is where the compiled PDFium is kept ("": DataDir's
	// pdfium-cache). Tests share one across their servers: compiling
	// takes a minute under the race detector.
	PDFCache string
}

// Open opens the store and builds the services.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger, o Options) (*App, error) {
	db, err := store.Open(ctx, store.Config{DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL, CampaignKeyBudget: cfg.CampaignKeyBudget})
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
	clients, err := resolver(cfg)
	if err != nil {
		db.Close()
		return nil, err
	}
	dir := directory.New(db)
	as.UseDirectory(dir)
	app := &App{Config: cfg, DB: db, Auth: as, Directory: dir, Log: log, Now: now, metrics: newMetrics(), clients: clients, pdfWait: o.PDFWait}
	// PDF previews render in child processes; the compiled PDFium is kept
	// in the data directory so that each child after the first starts fast.
	po := pdfpreview.Options{Log: log, CacheDir: o.PDFCache}
	if po.CacheDir == "" && cfg.DataDir != "" {
		po.CacheDir = filepath.Join(cfg.DataDir, "pdfium-cache")
	}
	app.PDF = pdfpreview.New(po)
	if app.Rules, err = rules.New(db, dir, as, now, log); err != nil {
		db.Close()
		return nil, err
	}
	app.Screen = &screenCache{db: db, log: log}
	if _, err := app.Screen.get(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if app.Moderation, err = moderation.New(db, dir, as, now, log); err != nil {
		db.Close()
		return nil, err
	}
	app.Moderation.ListsChanged = app.Screen.invalidate
	alertCfg := alert.FromEnv(os.Getenv)
	if o.Alert != nil {
		alertCfg = *o.Alert
	}
	campCfg := campaign.DefaultConfig()
	if o.Campaign != nil {
		campCfg = *o.Campaign
	}
	if app.Campaign, err = campaign.New(db, app.Moderation, alert.New(db, alertCfg, now), as, campCfg, now, log); err != nil {
		db.Close()
		return nil, err
	}
	if app.SSO, err = openSSO(ctx, cfg, o.SSO, as, db, now); err != nil {
		db.Close()
		return nil, err
	}
	if cfg.National != "" {
		if app.National, err = openNational(cfg.National, app, log); err != nil {
			db.Close()
			return nil, err
		}
	}
	parts := messaging.Parts{Guard: sendGuard{as}, Rules: app.Rules, Screen: app.Screen, Watch: app.Campaign}
	if app.Messaging, err = messaging.New(db, dir, parts, messaging.Options{Now: now, Log: log, ListsChanged: app.Screen.invalidate}); err != nil {
		db.Close()
		return nil, err
	}
	// E-mail notifications (issue 16).
	if app.Notify, err = openNotify(cfg, ac, o, app.Rules, db, now, log); err != nil {
		app.Messaging.Close()
		db.Close()
		return nil, err
	}
	// ackforms (issue 16): reminders go through the same send path.
	if app.AckForms, err = ackforms.New(db, app.Messaging, ackforms.Options{Now: now, Log: log}); err != nil {
		app.Messaging.Close()
		db.Close()
		return nil, err
	}
	// --- data protection (issue 16) ---
	if err := app.openPrivacy(o); err != nil {
		app.Messaging.Close()
		db.Close()
		return nil, err
	}
	// --- end data protection ---
	return app, nil
}

// openNotify builds the notifications: the relay and sender from the
// environment (or Options.Notify), links to the public URL, the
// unsubscribe tokens keyed from the server's secret key.
func openNotify(cfg config.Config, ac auth.Config, o Options, win notify.Windows, db *store.DB, now func() time.Time, log *slog.Logger) (*notify.Service, error) {
	var nc notify.Config
	if o.Notify != nil {
		nc = *o.Notify
	} else {
		var err error
		if nc, err = notify.FromEnv(os.Getenv); err != nil {
			return nil, err
		}
	}
	if nc.BaseURL == "" {
		nc.BaseURL = cfg.PublicURL
	}
	if nc.BaseURL == "" && len(ac.RPOrigins) > 0 {
		nc.BaseURL = ac.RPOrigins[0]
	}
	if len(nc.Key) == 0 && len(ac.SecretKey) == 0 {
		nc.Key = make([]byte, 32) // links valid for this process only
		if _, err := rand.Read(nc.Key); err != nil {
			return nil, err
		}
	}
	if len(nc.Key) == 0 {
		m := hmac.New(sha256.New, ac.SecretKey)
		m.Write([]byte("bouclier notify key"))
		nc.Key = m.Sum(nil)
	}
	return notify.New(db, win, nc, now, log)
}

// openSSO sets up the identity providers of o, or of the file the
// configuration names; none when neither is given. Its base URL defaults
// to the public URL.
func openSSO(ctx context.Context, cfg config.Config, o *sso.Config, as *auth.Service, db *store.DB, now func() time.Time) (*sso.Service, error) {
	var c sso.Config
	switch {
	case o != nil:
		c = *o
	case cfg.SSOConfig != "":
		var err error
		if c, err = sso.LoadConfig(cfg.SSOConfig); err != nil {
			return nil, err
		}
	default:
		return nil, nil
	}
	if c.BaseURL == "" {
		c.BaseURL = cfg.PublicURL
	}
	return sso.New(ctx, c, as, db, now)
}

// Close releases the store, after the messaging writer has committed the
// sends already queued. Serve has returned by then, and with it every
// background worker (startWorkers).
func (a *App) Close() error {
	a.PDF.Close() // no render child outlives the server
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
	// E-mail notifications: every process collects and sends, each e-mail once.
	wg.Go(func() { a.Notify.Run(ctx, 5*time.Second) })
	// Retention: every process tries each hour, one runs each day's.
	wg.Go(func() { a.Retention.Run(ctx, time.Hour) })
	stopNational := a.startNational(ctx)
	return func() {
		cancel()
		wg.Wait()
		stopNational()
	}
}

// Handler returns the whole HTTP handler. Every request's client address
// is resolved first (clientip: the forwarding header counts only from a
// trusted proxy) and replaces r.RemoteAddr, so that session binding,
// throttling and the audit trail see the client rather than the proxy.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", api.New(api.Services{Auth: a.Auth, Messaging: a.Messaging, Rules: a.Rules, Moderation: a.Moderation, Directory: a.Directory, DB: a.DB, Campaign: a.Campaign, Now: a.Now, PublicURL: a.Config.PublicURL, AckForms: a.AckForms}, a.Log))
	a.opsRoutes(mux, false)
	// One-click unsubscribe (RFC 8058): no session, no CSRF token, the
	// link's token authorises; outside the browser pages' checks.
	mux.Handle(notify.UnsubscribePath, a.Notify.Handler())
	mux.Handle("/", web.New(web.Deps{Auth: a.Auth, Messaging: a.Messaging, Rules: a.Rules, Moderation: a.Moderation,
		Campaign: a.Campaign, Directory: a.Directory, DB: a.DB, PublicURL: a.Config.PublicURL, Log: a.Log, Now: a.Now,
		SecureCookie: a.Config.SecureCookie, Explain: a.explain, SSO: a.SSO,
		UnreadCount: func(ctx context.Context, u bouclier.User) (int, error) { return a.DB.UnreadCount(ctx, u.ID) },
		Location:    a.webLocation(context.Background()), Notify: a.Notify, AckForms: a.AckForms,
		Privacy: a.Privacy, Holds: a.Holds, PDF: a.PDF, PDFWait: a.pdfWait}))
	return a.logRequests(a.clients.Handler(securityHeaders(rejectNUL(mux))))
}

// rejectNUL answers 422 for a path or query holding a NUL character,
// which PostgreSQL cannot compare or store (bodies are checked where they
// are decoded: textcheck.Value, textcheck.Form).
func rejectNUL(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := textcheck.URL(r); err != nil {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusUnprocessableEntity)
				_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": string(bouclier.ErrorCode(err)), "message": bouclier.ErrorMessage(err)}})
				return
			}
			http.Error(w, bouclier.ErrorMessage(err), http.StatusUnprocessableEntity)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// OpsHandler returns the operations endpoints served on the separate
// operations address (BOUCLIER_OPS_ADDR), open to whoever reaches it.
func (a *App) OpsHandler() http.Handler {
	mux := http.NewServeMux()
	a.opsRoutes(mux, true)
	return securityHeaders(mux)
}

// opsRoutes adds /healthz, /readyz and /metrics. On the public listener
// (open false) /healthz says only "ok", /readyz gives its status with no
// details, and /metrics and the details of /readyz need the bearer token
// BOUCLIER_METRICS_TOKEN: without it configured, /metrics is not found
// there.
func (a *App) opsRoutes(mux *http.ServeMux, open bool) {
	allowed := func(r *http.Request) bool { return open || a.opsToken(r) }
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		start := time.Now()
		err := a.DB.Ping(ctx)
		if err != nil {
			a.Log.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		switch {
		case !allowed(r) && err != nil:
			fmt.Fprintln(w, "unavailable")
		case !allowed(r):
			fmt.Fprintln(w, "ok")
		case err != nil:
			fmt.Fprintf(w, "database unavailable (%s)\n", a.DB.Dialect())
		default:
			fmt.Fprintf(w, "ready\ndatabase %s answered in %v\n", a.DB.Dialect(), time.Since(start).Round(time.Microsecond))
		}
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		if !allowed(r) {
			if a.Config.MetricsToken != "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			http.NotFound(w, r)
			return
		}
		a.metrics.ServeHTTP(w, r)
	})
}

// opsToken reports whether r carries the metrics bearer token.
func (a *App) opsToken(r *http.Request) bool {
	want := a.Config.MetricsToken
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return want != "" && ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(want)) == 1
}

// resolver builds the client address resolver from the trusted proxies.
func resolver(cfg config.Config) (*clientip.Resolver, error) {
	prefixes, err := config.ParsePrefixes(cfg.TrustedProxies)
	if err != nil {
		return nil, fmt.Errorf("trusted_proxies: %w", err)
	}
	h, err := clientip.ParseHeader(cfg.ProxyHeader)
	if err != nil {
		return nil, fmt.Errorf("proxy_header: %w", err)
	}
	return clientip.New(prefixes, h), nil
}

// hsts is the Strict-Transport-Security value sent on HTTPS answers: two
// years, subdomains included (the value the HSTS preload list asks for).
const hsts = "max-age=63072000; includeSubDomains"

// securityHeaders sets the headers every answer carries, and HSTS on the
// answers to HTTPS requests (TLS here, or a trusted proxy's
// X-Forwarded-Proto).
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
		if info, ok := clientip.From(r.Context()); (ok && info.HTTPS) || r.TLS != nil {
			hd.Set("Strict-Transport-Security", hsts)
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

// Serve listens on the configured address (HTTPS when a certificate is
// configured) and, if set, on the operations address, until ctx ends; then
// it shuts down gracefully, giving requests in flight up to 10 seconds.
func (a *App) Serve(ctx context.Context, ready func(addr string)) error {
	var tlsConf *tls.Config
	if a.Config.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(a.Config.TLSCert, a.Config.TLSKey)
		if err != nil {
			return fmt.Errorf("tls: %w", err)
		}
		tlsConf = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}
	}
	ln, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	if tlsConf != nil {
		ln = tls.NewListener(ln, tlsConf)
	}
	// Opening the store, the screen's model and lists (and the demo's
	// accounts) leaves garbage as large as what the server keeps: collect
	// it before serving, so that the heap's next target (twice the live
	// heap) is set by what is kept, not by the loading's peak, which
	// otherwise sets the process's peak resident set (docs/performance.md).
	debug.FreeOSMemory()
	// Likewise the executable's pages that start-up alone touched: serving
	// reads its own back from the page cache (internal/resident).
	if n, err := resident.ReleaseExecutable(); err != nil {
		a.Log.Debug("executable pages not released", "err", err)
	} else {
		a.Log.Debug("executable pages released", "bytes", n)
	}
	servers := []*http.Server{a.httpServer(a.Handler(), tlsConf)}
	listeners := []net.Listener{ln}
	if a.Config.OpsAddr != "" {
		oln, err := net.Listen("tcp", a.Config.OpsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("listen ops: %w", err)
		}
		servers = append(servers, a.httpServer(a.OpsHandler(), nil))
		listeners = append(listeners, oln)
		a.Log.Info("operations endpoints", "addr", oln.Addr().String())
	}
	errc := make(chan error, len(servers))
	for i, srv := range servers {
		go func() { errc <- srv.Serve(listeners[i]) }()
	}
	// Deferred to the end: requests in flight end first (Shutdown below),
	// then the workers flush what those requests queued.
	defer a.startWorkers()()
	a.Log.Info("listening", "addr", ln.Addr().String(), "tls", tlsConf != nil, "store", string(a.DB.Dialect()))
	if ready != nil {
		ready(ln.Addr().String())
	}
	var serveErr error
	select {
	case serveErr = <-errc:
	case <-ctx.Done():
	}
	a.Log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, srv := range servers {
		if err := srv.Shutdown(sctx); err != nil && serveErr == nil {
			serveErr = fmt.Errorf("shutdown: %w", err)
		}
	}
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return nil
}

func (a *App) httpServer(h http.Handler, tlsConf *tls.Config) *http.Server {
	return &http.Server{
		Handler:           h,
		TLSConfig:         tlsConf,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.Log.Handler(), slog.LevelWarn),
	}
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
// sendGuard is the messaging guard: the account-security checks of
// auth.CheckSend on what the send resolved to.
type sendGuard struct{ as *auth.Service }

func (g sendGuard) CheckSend(ctx context.Context, sender bouclier.User, r directory.Resolved, d *messaging.Draft) error {
	return g.as.CheckSend(ctx, sender, auth.SendInfo{Recipients: len(r.Recipients), RecipientIDs: r.Recipients, Groups: r.Groups,
		Attachments: len(d.Attachments), Links: screen.HasLink(d.Subject + "\n" + d.Body)})
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
			scheme := "http"
			if cfg.TLSCert != "" {
				scheme = "https"
			}
			ac.RPOrigins = []string{scheme + "://localhost:" + port, scheme + "://localhost"}
		}
	}
	return nil
}
