package alert_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/alert/smtptest"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

func TestSignVerify(t *testing.T) {
	secret := []byte("s3cret")
	body := []byte(`{"event":"incident.opened"}`)
	now := time.Unix(1_800_000_000, 0)
	h := http.Header{}
	h.Set(alert.HeaderTimestamp, "1800000000")
	h.Set(alert.HeaderSignature, alert.Sign(secret, now.Unix(), body))
	if err := alert.Verify(secret, h, body, now, time.Minute); err != nil {
		t.Fatalf("good signature: %v", err)
	}
	if err := alert.Verify([]byte("other"), h, body, now, time.Minute); err == nil {
		t.Error("wrong secret accepted")
	}
	if err := alert.Verify(secret, h, append(body, ' '), now, time.Minute); err == nil {
		t.Error("altered body accepted")
	}
	if err := alert.Verify(secret, h, body, now.Add(10*time.Minute), time.Minute); err == nil {
		t.Error("replay accepted")
	}
}

func TestEmailThroughRealSMTP(t *testing.T) {
	srv := smtptest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := alert.New(db, alert.Config{SMTPAddr: srv.Addr, From: "bouclier@example.org"}, time.Now)
		if err := s.Email(context.Background(), "rssi@example.org", "Incident n° 1 : vague contenue", "Établissements concernés : 0780001A.\n"); err != nil {
			t.Fatal(err)
		}
	})
	ms := srv.Messages(t)
	if len(ms) == 0 || ms[0].To != "rssi@example.org" || ms[0].Subject != "Incident n° 1 : vague contenue" {
		t.Fatalf("received: %+v", ms)
	}
}

// TestOnce: concurrent senders of the same alert send it once; a failed
// alert is tried again only after RetryAfter.
func TestOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Unix(1_800_000_000, 0)
		clock := func() time.Time { return now }
		var calls atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := alert.New(db, alert.Config{}, clock)
				if _, err := s.Once(ctx, "k1", 1, func(context.Context) error { calls.Add(1); return nil }); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if calls.Load() != 1 {
			t.Fatalf("sent %d times", calls.Load())
		}
		s := alert.New(db, alert.Config{RetryAfter: time.Minute}, clock)
		if sent, err := s.Once(ctx, "k2", 1, func(context.Context) error { return errors.New("relay down") }); sent || err == nil {
			t.Fatalf("failed send: %v %v", sent, err)
		}
		if sent, _ := s.Once(ctx, "k2", 1, func(context.Context) error { return nil }); sent {
			t.Fatal("retried before RetryAfter")
		}
		now = now.Add(2 * time.Minute)
		if sent, err := s.Once(ctx, "k2", 1, func(context.Context) error { return nil }); !sent || err != nil {
			t.Fatalf("retry: %v %v", sent, err)
		}
		if st, n, _ := db.AlertStatus(ctx, "k2"); st != "sent" || n != 2 {
			t.Fatalf("status %s attempts %d", st, n)
		}
	})
}

func TestWebhookSigned(t *testing.T) {
	secret := "webhook-secret"
	var got []byte
	var hdr http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
		hdr = r.Header.Clone()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	s := alert.New(nil, alert.Config{WebhookURL: srv.URL, WebhookSecret: secret}, time.Now)
	if err := s.Webhook(context.Background(), []byte(`{"a":1}`)); err != nil {
		t.Fatal(err)
	}
	if err := alert.Verify([]byte(secret), hdr, got, time.Now(), time.Minute); err != nil || !strings.Contains(string(got), `"a"`) {
		t.Fatalf("verify: %v %s", err, got)
	}
}
