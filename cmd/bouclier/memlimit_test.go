package main

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestParseSize(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"0", 0, false},
		{"64MiB", 64 << 20, false},
		{"1GiB", 1 << 30, false},
		{"65536KiB", 64 << 20, false},
		{" 96 MiB ", 96 << 20, false},
		{"67108864", 64 << 20, false},
		{"100B", 100, false},
		{"", 0, true},
		{"64MB", 0, true},
		{"-1MiB", 0, true},
		{"lots", 0, true},
		{"99999999999GiB", 0, true},
	}
	for _, c := range cases {
		got, err := parseSize(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, error %v", c.in, got, err, c.want, c.bad)
		}
	}
}

// TestApplyMemoryLimit: the flag wins over BOUCLIER_MEMORY_LIMIT, which
// wins over the default; 0 sets none; a bad size is refused; the previous
// limit comes back after.
func TestApplyMemoryLimit(t *testing.T) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		t.Skip("GOMEMLIMIT is set: the command leaves the runtime's limit alone")
	}
	before := debug.SetMemoryLimit(-1)
	cases := []struct {
		flag, env string
		want      int64 // the limit while the command runs
		bad       bool
	}{
		{"", "", defaultMemoryLimit, false},
		{"", "96MiB", 96 << 20, false},
		{"128MiB", "96MiB", 128 << 20, false},
		{"0", "96MiB", before, false},
		{"", "0", before, false},
		{"much", "", before, true},
		{"", "much", before, true},
	}
	for _, c := range cases {
		env := Env{Getenv: func(k string) string {
			if k == memoryLimitEnv {
				return c.env
			}
			return ""
		}}
		restore, err := applyMemoryLimit(c.flag, env)
		if c.bad {
			if err == nil {
				restore()
				t.Errorf("flag %q, env %q: accepted", c.flag, c.env)
			}
			continue
		}
		if err != nil {
			t.Fatalf("flag %q, env %q: %v", c.flag, c.env, err)
		}
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("flag %q, env %q: limit %d, want %d", c.flag, c.env, got, c.want)
		}
		restore()
		if got := debug.SetMemoryLimit(-1); got != before {
			t.Errorf("flag %q, env %q: limit %d after, want %d back", c.flag, c.env, got, before)
		}
	}
}
