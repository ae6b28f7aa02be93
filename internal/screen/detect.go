package screen

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// dtok is a detection token: a normalised word, or a merged compound.
type dtok struct {
	key, alt   string
	start, end int // source span
	flags      uint8
	class      uint64
	neutral    bool // hidden by a benign fixed phrase
	hyper      bool // an act verb whose object is a thing (« le tuer ce contrôle »): hides the patterns over it
	covered    bool // inside a core or context hit (so not a negator)
	detached   bool // in a clause with an act, outside the act's phrase (frames22.go): frames nothing
	neg        bool // a negation word outside any urgency phrase
	info       *keyInfo
	altInfo    *keyInfo
}

type hit struct {
	e          int32
	start, end int // token range [start, end)
	anchor     int
	w          float64
}

// scratch holds per-call buffers, pooled to keep Check cheap.
type scratch struct {
	toks  []dtok
	hits  []hit
	stamp []int32
	mark  int32 // the last mark written in stamp (matchAll)
	// seen[id] == gen when an element id's words occur in the message;
	// feasible[entry] is gen*2 (impossible) or gen*2+1 (possible).
	gen      uint32
	seen     []uint32
	feasible []uint32
	clause   []int
	frames   []frame
	fts      []ftok
	keys     keyCache
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{stamp: make([]int32, len(lx.entries)), seen: make([]uint32, lx.nLater), feasible: make([]uint32, len(lx.entries))}
}}

// detectorScore is the outcome of one detector.
type detectorScore struct {
	score  float64
	reason string
}

// textScores runs every detector over text and returns their scores.
func textScores(text string) [numDetectors]detectorScore {
	return analyzeText(text, nil, nil)
}

// analyzeText runs the lexicon detectors and the clause frames over text.
// When fv is not nil it also fills the learned model's features (words,
// frames, detector scores, links) and calls post with them while the
// analysis buffers they point into are still held.
func analyzeText(text string, fv *featureVec, post func(*featureVec)) [numDetectors]detectorScore {
	nb := getBufs()
	defer putBufs(nb)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	a, kis := nb.repairWordsInfo(nb.expandChat(nb.analyze(text)), &sc.keys)
	toks := buildTokensInfo(a, sc.toks[:0], &sc.keys, kis)
	sc.toks = toks
	if cap(sc.clause) < len(toks) {
		sc.clause = make([]int, len(toks))
	}
	clause := sc.clause[:len(toks)]
	var frames []frame
	if alwaysParseFrames || needFrames(toks) {
		var fts []ftok
		frames, fts = parseFrames(a.src, toks, clause, sc.frames[:0], sc.fts)
		sc.frames, sc.fts = frames, fts
	} else {
		for i := range clause {
			clause[i] = 0
		}
	}
	hits := matchAll(toks, sc)
	sc.hits = hits
	// The short sentences appended after the act (frames24.go), read by
	// the rules' captions and the frames alike: neither changes what it
	// reads.
	from := appendedFrom(toks, frames)
	ds := scoreAll(a.src, toks, hits, clause, frames, from)
	// The clause frames find acts the lexicon patterns do not spell out;
	// each detector keeps the stronger reading.
	for d, f := range frameScoresFrom(toks, frames, from) {
		if f.score > ds[d].score {
			ds[d] = f
		}
	}
	if s, why := credentialRequest(a.src, toks); s > ds[detPhishing].score {
		ds[detPhishing] = detectorScore{score: s, reason: why}
	}
	if s, why := voucherRequest(toks); s > ds[detPhishing].score {
		ds[detPhishing] = detectorScore{score: s, reason: why}
	}
	if s, why := macroLure(a.src, toks); s > ds[detPhishing].score {
		ds[detPhishing] = detectorScore{score: s, reason: why}
	}
	if s, why := paymentDiversion(toks); s > ds[detPhishing].score {
		ds[detPhishing] = detectorScore{score: s, reason: why}
	}
	if s, why := exposureThreat(a.src, toks); s > ds[detSextortion].score {
		ds[detSextortion] = detectorScore{score: s, reason: why}
	}
	if s, why := ultimatumThreat(a.src, toks); s > ds[detViolence].score {
		ds[detViolence] = detectorScore{score: s, reason: why}
	}
	if s, why := recruitOrImitate(toks); s > ds[detApology].score {
		ds[detApology] = detectorScore{score: s, reason: why}
	}
	if s, why := fateThreat(toks); s > ds[detViolence].score {
		ds[detViolence] = detectorScore{score: s, reason: why}
	}
	vm, vmWhy := violentMedia(toks)
	if vm > ds[detViolence].score {
		ds[detViolence] = detectorScore{score: vm, reason: vmWhy}
	}
	en := englishThreat(a.src, toks) // zero on a French text (english.go)
	en.raise(&ds)
	if fv != nil {
		for i := range toks {
			if ki := toks[i].info; ki != nil {
				fv.lure |= ki.lure
			}
		}
		fv.langFeatures(a.src, toks) // first: fill reads fv.foreign
		fv.sound = nb.rewrites >= 2
		fv.src = a.src
		fv.fill(toks, frames, clause, &ds)
		if vm > 0 {
			// Its own feature: the violence detector's score is shared
			// with readings the model weighs otherwise.
			fv.addName("cadre : images violentes diffusées", frameValue)
		}
		if en.any() {
			// The English reader's own feature (english.go).
			fv.addName("en : menace", frameValue)
		}
		if found, cond := mishapOf(toks); found {
			if cond {
				fv.addName("message : malheur évoqué (si)", frameValue)
			} else {
				fv.addName("message : malheur évoqué", frameValue)
			}
		}
		fv.xlFeatures(toks)
		fv.links()
		fv.capRepeats()
		if post != nil {
			post(fv)
		}
		fv.src = "" // the pooled vector keeps no text
	}
	return ds
}

