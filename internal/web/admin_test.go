package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"html"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/policy"
)

// The threat the content screen holds for moderation.
const threat = "Il y a des explosifs cachés dans les toilettes du bâtiment B."

var adminPages = []string{"/admin", "/admin/dashboard", "/admin/rules", "/admin/suspensions", "/admin/moderation",
	"/admin/incidents", "/admin/urgent", "/admin/resets"}

func TestAdminPagesAuthority(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	for _, path := range adminPages {
		if p := prof.get(path); p.Status != http.StatusForbidden {
			t.Errorf("teacher GET %s: %d", path, p.Status)
		}
	}
	tok := prof.csrf()
	if p := prof.post("/admin/suspensions", url.Values{"csrf": {tok}, "scope": {"establishment:0780001A"}, "reason": {"x"}}); p.Status != http.StatusForbidden {
		t.Errorf("teacher suspends: %d", p.Status)
	}

	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	for _, path := range adminPages {
		p := head.get(path)
		if p.Status != http.StatusOK || !strings.Contains(p.Body, `<html lang="fr">`) {
			t.Errorf("head GET %s: %d\n%s", path, p.Status, p.Body)
		}
	}
	tok = head.csrf()
	// Outside the establishment: refused by the service.
	for _, c := range []struct {
		path string
		form url.Values
	}{
		{"/admin/suspensions", url.Values{"scope": {"establishment:0780002B"}, "reason": {"Alerte"}}},
		{"/admin/suspensions", url.Values{"scope": {"academie:versailles"}, "reason": {"Alerte"}}},
		{"/admin/rules/preset", url.Values{"scope": {"establishment:0780002B"}, "preset": {"open"}}},
		{"/admin/resets", url.Values{"scope": {"establishment:0780002B"}, "format": {"csv"}}}, // refused before the summary
	} {
		c.form.Set("csrf", tok)
		if p := head.post(c.path, c.form); p.Status != http.StatusForbidden {
			t.Errorf("head POST %s %v: %d", c.path, c.form, p.Status)
		}
	}
	// Without the token.
	if p := head.post("/admin/suspensions", url.Values{"scope": {"establishment:0780001A"}, "reason": {"Alerte"}}); p.Status != http.StatusForbidden ||
		!strings.Contains(p.Body, "Formulaire expiré ou falsifié") {
		t.Errorf("suspension without CSRF token: %d", p.Status)
	}
	if p := head.post("/admin/rules/preset", url.Values{"csrf": {tok}, "scope": {"establishment:0780001A"}, "preset": {"open"}}, "Sec-Fetch-Site", "cross-site"); p.Status != http.StatusForbidden {
		t.Errorf("cross-site preset: %d", p.Status)
	}
}

