package main

import (
	"os"
	"runtime/debug"

	"github.com/bouclier/bouclier/internal/config"
)

// applyMemoryLimit sets the runtime's soft memory limit from the
// configuration (config.Config.MemoryLimit says why serve and demo set
// one), unless GOMEMLIMIT is set: the runtime has applied it. It returns
// the function restoring the previous limit.
func applyMemoryLimit(cfg config.Config) func() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return func() {}
	}
	limit := cfg.MemoryLimitBytes()
	if limit == 0 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}
