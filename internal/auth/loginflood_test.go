package auth_test

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

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/storetest"
)

// floodApp opens the application with the production hashing costs.
func floodApp(t testing.TB, tg storetest.Target) http.Handler {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
	ac := auth.DefaultConfig()
	app, err := server.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Options{Auth: &ac})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	if _, err := demo.Create(context.Background(), app.DB, app.Auth.Hasher(), demo.Options{Password: apptest.Password}, time.Now()); err != nil {
		t.Fatal(err)
	}
	return app.Handler()
}

func post(h http.Handler, addr, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/api/v1/session", strings.NewReader(body))
	req.RemoteAddr = addr + ":4444"
	req.Header.Set("User-Agent", "Mozilla/5.0 Firefox/128.0")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// floodedLogin sends n concurrent bogus logins (malformed and unknown
// names, each from its own address) and, once they are under way, one
// legitimate login; it returns the legitimate login's answer and time,
// and the bogus logins' statuses.
func floodedLogin(h http.Handler, n int) (*httptest.ResponseRecorder, time.Duration, map[int]int) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			name := fmt.Sprintf("inconnu.%d", i)
			if i%2 == 0 {
				name = fmt.Sprintf("pas un nom <%d>", i)
			}
			w := post(h, fmt.Sprintf("10.%d.%d.%d", i/65536%256, i/256%256, i%256), fmt.Sprintf(`{"username":%q,"password":"mot de passe volé"}`, name))
			mu.Lock()
			statuses[w.Code]++
			mu.Unlock()
		}()
	}
	close(start)
	time.Sleep(20 * time.Millisecond)
	t0 := time.Now()
	w := post(h, "192.0.2.99", fmt.Sprintf(`{"username":"parent.dupont","password":%q}`, apptest.Password))
	d := time.Since(t0)
	wg.Wait()
	return w, d, statuses
}

// TestLegitimateLoginDuringFlood: with 600 concurrent bogus logins, a
// legitimate login still opens its session promptly (it used to wait
// behind every bogus name's dummy hash: 44 s). The bound is generous; the
// figure is BenchmarkLoginDuringFlood's.
func TestLegitimateLoginDuringFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("flood")
	}
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			h := floodApp(t, tg)
			w, d, statuses := floodedLogin(h, 600)
			t.Logf("legitimate login during the flood: %d in %v; bogus answers %v", w.Code, d, statuses)
			if w.Code != http.StatusCreated {
				t.Fatalf("legitimate login: %d %s", w.Code, w.Body)
			}
			if d > 10*time.Second {
				t.Fatalf("legitimate login took %v", d)
			}
			for code := range statuses {
				if code >= 500 {
					t.Errorf("bogus logins answered %d", code)
				}
			}
		})
	}
}

// BenchmarkLoginDuringFlood reports the time of a legitimate login while
// 600 bogus logins run at once (target: under a second).
func BenchmarkLoginDuringFlood(b *testing.B) {
	for _, tg := range storetest.Targets(b) {
		b.Run(tg.Name, func(b *testing.B) {
			h := floodApp(b, tg)
			var total time.Duration
			for range b.N {
				w, d, _ := floodedLogin(h, 600)
				if w.Code != http.StatusCreated {
					b.Fatalf("legitimate login: %d %s", w.Code, w.Body)
				}
				total += d
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/legit-login")
		})
	}
}
