package main

import (
	"fmt"
	"net/http"
	"runtime/metrics"

	"github.com/bouclier/bouclier/internal/store"
)

// memoryMetrics are the runtime's figures that account for the Go side of
// the resident set (docs/performance.md « What is resident »).
var memoryMetrics = []string{
	"/gc/heap/live:bytes",
	"/gc/heap/goal:bytes",
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/unused:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/heap/released:bytes",
	"/memory/classes/heap/stacks:bytes",
	"/memory/classes/metadata/other:bytes",
	"/memory/classes/other:bytes",
	"/memory/classes/total:bytes",
	"/sched/goroutines:goroutines",
}

// serveMemory writes, one per line, the runtime's memory figures and what
// SQLite's page caches hold (outside the Go heap), for sampling the server
// under load beside /proc/PID/smaps. Served on the profiler's loopback
// listener only.
func serveMemory(w http.ResponseWriter, _ *http.Request) {
	samples := make([]metrics.Sample, len(memoryMetrics))
	for i, name := range memoryMetrics {
		samples[i].Name = name
	}
	metrics.Read(samples)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	for _, s := range samples {
		if s.Value.Kind() == metrics.KindUint64 {
			fmt.Fprintf(w, "%s %d\n", s.Name, s.Value.Uint64())
		}
	}
	m := store.ReadSQLiteMemory()
	fmt.Fprintf(w, "sqlite/pagecache:bytes %d\nsqlite/pagecache-peak:bytes %d\n", m.PageCache, m.PageCachePeak)
}
