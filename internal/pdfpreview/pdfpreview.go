// Package pdfpreview renders the first page of a PDF attachment to a PNG on
// the server, so that a message shows what a PDF looks like without giving
// the file to the reader's browser to open (Chromium refuses its viewer in
// a sandboxed frame, and a PDF viewer runs the file's scripts).
//
// PDFium runs compiled to WebAssembly (go-pdfium over wazero: pure Go, no
// cgo), without a JavaScript engine and without form filling, in a fresh
// module instance per document with no file system and a bounded linear
// memory. Renders are one at a time, bounded in time (a render past its
// deadline is killed) and in pixels, and their outcomes, failures too, are
// cached by the attachment's digest. The module is compiled on the first
// preview only: a process that never shows a PDF never pays for it.
package pdfpreview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Preview is a PDF's first page as a PNG, and how many pages it has.
type Preview struct {
	PNG           []byte
	Width, Height int
	Pages         int
}

// Options bound the renderer; zero values take the defaults.
type Options struct {
	Timeout   time.Duration // one render, module instance included (default 10 s)
	MaxWidth  int           // pixels (default 900)
	MaxHeight int           // pixels (default 1200)
	MaxBytes  int           // larger files are not rendered (default 5 MiB)
	// MemoryPages caps PDFium's linear memory, in 64 KiB pages (default
	// 2048: 128 MiB); a file that needs more fails to render.
	MemoryPages uint32
	Cached      int // outcomes kept (default 256)
	Queued      int // renders waiting for their turn at most (default 8)
	// CacheDir, when set, keeps the compiled module across restarts.
	CacheDir string
	Log      *slog.Logger
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

	initMu  sync.Mutex
	pool    pdfium.Pool
	initErr error

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

// New returns a renderer; nothing is compiled until the first render.
func New(o Options) *Renderer {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
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
	return &Renderer{o: o, turn: make(chan struct{}, 1), entries: map[string]*entry{}}
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
	go func() {
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

func isDone(e *entry) bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// load compiles PDFium on first use. A failure is kept: previews are then
// unavailable until the process restarts, and said so once in the log.
func (r *Renderer) load() (pdfium.Pool, error) {
	r.initMu.Lock()
	defer r.initMu.Unlock()
	if r.pool != nil || r.initErr != nil {
		return r.pool, r.initErr
	}
	rc := wazero.NewRuntimeConfig().
		// PDFium's setjmp/longjmp are WebAssembly exceptions.
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true). // a killed render stops at once
		WithMemoryLimitPages(r.o.MemoryPages)
	if r.o.CacheDir != "" {
		if c, err := wazero.NewCompilationCacheWithDir(r.o.CacheDir); err == nil {
			rc = rc.WithCompilationCache(c)
		} else {
			r.o.Log.Warn("pdf preview: compilation cache", "err", err)
		}
	}
	start := time.Now()
	r.pool, r.initErr = webassembly.Init(webassembly.Config{MaxIdle: 1, MaxTotal: 1, RuntimeConfig: rc,
		// No file system, no output: the module sees only the bytes given.
		FSConfig: wazero.NewFSConfig(), Stdout: io.Discard, Stderr: io.Discard})
	// Compiling leaves some 300 MB of garbage that the runtime would keep
	// from the system for minutes; the process's size afterwards is about
	// 45 MB more than before instead (once per process).
	debug.FreeOSMemory()
	if r.initErr != nil {
		r.o.Log.Error("pdf preview: PDFium did not load", "err", r.initErr)
	} else {
		r.o.Log.Info("pdf preview: PDFium loaded", "took", time.Since(start).Round(time.Millisecond))
	}
	return r.pool, r.initErr
}

// render renders data's first page within the time bound, in a module
// instance of its own that is thrown away afterwards.
func (r *Renderer) render(data []byte) (Preview, error) {
	if len(data) == 0 || len(data) > r.o.MaxBytes {
		return Preview{}, ErrUnavailable
	}
	pool, err := r.load()
	if err != nil {
		return Preview{}, ErrUnavailable
	}
	// The compilation, once per process, is not the file's doing: the
	// time bound starts after it.
	inst, err := pool.GetInstance(max(r.o.Timeout, time.Second))
	if err != nil {
		return Preview{}, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	deadline := time.Now().Add(r.o.Timeout)
	type out struct {
		p   Preview
		err error
	}
	ch := make(chan out, 1)
	go func() {
		var o out
		defer func() {
			if v := recover(); v != nil {
				o = out{err: fmt.Errorf("%w: panic: %v", ErrUnavailable, v)}
			}
			ch <- o
		}()
		o.p, o.err = r.first(inst, data)
	}()
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	select {
	case o := <-ch:
		_ = inst.Close()
		if o.err != nil {
			return Preview{}, fmt.Errorf("%w: %v", ErrUnavailable, o.err)
		}
		return o.p, nil
	case <-timer.C:
		// Interrupts the module; the worker is thrown away.
		_ = inst.Kill()
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			r.o.Log.Warn("pdf preview: a killed render did not stop")
		}
		return Preview{}, fmt.Errorf("%w: render took over %v", ErrUnavailable, r.o.Timeout)
	}
}

func (r *Renderer) first(inst pdfium.Pdfium, data []byte) (Preview, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return Preview{}, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return Preview{}, err
	}
	if n.PageCount < 1 {
		return Preview{}, errors.New("no page")
	}
	res, err := inst.RenderPageInPixels(&requests.RenderPageInPixels{
		Page:  requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: 0}},
		Width: r.o.MaxWidth, Height: r.o.MaxHeight})
	if err != nil {
		return Preview{}, err
	}
	defer res.Cleanup()
	img := res.Result.RenderedImage
	if img == nil || img.Bounds().Dx() < 1 || img.Bounds().Dy() < 1 {
		return Preview{}, errors.New("empty image")
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return Preview{}, err
	}
	return Preview{PNG: b.Bytes(), Width: img.Bounds().Dx(), Height: img.Bounds().Dy(), Pages: n.PageCount}, nil
}
