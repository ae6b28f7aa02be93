package pdfpreview

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"
)

// render renders data's first page in a child process, failing closed: a
// child that crashes, hangs, or answers anything malformed gives
// ErrUnavailable.
func (r *Renderer) render(data []byte) (Preview, error) {
	if len(data) == 0 || len(data) > r.o.MaxBytes {
		return Preview{}, ErrUnavailable
	}
	p, err := r.runChild(data)
	if err != nil {
		return Preview{}, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return p, nil
}

func (r *Renderer) runChild(data []byte) (Preview, error) {
	argv := r.o.Command
	if len(argv) == 0 {
		if !canBeChild.Load() {
			return Preview{}, errors.New("this executable cannot be a render child (no ServeChild at start)")
		}
		exe, err := os.Executable()
		if err != nil {
			return Preview{}, fmt.Errorf("own executable: %w", err)
		}
		argv = []string{exe, ChildArg}
	}
	// The child dies with its parent (sysProcAttr), a signal sent when the
	// thread that started it ends: keep this thread until the child is gone.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if r.ctx.Err() != nil {
		return Preview{}, errors.New("renderer closed")
	}
	ctx, cancel := context.WithCancel(r.ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	// Nothing of the server's environment (secrets, database address):
	// the runtime's memory target only.
	cmd.Env = []string{"GOMEMLIMIT=" + r.o.MemLimit}
	cmd.Dir = "/"
	cmd.SysProcAttr = sysProcAttr()
	cmd.WaitDelay = 2 * time.Second
	errOut := &capped{max: 2048}
	cmd.Stderr = errOut
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return Preview{}, fmt.Errorf("child stdin: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return Preview{}, fmt.Errorf("child stdout: %w", err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Preview{}, fmt.Errorf("start child: %w", err)
	}
	go func() {
		_ = writeRequest(stdin, request{maxW: uint32(r.o.MaxWidth), maxH: uint32(r.o.MaxHeight),
			memoryPages: r.o.MemoryPages, cacheDir: r.o.CacheDir, pdf: data})
		_ = stdin.Close()
	}()
	type answer struct {
		p   Preview
		err error
	}
	loaded, answered := make(chan error, 1), make(chan answer, 1)
	go func() {
		br := bufio.NewReader(stdout)
		m, err := br.ReadByte()
		if err != nil || m != loadedMark {
			loaded <- errors.New("the child did not load PDFium")
			return
		}
		loaded <- nil
		p, err := readAnswer(br, r.o.MaxWidth, r.o.MaxHeight)
		answered <- answer{p, err}
	}()
	var p Preview
	timer := time.NewTimer(r.o.LoadTimeout)
	defer timer.Stop()
	select {
	case err = <-loaded:
	case <-timer.C:
		err = fmt.Errorf("PDFium not loaded within %v", r.o.LoadTimeout)
	}
	tookLoad := time.Since(start)
	if err == nil {
		// The render's own time starts once PDFium is loaded.
		timer.Reset(r.o.Timeout)
		select {
		case a := <-answered:
			p, err = a.p, a.err
		case <-timer.C:
			err = fmt.Errorf("render took over %v", r.o.Timeout)
		}
	}
	if err != nil && !errors.Is(err, errNotRendered) {
		cancel() // kills the child
	}
	werr := cmd.Wait()
	if peak := peakRSS(cmd.ProcessState); peak > r.peak.Load() {
		r.peak.Store(peak)
	}
	if err == nil && werr != nil {
		err = fmt.Errorf("child: %w", werr)
	}
	switch {
	case err == nil:
		r.o.Log.Debug("pdf preview: rendered", "load", tookLoad.Round(time.Millisecond), "took", time.Since(start).Round(time.Millisecond))
	case errors.Is(err, errNotRendered):
		r.o.Log.Debug("pdf preview: not rendered", "why", errOut.String())
	default:
		// The child's stderr holds its own messages, never the file's bytes.
		r.o.Log.Warn("pdf preview: child failed", "err", err, "exit", werr, "stderr", errOut.String())
	}
	return p, err
}

// ChildPeak is the largest peak resident size of the children so far, in
// bytes (0 where the system does not say).
func (r *Renderer) ChildPeak() int64 { return r.peak.Load() }

// capped keeps the first max bytes written to it, as one line.
type capped struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := c.max - len(c.b); room > 0 {
		c.b = append(c.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(strings.Fields(strings.ToValidUTF8(string(c.b), "?")), " ")
}

var _ io.Writer = (*capped)(nil)
