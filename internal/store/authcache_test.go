package store_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

func newSession(t *testing.T, db *store.DB, userID int64, token string) []byte {
	t.Helper()
	hash := []byte(token + "-hash-of-32-bytes-or-so-padding")
	now := time.Now().UnixMicro()
	err := db.InTx(context.Background(), func(tx *store.Tx) error {
		return tx.CreateSession(context.Background(), store.Session{TokenHash: hash, UserID: userID, CreatedAt: now, LastSeen: now,
			ExpiresAt: now + time.Hour.Microseconds(), CSRFHash: []byte("csrf-" + token), PublicID: "p-" + token})
	})
	if err != nil {
		t.Fatal(err)
	}
	return hash
}

// TestAuthCacheSeesEveryChange: SessionUser and AccountSecurity are served
// from memory, yet every change made through the store is seen by the very
// next read, whichever method made it: a sanction on the user, a moved
// session, a step-up, a lock, TOTP enrolled and removed, a revocation, an
// account closed.
func TestAuthCacheSeesEveryChange(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		uid, _ := batchUsers(t, db, 0)
		hash := newSession(t, db, uid, "a")
		tx := func(fn func(tx *store.Tx) error) {
			t.Helper()
			if err := db.InTx(ctx, fn); err != nil {
				t.Fatal(err)
			}
		}
		session := func() (store.Session, bouclier.User, error) {
			t.Helper()
			// Twice: the second read is the cached one.
			if _, _, err := db.SessionUser(ctx, hash); err != nil && !errors.Is(err, store.ErrNotFound) {
				t.Fatal(err)
			}
			return db.SessionUser(ctx, hash)
		}
		security := func() store.AccountSecurity {
			t.Helper()
			if _, err := db.AccountSecurity(ctx, uid); err != nil {
				t.Fatal(err)
			}
			a, err := db.AccountSecurity(ctx, uid)
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		hasTOTP := func() bool {
			t.Helper()
			if _, err := db.HasTOTP(ctx, uid); err != nil {
				t.Fatal(err)
			}
			has, err := db.HasTOTP(ctx, uid)
			if err != nil {
				t.Fatal(err)
			}
			return has
		}
		lockedUntil := time.Now().Add(time.Hour).UnixMicro()
		steps := []struct {
			name  string
			do    func()
			check func(s store.Session, u bouclier.User, err error) bool
		}{
			{"cached", func() {}, func(s store.Session, u bouclier.User, err error) bool {
				return err == nil && u.ID == uid && !u.ReadOnly && bytes.Equal(s.CSRFHash, []byte("csrf-a"))
			}},
			{"caller's copy changed", func() {
				s, _, _ := db.SessionUser(ctx, hash)
				s.CSRFHash[0] = 'X'
			}, func(s store.Session, _ bouclier.User, err error) bool {
				return err == nil && bytes.Equal(s.CSRFHash, []byte("csrf-a"))
			}},
			{"read-only", func() {
				tx(func(tx *store.Tx) error { return tx.SetReadOnlyBy(ctx, uid, true, "admin") })
			}, func(_ store.Session, u bouclier.User, err error) bool { return err == nil && u.ReadOnly }},
			{"moved", func() {
				if _, err := db.MarkSessionMoved(ctx, hash, 42); err != nil {
					t.Fatal(err)
				}
			}, func(s store.Session, _ bouclier.User, err error) bool { return err == nil && s.MovedAt == 42 }},
			{"step-up", func() {
				tx(func(tx *store.Tx) error { return tx.MarkSessionMFA(ctx, hash, 43) })
			}, func(s store.Session, _ bouclier.User, err error) bool { return err == nil && s.MFAAt == 43 }},
			{"touched", func() {
				if err := db.TouchSession(ctx, hash, 44); err != nil {
					t.Fatal(err)
				}
			}, func(s store.Session, _ bouclier.User, err error) bool { return err == nil && s.LastSeen == 44 }},
			{"locked", func() {
				tx(func(tx *store.Tx) error {
					return tx.PutAccountSecurity(ctx, store.AccountSecurity{UserID: uid, LockedUntil: lockedUntil, LockReason: "test"})
				})
			}, func(store.Session, bouclier.User, error) bool { return security().LockedUntil == lockedUntil }},
			{"TOTP enrolled", func() {
				tx(func(tx *store.Tx) error { return tx.SetTOTPSecret(ctx, uid, "JBSWY3DPEHPK3PXP") })
			}, func(store.Session, bouclier.User, error) bool { return hasTOTP() }},
			{"TOTP removed", func() {
				tx(func(tx *store.Tx) error { return tx.ClearTOTP(ctx, uid) })
			}, func(store.Session, bouclier.User, error) bool { return !hasTOTP() }},
			{"revoked", func() {
				tx(func(tx *store.Tx) error { _, err := tx.RevokeUserSessions(ctx, uid, 45, "containment"); return err })
			}, func(_ store.Session, _ bouclier.User, err error) bool { return errors.Is(err, store.ErrNotFound) }},
		}
		for _, st := range steps {
			security() // cached before each change too
			hasTOTP()
			st.do()
			s, u, err := session()
			if !st.check(s, u, err) {
				t.Fatalf("%s: session %+v user %+v err %v", st.name, s, u, err)
			}
		}

		// Closed by the directory import: the user's row changes.
		hash = newSession(t, db, uid, "b")
		if _, _, err := session(); err != nil {
			t.Fatal(err)
		}
		tx(func(tx *store.Tx) error { _, err := tx.CloseUser(ctx, uid, time.Now()); return err })
		if _, u, err := db.SessionUser(ctx, hash); err == nil && !u.Disabled {
			t.Fatalf("closed account still served as open: %+v", u)
		}
		// A sealed secret this store cannot open fails the check closed,
		// as reading the credentials does.
		if err := db.ExecRaw(ctx, `UPDATE users SET totp_secret = 'sealed:abc' WHERE id = ?`, uid); err != nil {
			t.Fatal(err)
		}
		if has, err := db.HasTOTP(ctx, uid); err == nil {
			t.Fatalf("sealed secret without a key: %v, no error", has)
		}
	})
}

