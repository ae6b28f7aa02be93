package server

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"
)

// metrics counts requests in the Prometheus text exposition format. It is
// small enough not to need the client library.
type metrics struct {
	mu       sync.Mutex
	requests map[string]uint64 // "METHOD code" → count
	seconds  map[string]float64
}

func newMetrics() *metrics {
	return &metrics{requests: map[string]uint64{}, seconds: map[string]float64{}}
}

func (m *metrics) observe(method string, status int, d time.Duration) {
	k := method + " " + itoa(status)
	m.mu.Lock()
	m.requests[k]++
	m.seconds[k] += d.Seconds()
	m.mu.Unlock()
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	keys := make([]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	fmt.Fprintln(w, "# HELP bouclier_http_requests_total HTTP requests served, by method and status.")
	fmt.Fprintln(w, "# TYPE bouclier_http_requests_total counter")
	for _, k := range keys {
		var method, code string
		fmt.Sscan(k, &method, &code)
		fmt.Fprintf(w, "bouclier_http_requests_total{method=%q,code=%q} %d\n", method, code, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP bouclier_http_request_seconds_total Time spent serving HTTP requests, by method and status.")
	fmt.Fprintln(w, "# TYPE bouclier_http_request_seconds_total counter")
	for _, k := range keys {
		var method, code string
		fmt.Sscan(k, &method, &code)
		fmt.Fprintf(w, "bouclier_http_request_seconds_total{method=%q,code=%q} %g\n", method, code, m.seconds[k])
	}
	m.mu.Unlock()
}
