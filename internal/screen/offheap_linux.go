package screen

import (
	"fmt"
	"syscall"
	"unsafe"
)

// readOnlyBytes returns n bytes filled by fill in memory of their own,
// outside the Go heap and read-only once filled.
//
// Why: the morphology table (about 6 MB decompressed) lives as long as the
// process. On the heap it counts in the live heap that the collector's
// target doubles, so it cost the server about twice its size of resident
// memory under load (docs/performance.md, peak RSS). Mapped apart it costs
// its size once, and nothing can write to it after loading.
func readOnlyBytes(n int, fill func([]byte) error) (string, error) {
	if n == 0 {
		return "", nil
	}
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return "", fmt.Errorf("map %d bytes: %w", n, err)
	}
	if err := fill(b); err != nil {
		_ = syscall.Munmap(b)
		return "", err
	}
	if err := syscall.Mprotect(b, syscall.PROT_READ); err != nil {
		_ = syscall.Munmap(b)
		return "", fmt.Errorf("protect %d bytes: %w", n, err)
	}
	// Never unmapped: the string is the table for the process's life.
	return unsafe.String(&b[0], n), nil
}
