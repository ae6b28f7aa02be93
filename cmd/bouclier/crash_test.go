package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// TestMain lets the test binary stand in for the bouclier binary, so that
// a test can run a real server process and kill it.
func TestMain(m *testing.M) {
	if os.Getenv("BOUCLIER_TEST_MAIN") == "1" {
		os.Exit(Main(context.Background(), os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}))
	}
	os.Exit(m.Run())
}

// TestCrashDuringSends kills the server process (SIGKILL, no shutdown) in
// the middle of concurrent sends, then checks the database: every message
// is whole (all its deliveries and its audit entry) or absent, every
// acknowledged message is there, and the audit chain is intact.
func TestCrashDuringSends(t *testing.T) {
	dir := t.TempDir()
	const pw = "un mot de passe de démo assez long"
	cmd, base := startProcess(t, "demo", "--data", dir, "--addr", "127.0.0.1:0", "--demo-password", pw, "--policy", "open")
	_, body := postJSON(t, base+"/api/v1/session", "", map[string]string{"username": "prof.martin", "password": pw})
	tok, _ := body["token"].(string)
	if tok == "" {
		t.Fatalf("login: %v", body)
	}
	var (
		mu    sync.Mutex
		acked []string
		wg    sync.WaitGroup
		stop  = make(chan struct{})
	)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				code, res, err := tryPost(base+"/api/v1/messages", tok, map[string]any{
					"to": []string{"class:0780001A/4A", "parents:0780001A/4A", "user:parent.durand"}, "subject": "Devoirs", "body": fmt.Sprintf("Message %d", i)})
				if err != nil {
					return // the server is gone
				}
				if code == 201 {
					mu.Lock()
					acked = append(acked, res["id"].(string))
					mu.Unlock()
				}
			}
		}()
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 150 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	close(stop)
	wg.Wait()

	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{DataDir: dir, MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	total, err := db.CountMessages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if total < len(acked) {
		t.Fatalf("%d messages stored, %d acknowledged", total, len(acked))
	}
	for id := int64(1); id <= int64(total); id++ {
		m, err := db.MessageByID(ctx, id)
		if err != nil {
			t.Fatalf("message %d: %v", id, err)
		}
		n, err := db.CountDeliveries(ctx, id)
		if err != nil || n != 3 {
			t.Fatalf("message %d (%s) has %d deliveries, want 3 (%v)", id, m.Body, n, err)
		}
	}
	for _, id := range acked {
		var n int64
		fmt.Sscan(id, &n)
		if n < 1 || n > int64(total) {
			t.Fatalf("acknowledged message %s is missing", id)
		}
	}
	entries, err := audit.Verify(ctx, db)
	if err != nil {
		t.Fatalf("audit after crash: %v", err)
	}
	t.Logf("killed after %d acknowledged sends; %d messages whole, audit chain of %d entries intact", len(acked), total, entries)
}

// startProcess runs the test binary as `bouclier ARGS…` in its own process
// and returns it with the base URL it serves on. It is killed at the end.
func startProcess(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BOUCLIER_TEST_MAIN=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := ""
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if _, after, ok := strings.Cut(sc.Text(), "écoute sur "); ok {
			base, _, _ = strings.Cut(after, " ")
			break
		}
	}
	if base == "" {
		t.Fatal("server did not start")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	return cmd, base
}