func TestSuspensionAndRules(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.get("/admin/rules")
	for _, want := range []string{`value="circular-2024"`, `value="disconnect-2025"`, `value="open"`, ">Circulaire de mars 2024<", ">Droit à la déconnexion (circulaire de 2025)<", ">Messagerie ouverte<", "Règles en vigueur"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("rules page lacks %q", want)
		}
	}
	p = head.post("/admin/rules/preset", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "preset": {"disconnect-2025"}})
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/admin/rules?ok=preset" {
		t.Fatalf("apply preset: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	if p = head.get("/admin/rules?ok=preset"); !strings.Contains(p.Body, "Portée\u00a0: Collège Jean Moulin (0780001A)") || !strings.Contains(p.Body, "remplacées") {
		t.Errorf("rules after preset:\n%s", p.Body)
	}
	if !strings.Contains(p.Body, "<td>Droit à la déconnexion (circulaire de 2025)</td>") || !strings.Contains(p.Body, "du vendredi 20\u00a0h\u00a000 au lundi 7\u00a0h\u00a000") ||
		strings.Contains(p.Body, "<td>disconnect-2025/") || strings.Contains(p.Body, "20:00") {
		t.Errorf("rules in force in the rules' own notation:\n%s", p.Body)
	}

	// A rule made through the API, from no preset, is named by what it
	// does, never by its identifier.
	cantine := policy.Rule{ID: "local/cantine-7f3a", Scope: policy.Scope{Kind: policy.ScopeEstablishment, ID: "0780001A"}, Mode: policy.ModeClosed,
		Roles: []bouclier.Role{bouclier.RoleStudent}, Windows: []policy.Window{policy.Daily(policy.At(12, 0), policy.At(13, 30))}}
	if err := e.App.Rules.AddRule(context.Background(), bouclier.SystemActor("test"), cantine); err != nil {
		t.Fatal(err)
	}
	if p = head.get("/admin/rules"); !strings.Contains(p.Body, "<td>Messagerie fermée pour les élèves, chaque jour de 12\u00a0h\u00a000 à 13\u00a0h\u00a030</td>") ||
		strings.Contains(p.Body, "cantine-7f3a") {
		t.Errorf("a rule made from no preset is not named by what it does:\n%s", regexp.MustCompile(`<tr><td>[^<]*</td>`).FindAllString(p.Body, -1))
	}

	// A bad end date keeps what was typed.
	form := url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "roles": {"parent"},
		"reason": {"Alerte <b>intrusion</b>\u00a0: messagerie fermée aux familles."}, "until": {"demain"}}
	if p = head.post("/admin/suspensions", form); p.Status != http.StatusUnprocessableEntity || !strings.Contains(p.Body, "Date ou heure illisible") ||
		!strings.Contains(p.Body, "Alerte &lt;b&gt;intrusion&lt;/b&gt;") {
		t.Fatalf("bad date: %d\n%s", p.Status, p.Body)
	}
	until := e.Clock.Now().Add(48 * time.Hour).In(paris(t))
	form.Set("until", until.Format("2006-01-02T15:04"))
	if p = head.post("/admin/suspensions", form); p.Status != http.StatusSeeOther {
		t.Fatalf("suspend: %d\n%s", p.Status, p.Body)
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get("/inbox")
	if !strings.Contains(p.Body, `class="banner"`) || !strings.Contains(p.Body, "Alerte &lt;b&gt;intrusion&lt;/b&gt;") || !strings.Contains(p.Body, "Réouverture prévue le") {
		t.Fatalf("parent's banner:\n%s", p.Body)
	}
	// Teachers are not suspended.
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	if p = prof.get("/inbox"); strings.Contains(p.Body, `class="banner"`) {
		t.Error("teacher sees the parents' suspension")
	}

	p = head.get("/admin/suspensions?ok=suspendu")
	m := regexp.MustCompile(`action="/admin/suspensions/([^/"]+)/lift"`).FindStringSubmatch(p.Body)
	if m == nil || !strings.Contains(p.Body, "Suspension enregistrée") || !strings.Contains(p.Body, "Envoi suspendu pour les parents") {
		t.Fatalf("suspension list:\n%s", p.Body)
	}
	// Its author by name, not by login.
	if !strings.Contains(p.Body, "Par Mme\u00a0Claire Principal, direction") || strings.Contains(p.Body, "Par principal.moulin") {
		t.Errorf("suspension's author:\n%s", p.Body)
	}
	if p = head.post("/admin/suspensions/"+m[1]+"/lift", url.Values{}); p.Status != http.StatusForbidden {
		t.Errorf("lift without token: %d", p.Status)
	}
	if p = head.post("/admin/suspensions/"+m[1]+"/lift", url.Values{"csrf": {head.csrf()}}); p.Status != http.StatusSeeOther {
		t.Fatalf("lift: %d\n%s", p.Status, p.Body)
	}
	if p = parent.get("/inbox"); strings.Contains(p.Body, "intrusion") {
		t.Error("banner still shown after the lift")
	}
}

func paris(t *testing.T) *time.Location {
	l, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database")
	}
	return l
}

