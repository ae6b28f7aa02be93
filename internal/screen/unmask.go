package screen

import "strings"

// Letters masked by a mark: « une b*mbe », « je vais te t*er », « demain
// je f*s*ll* tout le monde », « une b€mbe ». A writer hiding a word from a
// filter puts a star for a vowel or two, or a euro sign for an e; the
// tokenizer then cuts the word at each mark into pieces no reader joins
// (the mark is no gap between syllables, as in « bom-be », it is a
// letter). unmaskStars fills each star with a vowel and each euro sign
// with an e, and reads the word when a filling is an act word in a slot
// where an act is read (joinSlot, as for a split word) and, for one mark,
// no filling is another word of the dictionary (« t'es b*te »: bête or
// bute). Two marks or more are a word hidden on purpose, and the slot
// decides (« f*s*ll* » is fusille after « je », not fusilli). A masked word
// that is no act word is read when one filling only is a word of the
// dictionary (« au c*llège dem*in »).

// maskVowels are the letters a star may stand for, e first: of two forms
// of one verb (« fusille », « fusilla ») the present is the likelier.
const maskVowels = "eaiouy"

// maxMasks bounds the marks of one word (6^3 fillings at most).
const maxMasks = 3

// maskGap returns the letters each mark between two offsets of src may
// stand for, one string a mark, when they hold one or two marks only;
// else nil.
func maskGap(src string, from, to int) []string {
	var out []string
	for i := from; i < to; {
		switch {
		case src[i] == '*':
			out, i = append(out, maskVowels), i+1
		case strings.HasPrefix(src[i:to], "€"):
			out, i = append(out, "e"), i+len("€")
		default:
			return nil
		}
	}
	if len(out) > 2 {
		return nil
	}
	return out
}

// unmaskStars reads the masked words of a; ok is false when there is
// none, and a is then unchanged.
func unmaskStars(a analysis, kc *keyCache) (analysis, bool) {
	a, changed := atVowels(a)
	if strings.IndexByte(a.src, '*') < 0 && !strings.Contains(a.src, "€") {
		return a, changed
	}
	// A euro sign is read as a word (« euros »): inside a word it is a
	// mark, and its token goes when a masked word is read.
	b := a
	if strings.Contains(a.src, "€") {
		b.toks = nil
		for i, t := range a.toks {
			if i > 0 && i+1 < len(a.toks) && a.src[t.start:t.end] == "€" && a.toks[i-1].end == t.start && a.toks[i+1].start == t.end &&
				isLetters(a.toks[i-1].key) && isLetters(a.toks[i+1].key) {
				continue
			}
			b.toks = append(b.toks, t)
		}
	}
	acts := actKeySet()
	if u, ok := joinRuns(b, func(i int) (int, string, string) { return unmaskAt(b, kc, acts, i) }); ok {
		return u, true
	}
	return a, changed
}

// atVowels reads an at sign inside a word as the vowel that makes it a
// word: leetspeak reads « @ » as a (« m@ths »), but a writer hiding « la
// b@mbe au réfect@ire » means an o. A word whose at signs read as a is no
// word of the dictionary is read with the one filling of them by vowels
// that is, if only one is; an address (a dot or a slash after the at
// sign) is left alone.
func atVowels(a analysis) (analysis, bool) {
	if strings.IndexByte(a.src, '@') < 0 {
		return a, false
	}
	changed := false
	for i := range a.toks {
		t := &a.toks[i]
		w := a.src[t.start:t.end]
		if strings.IndexByte(w, '@') <= 0 || !asciiLetters(w) || dictWord(t.key) || address(a.src, t.end) {
			continue
		}
		var pieces []token
		var marks [][]string
		ok := true
		for _, p := range strings.Split(strings.ToLower(w), "@") {
			if !isLetters(p) {
				ok = false
				break
			}
			pieces, marks = append(pieces, token{key: p}), append(marks, []string{maskVowels})
		}
		if !ok || len(pieces) < 2 || len(pieces)-1 > maxMasks {
			continue
		}
		marks[len(marks)-1] = nil // no mark after the last piece
		if k := onlyWord(pieces, marks); k != "" {
			if !changed { // the caller's tokens stay as they were
				a.toks = append([]token(nil), a.toks...)
				t = &a.toks[i]
				changed = true
			}
			t.key, t.word, t.alt = k, k, ""
		}
	}
	return a, changed
}