// buildTokens merges compounds and computes token classes.
func buildTokens(a analysis, out []dtok) []dtok {
	return buildTokensCached(a, out, nil)
}

// buildTokensCached is buildTokens with the keys' information looked up
// through kc (nil: the lexicon's shared cache only).
func buildTokensCached(a analysis, out []dtok, kc *keyCache) []dtok {
	return buildTokensInfo(a, out, kc, nil)
}

// buildTokensInfo is buildTokensCached with the keyInfo of a's tokens when
// the caller has them (kis, or nil).
func buildTokensInfo(a analysis, out []dtok, kc *keyCache, kis []*keyInfo) []dtok {
	ts := a.toks
	for i := 0; i < len(ts); i++ {
		t := &ts[i]
		var ki *keyInfo
		if kis != nil {
			ki = kis[i]
		} else {
			ki = kc.info(t.key)
		}
		if key, n := attackDateAt(a.src, ts, i); n > 0 {
			out = append(out, mergedTok(ts[i:i+n], key, kc))
			i += n - 1
			continue
		}
		if cs := ki.comps; cs != nil {
			merged := false
			for _, c := range cs {
				if i+len(c.parts) > len(ts) {
					continue
				}
				okc := true
				for k, p := range c.parts {
					if ts[i+k].key != p || (k > 0 && ts[i+k].flags&tSentence != 0) {
						okc = false
						break
					}
				}
				if okc {
					out = append(out, mergedTok(ts[i:i+len(c.parts)], c.merged, kc))
					i += len(c.parts) - 1
					merged = true
					break
				}
			}
			if merged {
				continue
			}
		}
		d := dtok{key: t.key, alt: t.alt, start: t.start, end: t.end, flags: t.flags}
		d.info = ki
		d.class = d.info.class
		if d.alt != "" {
			d.altInfo = kc.info(d.alt)
			d.class |= d.altInfo.class
		}
		out = append(out, d)
	}
	return out
}

