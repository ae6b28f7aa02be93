package server_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/storetest"
)

// testCert writes a self-signed certificate for 127.0.0.1 and localhost:
// cert.pem, key.pem and both in one file (haproxy's form).
func testCert(t *testing.T, dir string) (certFile, keyFile, bundle string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "bouclier test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	c := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	k := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})
	certFile, keyFile, bundle = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem"), filepath.Join(dir, "bundle.pem")
	for f, b := range map[string][]byte{certFile: c, keyFile: k, bundle: append(append([]byte{}, c...), k...)} {
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	pool = x509.NewCertPool()
	pool.AppendCertsFromPEM(c)
	return certFile, keyFile, bundle, pool
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// proxy is a reverse proxy from Debian's packages terminating TLS on
// loopback in front of the application.
type proxy struct {
	name   string
	binary string
	config func(dir string, port int, backend, certFile, keyFile, bundle string) (file string, args []string)
}

var proxies = []proxy{
	{"haproxy", "haproxy", func(dir string, port int, backend, certFile, keyFile, bundle string) (string, []string) {
		f := filepath.Join(dir, "haproxy.cfg")
		cfg := fmt.Sprintf(`global
  maxconn 256
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend fe
  bind 127.0.0.1:%d ssl crt %s
  option forwardfor
  http-request set-header X-Forwarded-Proto https
  default_backend be
backend be
  server app %s
`, port, bundle, backend)
		return writeConf(f, cfg), []string{"-db", "-f", f}
	}},
	{"nginx", "nginx", func(dir string, port int, backend, certFile, keyFile, bundle string) (string, []string) {
		f := filepath.Join(dir, "nginx.conf")
		cfg := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path %[1]s/body;
  proxy_temp_path %[1]s/proxy;
  fastcgi_temp_path %[1]s/fastcgi;
  uwsgi_temp_path %[1]s/uwsgi;
  scgi_temp_path %[1]s/scgi;
  server {
    listen 127.0.0.1:%[2]d ssl;
    ssl_certificate %[3]s;
    ssl_certificate_key %[4]s;
    location / {
      proxy_pass http://%[5]s;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`, dir, port, certFile, keyFile, backend)
		return writeConf(f, cfg), []string{"-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", f}
	}},
}

func writeConf(f, cfg string) string {
	if err := os.WriteFile(f, []byte(cfg), 0o600); err != nil {
		panic(err)
	}
	return f
}

// start runs the proxy in front of backend and returns its https URL.
func (p proxy) start(t *testing.T, backend string) (string, *x509.CertPool) {
	t.Helper()
	bin, err := exec.LookPath(p.binary)
	if err != nil {
		bin = "/usr/sbin/" + p.binary
		if _, err := os.Stat(bin); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is not installed (Debian package %s; scripts/test installs it)", p.binary, p.binary)
			}
			t.Skipf("%s is not installed", p.binary)
		}
	}
	dir := t.TempDir()
	certFile, keyFile, bundle, pool := testCert(t, dir)
	port := freePort(t)
	_, args := p.config(dir, port, backend, certFile, keyFile, bundle)
	var out bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", p.name, err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not start: %s", p.name, out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return "https://" + addr, pool
}

// from returns an HTTP client whose connections leave from the loopback
// address local (all of 127.0.0.0/8 is loopback on Linux): one "client"
// of the proxy.
func from(local string, pool *x509.CertPool) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		DialContext:     func(ctx context.Context, n, a string) (net.Conn, error) { return d.DialContext(ctx, n, a) },
		TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
	}}
}

type answer struct {
	status int
	header http.Header
	body   map[string]any
}

func call(t *testing.T, c *http.Client, method, url, token string, body any, header map[string]string) answer {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("User-Agent", "Mozilla/5.0 Firefox/128.0")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	a := answer{status: resp.StatusCode, header: resp.Header}
	_ = json.NewDecoder(resp.Body).Decode(&a.body)
	return a
}

func errCode(a answer) string {
	if e, ok := a.body["error"].(map[string]any); ok {
		s, _ := e["code"].(string)
		return s
	}
	return ""
}

