package campaign

import (
	"errors"
	"fmt"
	"math/bits"
	"sync"
	"time"

	"github.com/bouclier/bouclier/internal/media"
	"github.com/bouclier/bouclier/internal/messaging"
)

// Media likeness: a picture re-encoded for every copy (other bytes, size,
// quality) is one picture to the eye, and a wave's. Each picture an
// observation attaches is kept in its Extra as a descriptor: a tag and
// its 64-bit difference hash folded to 48 bits (folding never moves alike
// pictures apart; different ones stay about 24 bits apart). Two
// descriptors within media.Alike bits are the same picture. For the
// neighbourhood search (exact keys) a picture is indexed under five bands
// of its descriptor: pictures within 4 bits share one at least, most
// within 10 do.
//
// A video is described by its duration and shape: keys of its duration
// in half seconds (the half second below and above, so that two copies
// less than half a second apart share one) and its aspect ratio. That is
// weaker than a picture's hash (two clips of the same length and shape
// are alike) and is only used for clips of two seconds or more.
//
// What cannot be described (an unknown format, a decoding error, over
// the limits) keeps only its exact digest, as before: it is not taken
// for unique content either way.

const (
	mediaTag  = 0x6D48 // the top 16 bits of a picture's descriptor
	mediaMask = 1<<48 - 1
)

// mediaLimits bound the decoding on the send path: decoding costs about
// 10 ms a megapixel (BenchmarkDescribe), so pictures of 8 megapixels at
// most are described there — what messaging apps and screenshots send;
// larger ones keep their exact digest (a phone's original photo).
var mediaLimits = media.Limits{MaxBytes: 16 << 20, MaxPixels: 8_000_000, MaxSide: 12_000}

// pictureDescriptor is the Extra entry of a picture of hash h.
func pictureDescriptor(h uint64) int64 {
	return int64(mediaTag<<48 | (h&mediaMask ^ h>>48))
}

// isPicture reports whether an Extra entry is a picture's descriptor.
func isPicture(k int64) bool { return uint64(k)>>48 == mediaTag }

// picturesAlike reports whether two descriptors are the same picture.
func picturesAlike(a, b int64) bool {
	return bits.OnesCount64(uint64(a^b)&mediaMask) <= media.Alike
}

// hasKey reports whether list holds k or, for a picture, one alike.
func hasKey(list []int64, k int64) bool {
	for _, l := range list {
		if l == k || (isPicture(k) && isPicture(l) && picturesAlike(k, l)) {
			return true
		}
	}
	return false
}

// sharesKey reports whether two Extra lists share a digest, a domain or
// a medium.
func sharesKey(a, b []int64) bool {
	for _, k := range a {
		if hasKey(b, k) {
			return true
		}
	}
	return false
}

// pictureBands are the bit ranges of a descriptor indexed apart.
var pictureBands = [][2]uint{{0, 10}, {10, 20}, {20, 30}, {30, 39}, {39, 48}}

// indexKeys returns the keys an Extra list is indexed under: its entries,
// and for each picture the bands of its descriptor.
func indexKeys(extra []int64) []int64 {
	out := make([]int64, 0, len(extra))
	for _, k := range extra {
		out = append(out, k)
		if !isPicture(k) {
			continue
		}
		for i, b := range pictureBands {
			v := uint64(k) >> b[0] & (1<<(b[1]-b[0]) - 1)
			out = append(out, int64(splitmix64(mediaTag<<24|uint64(i)<<16|v)))
		}
	}
	return out
}

// mediaCache remembers what attachments were described as, by digest: a
// picture forwarded unchanged is decoded once.
type mediaCache struct {
	mu sync.Mutex
	m  map[string]mediaResult
}

type mediaResult struct {
	info media.Info
	err  error
}

// mediaKeys describes a message's attachments and returns their Extra
// entries: a descriptor per picture, duration keys per video.
func (d *Detector) mediaKeys(o *messaging.Observed) []int64 {
	var out []int64
	for i, a := range o.Attachments {
		var digest string
		if i < len(o.Digests) {
			digest = o.Digests[i]
		}
		info, err := d.describe(digest, a.Data)
		if err != nil {
			if !errors.Is(err, media.ErrUnknown) {
				d.log.Debug("campaign: attachment not described", "err", err)
			}
			continue
		}
		switch info.Kind {
		case media.Image:
			out = append(out, pictureDescriptor(info.Hash))
		case media.Video:
			out = append(out, videoKeys(info)...)
		}
	}
	return out
}

// describe returns what an attachment is, from the cache when its digest
// was described already.
func (d *Detector) describe(digest string, data []byte) (media.Info, error) {
	c := &d.media
	if digest != "" {
		c.mu.Lock()
		r, ok := c.m[digest]
		c.mu.Unlock()
		if ok {
			return r.info, r.err
		}
	}
	info, err := media.Describe(data, mediaLimits)
	if digest != "" {
		c.mu.Lock()
		if c.m == nil || len(c.m) >= 4096 {
			c.m = map[string]mediaResult{}
		}
		c.m[digest] = mediaResult{info, err}
		c.mu.Unlock()
	}
	return info, err
}

// videoKeys are a video's keys: its duration to the half second below and
// above, with its aspect ratio; none for clips under two seconds.
func videoKeys(info media.Info) []int64 {
	if info.Duration < 2*time.Second {
		return nil
	}
	aspect := 0
	if info.Height > 0 {
		aspect = (200*info.Width/info.Height + 1) / 2 // hundredths, rounded
	}
	half := int64(info.Duration / (500 * time.Millisecond))
	keys := []int64{featureKey("v", fmt.Sprintf("%d/%d", half, aspect))}
	if info.Duration%(500*time.Millisecond) != 0 {
		keys = append(keys, featureKey("v", fmt.Sprintf("%d/%d", half+1, aspect)))
	}
	return keys
}
