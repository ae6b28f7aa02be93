package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestDrillCommand(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"drill", "--establishments", "20", "--academies", "2", "--accounts", "100", "--ordinary", "200", "--seed", "3", "--json", "--data", t.TempDir()},
		Env{Stdout: &out, Stderr: &errb})
	var r map[string]any
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("exit %d, output %q, stderr %q", code, out.String(), errb.String())
	}
	if r["threat_still_in_inbox"].(float64) != 0 || r["ordinary_held"].(float64) != 0 || r["incidents"].(float64) == 0 {
		t.Errorf("report: %v", r)
	}
	for _, args := range [][]string{{"drill", "--establishments", "x"}, {"drill", "--nope"}, {"drill", "--establishments", "0"}} {
		var o, e bytes.Buffer
		if code := Main(context.Background(), args, Env{Stdout: &o, Stderr: &e}); code == 0 || strings.Count(strings.TrimSpace(e.String()), "\n") != 0 || e.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, e.String())
		}
	}
	var o, e bytes.Buffer
	if code := Main(context.Background(), []string{"drill", "--help"}, Env{Stdout: &o, Stderr: &e}); code != 0 || !strings.Contains(e.String(), "--establishments") {
		t.Errorf("help: %d %q", code, e.String())
	}
}
