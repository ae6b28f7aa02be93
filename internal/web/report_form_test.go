package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestReportWithoutReasonKeepsTheForm: a report sent without a reason
// (the browser's own check bypassed) shows the message again with the
// form open, the error on the reasons and the comment kept, instead of
// a bare error page that loses what the parent wrote; nothing is
// reported.
func TestReportWithoutReasonKeepsTheForm(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Remarque", "Votre enfant ne mérite pas sa place ici.")
	msg := strings.SplitN(p.Header.Get("Location"), "?", 2)[0]
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get(msg)
	p = parent.post(msg+"/report", url.Values{"csrf": {field(t, p.Body, "csrf")}, "commentaire": {"Propos blessants envers Léa"}})
	body := html.UnescapeString(p.Body)
	for _, want := range []string{"<h1>Remarque</h1>", `<details class="card report" id="signaler" open>`,
		`<li><a href="#motif-0">Choisissez le motif du signalement.</a></li>`, `id="motif-0" name="motif" value="Menace ou violence" required aria-invalid="true" autofocus aria-describedby="motif-0-erreur"`,
		`<p class="field-error" id="motif-0-erreur">`, ">Propos blessants envers Léa</textarea>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if p.Status != http.StatusUnprocessableEntity {
		t.Errorf("status %d", p.Status)
	}
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 1))
	if p = head.get("/admin/moderation"); !strings.Contains(p.Body, "Aucun signalement.") {
		t.Errorf("a report without a reason was recorded")
	}
}