// mergedTok is the one detection token of the words parts (a compound, an
// attack date in figures): the first word's flags, with the obfuscation,
// quotation and emoji flags of any of them.
func mergedTok(parts []token, key string, kc *keyCache) dtok {
	d := dtok{key: key, start: parts[0].start, end: parts[len(parts)-1].end, flags: parts[0].flags}
	for _, p := range parts {
		d.flags |= p.flags & (tObf | tQuoted | tEmoji)
	}
	d.info = kc.info(key)
	d.class = d.info.class
	return d
}

// matchAll finds every lexicon pattern in toks.
func matchAll(toks []dtok, sc *scratch) []hit {
	hits := sc.hits[:0]
	stamp := sc.stamp
	// An entry can only match if each of its later word elements matches
	// some token: mark the element ids and classes present in the message.
	sc.gen++
	if sc.gen >= 1<<30 {
		sc.gen = 1
		clear(sc.seen)
		clear(sc.feasible)
	}
	gen, seen, feasible := sc.gen, sc.seen, sc.feasible
	var classes uint64
	for i := range toks {
		t := &toks[i]
		classes |= t.class
		for _, id := range t.info.later {
			seen[id] = gen
		}
		if t.altInfo != nil {
			for _, id := range t.altInfo.later {
				seen[id] = gen
			}
		}
	}
	g0, g1 := gen*2, gen*2+1 // feasible: impossible, possible
	for i := range toks {
		t := &toks[i]
		// A token with an alternative tries the entries of both keys,
		// each once: stamp[entry] == mark when tried for this token.
		// A key's own candidates are distinct.
		list, alt := t.info.cands, t.altInfo != nil
		var mark int32
		if alt {
			if sc.mark >= 1<<30 {
				sc.mark = 0
				clear(stamp)
			}
			sc.mark++
			mark = sc.mark
		}
		for pass := 0; pass < 2; pass++ {
			if pass == 1 {
				if !alt {
					break
				}
				list = t.altInfo.cands
			}
			for _, ei := range list {
				if alt {
					if stamp[ei] == mark {
						continue
					}
					stamp[ei] = mark
				}
				e := &lx.entries[ei]
				switch feasible[ei] {
				case g0:
					continue
				case g1:
				default:
					feasible[ei] = g1
					for _, r := range e.req {
						if r.class&classes == 0 && (r.id < 0 || seen[r.id] != gen) {
							feasible[ei] = g0
							break
						}
					}
					if feasible[ei] == g0 {
						continue
					}
				}
				// The candidates of a key are the entries whose first
				// element matches it (or its alternative): matching
				// starts at the second.
				anchor := -1
				if e.elems[0].anchor {
					anchor = i
				}
				if end, anchor, ok := matchFrom(toks, e.elems, 1, i+1, i, anchor); ok {
					if anchor < 0 {
						anchor = i
					}
					hits = append(hits, hit{e: ei, start: i, end: end, anchor: anchor, w: e.w})
				}
			}
		}
	}
	return hits
}

func trailingZeros(x uint64) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

// matchFrom matches elems[k:] starting at token i; start is the first token
// of the match. It returns the end (exclusive) and the anchor token.
func matchFrom(toks []dtok, elems []elem, k, i, start, anchor int) (int, int, bool) {
	if k == len(elems) {
		return i, anchor, true
	}
	el := &elems[k]
	if el.gap > 0 {
		for g := 0; g <= el.gap; g++ {
			j := i + g
			if j >= len(toks) || (j > start && toks[j].flags&tSentence != 0) {
				break
			}
			if end, a, ok := matchFrom(toks, elems, k+1, j, start, anchor); ok {
				return end, a, true
			}
		}
		return 0, 0, false
	}
	if i >= len(toks) || (i > start && toks[i].flags&tSentence != 0) || !elemMatches(el, &toks[i]) {
		return 0, 0, false
	}
	if el.anchor {
		anchor = i
	}
	return matchFrom(toks, elems, k+1, i+1, start, anchor)
}

