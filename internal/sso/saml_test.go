package sso_test

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/sso"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

const mfaClass = "https://refeds.org/profile/mfa"

// samlEnv is the application with one SAML provider, a crewjam/saml IdP on
// loopback, both started for one store target.
type samlEnv struct {
	e     *apptest.Env
	app   string // the application's URL
	idp   *directoryIdP
	clock *offsetClock // the service provider's clock
	meta  []byte       // the service provider's metadata
}

var idpPeople = map[string]person{
	"lea":    {joint: "AAF-ELEVE-1", classRef: "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"},
	"sophie": {joint: "AAF-PROF-1", classRef: "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"},
	"luc":    {joint: "AAF-PROF-2", classRef: mfaClass},
	"nobody": {joint: "AAF-UNKNOWN"},
}

// joint keys of demo accounts, as the directory import would set them.
var jointKeys = map[string]string{"eleve.dupont": "AAF-ELEVE-1", "prof.martin": "AAF-PROF-1", "prof.bernard": "AAF-PROF-2"}

func openSAML(t *testing.T, tg storetest.Target) *samlEnv {
	t.Helper()
	idp := startIdP(t, "", idpPeople)
	ln, appURL := listen(t)
	key, cert := keyPair(t, "bouclier sp")
	oc := &offsetClock{Clock: clockwork.NewRealClock()}
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
	sc := sso.Config{BaseURL: appURL, Key: key, Cert: cert, Clock: dsig.NewFakeClock(oc), Providers: []sso.Provider{
		{Name: "educonnect", Label: "ÉduConnect", Kind: sso.SAML, MetadataURL: idp.http.URL + "/metadata", MFA: []string{mfaClass}},
	}}
	e := apptest.OpenOptions(t, tg.Name, cfg, server.Options{SSO: &sc})
	ctx := context.Background()
	for name, k := range jointKeys {
		u, err := e.App.DB.UserByName(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.SetExternalID(ctx, u.ID, k) }); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewUnstartedServer(e.Handler())
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	s := &samlEnv{e: e, app: appURL, idp: idp, clock: oc}
	res, body := newBrowser(t).get(appURL + "/sso/saml/educonnect/metadata")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("metadata: %s", res.Status)
	}
	s.meta = []byte(body)
	idp.register(t, s.meta)
	return s
}

// startLogin begins a sign-in at the application and returns the
// (signed) AuthnRequest URL it sends the browser to.
func (s *samlEnv) startLogin(t *testing.T, b *browser) *url.URL {
	t.Helper()
	nofollow := *b.c
	nofollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := nofollow.Get(s.app + "/sso/educonnect/login?next=/inbox")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, err := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusSeeOther || err != nil {
		t.Fatalf("begin: %s %v", res.Status, err)
	}
	return loc
}

// idpLogin signs user in at the IdP (host: where the IdP answers), then
// follows the signed AuthnRequest (HTTP-Redirect binding) there, and
// returns the response form the IdP gives the browser to post to the
// application, without posting it. (samlidp's login form re-posts a
// request without its redirect signature, so the person signs in at the
// IdP first, as with an ÉduConnect session already open.)
func (s *samlEnv) idpLogin(t *testing.T, b *browser, authn *url.URL, host, user string) (string, url.Values) {
	t.Helper()
	res, _ := b.post("http://"+host+"/login", url.Values{"user": {user}, "password": {"idp password " + user}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("IdP login %s: %s", user, res.Status)
	}
	authn.Host = host
	_, page := b.get(authn.String())
	return form(t, page, "SAMLResponse")
}

func (s *samlEnv) flowCookie(b *browser) *http.Cookie {
	u, _ := url.Parse(s.app)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == "bouclier-sso" {
			return c
		}
	}
	return nil
}

func (s *samlEnv) signedIn(t *testing.T, b *browser) (bool, string) {
	t.Helper()
	res, body := b.get(s.app + "/inbox")
	return res.Request.URL.Path == "/inbox" && res.StatusCode == http.StatusOK, body
}

func TestSAMLEndToEnd(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { testSAML(t, tg) })
	}
}

