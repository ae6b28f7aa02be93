package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestFormErrorsTiedToFields: each form shown again with errors marks
// every field in error (aria-invalid, aria-describedby naming the message
// written under it), lists the errors at the top with links to the
// fields, focuses the first one (and only it), keeps what was typed, and
// says which fields are required.
func TestFormErrorsTiedToFields(t *testing.T) {
	e, srv := env(t)
	newBrowser(t, srv).login("parent.dupont", "") // the family's usual computer
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 1))

	// The login and activation forms, anonymous, with their own token.
	anon := newBrowser(t, srv)
	loginTok := field(t, anon.get("/login").Body, "csrf")
	otpStep := func() url.Values {
		p := anon.post("/login", url.Values{"csrf": {loginTok}, "username": {"prof.bernard"}, "password": {demoPassword}})
		return url.Values{"csrf": {loginTok}, "pending": {field(t, p.Body, "pending")}, "otp": {"000000"}}
	}

	cases := []struct {
		name     string
		post     func() page
		status   int
		fields   []string // in the page's order: the first is focused
		kept     []string // what was typed, found again in the page
		required bool     // the « champs obligatoires » note
	}{
		{"login, nothing typed", func() page {
			return anon.post("/login", url.Values{"csrf": {loginTok}, "username": {""}, "password": {""}})
		}, http.StatusUnprocessableEntity, []string{"username", "password"}, nil, true},
		{"login, wrong password", func() page {
			return anon.post("/login", url.Values{"csrf": {loginTok}, "username": {"parent.durand"}, "password": {"pas le bon"}})
		}, http.StatusUnauthorized, []string{"password"}, []string{`value="parent.durand"`}, true},
		{"login, wrong code", func() page { return anon.post("/login", otpStep()) },
			http.StatusUnauthorized, []string{"otp"}, []string{"prof.bernard"}, false},
		{"activation, passwords differ", func() page {
			tok := field(t, anon.get("/activate").Body, "csrf")
			return anon.post("/activate", url.Values{"csrf": {tok}, "username": {"parent.durand"}, "code": {""}, "password": {"une phrase de passe"}, "confirm": {"une autre phrase"}})
		}, http.StatusUnprocessableEntity, []string{"code", "confirm"}, []string{`value="parent.durand"`}, true},
		{"password, missing and different", func() page {
			return parent.post("/account/password", url.Values{"csrf": {parent.csrf()}, "current": {""}, "new": {"une phrase de passe"}, "confirm": {"une autre"}})
		}, http.StatusUnprocessableEntity, []string{"current", "confirm"}, nil, true},
		{"password, wrong current one", func() page {
			return parent.post("/account/password", url.Values{"csrf": {parent.csrf()}, "current": {"pas le bon"}, "new": {"le chat dort sur le radiateur bleu"}, "confirm": {"le chat dort sur le radiateur bleu"}})
		}, http.StatusUnauthorized, []string{"current"}, nil, true},
		{"compose, no recipient and no text", func() page {
			return prof.postMultipart("/compose", url.Values{"csrf": {prof.csrf()}, "subject": {"Sortie <du> jeudi"}, "body": {"  "}, "send_at": {"jeudi"}})
		}, http.StatusUnprocessableEntity, []string{"dest-q", "body", "send_at"}, []string{`value="Sortie &lt;du&gt; jeudi"`, `value="jeudi"`}, true},
		{"legal hold, no reason", func() page {
			return head.post("/admin/holds", url.Values{"csrf": {head.csrf()}, "nom": {"parent.dupont"}, "motif": {" "}})
		}, http.StatusUnprocessableEntity, []string{"motif"}, []string{`value="parent.dupont"`}, true},
		{"suspension, no reason", func() page {
			return head.post("/admin/suspensions", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "roles": {"parent"}, "reason": {" "}, "stops_receiving": {"1"}})
		}, http.StatusUnprocessableEntity, []string{"reason"}, []string{`value="parent" checked`, `value="1" checked`}, true},
		{"suspension, unreadable end", func() page {
			return head.post("/admin/suspensions", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "reason": {"Intrusion"}, "until": {"demain"}})
		}, http.StatusUnprocessableEntity, []string{"until"}, []string{">Intrusion</textarea>", `value="demain"`}, true},
		{"TOTP, wrong code", func() page {
			tok := parent.csrf()
			parent.post("/account/totp", url.Values{"csrf": {tok}})
			return parent.post("/account/totp/confirm", url.Values{"csrf": {tok}, "code": {"000000"}})
		}, http.StatusUnauthorized, []string{"code"}, []string{`id="totp-secret"`}, false},
		{"step-up, wrong code", func() page {
			return prof.post("/step-up", url.Values{"csrf": {prof.csrf()}, "code": {"000000"}, "next": {"/admin"}})
		}, http.StatusUnauthorized, []string{"code"}, []string{`name="next" value="/admin"`}, false},
		{"account lock, no reason", func() page {
			return head.post("/admin/accounts/parent.dupont/lock", url.Values{"csrf": {head.csrf()}, "reason": {"  "}})
		}, http.StatusUnprocessableEntity, []string{"reason"}, []string{`value="parent.dupont"`}, false},
		{"mass reset, no account in the scope", func() page {
			return head.post("/admin/resets", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "roles": {"academy_admin"}})
		}, http.StatusUnprocessableEntity, []string{"reset-scope"}, []string{`value="establishment:0780001A" selected`}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.post()
			if p.Status != c.status {
				t.Fatalf("status %d, want %d\n%s", p.Status, c.status, p.Body)
			}
			checkFieldErrors(t, p.Body, c.fields)
			for _, k := range c.kept {
				if !strings.Contains(p.Body, k) {
					t.Errorf("typed %q lost", k)
				}
			}
			if got := strings.Contains(p.Body, "Sauf mention contraire, tous les champs sont obligatoires."); got != c.required {
				t.Errorf("required-fields note shown: %v, want %v", got, c.required)
			}
		})
	}
}

