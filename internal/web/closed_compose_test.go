package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
)

// TestClosedSenderIsToldBeforeWriting: under the circular, a pupil (sending
// closed with no reopening) is not handed a compose form, an « Écrire un
// message » button or a reply form that could only be refused (and counted
// as an attempt while closed); the page says why and leads back. A parent
// at night is offered « Envoyer à la réouverture » on the empty form, not
// after a refusal; a head keeps the form and its emergency override.
func TestClosedSenderIsToldBeforeWriting(t *testing.T) {
	e, srv := env(t)
	ctx := context.Background()
	e.Clock.Set(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)) // 11:00 in Paris
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:eleve.dupont"}, "Exposé", "Ton exposé est pour lundi.")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send to the pupil before the circular: %d\n%s", p.Status, p.Body)
	}
	msg := strings.SplitN(p.Header.Get("Location"), "?", 2)[0]
	if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "circular-2024", "national"); err != nil {
		t.Fatal(err)
	}

	pupil := newBrowser(t, srv)
	pupil.login("eleve.dupont", "")
	if p := pupil.get("/inbox"); strings.Contains(p.Body, `href="/compose">Écrire un message`) {
		t.Errorf("inbox offers « Écrire un message » to a closed pupil")
	}
	p = pupil.get("/compose")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Vous ne pouvez pas écrire de message en ce moment") ||
		!strings.Contains(p.Body, `<a href="/inbox">Retour à la boîte de réception</a>`) || strings.Contains(p.Body, `class="compose"`) {
		t.Errorf("compose for a closed pupil: %d\n%s", p.Status, p.Body)
	}
	p = pupil.get(msg)
	if !strings.Contains(p.Body, "Ton exposé est pour lundi.") || strings.Contains(p.Body, `id="reply-body"`) ||
		!strings.Contains(p.Body, "Vous ne pouvez pas répondre en ce moment") {
		t.Errorf("message page for a closed pupil:\n%s", p.Body)
	}

	// At night the parent's sending is closed until 7 h: the form says so
	// and offers the reopening at once.
	e.Clock.Set(time.Date(2026, 11, 24, 22, 30, 0, 0, time.UTC))
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get("/compose")
	reopen := regexp.MustCompile(`name="send_at" value="([0-9T:-]+)">Envoyer à la réouverture`).FindStringSubmatch(p.Body)
	if reopen == nil || reopen[1] != "2026-11-25T07:00" || !strings.Contains(p.Body, `class="compose"`) {
		t.Errorf("parent at night, reopening offered: %v\n%s", reopen, p.Body)
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 1))
	if p = head.get("/compose"); !strings.Contains(p.Body, `class="compose"`) || !strings.Contains(p.Body, "Envoi urgent") {
		t.Errorf("head at night lost the form or its override:\n%s", p.Body)
	}
}

// TestReadOnlyAccountIsToldBeforeWriting: an account put in read-only (a
// head's measure, an incident's containment) is told so on every page and
// is not handed forms its sends would be refused from.
func TestReadOnlyAccountIsToldBeforeWriting(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Réunion", "Rendez-vous mardi soir.")
	msg := strings.SplitN(p.Header.Get("Location"), "?", 2)[0]
	if err := e.App.Auth.SetReadOnly(context.Background(), e.Actor(t, "principal.moulin"), "parent.dupont", true); err != nil {
		t.Fatal(err)
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get("/inbox")
	if !strings.Contains(p.Body, "Votre compte est en lecture seule") || strings.Contains(p.Body, `href="/compose">Écrire un message`) {
		t.Errorf("inbox of a read-only account:\n%s", p.Body)
	}
	if p = parent.get("/compose"); strings.Contains(p.Body, `class="compose"`) || !strings.Contains(p.Body, "Vous ne pouvez pas écrire de message en ce moment") {
		t.Errorf("compose of a read-only account:\n%s", p.Body)
	}
	if p = parent.get(msg); strings.Contains(p.Body, `id="reply-body"`) || !strings.Contains(p.Body, "Rendez-vous mardi soir.") {
		t.Errorf("message page of a read-only account:\n%s", p.Body)
	}
}
