// Package store holds all of Bouclier's SQL. It speaks to an embedded SQLite
// file (the default) or to a PostgreSQL server through database/sql, with
// one set of queries written with '?' placeholders and rewritten for
// PostgreSQL, and one numbered migration list per dialect.
//
// Several server processes may share one PostgreSQL database: nothing here
// keeps state that must be shared in memory.
package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

//go:embed migrations
var migrationsFS embed.FS

// Dialect names the SQL dialect of a store.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// Config says where the data lives.
type Config struct {
	DataDir     string // SQLite file lives at DataDir/bouclier.db
	DatabaseURL string // postgres://… wins over DataDir when set
	MustExist   bool   // refuse to create a new SQLite database (tools that only read)
	// Lean gives SQLite a small page cache and no memory map, for batch
	// tools that must run in bounded memory beside the server (import).
	Lean bool
	// CampaignKeyBudget bounds the campaign key index in memory on
	// SQLite, in key entries (keyindex.go); 0: the default, a few MiB.
	CampaignKeyBudget int
}

// DB is an open store. Reads and writes go through separate pools: SQLite
// allows one writer at a time, so the write pool has one connection and
// writers queue in Go rather than spin on SQLITE_BUSY.
type DB struct {
	dialect Dialect
	write   *sql.DB
	read    *sql.DB

	mu    sync.RWMutex
	rebds map[string]string

	// Prepared read statements, one per query text: parsing a statement
	// costs SQLite more than running a point query.
	readStmts sync.Map // query → *sql.Stmt

	// Prepared write statements (SQLite), one per query text, and the
	// texts run in a transaction before they were prepared: they are
	// prepared once the transaction is over and the only writer connection
	// is free again (see Tx.exec).
	writeStmts sync.Map // query → *sql.Stmt
	toPrepare  sync.Map // query → struct{}

	// auditChains holds the idle audit chains of this process (audit.go).
	auditChains chan int64

	sealer Sealer // encrypts secrets at rest (security.go); nil: stored as given

	// auth keeps sessions and account security briefly (authcache.go).
	auth authCache

	// pages keeps inbox and trash pages per mailbox version (SQLite,
	// pagecache.go).
	pages pageCache
	// keys indexes recent campaign observations by key (SQLite,
	// keyindex.go).
	keys keyIndex

	// committedHook, set by tests only, runs after a commit, before
	// this process's caches hear of it: another writer's commit and a
	// look may come in between.
	committedHook atomic.Pointer[func()]

	// The background checkpoints of SQLite's write-ahead log
	// (checkpoints); nil on PostgreSQL.
	stopCheckpoints chan struct{}
	checkpointsDone chan struct{}
}

// Open opens the store and applies any pending migration. It refuses a
// database whose schema is newer than this program.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	var db *DB
	switch {
	case strings.HasPrefix(cfg.DatabaseURL, "postgres://") || strings.HasPrefix(cfg.DatabaseURL, "postgresql://"):
		pool, err := sql.Open("pgx", cfg.DatabaseURL)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		pool.SetMaxOpenConns(16)
		pool.SetMaxIdleConns(16)
		pool.SetConnMaxIdleTime(5 * time.Minute)
		db = &DB{dialect: Postgres, write: pool, read: pool}
	case cfg.DatabaseURL != "":
		return nil, fmt.Errorf("database URL must start with postgres://")
	default:
		dir := cfg.DataDir
		if dir == "" {
			dir = "bouclier-data"
		}
		path := filepath.Join(dir, "bouclier.db")
		if _, err := os.Stat(path); err != nil && cfg.MustExist {
			return nil, fmt.Errorf("no database in %s: %w", dir, err)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create data directory: %w", err)
		}
		// Memory is bounded: no memory map (its pages count in the
		// process's resident set, up to the file's size), a page cache of
		// 8 MiB for the writer and 1 MiB for each reader (the operating
		// system's file cache holds the rest). Each cached page costs
		// about twice its size: modernc's allocator rounds a page and its
		// header (4 KiB and a few hundred bytes) up to an 8 KiB slot, so
		// eight readers of 2 MiB held 34 MB, not 16. Temporary data (statement
		// journals of multi-row inserts, sorts) stays in memory: it is small,
		// and in a file it would cost a write per page.
		dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_pragma=mmap_size(0)&_pragma=wal_autocheckpoint(10000)&_pragma=journal_size_limit(67108864)&_pragma=temp_store(2)&_txlock=immediate"
		// The writer's automatic checkpoint is only a safety net (see
		// checkpoints): under load readers keep the log from restarting,
		// and past its mark every commit ran a checkpoint of its own. The
		// log may then grow (to 400 MB after 8 s of the send benchmark);
		// once it restarts, it is cut back to 64 MB (journal_size_limit).
		w, err := sql.Open("sqlite", strings.Replace(dsn, "wal_autocheckpoint(10000)", "wal_autocheckpoint(100000)", 1)+"&_pragma=cache_size(-8192)")
		if err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		w.SetMaxOpenConns(1)
		r, err := sql.Open("sqlite", dsn+"&_pragma=cache_size(-1024)")
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		r.SetMaxOpenConns(8)
		// Keep every read connection: opening one re-reads the schema,
		// which costs more than the queries it serves.
		r.SetMaxIdleConns(8)
		r.SetConnMaxIdleTime(0)
		db = &DB{dialect: SQLite, write: w, read: r}
	}
	db.rebds = make(map[string]string)
	db.keys.budget = cmp.Or(cfg.CampaignKeyBudget, defaultKeyBudget)
	db.auditChains = make(chan int64, 16)
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if db.dialect == SQLite {
		db.stopCheckpoints, db.checkpointsDone = make(chan struct{}), make(chan struct{})
		go db.checkpoints(checkpointEvery)
	}
	return db, nil
}

