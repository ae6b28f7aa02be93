package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
)

// TestWideActionsAreConfirmed: each académie-wide action, posted from its
// form, does nothing and shows a summary of what it will do; the summary's
// form, posted with its token, acts once; a confirmation without the
// session's token is refused and does nothing.
func TestWideActionsAreConfirmed(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	actor := e.Actor(t, "rssi.versailles")

	// An académie suspension to lift and an incident to close.
	liftID, err := e.App.Rules.Suspend(ctx, actor, rules.SuspensionInput{Scope: "academie:versailles", Roles: []string{"student"}, Reason: "Exercice de crise"})
	if err != nil {
		t.Fatal(err)
	}
	var incident int64
	err = e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if incident, _, err = tx.OpenCampaign(ctx, "seed-confirm", "contain", "Même texte dans plusieurs établissements", e.Clock.Now().UnixMicro()); err != nil {
			return err
		}
		for _, uai := range []string{"0780001A", "0780002B"} {
			if _, err := tx.AddCampaignPlace(ctx, incident, uai, "versailles"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// State fingerprints, read from the services.
	suspensions := func(scope string) string {
		list, err := e.App.Rules.Suspensions(ctx, actor)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, x := range list {
			if x.Scope == scope && x.LiftedAt == 0 {
				ids = append(ids, x.ID)
			}
		}
		return strconv.Itoa(len(ids)) + ":" + strings.Join(ids, ",")
	}
	rulesOf := func(scope string) string {
		stored, err := e.App.Rules.Rules(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, x := range stored {
			if x.Rule.Scope.String() == scope {
				ids = append(ids, x.Rule.ID)
			}
		}
		return strings.Join(ids, ",")
	}
	incidentStatus := func() string {
		in, err := e.App.Campaign.Incident(ctx, actor, incident)
		if err != nil {
			t.Fatal(err)
		}
		return in.Status
	}

	cases := []struct {
		name    string
		path    string
		form    url.Values
		summary []string // on the confirmation page
		state   func() string
		after   func(t *testing.T, before, after string)
	}{
		{"preset for the académie", "/admin/rules/preset", url.Values{"scope": {"academie:versailles"}, "preset": {"disconnect-2025"}},
			[]string{"de l’académie de Versailles (2\u00a0établissements)", "«\u00a0Droit à la déconnexion (circulaire de 2025)\u00a0»", "immédiatement"},
			func() string { return rulesOf("academie:versailles") },
			func(t *testing.T, before, after string) {
				if after == before || after == "" {
					t.Errorf("rules unchanged: %q", after)
				}
			}},
		{"académie suspension", "/admin/suspensions", url.Values{"scope": {"academie:versailles"}, "roles": {"parent"}, "reason": {"Messages malveillants"}, "stops_receiving": {"1"}},
			[]string{"L’envoi et la réception de messages sera suspendu pour les parents dans l’académie de Versailles (2\u00a0établissements)", "Sans date de fin", "Messages malveillants"},
			func() string { return suspensions("academie:versailles") },
			func(t *testing.T, before, after string) {
				if n, _, _ := strings.Cut(after, ":"); n != "2" { // the one to lift, and this one, once
					t.Errorf("suspensions after: %q (before %q)", after, before)
				}
			}},
		{"lifting an académie suspension", "/admin/suspensions/" + liftID + "/lift", url.Values{},
			[]string{"La suspension de l’académie de Versailles (2\u00a0établissements) pour les élèves", "sera levée", "Exercice de crise"},
			func() string {
				list, _ := e.App.Rules.Suspensions(ctx, actor)
				for _, x := range list {
					if x.ID == liftID && x.LiftedAt == 0 {
						return "active"
					}
				}
				return "lifted"
			},
			func(t *testing.T, _, after string) {
				if after != "lifted" {
					t.Errorf("suspension still %s", after)
				}
			}},
		{"closing an incident", "/admin/incidents/" + strconv.FormatInt(incident, 10) + "/close", url.Values{"note": {"Fausse alerte levée."}},
			[]string{"L’incident n°\u00a0" + strconv.FormatInt(incident, 10) + " sera clos", "2\u00a0établissements", "Fausse alerte levée."},
			incidentStatus,
			func(t *testing.T, _, after string) {
				if after != "closed" {
					t.Errorf("incident %s", after)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := c.state()
			form := url.Values{"csrf": {rssi.csrf()}}
			for k, v := range c.form {
				form[k] = v
			}
			p := rssi.post(c.path, form)
			if p.Status != http.StatusOK || !strings.Contains(p.Body, "Ce qui va se passer") {
				t.Fatalf("first post: %d\n%s", p.Status, p.Body)
			}
			for _, want := range c.summary {
				if !strings.Contains(p.Body, want) {
					t.Errorf("summary lacks %q:\n%s", want, p.Body)
				}
			}
			if got := c.state(); got != before {
				t.Fatalf("acted without confirmation: %q → %q", before, got)
			}
			// The confirmation page's form, as the browser would post it.
			confirm := url.Values{}
			for _, m := range hiddenRe.FindAllStringSubmatch(p.Body[strings.Index(p.Body, "Ce qui va se passer"):], -1) {
				confirm.Add(m[1], html.UnescapeString(m[2]))
			}
			if confirm.Get("confirm") != "1" {
				t.Fatalf("no confirmation form:\n%s", p.Body)
			}
			forged := url.Values{}
			for k, v := range confirm {
				forged[k] = v
			}
			forged.Set("csrf", "forged")
			if p := rssi.post(c.path, forged); p.Status != http.StatusForbidden || c.state() != before {
				t.Fatalf("confirmation with a forged token: %d, state %q", p.Status, c.state())
			}
			if p := rssi.post(c.path, confirm); p.Status != http.StatusSeeOther {
				t.Fatalf("confirmed: %d\n%s", p.Status, p.Body)
			}
			c.after(t, before, c.state())
		})
	}
}
