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
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

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
// "" when no server is configured outside CI. The database is a copy of a
// template already migrated (made once per schema and server, see
// template), which costs less than migrating each test's database.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("BOUCLIER_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but BOUCLIER_TEST_POSTGRES is not: the PostgreSQL suite must run in CI")
		}
		return ""
	}
	tmpl, err := template(base)
	if err != nil {
		t.Fatalf("postgres template: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "bouclier_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name+" TEMPLATE "+tmpl+" STRATEGY FILE_COPY"); err != nil {
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
	u, err := dbURL(base, name)
	if err != nil {
		t.Fatalf("BOUCLIER_TEST_POSTGRES: %v", err)
	}
	return u
}

func dbURL(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

var tmpl struct {
	once sync.Once
	name string
	err  error
}

// template returns the name of a database migrated to this program's
// schema, creating it on the server the first time: its name carries the
// schema's digest, so test processes running at once (one per package)
// share it, and a changed migration makes a new one.
func template(base string) (string, error) {
	tmpl.once.Do(func() { tmpl.name, tmpl.err = makeTemplate(base) })
	return tmpl.name, tmpl.err
}

func makeTemplate(base string) (string, error) {
	ctx := context.Background()
	name := "bouclier_tmpl_" + store.SchemaDigest()[:16]
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer admin.Close()
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	// One process builds it; the others wait here and find it made.
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(4242002)"); err != nil {
		return "", fmt.Errorf("lock: %w", err)
	}
	defer conn.ExecContext(ctx, "SELECT pg_advisory_unlock(4242002)") //nolint:errcheck
	var exists bool
	if err := conn.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	build := name + "_build"
	if _, err := conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+build+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+build); err != nil {
		return "", err
	}
	u, err := dbURL(base, build)
	if err != nil {
		return "", err
	}
	db, err := store.Open(ctx, store.Config{DatabaseURL: u})
	if err != nil {
		return "", fmt.Errorf("migrate template: %w", err)
	}
	if err := db.Close(); err != nil {
		return "", err
	}
	// Published under its final name only once whole. The server may take
	// a moment to end the closed connections' backends.
	for i := 0; ; i++ {
		_, err = conn.ExecContext(ctx, "ALTER DATABASE "+build+" RENAME TO "+name)
		if err == nil || i == 50 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return name, err
}

// Open opens the target's store, closed when the test ends; a test may
// open it more than once, as other processes would.
func (tg Target) Open(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), tg.Config)
	if err != nil {
		t.Fatalf("open %s: %v", tg.Name, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Each runs fn as a subtest on every target with the store open.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	for _, tg := range Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			fn(t, tg.Open(t))
		})
	}
}
