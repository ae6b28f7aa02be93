package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/textfold"
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

// TestIncidentSuspensionsGrouped: an incident's suspension of 400
// establishments is one entry of the suspensions page, with their names
// folded away, not 400 cards; it is lifted at once after a confirmation
// that names them, and a stale or foreign id lifts nothing.
func TestIncidentSuspensionsGrouped(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	id := seedDrill(t, e.App.DB, e.Clock.Now())
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	if p := rssi.post(fmt.Sprintf("/admin/incidents/%d/suspend", id), url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("suspend: %d\n%s", p.Status, p.Body)
	}
	body := rssi.get("/admin/suspensions").Body
	if n := strings.Count(body, `<li class="card">`); n != 1 || !strings.Contains(body, "<strong>400\u00a0établissements</strong> · Envoi suspendu pour les élèves, les parents et les enseignants") ||
		!strings.Contains(body, "<summary>Voir les 400\u00a0établissements</summary>") || !strings.Contains(body, ">Lever la suspension dans ces 400\u00a0établissements</button>") {
		t.Fatalf("%d entries for the incident's suspension:\n%s", n, body[strings.Index(body, "Suspensions en vigueur"):min(len(body), strings.Index(body, "Suspensions en vigueur")+3000)])
	}
	ids := regexp.MustCompile(`name="id" value="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(ids) != 400 {
		t.Fatalf("%d ids in the group's form", len(ids))
	}
	form := url.Values{"csrf": {rssi.csrf()}}
	for _, m := range ids {
		form.Add("id", m[1])
	}
	p := rssi.post("/admin/suspensions/lift", form)
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "sera levée dans 400\u00a0établissements\u00a0: ") || !strings.Contains(p.Body, "et 390\u00a0autres") {
		t.Fatalf("lift's confirmation: %d\n%s", p.Status, p.Body)
	}
	if n := strings.Count(rssi.get("/admin/suspensions").Body, `name="id" value=`); n != 400 {
		t.Fatalf("lifted before the confirmation: %d left", n)
	}
	stale := url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}, "id": {ids[0][1], "s-inconnue"}}
	if p := rssi.post("/admin/suspensions/lift", stale); p.Status != http.StatusNotFound {
		t.Errorf("an unknown id: %d", p.Status)
	}
	form.Set("confirm", "1")
	if p := rssi.post("/admin/suspensions/lift", form); p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/admin/suspensions?ok=levees" {
		t.Fatalf("lift: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	if body := rssi.get("/admin/suspensions?ok=levees").Body; !strings.Contains(body, "Aucune suspension en vigueur.") || !strings.Contains(body, "Suspensions levées") {
		t.Errorf("after lifting:\n%s", body)
	}
}

// TestDashboardCountsAllAtRisk: after an incident's 120 accounts are
// contained, the dashboard counts 120 accounts to watch (figure and
// bars), not the rows its table shows, and says the table is the most
// active 20 (a short page on a phone).
func TestDashboardCountsAllAtRisk(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	id := seedDrill(t, e.App.DB, e.Clock.Now())
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	if p := rssi.post(fmt.Sprintf("/admin/incidents/%d/contain", id), url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("contain: %d\n%s", p.Status, p.Body)
	}
	body := rssi.get("/admin/dashboard").Body
	if m := regexp.MustCompile(`<span class="kpi">(\d+)</span> comptes à surveiller`).FindStringSubmatch(body); m == nil || len(m[1]) != 3 || m[1] < "120" {
		t.Errorf("accounts to watch: %q", m)
	}
	for _, want := range []string{`<span id="risque-1">Lecture seule</span> <meter min="0" max="200" value="120"`,
		"Les 20&nbsp;comptes les plus actifs sur 12"} {
		if !strings.Contains(body, want) {
			t.Errorf("the dashboard lacks %q", want)
		}
	}
	if n := strings.Count(body, `data-label="Rôle"`); n != 20 {
		t.Errorf("%d rows in the table", n)
	}
}

// TestIncidentTimelineNamesActor: the timeline names who contained the
// accounts as a person, not by login, and separates an event's kind from
// its detail; the page says the accounts are contained rather than offer
// it again.
func TestIncidentTimelineNamesActor(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	id := seedDrill(t, e.App.DB, e.Clock.Now())
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	base := fmt.Sprintf("/admin/incidents/%d", id)
	if p := rssi.post(base+"/contain", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("contain: %d\n%s", p.Status, p.Body)
	}
	page := rssi.get(base).Body
	// Contained: said, and not offered again.
	if !strings.Contains(page, "Les 120\u00a0comptes de l’incident sont en lecture seule.") || strings.Contains(page, base+"/contain\"") {
		t.Error("the contained incident does not say so, or offers to contain again")
	}
	tl := regexp.MustCompile(`(?s)<ol class="timeline">.*?</ol>`).FindString(page)
	if !strings.Contains(tl, "<strong>Comptes bloqués</strong>&#x202F;: comptes en lecture seule, sessions révoquées, par RSSI de l’académie de Versailles") ||
		strings.Contains(tl, "par rssi.versailles") || strings.Contains(tl, "<strong>Événement</strong> copies") {
		t.Errorf("the timeline:\n%s", tl)
	}
}

// TestIncidentActionsInScope: the head of one of an académie incident's
// establishments sees its figures but names and suspends only their own
// establishment; the officer's page says what is suspended, offers to
// lift it rather than suspend again, and a second suspension changes
// nothing.
func TestIncidentActionsInScope(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	ctx := context.Background()
	id := seedDrill(t, e.App.DB, e.Clock.Now())
	if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { _, err := tx.AddCampaignPlace(ctx, id, "0780001A", "versailles"); return err }); err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("/admin/incidents/%d", id)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	body := head.get(base).Body
	if !strings.Contains(body, "(1 de votre périmètre sur 401)") || strings.Contains(body, "Collège Marie Curie") ||
		!strings.Contains(body, ">Suspendre l’envoi dans 1\u00a0établissement</button>") {
		t.Fatalf("the head's incident page:\n%s", body[strings.Index(body, "<main"):])
	}
	// None of the incident's accounts is the head's: said, not an empty cell.
	if body := head.get("/admin/incidents").Body; !strings.Contains(body, `data-label="Comptes">aucun compte</td>`) {
		t.Errorf("the head's list of incidents:\n%s", regexp.MustCompile(`(?s)<tbody.*?</tbody>`).FindString(body))
	}
	p := head.post(base+"/suspend", url.Values{"csrf": {head.csrf()}})
	if !strings.Contains(p.Body, "suspendu pour les élèves, les parents et les enseignants dans l’établissement Collège Jean Moulin") || strings.Contains(p.Body, "401") {
		t.Errorf("the head's confirmation:\n%s", p.Body)
	}
	if p := head.post(base+"/suspend", url.Values{"csrf": {head.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("the head's suspension: %d\n%s", p.Status, p.Body)
	}
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 1))
	if n := strings.Count(rssi.get("/admin/suspensions").Body, "incident de sécurité n°"); n != 1 {
		t.Errorf("%d suspensions after the head's, want their establishment's only", n)
	}
	body = rssi.get(base).Body
	if !strings.Contains(body, "Envoi suspendu dans 1\u00a0établissement de l’incident depuis le ") || !strings.Contains(body, "pas encore dans 400\u00a0établissements") ||
		!strings.Contains(body, ">Suspendre l’envoi dans les 400\u00a0établissements restants</button>") {
		t.Errorf("the officer's page after the head's suspension:\n%s", body[strings.Index(body, "<main"):strings.Index(body, "Messages dans le temps")])
	}
	if p := rssi.post(base+"/suspend", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("the officer's suspension: %d\n%s", p.Status, p.Body)
	}
	// The officer's 400 as one group, the head's own apart.
	if body := rssi.get("/admin/suspensions").Body; strings.Count(body, `name="id" value=`) != 400 || strings.Count(body, "incident de sécurité n°") != 2 {
		t.Errorf("suspensions: %d in the group, %d entries", strings.Count(body, `name="id" value=`), strings.Count(body, "incident de sécurité n°"))
	}
	body = rssi.get(base).Body
	if strings.Contains(body, "/suspend\"") || !strings.Contains(body, ">Lever la suspension (401\u00a0établissements)</button>") {
		t.Errorf("the officer's page once all is suspended:\n%s", body[strings.Index(body, "<main"):strings.Index(body, "Messages dans le temps")])
	}
	if p := rssi.post(base+"/suspend", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Header.Get("Location") != base+"?ok=incidentdejasuspendu" {
		t.Errorf("suspended twice: %d %s", p.Status, p.Header.Get("Location"))
	}

	// The head lifts their own suspension from the incident; the
	// académie then suspends their establishment: the head is told it is
	// not theirs to lift, and offered no form that would be refused.
	ids := regexp.MustCompile(`name="id" value="([^"]+)"`).FindAllStringSubmatch(head.get(base).Body, -1)
	if len(ids) != 1 {
		t.Fatalf("the head may lift %d suspensions, want their own", len(ids))
	}
	if p := head.post("/admin/suspensions/lift", url.Values{"csrf": {head.csrf()}, "confirm": {"1"}, "id": {ids[0][1]}}); p.Status != http.StatusSeeOther {
		t.Fatalf("the head's lift: %d\n%s", p.Status, p.Body)
	}
	if p := rssi.post(base+"/suspend", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("the officer's second suspension: %d", p.Status)
	}
	body = head.get(base).Body
	if !strings.Contains(body, "Décidée à un niveau supérieur, la suspension ne peut être levée que par lui.") || strings.Contains(body, `action="/admin/suspensions/lift"`) {
		t.Errorf("the head's page under the académie's suspension:\n%s", body[strings.Index(body, "<main"):strings.Index(body, "Messages dans le temps")])
	}
	if body := head.get("/admin/suspensions").Body; !strings.Contains(body, "incident de sécurité n°") || strings.Contains(body, "Lever la suspension") ||
		!strings.Contains(body, "Décidée à un niveau supérieur&#x202F;: seul ce niveau peut la lever.") {
		t.Errorf("the head's suspensions page offers to lift the académie's suspension, or does not say why not")
	}
	// A teacher's banner says why once, not « suspendue : … suspendue ».
	teacher := newBrowser(t, srv)
	teacher.login("prof.martin", e.OTP(t, 0))
	if body := teacher.get("/inbox").Body; !strings.Contains(body, "incident de sécurité n°\u00a01 en cours d’analyse par l’académie.") || strings.Contains(body, "le temps de l’analyse") {
		t.Errorf("the head's banner:\n%s", regexp.MustCompile(`(?s)<div class="banner.*?</div>`).FindString(body))
	}
	// Suspended by the académie, the head still explains to the parents.
	if p := head.send([]string{"parents:0780001A/4A"}, "Incident de ce matin", "La messagerie des élèves est suspendue le temps de l’analyse."); p.Status != http.StatusSeeOther {
		t.Errorf("the head cannot write to the parents under the incident's suspension: %d\n%s", p.Status, p.Body)
	}

	// The académie contains the incident's accounts, none of them the
	// head's: the head's timeline counts them without their logins, and
	// the head is not offered to close what only the académie may close.
	if p := rssi.post(base+"/contain", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("contain: %d", p.Status)
	}
	body = head.get(base).Body
	tl := regexp.MustCompile(`(?s)<ol class="timeline">.*?</ol>`).FindString(body)
	if !strings.Contains(tl, " : 120 comptes d’autres établissements</li>") || strings.Contains(body, "eleve.drill.") {
		t.Errorf("the head's timeline:\n%s", tl)
	}
	if strings.Contains(body, base+"/close") || !strings.Contains(body, "seule l’académie peut le clore") {
		t.Error("the head is offered to close an académie's incident")
	}
	if body := rssi.get(base).Body; !strings.Contains(body, base+"/close") || !strings.Contains(body, "eleve.drill.004 et 115 autres") {
		t.Error("the officer lost the close form or the timeline's logins")
	}
}

