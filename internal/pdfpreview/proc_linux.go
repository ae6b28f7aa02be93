package pdfpreview

import (
	"os"
	"syscall"
)

// sysProcAttr makes the child die with the server rather than outlive it.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

func peakRSS(s *os.ProcessState) int64 {
	if s == nil {
		return 0
	}
	if u, ok := s.SysUsage().(*syscall.Rusage); ok {
		return u.Maxrss << 10 // kilobytes on Linux
	}
	return 0
}