// asciiLetters reports whether w holds ASCII letters and at signs only
// (the pieces are then keys as they are, lowercased).
func asciiLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; (c < 'a' || c > 'z') && w[i] != '@' {
			return false
		}
	}
	return true
}

// address reports whether the word ending at end is followed, before any
// space, by a dot and a letter or by a slash: an e-mail address or a link.
func address(src string, end int) bool {
	for i := end; i < len(src) && !isSpaceByte(src[i]); i++ {
		if src[i] == '/' || src[i] == '.' && i+1 < len(src) && isWordByte(src[i+1]) {
			return true
		}
	}
	return false
}

// unmaskAt returns the number of tokens from i that make one masked word,
// with its key and word, or 0.
func unmaskAt(a analysis, kc *keyCache, acts map[string]bool, i int) (n int, key, word string) {
	ts := a.toks
	if !isLetters(ts[i].key) || i > 0 && maskGap(a.src, ts[i-1].end, ts[i].start) != nil {
		return 0, "", ""
	}
	// The pieces and the marks after each: « f » * « s » * « ll » *.
	var marks [5][]string
	end, total := i, 0
	for end < len(ts) && end-i < len(marks) {
		var g []string
		if end+1 < len(ts) && isLetters(ts[end+1].key) {
			g = maskGap(a.src, ts[end].end, ts[end+1].start)
		}
		if g == nil { // the word's last piece: a star may end a starred word (« f*s*ll* »), not a word alone (« *craque* »)
			if e := ts[end].end; total > 0 && e < len(a.src) && a.src[e] == '*' && (e+1 == len(a.src) || a.src[e+1] != '*' && !isWordByte(a.src[e+1])) {
				marks[end-i], total = []string{maskVowels}, total+1
			}
			end++
			break
		}
		marks[end-i], total = g, total+len(g)
		end++
	}
	if total == 0 || total > maxMasks {
		return 0, "", ""
	}
	pieces, ms := ts[i:end], marks[:end-i]
	var best, bestLemma string
	otherWord := false // a filling is a word of the dictionary but no act word
	ambiguous := false
	fillings(pieces, ms, func(k string) bool {
		if !acts[k] {
			otherWord = otherWord || dictWord(k)
			return true
		}
		if ki := kc.info(k); actWordKey(ki) && (ki.noun != actNone && i > 0 && repairDets[ts[i-1].key] || joinSlot(ts, i, ki)) {
			l := ki.lemma
			if l == "" {
				l = k
			}
			switch {
			case best == "":
				best, bestLemma = k, l
			case l != bestLemma:
				ambiguous = true // two act words: the marks say nothing sure
				return false
			}
		}
		return true
	})
	switch {
	case ambiguous || best != "" && otherWord && total == 1:
		return 0, "", "" // « b*te »: bête as well as bute
	case best == "":
		best = onlyWord(pieces, ms)
	}
	if best == "" {
		return 0, "", ""
	}
	return end - i, best, best
}

// onlyWord returns the one word of the dictionary that a filling of the
// masked pieces spells (« c*llège » is collège, « dem*in » demain), or ""
// when none or several do (« b*te »: bête, bute).
func onlyWord(pieces []token, marks [][]string) string {
	found, several := "", false
	fillings(pieces, marks, func(k string) bool {
		if !dictWord(k) || k == found {
			return true
		}
		several = found != ""
		found = k
		return !several
	})
	if several {
		return ""
	}
	return found
}

// fillings calls f with the squeezed key of each filling of the pieces'
// marks, in order (the last mark's letters varying slowest), until f
// returns false.
func fillings(pieces []token, marks [][]string, f func(key string) bool) {
	var sets []string
	for _, m := range marks {
		sets = append(sets, m...)
	}
	n := 1
	for _, s := range sets {
		n *= len(s)
	}
	var b, sq []byte
	for combo := 0; combo < n; combo++ {
		b = b[:0]
		c, s := combo, 0
		for j := range pieces {
			b = append(b, pieces[j].key...)
			for range marks[j] {
				b = append(b, sets[s][c%len(sets[s])])
				c /= len(sets[s])
				s++
			}
		}
		sq = appendSqueezed(sq[:0], b)
		if !f(string(sq)) {
			return
		}
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
