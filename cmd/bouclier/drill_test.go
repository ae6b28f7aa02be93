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
	// One scenario, its table as JSON.
	out.Reset()
	errb.Reset()
	code = Main(context.Background(), []string{"drill", "--scenario", "canular-2-destinataires", "--establishments", "20", "--academies", "2", "--ordinary", "20", "--json"},
		Env{Stdout: &out, Stderr: &errb})
	var table struct {
		Scenarios []map[string]any `json:"scenarios"`
		Met       bool             `json:"targets_met"`
	}
	if err := json.Unmarshal(out.Bytes(), &table); err != nil || len(table.Scenarios) != 1 {
		t.Fatalf("scenario: exit %d, output %q, stderr %q", code, out.String(), errb.String())
	}
	if s := table.Scenarios[0]; s["scenario"] != "canular-2-destinataires" || s["attack_copies_left"].(float64) != 0 || !table.Met || code != 0 {
		t.Errorf("scenario: exit %d, %v", code, table)
	}
	for _, args := range [][]string{{"drill", "--scenario", "nope"}, {"drill", "--all", "--url", "http://127.0.0.1:1"}} {
		var o, e bytes.Buffer
		if code := Main(context.Background(), args, Env{Stdout: &o, Stderr: &e}); code == 0 || e.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, e.String())
		}
	}
	var o, e bytes.Buffer
	if code := Main(context.Background(), []string{"drill", "--help"}, Env{Stdout: &o, Stderr: &e}); code != 0 || !strings.Contains(e.String(), "--establishments") {
		t.Errorf("help: %d %q", code, e.String())
	}
}

// TestDrillAgainstServer runs a real server process and the drill against
// it over HTTP, in real time, on the server's own store.
func TestDrillAgainstServer(t *testing.T) {
	if testing.Short() {
		t.Skip("drill")
	}
	dir := t.TempDir()
	const pw = "un mot de passe de démo assez long"
	_, base := startProcess(t, "demo", "--data", dir, "--addr", "127.0.0.1:0", "--policy", "open", "--demo-password", pw)
	var out, errb bytes.Buffer
	code := Main(context.Background(), []string{"drill", "--url", base, "--data", dir, "--establishments", "6", "--academies", "2", "--accounts", "12", "--ordinary", "40",
		"--seed", "5", "--speed", "40", "--json"}, Env{Stdout: &out, Stderr: &errb})
	t.Logf("exit %d\n%s%s", code, out.String(), errb.String())
	var r map[string]any
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("exit %d, output %q, stderr %q", code, out.String(), errb.String())
	}
	if r["threat_still_in_inbox"].(float64) != 0 || r["ordinary_held"].(float64) != 0 {
		t.Errorf("report: %v", r)
	}
	if r["threat_messages_sent"].(float64)+r["threat_refused"].(float64) == 0 || r["ordinary_sent"].(float64) == 0 {
		t.Errorf("nothing happened: %v", r)
	}
}