func TestModerationPage(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	for _, subj := range []string{"Toilettes", "Bâtiment B"} {
		if p := prof.send([]string{"user:parent.dupont"}, subj, threat); p.Status != http.StatusSeeOther {
			t.Fatalf("send: %d\n%s", p.Status, p.Body)
		}
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.get("/admin/moderation")
	ids := regexp.MustCompile(`action="/admin/moderation/(\d+)/release"`).FindAllStringSubmatch(p.Body, -1)
	if len(ids) != 2 || !strings.Contains(p.Body, "Motifs de la retenue") || !strings.Contains(p.Body, "explosifs") {
		t.Fatalf("queue:\n%s", p.Body)
	}
	first, second := ids[0][1], ids[1][1]
	// The screen's reasons in French words, not its identifiers.
	if reasons := regexp.MustCompile(`(?s)<ul class="reasons">.*?</ul>`).FindString(p.Body); !strings.Contains(reasons, "<li>Menace") || strings.Contains(reasons, "threat") {
		t.Errorf("the screen's reasons: %s", reasons)
	}
	// The establishment of each message: not repeated for its head, by
	// name for an officer over many, never a bare UAI.
	if strings.Contains(p.Body, "(0780001A)") {
		t.Error("the head's moderation repeats the establishment's UAI")
	}
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	if p := rssi.get("/admin/moderation"); !strings.Contains(p.Body, ", prof.martin · Collège Jean Moulin (0780001A) · le ") {
		t.Errorf("the officer's moderation does not name the establishment:\n%s", regexp.MustCompile(`<p class="meta">De [^\n]*`).FindString(p.Body))
	}

	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	if p = parent.get("/inbox"); strings.Contains(p.Body, "Toilettes") {
		t.Fatal("a held message reached the inbox")
	}
	// A teacher cannot decide.
	if p = prof.post("/admin/moderation/"+first+"/release", url.Values{"csrf": {prof.csrf()}}); p.Status != http.StatusForbidden {
		t.Errorf("teacher release: %d", p.Status)
	}
	if p = head.post("/admin/moderation/"+first+"/release", url.Values{}); p.Status != http.StatusForbidden {
		t.Errorf("release without token: %d", p.Status)
	}
	if p = head.post("/admin/moderation/"+first+"/release", url.Values{"csrf": {head.csrf()}}); p.Status != http.StatusSeeOther {
		t.Fatalf("release: %d\n%s", p.Status, p.Body)
	}
	if p = parent.get("/inbox"); !strings.Contains(p.Body, "Toilettes") {
		t.Fatalf("released message not delivered:\n%s", p.Body)
	}
	// Evidence of the released message.
	p = head.get("/admin/messages/" + first + "/evidence")
	if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/zip" || !strings.HasPrefix(p.Body, "PK") {
		t.Fatalf("evidence: %d %s", p.Status, p.Header.Get("Content-Type"))
	}
	if p = prof.get("/admin/messages/" + first + "/evidence"); p.Status != http.StatusForbidden {
		t.Errorf("teacher evidence: %d", p.Status)
	}
	// Recall by number.
	if p = head.post("/admin/recall", url.Values{"csrf": {head.csrf()}, "message": {first}}); p.Status != http.StatusSeeOther {
		t.Fatalf("recall: %d\n%s", p.Status, p.Body)
	}
	if p = parent.get("/inbox"); strings.Contains(p.Body, "Toilettes") || !strings.Contains(p.Body, "a été retiré par l") {
		t.Fatalf("recalled message still in the inbox, or no notice that it was withdrawn:\n%s", p.Body)
	}
	// Reject and lock the sender.
	if p = head.post("/admin/moderation/"+second+"/reject", url.Values{"csrf": {head.csrf()}, "lock": {"1"}}); p.Status != http.StatusSeeOther ||
		!strings.Contains(p.Header.Get("Location"), "verrouille") {
		t.Fatalf("reject and lock: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	if p = head.get("/admin/moderation"); strings.Contains(p.Body, "Bâtiment B") {
		t.Error("rejected message still queued")
	}
	if p = head.get("/admin/dashboard"); !strings.Contains(p.Body, "prof.martin") || !strings.Contains(p.Body, "lecture seule") {
		t.Errorf("dashboard does not show the locked sender:\n%s", p.Body)
	}
}

func TestDashboard(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	prof.send([]string{"user:parent.dupont"}, "Sortie", "La sortie est jeudi.")
	prof.send([]string{"user:parent.dupont"}, "Alerte", threat)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.get("/admin/dashboard")
	for _, want := range []string{`<svg class="chart"`, `role="img"`, "<title id=\"gm-title\">", "<desc id=\"gm-desc\">",
		"Histogramme empilé\u00a0: 1 envoyé, 1 retenu et 0 refusé au total", "Périmètre\u00a0: <strong>Collège Jean Moulin (0780001A)</strong>", `<rect class="sent"`, `<rect class="held"`, "<caption>Messages par heure",
		"Incidents ouverts", "Comptes à surveiller",
		// The accounts at risk by kind, as HTML meters whose labels keep
		// the text's size on a phone.
		`<li><span id="risque-0">Verrouillés</span> <meter min="0" max="4" value="`, `aria-labelledby="risque-4"></meter>`} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	// The table's region is not named as its section (axe's
	// landmark-unique: two landmarks « Comptes à surveiller »).
	if strings.Contains(p.Body, `role="region" aria-label="Comptes à surveiller"`) {
		t.Errorf("two landmarks named « Comptes à surveiller »")
	}
	// Each bar's title agrees with its number (« 11 h : 1 envoyé »).
	if !strings.Contains(p.Body, "\u00a0: 1 envoyé</title>") || !strings.Contains(p.Body, "\u00a0: 1 retenu</title>") || strings.Contains(p.Body, " 1 envoyés") {
		t.Errorf("the chart's bars do not agree with their numbers")
	}
	if t.Failed() {
		t.Log(p.Body)
	}
	// Another académie sees none of it.
	admin := newBrowser(t, srv)
	admin.login("rssi.versailles", e.OTP(t, 0))
	if p = admin.get("/admin/dashboard"); !strings.Contains(p.Body, "1 envoyé, 1 retenu") {
		t.Errorf("académie dashboard:\n%s", p.Body)
	}
	if p = admin.get("/admin/urgent"); p.Status != http.StatusOK || !strings.Contains(p.Body, "Aucun envoi d’urgence") {
		t.Errorf("urgent sends: %d\n%s", p.Status, p.Body)
	}
}

func TestMassResetAndActivation(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	form := url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "roles": {"parent"}, "format": {"csv"}}
	if p := head.post("/admin/resets", form); p.Status != http.StatusOK || !strings.Contains(p.Body, "Ce qui va se passer") {
		t.Fatalf("reset without confirmation: %d (want the summary, TestMassResetIsConfirmed)", p.Status)
	}
	form.Set("confirm", "1")
	p := head.post("/admin/resets", form)
	if p.Status != http.StatusOK || !strings.HasPrefix(p.Header.Get("Content-Type"), "text/csv") || !strings.Contains(p.Header.Get("Content-Disposition"), ".csv") {
		t.Fatalf("reset: %d %v\n%s", p.Status, p.Header, p.Body)
	}
	rows, err := csv.NewReader(strings.NewReader(p.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	code := ""
	for _, r := range rows {
		if r[0] == "parent.dupont" {
			code = r[5]
		}
		if r[2] != "parent" && r[0] != "username" {
			t.Errorf("reset a %s", r[2])
		}
	}
	if code == "" {
		t.Fatalf("no code for parent.dupont:\n%s", p.Body)
	}
	// Both files in a ZIP.
	form.Set("format", "zip")
	form.Set("roles", "student")
	if p = head.post("/admin/resets", form); p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("zip: %d", p.Status)
	}

	// The parent is told how to activate.
	parent := newBrowser(t, srv)
	lp := parent.get("/login")
	tok := field(t, lp.Body, "csrf")
	p = parent.post("/login", url.Values{"csrf": {tok}, "username": {"parent.dupont"}, "password": {apptest.Password}})
	if p.Status != http.StatusForbidden || !strings.Contains(p.Body, `href="/activate?username=parent.dupont"`) {
		t.Fatalf("login after reset: %d\n%s", p.Status, p.Body)
	}
	ap := parent.get("/activate?username=parent.dupont")
	const newPW = "une nouvelle phrase de passe solide"
	if p = parent.post("/activate", url.Values{"username": {"parent.dupont"}, "code": {code}, "password": {newPW}, "confirm": {newPW}}); p.Status != http.StatusForbidden {
		t.Fatalf("activation without token: %d", p.Status)
	}
	tok = field(t, ap.Body, "csrf")
	if p = parent.post("/activate", url.Values{"csrf": {tok}, "username": {"parent.dupont"}, "code": {"AAAA-BBBB-CCCC"}, "password": {newPW}, "confirm": {newPW}}); p.Status != http.StatusUnauthorized {
		t.Fatalf("wrong code: %d\n%s", p.Status, p.Body)
	}
	if p = parent.post("/activate", url.Values{"csrf": {tok}, "username": {"parent.dupont"}, "code": {code}, "password": {newPW}, "confirm": {newPW}}); p.Status != http.StatusSeeOther ||
		p.Header.Get("Location") != "/login?active=1" {
		t.Fatalf("activation: %d\n%s", p.Status, p.Body)
	}
	// Login now goes to the security instructions.
	lp = parent.get("/login?active=1")
	if !strings.Contains(lp.Body, "Compte activé") {
		t.Error("no confirmation after activation")
	}
	p = parent.post("/login", url.Values{"csrf": {field(t, lp.Body, "csrf")}, "username": {"parent.dupont"}, "password": {newPW}})
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/account/security") {
		t.Fatalf("login after activation: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	sp := parent.get(p.Header.Get("Location"))
	if !strings.Contains(sp.Body, "Ne communiquez jamais votre mot de passe") {
		t.Fatalf("instructions:\n%s", sp.Body)
	}
	if r := parent.send([]string{"user:prof.martin"}, "Bonjour", "Texte"); r.Status == http.StatusSeeOther {
		t.Fatal("sent before acknowledging the instructions")
	}
	if p = parent.post("/account/security", url.Values{"csrf": {field(t, sp.Body, "csrf")}, "lu": {"1"}, "next": {"/inbox"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("ack: %d\n%s", p.Status, p.Body)
	}
	if p = parent.get("/account"); strings.Contains(p.Body, "consignes de sécurité</a> et confirmez-les") {
		t.Error("still asked to acknowledge")
	}
}

func TestAccountSecurity(t *testing.T) {
	e, srv := env(t)
	// The parent's usual computer: an earlier login made it a device the
	// account knows, from which its settings may change.
	newBrowser(t, srv).login("parent.dupont", "")
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p := parent.get("/account")
	for _, want := range []string{"Changer de mot de passe", "Activer une application d’authentification", "<strong>Cette session</strong>", "Avis de sécurité"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("account page lacks %q", want)
		}
	}
	// Where the parent belongs, by name rather than by UAI and key.
	if !strings.Contains(p.Body, "<dt>Établissement</dt><dd>Collège Jean Moulin (0780001A)</dd>") ||
		!strings.Contains(p.Body, "<dt>Académie</dt><dd>Académie de Versailles</dd>") {
		t.Errorf("account page names the establishment or académie by its code:\n%s", p.Body)
	}
	tok := parent.csrf()
	// Password change needs the current one.
	p = parent.post("/account/password", url.Values{"csrf": {tok}, "current": {"faux"}, "new": {"une autre phrase de passe"}, "confirm": {"une autre phrase de passe"}})
	if p.Status != http.StatusUnauthorized || !strings.Contains(p.Body, "Mot de passe actuel incorrect") {
		t.Fatalf("wrong current password: %d\n%s", p.Status, p.Body)
	}
	if p = parent.post("/account/password", url.Values{"current": {apptest.Password}, "new": {"x"}}); p.Status != http.StatusForbidden {
		t.Fatalf("password without token: %d", p.Status)
	}
	const newPW = "une autre phrase de passe bien longue"
	p = parent.post("/account/password", url.Values{"csrf": {tok}, "current": {apptest.Password}, "new": {newPW}, "confirm": {newPW}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("password change: %d\n%s", p.Status, p.Body)
	}

	// TOTP enrolment: the secret and the otpauth URI as text.
	p = parent.post("/account/totp", url.Values{"csrf": {tok}})
	m := regexp.MustCompile(`id="totp-secret">([A-Z2-7 ]+)<`).FindStringSubmatch(p.Body)
	if p.Status != http.StatusOK || m == nil || !strings.Contains(p.Body, "otpauth://totp/") {
		t.Fatalf("totp begin: %d\n%s", p.Status, p.Body)
	}
	if p = parent.post("/account/totp/confirm", url.Values{"csrf": {tok}, "code": {"000000"}}); p.Status != http.StatusUnauthorized {
		t.Errorf("wrong totp code: %d", p.Status)
	}
	p = parent.post("/account/totp", url.Values{"csrf": {tok}})
	secret := strings.ReplaceAll(regexp.MustCompile(`id="totp-secret">([A-Z2-7 ]+)<`).FindStringSubmatch(p.Body)[1], " ", "")
	code, err := auth.TOTPCode(secret, e.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	p = parent.post("/account/totp/confirm", url.Values{"csrf": {tok}, "code": {code}})
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Codes de secours") || strings.Count(p.Body, "<li><code>") < 5 {
		t.Fatalf("totp confirm: %d\n%s", p.Status, p.Body)
	}
	if p = parent.get("/account"); !strings.Contains(p.Body, "Retirer l’application") {
		t.Error("account page does not show the TOTP factor")
	}

	// Sessions: another browser, closed from this one.
	other := newBrowser(t, srv)
	lp := other.get("/login")
	p = other.post("/login", url.Values{"csrf": {field(t, lp.Body, "csrf")}, "username": {"parent.dupont"}, "password": {newPW}})
	if p.Status == http.StatusOK && strings.Contains(p.Body, `name="pending"`) {
		c2, _ := auth.TOTPCode(secret, e.Clock.Now().Add(30*time.Second))
		p = other.post("/login", url.Values{"csrf": {field(t, lp.Body, "csrf")}, "pending": {field(t, p.Body, "pending")}, "otp": {c2}})
	}
	if p.Status != http.StatusSeeOther {
		t.Fatalf("second login: %d\n%s", p.Status, p.Body)
	}
	p = parent.get("/account")
	ids := regexp.MustCompile(`action="/account/sessions/([^/"]+)/revoke"`).FindAllStringSubmatch(p.Body, -1)
	if len(ids) != 2 {
		t.Fatalf("sessions listed: %d\n%s", len(ids), p.Body)
	}
	if p = parent.post("/account/sessions/revoke-others", url.Values{"csrf": {parent.csrf()}}); p.Status != http.StatusSeeOther {
		t.Fatalf("revoke others: %d", p.Status)
	}
	if p = other.get("/inbox"); p.Status != http.StatusSeeOther {
		t.Errorf("revoked session still works: %d", p.Status)
	}

	// Notices: the new device left one; "ce n'était pas moi" locks.
	p = parent.get("/account")
	nm := regexp.MustCompile(`action="/account/notices/(\d+)/not-me"`).FindStringSubmatch(p.Body)
	if nm == nil {
		t.Skip("no notice to act on")
	}
	if p = parent.post("/account/notices/"+nm[1]+"/not-me", url.Values{"csrf": {parent.csrf()}}); p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/login?protege=etablissement" {
		t.Fatalf("not me: %d %s", p.Status, p.Header.Get("Location"))
	}
	if p = parent.get("/inbox"); p.Status != http.StatusSeeOther {
		t.Error("session survives 'ce n’était pas moi'")
	}
}

func TestStepUpResendsDraft(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	e.Clock.Advance(20 * time.Minute) // past the step-up window
	p := prof.send([]string{"class:0780001A/4A"}, "Devoirs", "Exercices 3 et 4 page 12.")
	loc := p.Header.Get("Location")
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(loc, "/step-up?draft=") {
		t.Fatalf("wide send without recent check: %d %s\n%s", p.Status, loc, p.Body)
	}
	p = prof.get(loc)
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Devoirs") || !strings.Contains(p.Body, "Confirmer et envoyer") {
		t.Fatalf("step-up page: %d\n%s", p.Status, p.Body)
	}
	form := url.Values{"csrf": {field(t, p.Body, "csrf")}, "draft": {field(t, p.Body, "draft")}, "code": {"000000"}}
	if p = prof.post("/step-up", form); p.Status != http.StatusUnauthorized || !strings.Contains(p.Body, "Code incorrect") {
		t.Fatalf("wrong code: %d\n%s", p.Status, p.Body)
	}
	form.Set("code", e.OTP(t, 0))
	p = prof.post("/step-up", form)
	if p.Status != http.StatusSeeOther || !strings.Contains(p.Header.Get("Location"), "envoye=1") {
		t.Fatalf("step-up: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	if p = prof.get("/sent"); !strings.Contains(p.Body, "Devoirs") {
		t.Fatal("draft not sent after the step-up")
	}
	if p = prof.get("/drafts"); strings.Contains(p.Body, "Devoirs") {
		t.Error("draft kept after sending")
	}
}

// TestPlantedDraftNotApproved: a stolen cookie writes a message to a class
// and its parents; the teacher, sent to the step-up page, sees the whole
// message, and their code does not send it: it opens in the compose form.
func TestPlantedDraftNotApproved(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	e.Clock.Advance(20 * time.Minute) // the login's check is no longer fresh
	bad := prof.thief()
	planted := "Le collège sera fermé demain, prévenez les autres familles."
	p := bad.send([]string{"parents:0780001A/4A"}, "Fermeture", planted)
	loc := p.Header.Get("Location")
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(loc, "/step-up?draft=") {
		t.Fatalf("planted send: %d %q\n%s", p.Status, loc, p.Body)
	}
	// The teacher opens the step-up page: the whole message is shown, with
	// a warning that it was not written from here.
	p = prof.get(loc)
	if !strings.Contains(p.Body, planted) || !strings.Contains(p.Body, "pas été écrit depuis cette session") {
		t.Fatalf("step-up page does not show the planted message:\n%s", p.Body)
	}
	p = prof.post("/step-up", url.Values{"csrf": {field(t, p.Body, "csrf")}, "draft": {field(t, p.Body, "draft")}, "code": {e.OTP(t, 1)}})
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/compose?draft=") {
		t.Fatalf("after the code: %d %q", p.Status, p.Header.Get("Location"))
	}
	u, err := e.App.DB.UserByName(ctx, "prof.martin")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := e.App.DB.CountMessagesSince(ctx, u.ID, 0); err != nil || n != 0 {
		t.Fatalf("%d messages sent (%v): the teacher's code approved the thief's draft", n, err)
	}
}

// TestStaleAdminSessionStepsUp: a head whose last check is older than the
// window is sent to confirm their identity before a power that opens, and
// comes back to the page they were on.
func TestStaleAdminSessionStepsUp(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	e.Clock.Advance(11 * time.Minute)
	p := head.get("/admin/moderation")
	if p.Status != http.StatusOK {
		t.Fatalf("moderation page: %d", p.Status)
	}
	p = head.post("/admin/moderation/999/release", url.Values{"csrf": {field(t, p.Body, "csrf")}}, "Referer", srv.URL+"/admin/moderation")
	if loc := p.Header.Get("Location"); p.Status != http.StatusSeeOther || loc != "/step-up?next=%2Fadmin%2Fmoderation" {
		t.Fatalf("stale release: %d %q", p.Status, loc)
	}
}

// TestHeadManagesAnAccount: a head finds an account, locks it, sees it
// locked, unlocks it, and cannot reach an account of another
// establishment.
func TestHeadManagesAnAccount(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.get("/admin/accounts?nom=prof.bernard")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Non verrouillé") {
		t.Fatalf("account page: %d\n%s", p.Status, p.Body)
	}
	tok := field(t, p.Body, "csrf")
	p = head.post("/admin/accounts/prof.bernard/lock", url.Values{"csrf": {tok}, "reason": {"mot de passe volé"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("lock: %d\n%s", p.Status, p.Body)
	}
	if p = head.get(p.Header.Get("Location")); !strings.Contains(p.Body, "Verrouillé") || !strings.Contains(p.Body, "mot de passe volé") {
		t.Fatalf("after lock:\n%s", p.Body)
	}
	if p = head.post("/admin/accounts/prof.bernard/unlock", url.Values{"csrf": {tok}}); p.Status != http.StatusSeeOther {
		t.Fatalf("unlock: %d", p.Status)
	}
	if p = head.get("/admin/accounts?nom=prof.bernard"); !strings.Contains(p.Body, "Non verrouillé") {
		t.Fatalf("after unlock:\n%s", p.Body)
	}
	if p = head.get("/admin/accounts?nom=prof.hugo"); p.Status != http.StatusForbidden {
		t.Errorf("account of another establishment: %d", p.Status)
	}
	// By name: several matches are listed with their labels, one is
	// shown at once, none says so; another establishment's stay hidden.
	p = head.get("/admin/accounts?nom=Dupont")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, `<a href="/admin/accounts?nom=parent.dupont">`) ||
		!strings.Contains(p.Body, `<a href="/admin/accounts?nom=eleve.dupont">Léa Dupont`) || strings.Contains(p.Body, `id="compte"`) {
		t.Errorf("search by name:\n%s", p.Body)
	}
	if p = head.get("/admin/accounts?nom=luc+bernard"); !strings.Contains(p.Body, `<h2 id="compte">Luc Bernard`) {
		t.Errorf("one match by name:\n%s", p.Body)
	}
	// The administration's tools lead to the accounts, and the evidence
	// holds back to their account.
	if !strings.Contains(p.Body, `<a href="/admin/accounts" aria-current="page">Comptes</a>`) {
		t.Error("the accounts page is not in the administration's navigation")
	}
	if p = head.get("/admin/moderation"); !strings.Contains(p.Body, `<a href="/admin/accounts">Comptes</a>`) {
		t.Error("no way from the moderation to the accounts")
	}
	if p = head.get("/admin/holds?nom=parent.dupont"); p.Status != http.StatusOK || !strings.Contains(p.Body, `<a href="/admin/accounts?nom=parent.dupont">← Compte de Marie Dupont</a>`) {
		t.Errorf("no way back from the evidence holds: %d", p.Status)
	}
	// The account's sessions name their browser as people know it, not by
	// its User-Agent, in a table that scrolls by itself on a phone.
	parent := newBrowser(t, srv)
	parent.ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
	parent.login("parent.dupont", "")
	if p = head.get("/admin/accounts?nom=parent.dupont"); !strings.Contains(p.Body, `<td role="cell" data-label="Navigateur">Firefox sur Windows</td>`) || strings.Contains(p.Body, "Gecko/20100101") ||
		!strings.Contains(p.Body, `<div class="table-wrap stack" tabindex="0" role="region" aria-label="Sessions ouvertes">`) ||
		!strings.Contains(p.Body, "<p>Mme\u00a0Marie Dupont, responsable de Léa Dupont (4A) · Collège Jean Moulin (0780001A)</p>") {
		t.Errorf("the account's sessions:\n%s", regexp.MustCompile(`(?s)<h3>Sessions ouvertes</h3>.*?</table>`).FindString(p.Body))
	}
	// Whatever the accents, on SQLite too: « lea dupont », « LÉA ».
	for _, q := range []string{"lea+dupont", "L%C3%89A"} {
		if p = head.get("/admin/accounts?nom=" + q); !strings.Contains(p.Body, `<h2 id="compte">Léa Dupont`) {
			t.Errorf("search %s: Léa Dupont not found", q)
		}
	}
	if p = head.get("/admin/accounts?nom=Anne+Hugo"); p.Status != http.StatusOK || strings.Contains(p.Body, "prof.hugo") ||
		!strings.Contains(p.Body, "Aucun compte de votre périmètre ne correspond") {
		t.Errorf("another establishment's account by name: %d\n%s", p.Status, p.Body)
	}
	if p = head.get("/admin/accounts?nom=x"); p.Status != http.StatusOK || !strings.Contains(p.Body, `aria-invalid="true"`) {
		t.Errorf("one character: %d\n%s", p.Status, p.Body)
	}
}

// TestHeadResetsAnAccount: from the account page, a head resets one
// account after a summary, and gets its activation letter at once; the
// summary alone changes nothing; their own account and one of another
// establishment are refused.
func TestHeadResetsAnAccount(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.get("/admin/accounts?nom=parent.dupont")
	if !strings.Contains(p.Body, `action="/admin/accounts/parent.dupont/reset"`) {
		t.Fatalf("no reset on the account page:\n%s", p.Body)
	}
	tok := field(t, p.Body, "csrf")
	p = head.post("/admin/accounts/parent.dupont/reset", url.Values{"csrf": {tok}})
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Le compte de Marie Dupont (parent.dupont) sera réinitialisé.") ||
		!strings.Contains(p.Body, `name="confirm" value="1"`) {
		t.Fatalf("summary: %d\n%s", p.Status, p.Body)
	}
	if u, err := e.App.DB.UserByName(ctx, "parent.dupont"); err != nil || u.MustReset {
		t.Fatalf("the summary reset the account: %+v %v", u, err)
	}
	p = head.post("/admin/accounts/parent.dupont/reset", url.Values{"csrf": {tok}, "confirm": {"1"}})
	if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(p.Body, "%PDF-") ||
		!strings.Contains(p.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("letter: %d %q %q", p.Status, p.Header.Get("Content-Type"), p.Header.Get("Content-Disposition"))
	}
	if u, err := e.App.DB.UserByName(ctx, "parent.dupont"); err != nil || !u.MustReset {
		t.Errorf("not reset: %+v %v", u, err)
	}
	if p = head.post("/admin/accounts/principal.moulin/reset", url.Values{"csrf": {tok}, "confirm": {"1"}}); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("own account: %d", p.Status)
	}
	if p = head.post("/admin/accounts/prof.hugo/reset", url.Values{"csrf": {tok}}); p.Status != http.StatusForbidden {
		t.Errorf("summary for another establishment: %d", p.Status)
	}
	if p = head.post("/admin/accounts/prof.hugo/reset", url.Values{"csrf": {tok}, "confirm": {"1"}}); p.Status != http.StatusForbidden {
		t.Errorf("another establishment: %d", p.Status)
	}
}

// TestTOTPEnrolmentByQRCode: the enrolment page shows the key as a QR code
// a phone reads; a wrong code keeps the same key for another try; the code
// made from the decoded key activates the factor.
func TestTOTPEnrolmentByQRCode(t *testing.T) {
	e, srv := env(t)
	newBrowser(t, srv).login("parent.durand", "") // the family's usual computer
	parent := newBrowser(t, srv)
	parent.login("parent.durand", "")
	tok := parent.csrf()
	p := parent.post("/account/totp", url.Values{"csrf": {tok}})
	m := regexp.MustCompile(`id="totp-qr" src="data:image/png;base64,([^"]+)"`).FindStringSubmatch(p.Body)
	if p.Status != http.StatusOK || m == nil {
		t.Fatalf("totp page without a QR code: %d\n%s", p.Status, p.Body)
	}
	raw, err := base64.StdEncoding.DecodeString(html.UnescapeString(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	secret := qrSecret(t, raw)
	// A wrong code: the page comes back with the same key.
	p = parent.post("/account/totp/confirm", url.Values{"csrf": {tok}, "code": {"000000"}})
	if p.Status != http.StatusUnauthorized || !strings.Contains(p.Body, "La clé reste la même") || !strings.Contains(strings.ReplaceAll(p.Body, " ", ""), secret) {
		t.Fatalf("retry lost the key: %d\n%s", p.Status, p.Body)
	}
	code, err := auth.TOTPCode(secret, e.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if p = parent.post("/account/totp/confirm", url.Values{"csrf": {tok}, "code": {code}}); p.Status != http.StatusOK || !strings.Contains(p.Body, "activée") {
		t.Fatalf("confirm with the decoded key: %d\n%s", p.Status, p.Body)
	}
}

// qrSecret decodes the PNG of a TOTP enrolment's QR code and returns the
// key its otpauth URL holds.
func qrSecret(t *testing.T, raw []byte) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	// As a phone's scanner does, try harder when the quick look fails:
	// gozxing's finder takes a data pattern for a finder pattern in about
	// one random key in 40 (7 of 300), and reads those as a bare code
	// (the page draws whole-pixel modules for that: TestTOTPQRCodeDecodes).
	var res *gozxing.Result
	for _, hints := range []map[gozxing.DecodeHintType]any{
		nil,
		{gozxing.DecodeHintType_TRY_HARDER: true},
		{gozxing.DecodeHintType_TRY_HARDER: true, gozxing.DecodeHintType_PURE_BARCODE: true},
	} {
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		if res, err = qrcode.NewQRCodeReader().Decode(bmp, hints); err == nil {
			break
		}
		t.Logf("decode the QR code (hints %v): %v", hints, err)
	}
	if res == nil {
		t.Fatal("the QR code does not decode")
	}
	u, err := url.Parse(res.GetText())
	if err != nil || u.Scheme != "otpauth" || u.Query().Get("secret") == "" {
		t.Fatalf("QR code holds %q", res.GetText())
	}
	return u.Query().Get("secret")
}
