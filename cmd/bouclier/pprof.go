package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime"
	"time"
)

// pprofEnv names the environment variable that, when set to a loopback
// address, serves the Go profiler there (for measuring the send path,
// docs/performance.md). It is off unless set: profiles expose the
// process's internals, so any address but a loopback one is refused.
const pprofEnv = "BOUCLIER_PPROF_ADDR"

// memProfileRate is the heap profile's sampling rate for this process.
// The heap profile is read only through the profiler's listener: without
// it, sampling allocations would only keep a record per allocating stack
// (2 MiB of the resident set under the send benchmark), so it is off.
func memProfileRate(getenv func(string) string) int {
	if getenv(pprofEnv) == "" {
		return 0
	}
	return runtime.MemProfileRate
}

// startPprof starts the profiler listener named by BOUCLIER_PPROF_ADDR,
// if any, and returns the function that stops it.
func startPprof(ctx context.Context, env Env) (func(), error) {
	addr := env.Getenv(pprofEnv)
	if addr == "" {
		return func() {}, nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pprofEnv, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("%s=%q: only a loopback address is allowed", pprofEnv, addr)
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pprofEnv, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/memory", serveMemory)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	if w := env.Stderr; w != nil && w != io.Discard {
		fmt.Fprintf(w, "profileur Go sur http://%s/debug/pprof/\n", ln.Addr())
	}
	return func() {
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			_ = srv.Close()
		}
	}, nil
}
