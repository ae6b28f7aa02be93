package main

import (
	"os"
	"runtime/debug"
	"testing"

	"github.com/bouclier/bouclier/internal/config"
)

// TestApplyMemoryLimit: the configured limit holds while the command runs,
// 0 sets none, and the previous limit comes back after. Which setting
// wins is config's test.
func TestApplyMemoryLimit(t *testing.T) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		t.Skip("GOMEMLIMIT is set: the command leaves the runtime's limit alone")
	}
	before := debug.SetMemoryLimit(-1)
	for _, c := range []struct {
		limit string
		want  int64
	}{{"64MiB", 64 << 20}, {"96MiB", 96 << 20}, {"0", before}} {
		cfg := config.Default()
		cfg.MemoryLimit = c.limit
		restore := applyMemoryLimit(cfg)
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("%s: limit %d, want %d", c.limit, got, c.want)
		}
		restore()
		if got := debug.SetMemoryLimit(-1); got != before {
			t.Errorf("%s: limit %d after, want %d back", c.limit, got, before)
		}
	}
}
