package resident

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestReleasable(t *testing.T) {
	const exe = "/opt/bouclier/bouclier"
	smaps := `00400000-01899000 r-xp 00000000 fd:01 123 /opt/bouclier/bouclier
Size:              21092 kB
Rss:               15300 kB
Anonymous:             0 kB
VmFlags: rd ex mr mw me
01899000-02e6d000 r--p 01499000 fd:01 123 /opt/bouclier/bouclier
Rss:               19500 kB
Anonymous:             0 kB
02e6d000-02e70000 r--p 02a6d000 fd:01 123 /opt/bouclier/bouclier
Rss:                  12 kB
Anonymous:            12 kB
02e70000-036e8000 rw-p 02a70000 fd:01 123 /opt/bouclier/bouclier
Anonymous:           300 kB
036e8000-05800000 rw-p 00000000 00:00 0
Anonymous:          1000 kB
7f0000000000-7f0000100000 r--p 00000000 fd:01 456 /usr/lib/x86_64-linux-gnu/libc.so.6
Anonymous:             0 kB
7f0000200000-7f0000300000 r--s 00000000 fd:01 789 /opt/bouclier/bouclier
Anonymous:             0 kB
7f0000400000-7f0000500000 r-xp 00000000 fd:01 124 /opt/bouclier/bouclier (deleted)
Anonymous:             0 kB
7f0000600000-7f0000700000 r-xp 00000000 fd:01 123 /opt/bouclier/bouclier
7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]
Anonymous:           132 kB
`
	got, err := parseSmaps(strings.NewReader(smaps))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("parsed %d mappings, want 10", len(got))
	}
	rel := releasable(got, exe)
	// The code and the read-only data only: not a read-only mapping with
	// written pages (RELRO), not the written data, not a shared mapping,
	// not a library, not a replaced file, not a mapping whose counters
	// were not read.
	want := []mapping{
		{0x400000, 0x1899000, "r-xp", exe, 0},
		{0x1899000, 0x2e6d000, "r--p", exe, 0},
	}
	if len(rel) != len(want) {
		t.Fatalf("releasable: %+v, want %+v", rel, want)
	}
	for i := range want {
		if rel[i] != want[i] {
			t.Errorf("releasable[%d] = %+v, want %+v", i, rel[i], want[i])
		}
	}
	for _, bad := range []string{"zz-01 r-xp 0 0 0 /x", "01-zz r-xp 0 0 0 /x", "0100 r-xp 0 0 0 /x", "01-02 r-xp 0 0\n", "01-02 r-xp 0 0 0 /x\nAnonymous: x kB"} {
		if _, err := parseSmaps(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// rssFile reads the process's resident file-backed pages, in KiB.
func rssFile(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "RssFile:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no RssFile")
	return 0
}

// TestReleaseExecutable: the test binary's pages go, and the program runs
// on (its code and tables come back from the page cache).
func TestReleaseExecutable(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Linux only")
	}
	before := rssFile(t)
	n, err := ReleaseExecutable()
	if err != nil {
		t.Fatal(err)
	}
	after := rssFile(t)
	if n == 0 || after >= before {
		t.Fatalf("released %d bytes of mappings: RssFile %d → %d KiB", n, before, after)
	}
	// Code, strings and the function table in use again.
	if s := strconv.Itoa(12345) + strings.Repeat("é", 2); s != "12345éé" {
		t.Fatal(s)
	}
	var pcs [8]uintptr
	if runtime.Callers(0, pcs[:]) == 0 {
		t.Fatal("no callers")
	}
	t.Logf("RssFile %d → %d KiB (%d MiB of mappings)", before, after, n>>20)
}
