package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/storetest"
)

var hiddenField = regexp.MustCompile(`name="(csrf|pending)" value="([^"]*)"`)

// webLoginStep posts the login form and returns the status, the hidden
// fields of the page answered and where it redirects.
func webLoginStep(t *testing.T, c *http.Client, base string, form url.Values) (int, map[string]string, string) {
	t.Helper()
	var resp *http.Response
	var err error
	if form == nil {
		resp, err = c.Get(base + "/login")
	} else {
		resp, err = c.PostForm(base+"/login", form)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fields := map[string]string{}
	for _, m := range hiddenField.FindAllStringSubmatch(string(b), -1) {
		fields[m[1]] = m[2]
	}
	return resp.StatusCode, fields, resp.Header.Get("Location")
}

// TestWebLoginAcrossNodes starts the web login (password) on one server
// process and finishes it (TOTP code) on another: two nodes on one
// PostgreSQL database sharing BOUCLIER_SECRET_KEY, and one SQLite server
// restarted in between (its key in the data directory).
func TestWebLoginAcrossNodes(t *testing.T) {
	const pw = "un mot de passe de démo assez long"
	const secret = "JBSWY3DPEHPK3PXP"
	demoArgs := func(extra ...string) []string {
		return append([]string{"demo", "--addr", "127.0.0.1:0", "--demo-password", pw, "--demo-totp-secret", secret, "--policy", "open"}, extra...)
	}
	cases := []struct {
		name  string
		nodes func(t *testing.T) (first string, second func() string)
	}{
		{"two nodes on PostgreSQL", func(t *testing.T) (string, func() string) {
			dbURL := storetest.PostgresURL(t)
			if dbURL == "" {
				t.Skip("no PostgreSQL server (BOUCLIER_TEST_POSTGRES)")
			}
			t.Setenv("BOUCLIER_SECRET_KEY", strings.Repeat("cd", 32))
			_, a := startProcess(t, demoArgs("--database", dbURL, "--data", t.TempDir())...)
			_, b := startProcess(t, demoArgs("--database", dbURL, "--data", t.TempDir())...)
			return a, func() string { return b }
		}},
		{"one SQLite node restarted", func(t *testing.T) (string, func() string) {
			t.Setenv("BOUCLIER_SECRET_KEY", "")
			dir := t.TempDir()
			cmd, a := startProcess(t, demoArgs("--data", dir)...)
			return a, func() string {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				_, b := startProcess(t, demoArgs("--data", dir, "--addr", strings.TrimPrefix(a, "http://"))...)
				return b
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			first, second := c.nodes(t)
			jar, _ := cookiejar.New(nil)
			client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			_, f, _ := webLoginStep(t, client, first, nil)
			code, f, _ := webLoginStep(t, client, first, url.Values{"csrf": {f["csrf"]}, "username": {"principal.moulin"}, "password": {pw}})
			if code != 200 || f["pending"] == "" {
				t.Fatalf("password step on the first node: %d %v", code, f)
			}
			base := second()
			// The cookie jar keys cookies by host, not port: the login
			// cookie follows to the second node on 127.0.0.1.
			otp, err := auth.TOTPCode(secret, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			tampered := []byte(f["pending"])
			tampered[len(tampered)/2] ^= 1
			code, _, _ = webLoginStep(t, client, base, url.Values{"csrf": {f["csrf"]}, "pending": {string(tampered)}, "otp": {otp}})
			if code != http.StatusUnauthorized {
				t.Fatalf("altered pending state: %d, want 401", code)
			}
			code, _, loc := webLoginStep(t, client, base, url.Values{"csrf": {f["csrf"]}, "pending": {f["pending"]}, "otp": {otp}})
			if code != http.StatusSeeOther || loc == "" || strings.HasPrefix(loc, "/login") {
				t.Fatalf("code step on the second node: %d → %q", code, loc)
			}
			resp, err := client.Get(base + "/inbox")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("inbox after a login finished on the second node: %d", resp.StatusCode)
			}
		})
	}
}
