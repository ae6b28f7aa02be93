package web_test

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/policy"
	"github.com/bouclier/bouclier/internal/race"
	"github.com/bouclier/bouclier/internal/rules"
)

// env opens the application on a fresh SQLite database with the demo
// directory and serves it.
func env(t testing.TB) (*apptest.Env, *httptest.Server) {
	t.Helper()
	skipLightWithoutRace(t)
	cfg := config.Default()
	cfg.DataDir, cfg.SecureCookie = t.TempDir(), false
	e := apptest.OpenConfig(t, "sqlite", cfg)
	return e, e.Server(t)
}

// Tests at size seed a drill-sized incident or twenty thousand messages
// into SQLite in one goroutine: under -race that seeding alone took
// minutes of CI (modernc.org/sqlite is Go code, instrumented too), for
// nothing the detector can find. They skip under -race and run in
// scripts/test's second pass (BOUCLIER_TEST_PASS=norace), where the
// other tests of the package, which ran under -race, skip. The handlers
// they reach keep the detector through the smaller tests.
var marked sync.Map // top-level test name → true: marked atSize

// atSize marks t as a test at size: first thing in the test.
func atSize(t *testing.T) {
	t.Helper()
	if race.Enabled {
		t.Skip("at size and sequential: runs without -race (scripts/test's second pass)")
	}
	marked.Store(t.Name(), true)
}

// isAtSize reports whether t (or the test it is a subtest of) is marked.
func isAtSize(t testing.TB) bool {
	name, _, _ := strings.Cut(t.Name(), "/")
	_, ok := marked.Load(name)
	return ok
}

// skipLightWithoutRace skips, in the pass without -race, a test that
// already ran under it (env and the browser tests' start call it).
func skipLightWithoutRace(t testing.TB) {
	t.Helper()
	if os.Getenv("BOUCLIER_TEST_PASS") == "norace" && !isAtSize(t) {
		t.Skip("ran under -race: the pass without it runs the tests at size")
	}
}

// browser is a cookie-keeping HTTP client that does not follow redirects,
// so each step's status and Location can be checked.
type browser struct {
	t    testing.TB
	base string
	c    *http.Client
	ua   string // User-Agent; empty: Go's
}

// thief returns a browser of another family that shares b's cookies: a
// session cookie replayed by whoever stole it.
func (b *browser) thief() *browser {
	n := *b
	n.ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
	return &n
}

func newBrowser(t testing.TB, srv *httptest.Server) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: srv.URL, c: &http.Client{Jar: jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type page struct {
	Status int
	Header http.Header
	Body   string
}

func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	if b.ua != "" {
		req.Header.Set("User-Agent", b.ua)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	// Read into a buffer of the announced length, as a browser would
	// stream it, rather than growing one by doubling: the benchmarks time
	// the client too, and a 25 KB page cost a dozen copies.
	var body strings.Builder
	if n := res.ContentLength; n > 0 && n < 1<<24 {
		body.Grow(int(n))
	}
	_, _ = io.Copy(&body, res.Body)
	return page{Status: res.StatusCode, Header: res.Header, Body: body.String()}
}

func (b *browser) get(path string) page {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.base+path, nil)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values, hdr ...string) page {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return b.do(req)
}

type file struct{ name, data string }

func (b *browser) postMultipart(path string, form url.Values, files ...file) page {
	b.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("attachments", f.name)
		_, _ = io.WriteString(w, f.data)
	}
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

var hiddenRe = regexp.MustCompile(`name="([a-z_]+)" value="([^"]*)"`)

// field returns the value of the first hidden field called name.
func field(t testing.TB, body, name string) string {
	t.Helper()
	for _, m := range hiddenRe.FindAllStringSubmatch(body, -1) {
		if m[1] == name {
			return html.UnescapeString(m[2])
		}
	}
	t.Fatalf("no field %q in page:\n%s", name, body)
	return ""
}

// login signs in through the form; otp is used when the server asks.
func (b *browser) login(user, otp string) {
	b.t.Helper()
	p := b.get("/login")
	tok := field(b.t, p.Body, "csrf")
	p = b.post("/login", url.Values{"csrf": {tok}, "username": {user}, "password": {apptest.Password}})
	if p.Status == http.StatusOK && strings.Contains(p.Body, `name="pending"`) {
		p = b.post("/login", url.Values{"csrf": {tok}, "pending": {field(b.t, p.Body, "pending")}, "otp": {otp}})
	}
	if p.Status != http.StatusSeeOther {
		b.t.Fatalf("login %s: status %d\n%s", user, p.Status, p.Body)
	}
}

// csrf returns the session's anti-CSRF token from any signed-in page.
func (b *browser) csrf() string {
	b.t.Helper()
	return field(b.t, b.get("/inbox").Body, "csrf")
}

// send posts the compose form and returns the answer.
func (b *browser) send(to []string, subject, body string, files ...file) page {
	b.t.Helper()
	return b.postMultipart("/compose", url.Values{"csrf": {b.csrf()}, "to": to, "subject": {subject}, "body": {body}}, files...)
}

// closePupils adds the 2024 circular's rule for pupils (they neither send
// nor receive) to the rules in force: the rule alone, since the circular's
// night closure of adults would make a test depend on the hour it runs.
func closePupils(t testing.TB, r *rules.Service) {
	t.Helper()
	circular, err := policy.Preset("circular-2024")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.AddRule(context.Background(), bouclier.SystemActor("test"), circular[0]); err != nil {
		t.Fatal(err)
	}
}
