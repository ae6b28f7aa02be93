package main

import (
	"context"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// pprofGetenv is an environment with only BOUCLIER_PPROF_ADDR, set to addr.
func pprofGetenv(addr string) func(string) string {
	return func(k string) string {
		if k == pprofEnv {
			return addr
		}
		return ""
	}
}

// TestPprofLoopbackOnly: the profiler listens only when asked, only on a
// loopback address; any other address is refused before listening.
func TestPprofLoopbackOnly(t *testing.T) {
	for _, c := range []struct {
		addr    string
		refused bool
	}{
		{"", false}, // off
		{"127.0.0.1:0", false},
		{"localhost:0", false},
		{"[::1]:0", false},
		{"0.0.0.0:0", true},
		{":0", true},
		{"192.0.2.1:0", true},
		{"example.org:0", true},
		{"127.0.0.1", true}, // no port
	} {
		env := Env{Stderr: io.Discard, Getenv: pprofGetenv(c.addr)}
		stop, err := startPprof(context.Background(), env)
		if c.refused != (err != nil) {
			t.Errorf("%q: error %v, want refused %v", c.addr, err, c.refused)
		}
		if err == nil {
			stop()
		}
	}
}

// TestPprofServes: on a loopback address the profiles are served.
func TestPprofServes(t *testing.T) {
	var out strings.Builder
	env := Env{Stderr: &out, Getenv: pprofGetenv("127.0.0.1:0")}
	stop, err := startPprof(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	_, rest, ok := strings.Cut(out.String(), "http://")
	if !ok {
		t.Fatalf("no address printed: %q", out.String())
	}
	base := "http://" + strings.TrimSpace(rest)
	for _, c := range []struct{ url, want string }{
		{base + "heap?debug=1", "HeapAlloc"},
		{strings.TrimSuffix(base, "pprof/") + "memory", "sqlite/pagecache:bytes "},
	} {
		resp, err := http.Get(c.url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), c.want) {
			t.Fatalf("GET %s: %d %.200s", c.url, resp.StatusCode, body)
		}
	}
}

// TestMemProfileRate: allocations are sampled only when the profiler
// that reads them is asked for.
func TestMemProfileRate(t *testing.T) {
	for _, c := range []struct {
		addr string
		want int
	}{
		{"", 0},
		{"127.0.0.1:6391", runtime.MemProfileRate},
	} {
		if got := memProfileRate(pprofGetenv(c.addr)); got != c.want {
			t.Errorf("%q: rate %d, want %d", c.addr, got, c.want)
		}
	}
}
