package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

func TestLoginWithSecondFactor(t *testing.T) {
	e, srv := env(t)
	b := newBrowser(t, srv)

	p := b.get("/login")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, `<html lang="fr">`) {
		t.Fatalf("login page: %d\n%s", p.Status, p.Body)
	}
	if got := p.Header.Get("Content-Security-Policy"); !strings.Contains(got, "script-src 'self'") || !strings.Contains(got, "frame-ancestors 'none'") || strings.Contains(got, "unsafe-inline") {
		t.Errorf("CSP = %q", got)
	}
	tok := field(t, p.Body, "csrf")

	// Wrong password: a clear message, no second step.
	p = b.post("/login", url.Values{"csrf": {tok}, "username": {"prof.martin"}, "password": {"nope"}})
	if p.Status != http.StatusUnauthorized || !strings.Contains(p.Body, "Identifiant ou mot de passe incorrect.") || strings.Contains(p.Body, `name="pending"`) {
		t.Fatalf("wrong password: %d\n%s", p.Status, p.Body)
	}

	// Right password: the code step, without the password in the page.
	p = b.post("/login", url.Values{"csrf": {tok}, "username": {"prof.martin"}, "password": {"correct horse battery staple"}})
	if p.Status != http.StatusOK || !strings.Contains(p.Body, `id="otp"`) || !strings.Contains(p.Body, `autocomplete="one-time-code"`) {
		t.Fatalf("otp step: %d\n%s", p.Status, p.Body)
	}
	if strings.Contains(p.Body, "correct horse") {
		t.Fatal("the password is echoed in the code step")
	}
	pending := field(t, p.Body, "pending")

	// Wrong code: stays on the code step.
	p = b.post("/login", url.Values{"csrf": {tok}, "pending": {pending}, "otp": {"000000"}})
	if p.Status != http.StatusUnauthorized || !strings.Contains(p.Body, "Code incorrect") || !strings.Contains(p.Body, `id="otp"`) {
		t.Fatalf("wrong code: %d\n%s", p.Status, p.Body)
	}
	// The sealed first step is bound to this browser's login cookie.
	other := newBrowser(t, srv)
	otok := field(t, other.get("/login").Body, "csrf")
	p = other.post("/login", url.Values{"csrf": {otok}, "pending": {pending}, "otp": {e.OTP(t, 0)}})
	if p.Status != http.StatusUnauthorized || strings.Contains(p.Body, `id="otp"`) {
		t.Fatalf("pending replayed from another browser: %d\n%s", p.Status, p.Body)
	}

	// Right code: signed in with the session cookie.
	p = b.post("/login", url.Values{"csrf": {tok}, "pending": {pending}, "otp": {e.OTP(t, 0)}})
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/inbox" {
		t.Fatalf("right code: %d %q\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	var sess *http.Cookie
	for _, c := range (&http.Response{Header: p.Header}).Cookies() {
		if c.Name == "bouclier" {
			sess = c
		}
	}
	if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteStrictMode || sess.Path != "/" || sess.Secure {
		t.Fatalf("session cookie = %+v", sess)
	}
	p = b.get("/inbox")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Boîte de réception") || !strings.Contains(p.Body, "Sophie Martin") {
		t.Fatalf("inbox: %d\n%s", p.Status, p.Body)
	}

	// Logout ends the session server-side.
	p = b.post("/logout", url.Values{"csrf": {b.csrf()}})
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/login") {
		t.Fatalf("logout: %d", p.Status)
	}
	b.c.Jar.SetCookies(mustURL(srv.URL), []*http.Cookie{sess})
	if p = b.get("/inbox"); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Header.Get("Location"), "/login?next=") {
		t.Fatalf("old session after logout: %d %s", p.Status, p.Header.Get("Location"))
	}
}

