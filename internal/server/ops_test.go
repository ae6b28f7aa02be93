package server_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
)

func get(t *testing.T, h http.Handler, path, token string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Code, w.Body.String()
}

// TestOpsEndpoints: /healthz is open and says nothing; /metrics and the
// details of /readyz need the token on the public address, and are open on
// the operations address.
func TestOpsEndpoints(t *testing.T) {
	const token = "un jeton de métriques assez long"
	open := func(tok string) *apptest.Env {
		cfg := config.Default()
		cfg.DataDir, cfg.SecureCookie, cfg.MetricsToken = t.TempDir(), false, tok
		return apptest.OpenConfig(t, "sqlite", cfg)
	}
	withToken, without := open(token), open("")
	cases := []struct {
		name   string
		h      http.Handler
		path   string
		token  string
		status int
		body   string // a substring, or "" for any
		not    string // must not appear
	}{
		{"healthz open", without.Handler(), "/healthz", "", 200, "ok", "database"},
		{"readyz status only", without.Handler(), "/readyz", "", 200, "ok", "database"},
		{"metrics hidden without a token configured", without.Handler(), "/metrics", "", 404, "", "bouclier_"},
		{"metrics without the token", withToken.Handler(), "/metrics", "", 401, "", "bouclier_"},
		{"metrics with a wrong token", withToken.Handler(), "/metrics", "pas le bon jeton du tout", 401, "", "bouclier_"},
		{"metrics with the token", withToken.Handler(), "/metrics", token, 200, "bouclier_", ""},
		{"readyz details with the token", withToken.Handler(), "/readyz", token, 200, "database sqlite", ""},
		{"ops address: metrics open", without.App.OpsHandler(), "/metrics", "", 200, "bouclier_", ""},
		{"ops address: readyz details", without.App.OpsHandler(), "/readyz", "", 200, "database sqlite", ""},
		{"ops address: nothing else", without.App.OpsHandler(), "/api/v1/openapi.json", "", 404, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// One request first, so that /metrics has something to show.
			get(t, c.h, "/healthz", "")
			status, body := get(t, c.h, c.path, c.token)
			if status != c.status || !strings.Contains(body, c.body) || (c.not != "" && strings.Contains(body, c.not)) {
				t.Fatalf("%d %q, want %d containing %q", status, body, c.status, c.body)
			}
		})
	}
}

// TestServeTLSAndOpsAddress serves HTTPS with HSTS and the operations
// endpoints on their own plain address.
func TestServeTLSAndOpsAddress(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, _, pool := testCert(t, dir)
	cfg := config.Default()
	cfg.DataDir, cfg.SecureCookie = dir, true
	cfg.Addr, cfg.TLSCert, cfg.TLSKey = "127.0.0.1:0", certFile, keyFile
	cfg.OpsAddr = fmt.Sprintf("127.0.0.1:%d", freePort(t))
	e := apptest.OpenConfig(t, "sqlite", cfg)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- e.App.Serve(ctx, func(a string) { ready <- a }) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	}()
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	resp, err := c.Get("https://" + addr + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Fatalf("https /login: %d, HSTS %q", resp.StatusCode, resp.Header.Get("Strict-Transport-Security"))
	}
	if resp, err := http.Get("http://" + addr + "/login"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Fatal("plain http answered on the TLS address")
		}
	}
	resp, err = http.Get("http://" + cfg.OpsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "bouclier_") {
		t.Fatalf("ops /metrics: %d %q", resp.StatusCode, b)
	}
	if resp, err := c.Get("https://" + addr + "/metrics"); err != nil || resp.StatusCode != 404 {
		t.Fatalf("public /metrics: %v %v", resp, err)
	}
}
