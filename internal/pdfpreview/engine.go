package pdfpreview

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// engine is PDFium in this process: only the child (Child) runs it, so
// that its compilation (some 300 MB at peak) and its linear memory never
// count in the server's resident set.
type engine struct {
	maxW, maxH int
	pool       pdfium.Pool
}

// loadEngine compiles PDFium, or loads it compiled from cacheDir.
func loadEngine(memoryPages uint32, cacheDir string, maxW, maxH int) (*engine, error) {
	rc := wazero.NewRuntimeConfig().
		// PDFium's setjmp/longjmp are WebAssembly exceptions.
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(memoryPages)
	if cacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(cacheDir)
		if err != nil {
			return nil, fmt.Errorf("compilation cache: %w", err)
		}
		rc = rc.WithCompilationCache(c)
	}
	pool, err := webassembly.Init(webassembly.Config{MaxIdle: 1, MaxTotal: 1, RuntimeConfig: rc,
		// No file system, no output: the module sees only the bytes given.
		FSConfig: wazero.NewFSConfig(), Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		return nil, fmt.Errorf("load PDFium: %w", err)
	}
	return &engine{maxW: maxW, maxH: maxH, pool: pool}, nil
}

// instance starts PDFium's module instance (its memory set up), which
// the parent counts in the loading time, not the file's.
func (e *engine) instance() (pdfium.Pdfium, error) {
	return e.pool.GetInstance(time.Minute) // the parent bounds the time
}

// first renders data's first page in inst, then closes it. The child's
// parent bounds its time.
func (e *engine) first(inst pdfium.Pdfium, data []byte) (p Preview, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
		_ = inst.Close()
	}()
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
		Width: e.maxW, Height: e.maxH})
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
