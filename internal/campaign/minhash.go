package campaign

import (
	"encoding/binary"
	"hash/fnv"

	"github.com/bouclier/bouclier/internal/screen"
)

// MinHash parameters: Hashes values per signature, cut into Bands bands of
// Rows values. Two texts whose term sets have Jaccard similarity J share
// at least one band with probability 1-(1-J^Rows)^Bands: 0.99 at J=0.5,
// 0.79 at J=0.3, 0.04 at J=0.05; candidates are then checked on the whole
// signature.
const (
	Hashes = 32
	Rows   = 2
	Bands  = Hashes / Rows
	// MinTokens is the shortest text (in terms) that gets a signature:
	// "Merci", "D'accord" and their kind say nothing of a wave, but
	// « Collège fermé demain » does.
	MinTokens = 3
)

// Signature is the MinHash of a text's term set (TextModel): word order,
// inflection and synonyms do not change it.
type Signature []uint32

// splitmix64 is a fast 64-bit mixer (the finaliser of SplitMix64).
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

var seeds = func() [Hashes]uint64 {
	var s [Hashes]uint64
	for i := range s {
		s[i] = splitmix64(uint64(i)*0x632be59bd9b4e019 + 0x1234567)
	}
	return s
}()

// Sign returns the signature of text under FrenchModel, or nil for a text
// under MinTokens terms.
func Sign(text string) Signature { return SignTerms(FrenchModel{}.Terms(text)) }

// SignTerms returns the signature of a term set, or nil for fewer than
// MinTokens terms.
func SignTerms(terms []string) Signature {
	if len(terms) < MinTokens {
		return nil
	}
	sig := make(Signature, Hashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for _, t := range terms {
		h.Reset()
		h.Write([]byte(t))
		base := h.Sum64()
		for j := range sig {
			if v := uint32(splitmix64(base ^ seeds[j])); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the texts behind two
// signatures: the share of equal values. 0 when either is missing.
func Similarity(a, b Signature) float64 {
	if len(a) != Hashes || len(b) != Hashes {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / Hashes
}

// BandKeys returns the signature's locality-sensitive keys, one per band.
func (s Signature) BandKeys() []int64 {
	if len(s) != Hashes {
		return nil
	}
	out := make([]int64, 0, Bands)
	for b := 0; b < Bands; b++ {
		v := uint64(s[b*Rows])<<32 | uint64(s[b*Rows+1])
		out = append(out, int64(splitmix64(v^uint64(b+1)<<58)))
	}
	return out
}

// Bytes encodes the signature for storage.
func (s Signature) Bytes() []byte {
	if len(s) == 0 {
		return nil
	}
	b := make([]byte, 4*len(s))
	for i, v := range s {
		binary.BigEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ParseSignature decodes a stored signature.
func ParseSignature(b []byte) Signature {
	if len(b) != 4*Hashes {
		return nil
	}
	s := make(Signature, Hashes)
	for i := range s {
		s[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	return s
}

// featureKey names a non-text feature: an attachment digest ("d:") or a
// link domain ("l:").
func featureKey(kind, value string) int64 {
	h := fnv.New64a()
	h.Write([]byte(kind))
	h.Write([]byte{':'})
	h.Write([]byte(value))
	return int64(splitmix64(h.Sum64()))
}

// commonDomain reports whether a link domain is too common to link
// messages together: the ministry's, the académies' and the ENTs', which
// every legitimate broadcast links to (the screen's official domains).
//
// The académies' are named one by one: anyone may register
// « ac-regie-cantine.fr », and a wave on such domains was taken for the
// académies' own links, carrying no link signal at all.
func commonDomain(host string) bool { return screen.IsOfficial(host) }
