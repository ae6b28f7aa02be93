package drill

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/store"
)

// DefaultSpeed compresses the morning's ten minutes into one in remote
// mode.
const DefaultSpeed = 10

// The two browsers of the remote drill: the accounts' owners use one, the
// attackers another, so that the server sees the attackers' logins as new
// devices.
const (
	ownerAgent    = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
	attackerAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
)

// runRemote replays the drill against a running server. It is run on the
// server's machine: o.DataDir or o.DatabaseURL is the server's own store,
// which the drill opens beside it (SQLite in WAL mode allows it) to import
// its directory, give the accounts it drives a password and the
// personnel a TOTP secret sealed with the server's key, replay the day
// before, and measure what becomes visible. The morning itself goes over
// HTTP: the owners and the attackers log in with password and TOTP code
// and send the same schedule of messages, compressed by o.Speed.
func runRemote(ctx context.Context, o Options) (Report, error) {
	wall := time.Now()
	r, closeApp, err := remoteSetup(ctx, o)
	if err != nil {
		return Report{}, err
	}
	defer closeApp()
	d := r.d
	if err := d.history(ctx); err != nil {
		return d.rep, err
	}
	// The owners' browsers logged in from this machine before.
	if err := d.knownBrowsers(ctx, "127.0.0.1", ownerAgent); err != nil {
		return d.rep, err
	}
	if err := r.morning(ctx); err != nil {
		return d.rep, err
	}
	d.rep.WallSeconds = time.Since(wall).Seconds()
	return d.rep, nil
}

// remoteSetup opens the server's store beside it, checks it is fresh,
// imports the drill's directory and gives its accounts a password.
func remoteSetup(ctx context.Context, o Options) (*remote, func(), error) {
	if o.DataDir == "" && o.DatabaseURL == "" {
		return nil, nil, errors.New("drill: against a server, give its store (--data or --database)")
	}
	if o.Speed == 0 {
		o.Speed = DefaultSpeed
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	base := strings.TrimRight(o.URL, "/")
	hc := &http.Client{Timeout: 30 * time.Second}
	if err := ping(ctx, hc, base); err != nil {
		return nil, nil, fmt.Errorf("drill: %s: %w", base, err)
	}
	// The in-process app on the server's store imports, replays the day
	// before on a simulated clock, and seals the TOTP secrets: server.Open
	// installs the server's key (BOUCLIER_SECRET_KEY or secret.key in the
	// data directory) on the store exactly as the server does.
	// The day before is yesterday in real time: the server judges contents
	// against the history of the last days.
	origin := time.Now().Truncate(time.Second)
	clk := &clock{t: origin.Add(-24 * time.Hour)}
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL = o.DataDir, o.DatabaseURL
	if o.DataDir != "" {
		if _, err := os.Stat(o.DataDir); err != nil {
			return nil, nil, fmt.Errorf("drill: the server's data directory: %w", err)
		}
	}
	// Without a key, server.Open would seal with one of its own, and the
	// server could not read the TOTP secrets back.
	if key, err := auth.LoadKey(os.Getenv("BOUCLIER_SECRET_KEY"), o.DataDir); err != nil {
		return nil, nil, fmt.Errorf("drill: %w", err)
	} else if len(key) == 0 {
		return nil, nil, errors.New("drill: set BOUCLIER_SECRET_KEY to the server's key, so that the server can read the second factors the drill gives")
	}
	app, err := server.Open(ctx, cfg, o.Log, server.Options{Now: clk.Now, Alert: &alert.Config{}})
	if err != nil {
		return nil, nil, fmt.Errorf("drill: open: %w", err)
	}
	fail := func(err error) (*remote, func(), error) {
		app.Close()
		return nil, nil, err
	}
	if _, err := app.DB.UserByName(ctx, "h.0"); err == nil {
		return fail(errors.New("drill: the server's store already has the drill's accounts (a drill ran there): use a fresh store"))
	}
	d := newDrill(o, app, clk)
	d.origin = origin
	if d.totp, err = auth.NewTOTPSecret(); err != nil {
		return fail(err)
	}
	if err := d.directory(ctx); err != nil {
		return fail(err)
	}
	pw, err := d.passwords(ctx)
	if err != nil {
		return fail(err)
	}
	r := &remote{d: d, hc: hc, base: base, pw: pw, speed: o.Speed, owner: map[string]string{}, attacker: map[string]string{}, step: map[string]int64{},
		enrolled: map[string]bool{}}
	return r, func() { app.Close() }, nil
}

func ping(ctx context.Context, hc *http.Client, base string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/healthz", nil)
	if err != nil {
		return err
	}
	res, err := hc.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("healthz: %s", res.Status)
	}
	return nil
}

