package screen

import "strings"

// Letters masked by stars: « une b*mbe », « je vais te t*er », « demain je
// f*s*ll* tout le monde ». A writer hiding a word from a filter puts a star
// for a vowel or two; the tokenizer then cuts the word at each star into
// pieces no reader joins (the star is no gap between syllables, as in
// « bom-be », it is a letter). unmaskStars fills each star of a starred
// word with a vowel and reads the word when a filling is an act word in a
// slot where an act is read (joinSlot, as for a split word) and, for one
// star, no filling is another word of the dictionary (« t'es b*te »: bête
// or bute). Two stars or more are a word hidden on purpose, and the slot
// decides (« f*s*ll* » is fusille after « je », not fusilli). A starred
// word that is no act word is read when one filling only is a word of the
// dictionary (onlyWord: « au c*llège dem*in »).

// maskVowels are the letters a star may stand for, e first: of two forms
// of one verb (« fusille », « fusilla ») the present is the likelier.
const maskVowels = "eaiouy"

// maxMaskStars bounds the stars of one word (6^3 fillings at most).
const maxMaskStars = 3

// starGap returns the number of stars between two offsets of src when
// they hold stars only (1 or 2), else 0.
func starGap(src string, from, to int) int {
	n := to - from
	if n < 1 || n > 2 || strings.Trim(src[from:to], "*") != "" {
		return 0
	}
	return n
}

// unmaskStars reads the star-masked act words of a; ok is false when there
// is none, and a is then unchanged.
func unmaskStars(a analysis, kc *keyCache) (analysis, bool) {
	if strings.IndexByte(a.src, '*') < 0 {
		return a, false
	}
	acts := actKeySet()
	return joinRuns(a, func(i int) (int, string, string) { return unmaskAt(a, kc, acts, i) })
}

// unmaskAt returns the number of tokens from i that make one star-masked
// act word, with its key and word, or 0.
func unmaskAt(a analysis, kc *keyCache, acts map[string]bool, i int) (n int, key, word string) {
	ts := a.toks
	if !isLetters(ts[i].key) || i > 0 && starGap(a.src, ts[i-1].end, ts[i].start) > 0 {
		return 0, "", ""
	}
	// The pieces and the stars after each: « f » 1 « s » 1 « ll » 1.
	var stars [5]int
	end, total := i, 0
	for end < len(ts) && end-i < len(stars) {
		g := 0
		if end+1 < len(ts) && isLetters(ts[end+1].key) {
			g = starGap(a.src, ts[end].end, ts[end+1].start)
		}
		if g == 0 { // the word's last piece: a star may end a starred word (« f*s*ll* »), not a word alone (« *craque* »)
			if e := ts[end].end; total > 0 && e < len(a.src) && a.src[e] == '*' && (e+1 == len(a.src) || a.src[e+1] != '*' && !isWordByte(a.src[e+1])) {
				stars[end-i], total = 1, total+1
			}
			end++
			break
		}
		stars[end-i], total = g, total+g
		end++
	}
	if total == 0 || total > maxMaskStars {
		return 0, "", ""
	}
	var filled [maxMaskStars]byte
	var best, bestLemma string
	var sq []byte
	otherWord := false // a filling is a word of the dictionary but no act word
	for combo := 0; combo < pow(len(maskVowels), total); combo++ {
		c := combo
		for s := 0; s < total; s++ {
			filled[s] = maskVowels[c%len(maskVowels)]
			c /= len(maskVowels)
		}
		var b strings.Builder
		s := 0
		for j := i; j < end; j++ {
			b.WriteString(ts[j].key)
			for k := 0; k < stars[j-i]; k++ {
				b.WriteByte(filled[s])
				s++
			}
		}
		sq = appendSqueezed(sq[:0], []byte(b.String()))
		if !acts[string(sq)] {
			otherWord = otherWord || len(morphLookup(string(sq))) > 0
			continue
		}
		k := string(sq)
		if ki := kc.info(k); actWordKey(ki) && (ki.noun != actNone && i > 0 && repairDets[ts[i-1].key] || joinSlot(ts, i, ki)) {
			l := ki.lemma
			if l == "" {
				l = k
			}
			switch {
			case best == "":
				best, bestLemma = k, l
			case l != bestLemma:
				return 0, "", "" // two act words: the stars say nothing sure
			}
		}
	}
	switch {
	case best != "" && otherWord && total == 1:
		return 0, "", "" // « b*te »: bête as well as bute
	case best == "":
		best = onlyWord(ts[i:end], stars[:end-i], total)
	}
	if best == "" {
		return 0, "", ""
	}
	return end - i, best, best
}

// onlyWord returns the one word of the dictionary that a filling of the
// starred pieces spells (« c*llège » is collège, « dem*in » demain), or ""
// when none or several do (« b*te »: bête, bute).
func onlyWord(pieces []token, stars []int, total int) string {
	var filled [maxMaskStars]byte
	var b []byte
	found := ""
	for combo := 0; combo < pow(len(maskVowels), total); combo++ {
		c := combo
		for s := 0; s < total; s++ {
			filled[s] = maskVowels[c%len(maskVowels)]
			c /= len(maskVowels)
		}
		b = b[:0]
		s := 0
		for j := range pieces {
			b = append(b, pieces[j].key...)
			for k := 0; k < stars[j]; k++ {
				b = append(b, filled[s])
				s++
			}
		}
		k := string(appendSqueezed(nil, b))
		if len(morphLookup(k)) == 0 || k == found {
			continue
		}
		if found != "" {
			return ""
		}
		found = k
	}
	return found
}

func pow(b, e int) int {
	r := 1
	for ; e > 0; e-- {
		r *= b
	}
	return r
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