var controlRe = regexp.MustCompile(`<(?:input|textarea|select)\b[^>]*>`)

// checkFieldErrors checks that exactly fields are marked in error, each
// tied to its message and listed in the summary, the first focused.
func checkFieldErrors(t *testing.T, body string, fields []string) {
	t.Helper()
	summary := regexp.MustCompile(`(?s)<div class="alert error-summary" role="alert" id="erreurs">.*?</div>`).FindString(body)
	if summary == "" {
		t.Fatalf("no error summary:\n%s", body)
	}
	var invalid, focused []string
	for _, tag := range controlRe.FindAllString(body, -1) {
		id := regexp.MustCompile(`\bid="([^"]+)"`).FindStringSubmatch(tag)
		if id == nil {
			continue
		}
		if regexp.MustCompile(`\sautofocus\b`).MatchString(tag) {
			focused = append(focused, id[1])
		}
		if !strings.Contains(tag, `aria-invalid="true"`) {
			continue
		}
		invalid = append(invalid, id[1])
		desc := regexp.MustCompile(`aria-describedby="([^"]*)"`).FindStringSubmatch(tag)
		if desc == nil || !strings.HasPrefix(desc[1], id[1]+"-erreur") {
			t.Errorf("%s: not described by its error: %s", id[1], tag)
		}
		msg := regexp.MustCompile(`<p class="field-error" id="` + regexp.QuoteMeta(id[1]) + `-erreur"><span class="sr-only">Erreur\x{a0}: </span>([^<]+)</p>`).FindStringSubmatch(body)
		if msg == nil {
			t.Errorf("%s: no message under the field", id[1])
			continue
		}
		if !strings.Contains(summary, `<a href="#`+id[1]+`">`+msg[1]+`</a>`) {
			t.Errorf("%s: %q not in the summary:\n%s", id[1], msg[1], summary)
		}
	}
	if strings.Join(invalid, ",") != strings.Join(fields, ",") {
		t.Errorf("fields in error %v, want %v", invalid, fields)
	}
	if len(fields) > 0 && (len(focused) != 1 || focused[0] != fields[0]) {
		t.Errorf("focused %v, want only %s", focused, fields[0])
	}
}