func testSAML(t *testing.T, tg storetest.Target) {
	s := openSAML(t, tg)
	ctx := context.Background()
	idpHost := strings.TrimPrefix(s.idp.http.URL, "http://")

	t.Run("metadata", func(t *testing.T) {
		m := string(s.meta)
		for _, want := range []string{`AuthnRequestsSigned="true"`, `use="encryption"`, `use="signing"`, "/sso/saml/educonnect/acs", "/sso/saml/educonnect/slo"} {
			if !strings.Contains(m, want) {
				t.Errorf("metadata lacks %s", want)
			}
		}
	})

	// Léa signs in through the IdP: the request is signed, the assertion
	// encrypted and signed, her joint key finds her account.
	lea := newBrowser(t)
	authn := s.startLogin(t, lea)
	q := authn.Query()
	if q.Get("SAMLRequest") == "" || q.Get("Signature") == "" || !strings.Contains(q.Get("SigAlg"), "rsa-sha256") {
		t.Fatalf("AuthnRequest not signed: %s", authn)
	}
	acs, resp := s.idpLogin(t, lea, authn, idpHost, "lea")
	if !strings.HasSuffix(acs, "/sso/saml/educonnect/acs") {
		t.Fatalf("IdP posts to %s", acs)
	}
	if !strings.Contains(decode64(t, resp.Get("SAMLResponse")), "EncryptedAssertion") {
		t.Errorf("the IdP did not encrypt the assertion")
	}
	flow := s.flowCookie(lea)
	if flow == nil {
		t.Fatal("no flow cookie")
	}
	res, body := lea.post(acs, resp)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Connexion réussie") {
		t.Fatalf("ACS: %s %.500s", res.Status, body)
	}
	if ok, page := s.signedIn(t, lea); !ok || !strings.Contains(page, "Léa Dupont") {
		t.Fatalf("not signed in as Léa after the ACS")
	}
	u, _ := s.e.App.DB.UserByName(ctx, "eleve.dupont")
	if a, err := s.e.App.DB.SSOAccount(ctx, u.ID); err != nil || !a.Linked {
		t.Fatalf("account not linked: %+v %v", a, err)
	}

	t.Run("local password refused once linked", func(t *testing.T) {
		_, err := s.e.App.Auth.LoginWith(ctx, auth.LoginRequest{Username: "eleve.dupont", Password: apptest.Password, Client: apptest.TestClient})
		if bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Fatalf("local password of an SSO account: %v", err)
		}
	})

	t.Run("replayed assertion refused", func(t *testing.T) {
		// The same response with the same flow cookie: only the replay
		// record, kept in the store, stands in the way.
		thief := newBrowser(t)
		au, _ := url.Parse(s.app)
		thief.c.Jar.SetCookies(au, []*http.Cookie{{Name: flow.Name, Value: flow.Value, Path: "/"}})
		res, _ := thief.post(acs, resp)
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("replay: %s", res.Status)
		}
		if ok, _ := s.signedIn(t, thief); ok {
			t.Fatal("replay opened a session")
		}
	})

	t.Run("forged signature refused", func(t *testing.T) {
		// A rogue IdP that calls itself by the real one's URL and signs
		// with its own key.
		rogue := startIdP(t, s.idp.http.URL, idpPeople)
		rogue.register(t, s.meta)
		b := newBrowser(t)
		acs, resp := s.idpLogin(t, b, s.startLogin(t, b), strings.TrimPrefix(rogue.http.URL, "http://"), "luc")
		res, _ := b.post(acs, resp)
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("forged: %s", res.Status)
		}
		if ok, _ := s.signedIn(t, b); ok {
			t.Fatal("a forged response opened a session")
		}
	})

	t.Run("unknown joint key refused", func(t *testing.T) {
		b := newBrowser(t)
		acs, resp := s.idpLogin(t, b, s.startLogin(t, b), idpHost, "nobody")
		if res, _ := b.post(acs, resp); res.StatusCode != http.StatusForbidden {
			t.Fatalf("unknown person: %s", res.Status)
		}
	})

	t.Run("staff without asserted MFA steps up before a wide send", func(t *testing.T) {
		sophie := newBrowser(t)
		acs, resp := s.idpLogin(t, sophie, s.startLogin(t, sophie), idpHost, "sophie")
		if res, _ := sophie.post(acs, resp); res.StatusCode != http.StatusOK {
			t.Fatalf("ACS: %s", res.Status)
		}
		res := wideSend(t, s, sophie)
		if res.Request.URL.Path != "/step-up" {
			t.Fatalf("wide send without MFA went to %s", res.Request.URL)
		}
		_, page := sophie.get(res.Request.URL.String())
		action, vals := form(t, page, "code")
		code, err := auth.TOTPCode(apptest.TOTPSecret, s.e.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		vals.Set("code", code)
		res, _ = sophie.post(s.app+action, vals)
		if res.Request.URL.Path == "/step-up" || res.Request.URL.Query().Get("envoye") != "1" {
			t.Fatalf("after step-up: %s", res.Request.URL)
		}
	})

	t.Run("staff with asserted MFA sends wide at once", func(t *testing.T) {
		luc := newBrowser(t)
		acs, resp := s.idpLogin(t, luc, s.startLogin(t, luc), idpHost, "luc")
		if res, _ := luc.post(acs, resp); res.StatusCode != http.StatusOK {
			t.Fatalf("ACS: %s", res.Status)
		}
		res := wideSend(t, s, luc)
		if res.Request.URL.Query().Get("envoye") != "1" {
			t.Fatalf("wide send with IdP MFA went to %s", res.Request.URL)
		}
	})

	t.Run("single logout", func(t *testing.T) {
		_, page := lea.get(s.app + "/inbox")
		_, vals := form(t, page, "csrf")
		res, body := lea.post(s.app+"/logout", vals)
		res, _ = lea.followRefresh(res, body)
		// Bouclier → IdP (signed LogoutRequest) → Bouclier (signed
		// LogoutResponse, checked) → login page.
		if res.Request.URL.Path != "/login" || res.Request.URL.Query().Get("bye") != "1" {
			t.Fatalf("logout ended at %s", res.Request.URL)
		}
		if ok, _ := s.signedIn(t, lea); ok {
			t.Fatal("still signed in after logout")
		}
		// The IdP's own session ended too: it asks for the password again.
		_, page = lea.get(s.startLogin(t, lea).String())
		if !strings.Contains(page, `name="password"`) {
			t.Fatalf("IdP session survived the logout: %.300s", page)
		}
	})

	t.Run("expired assertion refused", func(t *testing.T) {
		b := newBrowser(t)
		acs, resp := s.idpLogin(t, b, s.startLogin(t, b), idpHost, "sophie")
		s.clock.off.Store(int64(10 * time.Minute)) // past MaxIssueDelay and the skew
		defer s.clock.off.Store(0)
		if res, _ := b.post(acs, resp); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("expired: %s", res.Status)
		}
	})
}

