package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
)

// TestComposeFileLimitForTheReader: the compose form gives each reader
// their own attachment limit, unbreakable from its unit, rather than
// everyone's (« 10 Mo au plus par fichier (2 Mo pour les élèves) » shown
// to a parent).
func TestComposeFileLimitForTheReader(t *testing.T) {
	_, srv := env(t)
	for _, c := range []struct{ user, want, not string }{
		{"parent.dupont", "10\u00a0Mo au plus par fichier.", "2\u00a0Mo"},
		{"eleve.dupont", "2\u00a0Mo au plus par fichier.", "10\u00a0Mo"},
	} {
		b := newBrowser(t, srv)
		b.login(c.user, "")
		body := html.UnescapeString(b.get("/compose").Body)
		if !strings.Contains(body, c.want) || strings.Contains(body, c.not) || strings.Contains(body, "pour les élèves)") {
			t.Errorf("%s: the file limit is not theirs alone (want %q)", c.user, c.want)
		}
	}
}

// TestScheduledSendSaysWhen: a send the teacher schedules while messaging
// is open is confirmed with its time, not as « à la réouverture de la
// messagerie », which it is not.
func TestScheduledSendSaysWhen(t *testing.T) {
	e, srv := env(t)
	if err := e.App.Rules.ApplyPreset(context.Background(), bouclier.SystemActor("test"), "open", "national"); err != nil {
		t.Fatal(err)
	}
	e.Clock.Set(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)) // 10 h in Paris
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.postMultipart("/compose", url.Values{"csrf": {prof.csrf()}, "to": {"parents:0780001A/4A"}, "subject": {"Réunion"},
		"body": {"Réunion jeudi à 18 h."}, "send_at": {"2026-11-24T17:30"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("schedule: %d\n%s", p.Status, p.Body)
	}
	body := html.UnescapeString(prof.get(p.Header.Get("Location")).Body)
	if !strings.Contains(body, "Message programmé\u202f: il sera distribué le 24\u00a0novembre 2026 à 17\u00a0h\u00a030.") || strings.Contains(body, "réouverture") {
		t.Errorf("scheduled send's confirmation:\n%s", body)
	}
}

// TestSentSearchHint: the sent folder's search does not look for names
// (its messages are all the reader's): its hint does not offer them.
func TestSentSearchHint(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	if p := prof.get("/sent"); !strings.Contains(p.Body, `id="q-aide">Objet ou texte du message<`) {
		t.Errorf("sent folder's search hint:\n%s", p.Body)
	}
	if p := prof.get("/inbox"); !strings.Contains(p.Body, `id="q-aide">Objet, texte ou nom de l’expéditeur<`) {
		t.Errorf("inbox's search hint:\n%s", p.Body)
	}
}
