package clientip

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestResolve(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128"), netip.MustParsePrefix("127.0.0.1/32")}
	xff := New(trusted, XForwardedFor)
	fwd := New(trusted, Forwarded)
	cases := []struct {
		name    string
		r       *Resolver
		peer    string
		headers map[string][]string
		want    string
		proxied bool
		https   bool
	}{
		{"no proxy trusted: header ignored", New(nil, XForwardedFor), "203.0.113.7:5555", map[string][]string{"X-Forwarded-For": {"198.51.100.1"}}, "203.0.113.7", false, false},
		{"nil resolver", nil, "203.0.113.7:5555", map[string][]string{"X-Forwarded-For": {"198.51.100.1"}}, "203.0.113.7", false, false},
		{"untrusted peer forges", xff, "203.0.113.7:5555", map[string][]string{"X-Forwarded-For": {"198.51.100.1"}, "X-Forwarded-Proto": {"https"}}, "203.0.113.7", false, false},
		{"trusted peer, one hop", xff, "10.1.2.3:4444", map[string][]string{"X-Forwarded-For": {"198.51.100.1"}}, "198.51.100.1", true, false},
		{"client forges left of the real hop", xff, "10.1.2.3:4444", map[string][]string{"X-Forwarded-For": {"1.1.1.1, 198.51.100.1"}}, "198.51.100.1", true, false},
		{"two trusted proxies", xff, "10.1.2.3:4444", map[string][]string{"X-Forwarded-For": {"6.6.6.6, 198.51.100.1, 10.9.9.9"}}, "198.51.100.1", true, false},
		{"several header lines", xff, "10.1.2.3:4444", map[string][]string{"X-Forwarded-For": {"6.6.6.6", "198.51.100.2"}}, "198.51.100.2", true, false},
		{"garbage right of client stops at proxy", xff, "10.1.2.3:4444", map[string][]string{"X-Forwarded-For": {"198.51.100.1, unknown"}}, "10.1.2.3", false, false},
		{"all hops trusted: left-most", xff, "10.1.2.3:4444", map[string][]string{"X-Forwarded-For": {"10.5.5.5, 10.6.6.6"}}, "10.5.5.5", true, false},
		{"empty header", xff, "10.1.2.3:4444", nil, "10.1.2.3", false, false},
		{"ipv6 loopback proxy, ipv6 client", xff, "[::1]:4444", map[string][]string{"X-Forwarded-For": {"2001:db8::5"}}, "2001:db8::5", true, false},
		{"mapped ipv4 peer", xff, "[::ffff:10.1.2.3]:4444", map[string][]string{"X-Forwarded-For": {"198.51.100.1:1234"}}, "198.51.100.1", true, false},
		{"proto https from trusted", xff, "127.0.0.1:4444", map[string][]string{"X-Forwarded-For": {"198.51.100.1"}, "X-Forwarded-Proto": {"https"}}, "198.51.100.1", true, true},
		{"forwarded header", fwd, "10.1.2.3:4444", map[string][]string{"Forwarded": {`for=6.6.6.6;proto=http, for="[2001:db8:cafe::17]:4711";proto=https`}}, "2001:db8:cafe::17", true, true},
		{"forwarded mode ignores xff", fwd, "10.1.2.3:4444", map[string][]string{"X-Forwarded-For": {"198.51.100.1"}}, "10.1.2.3", false, false},
		{"xff mode ignores forwarded", xff, "10.1.2.3:4444", map[string][]string{"Forwarded": {"for=198.51.100.1"}}, "10.1.2.3", false, false},
		{"forwarded obfuscated hop", fwd, "10.1.2.3:4444", map[string][]string{"Forwarded": {"for=198.51.100.1, for=_hidden"}}, "10.1.2.3", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = c.peer
			for k, vs := range c.headers {
				for _, v := range vs {
					req.Header.Add(k, v)
				}
			}
			got := c.r.Resolve(req)
			if got.Addr.String() != c.want || got.Proxied != c.proxied || got.HTTPS != c.https {
				t.Fatalf("got %+v, want %s proxied=%t https=%t", got, c.want, c.proxied, c.https)
			}
		})
	}
}

func TestHandlerRewritesRemoteAddr(t *testing.T) {
	r := New([]netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}, XForwardedFor)
	var seen, addr string
	var https bool
	h := r.Handler(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		seen, addr = req.RemoteAddr, Address(req)
		i, _ := From(req.Context())
		https = i.HTTPS
	}))
	req := httptest.NewRequest("GET", "/", nil)
	req.RemoteAddr = "127.0.0.1:9999"
	req.Header.Set("X-Forwarded-For", "198.51.100.9")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if seen != "198.51.100.9:0" || addr != "198.51.100.9" || https {
		t.Fatalf("RemoteAddr %q, Address %q, https %t", seen, addr, https)
	}
	req = httptest.NewRequest("GET", "/", nil)
	req.RemoteAddr = "192.0.2.1:9999"
	req.Header.Set("X-Forwarded-For", "198.51.100.9")
	req.TLS = &tls.ConnectionState{}
	h.ServeHTTP(httptest.NewRecorder(), req)
	if seen != "192.0.2.1:9999" || addr != "192.0.2.1" || !https {
		t.Fatalf("untrusted: RemoteAddr %q, Address %q, https %t", seen, addr, https)
	}
}

func TestParseHeader(t *testing.T) {
	for in, want := range map[string]Header{"": XForwardedFor, "x-forwarded-for": XForwardedFor, "Forwarded": Forwarded} {
		if got, err := ParseHeader(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	if _, err := ParseHeader("X-Real-IP"); err == nil {
		t.Error("X-Real-IP accepted")
	}
}
