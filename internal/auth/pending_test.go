package auth

import (
	"bytes"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

func TestPendingSealedWithTheSecretKey(t *testing.T) {
	db, err := store.Open(t.Context(), store.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := func(key string) *Service {
		cfg := DefaultConfig()
		cfg.Params = Params{Memory: 64, Time: 1, Threads: 1}
		cfg.SecretKey = []byte(key)
		s, err := New(db, cfg, time.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	key := strings.Repeat("k", 32)
	a, b, other := svc(key), svc(key), svc(strings.Repeat("x", 32))
	sealed, err := a.SealPending([]byte("step one"), "cookie-1")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		s       *Service
		sealed  string
		binding string
		ok      bool
	}{
		{"same process", a, sealed, "cookie-1", true},
		{"another process, same key", b, sealed, "cookie-1", true},
		{"another key", other, sealed, "cookie-1", false},
		{"another browser", b, sealed, "cookie-2", false},
		{"altered", b, sealed[:len(sealed)-2] + "AA", "cookie-1", false},
		{"garbage", b, "%%%", "cookie-1", false},
		{"empty", b, "", "cookie-1", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.s.OpenPending(c.sealed, c.binding)
			if ok := err == nil && bytes.Equal(got, []byte("step one")); ok != c.ok {
				t.Fatalf("opened=%t (%v), want %t", ok, err, c.ok)
			}
		})
	}
}
