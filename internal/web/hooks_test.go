package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/web"
)

// TestBannerAndHooks mounts the pages with every optional hook wired, as
// the server will: the closed-messaging banner in local time, the unread
// count on every page, in the académie's time zone.
func TestBannerAndHooks(t *testing.T) {
	cfg := config.Default()
	cfg.DataDir, cfg.SecureCookie = t.TempDir(), false
	e := apptest.OpenConfig(t, "sqlite", cfg)
	reunion, err := time.LoadLocation("Indian/Reunion")
	if err != nil {
		t.Skip("no time zone database")
	}
	until := time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) // 7 h 00 at La Réunion
	h := web.New(web.Deps{Auth: e.App.Auth, Messaging: e.App.Messaging, Now: e.Clock.Now,
		Explain: func(_ context.Context, u bouclier.User, _ time.Time) (web.Banner, error) {
			if u.Role != bouclier.RoleParent {
				return web.Banner{Send: true, Receive: true}, nil
			}
			return web.Banner{Send: false, Receive: true, Reason: "Messagerie fermée aux familles la nuit.", Until: &until}, nil
		},
		UnreadCount: func(ctx context.Context, u bouclier.User) (int, error) { return e.App.DB.UnreadCount(ctx, u.ID) },
		Location:    func(bouclier.User) *time.Location { return reunion },
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	if p := prof.get("/inbox"); strings.Contains(p.Body, `class="banner"`) {
		t.Fatal("banner shown while messaging is open")
	}
	if p := prof.send([]string{"user:parent.reunion"}, "Bonjour", "Texte"); p.Status == http.StatusSeeOther {
		t.Fatal("prof.martin reached a parent of another académie")
	}
	if p := prof.send([]string{"user:parent.dupont"}, "Bonjour", "Texte"); p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d", p.Status)
	}

	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p := parent.get("/account")
	for _, want := range []string{
		`class="banner" role="status"`,
		"L’envoi de messages est fermé pour vous",
		"Motif\u00a0: Messagerie fermée aux familles la nuit.",
		"Réouverture prévue le 25\u00a0novembre 2026 à 7\u00a0h\u00a000.",
		`<span class="count">1<span class="sr-only"> non lu</span></span>`,
		"<strong>Cette session</strong>",
	} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("account page lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(p.Body)
	}
}