func TestLoginWithoutSecondFactor(t *testing.T) {
	_, srv := env(t)
	b := newBrowser(t, srv)
	if p := b.get("/compose"); p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/login?next=%2Fcompose" {
		t.Fatalf("anonymous compose: %d %q", p.Status, p.Header.Get("Location"))
	}
	p := b.get("/login?next=%2Fcompose")
	p = b.post("/login", url.Values{"csrf": {field(t, p.Body, "csrf")}, "next": {field(t, p.Body, "next")},
		"username": {"parent.dupont"}, "password": {"correct horse battery staple"}})
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/compose" {
		t.Fatalf("parent login: %d %q\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	// An open redirect through next= is not possible.
	b2 := newBrowser(t, srv)
	p = b2.get("/login")
	p = b2.post("/login", url.Values{"csrf": {field(t, p.Body, "csrf")}, "next": {"//evil.example/"},
		"username": {"parent.dupont"}, "password": {"correct horse battery staple"}})
	if p.Header.Get("Location") != "/inbox" {
		t.Fatalf("next=//evil: Location %q", p.Header.Get("Location"))
	}
}

func TestCSRF(t *testing.T) {
	_, srv := env(t)

	// The login form: no cookie, a wrong token, or a cross-site post.
	b := newBrowser(t, srv)
	creds := url.Values{"username": {"parent.dupont"}, "password": {"correct horse battery staple"}}
	if p := b.post("/login", creds); p.Status != http.StatusForbidden {
		t.Fatalf("login without token: %d", p.Status)
	}
	tok := field(t, b.get("/login").Body, "csrf")
	bad := url.Values{"csrf": {tok + "x"}, "username": creds["username"], "password": creds["password"]}
	if p := b.post("/login", bad); p.Status != http.StatusForbidden {
		t.Fatalf("login with wrong token: %d", p.Status)
	}
	good := url.Values{"csrf": {tok}, "username": creds["username"], "password": creds["password"]}
	if p := b.post("/login", good, "Sec-Fetch-Site", "cross-site"); p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Requête refusée") {
		t.Fatalf("cross-site login: %d\n%s", p.Status, p.Body)
	}
	if p := b.post("/login", good, "Origin", "https://evil.example"); p.Status != http.StatusForbidden {
		t.Fatalf("login from another origin: %d", p.Status)
	}
	b.login("parent.dupont", "")

	// Signed in: every POST needs the session's token.
	msg := url.Values{"to": {"user:prof.martin"}, "subject": {"Bonjour"}, "body": {"Texte"}}
	if p := b.postMultipart("/compose", msg); p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Formulaire expiré ou falsifié") {
		t.Fatalf("compose without token: %d\n%s", p.Status, p.Body)
	}
	msg.Set("csrf", "AAAA"+b.csrf()[4:])
	if p := b.postMultipart("/compose", msg); p.Status != http.StatusForbidden {
		t.Fatalf("compose with wrong token: %d", p.Status)
	}
	msg.Set("csrf", b.csrf())
	if p := b.post("/compose", msg, "Sec-Fetch-Site", "cross-site"); p.Status != http.StatusForbidden {
		t.Fatalf("cross-site compose: %d", p.Status)
	}
	if p := b.post("/logout", url.Values{}); p.Status != http.StatusForbidden {
		t.Fatalf("logout without token: %d", p.Status)
	}
	if p := b.get("/sent"); p.Status != http.StatusOK || strings.Contains(p.Body, "Bonjour") {
		t.Fatalf("a refused post was sent anyway, or the session ended: %d", p.Status)
	}
}