func elemMatches(el *elem, t *dtok) bool {
	if el.class&t.class != 0 {
		return true
	}
	for _, k := range [2]string{t.key, t.alt} {
		if k == "" {
			continue
		}
		for _, x := range el.exact {
			if k == x {
				return true
			}
		}
		for _, p := range el.prefix {
			if strings.HasPrefix(k, p) {
				return true
			}
		}
	}
	return false
}

// featHit is the best hit of one feature.
type featHit struct {
	w    float64
	h    hit
	obf  bool
	emj  bool
	seen bool
}

// scoreAll applies neutral phrases, negations and stance, then scores each
// detector.
// appended is appendedFrom(toks, frames).
func scoreAll(src string, toks []dtok, hits []hit, clause []int, frames []frame, appended int) [numDetectors]detectorScore {
	var out [numDetectors]detectorScore
	if len(hits) == 0 {
		return out
	}
	// 1. Neutral phrases hide the word they anchor on.
	for _, h := range hits {
		if lx.entries[h.e].feat == neutral {
			toks[h.anchor].neutral = true
		}
	}
	// 2. Negation words, except those inside urgency phrases
	// ("ce n'est pas une blague" negates nothing).
	for i := range toks {
		toks[i].neg = toks[i].class&clNeg != 0
	}
	for _, h := range hits {
		if lx.entries[h.e].feat == thUrgency {
			for j := h.start; j < h.end; j++ {
				toks[j].neg = false
			}
		}
	}
	// 3. Mark tokens covered by core/context hits; negator words inside
	// them ("pendant les cours", "pas un exercice") do not count.
	quoted := 0
	for i := range toks {
		if toks[i].flags&tQuoted != 0 {
			quoted++
		}
	}
	mentionsOnly := quoted*5 >= len(toks)*4 // the whole message is quoted: not a mention
	var best [numFeatures]featHit
	kept := hits[:0]
	for _, h := range hits {
		e := &lx.entries[h.e]
		fi := feats[e.feat]
		if fi.role == roleNeutral {
			continue
		}
		if fi.role != roleNeg && toks[h.anchor].neutral {
			continue
		}
		if fi.role == roleCore && spansHyper(toks, h) {
			continue
		}
		if e.negatable && negated(src, toks, h) {
			continue
		}
		kept = append(kept, h)
		if fi.role == roleCtx {
			for j := h.start; j < h.end; j++ {
				toks[j].covered = true
			}
		}
	}
	cancel := false
	stance := [numDetectors]bool{}
	// Clauses (as bits) holding each negator and each detector's core: a
	// drill, lesson or report lowers a score only in the clause of the act.
	var negIn, negApart [numFeatures]uint64
	var coreIn [numDetectors]uint64
	var intentIn uint64 // the clauses of the threat's intention phrases
	// A detector whose every core word is inside a quotation, in a
	// message that is not itself all quoted, is a mention: « dire "je
	// vais te tuer" à un camarade est puni ».
	var coreQuoted, coreBare [numDetectors]bool
	clauseBit := func(tok int) uint64 {
		c := clause[tok]
		if c > 63 {
			c = 63
		}
		return 1 << uint(c)
	}
	capFrom := -1 // appendedFrom, found when a framing negator needs it
	for _, h := range kept {
		e := &lx.entries[h.e]
		fi := feats[e.feat]
		w := h.w
		if fi.role == roleNeg {
			if toks[h.anchor].covered || placeName(toks, h.anchor) || e.feat == ngLesson && h.anchor >= 2 && teacherOf(toks[h.anchor-2].key, toks[h.anchor-1].key) ||
				e.feat == ngLesson && h.anchor >= 1 && toks[h.anchor].key == "histoire" && affairDets[toks[h.anchor-1].key] ||
				e.feat == ngLesson && exposeVerb(toks, h.anchor) {
				continue
			}
			// A lesson, report, drill or fiction word in a caption after
			// an act anchored here frames nothing (frames26.go).
			if framingNeg[e.feat] && e.feat != ngGame {
				if capFrom < 0 {
					capFrom = captionAt(src, toks, frames, appended)
				}
				if h.anchor >= capFrom {
					continue
				}
			}
		} else if fi.role == roleCore && !mentionsOnly && toks[h.anchor].flags&tQuoted != 0 {
			w *= 0.5 // a quoted word is mentioned, not used
		}
		if e.feat == thUrgency && (strings.HasPrefix(e.src, "^pas") || strings.HasPrefix(e.src, "^not")) {
			cancel = true
		}
		if fi.stance && fi.role != roleNeg {
			stance[fi.det] = true
		}
		switch fi.role {
		case roleNeg:
			// A framing word run on after the act, outside its phrase
			// (frames22.go), frames only a bare mention.
			if toks[h.anchor].detached && framingNeg[e.feat] {
				negApart[e.feat] |= clauseBit(h.anchor)
			} else {
				negIn[e.feat] |= clauseBit(h.anchor)
			}
		case roleCtx:
			if e.feat == thIntent || e.feat == thIntentStrong {
				for j := h.start; j < h.end; j++ {
					intentIn |= clauseBit(j)
				}
			}
		case roleCore:
			for j := h.start; j < h.end; j++ {
				coreIn[fi.det] |= clauseBit(j)
			}
			if toks[h.anchor].flags&tQuoted != 0 {
				coreQuoted[fi.det] = true
			} else {
				coreBare[fi.det] = true
			}
		}
		fh := &best[e.feat]
		obf, emj := false, false
		for j := h.start; j < h.end; j++ {
			obf = obf || toks[j].flags&tObf != 0
			emj = emj || toks[j].flags&tEmoji != 0
		}
		if !fh.seen || w > fh.w {
			*fh = featHit{w: w, h: h, obf: obf || fh.obf, emj: emj || fh.emj, seen: true}
		} else {
			fh.obf = fh.obf || obf
			fh.emj = fh.emj || emj
		}
	}
	// A core clause that the frames read as a report (third person in the
	// past or passive, under a reporting verb, quoted) takes the report
	// discount even when the word that says so stands elsewhere.
	// A laugh does not make a joke of a grave act announced outright
	// (frame.grave): « on fait un carnage au self 😂 ».
	grave, schoolTime := false, false
	var reported, agentive uint64
	for i, fr := range frames {
		grave = grave || fr.grave() && !fr.play && !fr.score
		schoolTime = schoolTime || fr.schoolTime || fr.real
		if i < 64 && (fr.report || fr.quoted) {
			reported |= 1 << uint(i)
		}
		if i < 64 && fr.agentive() {
			agentive |= 1 << uint(i)
		}
	}
	// An intention counts in the act's clause or within two clauses of it:
	// « je viens vous voir à la récré » after a message reported to say
	// there will be a bomb is the writer's visit, not the bomb's.
	if near := coreIn[detThreat] | coreIn[detThreat]<<1 | coreIn[detThreat]>>1 | coreIn[detThreat]<<2 | coreIn[detThreat]>>2; intentIn != 0 && intentIn&near == 0 {
		best[thIntent].seen, best[thIntentStrong].seen = false, false
		stance[detThreat] = false
		for f := feature(1); f < numFeatures; f++ {
			if best[f].seen && feats[f].det == detThreat && feats[f].stance && feats[f].role != roleNeg {
				stance[detThreat] = true
			}
		}
	}
	for d := detector(0); d < numDetectors; d++ {
		var local, inClause [numFeatures]bool
		for _, n := range detNegators[d] {
			// The act's clause or one next to it: « préparez-vous au
			// match, on va vous exploser »; a game or contest also two
			// or three clauses before it, where a sports message names
			// the match, then the meeting, then the boast (« Match de
			// hand samedi contre Villeneuve : RDV 13h au gymnase. On va
			// les massacrer »).
			inClause[n] = negIn[n]&(coreIn[d]|coreIn[d]<<1|coreIn[d]>>1) != 0 || n == ngGame && negIn[n]&(coreIn[d]>>2|coreIn[d]>>3) != 0
			// In the act's clause; or anywhere when no clause of the act
			// has anyone performing, claiming or calling for it (a bare
			// mention: « combustion, explosion : chapitre 6 »).
			local[n] = negIn[n]&coreIn[d] != 0 || n == ngReport && best[n].seen && reported&coreIn[d] != 0 ||
				negIn[n]|negApart[n] != 0 && agentive&coreIn[d] == 0 || n == ngGame && inClause[n]
		}
		if grave {
			local[ngLaugh] = false
		}
		if schoolTime { // a game named does not excuse the school at a time (frames14.go), nor what is said to be real (frames39.go)
			local[ngGame], inClause[ngGame] = false, false
		}
		// A stance (an intention, an urgency) inside what is reported is
		// the reported sender's: when every clause of the act is a
		// report and a report word is seen, the discount is not weakened
		// by it (« un message disant qu'il y aura une fusillade »).
		st := stance[d] && !(coreIn[d] != 0 && reported&coreIn[d] == coreIn[d] && best[ngReport].seen)
		out[d] = scoreDetector(d, src, toks, &best, cancel, st, &local, &inClause)
		if coreQuoted[d] && !coreBare[d] && !mentionsOnly && out[d].score > 0 {
			out[d].score = math.Round(out[d].score*quoteFactor*1000) / 1000
			r := out[d].reason
			if i := strings.LastIndex(r, " (score "); i >= 0 {
				r = r[:i]
			}
			out[d].reason = r + " ; atténué : citation (score " + strconv.FormatFloat(out[d].score, 'f', 2, 64) + ")"
		}
	}
	return out
}

