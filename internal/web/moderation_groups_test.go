package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestModerationGroupsCopies: a campaign's 600 held copies of one text,
// more than the queue's page of 500, are one entry of the queue with
// « Refuser les 600 copies »; the confirmation names how many messages,
// mailboxes and establishments; confirmed, it refuses them all and nothing
// else (another text, a copy outside the officer's académie).
func TestModerationGroupsCopies(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	id := func(name string) int64 {
		u, err := e.App.DB.UserByName(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	sender, hugo, reunion := id("eleve.dupont"), id("eleve.hugo"), id("eleve.reunion")
	held := func(tx *store.Tx, from int64, uai, aca, subject, fp string, to ...int64) error {
		_, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: from, Subject: subject, Body: "Rendez-vous ce soir, tous.",
			To: []string{"user:x"}, Status: bouclier.StatusHeld, SentAt: store.Micros(e.Clock.Now()), UAI: uai, Academie: aca,
			Fingerprint: fp, Reasons: []string{"même texte envoyé en masse"}}, to)
		return err
	}
	const copies = 600
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		if err := held(tx, sender, "0780001A", "versailles", "Autre chose", "fp-other", id("parent.dupont")); err != nil {
			return err
		}
		for i := range copies {
			from, uai, to := sender, "0780001A", []int64{id("parent.dupont"), id("parent.durand")}
			if i%2 == 1 {
				from, uai, to = hugo, "0780002B", []int64{id("parent.hugo")}
			}
			if err := held(tx, from, uai, "versailles", "Ce soir", "fp-campaign", to...); err != nil {
				return err
			}
		}
		return held(tx, reunion, "9740001C", "la-reunion", "Ce soir", "fp-campaign", id("parent.reunion"))
	})
	if err != nil {
		t.Fatal(err)
	}
	stillHeld := func(uai, aca, fp, subject string) int {
		c, err := e.App.DB.HeldCopiesOf(ctx, uai, aca, fp, subject)
		if err != nil {
			t.Fatal(err)
		}
		return len(c.IDs)
	}

	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	p := rssi.get("/admin/moderation")
	if n := strings.Count(p.Body, `class="card held"`); n != 2 {
		t.Errorf("%d entries in the queue, want 2 (one per text)", n)
	}
	m := regexp.MustCompile(`action="(/admin/moderation/\d+/reject-copies)"[\s\S]{0,200}?Refuser les 600&nbsp;copies`).FindStringSubmatch(p.Body)
	if m == nil || !strings.Contains(p.Body, "600&nbsp;copies identiques retenues") || !strings.Contains(p.Body, "2&nbsp;expéditeurs") {
		t.Fatalf("no group of 600 copies:\n%s", p.Body)
	}
	if strings.Count(p.Body, "reject-copies") != 1 {
		t.Error("a single message offered as a group")
	}

	// A teacher may not; the head sees their establishment's copies only.
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	if p := prof.post(m[1], url.Values{"csrf": {prof.csrf()}}); p.Status != http.StatusForbidden {
		t.Errorf("teacher: %d", p.Status)
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	if p := head.post(m[1], url.Values{"csrf": {head.csrf()}}); p.Status != http.StatusOK || !strings.Contains(p.Body, "300\u00a0messages seront retirés de 2\u00a0boîtes dans 1\u00a0établissement") {
		t.Errorf("head's summary: %d\n%s", p.Status, p.Body)
	}

	p = rssi.post(m[1], url.Values{"csrf": {rssi.csrf()}})
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "600\u00a0messages seront retirés de 3\u00a0boîtes dans 2\u00a0établissements") ||
		!strings.Contains(p.Body, "«\u00a0Ce soir\u00a0»") {
		t.Fatalf("summary: %d\n%s", p.Status, p.Body)
	}
	if n := stillHeld("", "versailles", "fp-campaign", "Ce soir"); n != copies {
		t.Fatalf("acted before confirmation: %d held", n)
	}
	form := url.Values{"csrf": {"forged"}, "confirm": {"1"}}
	if p := rssi.post(m[1], form); p.Status != http.StatusForbidden || stillHeld("", "versailles", "fp-campaign", "Ce soir") != copies {
		t.Fatalf("forged confirmation: %d", p.Status)
	}
	form.Set("csrf", rssi.csrf())
	if p := rssi.post(m[1], form); p.Status != http.StatusSeeOther || !strings.Contains(p.Header.Get("Location"), "ok=copies") {
		t.Fatalf("confirmed: %d %s\n%s", p.Status, p.Header.Get("Location"), p.Body)
	}
	if n := stillHeld("", "versailles", "fp-campaign", "Ce soir"); n != 0 {
		t.Errorf("%d copies still held", n)
	}
	if stillHeld("", "la-reunion", "fp-campaign", "Ce soir") != 1 || stillHeld("", "", "fp-other", "Autre chose") != 1 {
		t.Error("a message outside the group or the académie was refused")
	}
	if p := rssi.get("/admin/moderation?ok=copies"); !strings.Contains(p.Body, "Toutes les copies retenues") || strings.Count(p.Body, `class="card held"`) != 1 {
		t.Errorf("after:\n%s", p.Body)
	}
}