func TestComposeRefusalKeepsDraft(t *testing.T) {
	_, srv := env(t)
	b := newBrowser(t, srv)
	b.login("eleve.dupont", "")

	p := b.get("/compose")
	if p.Status != http.StatusOK || strings.Contains(p.Body, `value="class:0780001A/4A"`) {
		t.Fatalf("a student is offered a whole class: %d\n%s", p.Status, p.Body)
	}
	// A forged post to the class is refused, kept as a draft, and the form
	// comes back filled with the reason.
	p = b.send([]string{"class:0780001A/4A"}, "Sortie au musée", "Qui vient samedi ?")
	if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Message non envoyé") || !strings.Contains(p.Body, `role="alert"`) {
		t.Fatalf("forged class post: %d\n%s", p.Status, p.Body)
	}
	draft := field(t, p.Body, "draft_id")
	// The reason names the recipient as the page does, not by its expression.
	named := func(where, body string) {
		t.Helper()
		if !strings.Contains(body, "écrire à Élèves de 4A.") || strings.Contains(body, "à class:") {
			t.Errorf("%s: the refusal names the recipient by its expression:\n%s", where, body)
		}
	}
	named("refusal", p.Body)
	if !strings.Contains(p.Body, `value="Sortie au musée"`) || !strings.Contains(p.Body, "Qui vient samedi ?</textarea>") {
		t.Fatalf("form not refilled:\n%s", p.Body)
	}
	if !strings.Contains(p.Body, "<li>Élèves de 4A</li>") || strings.Contains(p.Body, `value="class:0780001A/4A"`) {
		t.Fatalf("the refused recipient should be named, not offered:\n%s", p.Body)
	}
	p = b.get("/drafts")
	if !strings.Contains(p.Body, "Sortie au musée") || !strings.Contains(p.Body, "/compose?draft="+draft) || !strings.Contains(p.Body, "Non envoyé") {
		t.Fatalf("drafts:\n%s", p.Body)
	}
	named("drafts", p.Body)
	p = b.get("/compose?draft=" + draft)
	if p.Status != http.StatusOK || !strings.Contains(p.Body, `value="Sortie au musée"`) || field(t, p.Body, "draft_id") != draft || !strings.Contains(p.Body, "Motif du refus précédent") {
		t.Fatalf("draft reopened: %d\n%s", p.Status, p.Body)
	}
	named("draft reopened", p.Body)
	// Sending it again updates the same draft rather than piling up copies.
	p = b.postMultipart("/compose", url.Values{"csrf": {b.csrf()}, "draft_id": {draft}, "to": {"class:0780001A/4A"}, "subject": {"Sortie au musée"}, "body": {"Qui vient ?"}})
	if p.Status != http.StatusForbidden || field(t, p.Body, "draft_id") != draft {
		t.Fatalf("second refusal: %d", p.Status)
	}
	if n := strings.Count(b.get("/drafts").Body, "/compose?draft="); n != 1 {
		t.Fatalf("%d drafts, want 1", n)
	}
}

func TestUserContentIsEscaped(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	subject := `<script>alert("objet")</script>`
	body := "<script>alert('corps')</script>\n<img src=x onerror=alert(1)>"
	p := prof.send([]string{"user:parent.dupont"}, subject, body)
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	loc := p.Header.Get("Location")
	if !regexp.MustCompile(`^/messages/\d+\?envoye=1$`).MatchString(loc) {
		t.Fatalf("Location %q", loc)
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	for _, path := range []string{"/inbox", strings.TrimSuffix(loc, "?envoye=1")} {
		p := parent.get(path)
		if p.Status != http.StatusOK {
			t.Fatalf("%s: %d", path, p.Status)
		}
		if strings.Contains(p.Body, "<script>alert") || strings.Contains(p.Body, "<img src=x") {
			t.Fatalf("%s: user content not escaped:\n%s", path, p.Body)
		}
		if !strings.Contains(p.Body, "&lt;script&gt;alert(&#34;objet&#34;)&lt;/script&gt;") {
			t.Fatalf("%s: escaped subject missing:\n%s", path, p.Body)
		}
	}
	// Sent page of the teacher shows the message too, escaped.
	if p := prof.get("/sent"); strings.Contains(p.Body, "<script>alert") || !strings.Contains(p.Body, "&lt;script&gt;") {
		t.Fatalf("sent page:\n%s", p.Body)
	}
}

func TestAttachmentDownload(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Documents", "Ci-joint.",
		file{"bulletin.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"}, file{"notes.txt", "Sortie jeudi, départ 8 h 30.\n"})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get(strings.TrimSuffix(p.Header.Get("Location"), "?envoye=1"))
	links := regexp.MustCompile(`href="(/attachments/\d+)"[^>]*>([^<]+)<`).FindAllStringSubmatch(p.Body, -1)
	if len(links) != 2 {
		t.Fatalf("attachment links: %v\n%s", links, p.Body)
	}
	want := map[string]string{"bulletin.pdf": "application/pdf", "notes.txt": "text/plain"}
	for _, l := range links {
		a := parent.get(l[1])
		if a.Status != http.StatusOK {
			t.Fatalf("%s: %d", l[1], a.Status)
		}
		if got := a.Header.Get("Content-Disposition"); got != "attachment; filename*=UTF-8''"+l[2] {
			t.Errorf("%s Content-Disposition = %q", l[2], got)
		}
		if got := a.Header.Get("Content-Type"); !strings.HasPrefix(got, want[l[2]]) {
			t.Errorf("%s Content-Type = %q, want %q", l[2], got, want[l[2]])
		}
		if got := a.Header.Get("Content-Security-Policy"); !strings.Contains(got, "sandbox") {
			t.Errorf("%s CSP = %q", l[2], got)
		}
		if a.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s without nosniff", l[2])
		}
	}
	// Someone else gets nothing, not even a hint that it exists.
	other := newBrowser(t, srv)
	other.login("parent.hugo", "")
	if o := other.get(links[0][1]); o.Status != http.StatusNotFound {
		t.Errorf("stranger %s: %d", links[0][1], o.Status)
	}
}

