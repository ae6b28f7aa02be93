package screen

import (
	"syscall"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/race"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCPUPerMessage measures CPU time (not wall time, which a loaded
// machine inflates) per Check on the benchmark messages.
func TestCPUPerMessage(t *testing.T) {
	if testing.Short() || race.Enabled { // the race detector's slowdown makes the figure meaningless
		t.Skip()
	}
	e := New(DefaultConfig())
	const n = 20000
	for _, m := range benchMessages {
		e.Check(Input{Text: m}) // load the morphology table and the model once
	}
	start := cpuTime()
	for i := 0; i < n; i++ {
		e.Check(Input{Text: benchMessages[i%len(benchMessages)], SenderRole: bouclier.RoleParent})
	}
	per := (cpuTime() - start) / n
	t.Logf("CPU per Check: %v (%.0f messages/s/core)", per, float64(time.Second)/float64(per))
}
