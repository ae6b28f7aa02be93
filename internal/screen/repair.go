package screen

// Spelling noise. Pupils and attackers write « jevaistetuer », « tuerce
// mec », « teur », « étrnagler », « j3 v41s t3 tu3r »: words glued
// together, letters swapped, dropped, doubled or replaced, digits for
// letters at a word's edge. The normaliser already joins spelt-out letters
// and squeezes runs; repairWords (on the detection path, after the chat
// rewrite) mends what is left, for words the morphology table does not
// know only (a French word is never rewritten), and only towards the words
// that carry a threat (act verbs, death, groups of people):
//
//   - a glued word is split into known words, one of which at least is a
//     function word (determiner, pronoun, preposition, auxiliary) and one
//     an act or a group of people: tuerce → tuer ce, demourir → de mourir,
//     cethomo → cet homo; never a word written with a capital inside a
//     sentence (a name);
//   - a word at one edit (a letter swapped with its neighbour, dropped,
//     added or replaced) from a form of an act verb becomes that form when
//     the message also names a target (te, vous, lui, leur, a group of
//     people): teur → tuer, egorje → egorge; from a noun of a group of
//     people when the message has an act (blck → black). One edit only,
//     words of four letters or more, and only when every form in reach
//     is of the same act;
//   - an elided clitic or negation glued to a verb is cut off: louvrir →
//     l'ouvrir, noublie → n'oublie;
//   - a short word ending in digits that spells a function word with its
//     digits read as letters takes it: j3 → je, t3 → te.
//
// Normalize, whose output other packages hash and compare, is unchanged.

