package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Two processes on one database scale when the application tier is what
// limits the rate, as when each process has its own host. On a machine
// with two cores one process already keeps both busy, so the PostgreSQL
// mode can instead cap each Bouclier process at a share of one core (a
// CPU cgroup, as a container limit would) and leave the database and the
// load generator the rest: the question "does a second process add what
// the first one gives?" is then asked of the servers, not of the machine.
// Every process of the benchmark (servers, database, load generator) also
// weighs more than the machine's other work, which is not measured.

// cgroupRoots are where the CPU controller is mounted: cgroup v2's unified
// hierarchy (cpu.max, cpu.weight) or v1's cpu controller
// (cpu.cfs_quota_us, cpu.shares).
var cgroupRoots = []string{"/sys/fs/cgroup", "/sys/fs/cgroup/cpu"}

const (
	cfsPeriod = 100000 // µs, the kernel's default period
	// priority is the weight of the benchmark's groups over the rest of
	// the machine (other tests running beside it): 64 times the default,
	// so that what is measured is the service, not the neighbours.
	priority = 64
)

// cpuGroup moves pids into a new CPU cgroup that weighs priority times
// the default against the machine's other work and, when share > 0, is
// capped at share of one core. It returns the function that removes the
// group, moving what still runs in it back to the root. It fails, rather than
// measuring without the cap, when no writable CPU controller is found (it
// needs root and Linux).
func cpuGroup(name string, share float64, pids ...int) (func(), error) {
	if share < 0 || share > 64 {
		return nil, fmt.Errorf("CPU share %g: want a fraction of a core in (0, 64], or 0 for no cap", share)
	}
	quota := int64(share * cfsPeriod)
	var errs []error
	for _, root := range cgroupRoots {
		var files [][2]string // file, value
		switch {
		case fileExists(filepath.Join(root, "cgroup.controllers")):
			files = append(files, [2]string{"cpu.weight", strconv.Itoa(100 * priority)})
			if quota > 0 {
				files = append(files, [2]string{"cpu.max", fmt.Sprintf("%d %d", quota, cfsPeriod)})
			}
		case fileExists(filepath.Join(root, "cpu.cfs_quota_us")):
			files = append(files, [2]string{"cpu.shares", strconv.Itoa(1024 * priority)})
			if quota > 0 {
				files = append(files, [2]string{"cpu.cfs_quota_us", strconv.FormatInt(quota, 10)})
			}
		default:
			continue
		}
		dir := filepath.Join(root, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		// A group goes once empty: what still runs in it (the database,
		// the benchmark itself) moves back to the root first.
		// A process forked meanwhile (a database backend) lands in the
		// group after the listing: list again until the group is empty.
		remove := func() {
			for range 50 {
				b, _ := os.ReadFile(filepath.Join(dir, "cgroup.procs"))
				for _, pid := range strings.Fields(string(b)) {
					_ = os.WriteFile(filepath.Join(root, "cgroup.procs"), []byte(pid), 0o644)
				}
				if err := os.Remove(dir); err == nil || errors.Is(err, fs.ErrNotExist) {
					return
				}
				time.Sleep(20 * time.Millisecond)
			}
			fmt.Fprintf(os.Stderr, "bouclierbench: %s is not empty; remove it by hand\n", dir)
		}
		err := writeGroup(dir, files, pids)
		if err == nil {
			return remove, nil
		}
		remove()
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return nil, errors.New("no CPU cgroup controller under /sys/fs/cgroup")
	}
	return nil, fmt.Errorf("CPU group %s: %w", name, errors.Join(errs...))
}

func writeGroup(dir string, files [][2]string, pids []int) error {
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f[0]), []byte(f[1]), 0o644); err != nil {
			return fmt.Errorf("%s: %w", f[0], err)
		}
	}
	for _, pid := range pids {
		if err := os.WriteFile(filepath.Join(dir, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644); err != nil {
			return fmt.Errorf("move %d into %s: %w", pid, dir, err)
		}
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
