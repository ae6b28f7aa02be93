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
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/textfold"
)

// seedDrill opens an incident at the size of the académie drill: 400
// establishments, 120 accounts, 2,000 held messages of three texts over
// three hours. It returns the incident's id.
func seedDrill(t testing.TB, db *store.DB, now time.Time) int64 {
	t.Helper()
	if !isAtSize(t) {
		t.Fatal("seedDrill: a test that seeds at size is marked atSize first")
	}
	ctx := context.Background()
	var id int64
	err := db.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if id, _, err = tx.OpenCampaign(ctx, "seed-drill", "review", "Même texte envoyé depuis 400 établissements", store.Micros(now)); err != nil {
			return err
		}
		uais := make([]string, 400)
		for i := range uais {
			uais[i] = fmt.Sprintf("0789%03dZ", i)
			// Named as schools are (demo.SchoolName), in an order that is
			// not the UAIs': the page sorts them by name.
			if err := tx.UpsertEstablishment(ctx, bouclier.Establishment{UAI: uais[i], Name: demo.SchoolName(i), Academie: "versailles"}); err != nil {
				return err
			}
			if _, err := tx.AddCampaignPlace(ctx, id, uais[i], "versailles"); err != nil {
				return err
			}
		}
		senders := make([]int64, 120)
		for i := range senders {
			if senders[i], err = tx.UpsertUser(ctx, bouclier.User{Username: fmt.Sprintf("eleve.drill.%03d", i), DisplayName: demo.PersonName(i),
				Role: bouclier.RoleStudent, Academie: "versailles", UAI: uais[i%400]}, "", now); err != nil {
				return err
			}
			if _, err := tx.AddCampaignAccount(ctx, id, senders[i]); err != nil {
				return err
			}
		}
		for i := range 2000 {
			subject, fp := "Ce soir", "fp-a"
			switch {
			case i%10 >= 9:
				subject, fp = "Rendez-vous", "fp-c"
			case i%10 >= 6:
				subject, fp = "Urgent", "fp-b"
			}
			at := store.Micros(now.Add(-3 * time.Hour).Add(time.Duration(i) * 5 * time.Second))
			m, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: senders[i%120], Subject: subject, Body: "Tous devant le portail ce soir, faites passer. " + fp,
				To: []string{"user:x"}, Status: bouclier.StatusHeld, SentAt: at, UAI: uais[i%400], Academie: "versailles", Fingerprint: fp,
				Reasons: []string{"motif du filtre, réservé à la modération"}}, nil)
			if err != nil {
				return err
			}
			if _, err := tx.AddCampaignMember(ctx, id, m, senders[i%120], at); err != nil {
				return err
			}
		}
		return tx.AddCampaignEvent(ctx, id, store.Micros(now), "review", "copies retenues")
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestIncidentAtDrillSize: the officer's incident page stays a summary at
// drill size (counts, a chart with its table, the top texts without the
// screen's reasons, 10 establishments (most messages, then by name) and 20 accounts a page, the
// accounts searchable), and its actions ask for a confirmation first.
func TestIncidentAtDrillSize(t *testing.T) {
	atSize(t)
	e, srv := env(t)
	id := seedDrill(t, e.App.DB, e.Clock.Now())
	base := fmt.Sprintf("/admin/incidents/%d", id)
	// The establishments first and last by name.
	var first struct{ name, uai string }
	lastSchool := ""
	for i := range 400 {
		n := demo.SchoolName(i)
		if first.name == "" || n < first.name {
			first.name, first.uai = n, fmt.Sprintf("0789%03dZ", i)
		}
		lastSchool = max(lastSchool, n)
	}
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	p := rssi.get(base)
	if p.Status != http.StatusOK {
		t.Fatalf("incident: %d\n%s", p.Status, p.Body)
	}
	if len(p.Body) > 120<<10 {
		t.Errorf("page of %d KiB at drill size", len(p.Body)>>10)
	}
	// The list of incidents and the dashboard count a drill's accounts and
	// establishments rather than run their 120 logins and 400 UAIs.
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/admin/incidents", []string{"<td role=\"cell\" data-label=\"Comptes\">120\u00a0comptes</td><td role=\"cell\" data-label=\"Établissements\">400\u00a0établissements</td>"}},
		{"/admin/dashboard", []string{"· 2\u202f000\u00a0messages · 120\u00a0comptes</li>", "</a>&#x202F;: Même texte envoyé depuis 400 établissements · ouvert le "}},
	} {
		body := rssi.get(c.path).Body
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q", c.path, w)
			}
		}
		if strings.Contains(body, "eleve.drill.0") || strings.Contains(body, "0789399Z") {
			t.Errorf("%s lists the drill's logins or UAIs", c.path)
		}
	}
	for _, want := range []string{`<span class="kpi">2` + "\u202f" + `000</span> messages`, `<span class="kpi">400</span> établissements`,
		`<span class="kpi">120</span> comptes`, "<strong>Ce soir</strong> · 1\u202f200&nbsp;messages", "Tous devant le portail",
		first.name + " <span class=\"meta\">(" + first.uai + ")</span>", "1 à 10 sur 400", "1 à 20 sur 120", "Rappeler les 2\u202f000\u00a0messages", "Suspendre l’envoi dans 400\u00a0établissements",
		`<table class="numbers">`, `aria-describedby="gi-desc"`, ">Messages</text>", ">Heure de début</text>", "Axe vertical gradué de 0 à ", "Détecté le ", ": Même texte envoyé depuis 400 établissements. Les chiffres ci-dessous sont à jour."} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("page lacks %q\n%s", want, regexp.MustCompile(`kpi">[^<]*</span>[^<]*`).FindAllString(p.Body, -1))
		}
	}
	if strings.Contains(p.Body, "réservé à la modération") {
		t.Error("the screen's reasons are shown")
	}
	if n := strings.Count(p.Body, "<rect "); n < 2 || n > 48 {
		t.Errorf("%d bars in the chart", n)
	}
	if n := strings.Count(p.Body, ">eleve.drill."); n != 20 {
		t.Errorf("%d accounts on the first page", n)
	}
	// Accounts as people, the login and the establishment aside; the
	// state capitalised.
	if !strings.Contains(p.Body, `<a href="/admin/accounts?nom=eleve.drill.000">`+demo.PersonName(0)+`, élève</a> <span class="meta">eleve.drill.000 · `+html.EscapeString(demo.SchoolName(0))+`</span>`) {
		t.Errorf("accounts not shown by their directory label:\n%s", regexp.MustCompile(`<li><a href="/admin/accounts[^\n]*`).FindAllString(p.Body, 2))
	}
	if !strings.Contains(p.Body, `<p class="lead"><strong>Ouvert</strong>. Détecté le `) {
		t.Error("state not « Ouvert » at the lead's start")
	}
	last := rssi.get(base + "?etablissements=40")
	if !strings.Contains(last.Body, "391 à 400 sur 400") || !strings.Contains(last.Body, html.EscapeString(lastSchool)) || strings.Contains(last.Body, html.EscapeString(first.name)) {
		t.Errorf("last page of establishments:\n%s", last.Body)
	}
	found := rssi.get(base + "?" + url.Values{"compte": {"drill.07"}}.Encode())
	if n := strings.Count(found.Body, ">eleve.drill."); n != 10 { // 070 to 079
		t.Errorf("search: %d accounts", n)
	}
	// By name too, whatever the case and the accents: « LEA MARTIN »
	// finds « Léa Martin ».
	accented := 0
	for textfold.Fold(demo.PersonName(accented)) == strings.ToLower(demo.PersonName(accented)) {
		accented++
	}
	for _, q := range []string{strings.ToUpper(demo.PersonName(accented)), textfold.Fold(demo.PersonName(accented))} {
		byName := rssi.get(base + "?" + url.Values{"compte": {q}}.Encode())
		if n := strings.Count(byName.Body, ">eleve.drill."); n != 1 || !strings.Contains(byName.Body, fmt.Sprintf(">eleve.drill.%03d · ", accented)) {
			t.Errorf("search by name %q: %d accounts\n%s", q, n, byName.Body)
		}
	}
	// The actions show their summary and do nothing yet.
	for path, want := range map[string]string{
		base + "/recall":  "2\u202f000\u00a0messages de l’incident seront rappelés",
		base + "/suspend": "les élèves, les parents et les enseignants dans les 400\u00a0établissements",
		base + "/contain": "Parmi les 120\u00a0comptes de l’incident, ceux qui peuvent encore envoyer seront mis en lecture seule",
		base + "/reset":   "120\u00a0comptes de l’incident seront réinitialisés",
	} {
		p := rssi.post(path, url.Values{"csrf": {rssi.csrf()}})
		if p.Status != http.StatusOK || !strings.Contains(p.Body, want) || !regexp.MustCompile(`name="confirm" value="1"`).MatchString(p.Body) {
			t.Errorf("%s: %d\n%s", path, p.Status, p.Body)
		}
	}
	c, err := e.App.DB.HeldCopiesOf(context.Background(), "", "versailles", "fp-a", "Ce soir")
	if err != nil || len(c.IDs) != 1200 {
		t.Errorf("held after unconfirmed actions: %d %v", len(c.IDs), err)
	}
	account := func(name string) bouclier.User {
		u, err := e.App.DB.UserByName(context.Background(), name)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	if u := account("eleve.drill.042"); u.ReadOnly || u.MustReset {
		t.Errorf("accounts changed by unconfirmed actions: %+v", u)
	}
	// Confirmed: the accounts are contained, then reset with their codes.
	if p := rssi.post(base+"/contain", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Status != http.StatusSeeOther {
		t.Errorf("contain: %d\n%s", p.Status, p.Body)
	}
	if u := account("eleve.drill.042"); !u.ReadOnly {
		t.Error("not contained")
	}
	// The page shows it on each account; contained again, nothing changes
	// and the page says so rather than claim it did it.
	if p := rssi.get(base); !strings.Contains(p.Body, `<span class="meta">eleve.drill.012 · `+html.EscapeString(demo.SchoolName(12))+`</span> <span class="tag">lecture seule</span>`) {
		t.Error("the contained accounts are not shown as read-only")
	} else if !strings.Contains(p.Body, "eleve.drill.004 et 115\u00a0autres</li>") {
		t.Errorf("the timeline lists the 120 contained logins:\n%s", regexp.MustCompile(`(?s)<ol class="timeline">.*?</ol>`).FindString(p.Body))
	}
	if p := rssi.post(base+"/contain", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}}); p.Header.Get("Location") != base+"?ok=incidentdejaconfine" {
		t.Errorf("contained twice: %d %s", p.Status, p.Header.Get("Location"))
	}
	if p := rssi.get(base + "?ok=incidentdejaconfine"); !strings.Contains(p.Body, "Aucun compte n’a changé") {
		t.Error("contained twice: no « Aucun compte n’a changé »")
	}
	p = rssi.post(base+"/reset", url.Values{"csrf": {rssi.csrf()}, "confirm": {"1"}})
	if p.Status != http.StatusOK || p.Header.Get("Content-Type") != "application/zip" {
		t.Errorf("reset: %d %q", p.Status, p.Header.Get("Content-Type"))
	}
	if u := account("eleve.drill.042"); !u.MustReset {
		t.Error("not reset")
	}
	// Outside the académie: not found.
	other := newBrowser(t, srv)
	other.login("principal.moulin", e.OTP(t, 0))
	if p := other.get(base); p.Status != http.StatusNotFound && p.Status != http.StatusForbidden {
		t.Errorf("head of another establishment: %d", p.Status)
	}
}
