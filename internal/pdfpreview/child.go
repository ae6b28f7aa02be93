package pdfpreview

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image/png"
	"io"
	"sync/atomic"
)

// ChildArg is the argument that makes a process the renderer's child: the
// bouclier command (and a test binary, in its TestMain) calls Child when
// its first argument is ChildArg.
const ChildArg = "pdf-render"

// The child's protocol, all integers big-endian.
//
// Request on stdin: reqMagic, then u32 MaxWidth, u32 MaxHeight, u32
// MemoryPages, u16 length + CacheDir, u32 length + the PDF.
//
// Answer on stdout: loadedMark once PDFium is loaded (the parent's
// render time starts then), then ansMagic, u8 status (0: rendered, 1:
// not), and for a render u32 Pages, u32 Width, u32 Height, u32 length +
// the PNG. Nothing may follow.
const (
	reqMagic   = "BPQ1"
	ansMagic   = "BPA1"
	loadedMark = 'L'
	// maxChildPDF bounds what a child reads whatever its parent says.
	maxChildPDF = 64 << 20
	// maxPNG bounds what a parent reads: 900×1200 RGBA, uncompressed, is
	// 4.3 MB; an answer larger than this is garbage.
	maxPNG = 32 << 20
)

type request struct {
	maxW, maxH  uint32
	memoryPages uint32
	cacheDir    string
	pdf         []byte
}

func writeRequest(w io.Writer, q request) error {
	if len(q.cacheDir) > 0xffff {
		return errors.New("cache directory name too long")
	}
	var b bytes.Buffer
	b.WriteString(reqMagic)
	for _, v := range []uint32{q.maxW, q.maxH, q.memoryPages} {
		b.Write(binary.BigEndian.AppendUint32(nil, v))
	}
	b.Write(binary.BigEndian.AppendUint16(nil, uint16(len(q.cacheDir))))
	b.WriteString(q.cacheDir)
	b.Write(binary.BigEndian.AppendUint32(nil, uint32(len(q.pdf))))
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}
	_, err := w.Write(q.pdf)
	return err
}

func readRequest(r io.Reader) (request, error) {
	var q request
	var h [4 + 12 + 2]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return q, fmt.Errorf("request header: %w", err)
	}
	if string(h[:4]) != reqMagic {
		return q, errors.New("not a render request")
	}
	q.maxW, q.maxH = binary.BigEndian.Uint32(h[4:]), binary.BigEndian.Uint32(h[8:])
	q.memoryPages = binary.BigEndian.Uint32(h[12:])
	if q.maxW < 1 || q.maxH < 1 || q.maxW > 10000 || q.maxH > 10000 || q.memoryPages < 1 || q.memoryPages > 65536 {
		return q, errors.New("request out of bounds")
	}
	dir := make([]byte, binary.BigEndian.Uint16(h[16:]))
	if _, err := io.ReadFull(r, dir); err != nil {
		return q, fmt.Errorf("request cache directory: %w", err)
	}
	q.cacheDir = string(dir)
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return q, fmt.Errorf("request length: %w", err)
	}
	size := binary.BigEndian.Uint32(n[:])
	if size > maxChildPDF {
		return q, errors.New("file too large")
	}
	q.pdf = make([]byte, size)
	if _, err := io.ReadFull(r, q.pdf); err != nil {
		return q, fmt.Errorf("request file: %w", err)
	}
	return q, nil
}

// canBeChild says this process's executable answers ChildArg: without
// it, running the executable as a child could start anything (a test
// binary would run its tests), so renders fail closed instead.
var canBeChild atomic.Bool

// ServeChild is the hook of an executable that renders: called with its
// arguments at start, it runs the child when the first is ChildArg
// (isChild, and the exit code), and otherwise records that this
// executable can be started as a child by Renderer's default Command.
func ServeChild(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int, isChild bool) {
	if len(args) > 0 && args[0] == ChildArg {
		return Child(stdin, stdout, stderr), true
	}
	canBeChild.Store(true)
	return 0, false
}

// Child is a render child's whole life: one request read from stdin, one
// answer written to stdout. Errors go to stderr as one line, without the
// file's content; a file that does not render is an answer, not an error.
func Child(stdin io.Reader, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "pdf-render: %v\n", err)
		return 1
	}
	q, err := readRequest(bufio.NewReader(stdin))
	if err != nil {
		return fail(err)
	}
	e, err := loadEngine(q.memoryPages, q.cacheDir, int(q.maxW), int(q.maxH))
	if err != nil {
		return fail(err)
	}
	inst, err := e.instance()
	if err != nil {
		return fail(err)
	}
	if _, err := stdout.Write([]byte{loadedMark}); err != nil {
		return fail(err)
	}
	p, rerr := e.first(inst, q.pdf)
	var b bytes.Buffer
	b.WriteString(ansMagic)
	if rerr != nil {
		fmt.Fprintf(stderr, "pdf-render: not rendered: %v\n", rerr)
		b.WriteByte(1)
	} else {
		b.WriteByte(0)
		for _, v := range []int{p.Pages, p.Width, p.Height, len(p.PNG)} {
			b.Write(binary.BigEndian.AppendUint32(nil, uint32(v)))
		}
		b.Write(p.PNG)
	}
	if _, err := stdout.Write(b.Bytes()); err != nil {
		return fail(err)
	}
	return 0
}

// readAnswer reads a child's answer after its loadedMark: a preview, or
// errNotRendered, or an error for anything malformed.
func readAnswer(r io.Reader, maxW, maxH int) (Preview, error) {
	var h [5]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return Preview{}, fmt.Errorf("answer: %w", err)
	}
	if string(h[:4]) != ansMagic {
		return Preview{}, errors.New("answer: bad magic")
	}
	var p Preview
	switch h[4] {
	case 1:
	case 0:
		var f [16]byte
		if _, err := io.ReadFull(r, f[:]); err != nil {
			return Preview{}, fmt.Errorf("answer: %w", err)
		}
		p.Pages = int(binary.BigEndian.Uint32(f[0:]))
		p.Width, p.Height = int(binary.BigEndian.Uint32(f[4:])), int(binary.BigEndian.Uint32(f[8:]))
		n := binary.BigEndian.Uint32(f[12:])
		if n == 0 || n > maxPNG || p.Pages < 1 || p.Width < 1 || p.Height < 1 || p.Width > maxW || p.Height > maxH {
			return Preview{}, errors.New("answer out of bounds")
		}
		p.PNG = make([]byte, n)
		if _, err := io.ReadFull(r, p.PNG); err != nil {
			return Preview{}, fmt.Errorf("answer: %w", err)
		}
		// The image must be the PNG it says it is.
		c, err := png.DecodeConfig(bytes.NewReader(p.PNG))
		if err != nil || c.Width != p.Width || c.Height != p.Height {
			return Preview{}, errors.New("answer: not the PNG announced")
		}
	default:
		return Preview{}, errors.New("answer: bad status")
	}
	if n, _ := io.Copy(io.Discard, io.LimitReader(r, 1)); n > 0 {
		return Preview{}, errors.New("answer: trailing bytes")
	}
	if h[4] == 1 {
		return Preview{}, errNotRendered
	}
	return p, nil
}

var errNotRendered = errors.New("the file did not render")
