package web_test

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

// TestAccountActionsSayWhatWasDone: after each action on an account the
// page says what it did (« Compte verrouillé », « 1 session fermée »),
// not « C’est fait »; the lock reads as words (who, by name, and the
// reason, without the service's « admin: » prefix or an identifier), and
// a locked account is offered « Déverrouiller », not a second lock.
func TestAccountActionsSayWhatWasDone(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.get("/admin/accounts?nom=prof.bernard")
	tok := field(t, p.Body, "csrf")
	post := func(action string, v url.Values) string {
		t.Helper()
		v.Set("csrf", tok)
		p := head.post("/admin/accounts/prof.bernard/"+action, v)
		if p.Status != 303 {
			t.Fatalf("%s: %d\n%s", action, p.Status, p.Body)
		}
		return html.UnescapeString(head.get(p.Header.Get("Location")).Body)
	}
	body := post("lock", url.Values{"reason": {"mot de passe volé"}})
	for _, want := range []string{"Compte verrouillé\u00a0: il ne peut plus se connecter",
		"<strong>Verrouillé</strong> par la direction de l’établissement. Motif\u202f: mot de passe volé",
		`action="/admin/accounts/prof.bernard/unlock"`} {
		if !strings.Contains(body, want) {
			t.Errorf("after locking, the page lacks %q", want)
		}
	}
	for _, not := range []string{"C’est fait", "admin:", `action="/admin/accounts/prof.bernard/lock"`} {
		if strings.Contains(body, not) {
			t.Errorf("after locking, the page shows %q", not)
		}
	}
	if body = post("unlock", url.Values{}); !strings.Contains(body, "Compte déverrouillé") || !strings.Contains(body, `action="/admin/accounts/prof.bernard/lock"`) {
		t.Errorf("after unlocking: no flash or no lock form")
	}
	if body = post("read-only", url.Values{}); !strings.Contains(body, "Compte mis en lecture seule") {
		t.Errorf("after read-only: no flash")
	}
	bernard := newBrowser(t, srv)
	bernard.login("prof.bernard", e.OTP(t, 0))
	if body = post("sessions", url.Values{}); !strings.Contains(body, "1\u00a0session fermée\u00a0: la personne devra se reconnecter.") {
		t.Errorf("after closing the sessions: no count")
	}
	if body = post("sessions", url.Values{}); !strings.Contains(body, "Aucune session n’était ouverte.") {
		t.Errorf("after closing no session: no flash")
	}

	// An académie's lock names the académie, not its identifier.
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	p = rssi.get("/admin/accounts?nom=parent.dupont")
	p = rssi.post("/admin/accounts/parent.dupont/lock", url.Values{"csrf": {field(t, p.Body, "csrf")}, "reason": {"compte usurpé"}})
	body = html.UnescapeString(rssi.get(p.Header.Get("Location")).Body)
	if !strings.Contains(body, "par l’académie de Versailles. Motif\u202f: compte usurpé") || strings.Contains(body, "(versailles)") {
		t.Errorf("académie's lock: %s", body[strings.Index(body, "<ul>"):][:300])
	}
}
