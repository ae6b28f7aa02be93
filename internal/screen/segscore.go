package screen

import (
	"math"
)

// The model's reading of each segment of a text in the same pass as the
// whole text's: every feature is attributed to the token that produced it
// (a frame's to its clause's first token), the text's own features
// (detectors' scores, links, message flags, the bias feature) are shared
// by every segment, and a segment's log-odds per head are the bias, the
// shared features' weights and its own tokens' weights. The segments are
// the sentences (a sentence boundary of the tokenizer: . ! ? ; : …) and
// the lines, sentences longer than segmentWords tokens cut into windows
// of segmentWords tokens each starting half a window after the last: one
// reading of the text, not one per segment (segmentFinding's separate
// readings cost 75 % more CPU on the benchmark messages).
//
// It is not the separate reading's probability (a segment read alone has
// its own frames and detectors' scores, and a feature repeated in two
// sentences counts in the first only): its line is its own.

// sentences records the tokens that begin a sentence or a line.
func (fv *featureVec) sentences(src string, toks []dtok) {
	fv.starts, fv.ntok = fv.starts[:0], int32(len(toks))
	prevEnd := 0
	for i := range toks {
		if i == 0 || toks[i].flags&tSentence != 0 || newlineBetween(src, prevEnd, toks[i].start) {
			fv.starts = append(fv.starts, int32(i))
		}
		prevEnd = toks[i].end
	}
}

// newlineBetween reports whether src[a:b] holds a line break.
func newlineBetween(src string, a, b int) bool {
	if a < 0 || b > len(src) {
		return false
	}
	for ; a < b; a++ {
		if src[a] == '\n' {
			return true
		}
	}
	return false
}

// windowsOf returns how many windows cut a sentence of n tokens.
func windowsOf(n int32) int32 {
	if n <= segmentWords {
		return 1
	}
	const step = segmentWords / 2
	return (n-segmentWords+step-1)/step + 1
}

// segSpan is a segment's tokens [lo, hi).
type segSpan struct{ lo, hi int32 }

// segmentSpans returns the one-pass segments of fv (at least one).
func (fv *featureVec) segmentSpans(out []segSpan) []segSpan {
	const step = segmentWords / 2
	for j, lo := range fv.starts {
		hi := fv.sentenceEndAt(j)
		for k := int32(0); k < windowsOf(hi-lo); k++ {
			out = append(out, segSpan{lo + k*step, min(lo+k*step+segmentWords, hi)})
		}
	}
	return out
}

// sentenceEndAt returns the end (exclusive) of sentence j.
func (fv *featureVec) sentenceEndAt(j int) int32 {
	if j+1 < len(fv.starts) {
		return fv.starts[j+1]
	}
	return fv.ntok
}

// onePass returns, over the one-pass segments of fv, the strongest head,
// its probability and its segment; -1 for a text of one segment (its
// probability is the whole text's) or a model without heads.
func (m *Model) onePass(fv *featureVec) (int, float64, segSpan) {
	var zs [8]float64
	return m.logitsOnePass(fv, zs[:m.heads()])
}

