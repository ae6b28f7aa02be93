// Package resident returns to the kernel the pages of the running
// executable that start-up touched, so that the resident set under load
// holds what serving uses (docs/performance.md « What is resident »).
//
// Why: the executable (72 MB, 36 MB of it code, tables and the
// function table the runtime walks) is mapped from its file, and the
// kernel maps a fault's 64 KiB neighbourhood at once (fault-around). Start-up
// runs every package's initialisation, the migrations and the loading of
// the screen, spread over the whole binary: after it, 34–37 MiB of the
// executable were resident, while under the send benchmark 22 MiB were
// referenced (smaps' Referenced after clear_refs). Those pages are clean
// copies of the file: dropping them loses nothing, and a page used again
// comes back from the page cache on its next access (a minor fault).
package resident

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// mapping is one mapping of /proc/self/smaps.
type mapping struct {
	start, end uintptr
	perms      string
	path       string
	anonKiB    int64 // pages of the file mapping written since (copies)
}

// parseSmaps reads the mappings of /proc/PID/smaps: a header line per
// mapping (as in maps), then its counters.
func parseSmaps(r io.Reader) ([]mapping, error) {
	var out []mapping
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if k, ok := strings.CutSuffix(f[0], ":"); ok {
			// A counter of the mapping above.
			if k == "Anonymous" && len(out) > 0 && len(f) >= 2 {
				n, err := strconv.ParseInt(f[1], 10, 64)
				if err != nil {
					return nil, fmt.Errorf("smaps: %q: %w", line, err)
				}
				out[len(out)-1].anonKiB = n
			}
			continue
		}
		if len(f) < 5 {
			return nil, fmt.Errorf("smaps: bad line %q", line)
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			return nil, fmt.Errorf("smaps: bad range %q", f[0])
		}
		start, err := strconv.ParseUint(lo, 16, 64)
		if err != nil {
			return nil, fmt.Errorf("smaps: %w", err)
		}
		end, err := strconv.ParseUint(hi, 16, 64)
		if err != nil {
			return nil, fmt.Errorf("smaps: %w", err)
		}
		m := mapping{start: uintptr(start), end: uintptr(end), perms: f[1], anonKiB: -1}
		if len(f) >= 6 {
			m.path = strings.Join(f[5:], " ")
		}
		out = append(out, m)
	}
	return out, sc.Err()
}

// releasable keeps the executable's read-only private mappings (code,
// read-only data, the function table) that hold none of their own
// pages: only then are their pages the file's. A writable mapping
// (initialised data) is left alone, and so is a read-only one with
// written pages (relocations made read-only after the loader wrote them,
// in a binary linked with RELRO): those pages exist nowhere else.
func releasable(maps []mapping, exe string) []mapping {
	var out []mapping
	for _, m := range maps {
		if m.path == exe && len(m.perms) == 4 && m.perms[1] == '-' && m.perms[3] == 'p' && m.anonKiB == 0 {
			out = append(out, m)
		}
	}
	return out
}

// ErrUnsupported is returned where the executable's pages cannot be
// released (not Linux).
var ErrUnsupported = errors.New("resident: not supported on this system")

// ReleaseExecutable drops the resident pages of the executable's
// read-only mappings and returns the bytes of address space advised. It
// changes no data: pages in use are read again from the page cache.
func ReleaseExecutable() (int64, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, fmt.Errorf("resident: %w", err)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0, fmt.Errorf("resident: %w", err)
	}
	maps, err := parseSmaps(f)
	f.Close()
	if err != nil {
		return 0, fmt.Errorf("resident: %w", err)
	}
	var n int64
	for _, m := range releasable(maps, exe) {
		if err := dontNeed(m.start, m.end-m.start); err != nil {
			return n, fmt.Errorf("resident: %s %x-%x: %w", m.perms, m.start, m.end, err)
		}
		n += int64(m.end - m.start)
	}
	return n, nil
}
