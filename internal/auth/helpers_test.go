package auth_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/apptest"
)

// client calls the API through the application's handler from one
// address and browser.
type client struct {
	t    testing.TB
	e    *apptest.Env
	h    http.Handler
	addr string
	ua   string
}

func newClient(t testing.TB, e *apptest.Env) *client {
	return &client{t: t, e: e, h: e.Handler(), addr: "192.0.2.10", ua: "Mozilla/5.0 Firefox/128.0"}
}

func (c *client) from(addr, ua string) *client {
	n := *c
	n.addr, n.ua = addr, ua
	return &n
}

type resp struct {
	Status int
	Header http.Header
	Body   map[string]any
	Raw    string
}

func (r resp) code() string {
	if e, ok := r.Body["error"].(map[string]any); ok {
		s, _ := e["code"].(string)
		return s
	}
	return ""
}

func (c *client) do(method, path, token string, body any) resp {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		j, _ := json.Marshal(body)
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, rd)
	req.RemoteAddr = c.addr + ":5555"
	req.Header.Set("User-Agent", c.ua)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, req)
	r := resp{Status: w.Code, Header: w.Header(), Raw: w.Body.String()}
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") && w.Body.Len() > 0 {
		if err := json.Unmarshal(w.Body.Bytes(), &r.Body); err != nil {
			c.t.Fatalf("%s %s: bad JSON %q: %v", method, path, w.Body.String(), err)
		}
	}
	if r.Status >= 500 {
		c.t.Fatalf("%s %s: %d %s", method, path, r.Status, r.Raw)
	}
	return r
}

// login opens a session with a fresh TOTP code for accounts that have one.
func (c *client) login(user string) string {
	c.t.Helper()
	c.e.Clock.Advance(31 * time.Second) // each TOTP code is usable once
	body := map[string]any{"username": user, "password": apptest.Password}
	r := c.do("POST", "/api/v1/session", "", body)
	if r.Status == 401 && r.code() == "otp_required" {
		body["otp"] = c.e.OTP(c.t, 0)
		r = c.do("POST", "/api/v1/session", "", body)
	}
	if r.Status != 201 {
		c.t.Fatalf("login %s: %d %s", user, r.Status, r.Raw)
	}
	return r.Body["token"].(string)
}

func (c *client) send(token string, to []string, subject, body string) resp {
	c.t.Helper()
	return c.do("POST", "/api/v1/messages", token, map[string]any{"to": to, "subject": subject, "body": body})
}

func expect(t testing.TB, what string, r resp, status int, code string) {
	t.Helper()
	if r.Status != status || r.code() != code {
		t.Fatalf("%s: %d %q, want %d %q (%s)", what, r.Status, r.code(), status, code, r.Raw)
	}
}