func TestPagesAndErrors(t *testing.T) {
	e, srv := env(t)
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	for _, c := range []struct {
		path   string
		status int
		want   string
	}{
		{"/inbox", 200, "aucun message non lu"},
		{"/sent", 200, "Aucun message envoyé."},
		{"/trash", 200, "La corbeille est vide."},
		{"/drafts", 200, "Aucun brouillon."},
		{"/compose", 200, "Destinataires"},
		{"/account", 200, "Marie Dupont"},
		{"/admin", 403, "réservée"},
		{"/messages/999", 404, "Message introuvable."},
		{"/messages/abc", 404, "Cette page n’existe pas."},
		{"/nulle-part", 404, "Cette page n’existe pas."},
		{"/inbox?avant=-3", 422, "Adresse de page invalide."},
	} {
		p := parent.get(c.path)
		if p.Status != c.status || !strings.Contains(html.UnescapeString(p.Body), c.want) {
			t.Errorf("%s: %d, want %d with %q\n%s", c.path, p.Status, c.status, c.want, p.Body)
		}
	}
	if p := parent.get("/admin"); strings.Contains(p.Body, `href="/admin"`) {
		t.Error("the administration link is shown to a parent")
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	if p := head.get("/admin"); p.Status != 200 || !strings.Contains(p.Body, "Collège Jean Moulin (0780001A)") || !strings.Contains(p.Body, `href="/admin"`) {
		t.Errorf("admin for head: %d\n%s", p.Status, p.Body)
	}
}

func TestTrashAndRestore(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Réunion", "Mardi 18 h.")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	msg := strings.TrimSuffix(p.Header.Get("Location"), "?envoye=1")
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	if p := parent.get("/inbox"); !strings.Contains(p.Body, "1 non lu") {
		t.Fatalf("unread count:\n%s", p.Body)
	}
	// Each message page leads back to the folder it was opened from, on a
	// phone too, where the menu is folded.
	back := func(who *browser, want string) {
		t.Helper()
		if p := who.get(msg); !strings.Contains(p.Body, want) {
			t.Errorf("no way back %q on the message page:\n%s", want, p.Body)
		}
	}
	back(parent, `<a href="/inbox">← Boîte de réception</a>`)
	back(prof, `<a href="/sent">← Messages envoyés</a>`)
	p = parent.post(msg+"/trash", url.Values{"csrf": {parent.csrf()}})
	if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/inbox?ok=trashed" {
		t.Fatalf("trash: %d %s", p.Status, p.Header.Get("Location"))
	}
	if p := parent.get("/trash"); !strings.Contains(p.Body, "Réunion") {
		t.Fatal("not in the trash")
	}
	back(parent, `<a href="/trash">← Corbeille</a>`)
	if p := parent.get("/inbox?ok=trashed"); strings.Contains(p.Body, "Réunion") || !strings.Contains(p.Body, "placé dans la corbeille") {
		t.Fatal("still in the inbox")
	}
	p = parent.post(msg+"/restore", url.Values{"csrf": {parent.csrf()}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("restore: %d", p.Status)
	}
	if p := parent.get("/inbox"); !strings.Contains(p.Body, "Réunion") {
		t.Fatal("not restored")
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// TestClassAndParentsUnderTheCircular: under the default rules a teacher's
// message to a class and its parents reaches the parents; the pupils, who
// may not receive, are named as not reached with the rule's reason, after
// the send and in the sent folder's view of the message, the first few
// and « et 23 autres » for a class of 31, and nothing is refused.
func TestClassAndParentsUnderTheCircular(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "circular-2024", "national"); err != nil {
		t.Fatal(err)
	}
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		for i := 1; i <= 30; i++ {
			if _, err := tx.UpsertUser(ctx, bouclier.User{Username: fmt.Sprintf("eleve.4a%02d", i), DisplayName: fmt.Sprintf("Élève %02d Test", i),
				Role: bouclier.RoleStudent, Academie: "versailles", UAI: "0780001A", Class: "4A"}, "", time.Now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"class:0780001A/4A", "parents:0780001A/4A"}, "Sortie au musée", "Départ jeudi à 8 h 30 devant le collège.")
	loc := p.Header.Get("Location")
	if p.Status != http.StatusSeeOther || !strings.Contains(loc, "envoye=1") {
		t.Fatalf("send: %d %q\n%s", p.Status, loc, p.Body)
	}
	msg := strings.SplitN(loc, "?", 2)[0]
	for _, c := range []struct{ name, path string }{{"after the send", loc}, {"from the sent folder", msg}} {
		p = prof.get(c.path)
		body := html.UnescapeString(p.Body)
		for _, want := range []string{"Non distribué à", "Ces 31\u00a0destinataires ne peuvent pas recevoir de messages",
			"Motif\u202f: Messagerie fermée aux élèves (circulaire de mars 2024).", "Léa Dupont, élève de 4A", "Élève 01 Test, élève de 4A",
			"et 23\u00a0autres", "Élève 30 Test, élève de 4A"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: no %q in\n%s", c.name, want, body)
			}
		}
		if strings.Contains(body, "eleve.dupont") || strings.Contains(body, "réception fermée") {
			t.Errorf("%s: login name or raw reason shown", c.name)
		}
	}
	if strings.Contains(p.Body, "Message envoyé.") || !strings.Contains(prof.get(loc).Body, "Message envoyé.") {
		t.Errorf("« Message envoyé » should be said right after the send only")
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	if p := parent.get("/inbox"); !strings.Contains(p.Body, "Sortie au musée") {
		t.Errorf("parent did not receive it")
	}
	// Only the sender sees who was left out.
	if p := parent.get(msg); strings.Contains(p.Body, "Non distribué") || strings.Contains(p.Body, "Élève 01") {
		t.Errorf("a recipient sees who was left out:\n%s", p.Body)
	}
}

// TestReportFromInbox: a recipient reports a message in one action, and the
// head sees the report with the message.
func TestReportFromInbox(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Remarque", "Votre enfant ne mérite pas sa place ici.")
	msg := strings.SplitN(p.Header.Get("Location"), "?", 2)[0]
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get(msg)
	if !strings.Contains(p.Body, "Signaler ce message") {
		t.Fatalf("no report button:\n%s", p.Body)
	}
	if p = parent.post(msg+"/report", url.Values{"csrf": {field(t, p.Body, "csrf")}, "motif": {"Harcèlement ou insulte"}, "commentaire": {"Propos blessants"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("report: %d\n%s", p.Status, p.Body)
	}
	if p = parent.get(p.Header.Get("Location")); !strings.Contains(p.Body, "signalement a été transmis") {
		t.Errorf("no acknowledgement:\n%s", p.Body)
	}
	if p = parent.post(msg+"/report", url.Values{"csrf": {parent.csrf()}, "motif": {"n’importe quoi"}}); p.Status < 400 {
		t.Errorf("unknown reason accepted: %d", p.Status)
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 1))
	if p = head.get("/admin/moderation"); !strings.Contains(p.Body, "Harcèlement ou insulte") ||
		!strings.Contains(p.Body, `<div class="body quote">Votre enfant ne mérite pas sa place ici.</div>`) {
		t.Errorf("head does not see the report with the message:\n%s", p.Body)
	}
	// Read and found harmless: closed without recalling the message.
	form := regexp.MustCompile(`action="(/admin/reports/[0-9]+/dismiss)"`).FindStringSubmatch(p.Body)
	if form == nil {
		t.Fatalf("no « Classer sans suite »:\n%s", p.Body)
	}
	if p = head.post(form[1], url.Values{"csrf": {field(t, p.Body, "csrf")}}); p.Status != http.StatusSeeOther {
		t.Fatalf("dismiss: %d\n%s", p.Status, p.Body)
	}
	if p = head.get(p.Header.Get("Location")); !strings.Contains(p.Body, "Signalement classé sans suite.") || strings.Contains(p.Body, "Propos blessants") {
		t.Errorf("after dismissing:\n%s", p.Body)
	}
	if p = parent.get(msg); p.Status != http.StatusOK || !strings.Contains(p.Body, "Votre enfant ne mérite pas sa place ici.") {
		t.Errorf("dismissing recalled the message: %d", p.Status)
	}
}

// TestSendAtReopening: a parent writing at night under the circular is
// offered « Envoyer à la réouverture », and the message arrives then.
func TestSendAtReopening(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "circular-2024", "national"); err != nil {
		t.Fatal(err)
	}
	// The family's computer, used earlier in the evening.
	e.Clock.Set(time.Date(2026, 11, 24, 18, 0, 0, 0, time.UTC))
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	e.Clock.Set(time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC)) // 23:30 in Paris
	parent = newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p := parent.send([]string{"user:prof.martin"}, "Absence", "Léa sera absente demain matin.")
	if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Envoyer à la réouverture") {
		t.Fatalf("closed: %d\n%s", p.Status, p.Body)
	}
	reopen := regexp.MustCompile(`name="send_at" value="([0-9T:-]+)">Envoyer à la réouverture`).FindStringSubmatch(p.Body)
	if reopen == nil || reopen[1] != "2026-11-25T07:00" {
		t.Fatalf("reopening offered: %v", reopen)
	}
	p = parent.postMultipart("/compose", url.Values{"csrf": {parent.csrf()}, "to": {"user:prof.martin"}, "subject": {"Absence"},
		"body": {"Léa sera absente demain matin."}, "send_at": {reopen[1]}, "draft_id": {field(t, p.Body, "draft_id")}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("scheduled at the reopening: %d\n%s", p.Status, p.Body)
	}
	if p = parent.get(p.Header.Get("Location")); !strings.Contains(p.Body, "Message programmé") {
		m, _ := e.App.DB.MessageByID(ctx, 1)
		t.Errorf("not told it is scheduled: %v", m.Reasons)
	}
	e.Clock.Set(time.Date(2026, 11, 25, 6, 1, 0, 0, time.UTC))
	if n, err := e.App.Messaging.DeliverDue(ctx); err != nil || n != 1 {
		t.Fatalf("at the reopening: %d %v", n, err)
	}
}

// TestUrgentFromCompose: a head writes at night through the emergency
// override from the compose form; the académie sees the send and its
// reason.
func TestUrgentFromCompose(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "circular-2024", "national"); err != nil {
		t.Fatal(err)
	}
	e.Clock.Set(time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC)) // 23:30 in Paris
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	if p := head.get("/compose"); !strings.Contains(p.Body, "Envoi urgent") || strings.Contains(p.Body, "Inutile en ce moment") {
		t.Fatalf("no urgent option for the head, or said to be unneeded while messaging is closed")
	}
	p := head.postMultipart("/compose", url.Values{"csrf": {head.csrf()}, "to": {"user:prof.martin"}, "subject": {"Confinement"},
		"body": {"Alerte intrusion\u00a0: confinement demain dès 7 h 30."}, "urgent": {"1"}, "urgent_reason": {"alerte intrusion"}})
	if p.Status != http.StatusSeeOther || strings.Contains(p.Header.Get("Location"), "inutile") {
		t.Fatalf("urgent send: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	if p := parent.get("/compose"); strings.Contains(p.Body, "Envoi urgent") {
		t.Errorf("urgent option offered to a parent")
	}
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 1))
	p = rssi.get("/admin/urgent")
	if !strings.Contains(p.Body, "alerte intrusion") {
		t.Errorf("académie does not see the urgent send:\n%s", p.Body)
	}
	// The journal reads as people, subjects and establishments, not as the
	// audit entry's login, message id and key=value detail.
	journal := p.Body[strings.Index(p.Body, "<table"):]
	for _, want := range []string{"Claire Principal", "«\u00a0Confinement\u00a0»", "Collège Jean Moulin"} {
		if !strings.Contains(journal, want) {
			t.Errorf("urgent journal lacks %q:\n%s", want, journal)
		}
	}
	for _, raw := range []string{"principal.moulin", "message:", "reason=", "recipients=", "establishment:"} {
		if strings.Contains(journal, raw) {
			t.Errorf("urgent journal shows the raw %q:\n%s", raw, journal)
		}
	}
}

