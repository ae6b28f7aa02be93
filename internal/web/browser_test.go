package web_test

// End-to-end tests in Debian's Chromium, driven headless with chromedp, on a
// real server opened on a temporary directory with the demo directory. They
// log in through the forms (personnel with a real TOTP code from oathtool),
// write, read and reply, save screenshots of the main pages at 1280 and 390
// pixels wide into /screenshots/ of the module, and run axe-core on the
// login, inbox and compose pages.

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/server"
)

// axe-core, vendored with its licence header (MPL-2.0) so the suite runs
// offline; see testdata/axe-core.LICENSE.
//
//go:embed testdata/axe.min.js
var axeSource string

const (
	demoPassword = "correct horse battery staple"
	demoSecret   = "JBSWY3DPEHPK3PXP"
)

// chromium returns the browser binary, skipping the test when there is
// none, except on CI where a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed (apt-get install chromium) and CI is set: the browser tests must run")
	}
	t.Skip("Chromium is not installed: browser tests skipped (apt-get install -y chromium fonts-noto-color-emoji oathtool)")
	return ""
}

// e2e is a running server and browser shared by the browser tests.
type e2e struct {
	t       *testing.T
	url     string
	browser context.Context
	shots   string
	app     *server.App // for fixtures the demo lacks
}

func startE2E(t *testing.T) *e2e { return startE2EWithin(t, 5*time.Minute) }

// startE2EWithin is startE2E for a test of several people in turn, which
// needs more than the usual time on a busy machine.
func startE2EWithin(t *testing.T, budget time.Duration) *e2e {
	return startE2EOpts(t, budget, server.Options{})
}