// TestScopeSelectorByName: an officer's scope selector puts their own
// scope first, then the académie's 402 establishments under a heading
// that counts them, by name (not by code), so that typing a name finds it.
func TestScopeSelectorByName(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	seedDrill(t, e.App.DB, e.Clock.Now())
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	body := rssi.get("/admin/suspensions").Body
	sel := regexp.MustCompile(`(?s)<select id="scope" name="scope">(.*?)</select>`).FindStringSubmatch(body)
	if sel == nil {
		t.Fatal("no scope selector")
	}
	if !strings.HasPrefix(sel[1], `<option value="academie:versailles" selected>Académie de Versailles</option><optgroup label="Établissements (402)">`) {
		t.Errorf("the selector starts with %q", sel[1][:min(len(sel[1]), 200)])
	}
	var names []string
	for _, m := range regexp.MustCompile(`<option value="establishment:[^"]+">([^<]+)</option>`).FindAllStringSubmatch(sel[1], -1) {
		names = append(names, textfold.Fold(html.UnescapeString(m[1])))
	}
	if len(names) != 402 || !slices.IsSorted(names) {
		t.Errorf("%d establishments, sorted: %v (%q…)", len(names), slices.IsSorted(names), names[:min(5, len(names))])
	}
}

// TestIncidentSearchCounts: an account search on an incident says how
// many of its accounts it found, for what, and leads back to them all.
func TestIncidentSearchCounts(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	id := seedDrill(t, e.App.DB, e.Clock.Now())
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	base := fmt.Sprintf("/admin/incidents/%d", id)
	body := rssi.get(base + "?compte=drill.07").Body
	if !strings.Contains(body, "10&nbsp;comptes sur 120 pour «&nbsp;drill.07&nbsp;» · <a href=\""+base+"#comptes\">Voir tous les comptes</a>") {
		t.Errorf("the search does not say what it found:\n%s", regexp.MustCompile(`(?s)<h2 id="comptes">.*?</ul>`).FindString(body))
	}
	if body := rssi.get(base + "?compte=personne").Body; !strings.Contains(body, "0&nbsp;compte sur 120 pour «&nbsp;personne&nbsp;»") {
		t.Error("an empty search does not say it found none")
	}
}