// logitsOnePass sets z (len(z) = heads) to the heads' log-odds of fv, as
// logits does, and reads its one-pass segments in the same loop over the
// features (onePass's results). Its scratch (the spans, each token's
// segments, the sums) stays with the pooled vector.
func (m *Model) logitsOnePass(fv *featureVec, z []float64) (int, float64, segSpan) {
	const step = segmentWords / 2
	fv.spans = fv.segmentSpans(fv.spans[:0])
	spans := fv.spans
	h := m.heads()
	if len(spans) < 2 || h == 0 {
		m.logits(fv.idx, fv.val, z)
		return -1, 0, segSpan{}
	}
	// win[2p], win[2p+1]: the segments holding token p (its sentence's
	// window off/step and the one before it, -1 for none).
	fv.win = fv.win[:0]
	for j, n := 0, int32(0); j < len(fv.starts); j++ {
		lo, hi := fv.starts[j], fv.sentenceEndAt(j)
		nw := windowsOf(hi - lo)
		for off := int32(0); off < hi-lo; off++ {
			k, a, b := off/step, int32(-1), int32(-1)
			if k < nw {
				a = n + k
			}
			if k > 0 {
				b = n + k - 1
			}
			fv.win = append(fv.win, a, b)
		}
		n += nw
	}
	wi, sc := m.interleaved()
	n := (len(spans) + 2) * h // the shared features' sums, then the whole text's, last
	if cap(fv.acc) < n {
		fv.acc = make([]float64, n)
	}
	acc := fv.acc[:n]
	clear(acc)
	shared, whole := acc[len(spans)*h:(len(spans)+1)*h], acc[(len(spans)+1)*h:]
	// Features come mostly in token order, a run of them to the same
	// segments: the run's sums are kept apart and added to the whole
	// text's and to its segments' when it ends.
	var run [8]float64
	ra, rb := int32(sharedRun), int32(-1) // the run's segments
	last := int32(-1)                     // the run's last position
	for i, ix := range fv.idx {
		if p := fv.pos[i]; p != last {
			last = p
			a, b := int32(sharedRun), int32(-1)
			if p >= 0 && int(p) < len(fv.win)/2 {
				a, b = fv.win[2*p], fv.win[2*p+1]
			}
			if a != ra || b != rb {
				addRun(&run, ra, rb, acc, shared, whole)
				ra, rb = a, b
			}
		}
		v, w := float64(fv.val[i]), wi[int(ix)*h:int(ix)*h+h]
		for j, x := range w {
			run[j] += float64(x) * v
		}
	}
	addRun(&run, ra, rb, acc, shared, whole)
	for j := range z {
		z[j] = m.Meta.Bias[j] + whole[j]*sc[j]
	}
	best, bestZ, bestS := -1, math.Inf(-1), 0
	for s := range spans {
		for j := 0; j < h; j++ {
			if z := m.Meta.Bias[j] + (acc[s*h+j]+shared[j])*sc[j]; z > bestZ {
				best, bestZ, bestS = j, z, s
			}
		}
	}
	return best, 1 / (1 + math.Exp(-bestZ)), spans[bestS]
}

// sharedRun marks a run of the text's own features (onePass).
const sharedRun = -2

// addRun adds a run's sums to the whole text's and to its segments a and
// b (-1: none) or to the shared sums, and clears it.
func addRun(run *[8]float64, a, b int32, acc, shared, whole []float64) {
	h := len(whole)
	for j := range whole {
		whole[j] += run[j]
	}
	if a == sharedRun {
		for j := range shared {
			shared[j] += run[j]
		}
	}
	if a >= 0 {
		s := acc[int(a)*h : int(a)*h+h]
		for j := range s {
			s[j] += run[j]
		}
	}
	if b >= 0 {
		s := acc[int(b)*h : int(b)*h+h]
		for j := range s {
			s[j] += run[j]
		}
	}
	*run = [8]float64{}
}

// segment returns the features of fv the segment sp reads: the shared
// ones and those of its tokens.
func (fv *featureVec) segment(sp segSpan) *featureVec {
	out := &featureVec{}
	for i, p := range fv.pos {
		if p < 0 || p >= sp.lo && p < sp.hi {
			out.idx = append(out.idx, fv.idx[i])
			out.val = append(out.val, fv.val[i])
			out.desc = append(out.desc, fv.desc[i])
			out.pos = append(out.pos, p)
		}
	}
	return out
}

// OnePassSegments returns the model's features of text (without names)
// and those of each of its one-pass segments (as the engine reads them:
// the shared features and the segment's own), nil for a text of one
// segment; the trainer scores them with its models.
func OnePassSegments(text string) (Features, []Features) {
	var whole Features
	var out []Features
	analyzeText(text, &featureVec{ls: ExtractLinks(text)}, func(fv *featureVec) {
		whole.Idx = append([]uint32(nil), fv.idx...)
		whole.Val = append([]float32(nil), fv.val...)
		spans := fv.segmentSpans(nil)
		if len(spans) < 2 {
			return
		}
		for _, sp := range spans {
			s := fv.segment(sp)
			out = append(out, Features{Idx: s.idx, Val: s.val})
		}
	})
	return whole, out
}
