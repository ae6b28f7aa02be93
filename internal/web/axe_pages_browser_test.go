package web_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// postForm submits, from the current page, a form built with the page's
// CSRF token and fields, as the page's own form would: for the pages a
// POST answers (summaries awaiting confirmation).
func (e *e2e) postForm(ctx context.Context, path string, fields [][2]string) {
	e.t.Helper()
	b, err := json.Marshal(fields)
	if err != nil {
		e.t.Fatal(err)
	}
	e.do(ctx, chromedp.Evaluate[chromedp.Void](`void (() => {
		const f = document.createElement("form");
		f.method = "post"; f.action = `+"`"+path+"`"+`; f.id = "test-post";
		const add = (n, v) => { const i = document.createElement("input"); i.type = "hidden"; i.name = n; i.value = v; f.appendChild(i); };
		add("csrf", document.querySelector('input[name="csrf"]').value);
		for (const [n, v] of `+string(b)+`) add(n, v);
		document.body.appendChild(f);
	})()`))
	e.submit(ctx, "#test-post")
}

// TestBrowserAxeRemainingPages: axe-core at 1280 and 390 px, and
// screenshots, on the pages no other browser test checks: the other
// folders and lists, the académie's lists, and the summaries the wide
// actions show before they act (mass reset, académie preset, académie
// suspension; the urgent send's and an incident's recall have theirs in
// their own tests).
func TestBrowserAxeRemainingPages(t *testing.T) {
	e := startE2EWithin(t, 8*time.Minute)
	rssi := e.tab(t)
	e.login(rssi, "rssi.versailles", false)
	for _, c := range []struct{ path, name, heading string }{
		{"/sent", "sent", "Messages envoyés"},
		{"/trash", "trash", "Corbeille"},
		{"/drafts", "drafts", "Brouillons"},
		{"/admin/rules", "admin-rules", "Règles"},
		{"/admin/incidents", "admin-incidents", "Incidents"},
		{"/admin/urgent", "admin-urgent", "Envois d’urgence"},
		{"/admin/resets", "admin-resets", "Réinitialiser"},
		{"/account/security", "account-security", "Consignes de sécurité"},
		{"/account/notifications", "account-notifications", "Notifications"},
		{"/donnees-personnelles", "privacy", "Données personnelles"},
	} {
		e.do(rssi, chromedp.Navigate(e.url+c.path), chromedp.WaitVisible(chromedp.CSS("main h1")))
		if h := text(t, rssi, "main h1"); !strings.Contains(h, c.heading) {
			t.Errorf("%s: heading %q", c.path, h)
			continue
		}
		e.shoot(rssi, c.name)
		e.axe(rssi, c.path)
	}

	summaries := []struct {
		name, path string
		fields     [][2]string
		want       string
	}{
		{"reset-confirm", "/admin/resets", [][2]string{{"scope", "academie:versailles"}, {"roles", "parent"}, {"format", "csv"}}, "comptes seront réinitialisés"},
		{"preset-confirm", "/admin/rules/preset", [][2]string{{"scope", "academie:versailles"}, {"preset", "disconnect-2025"}}, "l’académie de Versailles"},
		{"suspension-confirm", "/admin/suspensions", [][2]string{{"scope", "academie:versailles"}, {"roles", "parent"}, {"reason", "Messages malveillants"}}, "Messages malveillants"},
	}
	for _, c := range summaries {
		e.do(rssi, chromedp.Navigate(e.url+"/admin"), chromedp.WaitVisible(chromedp.CSS("main h1")))
		e.postForm(rssi, c.path, c.fields)
		if got := text(t, rssi, "main"); !strings.Contains(got, "Ce qui va se passer") || !strings.Contains(got, c.want) {
			t.Errorf("%s: no summary: %q", c.path, got)
			continue
		}
		e.shoot(rssi, c.name)
		e.axe(rssi, c.name)
	}
}