// TestInboxSearchAndPages: a word finds its message among many, filters
// narrow the list, and the pages go older and back newer.
func TestInboxSearchAndPages(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	prof, _ := e.App.DB.UserByName(ctx, "prof.martin")
	parent, _ := e.App.DB.UserByName(ctx, "parent.dupont")
	const pageSize = 50 // the folders' page
	const n = 2*pageSize + 10
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			body := fmt.Sprintf("Devoirs de la semaine %d.", i)
			if i == 37 {
				body = "La sortie à Giverny est confirmée."
			}
			if _, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: prof.ID, Subject: fmt.Sprintf("Message %d", i), Body: body,
				To: []string{"user:parent.dupont"}, Status: bouclier.StatusDelivered, SentAt: store.Micros(e.Clock.Now()), UAI: "0780001A", Academie: "versailles"},
				[]int64{parent.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, srv)
	b.login("parent.dupont", "")
	p := b.get("/inbox?q=giverny")
	if strings.Count(p.Body, `href="/messages/`) != 1 || !strings.Contains(p.Body, "Message 37") {
		t.Fatalf("search:\n%s", p.Body)
	}
	if p = b.get("/inbox?q=introuvable"); !strings.Contains(p.Body, "Aucun message ne correspond") {
		t.Errorf("empty search:\n%s", p.Body)
	}
	first := b.get("/inbox")
	older := regexp.MustCompile(`href="(/inbox\?avant=\d+)">Messages plus anciens`).FindStringSubmatch(first.Body)
	if older == nil || strings.Contains(first.Body, "Messages plus récents") {
		t.Fatalf("first page links:\n%s", first.Body)
	}
	second := b.get(html.UnescapeString(older[1]))
	newer := regexp.MustCompile(`href="(/inbox\?apres=\d+)">Messages plus récents`).FindStringSubmatch(second.Body)
	if newer == nil || strings.Contains(second.Body, fmt.Sprintf("Message %d<", n-1)) {
		t.Fatalf("second page:\n%s", second.Body)
	}
	back := b.get(html.UnescapeString(newer[1]))
	if !strings.Contains(back.Body, fmt.Sprintf("Message %d<", n-1)) || !strings.Contains(back.Body, fmt.Sprintf("Message %d<", n-pageSize)) {
		t.Fatalf("back to the newest page:\n%s", back.Body)
	}
}
