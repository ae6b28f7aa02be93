package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// memoryLimitEnv names the environment variable that sets the default of
// --memory-limit.
const memoryLimitEnv = "BOUCLIER_MEMORY_LIMIT"

// defaultMemoryLimit is the soft limit of the Go runtime's memory that
// serve and demo set unless told otherwise. Without it, the heap's
// target is twice what was live at the last collection, and a collection
// that finds a login's argon2 memory (19 MiB) live lets the heap grow to
// twice that before the next one: the process's peak resident set
// (docs/performance.md). The limit is soft: past it the collector runs
// more often (at most half the CPU), nothing fails.
const defaultMemoryLimit = 64 << 20

// memoryLimitFlag registers --memory-limit.
func memoryLimitFlag(fs *flag.FlagSet) *string {
	return fs.String("memory-limit", "", "soft `limit` of the Go runtime's memory (64MiB, 1GiB, 0 for none; default "+
		memoryLimitEnv+" or 64MiB); ignored when GOMEMLIMIT is set")
}

// applyMemoryLimit sets the runtime's soft memory limit from the flag,
// else BOUCLIER_MEMORY_LIMIT, else the default, unless GOMEMLIMIT is set
// (the runtime has applied it). It returns the function restoring the
// previous limit.
func applyMemoryLimit(flagValue string, env Env) (func(), error) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return func() {}, nil
	}
	v, from := flagValue, "--memory-limit"
	if v == "" {
		v, from = env.Getenv(memoryLimitEnv), memoryLimitEnv
	}
	limit := int64(defaultMemoryLimit)
	if v != "" {
		var err error
		if limit, err = parseSize(v); err != nil {
			return nil, fmt.Errorf("%s=%q: %w", from, v, err)
		}
	}
	if limit == 0 {
		return func() {}, nil
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }, nil
}

// parseSize reads a size in bytes with an optional binary unit: 0, 512MiB,
// 1GiB, 65536KiB, 67108864 (no unit: bytes).
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		shift  uint
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"B", 0}}
	num, shift := strings.TrimSpace(s), uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, shift = strings.TrimSpace(n), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("want a size such as 64MiB, 1GiB or 0")
	}
	return n << shift, nil
}
