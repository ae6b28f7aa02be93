// Package media describes attachments by what a person sees rather than
// by their bytes, so that copies re-encoded by a phone or an attacker
// (another size, quality or container) can be recognised as one medium:
// images by a 64-bit difference hash of a downscaled grey picture, MP4 and
// QuickTime videos by their duration and dimensions.
//
// Decoding is bounded: the file's size and the picture's declared pixels
// are checked before any pixel is decoded, so a decompression bomb is
// refused, not decoded. What cannot be described returns an error; the
// caller then falls back to exact bytes (it must not treat the file as
// unique or harmless).
package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registers GIF with image.Decode (first frame)
	_ "image/jpeg"
	_ "image/png"
	"math/bits"
	"time"
)

// Limits bound what Describe decodes.
type Limits struct {
	MaxBytes  int // file size
	MaxPixels int // declared width × height of a picture
	MaxSide   int // declared width or height
}

// DefaultLimits suit a school messaging service's attachments (10 MB):
// a 24-megapixel photo at most.
var DefaultLimits = Limits{MaxBytes: 16 << 20, MaxPixels: 24_000_000, MaxSide: 12_000}

// Kind is what a file was recognised as.
type Kind int

// Kinds.
const (
	Unknown Kind = iota
	Image
	Video
)

// Info describes a medium.
type Info struct {
	Kind   Kind
	Format string // "jpeg", "png", "gif", "mp4"
	Width  int
	Height int
	// Hash is an image's difference hash: alike pictures are within
	// Alike bits of each other.
	Hash uint64
	// Duration is a video's (its movie header's).
	Duration time.Duration
}

// Alike is the largest Hamming distance between the hashes of two
// pictures that are the same to the eye: re-encoding, resizing and light
// cropping move a few bits; different pictures differ by about half.
const Alike = 10

// Distance is the Hamming distance between two hashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Errors.
var (
	ErrUnknown  = errors.New("media: not a picture or video this package reads")
	ErrTooLarge = errors.New("media: over the decoding limits")
)

// Describe recognises data as a picture (JPEG, PNG, GIF) or an MP4 or
// QuickTime video and describes it within l.
func Describe(data []byte, l Limits) (Info, error) {
	if len(data) > l.MaxBytes {
		return Info{}, fmt.Errorf("%w: %d bytes", ErrTooLarge, len(data))
	}
	if isMP4(data) {
		return describeMP4(data)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Info{}, fmt.Errorf("%w: %v", ErrUnknown, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > l.MaxSide || cfg.Height > l.MaxSide || cfg.Width*cfg.Height > l.MaxPixels {
		return Info{}, fmt.Errorf("%w: %d×%d pixels", ErrTooLarge, cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Info{}, fmt.Errorf("media: decode %s: %w", format, err)
	}
	return Info{Kind: Image, Format: format, Width: cfg.Width, Height: cfg.Height, Hash: DHash(img)}, nil
}

// DHash is the difference hash of img: the picture in grey, averaged
// down to 9×8 cells, one bit per pair of neighbouring cells in a row
// (set when the left one is brighter). Brightness, contrast, size and
// compression change the cells' values, seldom their order.
func DHash(img image.Image) uint64 {
	const cols, rows = 9, 8
	var sum [rows][cols]float64
	var n [rows][cols]float64
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w == 0 || h == 0 {
		return 0
	}
	// Each pixel adds its luma to the cell it falls in: one pass over the
	// pixels, reading the planes of the common types directly.
	col := make([]int, w)
	for x := range col {
		col[x] = x * cols / w
	}
	for y := 0; y < h; y++ {
		r := y * rows / h
		var line [cols]float64
		switch m := img.(type) {
		case *image.YCbCr:
			row := m.Y[m.YOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				line[col[x]] += float64(row[x])
			}
		case *image.Gray:
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				line[col[x]] += float64(row[x])
			}
		case *image.RGBA:
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				p := row[4*x : 4*x+3]
				line[col[x]] += 0.299*float64(p[0]) + 0.587*float64(p[1]) + 0.114*float64(p[2])
			}
		case *image.NRGBA:
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < w; x++ {
				p := row[4*x : 4*x+4]
				a := float64(p[3]) / 255 // over black, as a viewer without a background shows it
				line[col[x]] += a * (0.299*float64(p[0]) + 0.587*float64(p[1]) + 0.114*float64(p[2]))
			}
		default:
			for x := 0; x < w; x++ {
				cr, cg, cb, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				line[col[x]] += (0.299*float64(cr) + 0.587*float64(cg) + 0.114*float64(cb)) / 257
			}
		}
		for c := range line {
			sum[r][c] += line[c]
		}
	}
	for x := 0; x < w; x++ {
		for r := 0; r < rows; r++ {
			n[r][col[x]] += float64(rowsCount(r, rows, h))
		}
	}
	var hash uint64
	for r := 0; r < rows; r++ {
		for c := 0; c < cols-1; c++ {
			hash <<= 1
			if avg(sum[r][c], n[r][c]) > avg(sum[r][c+1], n[r][c+1]) {
				hash |= 1
			}
		}
	}
	return hash
}

// rowsCount is how many of h pixel rows fall in cell row r of rows.
func rowsCount(r, rows, h int) int {
	// Row y falls in r when r*h <= y*rows < (r+1)*h.
	lo := (r*h + rows - 1) / rows
	hi := ((r+1)*h + rows - 1) / rows
	return hi - lo
}

func avg(s, n float64) float64 {
	if n == 0 {
		return 0
	}
	return s / n
}