// startE2EOpts is startE2EWithin with the server's options (its clock).
func startE2EOpts(t *testing.T, budget time.Duration, opts server.Options) *e2e {
	skipLightWithoutRace(t)
	bin := chromium(t)
	cfg := config.Default()
	cfg.DataDir, cfg.SecureCookie = t.TempDir(), false
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	opts.Auth, opts.PDFCache = apptest.FastAuth(), apptest.PDFCache()
	app, err := server.Open(context.Background(), cfg, log, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	if _, err := demo.Create(context.Background(), app.DB, app.Auth.Hasher(),
		demo.Options{Password: demoPassword, TOTPSecret: demoSecret}, time.Now()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(app.Handler())
	t.Cleanup(srv.Close)

	ctx, err := startChromium(t, bin, budget)
	if err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	_, file, _, _ := runtime.Caller(0)
	shots := filepath.Join(filepath.Dir(file), "..", "..", "screenshots")
	if dir := os.Getenv("BOUCLIER_SHOTS"); dir != "" { // a walk's screenshots kept apart
		shots = dir
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	return &e2e{t: t, url: srv.URL, browser: ctx, shots: shots, app: app}
}

// startChromium starts a headless Chromium for the test, trying three
// times: on a machine shared with other test runs, the browser process
// has been seen to exit at start (« chrome failed to start », once in
// about a hundred starts), which says nothing of the page under test.
func startChromium(t *testing.T, bin string, budget time.Duration) (context.Context, error) {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if attempt > 0 {
			t.Logf("start Chromium, attempt %d failed: %v", attempt, err)
			time.Sleep(time.Second)
		}
		// These flags keep Chromium off the network and working as root.
		alloc, cancel := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
			// A French user's browser: its language (navigator.language) and
			// the Accept-Language it sends. Headless Chromium ignores --lang
			// alone; its date fields keep the English order (and Intl its
			// en-US) as long as the browser has no French resources (Debian's
			// chromium-l10n, which needs a newer chromium than installed here;
			// LANGUAGE=fr does not help either), which is why the pages name no
			// order for the browser's date field (localtime.go). No
			// LANG=fr_FR here: without that locale installed, Chromium falls
			// back to ASCII and loses non-ASCII file names.
			chromedp.Flag("lang", "fr-FR"), chromedp.Flag("accept-lang", "fr-FR,fr"),
			chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
		ctx, cancel2 := chromedp.NewContext(alloc)
		ctx, cancel3 := context.WithTimeout(ctx, budget)
		if err = chromedp.Do(ctx); err == nil { // starts the browser
			t.Cleanup(func() { cancel3(); cancel2(); cancel() })
			return ctx, nil
		}
		cancel3()
		cancel2()
		cancel()
	}
	return nil, err
}

// tab opens a tab in its own browser context: its own cookies, so each
// person is signed in separately.
func (e *e2e) tab(t *testing.T) context.Context {
	ctx, cancel := chromedp.NewContext(e.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	// The first run opens the tab and binds it to the context it is given:
	// give it this one, not the short-lived ones of do.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return ctx
}

// do runs steps, each batch within 20 seconds so that a page that never
// comes fails its own test instead of using up the whole suite's time.
func (e *e2e) do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		e.t.Fatal(err)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// totp gives the current code the way a person's app would: oathtool,
// or the service's own implementation where oathtool is missing.
func totp(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("oathtool"); err == nil {
		out, err := exec.Command("oathtool", "--totp", "-b", demoSecret).Output()
		if err != nil {
			t.Fatalf("oathtool: %v", err)
		}
		return strings.TrimSpace(string(out))
	}
	if os.Getenv("CI") != "" {
		t.Fatal("oathtool is not installed")
	}
	code, err := auth.TOTPCode(demoSecret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// login signs in through the form, with the second factor when asked.
func (e *e2e) login(ctx context.Context, user string, shoot bool) {
	e.t.Helper()
	e.do(ctx, chromedp.Navigate(e.url+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")))
	if shoot {
		e.shoot(ctx, "login")
		e.axe(ctx, "login")
	}
	e.do(ctx, chromedp.SendKeys(chromedp.CSS("#username"), user), chromedp.SendKeys(chromedp.CSS("#password"), demoPassword))
	e.submit(ctx, "#password")
	if strings.Contains(text(e.t, ctx, "main h1"), "Code de vérification") {
		if shoot {
			e.shoot(ctx, "login-code")
		}
		e.do(ctx, chromedp.SendKeys(chromedp.CSS("#otp"), totp(e.t)))
		e.submit(ctx, "#otp")
	}
	// Fail fast with the page's message rather than time out on a refusal.
	alert, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(".alert") || {}).textContent || ""`))
	if err != nil {
		e.t.Fatal(err)
	}
	if alert != "" {
		e.t.Fatalf("login %s refused: %s", user, strings.TrimSpace(alert))
	}
	e.do(ctx, chromedp.WaitVisible(chromedp.CSS(`a[href="/inbox"][aria-current="page"]`)))
}

// submit submits the form of the field sel and waits for the next page
// to have loaded, whatever it is.
func (e *e2e) submit(ctx context.Context, sel string) {
	e.t.Helper()
	e.do(ctx, chromedp.Evaluate[chromedp.Void](`void (document.documentElement.dataset.old = "1")`),
		chromedp.Submit(chromedp.CSS(sel)))
	// Evaluations fail while the old document goes away: retry until the
	// new one answers.
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.dataset.old !== "1" && document.readyState === "complete"`))
		if err == nil && done {
			return
		}
	}
	e.t.Fatalf("no page after submitting %s", sel)
}

// shoot saves full-page screenshots at 1280 and 390 pixels wide, and checks
// that the narrow page does not scroll sideways.
func (e *e2e) shoot(ctx context.Context, name string) {
	e.t.Helper()
	for _, w := range []int64{1280, 390} {
		e.do(ctx, chromedp.EmulateViewport(w, 860))
		e.settle(ctx)
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			e.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(e.shots, fmt.Sprintf("%s-%d.png", name, w)), png, 0o644); err != nil {
			e.t.Fatal(err)
		}
		over, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
		if err != nil {
			e.t.Fatal(err)
		}
		if over {
			e.t.Errorf("%s scrolls horizontally at %d px", name, w)
		}
	}
	e.do(ctx, chromedp.EmulateViewport(1280, 860))
}

// settle waits, after the viewport changes, for the page's menus to fold
// or unfold (static/app.js does it on the width's change event, which
// comes after the change): a screenshot or a measure taken before shows
// a phone with the whole navigation unfolded.
func (e *e2e) settle(ctx context.Context) {
	e.t.Helper()
	const settled = `(() => { const folded = (n, b) => !n || !b || !document.documentElement.classList.contains("js") ||
			n.classList.contains("collapsed") === (matchMedia("(max-width: 40rem)").matches && b.getAttribute("aria-expanded") !== "true");
		return folded(document.getElementById("nav-principale"), document.querySelector(".menu-btn")) &&
			folded(document.getElementById("outils-admin"), document.querySelector(".subnav-btn")); })()`
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settled))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("the menu does not settle after the viewport changed (%v)", err)
		}
	}
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axe runs axe-core on the page and fails on serious or critical
// violations; lesser ones are logged.
func (e *e2e) axe(ctx context.Context, name string) {
	e.t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](axeSource+";true")); err != nil {
		e.t.Fatalf("inject axe: %v", err)
	}
	// Every page is checked on a desktop screen and on a phone's.
	for _, width := range []int64{1280, 390} {
		e.axeAt(ctx, name, width)
	}
}

