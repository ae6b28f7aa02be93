package sso_test

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crewjam/saml"
	"github.com/crewjam/saml/samlidp"
	"github.com/jonboulle/clockwork"
	"golang.org/x/net/html"
)

// keyPair makes an RSA key and a self-signed certificate valid now.
func keyPair(t testing.TB, cn string) (*rsa.PrivateKey, *x509.Certificate) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(365 * 24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return key, cert
}

// offsetClock is the real clock moved by an offset: the service
// provider's view of time, pushed past an assertion's validity.
type offsetClock struct {
	clockwork.Clock
	off atomic.Int64
}

func (c *offsetClock) Now() time.Time { return c.Clock.Now().Add(time.Duration(c.off.Load())) }

// person is what the identity provider knows of a user beyond samlidp's
// own user record: the directory joint key it asserts and how it
// authenticated them.
type person struct {
	joint    string
	classRef string
}

// directoryIdP runs crewjam/saml's samlidp (real IdP software: login
// form, sessions, signed and encrypted responses, single logout) and adds
// to each session what an ÉduConnect or académie IdP asserts: the AAF
// joint key and the authentication context.
type directoryIdP struct {
	srv    *samlidp.Server
	http   *httptest.Server
	people map[string]person
}

// MakeAssertion adds the joint key and the authentication context to the
// session, then lets the library build the assertion.
func (d *directoryIdP) MakeAssertion(req *saml.IdpAuthnRequest, s *saml.Session) error {
	p := d.people[s.UserName]
	withDir := *s
	withDir.CustomAttributes = []saml.Attribute{{Name: "ENTPersonJointure", NameFormat: "urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
		Values: []saml.AttributeValue{{Type: "xs:string", Value: p.joint}}}}
	withDir.AuthnContextClassRef = p.classRef
	return saml.DefaultAssertionMaker{}.MakeAssertion(req, &withDir)
}

// startIdP starts an IdP on loopback. entityURL, when not empty, is the
// URL it names itself by (a rogue IdP impersonating another).
func startIdP(t testing.TB, entityURL string, people map[string]person) *directoryIdP {
	return startIdPOn(t, entityURL, people, false)
}

// startIdPOn is startIdP, over TLS (a self-signed certificate) when tls is
// set; the IdP then names itself https://idp.localhost:PORT, a name
// Chromium resolves to loopback and another site than 127.0.0.1.
func startIdPOn(t testing.TB, entityURL string, people map[string]person, tls bool) *directoryIdP {
	t.Helper()
	key, cert := keyPair(t, "idp")
	d := &directoryIdP{people: people}
	d.http = httptest.NewUnstartedServer(nil)
	base := "http://" + d.http.Listener.Addr().String()
	if tls {
		_, port, _ := net.SplitHostPort(d.http.Listener.Addr().String())
		base = "https://idp.localhost:" + port
	}
	if entityURL != "" {
		base = entityURL
	}
	u, _ := url.Parse(base)
	srv, err := samlidp.New(samlidp.Options{URL: *u, Key: key, Certificate: cert, Store: &samlidp.MemoryStore{}})
	if err != nil {
		t.Fatal(err)
	}
	srv.IDP.AssertionMaker = d
	d.srv = srv
	d.http.Config.Handler = srv
	if tls {
		d.http.StartTLS()
	} else {
		d.http.Start()
	}
	t.Cleanup(d.http.Close)
	for name := range people {
		pw := "idp password " + name
		body := `{"name":"` + name + `","password":"` + pw + `","email":"` + name + `@idp.test"}`
		req, _ := http.NewRequest(http.MethodPut, d.http.URL+"/users/"+name, strings.NewReader(body))
		res, err := d.http.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode/100 != 2 {
			t.Fatalf("add IdP user %s: %s", name, res.Status)
		}
	}
	return d
}

// register gives the IdP the service provider's metadata.
func (d *directoryIdP) register(t testing.TB, metadata []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPut, d.http.URL+"/services/bouclier", bytes.NewReader(metadata))
	res, err := d.http.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode/100 != 2 {
		t.Fatalf("register SP: %s", res.Status)
	}
}

// browser is a cookie-keeping HTTP client that follows redirects, with
// helpers to submit the forms pages hold.
type browser struct {
	t *testing.T
	c *http.Client
}

func newBrowser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, c: &http.Client{Jar: jar, Timeout: 60 * time.Second}}
}

func (b *browser) do(req *http.Request) (*http.Response, string) {
	b.t.Helper()
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func (b *browser) get(u string) (*http.Response, string) {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	return b.do(req)
}

func (b *browser) post(u string, form url.Values) (*http.Response, string) {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// form returns the action and fields of the first form of page whose
// fields include field.
func form(t testing.TB, page, field string) (string, url.Values) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var action string
	var vals url.Values
	for {
		switch z.Next() {
		case html.ErrorToken:
			t.Fatalf("no form with %q in:\n%.2000s", field, page)
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := func(k string) string {
				for _, a := range tok.Attr {
					if a.Key == k {
						return a.Val
					}
				}
				return ""
			}
			switch tok.Data {
			case "form":
				action, vals = attr("action"), url.Values{}
			case "input", "textarea":
				if vals != nil && attr("name") != "" {
					vals.Set(attr("name"), attr("value"))
				}
			}
		case html.EndTagToken:
			if tok := z.Token(); tok.Data == "form" && vals != nil {
				if _, ok := vals[field]; ok {
					return action, vals
				}
				vals = nil
			}
		}
	}
}

// listen reserves a loopback port for the application, so that its URL
// is known before it starts.
func listen(t testing.TB) (net.Listener, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln, "http://" + ln.Addr().String()
}

func decode64(t testing.TB, s string) string {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// followRefresh follows a page's meta refresh, as a browser does (the
// page that sends the browser on to the provider's single logout).
func (b *browser) followRefresh(res *http.Response, body string) (*http.Response, string) {
	b.t.Helper()
	i := strings.Index(body, `http-equiv="refresh" content="0;url=`)
	if i < 0 {
		return res, body
	}
	rest := body[i+len(`http-equiv="refresh" content="0;url=`):]
	u, err := res.Request.URL.Parse(html.UnescapeString(rest[:strings.IndexByte(rest, '"')]))
	if err != nil {
		b.t.Fatal(err)
	}
	return b.get(u.String())
}
