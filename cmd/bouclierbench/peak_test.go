package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestResetPeakRSS: after a reset the peak is that of what ran since, not
// the earlier high-water mark.
func TestResetPeakRSS(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Linux only")
	}
	pid := os.Getpid()
	b := make([]byte, 64<<20)
	for i := range b {
		b[i] = 1
	}
	runtime.KeepAlive(b)
	debug.FreeOSMemory()
	high, err := peakRSS(pid)
	if err != nil {
		t.Fatal(err)
	}
	if err := resetPeakRSS(pid); err != nil {
		t.Fatal(err)
	}
	after, err := peakRSS(pid)
	if err != nil {
		t.Fatal(err)
	}
	if after > high-32<<20 {
		t.Fatalf("peak %d MiB before the reset, %d MiB after", high>>20, after>>20)
	}
}
