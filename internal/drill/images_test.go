package drill

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkReencode: one copy of the image-only wave's poster, as
// images-reencodees sends 24 of them (about 1 s each under the race
// detector when pixels went through image.Image's At and Set, 0.27 s
// since, the JPEG encoder being most of it).
func BenchmarkReencode(b *testing.B) {
	img := (&drill{}).poster()
	r := rand.New(rand.NewPCG(1, 2))
	for b.Loop() {
		reencode(r, img)
	}
}
