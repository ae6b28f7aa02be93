package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"testing"
	"time"
)

// picture draws a test picture: a scene (k 0) or another one (k 1).
func picture(w, h, k int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			var r, g, b float64
			switch k {
			case 0: // a sky, a sun, a field with stripes
				r, g, b = 90+60*fy, 140+80*fy, 230
				if math.Hypot(fx-0.7, fy-0.25) < 0.12 {
					r, g, b = 250, 220, 60
				}
				if fy > 0.55 {
					r, g, b = 40, 120+40*math.Sin(fx*30), 40
				}
			default: // a dark room with a window on the left and a red shape
				r, g, b = 40+30*fx, 30, 30+20*fy
				if fx < 0.3 && fy > 0.2 && fy < 0.6 {
					r, g, b = 220, 220, 200
				}
				if math.Hypot(fx-0.6, fy-0.7) < 0.2 {
					r, g, b = 200, 20, 20
				}
			}
			img.Set(x, y, color.RGBA{uint8(r), uint8(g), uint8(b), 255})
		}
	}
	return img
}

// resize scales img to w×h (nearest pixel: the crudest a sender does).
func resize(img image.Image, w, h int) image.Image {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			out.Set(x, y, img.At(b.Min.X+x*b.Dx()/w, b.Min.Y+y*b.Dy()/h))
		}
	}
	return out
}

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func describe(t *testing.T, data []byte) Info {
	t.Helper()
	info, err := Describe(data, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if info.Kind != Image {
		t.Fatalf("kind %v", info.Kind)
	}
	return info
}

// TestImagesAlike: the same picture at two JPEG qualities, resized, in
// PNG, cropped a little and lightened is alike; another picture is not.
func TestImagesAlike(t *testing.T) {
	scene := picture(640, 480, 0)
	base := describe(t, encodeJPEG(t, scene, 92))
	lighter := image.NewRGBA(scene.Bounds())
	for y := 0; y < 480; y++ {
		for x := 0; x < 640; x++ {
			r, g, b, _ := scene.At(x, y).RGBA()
			lighter.Set(x, y, color.RGBA{uint8(min(255, r>>8+12)), uint8(min(255, g>>8+12)), uint8(min(255, b>>8+12)), 255})
		}
	}
	cases := []struct {
		name  string
		data  []byte
		alike bool
	}{
		{"quality 35", encodeJPEG(t, scene, 35), true},
		{"resized to 55 %", encodeJPEG(t, resize(scene, 352, 264), 80), true},
		{"PNG at 30 %", encodePNG(t, resize(scene, 192, 144)), true},
		{"cropped 2 %", encodeJPEG(t, scene.(*image.RGBA).SubImage(image.Rect(12, 9, 628, 471)), 70), true},
		{"lighter", encodeJPEG(t, lighter, 60), true},
		{"another picture", encodeJPEG(t, picture(640, 480, 1), 92), false},
		{"another picture, resized", encodeJPEG(t, resize(picture(640, 480, 1), 300, 225), 50), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			info := describe(t, c.data)
			d := Distance(base.Hash, info.Hash)
			t.Logf("distance %d", d)
			if (d <= Alike) != c.alike {
				t.Errorf("distance %d (line %d), alike wanted %v", d, Alike, c.alike)
			}
		})
	}
}

