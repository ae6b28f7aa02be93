package web_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestIncidentListsFolded: at drill size the incident page gives the
// counts, the actions and the closing form first; the lists of 400
// establishments, 120 accounts and the timeline come folded under their
// counts, each opened when the officer pages or searches it.
func TestIncidentListsFolded(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	id := seedDrill(t, e.App.DB, e.Clock.Now())
	base := fmt.Sprintf("/admin/incidents/%d", id)
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	const places, accounts = `<summary>Liste des établissements`, `<summary>Liste des comptes`
	open := func(body, summary string) bool {
		i := strings.Index(body, summary)
		if i < 0 {
			t.Fatalf("no %s in the page", summary)
		}
		j := strings.LastIndex(body[:i], "<details")
		return strings.Contains(body[j:i], " open>")
	}
	body := rssi.get(base).Body
	if open(body, places) || open(body, accounts) {
		t.Errorf("the lists of 400 establishments and 120 accounts are not folded")
	}
	if !open(body, "<summary>Liste des événements") {
		t.Errorf("a timeline of one event is folded")
	}
	order := []string{`<span class="kpi">`, `id="actions-incident"`, `action="` + base + `/close"`, `id="graphe-incident"`, `id="etablissements"`, `id="comptes"`}
	for i := 1; i < len(order); i++ {
		if a, b := strings.Index(body, order[i-1]), strings.Index(body, order[i]); a < 0 || b < a {
			t.Errorf("%s is not before %s", order[i-1], order[i])
		}
	}
	if body := rssi.get(base + "?etablissements=2").Body; !open(body, places) || open(body, accounts) {
		t.Errorf("the second page of establishments is not shown open, alone")
	}
	if body := rssi.get(base + "?comptes=3").Body; !open(body, accounts) {
		t.Errorf("the third page of accounts is not shown open")
	}
	if body := rssi.get(base + "?compte=drill.004").Body; !open(body, accounts) || !strings.Contains(body, "eleve.drill.004") {
		t.Errorf("an account search is not shown open")
	}
}
