package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// confirmForm is the confirmation page's form, as a browser would post it.
func confirmForm(t *testing.T, body string) url.Values {
	t.Helper()
	i := strings.Index(body, "Ce qui va se passer")
	if i < 0 {
		t.Fatalf("no summary:\n%s", body)
	}
	form := url.Values{}
	for _, m := range hiddenRe.FindAllStringSubmatch(body[i:], -1) {
		form.Add(m[1], html.UnescapeString(m[2]))
	}
	return form
}

// TestWideUrgentSendConfirmed: an académie officer's urgent send to two
// establishments, with a file, is kept as a draft and summarised (scope by
// name, establishments, recipients, subject, file) without being sent; a
// forged confirmation and one from another session of the same account
// send nothing; the confirmation, through another server on the same
// store, sends the draft with its file, once.
func TestWideUrgentSendConfirmed(t *testing.T) {
	e, srv := env(t)
	rssi := newBrowser(t, srv)
	rssi.login("rssi.versailles", e.OTP(t, 0))
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 1))
	const subject = "Confinement des établissements"
	// A row names its message once in its checkbox's label.
	copies := func() int { return strings.Count(head.get("/inbox").Body, "Sélectionner «&nbsp;"+subject+"&nbsp;»") }
	received := func() bool { return copies() > 0 }

	p := rssi.postMultipart("/compose", url.Values{"csrf": {rssi.csrf()}, "to": {"staff:0780001A", "teachers:0780002B/2NDE1"},
		"subject": {subject}, "body": {"Appliquez le plan de mise en sûreté dès réception."},
		"urgent": {"1"}, "urgent_reason": {"alerte attentat"}}, file{"consignes.pdf", minimalPDF})
	if p.Status != http.StatusOK {
		t.Fatalf("first post: %d\n%s", p.Status, p.Body)
	}
	for _, want := range []string{"Collège Jean Moulin", "Lycée Victor Hugo", "3\u00a0destinataires dans 2\u00a0établissements", "Académie de Versailles",
		"«\u00a0" + subject + "\u00a0»", "consignes.pdf", "alerte attentat", "Confirmer l’envoi", ">Modifier<",
		// Messaging is open: the override is not needed, and not claimed.
		"L’envoi urgent n’est pas nécessaire\u00a0: la messagerie est ouverte."} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("summary lacks %q:\n%s", want, p.Body[strings.Index(p.Body, "<main"):])
		}
	}
	if strings.Contains(p.Body, "en passant outre la fermeture") {
		t.Error("the summary claims to pass a closure while messaging is open")
	}
	if received() {
		t.Fatal("sent before confirmation")
	}
	confirm := confirmForm(t, p.Body)
	if confirm.Get("confirm") != "1" || confirm.Get("draft_id") == "" || confirm.Get("pj_gardees") != "1" {
		t.Fatalf("confirmation form: %v", confirm)
	}
	if d := rssi.get("/drafts"); !strings.Contains(d.Body, subject) {
		t.Errorf("no draft kept:\n%s", d.Body)
	}

	forged := url.Values{}
	for k, v := range confirm {
		forged[k] = v
	}
	forged.Set("csrf", "forged")
	if p := rssi.post("/compose", forged); p.Status != http.StatusForbidden || received() {
		t.Fatalf("forged confirmation: %d", p.Status)
	}
	// The same account from another session: the files are not its own.
	other := newBrowser(t, srv)
	e.Clock.Set(e.Clock.Now().Add(time.Minute)) // a code not used yet
	other.login("rssi.versailles", e.OTP(t, 0))
	elsewhere := url.Values{}
	for k, v := range confirm {
		elsewhere[k] = v
	}
	elsewhere.Set("csrf", other.csrf())
	if p := other.post("/compose", elsewhere); p.Status != http.StatusConflict || !strings.Contains(p.Body, "joignez-les à nouveau") || received() {
		t.Fatalf("confirmation from another session: %d\n%s", p.Status, p.Body)
	}

	// Confirmed through another server on the same store, as after a
	// restart or behind a load balancer: the files were kept with the
	// draft, not in the process that showed the summary.
	rssi.base = e.Server(t).URL
	if p := rssi.post("/compose", confirm); p.Status != http.StatusSeeOther {
		t.Fatalf("confirmed: %d\n%s", p.Status, p.Body)
	}
	in := head.get("/inbox")
	if n := copies(); n != 1 {
		t.Fatalf("the head has %d copies", n)
	}
	msg := head.get(regexpFirst(t, in.Body, `href="(/messages/\d+)"`))
	if !strings.Contains(msg.Body, "consignes.pdf") {
		t.Errorf("the file did not come with the message:\n%s", msg.Body)
	}
	if d := rssi.get("/drafts"); strings.Contains(d.Body, subject) {
		t.Errorf("draft left after the send")
	}
	// Recipients by establishment name, the reader's own left implicit.
	for _, c := range []struct {
		who        *browser
		path, want string
	}{
		{rssi, "/sent", "Vie scolaire et direction (Collège Jean Moulin), Enseignants de 2NDE1 (Lycée Victor Hugo)"},
		{head, regexpFirst(t, in.Body, `href="(/messages/\d+)"`), "Vie scolaire et direction, Enseignants de 2NDE1 (Lycée Victor Hugo)"},
	} {
		if p := c.who.get(c.path); !strings.Contains(p.Body, c.want) || strings.Contains(p.Body, "(0780001A)") {
			t.Errorf("%s lacks %q", c.path, c.want)
		}
	}
	// The confirmation posted again sends nothing more.
	rssi.post("/compose", confirm)
	if n := copies(); n != 1 {
		t.Errorf("after a second confirmation the head has %d copies", n)
	}
}

// regexpFirst returns the first group of re's first match in s.
func regexpFirst(t *testing.T, s, re string) string {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %s in:\n%s", re, s)
	}
	return m[1]
}
