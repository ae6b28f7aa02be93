package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestCPUGroup caps a busy loop at a fifth of a core and reads back what
// it used: well under the whole core it takes uncapped.
func TestCPUGroup(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("a CPU cgroup needs root")
	}
	if _, err := cpuGroup("bouclierbench-test-bad", -1, os.Getpid()); err == nil || !strings.Contains(err.Error(), "fraction") {
		t.Errorf("a negative share: %v, want a refusal", err)
	}
	cmd := exec.Command("sh", "-c", "while :; do :; done")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	release, err := cpuGroup("bouclierbench-test", 0.2, cmd.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	defer release() // before the kill above: it moves the loop back to the root
	before, err := cpuTime(cmd.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	time.Sleep(time.Second)
	after, err := cpuTime(cmd.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	// The kernel grants 20 ms of each 100 ms period: allow a period's
	// slack and the clock ticks' rounding, far below the uncapped 100 %.
	if used := float64(after-before) / float64(time.Since(start)); used > 0.45 {
		t.Errorf("capped at 0.2 core, the loop used %.2f of a core", used)
	}
}

// TestCPUGroupReleaseMovesBack: a group holding a process that outlives
// the benchmark (the database, the benchmark itself) moves it back to
// the root and goes.
func TestCPUGroupReleaseMovesBack(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("a CPU cgroup needs root")
	}
	release, err := cpuGroup("bouclierbench-test-self", 0, os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	release()
	for _, root := range cgroupRoots {
		if _, err := os.Stat(root + "/bouclierbench-test-self"); err == nil {
			t.Errorf("%s/bouclierbench-test-self is still there", root)
		}
	}
}