// TestLimits: a bomb is refused before decoding, what is not a medium is
// unknown, a truncated picture is an error (the caller keeps exact bytes).
func TestLimits(t *testing.T) {
	// A PNG that declares 60000×60000 pixels in a few bytes.
	small := encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 1)))
	bomb := append([]byte(nil), small...)
	binary.BigEndian.PutUint32(bomb[16:], 60000) // IHDR width
	binary.BigEndian.PutUint32(bomb[20:], 60000) // IHDR height
	binary.BigEndian.PutUint32(bomb[29:], crc32.ChecksumIEEE(bomb[12:29]))
	if _, err := Describe(bomb, DefaultLimits); !errors.Is(err, ErrTooLarge) {
		t.Errorf("bomb: %v", err)
	}
	if _, err := Describe(encodeJPEG(t, picture(400, 300, 0), 80), Limits{MaxBytes: 1 << 20, MaxPixels: 100_000, MaxSide: 10_000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the pixel limit: %v", err)
	}
	if _, err := Describe(make([]byte, 2<<20), Limits{MaxBytes: 1 << 20, MaxPixels: 1, MaxSide: 1}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the size limit: %v", err)
	}
	if _, err := Describe([]byte("%PDF-1.7 not a picture"), DefaultLimits); !errors.Is(err, ErrUnknown) {
		t.Errorf("pdf: %v", err)
	}
	full := encodeJPEG(t, picture(200, 150, 0), 80)
	if _, err := Describe(full[:len(full)/2], DefaultLimits); err == nil {
		t.Error("truncated JPEG described")
	}
}

// box builds an MP4 box.
func box(typ string, parts ...[]byte) []byte {
	var body []byte
	for _, p := range parts {
		body = append(body, p...)
	}
	b := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(b, typ...), body...)
}

// movie builds a minimal MP4: ftyp, moov with mvhd (version 0) and one
// video track's tkhd.
func movie(scale, duration uint32, w, h int) []byte {
	mvhd := make([]byte, 100)
	binary.BigEndian.PutUint32(mvhd[12:], scale)
	binary.BigEndian.PutUint32(mvhd[16:], duration)
	tkhd := make([]byte, 84)
	binary.BigEndian.PutUint32(tkhd[76:], uint32(w)<<16)
	binary.BigEndian.PutUint32(tkhd[80:], uint32(h)<<16)
	return append(box("ftyp", []byte("isom\x00\x00\x02\x00isomiso2mp41")),
		append(box("moov", box("mvhd", mvhd), box("trak", box("tkhd", tkhd))), box("mdat", make([]byte, 64))...)...)
}

func TestMP4(t *testing.T) {
	info, err := Describe(movie(600, 600*42+300, 1280, 720), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if info.Kind != Video || info.Duration != 42500*time.Millisecond || info.Width != 1280 || info.Height != 720 {
		t.Errorf("got %+v", info)
	}
	bad := movie(600, 600, 640, 360)
	binary.BigEndian.PutUint32(bad[len(box("ftyp", []byte("isom\x00\x00\x02\x00isomiso2mp41"))):], 1<<30) // moov larger than the file
	if _, err := Describe(bad, DefaultLimits); err == nil {
		t.Error("moov larger than the file described")
	}
	deep := box("mvhd", make([]byte, 100))
	for i := 0; i < 10; i++ {
		deep = box("moov", deep)
	}
	if _, err := Describe(append(box("ftyp", []byte("isom")), deep...), DefaultLimits); err == nil {
		t.Error("boxes nested ten deep described")
	}
}

// FuzzDescribe: whatever the bytes, Describe returns without panicking,
// within its limits.
func FuzzDescribe(f *testing.F) {
	f.Add(movie(1000, 5000, 320, 240))
	f.Add(encodePNG(f, picture(32, 24, 0)))
	f.Add(encodeJPEG(f, picture(32, 24, 1), 50))
	f.Add([]byte("\x00\x00\x00\x01ftyp\x00\x00\x00\x00\x00\x00\x00\x10"))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Describe(data, Limits{MaxBytes: 1 << 20, MaxPixels: 1 << 20, MaxSide: 4096})
		if err == nil && info.Kind == Unknown {
			t.Error("described as nothing without an error")
		}
	})
}

func BenchmarkDescribe(b *testing.B) {
	for _, size := range []struct {
		name string
		w, h int
	}{{"0.3MP", 640, 480}, {"2MP", 1600, 1200}, {"12MP", 4000, 3000}} {
		data := encodeJPEG(b, picture(size.w, size.h, 0), 85)
		b.Run(size.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Describe(data, DefaultLimits); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
