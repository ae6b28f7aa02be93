package main

import (
	"os"
	"testing"
	"time"
)

func TestParseMachineCPU(t *testing.T) {
	tests := []struct {
		line       string
		busy, tot  int64
		wantErrMsg bool
	}{
		// user nice system idle iowait irq softirq steal guest guest_nice
		{line: "cpu  100 5 50 800 40 3 2 0 7 1", busy: 160, tot: 1000},
		{line: "cpu  1 0 1 8", wantErrMsg: true},
		{line: "cpu0 100 5 50 800 40 3 2 0", wantErrMsg: true},
		{line: "cpu  100 x 50 800 40 3 2 0", wantErrMsg: true},
	}
	for _, tt := range tests {
		m, err := parseMachineCPU(tt.line)
		if (err != nil) != tt.wantErrMsg {
			t.Errorf("parseMachineCPU(%q) error %v", tt.line, err)
			continue
		}
		if err == nil && (m.busy != tt.busy || m.total != tt.tot) {
			t.Errorf("parseMachineCPU(%q) = %+v, want busy %d of %d", tt.line, m, tt.busy, tt.tot)
		}
	}
	if f := busyFraction(machineCPU{100, 1000}, machineCPU{400, 1400}); f != 0.75 {
		t.Errorf("busyFraction = %v, want 0.75", f)
	}
}

func TestParseProcStat(t *testing.T) {
	// A command name with a space and a parenthesis, as PostgreSQL's are.
	line := "4242 (postgres: bench (x)) S 4200 4242 4242 0 -1 4194560 1 2 3 4 250 50 30 20 20 0 1 0 5 6 7"
	own, reaped, ppid, err := parseProcStat([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	if own != 3*time.Second || reaped != 500*time.Millisecond || ppid != 4200 {
		t.Errorf("got own %v, reaped %v, ppid %d; want 3s, 500ms, 4200", own, reaped, ppid)
	}
	if _, _, _, err := parseProcStat([]byte("4242 (x) S 1 2")); err == nil {
		t.Error("short line accepted")
	}
	// The live reading works on this process too.
	if _, _, ppid, err := procTimes(os.Getpid()); err != nil || ppid != os.Getppid() {
		t.Errorf("procTimes(self) ppid %d, %v; want %d", ppid, err, os.Getppid())
	}
	if _, err := readMachineCPU(); err != nil {
		t.Error(err)
	}
}
