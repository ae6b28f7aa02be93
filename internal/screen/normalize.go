package screen

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the canonical form of s that the detectors read: lower
// case, no accents, homoglyphs and fullwidth forms folded to Latin, zero-width
// and formatting characters removed, meaningful emoji replaced by words,
// leetspeak undone inside words (b0mb3 → bombe), letters spelt out with
// spaces or dots joined again ("u n e   b o m b e" → "une bombe"), runs of
// three or more identical letters squeezed (bommmbe → bombe) and punctuation
// reduced to single spaces. Elisions keep their apostrophe (l'ecole).
//
// Ordinary French survives with its meaning: double letters, numbers, times
// (10h30), class names (4A, 2nde1) and ordinals (3e) are left alone.
// Normalize is idempotent and always returns valid UTF-8.
func Normalize(s string) string {
	out := normalizeOnce(s)
	// Separators that broke a spelt-out run ("a a!a") become plain spaces,
	// so a second pass could join more; iterate to the fixed point (rare:
	// only when short single-letter words are left side by side).
	for i := 0; i < 8 && hasSingleRun(out); i++ {
		next := normalizeOnce(out)
		if next == out {
			break
		}
		out = next
	}
	return out
}

// hasSingleRun reports whether s has three one-character words in a row.
func hasSingleRun(s string) bool {
	run := 0
	for _, w := range strings.Split(s, " ") {
		if utf8.RuneCountInString(w) == 1 {
			run++
			if run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func normalizeOnce(s string) string {
	nb := getBufs()
	defer putBufs(nb)
	a := nb.analyze(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, t := range a.toks {
		if i > 0 {
			if a.toks[i-1].elided {
				b.WriteByte('\'')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.word)
	}
	return b.String()
}

// Character classes of the first stage.
type chKind uint8

const (
	kLetter chKind = iota
	kDigit
	kSym // '@' or '$': part of a word only between word characters (leet)
	kSpace
	kPunct
	kApos
	kQuote
	kOpenQuote
	kCloseQuote
	kNewline
)

type ch struct {
	r          rune
	kind       chKind
	obf        bool // produced by folding something an honest writer rarely types
	emoji      bool
	start, end int32
}

// Token flags.
const (
	tObf      = 1 << iota // obfuscated: spelt out, leet, homoglyph, zero-width, fullwidth...
	tQuoted               // inside quotation marks: a mention, not a use
	tEmoji                // comes from an emoji
	tSentence             // a sentence boundary precedes this token
)

// token is one word of the analysed text.
type token struct {
	word       string // normalised form (what Normalize prints)
	key        string // matching key: word with doubled letters squeezed
	alt        string // squeezed de-leeted variant for leading/trailing digits, or ""
	start, end int    // byte span in the source, for reasons
	flags      uint8
	elided     bool // followed by an apostrophe and a word (l'école)
}

type analysis struct {
	src  string
	toks []token
}

// sep describes the characters between two raw words.
type sep struct {
	width    int
	dots     int
	apos     bool // contains an apostrophe that is not a quotation mark
	newline  bool
	sentence bool // '.', '!', '?', ';' or ':' followed by a space or end
	joinOK   bool // only characters used to spell words out: spaces . - _ * / | + ~ · •
	dotOnly  bool // exactly one '.'
	elision  bool // exactly one apostrophe
}

type rawTok struct {
	runes      []rune
	start, end int
	obf        bool
	emoji      bool
	quoted     bool
	before     sep
}

// analyze runs the normalisation stages and returns the tokens. The
// result owns its memory (tests and init use it); the hot paths use
// nbufs.analyze, whose result lives until the buffers are put back.
func analyze(s string) analysis {
	return (&nbufs{}).analyze(s)
}

// nbufs holds the buffers of one analysis, pooled: screening is dominated
// by short-lived allocations otherwise.
type nbufs struct {
	chs   []ch
	runes []rune
	raws  []rawTok
	toks  []token
	spans []wspan
	words []byte
	keys  []byte
	ctoks []token    // tokens after the chat rewrite (expandChat)
	rtoks []token    // tokens after the spelling repair (repairWords)
	kis   []*keyInfo // the keyInfo of each token (repairWordsInfo)
	// rewrites counts the words the chat rewrite and the spelling repair
	// changed in the last text (expandChat resets it): a text written by
	// sound, whose frames read less.
	rewrites int
	owned    bool // strings in toks point into words/keys: do not retain them
}

type wspan struct{ w0, w1, k0, k1, a0, a1 int }

var nbufPool = sync.Pool{New: func() any { return &nbufs{owned: true} }}

func getBufs() *nbufs { return nbufPool.Get().(*nbufs) }

func putBufs(nb *nbufs) {
	if cap(nb.chs) > 1<<16 { // do not keep huge buffers alive
		return
	}
	nbufPool.Put(nb)
}

func (nb *nbufs) analyze(s string) analysis {
	nb.chs = mapRunes(s, nb.chs[:0])
	raws := nb.segment(nb.chs)
	raws = joinSpelled(raws)
	return nb.finish(s, raws)
}

// Stage 1: map each rune to zero or more lower-case, accent-free characters.
func mapRunes(s string, out []ch) []ch {
	pendingObf := false
	if cap(out) < len(s) {
		out = make([]ch, 0, len(s)+len(s)/8)
	}
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			// ASCII, most of any message: by table (asciiChs), as
			// appendASCII would map it, a run at a time into room made
			// once (no append per byte).
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			n := len(out)
			out = slices.Grow(out, j-i)[:n+j-i]
			dst := out[n:]
			run := s[i:j]
			run = run[:len(dst)] // one bounds check for the loop
			at := int32(i)
			for k := range dst {
				c := &asciiChs[run[k]]
				dst[k] = ch{r: c.r, kind: c.kind, start: at, end: at + 1}
				at++
			}
			// A zero-width character marks only the next character.
			dst[0].obf = pendingObf && asciiChs[run[0]].obf
			pendingObf = false
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < rune(len(latinFast)) && latinFast[r] != "" {
			// Accented Latin letters, by array (latinFast).
			for _, x := range latinFast[r] {
				out = append(out, ch{r: x, kind: kLetter, obf: pendingObf, start: int32(i), end: int32(i + size)})
			}
			pendingObf = false
			i += size
			continue
		}
		st, en := int32(i), int32(i+size)
		i += size
		if r < utf8.RuneSelf {
			out = appendASCII(out, r, st, en, pendingObf)
			pendingObf = false
			continue
		}
		if r == utf8.RuneError && size == 1 {
			out = append(out, ch{r: ' ', kind: kSpace, start: st, end: en})
			continue
		}
		if r == '🏴' {
			// The black flag of the jihadists, unless it starts a pirate
			// flag (🏴‍☠️, pupils' One Piece) or a flag of England,
			// Scotland or Wales (tag characters).
			next, nsize := utf8.DecodeRuneInString(s[i:])
			switch {
			case next == '\u200d':
				if after, asize := utf8.DecodeRuneInString(s[i+nsize:]); after == '☠' {
					i += nsize + asize
					out = appendWord(out, "pirate", st, int32(i))
					continue
				}
			case next >= 0xE0000 && next <= 0xE007F:
			default:
				out = appendWord(out, "drapeau noir", st, en)
				continue
			}
		}
		if w, ok := emojiWords[r]; ok {
			out = appendWord(out, w, st, en)
			continue
		}
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // fullwidth ASCII
			out = appendASCII(out, r-0xFEE0, st, en, true)
			continue
		case r >= 0x1F1E6 && r <= 0x1F1FF: // regional indicators spell letters
			out = append(out, ch{r: 'a' + (r - 0x1F1E6), kind: kLetter, obf: true, start: st, end: en})
			continue
		case r >= 0x249C && r <= 0x24E9 || r >= 0x1F130 && r <= 0x1F189:
			// letters in circles, squares and parentheses (« 🅱️🅾️Ⓜ️🅱️Ⓔ »):
			// symbols to Unicode, so NFKC below never sees them
			if l, ok := enclosedLetter(r); ok {
				out = append(out, ch{r: l, kind: kLetter, obf: true, start: st, end: en})
				continue
			}
		}
		if rep, ok := latinFold[r]; ok {
			for _, x := range rep {
				out = append(out, ch{r: x, kind: kLetter, obf: pendingObf, start: st, end: en})
			}
			pendingObf = false
			continue
		}
		if k, ok := punctKind[r]; ok {
			out = append(out, ch{r: r, kind: k, start: st, end: en})
			continue
		}
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me):
			// Combining accents (decomposed input, zalgo): dropped silently.
			continue
		case unicode.Is(unicode.Mc, r):
			// A spacing vowel sign (Tamil, Devanagari…) is part of its
			// word: read as punctuation it cut every word into letters.
			if n := len(out); n > 0 && out[n-1].kind == kLetter {
				out = append(out, ch{r: r, kind: kLetter, start: st, end: en})
			}
			continue
		case unicode.Is(unicode.Cf, r) || r == 0x180E || (r >= 0xE0000 && r <= 0xE007F):
			// Zero-width and formatting characters hide words from filters.
			if n := len(out); n > 0 && out[n-1].kind == kLetter {
				pendingObf = true
			}
			continue
		case unicode.IsSpace(r):
			out = append(out, ch{r: ' ', kind: kSpace, start: st, end: en})
			continue
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if r >= 0x2000 {
				if d := norm.NFKC.String(string(r)); d != string(r) && d != "" {
					for _, x := range d {
						x = unicode.ToLower(x)
						if rep, ok := latinFold[x]; ok {
							for _, y := range rep {
								out = append(out, ch{r: y, kind: kLetter, obf: true, start: st, end: en})
							}
							continue
						}
						switch {
						case x >= 'a' && x <= 'z':
							out = append(out, ch{r: x, kind: kLetter, obf: true, start: st, end: en})
						case x >= '0' && x <= '9':
							out = append(out, ch{r: x, kind: kDigit, obf: true, start: st, end: en})
						case unicode.IsLetter(x):
							out = append(out, ch{r: x, kind: kLetter, obf: true, start: st, end: en})
						case unicode.IsNumber(x):
							out = append(out, ch{r: x, kind: kDigit, obf: true, start: st, end: en})
						default:
							out = append(out, ch{r: ' ', kind: kPunct, start: st, end: en})
						}
					}
					pendingObf = false
					continue
				}
			}
			k := kLetter
			if unicode.IsNumber(r) {
				k = kDigit
			}
			if !capitalGlyph(r) { // lowered by foldHomoglyphs
				r = unicode.ToLower(r)
			}
			out = append(out, ch{r: r, kind: k, obf: pendingObf, start: st, end: en})
			pendingObf = false
			continue
		}
		out = append(out, ch{r: r, kind: kPunct, start: st, end: en})
	}
	return out
}

func appendASCII(out []ch, r rune, st, en int32, obf bool) []ch {
	switch {
	case r >= 'a' && r <= 'z':
		return append(out, ch{r: r, kind: kLetter, obf: obf, start: st, end: en})
	case r >= 'A' && r <= 'Z':
		return append(out, ch{r: r + 32, kind: kLetter, obf: obf, start: st, end: en})
	case r >= '0' && r <= '9':
		return append(out, ch{r: r, kind: kDigit, obf: obf, start: st, end: en})
	case r == '@' || r == '$':
		return append(out, ch{r: r, kind: kSym, start: st, end: en})
	case r == '\'' || r == '`':
		return append(out, ch{r: '\'', kind: kApos, start: st, end: en})
	case r == '"':
		return append(out, ch{r: r, kind: kQuote, start: st, end: en})
	case r == '\n' || r == '\r':
		return append(out, ch{r: '\n', kind: kNewline, start: st, end: en})
	case r == ' ' || r == '\t' || r == '\v' || r == '\f':
		return append(out, ch{r: ' ', kind: kSpace, start: st, end: en})
	}
	return append(out, ch{r: r, kind: kPunct, start: st, end: en})
}

// appendWord inserts the words of an emoji, space-delimited.
func appendWord(out []ch, w string, st, en int32) []ch {
	out = append(out, ch{r: ' ', kind: kSpace, start: st, end: st})
	for _, x := range w {
		if x == ' ' {
			out = append(out, ch{r: ' ', kind: kSpace, start: st, end: st})
			continue
		}
		out = append(out, ch{r: x, kind: kLetter, emoji: true, start: st, end: en})
	}
	return append(out, ch{r: ' ', kind: kSpace, start: en, end: en})
}

func isWordKind(k chKind) bool { return k == kLetter || k == kDigit }

// Stage 2: cut the characters into raw words and describe the separators.
func (nb *nbufs) segment(chs []ch) []rawTok {
	toks := nb.raws[:0]
	if cap(nb.runes) < len(chs) {
		nb.runes = make([]rune, 0, len(chs))
	}
	runeBuf := nb.runes[:0] // never grows past len(chs): slices stay valid
	defer func() { nb.raws = toks[:0] }()
	var cur sep
	inQuote := false
	quoteApos := false
	// A line opened by '>' is quoted mail (a reply's or a forward's
	// earlier message): a mention, as inside quotation marks.
	lineStart, lineQuote := true, false
	prevWord := false
	wordStart := -1
	flush := func(end int) {
		if wordStart < 0 {
			return
		}
		for end > wordStart && !isWordKind(chs[end-1].kind) {
			end-- // trailing '@', '$' or number punctuation belong to no word
		}
		if end == wordStart {
			wordStart = -1
			return
		}
		rt := rawTok{start: int(chs[wordStart].start), end: int(chs[end-1].end), before: cur, quoted: inQuote || lineQuote}
		b0 := len(runeBuf)
		runeBuf = runeBuf[:b0+end-wordStart] // within cap: never past len(chs)
		dst := runeBuf[b0:]
		for j, c := range chs[wordStart:end] {
			dst[j] = c.r
			if c.obf {
				rt.obf = true
			}
			if c.emoji {
				rt.emoji = true
			}
		}
		rt.runes = runeBuf[b0:len(runeBuf):len(runeBuf)]
		if len(rt.runes) > 0 {
			toks = append(toks, rt)
		}
		wordStart = -1
		cur = sep{joinOK: true}
	}
	cur = sep{joinOK: true}
	for i := 0; i < len(chs); i++ {
		c := chs[i]
		switch {
		case c.kind == kNewline:
			lineStart, lineQuote = true, false
		case lineStart && c.kind != kSpace:
			lineStart, lineQuote = false, c.r == '>'
		}
		if isWordKind(c.kind) || (c.kind == kSym && wordStart >= 0 && i+1 < len(chs) && (isWordKind(chs[i+1].kind) || chs[i+1].kind == kSym) && !emailAt(chs, i)) {
			if wordStart < 0 {
				wordStart = i
			}
			prevWord = true
			continue
		}
		if wordStart >= 0 && (c.r == ':' || c.r == '.' || c.r == ',') && chs[i-1].kind == kDigit && i+1 < len(chs) && chs[i+1].kind == kDigit && allDigits(chs[wordStart:i]) {
			// 14:30, 3,5 and 10.5 stay one number; in a word with
			// letters (« C1,0A0 ») the digits may be read as letters
			// (leet), and the mark must cut it as it would then.
			continue
		}
		if wordStart >= 0 {
			flush(i)
		}
		nextWord := i+1 < len(chs) && isWordKind(chs[i+1].kind)
		cur.width++
		switch c.kind {
		case kSpace:
		case kNewline:
			cur.newline, cur.sentence, cur.joinOK = true, true, false
		case kApos:
			switch {
			case prevWord && nextWord:
				cur.apos, cur.joinOK = true, false
			case !prevWord && nextWord && !inQuote:
				inQuote, quoteApos = true, true
				cur.joinOK = false
			case prevWord && !nextWord && inQuote && quoteApos:
				inQuote, quoteApos = false, false
				cur.joinOK = false
			default:
				cur.apos, cur.joinOK = true, false
			}
		case kQuote:
			inQuote, quoteApos = !inQuote, false
			cur.joinOK = false
		case kOpenQuote:
			inQuote, quoteApos = true, false
			cur.joinOK = false
		case kCloseQuote:
			inQuote, quoteApos = false, false
			cur.joinOK = false
		default:
			if c.r == '.' {
				cur.dots++
			}
			switch c.r {
			case '.', '!', '?', ';', ':', '…':
				if c.r != '.' || !nextWord {
					cur.sentence = true
				}
				if c.r != '.' {
					cur.joinOK = false
				}
			case '-', '_', '*', '/', '|', '+', '~', '·', '•', '=', '#', '^', '‐', '–', '—':
			default:
				cur.joinOK = false
			}
		}
		prevWord = false
	}
	flush(len(chs))
	for i := range toks {
		sp := &toks[i].before
		sp.dotOnly = sp.width == 1 && sp.dots == 1
		sp.elision = sp.width == 1 && sp.apos
	}
	return toks
}

// allDigits reports whether chs is a number: digits and the marks that
// join them (16.10.2020, 14:30).
func allDigits(chs []ch) bool {
	for _, c := range chs {
		if c.kind != kDigit && c.r != ':' && c.r != '.' && c.r != ',' {
			return false
		}
	}
	return true
}

// emailAt reports whether the '@' at i starts the domain of an e-mail
// address (the word after it is followed by a dot and a letter), which is
// not leetspeak.
func emailAt(chs []ch, i int) bool {
	if chs[i].r != '@' {
		return false
	}
	j := i + 1
	for j < len(chs) && (isWordKind(chs[j].kind) || chs[j].r == '-') {
		j++
	}
	return j+1 < len(chs) && chs[j].r == '.' && chs[j+1].kind == kLetter
}

func isLeetDigit(r rune) bool {
	switch r {
	case '0', '1', '3', '4', '5', '7', '@', '$':
		return true
	}
	return false
}

func isSingle(t *rawTok) bool {
	if len(t.runes) != 1 {
		return false
	}
	r := t.runes[0]
	return unicode.IsLetter(r) || isLeetDigit(r)
}

// Stage 3: join letters spelt out one by one ("b o m b e", "b.o.m.b.e",
// "b-o-m-b-e"). A run needs four singles (three when they are separated by
// single dots, as in acronyms), at least three of them letters; single
// letters before an apostrophe (l', j', n') never take part, so that
// ordinary French such as "n'y a-t-il" stays as it is. Inside a run, wider
// gaps mark word boundaries ("u n e   b o m b e" → "une bombe").
func joinSpelled(toks []rawTok) []rawTok {
	runs := 0
	for i := range toks {
		if isSingle(&toks[i]) {
			runs++
			if runs >= 3 {
				break
			}
		} else {
			runs = 0
		}
	}
	if runs < 3 {
		return toks // the common case: nothing spelt out
	}
	// Runs of single characters are common in ordinary text (« de 8 h à
	// 9 h », « exercices 3 à 7 »): out is made at the first run that is
	// joined, toks[copied:] not yet in it.
	var out []rawTok
	copied := 0
	for i := 0; i < len(toks); {
		if !isSingle(&toks[i]) || elidedAt(toks, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && isSingle(&toks[j]) && !elidedAt(toks, j) && toks[j].before.joinOK && toks[j].before.width <= 6 && !toks[j].before.apos {
			j++
		}
		n := j - i
		letters := 0
		dots := true
		for k := i; k < j; k++ {
			if unicode.IsLetter(toks[k].runes[0]) {
				letters++
			}
			if k > i && !toks[k].before.dotOnly {
				dots = false
			}
		}
		if letters < 3 || (n < 4 && !(n == 3 && dots)) {
			i = j
			continue
		}
		minGap, maxGap := 1<<30, 0
		for k := i + 1; k < j; k++ {
			w := toks[k].before.width
			minGap = min(minGap, w)
			maxGap = max(maxGap, w)
		}
		// Group by gaps, then re-merge runs of 4+ one-letter groups so the
		// result has no spelt-out run left (Normalize stays idempotent).
		var groups [][2]int
		start := i
		for k := i + 1; k <= j; k++ {
			if k == j || (maxGap > minGap && toks[k].before.width > minGap) {
				groups = append(groups, [2]int{start, k})
				start = k
			}
		}
		var merged [][2]int
		for g := 0; g < len(groups); {
			h := g
			for h < len(groups) && groups[h][1]-groups[h][0] == 1 {
				h++
			}
			if h-g >= 4 {
				merged = append(merged, [2]int{groups[g][0], groups[h-1][1]})
				g = h
				continue
			}
			if h > g {
				merged = append(merged, groups[g:h]...)
				g = h
				continue
			}
			merged = append(merged, groups[g])
			g++
		}
		if out == nil {
			out = make([]rawTok, 0, len(toks))
		}
		out = append(out, toks[copied:i]...)
		for _, g := range merged {
			nt := rawTok{start: toks[g[0]].start, end: toks[g[1]-1].end, before: toks[g[0]].before, quoted: toks[g[0]].quoted}
			for k := g[0]; k < g[1]; k++ {
				nt.runes = append(nt.runes, toks[k].runes...)
				nt.emoji = nt.emoji || toks[k].emoji
			}
			nt.obf = g[1]-g[0] > 1
			out = append(out, nt)
		}
		i, copied = j, j
	}
	if out == nil {
		return toks
	}
	return append(out, toks[copied:]...)
}

// elidedAt reports whether word i is followed directly by an apostrophe and
// another word (l'école, j'ai, aujourd'hui).
func elidedAt(toks []rawTok, i int) bool {
	return i+1 < len(toks) && toks[i+1].before.elision
}

// Stage 4: per-word folding (homoglyphs, leetspeak, repeated letters) and
// the matching keys.
func (nb *nbufs) finish(src string, raws []rawTok) analysis {
	if cap(nb.toks) < len(raws) {
		nb.toks = make([]token, len(raws))
		nb.spans = make([]wspan, len(raws))
	}
	a := analysis{src: src, toks: nb.toks[:len(raws)]}
	for i := range a.toks {
		a.toks[i] = token{}
	}
	words := nb.words[:0]
	keys := nb.keys[:0]
	type span = wspan
	spans := nb.spans[:len(raws)]
	for i := range raws {
		rt := &raws[i]
		obf := rt.obf
		// Most words are ASCII letters only: no homoglyph to fold (that
		// needs a non-ASCII rune) and no leet digit to map (deleet needs
		// a non-letter), and bytes can be written as they are. Such a
		// word (a letter three times in a row counted once, as below)
		// and its key (as appendSqueezed makes it: a run of one letter
		// once, doubled e and l kept) are written in one pass, into room
		// made once; at the first other character the pass is dropped
		// for the general path.
		w, k, emph, ok := asciiLetterWord(rt.runes, words, keys)
		if ok {
			spans[i] = span{w0: len(words), w1: len(w), k0: len(keys), k1: len(k), a0: len(k), a1: len(k)}
			words, keys = w, k
			tokFlags(&a.toks[i], raws, i, obf || emph)
			continue
		}
		words, keys = w, k // the room made, nothing written
		ascii, letters := true, true
		for _, r := range rt.runes {
			if r >= utf8.RuneSelf {
				ascii, letters = false, false
				break
			}
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				letters = false
			}
		}
		if !ascii && foldHomoglyphs(rt.runes) {
			obf = true
		}
		if !letters && deleet(rt.runes, false) {
			obf = true
		}
		var sp span
		sp.w0 = len(words)
		for j := 0; j < len(rt.runes); {
			k := j
			for k < len(rt.runes) && rt.runes[k] == rt.runes[j] {
				k++
			}
			n := k - j
			if n >= 3 && unicode.IsLetter(rt.runes[j]) {
				// A letter three times in a row is emphasis, never French
				// spelling: "bommmbe" → "bombe", "vouuus" → "vous".
				n, obf = 1, true
			}
			if r := rt.runes[j]; r < utf8.RuneSelf {
				for ; n > 0; n-- {
					words = append(words, byte(r))
				}
			} else {
				for ; n > 0; n-- {
					words = utf8.AppendRune(words, r)
				}
			}
			j = k
		}
		sp.w1 = len(words)
		sp.k0 = len(keys)
		keys = appendSqueezed(keys, words[sp.w0:sp.w1])
		sp.k1 = len(keys)
		sp.a0, sp.a1 = len(keys), len(keys)
		if !letters && hasLeetEdge(words[sp.w0:sp.w1]) { // letters alone have no leet edge
			tmp := []rune(string(words[sp.w0:sp.w1]))
			deleet(tmp, true)
			keys = appendSqueezed(keys, []byte(string(tmp)))
			sp.a1 = len(keys)
		}
		spans[i] = sp
		tokFlags(&a.toks[i], raws, i, obf)
	}
	var ws, ks string
	if nb.owned {
		// The pooled buffers outlive this call only in the pool; the
		// strings are used before the buffers are put back.
		nb.words, nb.keys = words, keys
		ws = unsafe.String(unsafe.SliceData(words), len(words))
		ks = unsafe.String(unsafe.SliceData(keys), len(keys))
	} else {
		ws, ks = string(words), string(keys)
	}
	for i := range a.toks {
		sp := spans[i]
		a.toks[i].word = ws[sp.w0:sp.w1]
		a.toks[i].key = ks[sp.k0:sp.k1]
		if sp.a1 > sp.a0 {
			a.toks[i].alt = ks[sp.a0:sp.a1]
		}
	}
	return a
}

// asciiLetterWord appends word rs, if it is made of ASCII letters only, to
// words and its key to keys; emph reports a letter three times in a row.
// Otherwise it returns words and keys as they were (with more room).
func asciiLetterWord(rs []rune, words, keys []byte) (w, k []byte, emph, ok bool) {
	w0, k0 := len(words), len(keys)
	words, keys = slices.Grow(words, len(rs)), slices.Grow(keys, len(rs))
	wb, kb := words[w0:w0+len(rs)], keys[k0:k0+len(rs)]
	nw, nk := 0, 0
	for j := 0; j < len(rs); {
		r := rs[j]
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return words[:w0], keys[:k0], false, false
		}
		k := j + 1
		for k < len(rs) && rs[k] == r {
			k++
		}
		n := k - j
		if n >= 3 {
			n, emph = 1, true
		}
		b := byte(r)
		wb[nw] = b
		kb[nk] = b
		nw++
		nk++
		if n == 2 {
			wb[nw] = b
			nw++
			if b == 'e' || b == 'l' {
				kb[nk] = b
				nk++
			}
		}
		j = k
	}
	return words[:w0+nw], keys[:k0+nk], emph, true
}

