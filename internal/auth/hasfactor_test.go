package auth

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestHasFactor: the send guard's factor check answers as factorSet.any
// (TOTP or a passkey; recovery codes are no factor), reads the passkeys
// only without TOTP, and fails closed when that read fails.
func TestHasFactor(t *testing.T) {
	ctx := t.Context()
	db, err := store.Open(ctx, store.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Params = Params{Memory: 64, Time: 1, Threads: 1}
	cfg.SecretKey = make([]byte, 32)
	s, err := New(db, cfg, time.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	var none, passkey int64
	err = db.InTx(ctx, func(tx *store.Tx) error {
		for _, p := range []struct {
			name string
			id   *int64
		}{{"sans.facteur", &none}, {"avec.cle", &passkey}} {
			u := bouclier.User{Username: p.name, DisplayName: p.name, Role: bouclier.RoleTeacher}
			if *p.id, err = tx.UpsertUser(ctx, u, "", time.Now()); err != nil {
				return err
			}
		}
		return tx.PutWebAuthnCredential(ctx, store.WebAuthnCredential{ID: []byte("cle-1"), UserID: passkey, Name: "clé", Sealed: "x", CreatedAt: 1})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		user int64
		totp bool
		want bool
	}{
		{"no factor", none, false, false},
		{"passkey", passkey, false, true},
		{"TOTP", none, true, true},
	} {
		got, err := s.hasFactor(ctx, c.user, c.totp)
		if err != nil || got != c.want {
			t.Errorf("%s: %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	db.Close()
	if ok, err := s.hasFactor(ctx, passkey, false); err == nil || ok {
		t.Errorf("passkeys unreadable: %v, %v; want an error", ok, err)
	}
	if ok, err := s.hasFactor(ctx, none, true); err != nil || !ok {
		t.Errorf("TOTP with the store closed: %v, %v; want true without a read", ok, err)
	}
}