func (e *e2e) axeAt(ctx context.Context, name string, width int64) {
	e.t.Helper()
	if width != 1280 {
		e.do(ctx, chromedp.EmulateViewport(width, 844))
		e.settle(ctx)
		// Back to the window's own size, as a person turning a tablet would.
		defer e.do(ctx, chromedp.EmulateViewport(1280, 900))
		name += " at " + strconv.FormatInt(width, 10) + " px"
	}
	const run = `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify({passes: r.passes.length,
		violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))}))}))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		e.t.Fatalf("run axe: %v", err)
	}
	var res struct {
		Passes     int
		Violations []axeViolation
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		e.t.Fatal(err)
	}
	if res.Passes == 0 {
		e.t.Fatalf("axe on %s checked nothing", name)
	}
	for _, v := range res.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			e.t.Errorf("axe on %s: %s (%s): %s %v", name, v.ID, v.Impact, v.Help, v.Nodes)
		} else {
			e.t.Logf("axe on %s: %s (%s): %s %v", name, v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
	e.t.Logf("axe on %s: %d rules passed, %d violation(s)", name, res.Passes, len(res.Violations))
}

func TestBrowser(t *testing.T) {
	e := startE2E(t)
	const subject = "Sortie au musée du Louvre"
	teacher := e.tab(t) // kept across subtests: prof.martin signs in once

	t.Run("teacher writes to a class and its parents", func(t *testing.T) {
		e.t = t
		ctx := teacher
		e.login(ctx, "prof.martin", true)
		e.shoot(ctx, "inbox-empty")
		e.axe(ctx, "inbox")
		e.do(ctx, chromedp.Click(chromedp.CSS(`a[href="/compose"]`)), chromedp.WaitVisible(chromedp.CSS("#subject")))
		e.shoot(ctx, "compose")
		e.axe(ctx, "compose")
		// The combobox (static/app.js) runs under the strict CSP and
		// suggests only what matches.
		e.do(ctx, chromedp.SendKeys(chromedp.CSS("#dest-q"), "4B"), chromedp.WaitVisible(chromedp.CSS("#dest-suggestions li")))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#dest-suggestions li")].map(li => li.textContent)`))
		if err != nil || len(got) == 0 {
			t.Fatalf("suggestions for 4B: %v %v", got, err)
		}
		for _, g := range got {
			if !strings.Contains(g, "4B") {
				t.Errorf("suggestion %q does not match 4B", g)
			}
		}
		e.shoot(ctx, "compose-combobox")
		e.axe(ctx, "compose (suggestions open)")
		e.do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#subject")))
		e.do(ctx,
			chromedp.Click(chromedp.CSS(`input[value="class:0780001A/4A"]`)),
			chromedp.Click(chromedp.CSS(`input[value="parents:0780001A/4A"]`)),
			chromedp.SendKeys(chromedp.CSS("#subject"), subject),
			chromedp.SendKeys(chromedp.CSS("#body"), "Bonjour,\nla sortie aura lieu jeudi. Merci de signer l’autorisation.\nS. Martin"),
			chromedp.Submit(chromedp.CSS("#subject")),
			chromedp.WaitVisible(chromedp.CSS(".flash")))
		if got := text(t, ctx, ".flash"); !strings.Contains(got, "Message envoyé") {
			t.Fatalf("after sending: %q", got)
		}
		if got := text(t, ctx, ".thread"); !strings.Contains(got, "Élèves de 4A") || !strings.Contains(got, "Parents de 4A") || strings.Contains(got, "0780001A") {
			t.Fatalf("recipients shown: %q", got)
		}
	})

	t.Run("parent reads and replies", func(t *testing.T) {
		e.t = t
		ctx := e.tab(t)
		e.login(ctx, "parent.dupont", false)
		if got := text(t, ctx, "main h1"); !strings.Contains(got, "1 non lu") {
			t.Errorf("inbox heading %q", got)
		}
		e.shoot(ctx, "inbox")
		e.axe(ctx, "inbox (with a message)")
		// On a phone the bulk actions share one row above the messages.
		e.do(ctx, chromedp.EmulateViewport(390, 844))
		tops, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[...document.querySelectorAll(".bulk button")].map(b => Math.round(b.getBoundingClientRect().top))`))
		e.do(ctx, chromedp.EmulateViewport(1280, 900))
		if err != nil || len(tops) != 2 || tops[0] != tops[1] {
			t.Errorf("inbox's bulk actions at 390 px: tops %v (%v)", tops, err)
		}
		e.do(ctx, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS(".thread")))
		if got := text(t, ctx, ".thread .body"); !strings.Contains(got, "la sortie aura lieu jeudi") {
			t.Fatalf("thread body %q", got)
		}
		e.shoot(ctx, "thread")
		e.do(ctx,
			chromedp.SendKeys(chromedp.CSS("#reply-body"), "Bonjour, c’est signé. Marie Dupont"),
			chromedp.Submit(chromedp.CSS("#reply-body")),
			chromedp.WaitVisible(chromedp.CSS(".flash")))
		if got := text(t, ctx, ".thread"); !strings.Contains(got, "c’est signé") || !strings.Contains(got, "Sophie Martin, professeure (4A, 4B)") || strings.Contains(got, "prof.martin") {
			t.Fatalf("thread after reply: %q", got)
		}
	})

	t.Run("student is refused a class", func(t *testing.T) {
		e.t = t
		ctx := e.tab(t)
		e.login(ctx, "eleve.dupont", false)
		e.do(ctx, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#subject")))
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('input[name="to"][value^="class:"], input[name="to"][value^="parents:"]').length`))
		if err != nil || n != 0 {
			t.Fatalf("class or parents offered to a student: %d %v", n, err)
		}
		e.shoot(ctx, "compose-student")
		// Forge what the picker never offers, as a modified page would.
		e.do(ctx,
			chromedp.Evaluate[chromedp.Void](`(() => { const i = document.createElement("input"); i.type = "hidden"; i.name = "to";
				i.value = "class:0780001A/4A"; document.querySelector("form.compose").appendChild(i); })()`),
			chromedp.SendKeys(chromedp.CSS("#subject"), "Fête samedi"),
			chromedp.SendKeys(chromedp.CSS("#body"), "Venez tous !"),
			chromedp.Submit(chromedp.CSS("#subject")),
			chromedp.WaitVisible(chromedp.CSS(".alert")))
		if got := text(t, ctx, "main h1") + text(t, ctx, ".alert"); !strings.Contains(got, "Message non envoyé") || !strings.Contains(got, "Motif") {
			t.Fatalf("refusal: %q", got)
		}
		subj, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#subject")))
		if err != nil || subj != "Fête samedi" {
			t.Fatalf("form not refilled: %q %v", subj, err)
		}
		e.shoot(ctx, "compose-refused")
		e.do(ctx, chromedp.Click(chromedp.CSS(`a[href="/drafts"]`)), chromedp.WaitVisible(chromedp.CSS(".messages")))
		if got := text(t, ctx, ".messages"); !strings.Contains(got, "Fête samedi") || !strings.Contains(got, "Non envoyé") {
			t.Fatalf("drafts: %q", got)
		}
	})

	t.Run("teacher sees the reply", func(t *testing.T) {
		e.t = t
		e.do(teacher, chromedp.Navigate(e.url+"/inbox"), chromedp.WaitVisible(chromedp.CSS(".messages")))
		if got := text(t, teacher, ".messages"); !strings.Contains(got, "RE\u00a0: "+subject) || !strings.Contains(got, "Marie Dupont, responsable de Léa Dupont (4A)") {
			t.Fatalf("teacher's inbox: %q", got)
		}
		e.do(teacher, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS(".thread")))
		e.shoot(teacher, "thread-reply")
	})

	t.Run("head sees administration", func(t *testing.T) {
		e.t = t
		// Another personnel account than prof.martin, whose code of this
		// 30-second step is already spent.
		ctx := e.tab(t)
		e.login(ctx, "principal.moulin", false)
		e.do(ctx, chromedp.Click(chromedp.CSS(`a[href="/admin"]`)), chromedp.WaitVisible(chromedp.CSS(".tiles")))
		e.shoot(ctx, "admin")
		e.axe(ctx, "admin")
		e.do(ctx, chromedp.Navigate(e.url+"/admin/dashboard"), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
		e.chartTextInside(ctx)
		// On a phone the accounts to watch stack, each value after its
		// column's name, rather than scroll sideways.
		e.do(ctx, chromedp.EmulateViewport(390, 844))
		stack, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const w = document.querySelector(".table-wrap.stack");
			if (!w) return "no table"; const td = w.querySelector('td[data-label="État"]');
			return (w.scrollWidth > w.clientWidth ? "scrolls " : "") + getComputedStyle(td, "::before").content; })()`))
		e.do(ctx, chromedp.EmulateViewport(1280, 900))
		if err != nil || stack != "\"État\u00a0: \"" {
			t.Errorf("the accounts to watch at 390 px: %q %v", stack, err)
		}
		e.shoot(ctx, "dashboard")
		e.axe(ctx, "dashboard")
		for _, pg := range []struct{ path, name string }{{"/admin/rules", "rules"}, {"/admin/resets", "resets"}, {"/admin/incidents", "incidents"}} {
			e.do(ctx, chromedp.Navigate(e.url+pg.path), chromedp.WaitVisible(chromedp.CSS(".subnav")))
			e.shoot(ctx, pg.name)
		}
		e.do(ctx, chromedp.Navigate(e.url+"/admin/accounts?nom=prof.bernard"), chromedp.WaitVisible(chromedp.CSS("#compte")))
		e.shoot(ctx, "admin-account")
		e.axe(ctx, "admin-account")
		e.do(ctx, chromedp.Navigate(e.url+"/account"), chromedp.WaitVisible(chromedp.CSS(".facts")))
		e.shoot(ctx, "account")
		e.axe(ctx, "account")
	})
}

// TestBrowserHeadSuspendsParents: the head suspends messaging for the
// parents of their establishment through the page; a parent then sees the
// banner with the reason.
func TestBrowserHeadSuspendsParents(t *testing.T) {
	e := startE2E(t)
	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	e.do(head, chromedp.Navigate(e.url+"/admin/suspensions"), chromedp.WaitVisible(chromedp.CSS("#reason")))
	const reason = "Menace reçue, messagerie fermée aux familles jusqu’à nouvel ordre."
	e.do(head,
		chromedp.Click(chromedp.CSS("#role-parent")),
		chromedp.SendKeys(chromedp.CSS("#reason"), reason))
	e.submit(head, "#reason")
	if got := text(t, head, ".flash"); !strings.Contains(got, "Suspension enregistrée") {
		t.Fatalf("after suspending: %q", got)
	}
	if got := text(t, head, ".items"); !strings.Contains(got, reason) || !strings.Contains(got, "parent") {
		t.Fatalf("suspension list: %q", got)
	}
	e.shoot(head, "suspensions")
	e.axe(head, "suspensions")

	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	got := text(t, parent, ".banner")
	// A suspension stops sending; the parent still reads and receives.
	if !strings.Contains(got, "L’envoi de messages est fermé pour vous") || !strings.Contains(got, "Motif\u00a0: ") || !strings.Contains(got, reason) {
		t.Fatalf("parent's banner: %q", got)
	}
	e.shoot(parent, "banner-suspension")
}

// TestBrowserModeratorReleases: a message the screen holds is released by
// the head from the moderation page, and its recipient then reads it.
func TestBrowserModeratorReleases(t *testing.T) {
	e := startE2E(t)
	const threat = "Il y a des explosifs cachés dans les toilettes du bâtiment B."
	prof := e.tab(t)
	e.login(prof, "prof.martin", false)
	e.do(prof, chromedp.Navigate(e.url+"/compose?to=user:parent.dupont"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.SendKeys(chromedp.CSS("#subject"), "Information importante"),
		chromedp.SendKeys(chromedp.CSS("#body"), threat))
	e.submit(prof, "#subject")
	// The sender is told the message waits, in a box of its own, not a
	// line that looks like the page's text.
	box, err := chromedp.Run(prof, chromedp.Evaluate[string](`(() => { const n = document.querySelector('[role="status"].notice');
		if (!n) return "none"; const s = getComputedStyle(n); return s.paddingLeft + " " + s.borderTopStyle + " " + n.textContent.trim(); })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(box, "en vérification") || strings.HasPrefix(box, "0px") || strings.Contains(box, " none ") {
		t.Errorf("held notice for the sender: %q", box)
	}
	e.shoot(prof, "sent-held")

	head := e.tab(t)
	e.login(head, "principal.moulin", false)
	e.do(head, chromedp.Navigate(e.url+"/admin/moderation"), chromedp.WaitVisible(chromedp.CSS(".held")))
	if got := text(t, head, ".held"); !strings.Contains(got, "explosifs") || !strings.Contains(got, "Motifs de la retenue") {
		t.Fatalf("queue: %q", got)
	}
	e.shoot(head, "moderation")
	e.axe(head, "moderation")
	e.submit(head, `.held form[action$="/release"] button`)
	if got := text(t, head, ".flash"); !strings.Contains(got, "Message libéré") {
		t.Fatalf("after release: %q", got)
	}

	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	if got := text(t, parent, ".messages"); !strings.Contains(got, "Information importante") {
		t.Fatalf("parent's inbox: %q", got)
	}
	e.do(parent, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS(".thread")))
	if got := text(t, parent, ".thread .body"); !strings.Contains(got, "explosifs") {
		t.Fatalf("message body: %q", got)
	}
}