// wideSend posts a message to a whole class from the compose page.
func wideSend(t *testing.T, s *samlEnv, b *browser) *http.Response {
	t.Helper()
	_, page := b.get(s.app + "/compose")
	_, vals := form(t, page, "subject")
	class := ""
	for _, v := range strings.Split(page, `value="`) {
		if strings.HasPrefix(v, "class:") {
			class = v[:strings.IndexByte(v, '"')]
			break
		}
	}
	if class == "" {
		t.Fatalf("no class offered on the compose page")
	}
	vals.Set("to", class)
	vals.Set("subject", "Sortie au musée")
	vals.Set("body", "Bonjour, la sortie au musée aura lieu jeudi. Merci de signer l’autorisation.")
	res, _ := b.post(s.app+"/compose", vals)
	return res
}

// TestSAMLStepUpRequest: the step-up of a session a SAML provider opened
// without a second factor asks the provider for a new authentication
// (ForceAuthn) with the configured MFA context, and the real IdP indeed
// asks for the password again instead of answering from its session.
// (samlidp's login form re-posts the request without its redirect
// signature, so the answer itself is tested with the OIDC provider.)
func TestSAMLStepUpRequest(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			s := openSAML(t, tg)
			idpHost := strings.TrimPrefix(s.idp.http.URL, "http://")
			sophie := newBrowser(t)
			acs, resp := s.idpLogin(t, sophie, s.startLogin(t, sophie), idpHost, "sophie")
			if res, _ := sophie.post(acs, resp); res.StatusCode != http.StatusOK {
				t.Fatalf("ACS: %s", res.Status)
			}
			_, page := sophie.get(s.app + "/step-up?next=/account")
			action, vals := form(t, page, "next")
			if action != "/sso/step-up" {
				t.Fatalf("the step-up page does not offer the provider first (form to %s)", action)
			}
			res, body := sophie.do(postReq(s.app+action, vals))
			i := strings.Index(body, `content="0;url=`)
			if res.StatusCode != http.StatusOK || i < 0 {
				t.Fatalf("step-up start: %s %.300s", res.Status, body)
			}
			rest := body[i+len(`content="0;url=`):]
			authn, err := url.Parse(html.UnescapeString(rest[:strings.IndexByte(rest, '"')]))
			if err != nil {
				t.Fatal(err)
			}
			req := inflate(t, authn.Query().Get("SAMLRequest"))
			for _, want := range []string{`ForceAuthn="true"`, "RequestedAuthnContext", mfaClass} {
				if !strings.Contains(req, want) {
					t.Errorf("step-up AuthnRequest lacks %s: %s", want, req)
				}
			}
			if authn.Query().Get("Signature") == "" {
				t.Error("step-up AuthnRequest not signed")
			}
			// Sophie's IdP session is open: without ForceAuthn it would
			// answer at once.
			_, page = sophie.get(authn.String())
			if !strings.Contains(page, `name="password"`) || strings.Contains(page, "SAMLResponse") {
				t.Fatalf("the IdP answered from its session: %.300s", page)
			}
		})
	}
}

func inflate(t *testing.T, s string) string {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(flate.NewReader(bytes.NewReader(b)))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
