package web_test

import (
	"html"
	"strings"
	"testing"
)

// TestMessageActionsAboveTheMessage: a received message's actions
// (Répondre, Signaler, Mettre à la corbeille) sit together above it, the
// reply form follows the message with nothing between them, and the
// report form closes the page, opened by « Signaler » without JavaScript.
// A sender whose sending is closed is not offered « Répondre ».
func TestMessageActionsAboveTheMessage(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Sortie", "Départ à 8 h devant le collège.")
	msg := strings.SplitN(p.Header.Get("Location"), "?", 2)[0]
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")

	body := html.UnescapeString(parent.get(msg).Body)
	at := func(s string) int { return strings.Index(body, s) }
	bar, reply, trash, report := at(`<div class="msg-actions"`), at(`<a class="button primary" href="#repondre">Répondre</a>`),
		at(`action="`+msg+`/trash"`), at(`href="`+msg+`?de=inbox&signaler=1#signaler">Signaler</a>`)
	thread, form, details := at(`<ol class="thread">`), at(`<section class="card" aria-labelledby="repondre">`), at(`<details class="card report" id="signaler">`)
	t.Logf("bar %d (reply %d, report %d, trash %d), thread %d, reply form %d, report form %d", bar, reply, report, trash, thread, form, details)
	if bar < 0 || !(bar < reply && reply < report && report < trash && trash < thread) {
		t.Errorf("the actions are not together above the message")
	}
	if thread < 0 || form < thread || details < form {
		t.Errorf("the page's order is not message, reply form, report form")
	}
	if between := body[thread:form]; strings.Contains(between, "<button") {
		t.Errorf("a button between the message and the reply form")
	}
	if !strings.Contains(html.UnescapeString(parent.get(msg+"?de=inbox&signaler=1").Body), `<details class="card report" id="signaler" open>`) {
		t.Errorf("« Signaler » does not open the report form")
	}
}
