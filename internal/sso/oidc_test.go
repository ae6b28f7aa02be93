package sso_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"html"
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
	"github.com/bouclier/bouclier/internal/sso/oidctest"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// oidcEnv is the application with one OpenID Connect provider, a
// zitadel/oidc provider on loopback, both started for one store target.
type oidcEnv struct {
	e     *apptest.Env
	app   string
	op    *oidctest.Server
	clock *offsetClock // the relying party's clock for tokens
}

func joint(k string) map[string]any { return map[string]any{"ENTPersonJointure": k} }

// The provider's people: Sophie has a second factor there but signs in
// with her password alone unless asked; Luc always uses his.
var opUsers = map[string]oidctest.User{
	"lea":    {Password: "op password lea", Claims: joint("AAF-ELEVE-1")},
	"hugo":   {Password: "op password hugo", Claims: joint("AAF-ELEVE-2")},
	"sophie": {Password: "op password sophie", OTP: "246810", Claims: joint("AAF-PROF-1")},
	"luc":    {Password: "op password luc", OTP: "135790", AlwaysMFA: true, Claims: joint("AAF-PROF-2")},
	"nobody": {Password: "op password nobody", Claims: joint("AAF-UNKNOWN")},
	"nokey":  {Password: "op password nokey"},
}

var opJointKeys = map[string]string{"eleve.dupont": "AAF-ELEVE-1", "eleve.durand": "AAF-ELEVE-2", "prof.martin": "AAF-PROF-1", "prof.bernard": "AAF-PROF-2"}

func openOIDC(t *testing.T, tg storetest.Target) *oidcEnv {
	t.Helper()
	ln, appURL := listen(t)
	op, err := oidctest.Start([]string{appURL + "/sso/oidc/academie/callback"}, []string{appURL + "/login?bye=1"}, opUsers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(op.Close)
	oc := &offsetClock{Clock: clockwork.NewRealClock()}
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
	sc := sso.Config{BaseURL: appURL, Clock: dsig.NewFakeClock(oc), Providers: []sso.Provider{
		{Name: "academie", Label: "Académie de Versailles", Kind: sso.OIDC, Issuer: op.Issuer, ClientID: oidctest.ClientID,
			ClientSecret: op.ClientSecret, MFA: []string{oidctest.MFA}},
	}}
	e := apptest.OpenOptions(t, tg.Name, cfg, server.Options{SSO: &sc})
	ctx := context.Background()
	for name, k := range opJointKeys {
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
	return &oidcEnv{e: e, app: appURL, op: op, clock: oc}
}

func noFollow(b *browser) *http.Client {
	c := *b.c
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// authorize starts a sign-in at the application (path: /sso/academie/login
// or a step-up start), signs in at the provider as user when it asks
// (otp: the second factor, if it asks for one) and returns the
// authorisation request the application sent and the callback URL the
// provider sends back, without following it.
func (o *oidcEnv) authorize(t *testing.T, b *browser, user, otp string) (authz, callback *url.URL) {
	t.Helper()
	nf := noFollow(b)
	res, err := nf.Get(o.app + "/sso/academie/login?next=/inbox")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if authz, err = url.Parse(res.Header.Get("Location")); err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("begin: %s %v", res.Status, err)
	}
	return authz, o.atProvider(t, b, authz, user, otp)
}

// atProvider follows the browser through the provider from authz until
// it is sent back to the application; it signs in when a form is shown.
func (o *oidcEnv) atProvider(t *testing.T, b *browser, authz *url.URL, user, otp string) *url.URL {
	t.Helper()
	nf := noFollow(b)
	next := authz
	for range 10 {
		if strings.HasPrefix(next.String(), o.app) {
			return next
		}
		var res *http.Response
		var err error
		if next.Path == "/login" && next.Query().Get("id") != "" {
			res, err = nf.Get(next.String())
			if err == nil && res.StatusCode == http.StatusOK {
				res.Body.Close()
				form := url.Values{"id": {next.Query().Get("id")}, "user": {user}, "password": {opUsers[user].Password}, "otp": {otp}}
				res, err = nf.PostForm(o.op.Issuer+"/login", form)
			}
		} else {
			res, err = nf.Get(next.String())
		}
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		loc := res.Header.Get("Location")
		if loc == "" {
			t.Fatalf("provider stopped at %s: %s", next, res.Status)
		}
		if next, err = next.Parse(loc); err != nil {
			t.Fatal(err)
		}
	}
	t.Fatalf("too many redirections at the provider")
	return nil
}

func (o *oidcEnv) signedIn(t *testing.T, b *browser) (bool, string) {
	t.Helper()
	res, body := b.get(o.app + "/inbox")
	return res.Request.URL.Path == "/inbox" && res.StatusCode == http.StatusOK, body
}

func (o *oidcEnv) cookie(b *browser, name string) *http.Cookie {
	u, _ := url.Parse(o.app)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// signIn goes all the way and checks the session opened.
func (o *oidcEnv) signIn(t *testing.T, b *browser, user, otp string) {
	t.Helper()
	_, cb := o.authorize(t, b, user, otp)
	res, body := b.get(cb.String())
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Connexion réussie") {
		t.Fatalf("callback for %s: %s %.300s", user, res.Status, body)
	}
}

func TestOIDCEndToEnd(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { testOIDCEndToEnd(t, tg) })
	}
}

