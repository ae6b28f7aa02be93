//go:build !linux

package resident

func dontNeed(addr, n uintptr) error { return ErrUnsupported }
