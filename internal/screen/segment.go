package screen

import (
	"fmt"
	"strings"
	"sync"
)

// SegmentHoldLine is the probability of a harmful head on one segment of
// a text (Segments) from which the model holds the text on its own, when
// the rules found something (SegmentGate) but not enough to hold it, or
// the model's one-pass reading of its sentences points at one
// (SegmentPassGate).
//
// Why: over a whole message a linear model adds the weights of every
// feature, and the benign words of a long message carry negative ones, so
// one harmful sentence buried in ordinary school talk reads as ordinary.
// In the leave-one-set-out with every left-out row buried in a long benign
// row of another set (screentrain -buried), main held 3,236 of 5,918
// buried harmful rows (plain: 5,446); with this hold, the whole text's
// line set for the same 2 % of plain benign rows, 3,489 (plain 5,453;
// seed 2: 3,196 → 3,493, plain 5,393 → 5,397), benign concatenations
// held 207 → 208 and 208 → 208 (docs/screen/NOTES.md « Twenty-eighth
// round »). The trainer calibrates the whole text's line with this hold.
const SegmentHoldLine = 0.97

// SegmentGate is the rules' score from which a text they do not hold is
// read segment by segment: a detector's finding (the score from which it
// gives a reason). Without the gate the segments held 4,235 buried rows
// (seed 2: 4,293) but read every text of several sentences twice, 75 %
// more CPU on the benchmark messages; gated at the model's whole-text
// probability instead, the dilution that makes the segment pass needed
// also closes the gate (≥ 0.01: 3,385).
const SegmentGate = 0.3

// SegmentPassGate is the model's probability on a sentence of the text,
// read in the text's own pass (onePass, segscore.go), from which a text
// the rules do not flag is read segment by segment too. Three quarters of
// the dilution's loss were texts the rules say nothing of; reading all of
// them twice held 4,235 buried rows (seed 2: 4,293), this gate 4,206
// (4,260) against 3,489 (3,493) for the rules' gate alone, and it opens on
// 2 % of the plain benign texts of several sentences (56 of 2,574), none
// of the benchmark messages (docs/screen/NOTES.md « Twenty-ninth round »).
const SegmentPassGate = 0.8

// segmentsWith returns the segments of segs that hold the sentence one
// (its words, spaced as Segments spaces them), or segs when none does:
// opened by the one-pass gate alone, the segment hold reads those. Reading
// every segment of a benign text whose one sentence looked harmful cost
// the benchmark's hyperbole message four times its time; reading the
// one-pass sentence alone instead held 67 more benign texts of 89,070
// (a quotation read without the sentence that reports it).
func segmentsWith(segs []string, one string) []string {
	one = strings.Join(strings.Fields(one), " ")
	var out []string
	for _, s := range segs {
		if strings.Contains(s, one) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return segs
	}
	return out
}

// segmentFinding is the model's hold on a segment of a text: the first
// of segs whose strongest head reaches SegmentHoldLine. It is asked only
// of a text nothing else holds, at the rules' gate or the one-pass gate,
// and holds it at holdAt (for a moderator; never a rejection).
func (e *Engine) segmentFinding(in Input, segs []string, holdAt float64) (finding, bool) {
	if len(segs) == 0 {
		return finding{}, false
	}
	var f finding
	for _, seg := range segs {
		e.analyzeModel(in, seg, ExtractLinks(seg), func(fv *featureVec) {
			h, p := e.model.strongest(fv)
			if h < 0 || p < SegmentHoldLine {
				return
			}
			f = finding{holdAt, fmt.Sprintf("%s (modèle, sur une phrase, p %.2f) : %s (score %.2f)", headReason[e.model.Meta.Heads[h]], p, e.model.reasonParts(fv, h), holdAt)}
		})
		if f.reason != "" {
			return f, true
		}
	}
	return finding{}, false
}

// reportCues are the words by which a writer says that what is quoted was
// written, said, sent or shown by someone else: « le message disait : "…" »,
// « il a écrit sur Snap « … » », « je vous en cite un extrait ».
var reportCues = sync.OnceValue(func() map[string]bool {
	return keySet(`écrit écrite écrits écrivait disait dit dite déclaré déclarée déclare reçu reçue reçus reçues
		envoyé envoyée envoyés publié publiée posté postée transféré transférée transfère transfert montré montrée
		cité cite citer extrait capture captures story screenshot
		affirmé affirmait prétendu prétendait répété répétait crié criait hurlé hurlait raconté chanté chantait tagué taguée`)
})

// spreadCues call on the reader to pass a quotation on: a forward to
// spread it (« reçu d'un pote : "…" partagez à vos classes »), not a
// report. « tourner » and « passer » count after faites or fais.
var spreadCues = sync.OnceValue(func() map[string]bool {
	return keySet("partagez diffusez relayez transférez repostez share")
})

// unquoteReported returns text with the words inside its quotation marks
// blanked, when a word outside them reports the quotation (reportCues);
// otherwise text itself, and when a word calls on the reader to pass the
// quotation on (spreadCues). The segment hold reads one sentence without the
// rest of the message: a threat a pupil, a parent or a teacher quotes to
// report it (« ma fille a reçu ce soir : "une bombe va exploser demain" »)
// read alone is the threat, while the whole text's reading, which holds
// the report with it, is the model's judgement of the message. The
// writer's own words around the quotation are still read segment by
// segment (« il a écrit "…" et il a raison, on le fera »).
func unquoteReported(text string) string {
	// Most texts quote nothing: no second analysis for them (the segment
	// hold runs on a tenth of ordinary messages).
	if !strings.ContainsAny(text, "«“\">") {
		return text
	}
	nb := getBufs()
	defer putBufs(nb)
	a := nb.analyze(text)
	quoted, cue := false, false
	for i := range a.toks {
		t := &a.toks[i]
		switch {
		case t.flags&tQuoted != 0:
			quoted = true
		case spreadCues()[t.key] || (t.key == "tourner" || t.key == "paser") && i > 0 && (a.toks[i-1].key == "faites" || a.toks[i-1].key == "fais"):
			return text
		case reportCues()[t.key]:
			cue = true
		}
	}
	if !quoted || !cue {
		return text
	}
	b := []byte(a.src)
	for i := range a.toks {
		if t := &a.toks[i]; t.flags&tQuoted != 0 {
			for j := t.start; j < t.end; j++ {
				b[j] = ' '
			}
		}
	}
	return string(b)
}
