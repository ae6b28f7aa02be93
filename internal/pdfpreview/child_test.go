package pdfpreview

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"image/png"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// badChild is a child that misbehaves in the given way, after reading its
// request as a real one would.
func badChild(mode string) int {
	if _, err := readRequest(bufio.NewReader(os.Stdin)); err != nil {
		return 1
	}
	answer := func(pages, w, h int, img []byte) {
		var b bytes.Buffer
		b.WriteString(ansMagic)
		b.WriteByte(0)
		for _, v := range []int{pages, w, h, len(img)} {
			b.Write(binary.BigEndian.AppendUint32(nil, uint32(v)))
		}
		b.Write(img)
		os.Stdout.Write(b.Bytes())
	}
	var small bytes.Buffer
	_ = png.Encode(&small, image.NewGray(image.Rect(0, 0, 200, 300)))
	switch mode {
	case "crash":
		panic("PDFium crashed")
	case "crash-after-load":
		os.Stdout.Write([]byte{loadedMark})
		os.Exit(3)
	case "hang":
		os.Stdout.Write([]byte{loadedMark})
		time.Sleep(time.Hour)
	case "hang-loading":
		time.Sleep(time.Hour)
	case "garbage":
		os.Stdout.Write([]byte("L<html>not an answer</html>"))
	case "lying size":
		os.Stdout.Write([]byte{loadedMark})
		answer(1, 400, 300, small.Bytes())
	case "not a png":
		os.Stdout.Write([]byte{loadedMark})
		answer(1, 200, 300, bytes.Repeat([]byte("x"), 500))
	case "trailing":
		os.Stdout.Write([]byte{loadedMark})
		answer(1, 200, 300, small.Bytes())
		os.Stdout.Write([]byte("more"))
	case "exit 1 after answer":
		os.Stdout.Write([]byte{loadedMark})
		answer(1, 200, 300, small.Bytes())
		return 1
	case "good":
		os.Stdout.Write([]byte{loadedMark})
		answer(4, 200, 300, small.Bytes())
	}
	return 0
}

// TestChildFailsClosed: whatever a child does wrong (crash, hang, an
// answer that is not one), the preview is unavailable, and the renderer
// works again for the next file. "good" shows the harness itself works.
func TestChildFailsClosed(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"crash", "crash-after-load", "hang", "hang-loading", "garbage",
		"lying size", "not a png", "trailing", "exit 1 after answer", "good"} {
		t.Run(mode, func(t *testing.T) {
			// Short bounds for the children that hang, long ones for the
			// others (the race detector slows them).
			o := Options{Timeout: time.Minute, LoadTimeout: time.Minute, Command: []string{exe, "pdf-bad-child", mode}}
			if strings.HasPrefix(mode, "hang") {
				o.Timeout, o.LoadTimeout = 300*time.Millisecond, time.Second
			}
			r := New(o)
			p, err := r.Render(context.Background(), mode, letter(1, "", a4))
			if mode == "good" {
				if err != nil || p.Pages != 4 || p.Width != 200 {
					t.Fatalf("good child: %v, %d pages, %dx%d", err, p.Pages, p.Width, p.Height)
				}
				return
			}
			if !errors.Is(err, ErrUnavailable) {
				t.Fatalf("%s: %v, %d pages, want ErrUnavailable", mode, err, p.Pages)
			}
		})
	}
}

// TestChildEnvironment: a child's environment is empty but for
// GOMEMLIMIT (no secret of the server's reaches it).
func TestChildEnvironment(t *testing.T) {
	t.Setenv("BOUCLIER_SECRET_KEY", "do-not-leak")
	exe, _ := os.Executable()
	r := New(Options{Command: []string{exe, "pdf-bad-child", "good"}})
	cmdEnv := captureEnv(t, r)
	if len(cmdEnv) != 1 || !strings.HasPrefix(cmdEnv[0], "GOMEMLIMIT=") {
		t.Errorf("child environment: %q", cmdEnv)
	}
}

// captureEnv renders through a shell that prints its environment as the
// child would see it.
func captureEnv(t *testing.T, r *Renderer) []string {
	t.Helper()
	f := t.TempDir() + "/env"
	r.o.Command = []string{"/bin/sh", "-c", "env > " + f + "; exit 1"}
	_, _ = r.Render(context.Background(), "env", letter(1, "", a4))
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		// The shell adds its own.
		if !strings.HasPrefix(l, "PWD=") && !strings.HasPrefix(l, "SHLVL=") && !strings.HasPrefix(l, "_=") {
			out = append(out, l)
		}
	}
	return out
}

// vmHWM is this process's peak resident size (Linux), in bytes.
func vmHWM(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc: ", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	t.Skip("no VmHWM")
	return 0
}

// TestCompileOutOfProcess: the first render, PDFium compiled from scratch
// (an empty cache), leaves the server's peak resident size where it was:
// the compilation's 300 MB are the child's. The second child loads the
// compiled module from the disk cache. Figures are logged (go test -v).
func TestCompileOutOfProcess(t *testing.T) {
	// Resets the peak to the current size (Linux ≥ 4.0).
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Skip("cannot reset VmHWM: ", err)
	}
	before := vmHWM(t)
	r := New(Options{Timeout: 60 * time.Second, CacheDir: t.TempDir()})
	start := time.Now()
	p, err := r.Render(context.Background(), "cold", letter(2, "", a4))
	cold := time.Since(start)
	if err != nil || p.Pages != 2 {
		t.Fatalf("cold render: %v %d", err, p.Pages)
	}
	grew := vmHWM(t) - before
	coldPeak := r.ChildPeak()
	start = time.Now()
	if p, err := r.Render(context.Background(), "warm", letter(3, "", a4)); err != nil || p.Pages != 3 {
		t.Fatalf("warm render: %v %d", err, p.Pages)
	}
	warm := time.Since(start)
	t.Logf("server VmHWM %d MiB → +%d MiB; child peak %d MiB; first render (compiling) %v, next (cached module) %v",
		before>>20, grew>>20, coldPeak>>20, cold.Round(time.Millisecond), warm.Round(time.Millisecond))
	if grew > 64<<20 {
		t.Errorf("the server's peak resident size grew by %d MiB with the first render", grew>>20)
	}
	if coldPeak != 0 && coldPeak < 100<<20 {
		t.Errorf("child peak %d MiB: did the child compile PDFium?", coldPeak>>20)
	}
}

// TestClose: closing the renderer kills the child under way (its render
// fails closed) and refuses later renders.
func TestClose(t *testing.T) {
	exe, _ := os.Executable()
	r := New(Options{Timeout: time.Hour, Command: []string{exe, "pdf-bad-child", "hang"}})
	done := make(chan error, 1)
	go func() {
		_, err := r.Render(context.Background(), "hang", letter(1, "", a4))
		done <- err
	}()
	for r.ChildPeak() == 0 && len(r.turn) == 0 {
		time.Sleep(10 * time.Millisecond) // until the render has its turn
	}
	r.Close()
	if err := <-done; !errors.Is(err, ErrUnavailable) {
		t.Fatalf("render under way at Close: %v, want ErrUnavailable", err)
	}
	if _, err := r.Render(context.Background(), "after", letter(1, "", a4)); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("render after Close: %v", err)
	}
}
