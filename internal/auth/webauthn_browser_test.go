package auth_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	cdpwebauthn "github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
)

// testPage drives the API's passkey ceremonies with the browser's
// navigator.credentials, as the real login page will.
const testPage = `<!doctype html><meta charset="utf-8"><title>passkeys</title><script>
const dec = s => Uint8Array.from(atob(s.replace(/-/g,'+').replace(/_/g,'/') + '==='.slice((s.length+3)%4)), c => c.charCodeAt(0));
const enc = b => b ? btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g,'-').replace(/\//g,'_').replace(/=+$/,'') : null;
async function api(method, path, token, body) {
  const h = {'Content-Type': 'application/json'};
  if (token) h['Authorization'] = 'Bearer ' + token;
  const r = await fetch(path, {method, headers: h, body: body ? JSON.stringify(body) : undefined});
  return {status: r.status, body: await r.json().catch(() => null)};
}
async function create(o) {
  const pk = o.publicKey;
  pk.challenge = dec(pk.challenge); pk.user.id = dec(pk.user.id);
  (pk.excludeCredentials || []).forEach(c => c.id = dec(c.id));
  const c = await navigator.credentials.create({publicKey: pk});
  return {id: c.id, rawId: enc(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
    clientExtensionResults: c.getClientExtensionResults(),
    response: {clientDataJSON: enc(c.response.clientDataJSON), attestationObject: enc(c.response.attestationObject),
      transports: c.response.getTransports ? c.response.getTransports() : []}};
}
async function get(o) {
  const pk = o.publicKey;
  pk.challenge = dec(pk.challenge);
  (pk.allowCredentials || []).forEach(c => c.id = dec(c.id));
  const c = await navigator.credentials.get({publicKey: pk});
  return {id: c.id, rawId: enc(c.rawId), type: c.type, authenticatorAttachment: c.authenticatorAttachment,
    clientExtensionResults: c.getClientExtensionResults(),
    response: {clientDataJSON: enc(c.response.clientDataJSON), authenticatorData: enc(c.response.authenticatorData),
      signature: enc(c.response.signature), userHandle: enc(c.response.userHandle)}};
}
async function flow(user, password, otp) {
  const out = {};
  let r = await api('POST', '/api/v1/session', null, {username: user, password, otp});
  out.login = r.status; const token = r.body.token;
  r = await api('POST', '/api/v1/me/factors/passkeys/options', token);
  out.regOptions = r.status;
  const cred = await create(r.body.options);
  r = await api('POST', '/api/v1/me/factors/passkeys', token, {challenge_id: r.body.challenge_id, credential: cred, name: 'Clé de test'});
  out.register = r.status; out.recovery = (r.body.recovery_codes || []).length;
  r = await api('GET', '/api/v1/me/factors', token);
  out.passkeys = r.body.passkeys.length;
  r = await api('POST', '/api/v1/session/passkey-options');
  out.loginOptions = r.status;
  let a = await get(r.body.options);
  const challenge = r.body.challenge_id;
  r = await api('POST', '/api/v1/session', null, {username: user, password, webauthn: {challenge_id: challenge, credential: a}});
  out.passkeyLogin = r.status; const token2 = r.body.token;
  r = await api('POST', '/api/v1/session', null, {username: user, password, webauthn: {challenge_id: challenge, credential: a}});
  out.replayed = r.status;
  r = await api('POST', '/api/v1/session/step-up/options', token2);
  a = await get(r.body.options);
  r = await api('POST', '/api/v1/session/step-up', token2, {webauthn: {challenge_id: r.body.challenge_id, credential: a}});
  out.stepUp = r.status;
  r = await api('POST', '/api/v1/session/passkey-options');
  a = await get(r.body.options);
  r = await api('POST', '/api/v1/session', null, {username: 'prof.bernard', password, webauthn: {challenge_id: r.body.challenge_id, credential: a}});
  out.otherAccount = r.status;
  return out;
}
</script>`

// TestPasskeysInChromium registers a passkey and uses it to log in and to
// step up, in Chromium with a virtual authenticator (CTAP2, internal,
// resident key, user verification), on http://localhost with RP ID
// localhost.
func TestPasskeysInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is required under CI")
		}
		t.Skip("chromium not installed")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	cfg := config.Default()
	cfg.DataDir, cfg.SecureCookie = t.TempDir(), false
	cfg.PublicURL = fmt.Sprintf("http://localhost:%d", port)
	e := apptest.OpenConfig(t, "sqlite", cfg)
	e.Clock.Set(time.Now()) // the library checks ceremony expiry on the real clock
	app := e.Handler()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /passkeys", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(testPage))
	})
	mux.Handle("/", app)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln) //nolint:errcheck
	t.Cleanup(func() { srv.Close() })

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()))
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(alloc)
	defer cancel2()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	ctx, cancel3 := context.WithTimeout(ctx, 60*time.Second)
	defer cancel3()
	if err := chromedp.Do(ctx, chromedp.Navigate(cfg.PublicURL+"/passkeys"),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			if _, err := chromedp.Call(ctx, cdpwebauthn.Enable, cdpwebauthn.EnableParams{}); err != nil {
				return fmt.Errorf("webauthn enable: %w", err)
			}
			_, err := chromedp.Call(ctx, cdpwebauthn.AddVirtualAuthenticator, cdpwebauthn.AddVirtualAuthenticatorParams{
				Options: &cdpwebauthn.VirtualAuthenticatorOptions{
					Protocol: cdpwebauthn.AuthenticatorProtocolCtap2, Ctap2version: cdpwebauthn.Ctap2versionCtap21,
					Transport: cdpwebauthn.AuthenticatorTransportInternal, HasResidentKey: true, HasUserVerification: true,
					IsUserVerified: true, AutomaticPresenceSimulation: true,
				}})
			return err
		})); err != nil {
		t.Fatal(err)
	}
	otp := e.OTP(t, 0)
	out, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](
		fmt.Sprintf("flow('prof.martin', %q, %q)", apptest.Password, otp),
		func(p *runtime.EvaluateParams) { yes := true; p.AwaitPromise = &yes }))
	if err != nil {
		t.Fatalf("flow: %v", err)
	}
	t.Logf("%v", out)
	want := map[string]float64{"login": 201, "regOptions": 200, "register": 201, "recovery": 10, "passkeys": 1, "loginOptions": 200,
		"passkeyLogin": 201, "replayed": 401, "stepUp": 200, "otherAccount": 401}
	var bad []string
	for k, v := range want {
		if out[k] != v {
			bad = append(bad, fmt.Sprintf("%s=%v (want %v)", k, out[k], v))
		}
	}
	if len(bad) > 0 {
		t.Fatalf("passkey flow: %s", strings.Join(bad, ", "))
	}
}