func testOIDCEndToEnd(t *testing.T, tg storetest.Target) {
	o := openOIDC(t, tg)
	ctx := context.Background()

	lea := newBrowser(t)
	authz, cb := o.authorize(t, lea, "lea", "")
	q := authz.Query()
	for k, want := range map[string]string{"response_type": "code", "client_id": oidctest.ClientID, "code_challenge_method": "S256"} {
		if q.Get(k) != want {
			t.Errorf("authorisation request %s=%q, want %q", k, q.Get(k), want)
		}
	}
	for _, k := range []string{"state", "nonce", "code_challenge"} {
		if len(q.Get(k)) < 20 {
			t.Errorf("authorisation request %s=%q: missing or short", k, q.Get(k))
		}
	}
	res, body := lea.get(cb.String())
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Connexion réussie") {
		t.Fatalf("callback: %s %.500s", res.Status, body)
	}
	if ok, page := o.signedIn(t, lea); !ok || !strings.Contains(page, "Léa Dupont") {
		t.Fatal("not signed in as Léa after the callback")
	}
	u, _ := o.e.App.DB.UserByName(ctx, "eleve.dupont")
	if a, err := o.e.App.DB.SSOAccount(ctx, u.ID); err != nil || !a.Linked {
		t.Fatalf("account not linked: %+v %v", a, err)
	}

	t.Run("local password refused once linked", func(t *testing.T) {
		_, err := o.e.App.Auth.LoginWith(ctx, auth.LoginRequest{Username: "eleve.dupont", Password: apptest.Password, Client: apptest.TestClient})
		if bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Fatalf("local password of an SSO account: %v", err)
		}
	})

	t.Run("bound session", func(t *testing.T) {
		// The session is bound to the browser it was opened in, as after a
		// password login: its cookie used from another browser is moved.
		c := o.cookie(lea, "bouclier")
		if c == nil {
			t.Fatal("no session cookie")
		}
		mine, err := o.e.App.Auth.AuthenticateClient(ctx, c.Value, auth.Client{Address: "127.0.0.1", UserAgent: "Go-http-client/1.1"})
		if err != nil || mine.Moved || mine.User.Username != "eleve.dupont" {
			t.Fatalf("own browser: %+v %v", mine, err)
		}
		stolen, err := o.e.App.Auth.AuthenticateClient(ctx, c.Value, auth.Client{Address: "203.0.113.9", UserAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"})
		if err == nil && !stolen.Moved {
			t.Fatal("the SSO session's cookie works unbound from another network and browser")
		}
	})

	t.Run("staff without asserted MFA steps up before a wide send", func(t *testing.T) {
		sophie := newBrowser(t)
		o.signIn(t, sophie, "sophie", "")
		res := wideSendAt(t, o.app, sophie)
		if res.Request.URL.Path != "/step-up" {
			t.Fatalf("wide send without MFA went to %s", res.Request.URL)
		}
	})

	t.Run("staff with asserted MFA sends wide at once", func(t *testing.T) {
		luc := newBrowser(t)
		o.signIn(t, luc, "luc", opUsers["luc"].OTP)
		res := wideSendAt(t, o.app, luc)
		if res.Request.URL.Query().Get("envoye") != "1" {
			t.Fatalf("wide send with IdP MFA went to %s", res.Request.URL)
		}
	})

	t.Run("logout", func(t *testing.T) {
		_, page := lea.get(o.app + "/inbox")
		_, vals := form(t, page, "csrf")
		// Bouclier → the provider's end-session endpoint → Bouclier.
		res, body := lea.post(o.app+"/logout", vals)
		res, _ = lea.followRefresh(res, body)
		if res.Request.URL.Path != "/login" || res.Request.URL.Query().Get("bye") != "1" {
			t.Fatalf("logout ended at %s", res.Request.URL)
		}
		if ok, _ := o.signedIn(t, lea); ok {
			t.Fatal("still signed in after logout")
		}
		// The provider's own session ended too: it asks for the password.
		before := o.op.Logins()
		o.signIn(t, lea, "lea", "")
		if o.op.Logins() != before+1 {
			t.Fatal("the provider's session survived the logout")
		}
	})
}

func TestOIDCRefusals(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { testOIDCRefusals(t, tg) })
	}
}

