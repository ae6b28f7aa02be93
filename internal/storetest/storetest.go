// Package storetest gives tests fresh databases: an SQLite file in a temp
// directory always, and a new database on the PostgreSQL server named by
// BOUCLIER_TEST_POSTGRES (a postgres:// URL with rights to create
// databases) when it is set. Under CI the PostgreSQL server is required.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
)

// Target is one fresh database.
type Target struct {
	Name   string // "sqlite" or "postgres"
	Config store.Config
}

// Targets returns a fresh SQLite target and, when available, a fresh
// PostgreSQL one. Each is dropped when the test ends.
func Targets(t testing.TB) []Target {
	t.Helper()
	out := []Target{{Name: "sqlite", Config: store.Config{DataDir: t.TempDir()}}}
	if u := PostgresURL(t); u != "" {
		out = append(out, Target{Name: "postgres", Config: store.Config{DatabaseURL: u}})
	}
	return out
}

// PostgresURL creates a fresh PostgreSQL database and returns its URL, or
// "" when no server is configured outside CI.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("BOUCLIER_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but BOUCLIER_TEST_POSTGRES is not: the PostgreSQL suite must run in CI")
		}
		return ""
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "bouclier_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		_, _ = a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("BOUCLIER_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// Each runs fn as a subtest on every target with the store open.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	for _, tg := range Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			db, err := store.Open(context.Background(), tg.Config)
			if err != nil {
				t.Fatalf("open %s: %v", tg.Name, err)
			}
			t.Cleanup(func() { db.Close() })
			fn(t, db)
		})
	}
}
