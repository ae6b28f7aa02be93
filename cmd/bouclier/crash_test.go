package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/pdfpreview"
	"github.com/bouclier/bouclier/internal/store"
)

// TestMain lets the test binary stand in for the bouclier binary, so that
// a test can run a real server process and kill it.
func TestMain(m *testing.M) {
	// A server run by a test renders PDF previews in a child: this binary,
	// with an empty environment.
	if code, ok := pdfpreview.ServeChild(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	if os.Getenv("BOUCLIER_TEST_MAIN") == "1" {
		os.Exit(Main(context.Background(), os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}))
	}
	os.Exit(m.Run())
}

// TestCrashDuringSends kills the server process (SIGKILL, no shutdown) at
// a random point in the middle of concurrent sends, several rounds over
// the same data, and checks the database after each: every acknowledged
// message is there once, with the text it was sent with; every stored
// message is whole (all its delivery rows, exactly one audit entry and its
// campaign observation); the audit chain verifies (`bouclier audit verify`).
// The teacher is
// enrolled with TOTP and logs in with it, so that the sends are accepted:
// the test fails if too few are.
func TestCrashDuringSends(t *testing.T) {
	const (
		rounds      = 5
		minPerRound = 20 // acknowledged sends before the kill may come
		senders     = 8
		pw          = "un mot de passe de démo assez long"
		secret      = "JBSWY3DPEHPK3PXP"
	)
	dir := t.TempDir()
	acked := map[int64]string{} // id → body, over every round
	token := ""
	for round := 1; round <= rounds; round++ {
		cmd, base := startProcess(t, "demo", "--data", dir, "--addr", "127.0.0.1:0", "--demo-password", pw, "--demo-totp-secret", secret, "--policy", "open")
		if token == "" {
			// One login: the session lives in the store and outlives the
			// process, and a TOTP step is accepted once.
			otp, err := auth.TOTPCode(secret, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			code, body := postJSON(t, base+"/api/v1/session", "", map[string]string{"username": "prof.martin", "password": pw, "otp": otp})
			token, _ = body["token"].(string)
			if code != 201 || token == "" {
				t.Fatalf("login: %d %v", code, body)
			}
		}
		var (
			mu       sync.Mutex
			got      = map[int64]string{}
			refusals = map[string]int{}
			wg       sync.WaitGroup
			stop     = make(chan struct{})
		)
		for g := range senders {
			wg.Go(func() {
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					text := fmt.Sprintf("Tour %d, envoi %d.%d : relire le chapitre %d et faire l’exercice %d.", round, g, i, 1+rand.IntN(12), 1+rand.IntN(40))
					code, res, err := tryPost(base+"/api/v1/messages", token, map[string]any{
						"to": []string{"class:0780001A/4A", "parents:0780001A/4A", "user:parent.durand"}, "subject": "Devoirs", "body": text})
					if err != nil {
						return // the server is gone
					}
					mu.Lock()
					if code == 201 {
						var id int64
						if s, _ := res["id"].(string); s != "" {
							fmt.Sscan(s, &id)
						}
						got[id] = text
					} else {
						refusals[fmt.Sprint(code, " ", res["error"])]++
					}
					mu.Unlock()
				}
			})
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			mu.Lock()
			n := len(got)
			mu.Unlock()
			if n >= minPerRound {
				break
			}
			if time.Now().After(deadline) {
				mu.Lock()
				t.Fatalf("round %d: %d sends acknowledged in 20 s; refusals: %v", round, n, refusals)
			}
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(time.Duration(rand.IntN(300)) * time.Millisecond) // a random point in the flow
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		close(stop)
		wg.Wait()
		for id, text := range got {
			if id <= 0 {
				t.Fatalf("round %d: a send was acknowledged without an id", round)
			}
			acked[id] = text
		}
		stored := checkAfterCrash(t, dir, acked)
		t.Logf("round %d: killed after %d acknowledged sends (refused: %v); %d messages stored, all whole", round, len(got), refusals, stored)
	}
	if code, out, errs := run(t, "", "audit", "verify", "--data", dir); code != 0 {
		t.Fatalf("bouclier audit verify after %d crashes: exit %d %q %q", rounds, code, out, errs)
	}
}

// checkAfterCrash opens the store left by a killed process and checks it:
// every acknowledged message present once with its text, every message
// with the same number of delivery rows (all of them sent alike) and one
// audit entry, the audit chain intact. It returns the number of messages.
func checkAfterCrash(t *testing.T, dir string, acked map[int64]string) int {
	t.Helper()
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
	audited := map[string]int{}
	if err := db.EachAudit(ctx, func(r store.AuditRow) error {
		if strings.HasPrefix(r.Action, "message.") {
			audited[r.Target]++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	bodies := map[string]int64{}
	deliveries := -1
	found := 0
	for id := int64(1); found < total; id++ {
		if id > int64(total)*4+100 {
			t.Fatalf("only %d of %d messages found by id", found, total)
		}
		m, err := db.MessageByID(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatalf("message %d: %v", id, err)
		}
		found++
		if prev, dup := bodies[m.Body]; dup {
			t.Errorf("messages %d and %d carry the same send %q", prev, id, m.Body)
		}
		bodies[m.Body] = id
		n, err := db.CountDeliveries(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if deliveries < 0 {
			deliveries = n
		}
		if n == 0 || n != deliveries {
			t.Errorf("message %d has %d delivery rows, the others %d: half-written", id, n, deliveries)
		}
		if a := audited[fmt.Sprintf("message:%d", id)]; a != 1 {
			t.Errorf("message %d has %d audit entries, want 1", id, a)
		}
		// Written in the send's transaction: no stored message lacks it.
		if _, err := db.CampaignObsByID(ctx, id); err != nil {
			t.Errorf("message %d has no campaign observation: %v", id, err)
		}
	}
	for id, text := range acked {
		m, err := db.MessageByID(ctx, id)
		if err != nil {
			t.Fatalf("acknowledged message %d: %v", id, err)
		}
		if m.Body != text {
			t.Fatalf("acknowledged message %d holds %q, was sent as %q", id, m.Body, text)
		}
	}
	if _, err := audit.Verify(ctx, db); err != nil {
		t.Fatalf("audit after crash: %v", err)
	}
	return total
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