// passwords gives every account of the drill's directory one random
// password (one hash: the drill's accounts are throwaway) and clears
// must_reset.
func (d *drill) passwords(ctx context.Context) (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	pw := "drill-" + base64.RawURLEncoding.EncodeToString(b)
	hash, err := auth.NewHasher(auth.DefaultParams, 1).Hash(ctx, pw)
	if err != nil {
		return "", err
	}
	err = d.app.DB.InTx(ctx, func(tx *store.Tx) error {
		for _, u := range d.users {
			if err := tx.SetPasswordHash(ctx, u.ID, hash); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("drill: passwords: %w", err)
	}
	return pw, nil
}

type remote struct {
	d     *drill
	hc    *http.Client
	base  string
	pw    string
	speed float64

	owner    map[string]string // username → the owner's session token
	attacker map[string]string // username → the attacker's session token
	step     map[string]int64  // username → last TOTP step used
	enrolled map[string]bool   // families given a second factor (scenarios)

	mu       sync.Mutex
	t0       time.Time
	threats  map[int64]bool // threat messages accepted → visible at the last poll
	hiddenAt []time.Duration
	ever     map[int64]bool
}

type apiError struct {
	status int
	code   bouclier.Code
	msg    string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %s: %s", e.status, e.code, e.msg) }

func (r *remote) post(ctx context.Context, path, token, agent string, in any, out any) error {
	return r.postFrom(ctx, path, token, agent, "", in, out)
}

// postFrom posts as a browser (agent) at addr, which the server believes
// from X-Forwarded-For when it trusts this machine as its proxy
// (--trusted-proxies 127.0.0.1); "" sends from this machine.
func (r *remote) postFrom(ctx context.Context, path, token, agent, addr string, in any, out any) error {
	b, _ := json.Marshal(in)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.base+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", agent)
	if addr != "" {
		req.Header.Set("X-Forwarded-For", addr)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode/100 != 2 {
		var e struct {
			Error struct {
				Code    bouclier.Code `json:"code"`
				Message string        `json:"message"`
			} `json:"error"`
		}
		_ = json.Unmarshal(body, &e)
		if e.Error.Code == "" {
			e.Error.Code = bouclier.ErrInternal
		}
		return &apiError{status: res.StatusCode, code: e.Error.Code, msg: e.Error.Message}
	}
	if out != nil {
		return json.Unmarshal(body, out)
	}
	return nil
}

// login logs name in over HTTP with the password and, for personnel, a
// TOTP code at real time (a later step when this one was used already:
// the server refuses a code twice).
func (r *remote) login(ctx context.Context, name, agent string) (string, error) {
	return r.loginFrom(ctx, name, agent, "")
}

// loginFrom logs name in as login does, from addr (postFrom).
func (r *remote) loginFrom(ctx context.Context, name, agent, addr string) (string, error) {
	in := map[string]string{"username": name, "password": r.pw}
	if u, ok := r.d.users[name]; ok && (u.Role.IsPersonnel() || r.enrolled[name]) {
		for {
			now := time.Now()
			cur := now.Unix() / 30
			s := max(cur, r.step[name]+1)
			if s <= cur+1 {
				code, err := auth.TOTPCode(r.d.totp, time.Unix(s*30, 0))
				if err != nil {
					return "", err
				}
				in["otp"], r.step[name] = code, s
				break
			}
			select {
			case <-ctx.Done():
				return "", ctx.Err()
			case <-time.After(time.Until(time.Unix((cur+1)*30, 0))):
			}
		}
	}
	var out struct {
		Token string `json:"token"`
	}
	if err := r.postFrom(ctx, "/api/v1/session", "", agent, addr, in, &out); err != nil {
		return "", err
	}
	return out.Token, nil
}

type sendResult struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// morning logs the owners in, then replays the schedule in real time.
func (r *remote) morning(ctx context.Context) error {
	d := r.d
	evs := d.plan()
	// The owners log in before the morning starts, as their browsers did.
	var owners []string
	for _, e := range evs {
		if e.kind == ordinary {
			if _, ok := r.owner[e.from]; !ok {
				r.owner[e.from] = ""
				owners = append(owners, e.from)
			}
		}
	}
	for _, name := range owners {
		tok, err := r.login(ctx, name, ownerAgent)
		if err != nil {
			return fmt.Errorf("drill: login %s: %w", name, err)
		}
		r.owner[name] = tok
	}
	r.threats, r.ever = map[int64]bool{}, map[int64]bool{}
	r.t0 = time.Now()
	pollCtx, stopPoll := context.WithCancel(ctx)
	pollDone := make(chan error, 1)
	go func() { pollDone <- pollEvery(pollCtx, r.check) }()
	defer stopPoll()

	first := time.Duration(-1)
	var ordinaryIDs []int64
	for n, e := range evs {
		at := r.t0.Add(time.Duration(float64(e.at) / r.speed))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Until(at)):
		}
		if d.o.Progress != nil && (n%50 == 0 || n == len(evs)-1) {
			d.o.Progress(n+1, len(evs))
		}
		var res sendResult
		var err error
		tokens, agent := r.owner, ownerAgent
		if e.kind == threat {
			tokens, agent = r.attacker, attackerAgent
		}
		tok, ok := tokens[e.from]
		if !ok || tok == "" {
			tok, err = r.login(ctx, e.from, agent)
			tokens[e.from] = tok
		}
		if err == nil {
			err = r.post(ctx, "/api/v1/messages", tok, agent, map[string]any{"to": e.to, "subject": e.subject, "body": e.body}, &res)
		}
		var ae *apiError
		if err != nil && !errors.As(err, &ae) {
			return fmt.Errorf("drill: %s: %w", e.from, err)
		}
		code := bouclier.Code("")
		if ae != nil {
			code = ae.code
		}
		switch e.kind {
		case threat:
			d.rep.ThreatAttempts++
			if first < 0 {
				first = time.Since(r.t0)
			}
			switch {
			case err == nil:
				d.rep.ThreatSent++
				id, _ := strconv.ParseInt(res.ID, 10, 64)
				r.mu.Lock()
				r.threats[id] = false
				if res.Status == string(bouclier.StatusDelivered) {
					r.threats[id], r.ever[id] = true, true
				}
				r.mu.Unlock()
			case code == bouclier.ErrRejectedContent:
				d.rep.ThreatSent++
			case code != bouclier.ErrInternal:
				d.rep.ThreatRefused++
			default:
				return fmt.Errorf("drill: threat from %s: %w", e.from, err)
			}
		case ordinary:
			if d.tallyOrdinary(e.from, bouclier.MessageStatus(res.Status), err) {
				id, _ := strconv.ParseInt(res.ID, 10, 64)
				ordinaryIDs = append(ordinaryIDs, id)
			}
		}
	}
	// The wave is over: the server's sweeper gets two more seconds.
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(2 * time.Second):
	}
	stopPoll()
	if err := <-pollDone; err != nil {
		return err
	}
	if err := r.check(ctx); err != nil {
		return err
	}
	r.mu.Lock()
	still := 0
	for _, v := range r.threats {
		if v {
			still++
		}
	}
	d.rep.EverVisible = len(r.ever)
	hidden := append([]time.Duration(nil), r.hiddenAt...)
	r.mu.Unlock()
	return d.measure(ctx, r.t0, first, hidden, still, ordinaryIDs)
}

// pollEvery runs check every 100 ms until ctx ends: the replays over HTTP
// watch which attack messages have a visible copy.
func pollEvery(ctx context.Context, check func(context.Context) error) error {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if err := check(ctx); err != nil && ctx.Err() == nil {
				return err
			}
		}
	}
}

