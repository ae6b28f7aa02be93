package server_test

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/apptest"
)

// workerStacks returns the stacks of the goroutines running a background
// worker of the server.
func workerStacks() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "messaging.(*Service).RunDeliverer(") || strings.Contains(g, "campaign.(*Detector).Run(") {
			out = append(out, g)
		}
	}
	return out
}

// TestServeWaitsForWorkers: Serve returns only once every background
// worker has returned, so that App.Close never closes the store while the
// deliverer or the campaign detector (whose last act is to write the
// observations still queued) is using it.
func TestServeWaitsForWorkers(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		if n := len(workerStacks()); n != 0 {
			t.Fatalf("%d workers running before Serve", n)
		}
		e.App.Config.Addr = "127.0.0.1:0"
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() { done <- e.App.Serve(ctx, func(addr string) { ready <- addr }) }()
		select {
		case <-ready:
		case err := <-done:
			t.Fatalf("serve: %v", err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for len(workerStacks()) < 2 {
			if time.Now().After(deadline) {
				t.Fatalf("workers not started: %q", workerStacks())
			}
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("serve: %v", err)
		}
		if left := workerStacks(); len(left) != 0 {
			t.Fatalf("Serve returned with %d workers still running:\n%s", len(left), strings.Join(left, "\n\n"))
		}
	})
}
