package campaign_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/alert/smtptest"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestContainmentAlertsOnceAcrossProcesses: two application instances on
// one database (two server processes) each see part of a wave. One
// incident opens; every académie security officer and head concerned gets
// one email through a real SMTP server, and the webhook one signed call,
// even though both instances sweep.
func TestContainmentAlertsOnceAcrossProcesses(t *testing.T) {
	smtp := smtptest.Start(t)
	const secret = "secret-du-webhook"
	var mu sync.Mutex
	var hooks [][]byte
	clockNow := time.Now
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		now := clockNow()
		mu.Unlock()
		if err := alert.Verify([]byte(secret), r.Header, body, now, 5*time.Minute); err != nil {
			t.Errorf("webhook signature: %v", err)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		mu.Lock()
		hooks = append(hooks, body)
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hook.Close()
	t.Setenv("BOUCLIER_SMTP_ADDR", smtp.Addr)
	t.Setenv("BOUCLIER_ALERT_WEBHOOK_URL", hook.URL)
	t.Setenv("BOUCLIER_ALERT_WEBHOOK_SECRET", secret)
	// Processes sharing a database share the key that seals secrets.
	t.Setenv("BOUCLIER_SECRET_KEY", strings.Repeat("ab", 32))
	before := map[string]int{} // emails received by earlier subtests
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			mu.Lock()
			hooks = nil
			mu.Unlock()
			cfg := config.Default()
			cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
			e := apptest.OpenConfig(t, tg.Name, cfg)
			world(t, e, 4)
			mu.Lock()
			clockNow = e.Clock.Now
			mu.Unlock()
			// A second process on the same database, with the same clock.
			app2, err := server.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{Now: e.Clock.Now, Auth: apptest.FastAuth()})
			if err != nil {
				t.Fatal(err)
			}
			defer app2.Close()
			e2 := &apptest.Env{Name: e.Name, App: app2, Clock: e.Clock, Config: cfg}
			for i := 1; i <= 4; i++ {
				env := e
				if i%2 == 0 {
					env = e2
				}
				if _, err := send(t, env, sender{fmt.Sprintf("parent.%d.C1.1", i), true}, parentWide(i), "Convocation", unseenVariants[i-1]); err != nil {
					t.Fatalf("send %d: %v", i, err)
				}
			}
			ctx := context.Background()
			for round := 0; round < 2; round++ {
				for _, a := range []*server.App{e.App, app2} {
					if err := a.Campaign.Sweep(ctx); err != nil {
						t.Fatalf("sweep: %v", err)
					}
				}
			}
			cs := incidents(t, e)
			if len(cs) != 1 {
				t.Fatalf("%d incidents", len(cs))
			}
			c := cs[0]
			if c.Messages != 4 || len(c.Establishments) != 4 {
				t.Fatalf("incident: %+v", c)
			}
			count, total := map[string]int{}, 0
			for _, m := range smtp.Messages(t) {
				if before[m.Subject+m.To] > 0 {
					before[m.Subject+m.To]--
					continue
				}
				total++
				count[m.To]++
				if !strings.Contains(m.Subject, fmt.Sprintf("Incident n°\u00a0%d", c.ID)) {
					t.Errorf("subject %q", m.Subject)
				}
			}
			want := []string{"head.1@example.org", "head.2@example.org", "head.3@example.org", "head.4@example.org", "rssi.aca-nord@example.org", "rssi.aca-sud@example.org"}
			for _, w := range want {
				if count[w] != 1 {
					t.Errorf("%s got %d emails", w, count[w])
				}
			}
			if total != len(want) {
				t.Errorf("%d emails, want %d: %v", total, len(want), count)
			}
			for _, m := range smtp.Messages(t) {
				before[m.Subject+m.To]++
			}
			mu.Lock()
			defer mu.Unlock()
			if len(hooks) != 1 || !strings.Contains(string(hooks[0]), `"incident.opened"`) {
				t.Errorf("webhook calls: %d %s", len(hooks), hooks)
			}
		})
	}
}