// tokFlags sets the span and flags of token t from raw word i.
func tokFlags(t *token, raws []rawTok, i int, obf bool) {
	rt := &raws[i]
	t.start, t.end = rt.start, rt.end
	if obf {
		t.flags |= tObf
	}
	if rt.quoted {
		t.flags |= tQuoted
	}
	if rt.emoji {
		t.flags |= tEmoji
	}
	if i == 0 || rt.before.sentence {
		t.flags |= tSentence
	}
	t.elided = elidedAt(raws, i)
}

// appendSqueezed appends w with every run of identical letters reduced to
// one ("attentat" → "atentat", "bommbe" → "bombe"): keys compare the two
// sides squeezed, so doubled letters cannot dodge the lexicon. Doubled e and
// l are kept: armée is not armé, salle is not sale.
func appendSqueezed(dst, w []byte) []byte {
	var prev rune = -1
	for i := 0; i < len(w); {
		r, n := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(w[i:])
		}
		i += n
		if r == prev && !(r >= '0' && r <= '9') && r != 'e' && r != 'l' {
			continue
		}
		prev = r
		if n == 1 && r < utf8.RuneSelf {
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// deleet maps leet characters of a word to letters. Unless force is set, it
// acts only when a leet character sits between letters (b0mbe, 3xpl0s1f) and
// the word has at least two letters, so that 10h30, 4A, 2nde1, mp3 and covid19
// are left alone. It reports whether it changed anything.
func deleet(rs []rune, force bool) bool {
	letters := 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	if !force {
		interior := false
		seenLetter := false
		for i, r := range rs {
			if unicode.IsLetter(r) {
				seenLetter = true
				continue
			}
			if isLeetDigit(r) && seenLetter {
				for _, q := range rs[i+1:] {
					if unicode.IsLetter(q) {
						interior = true
						break
					}
				}
			}
			if interior {
				break
			}
		}
		if !interior {
			return false
		}
	}
	changed := false
	for i, r := range rs {
		if m, ok := leetMap[r]; ok {
			rs[i] = m
			changed = true
		}
	}
	return changed
}

var leetMap = map[rune]rune{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's'}

// hasLeetEdge reports whether a word keeps leet digits at its edges after
// Normalize (3xplosif, bomb3) and is not an ordinal or a unit (3eme, 10h,
// 5min): such words get a de-leeted alternative key for matching only.
func hasLeetEdge(w []byte) bool {
	letters, leet := 0, false
	for _, c := range w {
		switch {
		case c >= 'a' && c <= 'z':
			letters++
		case isLeetDigit(rune(c)):
			leet = true
		case c >= '0' && c <= '9':
			return false
		}
	}
	if !leet || letters < 3 {
		return false
	}
	// digits then a suffix: ordinals and units are not leet.
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i > 0 && unitSuffix[string(w[i:])] {
		return false
	}
	return true
}

var unitSuffix = map[string]bool{
	"eme": true, "emes": true, "ieme": true, "iemes": true, "ere": true, "eres": true, "nde": true, "ndes": true,
	"min": true, "mins": true, "heures": true, "heure": true, "jours": true, "jour": true, "mois": true, "ans": true,
	"sec": true, "kms": true, "euros": true, "pages": true, "page": true, "fois": true, "th": true,
}

// foldHomoglyphs maps Cyrillic and Greek look-alikes to Latin letters in a
// word that mixes them with Latin letters, or that is made only of
// look-alikes (two letters or more, so a lone α in a physics lesson stays).
// Real Russian or Greek words keep their letters.
func foldHomoglyphs(rs []rune) bool {
	latin, conf, other := 0, 0, 0
	for _, r := range rs {
		switch {
		case r < 0x80:
			// A digit read as a letter (leet, after this stage) counts
			// as the Latin letter it becomes: « Ѿ0о » folds as « Ѿoо »
			// will on a second pass.
			if _, leet := leetMap[r]; unicode.IsLetter(r) || leet && r >= '0' && r <= '9' {
				latin++
			}
		default:
			if _, ok := homoglyphs[r]; ok {
				conf++
			} else if capitalGlyph(r) {
				conf++
			} else if unicode.IsLetter(r) {
				other++
			}
		}
	}
	if conf == 0 || (latin == 0 && (other > 0 || conf < 2)) {
		for i, r := range rs {
			if capitalGlyph(r) {
				rs[i] = unicode.ToLower(r) // a real Greek word, lowered as the others
			}
		}
		return false
	}
	for i, r := range rs {
		if m, ok := homoglyphs[r]; ok {
			rs[i] = m
		} else if m, ok := capitalShape(r); ok {
			rs[i] = m
		}
	}
	return true
}

// enclosedLetter returns the Latin letter of a parenthesized (⒜), circled
// (Ⓐ, ⓐ), squared (🄰) or negative circled or squared (🅐, 🅰) letter.
func enclosedLetter(r rune) (rune, bool) {
	for _, base := range [...]rune{0x249C, 0x24B6, 0x24D0, 0x1F130, 0x1F150, 0x1F170} {
		if r >= base && r < base+26 {
			return 'a' + (r - base), true
		}
	}
	return 0, false
}

// capitalShape returns the Latin letter of a Greek capital that looks like
// another letter than its lower case does: Η is an H (η an n), Μ an M (μ a
// u), Ν an N (ν a v), Υ a Y (υ a u). These are not lowered before the
// homoglyph stage (« ΤΟUS LΕS ÉLÈVΕS VΟΝΤ ΜΟURΙR » is « vont mourir », not
// « vovt uourir »). A switch: it is asked of every letter outside the
// Latin script.
func capitalShape(r rune) (rune, bool) {
	switch r {
	case 'Η':
		return 'h', true
	case 'Μ':
		return 'm', true
	case 'Ν':
		return 'n', true
	case 'Υ':
		return 'y', true
	}
	return 0, false
}

// capitalGlyph reports whether r is one of capitalShape's capitals.
func capitalGlyph(r rune) bool {
	_, ok := capitalShape(r)
	return ok
}

var homoglyphs = map[rune]rune{
	// Cyrillic (lower case; upper case is lowered before).
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'п': 'n', 'р': 'p',
	'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'ь': 'b', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd',
	'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'һ': 'h', 'ү': 'y', 'ѵ': 'v', 'г': 'r',
	// Greek.
	'α': 'a', 'β': 'b', 'γ': 'y', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'μ': 'u', 'ν': 'v', 'ο': 'o',
	'π': 'n', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'ϲ': 'c', 'ϳ': 'j', 'ά': 'a', 'έ': 'e',
	'ή': 'n', 'ί': 'i', 'ό': 'o', 'ύ': 'u', 'ώ': 'w', 'ζ': 'z', 'ς': 'c',
	// Canadian syllabics, the « fancy text » generators' letters (« ᗷOᗰᗷE »).
	'ᗩ': 'a', 'ᗷ': 'b', 'ᑕ': 'c', 'ᗪ': 'd', 'ᕮ': 'e', 'ᖴ': 'f', 'ᘜ': 'g', 'ᕼ': 'h', 'ᒍ': 'j', 'ᒪ': 'l',
	'ᗰ': 'm', 'ᑎ': 'n', 'ᑭ': 'p', 'ᑫ': 'q', 'ᖇ': 'r', 'ᔕ': 's', 'ᑌ': 'u', 'ᐯ': 'v', 'ᗯ': 'w', '᙭': 'x',
	'ᖻ': 'y', 'ᘔ': 'z',
}

// emojiWords gives the emoji that carry a threat or a tone their meaning.
var emojiWords = map[rune]string{
	'💣': "bombe", '🧨': "explosif", '💥': "explosion", '🔫': "arme", '🔪': "couteau", '🗡': "couteau",
	'⚔': "armes", '🪓': "hache", '🩸': "sang", '💀': "mort", '☠': "mort", '⚰': "cercueil", '🪦': "tombe",
	'🔥': "feu", '🏫': "ecole", '🎯': "cible", '⏰': "compte a rebours", '⏳': "compte a rebours",
	'⌛': "compte a rebours", '⏱': "compte a rebours", '🚨': "alerte", '😂': "mdr", '🤣': "mdr",
	'😆': "mdr", '😹': "mdr", '😅': "mdr", '💸': "argent", '💰': "argent", '💶': "argent", '📸': "photo", '🍑': "sexe",
	'🍆': "sexe", '🔞': "sexe", '🤬': "colere", '😡': "colere", '✈': "avion", '🕋': "islam",
	// words for the model, which weighs them with the rest (forty-first
	// round): the raised finger of the jihadists' oath is as often a
	// reminder, the truck and the lion as often a delivery and a cub
	'☝': "doigtleve", '🚚': "camion", '🦁': "lion",
	'€': "euros",
}

// latinFold maps Latin letters with diacritics (and ligatures, small capitals,
// typographic quotes and spaces) to plain lower-case ASCII. Built at init.
var latinFold = map[rune]string{}

var punctKind = map[rune]chKind{
	'’': kApos, '‘': kApos, 'ʼ': kApos, '´': kApos, '′': kApos, 'ʻ': kApos,
	'«': kOpenQuote, '»': kCloseQuote, '“': kOpenQuote, '”': kCloseQuote, '„': kOpenQuote, '″': kQuote,
	'‹': kOpenQuote, '›': kCloseQuote,
	'\u00a0': kSpace, '\u202f': kSpace, '\u2007': kSpace, '\u2028': kNewline, '\u2029': kNewline, '\u0085': kNewline,
}

func init() {
	for r := rune(0x80); r <= 0x24F; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		d := norm.NFD.String(string(unicode.ToLower(r)))
		var b strings.Builder
		for _, x := range d {
			if x < 0x80 && unicode.IsLetter(x) {
				b.WriteRune(x)
			}
		}
		if b.Len() > 0 {
			latinFold[r] = b.String()
		}
	}
	for r, s := range map[rune]string{
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d",
		'ł': "l", 'Ł': "l", 'ı': "i", 'ŀ': "l", 'ĸ': "k", 'ŉ': "n", 'ſ': "s", 'þ': "th", 'ð': "d",
		'ɑ': "a", 'ɡ': "g", 'ɩ': "i", 'ɪ': "i", 'ʙ': "b", 'ɢ': "g", 'ʜ': "h", 'ʟ': "l", 'ɴ': "n", 'ʀ': "r", 'ʏ': "y",
		'ᴀ': "a", 'ᴄ': "c", 'ᴅ': "d", 'ᴇ': "e", 'ᴊ': "j", 'ᴋ': "k", 'ᴍ': "m", 'ᴏ': "o", 'ᴘ': "p", 'ꜱ': "s",
		'ᴛ': "t", 'ᴜ': "u", 'ᴠ': "v", 'ᴡ': "w", 'ᴢ': "z",
	} {
		latinFold[r] = s
	}
	// Greek and Cyrillic capitals are lowered here so that the homoglyph
	// stage sees one form.
	for r := rune(0x370); r <= 0x4FF; r++ {
		if unicode.IsUpper(r) && !capitalGlyph(r) {
			latinFold[r] = string(unicode.ToLower(r))
		}
	}
	// Latin-1 punctuation with a meaning for the segmenter.
	delete(latinFold, '\u00aa')
	delete(latinFold, '\u00ba')
}

// asciiChs is appendASCII for each ASCII byte, with obf set where it keeps
// the obfuscation flag; latinFast is latinFold for the Latin letters below
// U+0250 that are not emoji words. mapRunes reads them instead of calling
// appendASCII and looking up maps for every character.
//
// asciiChs is a variable initialised by a function, so that it is ready
// before the lexicon (itself a package variable) is compiled; latinFast is
// filled by an init, after the one that fills latinFold (same file,
// later), so that both stay empty while the lexicon compiles.
var (
	asciiChs  = buildASCIIChs()
	latinFast [0x250]string
)

func buildASCIIChs() (t [utf8.RuneSelf]ch) {
	for b := range t {
		t[b] = appendASCII(nil, rune(b), 0, 1, true)[0]
	}
	return t
}

func init() {
	for r := range asciiFlat {
		asciiFlat[r] = flatRune(rune(r))
	}
	asciiFlatReady = true
	for r, rep := range latinFold {
		if _, emoji := emojiWords[r]; r >= utf8.RuneSelf && r < rune(len(latinFast)) && !emoji && rep != "" {
			latinFast[r] = rep
		}
	}
}
