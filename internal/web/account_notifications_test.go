package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestNotificationSettings: the account page links to the « Notifications »
// page; a parent sees the default (immediate), chooses the digest with the
// form (CSRF token required), and an unknown choice is refused.
func TestNotificationSettings(t *testing.T) {
	e, srv := env(t)
	b := newBrowser(t, srv)
	b.login("parent.dupont", "")
	if p := b.get("/account"); !strings.Contains(p.Body, `href="/account/notifications"`) {
		t.Fatalf("account page has no link to the notifications: %d", p.Status)
	}
	p := b.get("/account/notifications")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, `value="immediate" checked`) || !strings.Contains(p.Body, "Notifications par courriel") {
		t.Fatalf("notifications page: %d %s", p.Status, p.Body)
	}
	cases := []struct {
		name   string
		form   url.Values
		status int
		mode   string
	}{
		{"no CSRF token", url.Values{"mode": {"digest"}}, http.StatusForbidden, ""},
		{"unknown mode", url.Values{"mode": {"weekly"}, "csrf": {b.csrf()}}, http.StatusUnprocessableEntity, ""},
		{"digest", url.Values{"mode": {"digest"}, "csrf": {b.csrf()}}, http.StatusSeeOther, "digest"},
		{"none", url.Values{"mode": {"none"}, "csrf": {b.csrf()}}, http.StatusSeeOther, "none"},
	}
	u, err := e.App.DB.UserByName(context.Background(), "parent.dupont")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		p := b.post("/account/notifications", c.form)
		got, err := e.App.DB.NotifyMode(context.Background(), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != c.status || got != c.mode {
			t.Errorf("%s: status %d mode %q, want %d %q", c.name, p.Status, got, c.status, c.mode)
		}
	}
	if p := b.get("/account/notifications?ok=notifications"); !strings.Contains(p.Body, `value="none" checked`) || !strings.Contains(p.Body, "sont enregistrées") {
		t.Errorf("page after saving: %s", p.Body)
	}
}
