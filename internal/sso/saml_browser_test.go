package sso_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/sso"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// chromiumBin returns the browser, skipping when there is none except on
// CI, where the browser tests must run.
func chromiumBin(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed (apt-get install chromium) and CI is set: the browser tests must run")
	}
	t.Skip("Chromium is not installed: TestSAMLInChromium skipped (apt-get install -y chromium)")
	return ""
}

// TestSAMLInChromium signs in through the SAML identity provider in a real
// browser: both over HTTPS with self-signed certificates, on two sites
// (https://127.0.0.1:PORT and https://idp.localhost:PORT), so the IdP's
// cross-site POST to the ACS must carry the flow cookie the way a browser
// sends it (SameSite=None; Secure, __Host- prefix), then single logout.
func TestSAMLInChromium(t *testing.T) {
	bin := chromiumBin(t)
	tg := storetest.Targets(t)[0]
	idp := startIdPOn(t, "", idpPeople, true)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	appURL := "https://" + ln.Addr().String()
	key, cert := keyPair(t, "bouclier sp")
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, true
	sc := sso.Config{BaseURL: appURL, Key: key, Cert: cert, HTTPClient: idp.http.Client(), Providers: []sso.Provider{
		{Name: "educonnect", Label: "ÉduConnect", Kind: sso.SAML, MetadataURL: idp.http.URL + "/metadata", MFA: []string{mfaClass}},
	}}
	e := apptest.OpenOptions(t, tg.Name, cfg, server.Options{SSO: &sc})
	ctx := context.Background()
	u, err := e.App.DB.UserByName(ctx, "eleve.dupont")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.SetExternalID(ctx, u.ID, jointKeys["eleve.dupont"]) }); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(e.Handler())
	srv.Listener.Close()
	srv.Listener = ln
	srv.StartTLS()
	t.Cleanup(srv.Close)
	res, err := srv.Client().Get(appURL + "/sso/saml/educonnect/metadata")
	if err != nil {
		t.Fatal(err)
	}
	meta, _ := io.ReadAll(res.Body)
	res.Body.Close()
	idp.register(t, meta)

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("ignore-certificate-errors", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("lang", "fr-FR"), chromedp.UserDataDir(t.TempDir()))
	t.Cleanup(cancel)
	bctx, cancel2 := chromedp.NewContext(alloc)
	t.Cleanup(cancel2)
	bctx, cancel3 := context.WithTimeout(bctx, 3*time.Minute)
	t.Cleanup(cancel3)
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	// waitFor waits until the page's URL satisfies ok (the redirections,
	// auto-posted forms and refreshes run on their own) and that page has
	// loaded: read earlier, its text may stop after the first bytes.
	waitFor := func(what string, ok func(*url.URL) bool) *url.URL {
		t.Helper()
		var last string
		for range 200 {
			loc, err := chromedp.Run(bctx, chromedp.Location())
			if err == nil {
				last = loc
				if u, err := url.Parse(loc); err == nil && ok(u) {
					if done, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.readyState === "complete"`)); err == nil && done {
						return u
					}
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: the browser stays at %s", what, last)
		return nil
	}
	_, port, _ := net.SplitHostPort(idp.http.Listener.Addr().String())
	idpOrigin := "https://idp.localhost:" + port

	// Léa already has a session at her IdP (samlidp's own login form
	// re-posts the request without its redirect signature).
	do(chromedp.Navigate(idpOrigin + "/sessions/"))
	status, err := chromedp.Run(bctx, chromedp.Evaluate[int](`fetch("/login", {method: "POST", body: new URLSearchParams({user: "lea", password: "idp password lea"})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
	if err != nil || status != http.StatusOK {
		t.Fatalf("IdP login: %d %v", status, err)
	}

	// On Bouclier's login page she picks ÉduConnect: signed AuthnRequest
	// → IdP → signed, encrypted assertion posted cross-site to the ACS.
	do(chromedp.Navigate(appURL+"/login"), chromedp.WaitVisible(chromedp.CSS(`a[href^="/sso/educonnect/login"]`)),
		chromedp.Click(chromedp.CSS(`a[href^="/sso/educonnect/login"]`)))
	waitFor("sign-in", func(u *url.URL) bool { return u.Host == ln.Addr().String() && u.Path == "/inbox" })
	name, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.textContent`))
	if err != nil || !strings.Contains(name, "Léa Dupont") {
		t.Fatalf("inbox after the SAML sign-in: %v %.300s", err, name)
	}
	if a, err := e.App.DB.SSOAccount(ctx, u.ID); err != nil || !a.Linked {
		t.Fatalf("account not linked: %+v %v", a, err)
	}

	// Single logout from the page: Bouclier → IdP → Bouclier.
	do(chromedp.Click(chromedp.CSS("form.logout button")))
	waitFor("logout", func(u *url.URL) bool {
		return u.Host == ln.Addr().String() && u.Path == "/login" && u.Query().Get("bye") == "1"
	})
	do(chromedp.Navigate(appURL + "/inbox"))
	waitFor("after logout", func(u *url.URL) bool { return u.Path == "/login" })
}
