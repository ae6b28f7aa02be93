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

// TestDateFieldsInFrench: the date and time fields say their format in
// French, tied to the field; the server reads a French date typed in a
// text box (a browser without the date field), and says on the field,
// in French, when a time is unreadable, past or too far, instead of
// refusing the whole message.
func TestDateFieldsInFrench(t *testing.T) {
	e, srv := env(t)
	if err := e.App.Rules.ApplyPreset(context.Background(), bouclier.SystemActor("test"), "open", "national"); err != nil {
		t.Fatal(err)
	}
	e.Clock.Set(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)) // 10 h in Paris
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.get("/compose")
	p.Body = html.UnescapeString(p.Body)
	for _, want := range []string{`aria-describedby="send-at-format send-at-lu send-at-aide"`, `data-readback="send-at-lu"`,
		"<p class=\"hint\" id=\"send-at-format\">Si le champ ne propose pas de calendrier, écrivez la date et l’heure sous la forme jj/mm/aaaa hh:mm, par exemple 24/03/2027 14:30.</p>"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("compose lacks %s", want)
		}
	}
	send := func(at string) page {
		return prof.postMultipart("/compose", url.Values{"csrf": {prof.csrf()}, "to": {"parents:0780001A/4A"}, "subject": {"Réunion"},
			"body": {"Réunion jeudi à 18 h."}, "send_at": {at}})
	}
	for _, c := range []struct{ at, want string }{
		{"23/11/2026 18:00", "Date déjà passée (nous sommes le 24\u00a0novembre 2026 à 10\u00a0h\u00a000)\u00a0: choisissez un moment à venir, ou videz le champ pour envoyer maintenant."},
		{"2026-11-24T09:30", "Date déjà passée"},
		{"24/03/2027 18:00", "Un envoi se programme au plus trois mois à l’avance, jusqu’au 24\u00a0février 2027."},
		{"11/24/2026 18:00", "Date ou heure illisible\u00a0: écrivez-les sous la forme jj/mm/aaaa hh:mm, par exemple 24/03/2027 14:30."},
	} {
		p := send(c.at)
		body := html.UnescapeString(p.Body)
		if p.Status != http.StatusUnprocessableEntity || !strings.Contains(body, `<p class="field-error" id="send_at-erreur">`) ||
			!strings.Contains(body, c.want) || !strings.Contains(body, `value="`+c.at+`"`) || strings.Contains(body, "Message non envoyé") {
			t.Errorf("send at %q: %d, want the field's error %q", c.at, p.Status, c.want)
		}
	}
	p = send("26/11/2026 à 17 h 30")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send at a French date: %d\n%s", p.Status, p.Body)
	}
	if body := html.UnescapeString(prof.get(p.Header.Get("Location")).Body); !strings.Contains(body, "il sera distribué le 26\u00a0novembre 2026 à 17\u00a0h\u00a030") {
		t.Errorf("scheduled send's confirmation:\n%s", body)
	}

	// The end of a suspension: the same format, the same reading.
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p = head.get("/admin/suspensions")
	if !strings.Contains(p.Body, `aria-describedby="until-format until-lu until-aide"`) || !strings.Contains(html.UnescapeString(p.Body), "<p class=\"hint\" id=\"until-format\">Si le champ ne propose pas de calendrier, écrivez la date et l’heure sous la forme jj/mm/aaaa hh:mm") {
		t.Errorf("suspensions page: no format said for the end")
	}
	suspend := func(until string) page {
		return head.post("/admin/suspensions", url.Values{"csrf": {field(t, p.Body, "csrf")}, "scope": {"establishment:0780001A"},
			"roles": {"parent"}, "reason": {"Messages malveillants"}, "until": {until}})
	}
	q := suspend("23/11/2026 18:00")
	if body := html.UnescapeString(q.Body); q.Status != http.StatusUnprocessableEntity || !strings.Contains(body, `id="until-erreur"`) ||
		!strings.Contains(body, "Date déjà passée (nous sommes le 24\u00a0novembre 2026 à 10\u00a0h\u00a000)\u00a0: la fin prévue doit être à venir") {
		t.Errorf("a past end: %d\n%s", q.Status, body)
	}
	if q = suspend("1/12/2026 8h00"); q.Status != http.StatusSeeOther {
		t.Fatalf("a French end: %d\n%s", q.Status, q.Body)
	}
	if body := html.UnescapeString(head.get("/admin/suspensions").Body); !strings.Contains(body, "jusqu’au 1er\u00a0décembre 2026 à 8\u00a0h\u00a000") {
		t.Errorf("the suspension's end:\n%s", body)
	}
}

// TestUrgentWithoutReasonOnItsField: an urgent send without its reason is
// sent back with the error on the reason's field, the fields' errors in
// the page's order (the first one focused), nothing kept as refused.
func TestUrgentWithoutReasonOnItsField(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	p := head.postMultipart("/compose", url.Values{"csrf": {head.csrf()}, "to": {"parents:0780001A/4A"}, "subject": {""},
		"body": {"Restez chez vous."}, "urgent": {"1"}, "urgent_reason": {"  "}, "send_at": {"hier"}})
	body := html.UnescapeString(p.Body)
	if p.Status != http.StatusUnprocessableEntity || strings.Contains(body, "Message non envoyé") {
		t.Fatalf("status %d", p.Status)
	}
	i, j, k := strings.Index(body, `<a href="#subject">`), strings.Index(body, `<a href="#urgent_reason">Indiquez le motif de l’urgence`), strings.Index(body, `<a href="#send_at">`)
	if i < 0 || j < i || k < j {
		t.Errorf("the summary's errors, not in the page's order: subject %d, urgent reason %d, send at %d", i, j, k)
	}
	if !strings.Contains(body, `id="urgent_reason" name="urgent_reason" type="text" maxlength="300" value="" aria-invalid="true" aria-describedby="urgent_reason-erreur urgent-aide"`) ||
		!strings.Contains(body, `<details class="field urgent" open>`) {
		t.Errorf("the urgent reason's field is not marked")
	}
}

// TestPickerHintFitsTheSender: a parent is not told to search
// « parents 4A », which the rules never let them reach; a teacher is.
func TestPickerHintFitsTheSender(t *testing.T) {
	e, srv := env(t)
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	body := html.UnescapeString(parent.get("/compose").Body)
	if strings.Contains(body, "parents 4A") || !strings.Contains(body, "le nom d’un professeur, «\u00a0vie scolaire\u00a0» ou «\u00a0enseignants\u00a0»") {
		t.Errorf("the parent's picker hint: %s", body[strings.Index(body, `id="dest-aide"`):][:300])
	}
	// Its examples find something.
	for q, want := range map[string]string{"vie+scolaire": "Vie scolaire et direction", "enseignants": "Enseignants de 4A", "martin": "Sophie Martin"} {
		if got := parent.get("/compose/destinataires?q=" + q).Body; !strings.Contains(html.UnescapeString(got), want) {
			t.Errorf("the parent's search %q: %s", q, got)
		}
	}
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	if body = html.UnescapeString(prof.get("/compose").Body); !strings.Contains(body, "«\u00a0parents 4A\u00a0»") {
		t.Errorf("the teacher's picker hint lost its examples")
	}
}
