package screen

import (
	"math"
)

// The model's reading of each segment of a text in the same pass as the
// whole text's: every feature is attributed to the segment of the token
// that produced it (a frame's to its clause's first token's), the text's
// own features (detectors' scores, links, message flags, the bias
// feature) are shared by every segment, and a segment's log-odds per head
// are the bias, the shared features' weights and its own features'. The
// segments are the sentences (a sentence boundary of the tokenizer: . ! ?
// ; : …) and the lines, cut every segmentWords tokens: one reading of the
// text, not one per segment (segmentFinding's separate readings cost 75 %
// more CPU on the benchmark messages). fill records them (fv.pos).
//
// It is not the separate reading's probability (a segment read alone has
// its own frames and detectors' scores, and a feature repeated in two
// sentences counts in the first only): the engine uses it as a gate
// (SegmentPassGate), the separate reading holds.

// segOf returns token i's one-pass segment (-1: none).
func (fv *featureVec) segOf(i int) int32 {
	if i < 0 || i >= len(fv.tokSeg) {
		return -1
	}
	return fv.tokSeg[i]
}

// logitsOnePass sets z (len(z) = heads) to the heads' log-odds of fv, as
// logits does, and reads its one-pass segments in the same loop over the
// features: it returns, over them, the strongest head and its
// probability; -1 for a text of one segment (its probability is the whole
// text's) or a model without heads. Features come in runs of one segment's:
// a run's sums are kept apart and added to the whole text's and to its
// segment's (or to the shared ones) when it ends.
func (m *Model) logitsOnePass(fv *featureVec, z []float64) (int, float64) {
	h, ns := m.heads(), int(fv.nseg)
	if ns < 2 || h == 0 {
		m.logits(fv.idx, fv.val, z)
		return -1, 0
	}
	wi, sc := m.interleaved()
	n := (ns + 2) * h // then the shared features' sums, then the whole text's
	if cap(fv.acc) < n {
		fv.acc = make([]float64, n)
	}
	acc := fv.acc[:n]
	clear(acc)
	shared, whole := acc[ns*h:(ns+1)*h], acc[(ns+1)*h:]
	var run [8]float64
	seg := int32(-1) // the run's segment
	for i, ix := range fv.idx {
		if p := fv.pos[i]; p != seg {
			addRun(&run, seg, acc, shared, whole)
			seg = p
		}
		v, w := float64(fv.val[i]), wi[int(ix)*h:int(ix)*h+h]
		for j, x := range w {
			run[j] += float64(x) * v
		}
	}
	addRun(&run, seg, acc, shared, whole)
	for j := range z {
		z[j] = m.Meta.Bias[j] + whole[j]*sc[j]
	}
	best, bestZ := -1, math.Inf(-1)
	for s := 0; s < ns; s++ {
		for j := 0; j < h; j++ {
			if z := m.Meta.Bias[j] + (acc[s*h+j]+shared[j])*sc[j]; z > bestZ {
				best, bestZ = j, z
				fv.oneSeg = int32(s)
			}
		}
	}
	return best, 1 / (1 + math.Exp(-bestZ))
}

// addRun adds a run's sums to the whole text's and to segment s's (or to
// the shared ones, s < 0 or out of range), and clears it.
func addRun(run *[8]float64, s int32, acc, shared, whole []float64) {
	h := len(whole)
	to := shared
	if s >= 0 && int(s+1)*h <= len(acc)-2*h {
		to = acc[int(s)*h : int(s+1)*h]
	}
	for j := range whole {
		whole[j] += run[j]
		to[j] += run[j]
	}
	*run = [8]float64{}
}

// segment returns the features of fv segment s reads: the shared ones and
// its own.
func (fv *featureVec) segment(s int32) *featureVec {
	out := &featureVec{}
	for i, p := range fv.pos {
		if p < 0 || p >= fv.nseg || p == s {
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
		if fv.nseg < 2 {
			return
		}
		for s := int32(0); s < fv.nseg; s++ {
			g := fv.segment(s)
			out = append(out, Features{Idx: g.idx, Val: g.val})
		}
	})
	return whole, out
}