// check reads, for every threat message accepted, whether a recipient
// can see it, and records when one stops being visible.
func (r *remote) check(ctx context.Context) error {
	r.mu.Lock()
	ids := make([]int64, 0, len(r.threats))
	for id := range r.threats {
		ids = append(ids, id)
	}
	r.mu.Unlock()
	for _, id := range ids {
		n, err := r.d.app.DB.VisibleCopies(ctx, id)
		if err != nil {
			return err
		}
		at := time.Since(r.t0)
		r.mu.Lock()
		was := r.threats[id]
		r.threats[id] = n > 0
		if n > 0 {
			r.ever[id] = true
		} else if was {
			r.hiddenAt = append(r.hiddenAt, at)
		}
		r.mu.Unlock()
	}
	return nil
}

// knownBrowsers records every account's browser (agent at addr) as one
// it logged in from a month before, as a previous login would have.
func (d *drill) knownBrowsers(ctx context.Context, addr, agent string) error {
	at := store.Micros(d.origin.Add(-30 * 24 * time.Hour))
	net, fam := auth.Network(addr), auth.UAFamily(agent)
	return d.app.DB.InTx(ctx, func(tx *store.Tx) error {
		for _, u := range d.users {
			if err := tx.PutKnownDevice(ctx, u.ID, auth.NetworkBrowserKey(net, fam), net, fam, at); err != nil {
				return fmt.Errorf("drill: known browsers: %w", err)
			}
		}
		return nil
	})
}
