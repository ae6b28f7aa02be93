package server

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestMetrics(t *testing.T) {
	m := newMetrics()
	m.observe("GET", 200, 10*time.Millisecond)
	m.observe("GET", 200, 30*time.Millisecond)
	m.observe("POST", 403, time.Millisecond)
	for i := 0; i < 100; i++ {
		m.observe("X-RANDOM-"+strings.Repeat("A", i), 400, time.Millisecond) // client-chosen methods
	}
	w := httptest.NewRecorder()
	m.ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	body := w.Body.String()
	for _, want := range []string{
		`bouclier_http_requests_total{method="GET",code="200"} 2`,
		`bouclier_http_requests_total{method="POST",code="403"} 1`,
		`bouclier_http_requests_total{method="OTHER",code="400"} 100`,
		`bouclier_http_request_seconds_total{method="GET",code="200"} 0.04`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("missing %q in\n%s", want, body)
		}
	}
	if len(m.seen) != 3 {
		t.Errorf("%d series, want 3: client-chosen methods must not add series", len(m.seen))
	}
}
