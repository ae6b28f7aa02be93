package resident

import "syscall"

// dontNeed advises MADV_DONTNEED on [addr, addr+n): on a private file
// mapping never written, the pages are unmapped and read again from the
// file's page cache when next touched.
func dontNeed(addr, n uintptr) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, addr, n, syscall.MADV_DONTNEED); errno != 0 {
		return errno
	}
	return nil
}
