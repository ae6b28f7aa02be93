package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestGroupLabelOneWording: a group reads the same in the picker and in
// the message sent to it (« Parents de 4A » in both, not « Parents
// d’élèves de 4A » in one).
func TestGroupLabelOneWording(t *testing.T) {
	e, srv := env(t)
	teacher := newBrowser(t, srv)
	teacher.login("prof.martin", e.OTP(t, 0))
	var r struct {
		Results []struct{ Expr, Label string }
	}
	if err := json.Unmarshal([]byte(teacher.get("/compose/destinataires?q="+url.QueryEscape("parents 4a")).Body), &r); err != nil {
		t.Fatal(err)
	}
	picker := ""
	for _, x := range r.Results {
		if x.Expr == "parents:0780001A/4A" {
			picker = x.Label
		}
	}
	if picker == "" {
		t.Fatalf("the picker does not offer the parents of 4A: %+v", r.Results)
	}
	p := teacher.send([]string{"parents:0780001A/4A"}, "Sortie au musée", "Départ à 8 h 30.")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	body := html.UnescapeString(teacher.get(p.Header.Get("Location")).Body)
	if !strings.Contains(body, "À : "+picker+"\n") && !strings.Contains(body, "À\u00a0: "+picker) && !strings.Contains(body, "À : "+picker) {
		i := strings.Index(body, "À")
		t.Errorf("the picker says %q, the message says %q", picker, body[i:min(len(body), i+80)])
	}
}

// TestDashboardNamesEstablishments: the accounts to watch name their
// establishment for the académie officer (« Collège Jean Moulin
// (0780001A) »), not its bare code, and not at all for the head of it.
func TestDashboardNamesEstablishments(t *testing.T) {
	e, srv := env(t)
	teacher := newBrowser(t, srv)
	teacher.login("prof.martin", e.OTP(t, 0)) // a new device: an account to watch
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	body := rssi.get("/admin/dashboard").Body
	if !strings.Contains(body, "prof.martin · Collège Jean Moulin (0780001A)</span>") || strings.Contains(body, "prof.martin · 0780001A") {
		i := strings.Index(body, "prof.martin")
		t.Errorf("the officer's accounts to watch: %q", body[max(0, i):min(len(body), i+120)])
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	if body := head.get("/admin/dashboard").Body; !strings.Contains(body, "prof.martin</span>") {
		i := strings.Index(body, "prof.martin")
		t.Errorf("the head's accounts to watch: %q", body[max(0, i):min(len(body), i+120)])
	}
}

// TestUrgentWhileOpenSaysSo: while messaging is open the compose form says
// the emergency override is not needed, and a send that asks for it
// anyway is told it went as any other, not reported to the académie.
func TestUrgentWhileOpenSaysSo(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	if body := head.get("/compose").Body; !strings.Contains(body, "Inutile en ce moment&#x202F;: la messagerie est ouverte") {
		t.Errorf("the compose form does not say the urgent send is not needed now")
	}
	p := head.postMultipart("/compose", url.Values{"csrf": {head.csrf()}, "to": {"user:prof.martin"}, "subject": {"Exercice"},
		"body": {"Exercice d’évacuation à 10 h."}, "urgent": {"1"}, "urgent_reason": {"exercice"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	if body := head.get(p.Header.Get("Location")).Body; !strings.Contains(body, "L’envoi urgent n’a pas été nécessaire&#x202F;: la messagerie était ouverte.") {
		t.Errorf("the sent message does not say the urgent send was not needed:\n%s", body)
	}
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 1))
	if body := rssi.get("/admin/urgent").Body; strings.Contains(body, "Exercice") {
		t.Errorf("a send while open is listed as urgent")
	}
}
