package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// BenchmarkSend measures the send path of a teacher writing to a class of
// 30 students, through the HTTP handler down to the store, on each store.
// Reported: messages/s (and deliveries/s = 30×).
func BenchmarkSend(b *testing.B) {
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			// A fresh database for each run of the function: the benchmark
			// framework calls it several times while sizing b.N.
			var tg storetest.Target
			for _, t := range storetest.Targets(b) {
				if t.Name == name {
					tg = t
				}
			}
			if tg.Name == "" {
				b.Skip("no PostgreSQL server (BOUCLIER_TEST_POSTGRES)")
			}
			cfg := config.Default()
			cfg.DataDir, cfg.DatabaseURL = tg.Config.DataDir, tg.Config.DatabaseURL
			e := apptest.OpenConfig(b, tg.Name, cfg)
			ctx := context.Background()
			err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
				for i := 0; i < 29; i++ { // eleve.dupont is the 30th
					u := bouclier.User{Username: fmt.Sprintf("eleve.b%02d", i), DisplayName: "Élève", Role: bouclier.RoleStudent,
						Academie: "versailles", UAI: "0780001A", Class: "4A"}
					if _, err := tx.UpsertUser(ctx, u, "", time.Now()); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			h := e.Handler()
			otp := e.OTP(b, 0)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("POST", "/api/v1/session",
				bytes.NewReader([]byte(`{"username":"prof.martin","password":"`+apptest.Password+`","otp":"`+otp+`"}`))))
			if rec.Code != 201 {
				b.Fatalf("login: %d %s", rec.Code, rec.Body)
			}
			tok := extractToken(b, rec.Body.Bytes())
			body := []byte(`{"to":["class:0780001A/4A"],"subject":"Devoirs pour jeudi","body":"Bonjour à tous, pour jeudi : exercices 3 à 7 page 112, et relire le chapitre sur les fractions. Bonne soirée."}`)
			b.SetParallelism(32)
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req := httptest.NewRequest("POST", "/api/v1/messages", bytes.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+tok)
					w := httptest.NewRecorder()
					h.ServeHTTP(w, req)
					if w.Code != http.StatusCreated {
						b.Errorf("send: %d %s", w.Code, w.Body)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "msgs/s")
		})
	}
}

func extractToken(b testing.TB, raw []byte) string {
	i := bytes.Index(raw, []byte(`"token":"`))
	if i < 0 {
		b.Fatalf("no token in %s", raw)
	}
	rest := raw[i+9:]
	return string(rest[:bytes.IndexByte(rest, '"')])
}
