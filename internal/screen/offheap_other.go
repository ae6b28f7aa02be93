//go:build !linux

package screen

// readOnlyBytes returns n bytes filled by fill, on the heap where the
// platform has no mapping of its own (offheap_linux.go says why).
func readOnlyBytes(n int, fill func([]byte) error) (string, error) {
	b := make([]byte, n)
	if err := fill(b); err != nil {
		return "", err
	}
	return string(b), nil
}
