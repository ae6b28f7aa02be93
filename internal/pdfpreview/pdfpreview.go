// Package pdfpreview renders the first page of a PDF attachment to a PNG on
// the server, so that a message shows what a PDF looks like without giving
// the file to the reader's browser to open (Chromium refuses its viewer in
// a sandboxed frame, and a PDF viewer runs the file's scripts).
//
// PDFium runs compiled to WebAssembly (go-pdfium over wazero: pure Go, no
// cgo), without a JavaScript engine and without form filling, with no file
// system and a bounded linear memory, in a child process per document
// (Child, entered by `bouclier pdf-render`): its compilation (some 300 MB
// at peak) and its memory never count in the server's resident set, and a
// file that crashes or hangs it kills only the child. The child gets the
// file on stdin and answers on stdout, with an empty environment; the
// compiled module is kept on disk (Options.CacheDir) so that a child
// starts fast after the first. Renders are one at a time, bounded in time
// (the child is killed past its deadline) and in pixels, and their
// outcomes, failures too, are cached by the attachment's digest.
package pdfpreview

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// Preview is a PDF's first page as a PNG, and how many pages it has.
type Preview struct {
	PNG           []byte
	Width, Height int
	Pages         int
}

// Options bound the renderer; zero values take the defaults.
type Options struct {
	Timeout time.Duration // one render, once PDFium is loaded (default 10 s)
	// LoadTimeout bounds a child's loading of PDFium: from the disk cache
	// it is quick, but the first compilation takes seconds (a minute
	// under the race detector, more on a loaded machine) and is not the
	// file's doing (default 5 min).
	LoadTimeout time.Duration
	MaxWidth    int // pixels (default 900)
	MaxHeight   int // pixels (default 1200)
	MaxBytes    int // larger files are not rendered (default 5 MiB)
	// MemoryPages caps PDFium's linear memory, in 64 KiB pages (default
	// 2048: 128 MiB); a file that needs more fails to render.
	MemoryPages uint32
	Cached      int // outcomes kept (default 256)
	Queued      int // renders waiting for their turn at most (default 8)
	// CacheDir keeps the compiled module for the next children and across
	// restarts; without it every child compiles PDFium again.
	CacheDir string
	// MemLimit is the child's GOMEMLIMIT (default 512MiB: below its compilation's
	// peak the collector would run all the time, twice as slow).
	MemLimit string
	// Command is the child: an executable and its arguments (default: this
	// process's executable with ChildArg).
	Command []string
	Log     *slog.Logger
}

// Errors. ErrBusy is not cached: the same file may be asked again.
var (
	ErrUnavailable = errors.New("pdf preview unavailable")
	ErrBusy        = errors.New("pdf preview: too many renders waiting")
)

// Renderer renders previews. Its zero value is not usable: use New.
type Renderer struct {
	o    Options
	turn chan struct{} // one render at a time

	peak atomic.Int64 // the largest child's peak resident size, bytes

	// Close kills the children under way (ctx) and waits for them (wg).
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	closed bool // under mu

	mu      sync.Mutex
	entries map[string]*entry
	order   []string // keys, oldest first
	waiting int
}

type entry struct {
	done chan struct{}
	p    Preview
	err  error
}

// New returns a renderer; no child runs until the first render.
func New(o Options) *Renderer {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.LoadTimeout <= 0 {
		o.LoadTimeout = 5 * time.Minute
	}
	if o.MemLimit == "" {
		o.MemLimit = "512MiB"
	}
	if o.MaxWidth <= 0 {
		o.MaxWidth = 900
	}
	if o.MaxHeight <= 0 {
		o.MaxHeight = 1200
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 5 << 20
	}
	if o.MemoryPages == 0 {
		o.MemoryPages = 2048
	}
	if o.Cached <= 0 {
		o.Cached = 256
	}
	if o.Queued <= 0 {
		o.Queued = 8
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.CacheDir != "" {
		// The child runs in "/": a relative directory would be lost.
		if abs, err := filepath.Abs(o.CacheDir); err == nil {
			o.CacheDir = abs
		} else {
			o.Log.Warn("pdf preview: cache directory", "err", err)
			o.CacheDir = ""
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Renderer{o: o, turn: make(chan struct{}, 1), entries: map[string]*entry{}, ctx: ctx, cancel: cancel}
}

// Cached returns the outcome for key if a render of it has finished.
func (r *Renderer) Cached(key string) (Preview, error, bool) {
	r.mu.Lock()
	e := r.entries[key]
	r.mu.Unlock()
	if e == nil {
		return Preview{}, nil, false
	}
	select {
	case <-e.done:
		return e.p, e.err, true
	default:
		return Preview{}, nil, false
	}
}

// Render returns the preview of data, known by key (its digest): from the
// cache, from a render of the same key under way, or from a new one. The
// render goes on when ctx ends, so that its outcome is cached.
func (r *Renderer) Render(ctx context.Context, key string, data []byte) (Preview, error) {
	e, err := r.start(key, data)
	if err != nil {
		return Preview{}, err
	}
	select {
	case <-e.done:
		return e.p, e.err
	case <-ctx.Done():
		return Preview{}, ctx.Err()
	}
}

func (r *Renderer) start(key string, data []byte) (*entry, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e := r.entries[key]; e != nil {
		return e, nil
	}
	if r.closed {
		return nil, ErrUnavailable
	}
	if r.waiting >= r.o.Queued {
		return nil, ErrBusy
	}
	r.waiting++
	e := &entry{done: make(chan struct{})}
	r.entries[key] = e
	r.order = append(r.order, key)
	for len(r.order) > r.o.Cached {
		// Forget the oldest finished outcome; one under way stays.
		old := r.order[0]
		r.order = r.order[1:]
		if oe := r.entries[old]; oe != nil && isDone(oe) {
			delete(r.entries, old)
		} else {
			r.order = append(r.order, old)
			break
		}
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		r.turn <- struct{}{}
		r.mu.Lock()
		r.waiting--
		r.mu.Unlock()
		e.p, e.err = r.render(data)
		<-r.turn
		close(e.done)
	}()
	return e, nil
}

// Close kills the renders under way, makes the waiting ones fail, and
// returns once no child is left; later renders are unavailable.
func (r *Renderer) Close() {
	if r == nil {
		return
	}
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.cancel()
	r.wg.Wait()
}

func isDone(e *entry) bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}