// TestAuthCacheOtherProcess: a session ended by another process sharing
// the database (a second store handle) is refused by this one once the
// cache's lifetime has passed, the bound docs/performance.md states.
// TestTouchForgetsOneSession: the once-a-minute touch of an active session
// drops that session's entry only; the others stay cached (a global clear
// on every touch left the cache empty on a busy server).
func TestTouchForgetsOneSession(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		uid, _ := batchUsers(t, db, 0)
		x, y := newSession(t, db, uid, "x"), newSession(t, db, uid, "y")
		for _, h := range [][]byte{x, y} {
			if _, _, err := db.SessionUser(ctx, h); err != nil {
				t.Fatal(err)
			}
		}
		if !db.SessionCached(x) || !db.SessionCached(y) {
			t.Fatal("sessions not cached")
		}
		if err := db.TouchSession(ctx, y, 45); err != nil {
			t.Fatal(err)
		}
		if !db.SessionCached(x) || db.SessionCached(y) {
			t.Errorf("after touching y: x cached %v, y cached %v", db.SessionCached(x), db.SessionCached(y))
		}
		if s, _, err := db.SessionUser(ctx, y); err != nil || s.LastSeen != 45 {
			t.Errorf("touched session: %+v %v", s, err)
		}
	})
}

func TestAuthCacheOtherProcess(t *testing.T) {
	t.Parallel()
	for _, tg := range storetest.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			ctx := context.Background()
			a, b := tg.Open(t), tg.Open(t)
			uid, _ := batchUsers(t, a, 0)
			hash := newSession(t, a, uid, "c")
			if _, _, err := a.SessionUser(ctx, hash); err != nil {
				t.Fatal(err)
			}
			if err := b.EndSession(ctx, hash, time.Now().UnixMicro(), "logout"); err != nil {
				t.Fatal(err)
			}
			time.Sleep(store.AuthCacheTTL + 50*time.Millisecond)
			if _, _, err := a.SessionUser(ctx, hash); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("session ended by another process still served after %v: %v", store.AuthCacheTTL, err)
			}
		})
	}
}