// TestBehindReverseProxy runs the application behind haproxy and nginx
// terminating TLS on loopback. With the proxy trusted, each client is
// throttled by its own address, a session is bound to the client's
// network (not the proxy's), the audit trail records the client, and
// HTTPS answers carry HSTS; a forged X-Forwarded-For changes nothing,
// whether sent through the proxy or straight to the server. Without the
// setting, every client is the proxy.
func TestBehindReverseProxy(t *testing.T) {
	for _, p := range proxies {
		for _, trusted := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/trusted=%t", p.name, trusted), func(t *testing.T) {
				tg := storetest.Targets(t)[0]
				cfg := config.Default()
				cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
				if trusted {
					cfg.TrustedProxies = []string{"127.0.0.1/32"}
				}
				e := apptest.OpenConfig(t, tg.Name, cfg)
				app := httptest.NewServer(e.Handler())
				t.Cleanup(app.Close)
				base, pool := p.start(t, app.Listener.Addr().String())

				alice, bob := from("127.0.0.2", pool), from("127.0.1.3", pool)
				login := func(c *http.Client, pw string, header map[string]string) answer {
					return call(t, c, "POST", base+"/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": pw}, header)
				}
				// Alice (127.0.0.2) mistypes until throttled; her forged
				// header does not make her someone else.
				var last answer
				for i := range 5 {
					last = login(alice, "mauvais mot de passe", map[string]string{"X-Forwarded-For": fmt.Sprintf("198.51.100.%d", i)})
				}
				if last.status != http.StatusTooManyRequests || last.header.Get("Retry-After") == "" {
					t.Fatalf("alice's 5th failure: %d %s", last.status, errCode(last))
				}
				if got := last.header.Get("Strict-Transport-Security"); (got != "") != trusted {
					t.Errorf("HSTS through the proxy: %q (trusted %t)", got, trusted)
				}
				// Bob (127.0.1.3), same account, right password: only the
				// trusted setting tells him from Alice.
				ok := login(bob, apptest.Password, nil)
				if trusted && ok.status != http.StatusCreated {
					t.Fatalf("bob throttled with alice: %d %s", ok.status, errCode(ok))
				}
				if !trusted {
					if ok.status != http.StatusTooManyRequests {
						t.Fatalf("untrusted proxy: bob %d, want throttled as the proxy's address", ok.status)
					}
					return
				}
				token := ok.body["token"].(string)
				sessions := func(c *http.Client, url string) map[string]any {
					a := call(t, c, "GET", url+"/api/v1/me/sessions", token, nil, nil)
					if a.status != 200 {
						t.Fatalf("sessions: %d", a.status)
					}
					return a.body["sessions"].([]any)[0].(map[string]any)
				}
				if s := sessions(bob, base); s["source"] != "127.0.1.3" || s["moved"] != false {
					t.Fatalf("bob's session seen from bob: %v", s)
				}
				// A forged header sent straight to the server (an untrusted
				// peer) is ignored: the session is not moved by it.
				direct := from("127.0.1.3", nil)
				req, _ := http.NewRequest("GET", app.URL+"/api/v1/me/sessions", nil)
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("User-Agent", "Mozilla/5.0 Firefox/128.0")
				req.Header.Set("X-Forwarded-For", "203.0.113.66")
				resp, err := direct.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.Header.Get("Strict-Transport-Security") != "" {
					t.Error("HSTS on plain http from an untrusted peer")
				}
				if s := sessions(bob, base); s["moved"] != false {
					t.Fatalf("a forged X-Forwarded-For from an untrusted peer moved the session: %v", s)
				}
				// The cookie stolen and replayed from another network
				// (Alice's /24 is 127.0.0.0/24) through the proxy: moved.
				if s := sessions(alice, base); s["moved"] != true {
					t.Fatalf("session replayed from another network not seen as moved: %v", s)
				}
				// The audit trail records the clients, never the proxy.
				rows, err := e.App.DB.AuditRecent(context.Background(), "login.", 0, 100)
				if err != nil {
					t.Fatal(err)
				}
				sources := map[string]int{}
				for _, r := range rows {
					sources[r.Source]++
				}
				if sources["127.0.0.1"] != 0 || sources["127.0.0.2"] == 0 || sources["127.0.1.3"] == 0 {
					t.Fatalf("login audit sources %v: want the clients, never the proxy", sources)
				}
			})
		}
	}
}