// spansHyper reports whether a hit covers an act verb whose object is a
// thing (frame.go, thingObject).
func spansHyper(toks []dtok, h hit) bool {
	for j := h.start; j < h.end && j < len(toks); j++ {
		if toks[j].hyper {
			return true
		}
	}
	return false
}

// placeName reports whether token i completes the name of a place
// ("bâtiment des sciences", "salle d'histoire"): then it says where, not
// that a lesson is being taught.
func placeName(toks []dtok, i int) bool {
	if i < 2 {
		return false
	}
	switch toks[i-1].key {
	case "de", "des", "d", "du":
		return toks[i-2].class&clPlace != 0
	}
	return false
}

// teacherNouns name a teacher by the subject taught (« le prof
// d'histoire »): the subject then names a person, not a lesson.
var teacherNouns = keySet("prof profs professeur professeurs professeure professeures enseignant enseignante enseignants enseignantes")

// affairDets are the determiners before « histoire » when it is an affair,
// not the school subject nor a story: « pour cette histoire », « quelle
// histoire ». A possessive or « une » may be a story (« dans mon histoire,
// le héros… »), and keeps the discount.
var affairDets = keySet("cette cet ces quelle")

// exposeVerb reports whether « expose(s) » at i is the verb exposer after
// its subject (« le CDI qui expose les dessins », « il s'expose »), not
// the pupil's talk (« mon exposé »), which frames a lesson.
func exposeVerb(toks []dtok, i int) bool {
	if k := toks[i].key; i == 0 || k != "expose" && k != "exposes" {
		return false
	}
	switch toks[i-1].key {
	case "qui", "il", "elle", "on", "je", "j", "tu", "s", "se", "me", "m", "te", "t":
		return true
	}
	return false
}