func testOIDCRefusals(t *testing.T, tg storetest.Target) {
	o := openOIDC(t, tg)
	ctx := context.Background()
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	// Léa's provider subject is linked to her account first.
	o.signIn(t, newBrowser(t), "lea", "")

	setParam := func(u *url.URL, k, v string) *url.URL {
		c := *u
		q := c.Query()
		q.Set(k, v)
		c.RawQuery = q.Encode()
		return &c
	}
	type answer struct {
		b  *browser
		cb *url.URL
	}
	normal := func(user string) func(t *testing.T) answer {
		return func(t *testing.T) answer {
			b := newBrowser(t)
			_, cb := o.authorize(t, b, user, "")
			return answer{b, cb}
		}
	}
	tampered := func(tp *oidctest.Tamper) func(t *testing.T) answer {
		return func(t *testing.T) answer {
			o.op.SetTamper(tp)
			t.Cleanup(func() { o.op.SetTamper(nil) })
			return normal("hugo")(t)
		}
	}
	cases := []struct {
		name   string
		answer func(t *testing.T) answer
		status int
	}{
		{"bad state", func(t *testing.T) answer {
			a := normal("hugo")(t)
			a.cb = setParam(a.cb, "state", "forged-state-forged-state")
			return a
		}, http.StatusUnauthorized},
		{"replayed code", func(t *testing.T) answer {
			// The code and the flow cookie of a sign-in that went through,
			// replayed by someone who copied both.
			first := newBrowser(t)
			_, cb := o.authorize(t, first, "hugo", "")
			flow := o.cookie(first, "bouclier-sso")
			if res, _ := first.get(cb.String()); res.StatusCode != http.StatusOK {
				t.Fatalf("first use: %s", res.Status)
			}
			thief := newBrowser(t)
			au, _ := url.Parse(o.app)
			thief.c.Jar.SetCookies(au, []*http.Cookie{{Name: flow.Name, Value: flow.Value, Path: "/"}})
			return answer{thief, cb}
		}, http.StatusUnauthorized},
		{"wrong nonce", tampered(&oidctest.Tamper{Nonce: "nonce-of-another-flow"}), http.StatusUnauthorized},
		{"expired id_token", func(t *testing.T) answer {
			a := normal("hugo")(t)
			o.clock.off.Store(int64(10 * time.Minute)) // past the 5 min lifetime and the 2 min skew
			t.Cleanup(func() { o.clock.off.Store(0) })
			return a
		}, http.StatusUnauthorized},
		{"forged signature", tampered(&oidctest.Tamper{Key: other}), http.StatusUnauthorized},
		{"signed with another key", tampered(&oidctest.Tamper{Key: other, KeyID: "rogue"}), http.StatusUnauthorized},
		{"wrong audience", tampered(&oidctest.Tamper{Audience: "another-client"}), http.StatusUnauthorized},
		{"wrong issuer", tampered(&oidctest.Tamper{Issuer: "http://127.0.0.1:9/rogue"}), http.StatusUnauthorized},
		{"no joint key claim", normal("nokey"), http.StatusUnauthorized},
		{"provider error", func(t *testing.T) answer {
			a := normal("hugo")(t)
			a.cb = setParam(a.cb, "error", "access_denied")
			return a
		}, http.StatusUnauthorized},
		{"no flow cookie (login CSRF)", func(t *testing.T) answer {
			a := normal("hugo")(t)
			return answer{newBrowser(t), a.cb}
		}, http.StatusUnauthorized},
		{"expired flow", func(t *testing.T) answer {
			a := normal("hugo")(t)
			o.e.Clock.Advance(sso.FlowTTL + time.Minute)
			return a
		}, http.StatusUnauthorized},
		{"unknown subject", normal("nobody"), http.StatusForbidden},
		{"subject linked to another account", tampered(&oidctest.Tamper{Claims: joint("AAF-PROF-1")}), http.StatusForbidden},
		{"disabled account", func(t *testing.T) answer {
			a := normal("hugo")(t)
			u, err := o.e.App.DB.UserByName(ctx, "eleve.durand")
			if err != nil {
				t.Fatal(err)
			}
			if err := o.e.App.DB.InTx(ctx, func(tx *store.Tx) error { _, err := tx.CloseUser(ctx, u.ID, o.e.Clock.Now()); return err }); err != nil {
				t.Fatal(err)
			}
			return a
		}, http.StatusForbidden},
	}
	// "subject linked to another account" runs as hugo with Sophie's key:
	// hugo's subject must be linked first, by a normal sign-in.
	o.signIn(t, newBrowser(t), "hugo", "")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := c.answer(t)
			res, body := a.b.get(a.cb.String())
			if res.StatusCode != c.status {
				t.Fatalf("status %s, want %d: %.300s", res.Status, c.status, body)
			}
			if ok, _ := o.signedIn(t, a.b); ok {
				t.Fatal("a refused answer opened a session")
			}
		})
	}

	t.Run("missing PKCE verifier", func(t *testing.T) {
		// A code taken from the callback is worth nothing without the
		// verifier only the flow cookie holds: the provider refuses it.
		_, cb := o.authorize(t, newBrowser(t), "lea", "")
		form := url.Values{"grant_type": {"authorization_code"}, "code": {cb.Query().Get("code")},
			"redirect_uri": {o.app + "/sso/oidc/academie/callback"}}
		req, _ := http.NewRequest(http.MethodPost, o.op.Issuer+"/oauth/token", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(oidctest.ClientID, o.op.ClientSecret)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("token without verifier: %s", res.Status)
		}
	})
}

