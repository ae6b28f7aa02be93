package main

import (
	"bufio"
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The PostgreSQL mode's question is whether two processes scale. On a
// machine whose cores one process nearly fills, the rate alone cannot
// answer it: these readings say where the CPU went (the servers, the
// database, the rest of the machine) so a round reports the CPU a message
// cost and how much of the machine was left.

// machineCPU is a reading of /proc/stat's first line, in clock ticks.
type machineCPU struct{ busy, total int64 }

func readMachineCPU() (machineCPU, error) {
	f, err := os.Open("/proc/stat")
	if err != nil {
		return machineCPU{}, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	if !s.Scan() {
		return machineCPU{}, errors.New("empty /proc/stat")
	}
	return parseMachineCPU(s.Text())
}

// parseMachineCPU reads "cpu user nice system idle iowait irq softirq
// steal ...": idle and iowait are the time left, the rest is busy.
func parseMachineCPU(line string) (machineCPU, error) {
	f := strings.Fields(line)
	if len(f) < 6 || f[0] != "cpu" {
		return machineCPU{}, fmt.Errorf("unexpected /proc/stat line %q", line)
	}
	var m machineCPU
	for i, v := range f[1:] {
		if i >= 8 { // guest times are already counted in user and nice
			break
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return machineCPU{}, fmt.Errorf("/proc/stat: %w", err)
		}
		m.total += n
		if i != 3 && i != 4 {
			m.busy += n
		}
	}
	return m, nil
}

// busyFraction is the share of the machine's CPU busy between two readings.
func busyFraction(a, b machineCPU) float64 {
	if b.total <= a.total {
		return 0
	}
	return float64(b.busy-a.busy) / float64(b.total-a.total)
}

// postmasterPID finds the PostgreSQL server behind db, when it runs on
// this machine and its data directory is readable: its postmaster.pid
// file's first line.
func postmasterPID(db *sql.DB) (int, error) {
	var dir string
	if err := db.QueryRow("SHOW data_directory").Scan(&dir); err != nil {
		return 0, fmt.Errorf("data directory: %w", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	pid, err := strconv.Atoi(strings.TrimSpace(string(line)))
	if err != nil {
		return 0, fmt.Errorf("postmaster.pid: %w", err)
	}
	return pid, nil
}

// serverCPU returns the CPU time used by a PostgreSQL server: the
// postmaster, its live children (the backends, the writers) and the
// children it has reaped (backends that ended).
func serverCPU(postmaster int) (time.Duration, error) {
	own, reaped, _, err := procTimes(postmaster)
	if err != nil {
		return 0, err
	}
	total := own + reaped
	children, err := childPIDs(postmaster)
	if err != nil {
		return 0, err
	}
	for _, pid := range children {
		if t, _, _, err := procTimes(pid); err == nil {
			total += t
		} // else gone since the listing
	}
	return total, nil
}

// childPIDs lists the live children of a process.
func childPIDs(parent int) ([]int, error) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil, err
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == parent {
			continue
		}
		if _, _, ppid, err := procTimes(pid); err == nil && ppid == parent {
			pids = append(pids, pid)
		}
	}
	return pids, nil
}

// procTimes reads /proc/PID/stat: the process's own user and system time,
// that of the children it has waited for, and its parent's pid.
func procTimes(pid int) (own, reaped time.Duration, ppid int, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, 0, 0, err
	}
	return parseProcStat(b)
}

func parseProcStat(b []byte) (own, reaped time.Duration, ppid int, err error) {
	// Fields after the command name, which is in parentheses and may
	// itself hold spaces or parentheses.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, 0, 0, errors.New("unexpected /proc/PID/stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 15 {
		return 0, 0, 0, errors.New("unexpected /proc/PID/stat")
	}
	var n [4]int64
	for k := range n {
		if n[k], err = strconv.ParseInt(f[11+k], 10, 64); err != nil {
			return 0, 0, 0, fmt.Errorf("/proc/PID/stat: %w", err)
		}
	}
	if ppid, err = strconv.Atoi(f[1]); err != nil {
		return 0, 0, 0, fmt.Errorf("/proc/PID/stat: %w", err)
	}
	const ticks = 100 // USER_HZ on Linux
	return time.Duration(n[0]+n[1]) * time.Second / ticks, time.Duration(n[2]+n[3]) * time.Second / ticks, ppid, nil
}

// cost is a reading of where the CPU has gone so far.
type cost struct {
	machine  machineCPU
	servers  time.Duration // both Bouclier processes
	database time.Duration // the PostgreSQL server, 0 when not measured
}

func readCost(a, b *target, postmaster int) (cost, error) {
	var c cost
	var err error
	if c.machine, err = readMachineCPU(); err != nil {
		return c, err
	}
	for _, t := range []*target{a, b} {
		d, err := cpuTime(t.cmd.Process.Pid)
		if err != nil {
			return c, err
		}
		c.servers += d
	}
	if postmaster != 0 {
		if c.database, err = serverCPU(postmaster); err != nil {
			return c, err
		}
	}
	return c, nil
}

// postgresCPU returns the pid of the PostgreSQL server at url if its CPU
// can be read here, else 0 (a remote server): the rounds then say so.
func postgresCPU(url string) int {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return 0
	}
	defer db.Close()
	pid, err := postmasterPID(db)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bouclierbench: PostgreSQL's CPU is not measured: %v\n", err)
		return 0
	}
	if _, err := serverCPU(pid); err != nil {
		fmt.Fprintf(os.Stderr, "bouclierbench: PostgreSQL's CPU is not measured: %v\n", err)
		return 0
	}
	return pid
}
