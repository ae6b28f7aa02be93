package web_test

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestIncidentPlacesCounts: the incident page gives each establishment its
// messages and accounts in the incident, the most messages first (not by
// name), one touched only as a recipient last with 0.
func TestIncidentPlacesCounts(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	now := e.Clock.Now()
	var id int64
	schools := []struct{ uai, name string }{{"0789901A", "Collège Anatole-France"}, {"0789902B", "Collège Zola"}, {"0789903C", "Lycée Berlioz"}}
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if id, _, err = tx.OpenCampaign(ctx, "seed-places", "review", "Même texte", store.Micros(now)); err != nil {
			return err
		}
		for _, s := range schools {
			if err := tx.UpsertEstablishment(ctx, bouclier.Establishment{UAI: s.uai, Name: s.name, Academie: "versailles"}); err != nil {
				return err
			}
			if _, err := tx.AddCampaignPlace(ctx, id, s.uai, "versailles"); err != nil {
				return err
			}
		}
		// Zola: 3 messages by 2 accounts; Anatole-France: 1; Berlioz: none.
		for i, uai := range []string{"0789902B", "0789902B", "0789902B", "0789901A"} {
			who := fmt.Sprintf("eleve.places.%d", min(i, 1)+map[bool]int{true: 10}[uai == "0789901A"])
			sender, err := tx.UpsertUser(ctx, bouclier.User{Username: who, DisplayName: who, Role: bouclier.RoleStudent, Academie: "versailles", UAI: uai}, "", now)
			if err != nil {
				return err
			}
			at := store.Micros(now.Add(time.Duration(i-10) * time.Minute))
			m, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Ce soir", Body: "Tous au portail", To: []string{"user:x"},
				Status: bouclier.StatusHeld, SentAt: at, UAI: uai, Academie: "versailles"}, nil)
			if err != nil {
				return err
			}
			if _, err := tx.AddCampaignMember(ctx, id, m, sender, at); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	p := rssi.get(fmt.Sprintf("/admin/incidents/%d", id))
	rows := regexp.MustCompile(`<tr><th scope="row">([^<]*) <span class="meta">\(([^)]*)\)</span></th><td>([^<]*)</td><td>([^<]*)</td></tr>`).FindAllStringSubmatch(p.Body, -1)
	var got []string
	for _, r := range rows {
		got = append(got, html.UnescapeString(r[1])+" "+r[3]+" "+r[4])
	}
	want := []string{"Collège Zola 3 2", "Collège Anatole-France 1 1", "Lycée Berlioz 0 0"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("establishments: %q, want %q", got, want)
	}
	for _, w := range []string{`<th scope="col">Messages</th><th scope="col">Comptes</th>`, `aria-label="Tableau des établissements de l’incident"`} {
		if !strings.Contains(p.Body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}
