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
	mu   sync.Mutex
	seen map[reqKey]*reqStat
}

type reqKey struct {
	method string
	code   int
}

type reqStat struct {
	count   uint64
	seconds float64
}

func newMetrics() *metrics { return &metrics{seen: map[reqKey]*reqStat{}} }

// knownMethods bounds the label values: the method is client input, and
// arbitrary ones would grow the map without end.
var knownMethods = map[string]bool{"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "OPTIONS": true}

func (m *metrics) observe(method string, status int, d time.Duration) {
	if !knownMethods[method] {
		method = "OTHER"
	}
	k := reqKey{method, status}
	m.mu.Lock()
	st := m.seen[k]
	if st == nil {
		st = &reqStat{}
		m.seen[k] = st
	}
	st.count++
	st.seconds += d.Seconds()
	m.mu.Unlock()
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	keys := make([]reqKey, 0, len(m.seen))
	stats := make(map[reqKey]reqStat, len(m.seen))
	for k, st := range m.seen {
		keys = append(keys, k)
		stats[k] = *st
	}
	m.mu.Unlock()
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].method != keys[j].method {
			return keys[i].method < keys[j].method
		}
		return keys[i].code < keys[j].code
	})
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	fmt.Fprintln(w, "# HELP bouclier_http_requests_total HTTP requests served, by method and status.")
	fmt.Fprintln(w, "# TYPE bouclier_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "bouclier_http_requests_total{method=%q,code=\"%d\"} %d\n", k.method, k.code, stats[k].count)
	}
	fmt.Fprintln(w, "# HELP bouclier_http_request_seconds_total Time spent serving HTTP requests, by method and status.")
	fmt.Fprintln(w, "# TYPE bouclier_http_request_seconds_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "bouclier_http_request_seconds_total{method=%q,code=\"%d\"} %g\n", k.method, k.code, stats[k].seconds)
	}
}