// checkpointEvery is how often the write-ahead log is copied into the
// database file in the background.
const checkpointEvery = 500 * time.Millisecond

// checkpoints copies SQLite's write-ahead log into the database file every
// interval, from a read connection (Checkpoint), until Close. Left to the
// automatic checkpoint (at 10,000 pages), the copy and its fsync ran
// inside the commit that crossed the mark: a batch of sends, and every
// send queued behind it, waited for it (5 % of the server's CPU under the
// send benchmark, and its slowest answers); and while readers kept the log
// from restarting, every commit past the mark ran one. A passive
// checkpoint waits for no reader nor writer; the writer's automatic one,
// at 100,000 pages (400 MB of log), stays a safety net.
func (db *DB) checkpoints(interval time.Duration) {
	defer close(db.checkpointsDone)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-db.stopCheckpoints:
			return
		case <-t.C:
			// A failed checkpoint is left to the next one, or to the
			// automatic one; nothing is lost meanwhile.
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			_ = db.Checkpoint(ctx)
			cancel()
		}
	}
}

// Dialect returns the store's SQL dialect.
func (db *DB) Dialect() Dialect { return db.dialect }

// Close closes both pools.
func (db *DB) Close() error {
	db.keys.spills.Wait()
	if db.stopCheckpoints != nil {
		close(db.stopCheckpoints)
		<-db.checkpointsDone
		db.stopCheckpoints = nil
	}
	db.readStmts.Range(func(_, v any) bool { v.(*sql.Stmt).Close(); return true })
	db.writeStmts.Range(func(_, v any) bool { v.(*sql.Stmt).Close(); return true })
	err := db.write.Close()
	if db.read != db.write {
		if e := db.read.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.read.PingContext(ctx) }

// q rewrites '?' placeholders to '$n' for PostgreSQL, once per query text.
func (db *DB) q(query string) string {
	if db.dialect != Postgres {
		return query
	}
	db.mu.RLock()
	s, ok := db.rebds[query]
	db.mu.RUnlock()
	if ok {
		return s
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	s = b.String()
	db.mu.Lock()
	db.rebds[query] = s
	db.mu.Unlock()
	return s
}

// Tx is a write transaction.
type Tx struct {
	db   *DB
	tx   *sql.Tx
	head *auditHead
	// authDirty: a statement wrote sessions, users or account_security;
	// the cached copies are invalidated when the transaction ends.
	authDirty bool
	// erased: messages or accounts were erased (retention); the pages
	// and campaign keys this process kept are dropped when the
	// transaction ends, so that nothing erased stays in its memory.
	erased bool
	// keysPurged: the transaction's purges of the campaign keys; the key
	// index (SQLite, keyindex.go) drops their rows once it is committed.
	keysPurged []keyPurge
}

// InTx runs fn in one write transaction, committed if fn returns nil.
func (db *DB) InTx(ctx context.Context, fn func(*Tx) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	t := &Tx{db: db, tx: tx}
	var committed bool
	defer func() {
		if hook := db.committedHook.Load(); committed && hook != nil {
			(*hook)() // tests
		}
		// After the commit or rollback, before the caller hears of it: a
		// request that follows a revocation reads it.
		if t.authDirty {
			db.auth.invalidate()
		}
		if t.erased {
			db.pages.clear()
			db.keys.reset()
		} else if committed && len(t.keysPurged) != 0 {
			db.keys.trim(t.keysPurged)
		}
	}()
	if err := fn(t); err != nil {
		_ = tx.Rollback()
		t.releaseChain(false)
		return err
	}
	if err := t.flushAuditHead(ctx); err != nil {
		_ = tx.Rollback()
		t.releaseChain(false)
		return err
	}
	if err := tx.Commit(); err != nil {
		// Whether the commit took effect is unknown: a chain this
		// transaction created is not reused. (The key index needs no
		// care: it reads only committed rows of the log; at worst a purge
		// that took effect leaves entries until the next one.)
		t.releaseChain(false)
		return fmt.Errorf("commit: %w", err)
	}
	committed = true
	t.releaseChain(true)
	db.prepareWrites(ctx)
	return nil
}

// prepareWrites prepares the write statements first run unprepared, now
// that the writer connection is free. A failure only means the statement
// is parsed again next time.
func (db *DB) prepareWrites(ctx context.Context) {
	db.toPrepare.Range(func(k, _ any) bool {
		query := k.(string)
		db.toPrepare.Delete(query)
		if _, ok := db.writeStmts.Load(query); ok {
			return true
		}
		st, err := db.write.PrepareContext(ctx, db.q(query))
		if err != nil {
			return true
		}
		if _, loaded := db.writeStmts.LoadOrStore(query, st); loaded {
			st.Close()
		}
		return true
	})
}

// stmt returns the prepared statement for query on a pool, preparing it
// once. database/sql re-prepares it on each connection as needed.
func (db *DB) stmt(ctx context.Context, pool *sql.DB, cache *sync.Map, query string) (*sql.Stmt, error) {
	if st, ok := cache.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := pool.PrepareContext(ctx, db.q(query))
	if err != nil {
		return nil, err
	}
	if prev, loaded := cache.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// On SQLite, parsing a statement costs about as much as running it. A
// statement cannot be prepared on the writer pool inside a transaction
// (that would wait for the pool's only connection, which the transaction
// holds): the first run of a text is parsed in place and the text is
// prepared after the commit (prepareWrites); later runs use the prepared
// statement on the transaction's connection. PostgreSQL's driver caches
// its prepared statements itself.
func (t *Tx) writeStmt(ctx context.Context, query string) *sql.Stmt {
	if t.db.dialect != SQLite {
		return nil
	}
	if st, ok := t.db.writeStmts.Load(query); ok {
		return t.tx.StmtContext(ctx, st.(*sql.Stmt))
	}
	t.db.toPrepare.Store(query, struct{}{})
	return nil
}

func (t *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	t.noteWrite(query)
	if st := t.writeStmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, t.db.q(query), args...)
}

// noteWrite marks the transaction when query writes a table the auth
// cache reads.
func (t *Tx) noteWrite(query string) {
	if !t.authDirty && writesAuth(query) {
		t.authDirty = true
	}
}

func (t *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	t.noteWrite(query) // UPDATE … RETURNING
	if st := t.writeStmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, t.db.q(query), args...)
}

func (db *DB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := db.stmt(ctx, db.read, &db.readStmts, query)
	if err != nil {
		return db.read.QueryRowContext(ctx, db.q(query), args...) // reports the same error
	}
	return st.QueryRowContext(ctx, args...)
}

func (db *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := db.stmt(ctx, db.read, &db.readStmts, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// migration is one numbered, embedded schema change.
type migration struct {
	version int
	name    string
	sql     string
}

func (db *DB) migrations() ([]migration, error) {
	dir := "migrations/" + string(db.dialect)
	entries, err := fs.ReadDir(migrationsFS, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		b, err := fs.ReadFile(migrationsFS, dir+"/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaDigest identifies the schema this program's migrations build (both
// dialects): tests key template databases on it.
func SchemaDigest() string {
	h := sha256.New()
	_ = fs.WalkDir(migrationsFS, "migrations", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrationsFS, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", p, len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

// SchemaVersion returns the version this program's migrations reach.
func (db *DB) SchemaVersion() int {
	ms, _ := db.migrations()
	return len(ms)
}

// migrate applies pending migrations, each in its own transaction. On
// PostgreSQL an advisory lock keeps two starting servers from racing.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := db.migrations()
	if err != nil {
		return err
	}
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if db.dialect == Postgres {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(4242001)"); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
		defer conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock(4242001)") //nolint:errcheck
	}
	if _, err := conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	current := 0
	if err := conn.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&current); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if current > len(ms) {
		return fmt.Errorf("database schema version %d is newer than this program's %d: upgrade bouclier", current, len(ms))
	}
	for _, m := range ms[current:] {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, db.q("INSERT INTO schema_version (version) VALUES (?)"), m.version); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	// The users' search keys are computed in Go: filled by the server that
	// applies their migration, and at every start for rows still without
	// one (a fill cut short by a crash, or rows written by an older
	// program during an upgrade).
	if len(ms) >= searchKeyVersion {
		if err := fillSearchKeys(ctx, conn, db.q); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// Micros returns t as unix microseconds, the unit of every stored instant.
func Micros(t time.Time) int64 { return t.UnixMicro() }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
