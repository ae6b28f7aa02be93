package auth_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"log/slog"
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

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestNoSecretInLogsOrDatabase runs the flows that handle secrets with
// every log line captured at debug level, then searches the logs and every
// text and binary value of every table for each secret seen on the way:
// passwords (one typed in the username field), tokens, TOTP secrets,
// recovery and activation codes.
func TestNoSecretInLogsOrDatabase(t *testing.T) {
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			var logs syncBuffer
			log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			cfg := config.Default()
			cfg.DataDir, cfg.DatabaseURL, cfg.SecureCookie = tg.Config.DataDir, tg.Config.DatabaseURL, false
			clock := apptest.NewClock(apptest.DefaultTime)
			app, err := server.Open(context.Background(), cfg, log, server.Options{Now: clock.Now, Auth: apptest.FastAuth()})
			if err != nil {
				t.Fatal(err)
			}
			defer app.Close()
			if _, err := demo.Create(context.Background(), app.DB, app.Auth.Hasher(), demo.Options{Password: apptest.Password, TOTPSecret: apptest.TOTPSecret}, clock.Now()); err != nil {
				t.Fatal(err)
			}
			e := &apptest.Env{Name: tg.Name, App: app, Clock: clock, Config: cfg}
			c := newClient(t, e)
			secrets := []string{apptest.Password, apptest.TOTPSecret}
			typo := "Typed-The-Password-Here-42"
			secrets = append(secrets, typo)
			c.do("POST", "/api/v1/session", "", map[string]any{"username": typo, "password": "whatever whatever"})
			wrong := "a-wrong-password-that-must-not-leak"
			c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": wrong})
			secrets = append(secrets, wrong)
			// A first login makes this browser a device the account knows:
			// factors are enrolled from a known device.
			r := c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password})
			secrets = append(secrets, r.Body["token"].(string), r.Body["device_token"].(string))
			r = c.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password})
			secrets = append(secrets, r.Body["token"].(string), r.Body["device_token"].(string))
			tok := r.Body["token"].(string)
			r = c.do("POST", "/api/v1/me/factors/totp", tok, nil)
			expect(t, "begin totp", r, 201, "")
			secret := r.Body["secret"].(string)
			secrets = append(secrets, secret)
			code, _ := auth.TOTPCode(secret, clock.Now())
			r = c.do("POST", "/api/v1/me/factors/totp/confirm", tok, map[string]any{"code": code})
			expect(t, "confirm totp", r, 200, "")
			for _, x := range r.Body["recovery_codes"].([]any) {
				secrets = append(secrets, x.(string), strings.ReplaceAll(x.(string), "-", ""))
			}
			prof := c.login("prof.martin")
			secrets = append(secrets, prof)
			clock.Advance(time.Minute)
			r = c.do("POST", "/api/v1/session/step-up", prof, map[string]any{"otp": e.OTP(t, 0)})
			secrets = append(secrets, r.Body["token"].(string))
			admin := c.login("rssi.versailles")
			secrets = append(secrets, admin)
			r = c.do("POST", "/api/v1/admin/resets", admin, map[string]any{"scope": "establishment:0780002B"})
			expect(t, "reset", r, 201, "")
			var hugoCode string
			for _, x := range r.Body["accounts"].([]any) {
				code := x.(map[string]any)["code"].(string)
				secrets = append(secrets, code, strings.ReplaceAll(code, "-", ""))
				if x.(map[string]any)["username"] == "parent.hugo" {
					hugoCode = code
				}
			}
			newPW := "Une phrase de passe toute neuve pour Hugo"
			expect(t, "activate", c.do("POST", "/api/v1/activation", "", map[string]any{"username": "parent.hugo",
				"code": hugoCode, "password": newPW}), 204, "")
			secrets = append(secrets, newPW)

			variants := func(s string) []string {
				return []string{s, strings.ToLower(s), base64.StdEncoding.EncodeToString([]byte(s)), hex.EncodeToString([]byte(s))}
			}
			out := logs.String()
			if len(out) == 0 {
				t.Fatal("nothing logged: the capture does not work")
			}
			for _, s := range secrets {
				for _, v := range variants(s) {
					if strings.Contains(out, v) {
						t.Errorf("a secret (%.6s…) is in the logs", s)
					}
				}
			}
			cells := 0
			err = app.DB.EachCell(context.Background(), func(table, column string, value []byte) error {
				cells++
				for _, s := range secrets {
					for _, v := range variants(s) {
						if bytes.Contains(value, []byte(v)) {
							t.Errorf("a secret (%.6s…) is stored in clear in %s.%s", s, table, column)
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("searched %d secrets in %d bytes of logs and %d database values", len(secrets), len(out), cells)
		})
	}
}
