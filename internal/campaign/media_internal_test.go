package campaign

import (
	"slices"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/media"
)

// TestPictureKeys: descriptors keep alike pictures alike (folding never
// moves them apart), pictures within 4 bits share an index band, and a
// descriptor is never taken for a digest or domain key.
func TestPictureKeys(t *testing.T) {
	const h = 0x9f3c_51a2_7e00_c4d1
	for _, c := range []struct {
		name  string
		other uint64
		alike bool
	}{
		{"same", h, true},
		{"4 bits", h ^ 0x8000_0000_0100_0101, true},
		{"10 bits", h ^ 0x0101_0101_0101_0303, true},
		{"half the bits", h ^ 0x5555_5555_5555_5555, false},
	} {
		a, b := pictureDescriptor(h), pictureDescriptor(c.other)
		if !isPicture(a) || !isPicture(b) {
			t.Fatalf("%s: not tagged", c.name)
		}
		if got := picturesAlike(a, b); got != c.alike {
			t.Errorf("%s: alike %v", c.name, got)
		}
		shared := slices.ContainsFunc(indexKeys([]int64{a})[1:], func(k int64) bool { return slices.Contains(indexKeys([]int64{b})[1:], k) })
		if media.Distance(h, c.other) <= 4 && !shared {
			t.Errorf("%s: no index band shared", c.name)
		}
	}
	if isPicture(featureKey("d", "0123")) || hasKey([]int64{featureKey("d", "a")}, featureKey("d", "b")) {
		t.Error("digest keys taken for pictures")
	}
}

// TestVideoKeys: a clip re-encoded (another size, a few frames more or
// less) shares a key with the original; another length or shape does not.
func TestVideoKeys(t *testing.T) {
	orig := videoKeys(media.Info{Kind: media.Video, Duration: 42300 * time.Millisecond, Width: 1280, Height: 720})
	for _, c := range []struct {
		name  string
		info  media.Info
		alike bool
	}{
		{"smaller, 80 ms longer", media.Info{Duration: 42380 * time.Millisecond, Width: 854, Height: 480}, true},
		{"120 ms shorter", media.Info{Duration: 42180 * time.Millisecond, Width: 1280, Height: 720}, true},
		{"another length", media.Info{Duration: 30 * time.Second, Width: 1280, Height: 720}, false},
		{"portrait", media.Info{Duration: 42300 * time.Millisecond, Width: 720, Height: 1280}, false},
	} {
		if got := sharesKey(orig, videoKeys(c.info)); got != c.alike {
			t.Errorf("%s: shares a key %v", c.name, got)
		}
	}
	if videoKeys(media.Info{Duration: time.Second, Width: 640, Height: 360}) != nil {
		t.Error("a one-second clip has keys")
	}
}

// TestCommonDomain: the académies' own domains are common, a domain
// merely named « ac-… » is not (domaine-ac-sans-academie).
func TestCommonDomain(t *testing.T) {
	for host, want := range map[string]bool{
		"www.ac-versailles.fr": true, "WWW.AC-VERSAILLES.FR.": true, "ac-nancy-metz.fr": true, "www.education.gouv.fr": true, "ac-polynesie.pf": true,
		"paiement.ac-regie-1f.fr": false, "ac-versailles-regie.fr": false, "ac-versailles.fr.example.com": false, "musee.fr": false,
	} {
		if got := commonDomain(host); got != want {
			t.Errorf("commonDomain(%q) = %v, want %v", host, got, want)
		}
	}
}
