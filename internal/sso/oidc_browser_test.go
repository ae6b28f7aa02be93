package sso_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/sso"
	"github.com/bouclier/bouclier/internal/sso/oidctest"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestOIDCStepUpInChromium: Sophie signs in through her académie's OpenID
// Connect provider (another site: op.localhost) in a real browser, with
// her password alone; the step-up page sends her back to the provider,
// which asks again with her second factor, and her session is stepped
// up: the SameSite cookies, the pages that send the browser on and the
// CSP of a real browser all in the way.
func TestOIDCStepUpInChromium(t *testing.T) {
	bin := chromiumBin(t)
	tg := storetest.Targets(t)[0]
	ln, appURL := listen(t)
	op, err := oidctest.StartHost("op.localhost", []string{appURL + "/sso/oidc/academie/callback"}, []string{appURL + "/login?bye=1"}, opUsers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(op.Close)
	// The application reaches op.localhost on loopback, as the browser does.
	dial := &net.Dialer{Timeout: 5 * time.Second}
	client := &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if strings.HasPrefix(addr, "op.localhost:") {
				addr = op.Addr
			}
			return dial.DialContext(ctx, network, addr)
		}}}
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
	sc := sso.Config{BaseURL: appURL, HTTPClient: client, Providers: []sso.Provider{
		{Name: "academie", Label: "Académie de Versailles", Kind: sso.OIDC, Issuer: op.Issuer, ClientID: oidctest.ClientID,
			ClientSecret: op.ClientSecret, MFA: []string{oidctest.MFA}},
	}}
	e := apptest.OpenOptions(t, tg.Name, cfg, server.Options{SSO: &sc})
	ctx := context.Background()
	u, err := e.App.DB.UserByName(ctx, "prof.martin")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.SetExternalID(ctx, u.ID, "AAF-PROF-1") }); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(e.Handler())
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-quic", true),
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
	appHost := ln.Addr().String()
	waitFor := func(what string, ok func(*url.URL) bool) {
		t.Helper()
		var last string
		for range 200 {
			if loc, err := chromedp.Run(bctx, chromedp.Location()); err == nil {
				last = loc
				if u, err := url.Parse(loc); err == nil && ok(u) {
					return
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: the browser stays at %s", what, last)
	}
	atProvider := func(otp string) {
		t.Helper()
		waitFor("provider's login form", func(u *url.URL) bool { return u.Hostname() == "op.localhost" && u.Path == "/login" })
		do(chromedp.WaitVisible(chromedp.CSS(`input[name="user"]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name="user"]`), "sophie"),
			chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), opUsers["sophie"].Password),
			chromedp.SendKeys(chromedp.CSS(`input[name="otp"]`), otp),
			chromedp.Click(chromedp.CSS(`form button`)))
	}

	do(chromedp.Navigate(appURL+"/login"), chromedp.WaitVisible(chromedp.CSS(`a[href^="/sso/academie/login"]`)),
		chromedp.Click(chromedp.CSS(`a[href^="/sso/academie/login"]`)))
	atProvider("")
	waitFor("sign-in", func(u *url.URL) bool { return u.Host == appHost && u.Path == "/inbox" })

	// A privileged page asks for a recent check: the provider confirms.
	before := op.Logins()
	do(chromedp.Navigate(appURL+"/step-up?next=/account"),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/sso/step-up"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/sso/step-up"] button`)))
	atProvider(opUsers["sophie"].OTP)
	waitFor("step-up", func(u *url.URL) bool { return u.Host == appHost && u.Path == "/account" })
	if op.Logins() != before+1 {
		t.Fatal("the provider did not authenticate Sophie again")
	}
	entries, err := e.App.DB.AuditRecent(ctx, "session.step_up", 0, 10)
	if err != nil || len(entries) != 1 || !strings.Contains(entries[0].Detail, "via=academie") || entries[0].Actor != "prof.martin" {
		t.Fatalf("step-up at the provider not recorded: %+v %v", entries, err)
	}
}
