package drill

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
)

// Pictures the scenarios attach: drawn here (nothing third-party), then
// re-encoded for every copy as a phone or an attacker would — another
// size, another JPEG quality, a few pixels cropped, the light a little
// changed — so that no two copies share a byte.

// poster is the picture of an image-only wave: a dark, high-contrast
// drawing (cached: drawn once per drill).
func (d *drill) poster() *image.RGBA {
	if d.posterImg == nil {
		d.posterImg = draw(640, 480, func(x, y float64) (r, g, b float64) {
			v := 0.15 + 0.1*y
			if math.Hypot(x-0.35, y-0.45) < 0.22 {
				return 0.85, 0.1, 0.05 // a red disc
			}
			if x > 0.6 && x < 0.9 && y > 0.2 && y < 0.8 && int(y*20)%3 == 0 {
				return 0.95, 0.95, 0.9 // lines of « text »
			}
			return v, v * 0.9, v * 0.8
		})
	}
	return d.posterImg
}

// tripPhoto is the sports day's photo: a sky, a field, people.
func (d *drill) tripPhoto() *image.RGBA {
	if d.photoImg == nil {
		d.photoImg = draw(800, 600, func(x, y float64) (r, g, b float64) {
			for k := 0; k < 9; k++ {
				cx := 0.1 + 0.1*float64(k)
				if math.Hypot(x-cx, y-0.45) < 0.035 {
					return 0.9, 0.75, 0.6 // a face
				}
				if x > cx-0.03 && x < cx+0.03 && y > 0.48 && y < 0.7 {
					c := float64(k%3) / 3
					return 0.2 + c, 0.3, 0.7 - c // a shirt
				}
			}
			if y < 0.4 {
				return 0.5 + 0.3*y, 0.7 + 0.2*y, 0.95 // sky
			}
			return 0.2, 0.55 + 0.2*math.Sin(x*40)*0.1, 0.2 // grass
		})
	}
	return d.photoImg
}

// flyer is the museum's flyer teachers pass on: a light page, a title
// band, a picture.
func (d *drill) flyer() *image.RGBA {
	if d.flyerImg == nil {
		d.flyerImg = draw(600, 800, func(x, y float64) (r, g, b float64) {
			if y < 0.15 {
				return 0.1, 0.3, 0.6 // the title band
			}
			if math.Abs(x-0.5) < 0.3 && y > 0.25 && y < 0.6 {
				return 0.8 - 0.4*y, 0.6, 0.3 + 0.5*x // the exhibit
			}
			if x > 0.15 && x < 0.85 && y > 0.7 && int(y*60)%3 == 0 {
				return 0.3, 0.3, 0.3 // lines of « text »
			}
			return 0.97, 0.95, 0.9
		})
	}
	return d.flyerImg
}

// snapshot draws a picture of its own: a background and a few discs,
// their places, sizes and colours drawn from r (no two alike to the eye).
func snapshot(r *rand.Rand) *image.RGBA {
	type disc struct{ x, y, size, r, g, b float64 }
	ds := make([]disc, 4+r.IntN(4))
	for i := range ds {
		ds[i] = disc{r.Float64(), r.Float64(), 0.05 + 0.2*r.Float64(), r.Float64(), r.Float64(), r.Float64()}
	}
	br, bg, bb := r.Float64(), r.Float64(), r.Float64()
	return draw(320, 240, func(x, y float64) (float64, float64, float64) {
		for _, d := range ds {
			if math.Hypot(x-d.x, y-d.y) < d.size {
				return d.r, d.g, d.b
			}
		}
		return br * (0.5 + 0.5*y), bg, bb * (1 - 0.5*x)
	})
}

// draw renders f (coordinates and colours in [0, 1]) at w×h.
func draw(w, h int, f func(x, y float64) (r, g, b float64)) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, b := f(float64(x)/float64(w), float64(y)/float64(h))
			img.SetRGBA(x, y, color.RGBA{clamp8(r * 255), clamp8(g * 255), clamp8(b * 255), 255})
		}
	}
	return img
}

func clamp8(v float64) uint8 { return uint8(max(0, min(255, v))) }

// reencode returns a copy of img as another device would send it: scaled
// to 45–100 % (bilinear), up to 2 % cropped from each side, the light
// shifted by up to ±6 %, in JPEG at quality 40–95 (PNG one time in six).
// The pixels are read and written in place, not through image.Image's
// At and Set: a colour interface per pixel made each copy cost a second
// under the race detector.
func reencode(r *rand.Rand, img *image.RGBA) []byte {
	b := img.Bounds()
	cx, cy := b.Dx()*r.IntN(3)/100, b.Dy()*r.IntN(3)/100
	src := image.Rect(b.Min.X+cx, b.Min.Y+cy, b.Max.X-b.Dx()*r.IntN(3)/100, b.Max.Y-b.Dy()*r.IntN(3)/100)
	scale := 0.45 + 0.55*r.Float64()
	w, h := max(16, int(float64(src.Dx())*scale)), max(16, int(float64(src.Dy())*scale))
	light := 1 + (r.Float64()-0.5)*0.12
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx := float64(src.Min.X) + (float64(x)+0.5)*float64(src.Dx())/float64(w) - 0.5
			fy := float64(src.Min.Y) + (float64(y)+0.5)*float64(src.Dy())/float64(h) - 0.5
			x0, y0 := int(fx), int(fy)
			ax, ay := fx-float64(x0), fy-float64(y0)
			wgt := [4]float64{(1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay}
			var c [3]float64
			for k, p := range [4][2]int{{x0, y0}, {x0 + 1, y0}, {x0, y0 + 1}, {x0 + 1, y0 + 1}} {
				i := img.PixOffset(min(max(p[0], src.Min.X), src.Max.X-1), min(max(p[1], src.Min.Y), src.Max.Y-1))
				c[0] += wgt[k] * float64(img.Pix[i])
				c[1] += wgt[k] * float64(img.Pix[i+1])
				c[2] += wgt[k] * float64(img.Pix[i+2])
			}
			out.SetRGBA(x, y, color.RGBA{clamp8(c[0] * light), clamp8(c[1] * light), clamp8(c[2] * light), 255})
		}
	}
	var buf bytes.Buffer
	if r.IntN(6) == 0 {
		_ = png.Encode(&buf, out)
	} else {
		_ = jpeg.Encode(&buf, out, &jpeg.Options{Quality: 40 + r.IntN(56)})
	}
	return buf.Bytes()
}

// letterScan is the forged letter as a scanner sees it: a white page,
// a letterhead, lines of dark « text » and a signature (cached: drawn
// once per drill).
func (d *drill) letterScan() *image.RGBA {
	if d.letterImg == nil {
		d.letterImg = draw(420, 594, func(x, y float64) (r, g, b float64) {
			switch {
			case y > 0.05 && y < 0.1 && x > 0.08 && x < 0.45:
				return 0.1, 0.2, 0.5 // the letterhead
			case y > 0.2 && y < 0.75 && x > 0.08 && x < 0.9-0.3*float64(int(y*40)%5)/4 && int(y*120)%3 == 0:
				return 0.1, 0.1, 0.1 // lines of text
			case y > 0.8 && y < 0.84 && x > 0.6 && x < 0.85 && int(x*90)%4 != 0:
				return 0.15, 0.15, 0.3 // a signature
			}
			return 0.97, 0.97, 0.95
		})
	}
	return d.letterImg
}