// wideSendAt posts a message to a whole class from the compose page.
func wideSendAt(t *testing.T, app string, b *browser) *http.Response {
	t.Helper()
	return wideSend(t, &samlEnv{app: app}, b)
}

func TestOIDCStepUp(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { testOIDCStepUp(t, tg) })
	}
}

// stepUpAtProvider sends a wide message from a session Sophie opened with
// her provider password alone, and starts the step-up the page offers at
// the provider. It returns the authorisation request.
func (o *oidcEnv) stepUpAtProvider(t *testing.T, b *browser) *url.URL {
	t.Helper()
	res := wideSendAt(t, o.app, b)
	if res.Request.URL.Path != "/step-up" {
		t.Fatalf("wide send without MFA went to %s", res.Request.URL)
	}
	_, page := b.get(res.Request.URL.String())
	if !strings.Contains(page, "Confirmer auprès de votre fournisseur d’identité") || !strings.Contains(page, `name="code"`) {
		t.Fatalf("the step-up page offers neither the provider nor the code: %.2000s", page)
	}
	action, vals := form(t, page, "draft")
	if action != "/sso/step-up" {
		t.Fatalf("first form posts to %s", action)
	}
	// The form's answer is a page of this origin that sends the browser
	// on (a redirection would break CSP form-action 'self').
	res, body := b.do(postReq(o.app+action, vals))
	i := strings.Index(body, `content="0;url=`)
	if res.StatusCode != http.StatusOK || i < 0 {
		t.Fatalf("step-up start: %s %.300s", res.Status, body)
	}
	rest := body[i+len(`content="0;url=`):]
	authz, err := url.Parse(html.UnescapeString(rest[:strings.IndexByte(rest, '"')]))
	if err != nil {
		t.Fatal(err)
	}
	return authz
}

