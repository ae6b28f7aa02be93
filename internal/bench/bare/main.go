// Command bare is the baseline that Bouclier's send path is measured
// against (scripts/bench): a plain net/http server on SQLite (WAL,
// synchronous=NORMAL, one writer connection) that does none of the
// shield's work. A send checks the bearer token (one point read),
// resolves the class (one read) and writes one transaction of 31 rows: the
// message and one delivery per recipient.
//
//	bare --data DIR [--addr 127.0.0.1:0]
//
// It prints "listening on http://ADDR" and the token once ready.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite"
)

// Token is the bearer token of the baseline's only sender.
const Token = "bare-bench-token"

const schema = `
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, class TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS users_class ON users (class);
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, user_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, sender_id INTEGER NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, sent_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS deliveries (user_id INTEGER NOT NULL, message_id INTEGER NOT NULL, read_at INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user_id, message_id)) WITHOUT ROWID;
`

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen `address`")
	data := flag.String("data", "bare-data", "data `directory`")
	flag.Parse()
	if err := run(*addr, *data); err != nil {
		fmt.Fprintln(os.Stderr, "bare:", err)
		os.Exit(1)
	}
}

func run(addr, dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	dsn := "file:" + filepath.Join(dir, "bare.db") + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	if err := seed(w); err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /send", func(rw http.ResponseWriter, req *http.Request) { send(rw, req, w, r) })
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("listening on http://%s token %s\n", ln.Addr(), Token)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); _ = srv.Shutdown(context.Background()) }()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// seed creates the sender and a class of 30 once.
func seed(db *sql.DB) error {
	if _, err := db.Exec(schema); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck
	if _, err := tx.Exec(`INSERT INTO users (id, username) VALUES (1, 'prof') ON CONFLICT DO NOTHING`); err != nil {
		return err
	}
	for i := range 30 {
		if _, err := tx.Exec(`INSERT INTO users (username, class) VALUES (?, '3C') ON CONFLICT DO NOTHING`, "eleve"+strconv.Itoa(i)); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(`INSERT INTO sessions (token, user_id) VALUES (?, 1) ON CONFLICT DO NOTHING`, Token); err != nil {
		return err
	}
	return tx.Commit()
}

type request struct {
	To      []string `json:"to"`
	Subject string   `json:"subject"`
	Body    string   `json:"body"`
}

func send(w http.ResponseWriter, r *http.Request, wdb, rdb *sql.DB) {
	ctx := r.Context()
	var sender int64
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if err := rdb.QueryRowContext(ctx, `SELECT user_id FROM sessions WHERE token = ?`, tok).Scan(&sender); err != nil {
		http.Error(w, "unauthenticated", http.StatusUnauthorized)
		return
	}
	var req request
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil || len(req.To) != 1 || req.Subject == "" || req.Body == "" {
		http.Error(w, "invalid request", http.StatusBadRequest)
		return
	}
	class, ok := strings.CutPrefix(req.To[0], "class:")
	if !ok {
		http.Error(w, "invalid recipient", http.StatusBadRequest)
		return
	}
	rows, err := rdb.QueryContext(ctx, `SELECT id FROM users WHERE class = ?`, class)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ids = append(ids, id)
	}
	rows.Close()
	id, err := store(ctx, wdb, sender, req, ids)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]string{"id": strconv.FormatInt(id, 10)})
}

// store writes one transaction: the message and its deliveries.
func store(ctx context.Context, db *sql.DB, sender int64, req request, to []int64) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback() //nolint:errcheck
	res, err := tx.ExecContext(ctx, `INSERT INTO messages (sender_id, subject, body, sent_at) VALUES (?, ?, ?, ?)`, sender, req.Subject, req.Body, time.Now().UnixMicro())
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, u := range to {
		if _, err := tx.ExecContext(ctx, `INSERT INTO deliveries (user_id, message_id) VALUES (?, ?)`, u, id); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit()
}