import (
	"iter"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// wordFix is the repair of one unknown key, decided once per key.
type wordFix struct {
	parts []string // a glued word's pieces, or nil
	edit  string   // the group noun at one edit, or ""
	group bool     // edit is a group noun (needs an act in the message)
	inf   string   // the act verb's infinitive at one edit (or its é spelling), or ""
	part  string   // the act verb's participle at one edit, or ""
	glue  bool     // parts are an elided clitic and a verb: only in a verb's slot
	phon  bool     // a word spelt by its sound (phon.go): inf in an infinitive's slot, else part
	// long: a long key no table knows, cut by the segmenter of glued
	// words (glue.go) where glueChunkOK allows, or by its camel case even
	// when the segmenter does not cut it.
	long bool
}

// repairFunc are the function words a glued word may hold.
var repairFunc = wordSet("je j te t me m se s le la les l lui leur vous nous on il ils elle elles ce cet cette ces de d du des a au aux en y un une tous toutes tout toute mon ma mes ton ta tes son sa ses sur dans par pour avec sans ne n qu que qui va vais vas vont allons allez veux veut faut doit devrait")

// repairTargets are the words that make a message name a target for the
// edit repair of act verbs.
var repairTargets = wordSet("te t vous lui leur toi les ces tous toutes")

type editVocab struct {
	form   map[string]actClass // key of a form → its act (actNone: a group noun)
	mood   map[string]uint8    // key of a verb form → slotInf | slotPart
	del    map[string][]string // a form with one letter deleted → the forms
	lemmas map[string]actClass // the act verbs' lemma keys
}

// Slots of a repaired verb form: an infinitive after a verb of motion,
// will or duty or after de, à, pour; a participle after être or avoir.
const (
	slotInf uint8 = 1 << iota
	slotPart
)

var (
	editOnce sync.Once
	editV    *editVocab
)

// editVocabulary collects, from the morphology table, the forms of the
// act verbs (the killing, burning, exploding, shooting, stabbing,
// beheading and attacking lists and the slang verbs of beating; not plant
// or arm, whose verbs are everyday words) and the nouns of groups of
// people.
func editVocabulary() *editVocab {
	editOnce.Do(func() {
		v := &editVocab{form: map[string]actClass{}, mood: map[string]uint8{}, del: map[string][]string{}}
		lemmas := map[string]actClass{}
		v.lemmas = lemmas
		for c, ws := range actLemmas {
			if c == actPlant || c == actArm {
				continue
			}
			for _, w := range strings.Fields(ws) {
				lemmas[keyOf(w)] = c
			}
		}
		// The slang verbs of beating and killing: acts only with a person
		// as the object, which the frames check on the mended word too.
		for _, w := range strings.Fields(pupilSlangVerbs) {
			if _, ok := lemmas[keyOf(w)]; !ok {
				lemmas[keyOf(w)] = actAttack
			}
		}
		for c, ws := range slangActs {
			for _, w := range strings.Fields(ws) {
				if _, ok := lemmas[keyOf(w)]; !ok {
					lemmas[keyOf(w)] = c
				}
			}
		}
		for ml := range morphLines(4) {
			k := ml.key
			c, ok := lemmas[ml.lemma]
			if !ok {
				continue
			}
			e, err := parseMorphLine(ml.line)
			if err != nil || e.POS != POSVerb {
				continue
			}
			var m uint8
			if e.Moods&MoodInfinitive != 0 {
				m |= slotInf
			}
			if e.Moods&MoodPastParticiple != 0 {
				m |= slotPart
			}
			if m != 0 {
				v.form[k] = c
				v.mood[k] |= m
			}
		}
		for _, w := range strings.Fields(peopleWords) {
			if k := keyOf(w); len(k) >= 4 {
				if _, ok := v.form[k]; !ok {
					v.form[k] = actNone
				}
			}
		}
		for f := range v.form {
			for i := range f {
				d := f[:i] + f[i+1:]
				v.del[d] = append(v.del[d], f)
			}
		}
		editV = v
	})
	return editV
}

// osa1 reports whether a and b are at one edit (insertion, deletion,
// substitution or transposition of neighbours).
func osa1(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	switch {
	case la == lb:
		i := 0
		for i < la && a[i] == b[i] {
			i++
		}
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la == lb+1:
		a, b = b, a
		la, lb = lb, la
		fallthrough
	case la+1 == lb:
		i := 0
		for i < la && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// editFix returns the act form or group noun at one edit from key, when
// every form in reach names the same act (or all are group nouns). A group
// noun is reached only by a letter dropped (blck → black): the other
// edits turn too many ordinary nouns into groups (pays, gars, trucs).
func editFix(key string) (fix *wordFix) {
	if len(key) < 4 || len(key) > 20 {
		return nil
	}
	v := editVocabulary()
	// A first-group act verb spelt by its sound (« tuai », « égorjai »
	// once the j is read, « poignardait »): the stem and an ending heard
	// as /e/ stand for the infinitive (fifteenth round).
	for _, end := range [...]string{"aient", "ais", "ait", "ai", "ez", "ees", "ee", "es", "e"} {
		if strings.HasSuffix(key, end) && len(key)-len(end) >= 2 {
			if f := key[:len(key)-len(end)] + "er"; v.form[f] != actNone && v.mood[f]&slotInf != 0 {
				return &wordFix{inf: f}
			}
		}
	}
	var cands []string
	try := func(f string) {
		if !osa1(key, f) {
			return
		}
		verb := v.form[f] != actNone
		switch {
		case len(f) == len(key)+1: // a letter dropped
			if verb && len(key) < 5 || !verb && (f == key+"s" || f == key+"x") {
				return // cone is no cogne; a singular is no typo
			}
		case len(f)+1 == len(key): // a letter added
			if !verb {
				return
			}
		default: // swapped, or replaced by a letter of the same sound
			if !verb || !swapped(key, f) && !soundAlike(key, f) {
				return
			}
		}
		cands = append(cands, f)
	}
	for _, f := range v.del[key] { // a letter dropped
		try(f)
	}
	for i := range key {
		d := key[:i] + key[i+1:]
		if _, ok := v.form[d]; ok { // a letter added
			try(d)
		}
		for _, f := range v.del[d] { // replaced or swapped
			try(f)
		}
	}
	if len(cands) == 0 {
		// No form at one edit: the sound ending with one more slip in
		// the stem (« pognardai » → pognarder → poignarder). The sound
		// ending is one edit, the stem's slip the second; only an act's
		// infinitive is taken, on a stem of five letters or more.
		for _, end := range [...]string{"aient", "ais", "ait", "ai", "ez", "ees", "ee", "es", "e"} {
			if strings.HasSuffix(key, end) && len(key)-len(end) >= 5 {
				if f := key[:len(key)-len(end)] + "er"; v.form[f] == actNone && len(morphLookup(f)) == 0 {
					if fx := editFix(f); fx != nil && !fx.group && fx.inf != "" {
						return &wordFix{inf: fx.inf}
					}
				}
				break
			}
		}
		return nil
	}
	c0 := v.form[cands[0]]
	fix = &wordFix{group: c0 == actNone}
	for _, f := range cands {
		if v.form[f] != c0 {
			return nil // two readings: leave it
		}
		if fix.group {
			if fix.edit == "" || f < fix.edit {
				fix.edit = f
			}
			continue
		}
		m := v.mood[f]
		if m&slotInf != 0 && (fix.inf == "" || f < fix.inf) {
			fix.inf = f
		}
		if m&slotPart != 0 && (fix.part == "" || f < fix.part) {
			fix.part = f
		}
	}
	// Pupils write the infinitive as the participle (« je vais te
	// poignardé »): a participle in é also stands for its infinitive.
	if p := fix.part; fix.inf == "" && strings.HasSuffix(p, "e") && v.mood[p+"r"]&slotInf != 0 {
		fix.inf = p + "r"
	}
	return fix
}

// swapped reports whether a and b (same length, one edit apart) differ by
// two neighbouring letters swapped.
func swapped(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i]
}

// soundAlike reports whether a and b (same length, one letter apart)
// differ by letters of one sound: s and c, g and j, i and y, c and k, s
// and z (défonsé, égorjé, linché, gazer).
func soundAlike(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return false
	}
	x, y := a[i], b[i]
	if x > y {
		x, y = y, x
	}
	switch string([]byte{x, y}) {
	case "cs", "gj", "iy", "ck", "sz":
		return true
	}
	return false
}

// knownPiece tells whether p may be a piece of a glued word, and whether
// it carries a threat (an act or a group of people) or is a function word.
func (l *lexicon) knownPiece(p string) (known, salient, fn bool) {
	if repairFunc[p] && (len(p) >= 2 || p == "a") {
		return true, false, true
	}
	if len(p) < 3 {
		return false, false, false
	}
	if groupLexicon().cue[p]&gcPeople != 0 || editVocabulary().mood[p] != 0 {
		return true, true, false
	}
	ms := morphLookup(p)
	if frameLexicon().actNoun[p] != actNone {
		return true, true, false
	}
	return len(ms) > 0 || l.classOf(p) != 0, false, false
}

// splitFix splits a glued key into two to four known pieces, at least one
// of them a function word and one an act or a group, at most one of them
// neither; the split with the fewest pieces, then the longest first piece.
func (l *lexicon) splitFix(key string) []string {
	if len(key) < 5 || len(key) > 24 {
		return nil
	}
	var best []string
	var cur []string
	var walk func(rest string, sal, fn bool, other int)
	walk = func(rest string, sal, fn bool, other int) {
		if best != nil && len(cur) >= len(best) {
			return
		}
		if rest == "" {
			if sal && fn && len(cur) >= 2 && anchored(cur) {
				best = append([]string(nil), cur...)
			}
			return
		}
		if len(cur) == 4 {
			return
		}
		for n := len(rest); n >= 1; n-- {
			p := rest[:n]
			if len(cur) == 0 && n == len(key) {
				continue // the whole word is not a split
			}
			known, s, f := l.knownPiece(p)
			if !known {
				continue
			}
			o := other
			if !s && !f {
				o++
				if o > 1 {
					continue
				}
			}
			cur = append(cur, p)
			walk(rest[n:], sal || s, fn || f, o)
			cur = cur[:len(cur)-1]
		}
	}
	walk(key, false, false, 0)
	return best
}

// A glued act or group must be anchored on a function word of the right
// kind: a verb after a subject, a clitic, an auxiliary or de, à (« te
// tuer », « de mourir ») or before its object's determiner (« tuer ce »,
// « mort à »); a group after its determiner (« cet homo », « de
// femmes »). « prof on de » (profonde) and « sa tire » (satire) are not
// such splits.
var (
	fnBeforeVerb = wordSet("je j te t me m se s vous nous on il ils elle elles de d a va vais vas vont veux veut faut doit devrait")
	fnAfterVerb  = wordSet("ce cet cette ces tous toutes les a")
	fnBeforeNoun = wordSet("ce cet cette ces les des de d du un une tous toutes mon ma mes ton ta tes son sa ses aux au")
)

func anchored(ps []string) bool {
	for j, p := range ps {
		if editVocabulary().mood[p] != 0 {
			if j > 0 && fnBeforeVerb[ps[j-1]] || j+1 < len(ps) && fnAfterVerb[ps[j+1]] {
				return true
			}
		} else if groupLexicon().cue[p]&gcPeople != 0 && j > 0 && fnBeforeNoun[ps[j-1]] {
			return true
		}
	}
	return false
}

// Repair flags of a key (keyInfo.rflags): what repairWords needs of the
// whole message, read without a map lookup per token.
const (
	rfTarget uint8 = 1 << iota // te, vous, lui, leur, les, ces, tous…, or a group of people
	rfAct                      // an act word
	rfPiece                    // a short unknown word: maybe a syllable of a split word (joinSyllables)
	rfJoin                     // a short key that, squeezed, begins an act word's key: a split word may start with it (joinSyllables)
)

func repairFlags(ki *keyInfo) uint8 {
	var f uint8
	if pieceKey(ki) {
		f |= rfPiece
	}
	// The school or a place in it is a target too (« je vais explozer le
	// lycée »): fifteenth round.
	if repairTargets[ki.key] || ki.g8&gcPeople != 0 || ki.frame&fc_school != 0 {
		f |= rfTarget
	}
	if ki.act != actNone {
		f |= rfAct
	}
	if len(ki.key) <= actPrefixMax {
		var b [2 * actPrefixMax]byte
		if actKeyPrefixes()[string(appendSqueezed(b[:0], []byte(ki.key)))] {
			f |= rfJoin
		}
	}
	return f
}

// computeFix decides the repair of a key the lexicon does not know.
func (l *lexicon) computeFix(ki *keyInfo) *wordFix {
	k := ki.key
	if w, ok := edgeLeet(k); ok {
		return &wordFix{parts: []string{w}}
	}
	if len(ki.morph) > 0 || ki.class != 0 || ki.act != actNone || ki.g8 != 0 || ki.contr != nil || !isLetters(k) || chatWords[k] != nil {
		// A long glued run may begin with a lexicon prefix (« bombe… »,
		// « tue… »): only an exact word of a table keeps it whole.
		if ki.class != 0 && len(ki.morph) == 0 && chatWords[k] == nil && l.glueKey(k) {
			return l.glueFix(k)
		}
		return nil
	}
	// An elided clitic or negation glued to a verb: louvrir → l'ouvrir,
	// noublie → n'oublie, mexplose → m'explose.
	if len(k) >= 5 && strings.IndexByte("lnmsd", k[0]) >= 0 && isVowel(k[1]) && !notGlued[k] {
		for _, m := range morphLookup(k[1:]) {
			if m.POS == POSVerb {
				return &wordFix{parts: []string{k[:1] + "'", k[1:]}, glue: true}
			}
		}
	}
	if ps := l.splitFix(k); ps != nil {
		return &wordFix{parts: ps}
	}
	fx := editFix(k)
	if fx != nil && fx.group {
		return fx
	}
	// A word spelt by its sound (phon.go), unless it is a word of another
	// language's harm lexicon (« esplode » is read as Italian). It is
	// mended in any slot, where the one-edit repair of a verb waits for a
	// target (« sa va explozé pendant la minute de silence »).
	if inf, short := phonFix(k); (inf != "" || short != "") && ki.xl == 0 && !l.glueWhole(k) {
		return &wordFix{inf: inf, part: short, phon: true}
	}
	if fx != nil {
		return fx
	}
	if !l.glueKey(k) {
		return nil
	}
	return l.glueFix(k)
}

// glueFix is the repair of a long key no table knows: the segmenter's
// cut, or none (camel case may still cut the word where it is written so).
func (l *lexicon) glueFix(k string) *wordFix {
	// A misspelt word, not glued ones: checked after the cut (most long
	// keys have none) and only for a cut of a few pieces (a word one edit
	// from a key falls into three or four; no word of the tables is one
	// edit from six glued ones).
	ps := l.segmentGlued(k)
	if ps != nil && len(ps) <= glueTypoPieces && l.glueTypo(k) {
		ps = nil
	}
	return &wordFix{parts: ps, long: true}
}

// repairWords returns a's tokens with glued and misspelt threat words
// mended (see the file's comment). When no word needs it, a is returned
// as it is.
func (nb *nbufs) repairWords(a analysis, kc *keyCache) analysis {
	a, _ = nb.repairWordsInfo(a, kc)
	return a
}

// repairWordsInfo is repairWords that also returns the keyInfo of each
// returned token when no token was changed (nil otherwise): it looks
// every key up anyway, and buildTokens need not look them up again.
func (nb *nbufs) repairWordsInfo(a analysis, kc *keyCache) (analysis, []*keyInfo) {
	need := false
	var rf uint8
	kis := nb.kis[:0]
	scan := func() {
		need, rf = false, 0
		kis = kis[:0]
		for i := range a.toks {
			ki := kc.info(a.toks[i].key)
			kis = append(kis, ki)
			rf |= ki.rflags
			need = need || ki.fix != nil && fixMayApply(ki.fix, a.src, &a.toks[i])
		}
		nb.kis = kis
	}
	scan()
	if u, ok := unmaskStars(a, kc); ok {
		a = u
		scan()
	}
	if j, ok := joinCutWords(a, func(i int) bool { return kis[i].class != 0 || dictWord(a.toks[i].key) }); ok {
		a = j
		scan()
	}
	if rf&rfPiece != 0 || hyphenPair(a) {
		if j, ok := joinSyllablesInfo(a, kc, kis); ok {
			a = j
			scan()
		}
	}
	if !need {
		return a, kis
	}
	target, act := rf&rfTarget != 0, rf&rfAct != 0
	french := -1 // glueFrench, decided at the first long run
	out := nb.rtoks[:0]
	before := nb.rewrites
	for i := range a.toks {
		t := a.toks[i]
		fx := kis[i].fix
		if fx != nil && fx.long {
			// A glued run (glue.go): cut where the writer's capitals
			// say, else where the segmenter did, unless it is a link,
			// code, identifier or name.
			ps := fx.parts
			if !fixMayApply(fx, a.src, &t) || !glueChunkOK(a.src, a.toks, i) {
				ps = nil
			} else if cp, camel := lx.camelParts(a.src, &t); camel {
				ps = cp // the writer's capitals decide, or nothing does
			}
			if ps != nil && french < 0 {
				french = 0
				if glueFrench(kis) {
					french = 1
				}
			}
			if french == 0 {
				ps = nil
			}
			if ps == nil {
				out = append(out, t)
				continue
			}
			out = appendParts(out, t, ps, false)
			nb.rewrites++
			continue
		}
		if fx == nil || nameAt(a.src, a.toks, i) {
			out = append(out, t)
			continue
		}
		switch {
		case fx.glue && !glueSlot(a.toks, i):
			out = append(out, t)
		case fx.parts != nil:
			out = appendParts(out, t, fx.parts, false)
			nb.rewrites++
		default:
			w := ""
			switch {
			case fx.phon:
				// A key ending in r, or an infinitive's slot that is no
				// participle's (« a » is both), takes the infinitive.
				w = fx.part
				if fx.inf != "" && (w == "" || strings.HasSuffix(t.key, "r") ||
					!slotBefore(a.toks, i, slotPart) && slotBefore(a.toks, i, slotInf)) {
					w = fx.inf
				}
			case fx.group:
				if act && i > 0 && repairDets[a.toks[i-1].key] {
					w = fx.edit
				}
			case !target:
			case fx.inf != "" && slotBefore(a.toks, i, slotInf):
				w = fx.inf
			case fx.part != "" && (slotBefore(a.toks, i, slotPart) || deathAt(a.toks, i, fx.part)):
				w = fx.part
			}
			if w != "" {
				t.word, t.key, t.alt = w, w, ""
				nb.rewrites++
			}
			out = append(out, t)
		}
	}
	if nb.rewrites == before {
		return a, kis
	}
	nb.rtoks = out
	a.toks = out
	return a, nil
}

// fixMayApply reports whether the repair fx of token t may change it: a
// long unknown key the segmenter could not cut is cut only in camel case,
// and most long unknown words (names, foreign or rare words) are not, so
// the message is not copied for them.
func fixMayApply(fx *wordFix, src string, t *token) bool {
	if !fx.long || fx.parts != nil {
		return true
	}
	return t.start >= 0 && t.end <= len(src) && t.start < t.end && hasCamel(src[t.start:t.end])
}

// appendParts appends to out the tokens of t's pieces: each shares t's
// source span; a piece ending in an apostrophe is elided onto the next.
// squeeze keys a piece by its squeezed form (chat spellings, whose pieces
// may repeat letters); the repairs' pieces are keys already.
func appendParts(out []token, t token, parts []string, squeeze bool) []token {
	for j, p := range parts {
		nt := t
		nt.alt = ""
		elided := strings.HasSuffix(p, "'")
		if elided {
			p = p[:len(p)-1]
		}
		nt.word, nt.key = p, p
		if squeeze {
			nt.key = squeezeStatic(p)
		}
		nt.elided = elided || j == len(parts)-1 && t.elided
		if j > 0 {
			nt.flags &^= tSentence
		}
		out = append(out, nt)
	}
	return out
}

// edgeLeet reads a short word of letters then digits (j3, t3, m3) as the
// function word it spells with the digits read as letters: never a
// number, an ordinal or a class (3e, 4a), which start with a digit.
func edgeLeet(k string) (string, bool) {
	if len(k) < 2 || len(k) > 4 || k[0] < 'a' || k[0] > 'z' {
		return "", false
	}
	c := k[len(k)-1]
	if c < '0' || c > '9' {
		return "", false
	}
	b := []byte(k)
	for i, c := range b {
		switch c {
		case '0':
			b[i] = 'o'
		case '1':
			b[i] = 'i'
		case '3':
			b[i] = 'e'
		case '4':
			b[i] = 'a'
		case '5':
			b[i] = 's'
		case '7':
			b[i] = 't'
		default:
			if c < 'a' || c > 'z' {
				return "", false
			}
		}
	}
	w := string(b)
	return w, repairFunc[w]
}

// nameAt reports whether token i is written with a capital inside a
// sentence (a name: never split nor corrected).
func nameAt(src string, ts []token, i int) bool {
	t := &ts[i]
	if i == 0 || t.flags&tSentence != 0 || t.start >= len(src) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(src[t.start:])
	return unicode.IsUpper(r)
}

// repairDets are the determiners before a repaired group noun.
var repairDets = wordSet("un une les des ces ce cet cette tous toutes aux du de le la")

// repairSkip are the words between a repaired verb form and the verb or
// preposition that calls for it: clitics and a few adverbs.
var repairSkip = wordSet("te t vous lui leur les le la l me m nous se s en y ne n juste vraiment bien tous toutes")

// slotBefore reports whether token i stands where a verb form of the given
// moods is expected: an infinitive after aller, vouloir, devoir, pouvoir,
// falloir, venir or after de, à, pour, sans; a participle after être or
// avoir.
func slotBefore(ts []token, i int, mood uint8) bool {
	j := i - 1
	article := false // le, la, les after a preposition are articles
	for j >= 0 && repairSkip[ts[j].key] && ts[j+1].flags&tSentence == 0 {
		switch ts[j].key {
		case "le", "la", "les", "l":
			article = true
		}
		j--
	}
	if j < 0 || ts[j+1].flags&tSentence != 0 {
		return false
	}
	// « voir ces X souffrir »: a group between voir and the infinitive.
	if mood&slotInf != 0 && j >= 2 && lx.info(ts[j].key).g8&gcPeople != 0 && repairDets[ts[j-1].key] {
		if _, ok := lemmaIs(lx.info(ts[j-2].key).morph, lemVoir); ok {
			return true
		}
	}
	k := ts[j].key
	if mood&slotInf != 0 && (k == "de" || k == "d" || k == "a" || k == "pour" || k == "sans") {
		return !article
	}
	for _, m := range lx.info(k).morph {
		if m.POS != POSVerb {
			continue
		}
		switch m.Lemma {
		case "aller", "vouloir", "devoir", "pouvoir", "falloir", "venir", "faire": // « faire explozer »
			if mood&slotInf != 0 {
				return true
			}
		case "etre", "avoir":
			if mood&slotPart != 0 {
				return true
			}
		}
	}
	return false
}

// deathAt reports whether token i, read as the participle p, is « mort(s)
// à / aux … » (a call for a death).
func deathAt(ts []token, i int, p string) bool {
	if !strings.HasPrefix(p, "mort") || i+1 >= len(ts) || ts[i+1].flags&tSentence != 0 {
		return false
	}
	return ts[i+1].key == "a" || ts[i+1].key == "aux"
}

// glueAfter are the words after which a clitic glued to a verb is read
// (« te louvrir », « je lexplose »); n' is read before a negation instead
// (« noublie pas »).
var glueAfter = wordSet("je j tu t il elle on nous vous ils elles te me se ne va vais vas vont veux veut peux peut faut")

func glueSlot(ts []token, i int) bool {
	if ts[i].key[0] == 'n' {
		if i+1 >= len(ts) || ts[i+1].flags&tSentence != 0 {
			return false
		}
		switch ts[i+1].key {
		case "pas", "plus", "jamais", "rien":
			return true
		}
		return false
	}
	return i > 0 && ts[i].flags&tSentence == 0 && glueAfter[ts[i-1].key]
}

// Split words. « ex-plo-ser », « je vais te tu er », « dé fon cer »: an
// act word cut into syllables by hyphens or spaces, which joinSpelled
// (letters one by one) does not join. A run of two to five short pieces
// (one to four letters) separated only by spelling-out characters is
// joined when the whole is a form of an act verb or an act noun and at
// least one piece is no word at all, or the pieces are cut by single
// hyphens (« bu-ter »): « tu es » (two words) stays as it is, and ordinary
// hyphenated words (« peut-être », « a-t-il ») never make an act.

// pieceKey reports whether a key may be a syllable of a split word: a
// short run of letters the lexicon does not know.
func pieceKey(ki *keyInfo) bool {
	k := ki.key
	return len(k) >= 1 && len(k) <= 4 && isLetters(k) && len(ki.morph) == 0 && ki.class == 0 &&
		ki.act == actNone && !repairFunc[k] && chatWords[k] == nil
}

// hyphenPair reports whether two short words of a are cut by one hyphen
// (« bu-ter »: two words, neither unknown, that pieceKey does not flag).
func hyphenPair(a analysis) bool {
	for i := 1; i < len(a.toks); i++ {
		p, t := &a.toks[i-1], &a.toks[i]
		if t.start == p.end+1 && a.src[p.end] == '-' && len(p.key) <= 4 && len(t.key) <= 4 {
			return true
		}
	}
	return false
}

// shortPiece reports whether a token may take part in a split word.
func shortPiece(t *token) bool {
	return len(t.key) >= 1 && len(t.key) <= 4 && isLetters(t.key)
}

// splitGap reports whether the source between two tokens holds only the
// characters used to cut a word (spaces, hyphens, dots, underscores,
// stars, slashes, bars, pluses, tildes), at most three of them.
func splitGap(src string, a, b *token) bool {
	if a.end > b.start || b.start-a.end < 1 || b.start-a.end > 3 || a.elided {
		return false
	}
	for i := a.end; i < b.start; i++ {
		switch src[i] {
		case ' ', '-', '.', '_', '*', '/', '|', '+', '~':
		default:
			return false
		}
	}
	return true
}

// actWordKey reports whether a joined key is an act: a form of an act
// verb (the frames' lists or the repairable slang verbs) or an act noun.
func actWordKey(ki *keyInfo) bool {
	if ki.act != actNone || ki.noun != actNone {
		return true
	}
	if _, ok := editVocabulary().lemmas[ki.lemma]; ok && ki.lemma != "" {
		return true
	}
	return editVocabulary().form[ki.key] != actNone && editVocabulary().mood[ki.key] != 0
}

// joinSlot reports whether a split word starting at token i stands where
// its act is read: a noun after a determiner (« une bom-be »), a verb after
// a verb that takes an infinitive, an auxiliary, a subject or a clitic
// (« je vais te tu er », « faire ex plo ser », « on va tout pé-ter », « il
// ex-plo-se »). « de ton cas à la sortie » is no « cassa ».
func joinSlot(ts []token, i int, ki *keyInfo) bool {
	if i == 0 || ts[i].flags&tSentence != 0 {
		return false
	}
	if ki.noun != actNone && len(ki.morph) == 0 {
		return repairDets[ts[i-1].key]
	}
	if slotBefore(ts, i, slotInf|slotPart) || (ts[i-1].key == "tout" || ts[i-1].key == "tous") && slotBefore(ts, i-1, slotInf|slotPart) {
		return true
	}
	j := i - 1
	for j > 0 && repairSkip[ts[j].key] && ts[j+1].flags&tSentence == 0 {
		j--
	}
	switch ts[j].key {
	case "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles":
		return ts[j+1].flags&tSentence == 0
	}
	return false
}

// joinSyllables joins the split act words of a (see above); ok is false
// when there is none, and a is then unchanged. It runs only on messages
// with a short unknown word or two short words cut by a hyphen, and only
// over runs of short pieces that hold such a word or cut; a candidate is
// looked up in a set of the act words' keys, without building its keyInfo.
func joinSyllables(a analysis, kc *keyCache) (analysis, bool) {
	return joinSyllablesInfo(a, kc, nil)
}

// joinSyllablesInfo is joinSyllables with the keyInfo of a's tokens when
// the caller has them (kis, or nil).
func joinSyllablesInfo(a analysis, kc *keyCache, kis []*keyInfo) (analysis, bool) {
	info := func(i int) *keyInfo {
		if kis != nil {
			return kis[i]
		}
		return kc.info(a.toks[i].key)
	}
	var bufA, sqA [64]byte // a split word is at most 5 pieces of 4 letters
	buf, sq := bufA[:0], sqA[:0]
	acts := actKeySet()
	return joinRuns(a, func(i int) (int, string, string) {
		// The run of short pieces from i, and whether it holds an unknown
		// piece or a hyphen cut.
		// The squeezed join of keys begins with the first key squeezed:
		// a run whose first key begins no act word joins into none.
		end := i
		hasCue := false
		if shortPiece(&a.toks[i]) && info(i).rflags&rfJoin != 0 {
			end = i + 1
			hasCue = info(i).rflags&rfPiece != 0
			for end < len(a.toks) && end-i < 5 && shortPiece(&a.toks[end]) && splitGap(a.src, &a.toks[end-1], &a.toks[end]) {
				hasCue = hasCue || info(end).rflags&rfPiece != 0 || a.src[a.toks[end-1].end:a.toks[end].start] == "-"
				end++
			}
		}
		best := 0
		var bestKey, bestWord string
		if hasCue && end-i >= 2 {
			unknown := info(i).rflags&rfPiece != 0
			hyphens := true
			buf = append(buf[:0], a.toks[i].key...)
			for j := i + 1; j < end; j++ {
				buf = append(buf, a.toks[j].key...)
				unknown = unknown || info(j).rflags&rfPiece != 0
				hyphens = hyphens && a.src[a.toks[j-1].end:a.toks[j].start] == "-"
				if !(unknown || hyphens) || len(buf) < 3 {
					continue
				}
				// keys have doubled letters squeezed: « as-sas-si-ner »
				// is the key of « assassiner » once joined and squeezed
				sq = appendSqueezed(sq[:0], buf)
				if !acts[string(sq)] {
					continue
				}
				k := string(sq)
				if ki := kc.info(k); actWordKey(ki) && joinSlot(a.toks, i, ki) {
					best, bestKey = j-i+1, k
					bestWord = ""
					for x := i; x <= j; x++ {
						bestWord += a.toks[x].word
					}
				}
			}
		}
		return best, bestKey, bestWord
	})
}

// joinRuns replaces each run of tokens that at(i) reads as one word (n
// tokens from i, with its key and word; n 0 for none) by that word's
// token; ok is false when there is none, and a is then unchanged.
func joinRuns(a analysis, at func(i int) (n int, key, word string)) (analysis, bool) {
	var out []token
	changed := false
	for i := 0; i < len(a.toks); {
		n, key, word := at(i)
		if n == 0 {
			if changed {
				out = append(out, a.toks[i])
			}
			i++
			continue
		}
		if !changed {
			out = append(make([]token, 0, len(a.toks)), a.toks[:i]...)
			changed = true
		}
		nt := a.toks[i]
		nt.key, nt.word, nt.alt = key, word, ""
		nt.end = a.toks[i+n-1].end
		nt.elided = a.toks[i+n-1].elided
		out = append(out, nt)
		i += n
	}
	if !changed {
		return a, false
	}
	a.toks = out
	return a, true
}

var (
	actKeysOnce sync.Once
	actKeys     map[string]bool
	actPrefixes map[string]bool
)

// actPrefixMax is the longest piece of a split word (shortPiece), and the
// longest of actKeyPrefixes.
const actPrefixMax = 4

// actKeyPrefixes returns the beginnings, up to actPrefixMax bytes, of the
// keys of actKeySet.
func actKeyPrefixes() map[string]bool {
	actKeySet()
	return actPrefixes
}

// actKeySet returns the keys of the act words a split word may join into:
// every form of an act verb (the frames' lists and the repairable slang
// verbs) in the morphology table, and the act nouns.
func actKeySet() map[string]bool {
	actKeysOnce.Do(func() {
		m := map[string]bool{}
		f := frameLexicon()
		v := editVocabulary()
		for ml := range morphLines(3) {
			if _, slang := v.lemmas[ml.lemma]; slang || f.actVerb[ml.lemma] != actNone {
				m[ml.key] = true
			}
		}
		for k, c := range f.actNoun {
			if c != actNone {
				m[k] = true
			}
		}
		// the slang verbs' forms made by rule (morphslang.go)
		for k, e := range slangForms() {
			if _, slang := v.lemmas[e.Lemma]; slang || f.actVerb[e.Lemma] != actNone {
				m[k] = true
			}
		}
		actKeys = m
		actPrefixes = map[string]bool{}
		for k := range m {
			for n := 1; n <= actPrefixMax && n <= len(k); n++ {
				actPrefixes[k[:n]] = true
			}
		}
	})
	return actKeys
}

// morphLine is one line of the morphology table with its first two fields.
type morphLine struct{ key, lemma, line string }

// morphLines yields the morphology table's lines (loading it) whose key
// has at least minKey bytes.
func morphLines(minKey int) iter.Seq[morphLine] {
	return func(yield func(morphLine) bool) {
		morphLookup("") // load the table
		if morph == nil {
			return
		}
		for i := range morph.lines {
			l := morph.line(i)
			k, rest, ok := strings.Cut(l, "\t")
			if !ok || len(k) < minKey {
				continue
			}
			lem, _, _ := strings.Cut(rest, "\t")
			if !yield(morphLine{k, lem, l}) {
				return
			}
		}
	}
}