func testOIDCStepUp(t *testing.T, tg storetest.Target) {
	o := openOIDC(t, tg)
	sophieOTP := opUsers["sophie"].OTP

	t.Run("fresh authentication with a second factor sends the draft", func(t *testing.T) {
		b := newBrowser(t)
		o.signIn(t, b, "sophie", "")
		authz := o.stepUpAtProvider(t, b)
		q := authz.Query()
		if q.Get("prompt") != "login" || q.Get("max_age") != "0" || q.Get("acr_values") != oidctest.MFA {
			t.Fatalf("step-up request without prompt=login, max_age=0, acr_values: %s", authz)
		}
		// The provider's session is open, yet it asks again.
		before := o.op.Logins()
		cb := o.atProvider(t, b, authz, "sophie", sophieOTP)
		if o.op.Logins() != before+1 {
			t.Fatal("the provider did not authenticate again")
		}
		res, body := b.get(cb.String())
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `url=/sso/step-up/done?`) {
			t.Fatalf("callback of the step-up: %s %.300s", res.Status, body)
		}
		// The page sends the browser on from this origin (meta refresh).
		done := strings.ReplaceAll(body[strings.Index(body, "url=")+4:strings.Index(body, `"><title>`)], "&amp;", "&")
		res, body = b.get(o.app + done)
		if res.Request.URL.Query().Get("envoye") != "1" {
			t.Fatalf("after the step-up at the provider: %s %s %.300s", res.Request.URL, res.Status, body)
		}
		// The session is stepped up: the next wide send goes at once.
		if res := wideSendAt(t, o.app, b); res.Request.URL.Query().Get("envoye") != "1" {
			t.Fatalf("second wide send went to %s", res.Request.URL)
		}
	})

	refused := []struct {
		name   string
		tamper *oidctest.Tamper
	}{
		{"no second factor asserted", &oidctest.Tamper{AMR: []string{"pwd"}, ACR: oidctest.PwdACR}},
		{"authentication older than the request", &oidctest.Tamper{AuthTime: func() time.Time { return time.Now().Add(-10 * time.Minute) }}},
		{"no auth_time", &oidctest.Tamper{AuthTime: func() time.Time { return time.Time{} }}},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			b := newBrowser(t)
			o.signIn(t, b, "sophie", "")
			authz := o.stepUpAtProvider(t, b)
			o.op.SetTamper(c.tamper)
			defer o.op.SetTamper(nil)
			cb := o.atProvider(t, b, authz, "sophie", sophieOTP)
			if res, _ := b.get(cb.String()); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("step-up answer: %s", res.Status)
			}
			o.op.SetTamper(nil)
			if res := wideSendAt(t, o.app, b); res.Request.URL.Path != "/step-up" {
				t.Fatalf("a refused step-up let a wide send through: %s", res.Request.URL)
			}
		})
	}

	t.Run("answer for another session", func(t *testing.T) {
		// Sophie's answer, moved into another of her sessions' browsers.
		mine, other := newBrowser(t), newBrowser(t)
		o.signIn(t, mine, "sophie", "")
		o.signIn(t, other, "sophie", "")
		cb := o.atProvider(t, other, o.stepUpAtProvider(t, other), "sophie", sophieOTP)
		nf := noFollow(other)
		res, err := nf.Get(cb.String())
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		answer := o.cookie(other, "bouclier-stepup")
		if answer == nil {
			t.Fatal("no step-up answer cookie")
		}
		au, _ := url.Parse(o.app)
		mine.c.Jar.SetCookies(au, []*http.Cookie{{Name: answer.Name, Value: answer.Value, Path: "/"}})
		if res, _ := mine.get(o.app + "/sso/step-up/done?next=/inbox"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("another session's answer: %s", res.Status)
		}
		if res := wideSendAt(t, o.app, mine); res.Request.URL.Path != "/step-up" {
			t.Fatalf("another session's answer stepped this one up: %s", res.Request.URL)
		}
	})
}

func postReq(u string, form url.Values) *http.Request {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}