// teacherOf reports whether the two keys before a subject's name are a
// teacher noun and « de »: « la voiture du prof d'histoire » is no lesson.
func teacherOf(noun, prep string) bool {
	return (prep == "de" || prep == "d") && teacherNouns[noun]
}

// negated reports whether a negation word stands in the three tokens before
// the hit or right after it, in its clause: "aucune bombe", "pas de
// bombe", "il ne méritait pas". A comma between them ends the clause: the
// negation of a condition negates nothing after it (« si le document ne
// s'affiche pas, cliquez sur "Activer le contenu" »).
func negated(src string, toks []dtok, h hit) bool {
	for j := h.start - 1; j >= 0 && j >= h.start-3; j-- {
		if clauseApart(src, toks, j) {
			break
		}
		if toks[j].neg {
			return true
		}
	}
	if h.end < len(toks) && !clauseApart(src, toks, h.end-1) && (toks[h.end].key == "pas" || toks[h.end].key == "not") {
		return true
	}
	return false
}

// clauseApart reports whether a sentence or a clause break (a comma, a
// quotation mark, a parenthesis) stands between toks[j] and toks[j+1].
// Tokens of one chat word (« stp » read as three words) share a span.
func clauseApart(src string, toks []dtok, j int) bool {
	return toks[j+1].flags&tSentence != 0 || toks[j].end <= toks[j+1].start && clausePunct(src[toks[j].end:toks[j+1].start])
}

// Per-detector weights of the generic context features.
const (
	obfWeight   = 0.3
	emojiWeight = 0.15
)

// quoteFactor lowers a detector whose every core word is quoted, and
// gameInClause is the exponent of the game or sport discount when the game
// stands in the act's own clause (« on va les massacrer au basket »: the
// object of the act is an opponent).
const (
	quoteFactor  = 0.6
	gameInClause = 2
)

func scoreDetector(d detector, src string, toks []dtok, best *[numFeatures]featHit, cancel, stance bool, local, inClause *[numFeatures]bool) detectorScore {
	// Gather this detector's features. weights[f] is a core feature's
	// weight; on[f] says it counts (a fixed array: this runs for every
	// detector of every message).
	var weights [numFeatures]float64
	var on [numFeatures]bool
	var core, ctx [numFeatures]feature
	nCore, nCtx := 0, 0
	for f := feature(1); f < numFeatures; f++ {
		if !best[f].seen || feats[f].det != d {
			continue
		}
		switch feats[f].role {
		case roleCore:
			core[nCore] = f
			nCore++
			weights[f], on[f] = best[f].w, true
		case roleCtx:
			ctx[nCtx] = f
			nCtx++
		}
	}
	if nCore == 0 {
		return detectorScore{}
	}
	w := func(f feature) float64 { return best[f].w }
	// Detector-specific combinations: some words only count together.
	switch d {
	case detApology:
		refs := best[apExtremist].seen || best[apRef].seen
		if !refs {
			on[apApprove], on[apEmulate] = false, false
			if on[apVengeance] {
				weights[apVengeance] = 0.15
			}
		}
		if on[apJoin] && best[apExtremist].seen {
			weights[apJoin] = math.Max(weights[apJoin], 0.55)
		}
		if !best[apApprove].seen && !best[apVengeance].seen && !best[apHate].seen && !best[apJoin].seen && !best[apPraise].seen && !best[apEmulate].seen {
			stance = false
		}
	case detSextortion:
		if !best[sxIntimate].seen {
			if on[sxCoerce] {
				weights[sxCoerce] *= 0.6
			}
			on[sxMoney], on[sxRequest] = false, false
		}
	case detViolence:
		if nCore == 1 && best[viInsult].seen {
			weights[viInsult] = math.Min(0.3, w(viInsult))
		}
	}
	coreP := 1.0
	for _, f := range core[:nCore] {
		if on[f] {
			coreP *= 1 - weights[f]
		}
	}
	coreScore := 1 - coreP
	if coreScore <= 0 {
		return detectorScore{}
	}
	// Context counts in proportion to how strong the core is: a place and a
	// time around "tuer ce devoir" mean little.
	scale := math.Min(1, coreScore/0.4)
	p := 1 - coreScore
	for _, f := range ctx[:nCtx] {
		p *= 1 - w(f)*scale
	}
	obf, emj := false, false
	for _, f := range core[:nCore] {
		obf = obf || best[f].obf
		emj = emj || best[f].emj
	}
	if obf && d != detPhishing {
		p *= 1 - obfWeight*scale
	}
	if emj && d != detPhishing {
		p *= 1 - emojiWeight*scale
	}
	score := 1 - p
	// Stance: who speaks. Negators lower the score; a speaker who threatens
	// in person gets only a softened discount.
	factor, play := 1.0, 1.0
	var negs [numFeatures]feature
	nNeg := 0
	for _, n := range detNegators[d] {
		if !best[n].seen || !local[n] {
			continue
		}
		f := feats[n].factor
		if cancel && (n == ngDrill || n == ngLaugh) {
			continue
		}
		negs[nNeg] = n
		nNeg++
		if n == ngLaugh || n == ngGame {
			// Jokes and games are not softened by stance: "je te tue 😂".
			if n == ngGame && inClause[n] {
				f = math.Pow(f, gameInClause)
			}
			play *= f
			continue
		}
		factor *= f
	}
	if stance && factor < 1 {
		factor = math.Pow(factor, 0.3)
	}
	factor *= play
	score *= factor
	score = math.Round(score*1000) / 1000
	// The reason is written only when it can be shown: findings under 0.3
	// are not listed, but a phishing text is combined with the links
	// after this and may reach it.
	if score < 0.3 && d != detPhishing {
		return detectorScore{score: score}
	}
	var b strings.Builder
	b.WriteString(detectorNames[d])
	b.WriteString(": ")
	for i, f := range sortedByWeight(core[:nCore], &weights, &on) {
		if i > 0 {
			b.WriteString(" + ")
		}
		b.WriteString(quoteSpan(src, toks, best[f].h))
	}
	for _, f := range ctx[:nCtx] {
		b.WriteString(" + ")
		b.WriteString(feats[f].label)
		b.WriteByte(' ')
		b.WriteString(quoteSpan(src, toks, best[f].h))
	}
	if obf && d != detPhishing {
		b.WriteString(" + texte obfusqué")
	}
	for i, n := range negs[:nNeg] {
		if i == 0 {
			b.WriteString(" ; atténué : ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(feats[n].label)
		b.WriteByte(' ')
		b.WriteString(quoteSpan(src, toks, best[n].h))
	}
	b.WriteString(" (score ")
	b.WriteString(strconv.FormatFloat(score, 'f', 2, 64))
	b.WriteString(")")
	return detectorScore{score: score, reason: b.String()}
}

// sortedByWeight returns the features of fs that count, strongest first,
// in their order when equal (an insertion sort: there are a handful).
func sortedByWeight(fs []feature, w *[numFeatures]float64, on *[numFeatures]bool) []feature {
	out := make([]feature, 0, len(fs))
	for _, f := range fs {
		if !on[f] {
			continue
		}
		i := len(out)
		out = append(out, f)
		for i > 0 && w[out[i-1]] < w[f] {
			out[i] = out[i-1]
			i--
		}
		out[i] = f
	}
	return out
}

// quoteSpan shows the source text of a hit, quoted and shortened.
func quoteSpan(src string, toks []dtok, h hit) string {
	if h.start >= len(toks) || h.end <= h.start {
		return `""`
	}
	s := src[toks[h.start].start:toks[h.end-1].end]
	if len(s) > 60 {
		n := 60
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	if needsCollapse(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return strconv.Quote(s)
}

// needsCollapse reports whether s has whitespace other than single
// spaces between words (what strings.Fields and Join would change).
func needsCollapse(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if s[i+1] == ' ' {
				return true
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c >= 0x80:
			return true // non-ASCII spaces (U+00A0, U+2009…) too: the slow path decides
		}
	}
	return false
}

// mentioned reports whether toks[i] is inside a quotation in a message
// that is not all quoted: a word mentioned, not used (« du genre "je vais
// balancer tes photos" »). A message-level rule anchored there counts
// half, as a quoted core word of the lexicon does.
func mentioned(toks []dtok, i int) bool {
	if i < 0 || toks[i].flags&tQuoted == 0 {
		return false
	}
	quoted := 0
	for j := range toks {
		if toks[j].flags&tQuoted != 0 {
			quoted++
		}
	}
	return quoted*5 < len(toks)*4
}
