package screen

import "unicode"

// A text the French lexicon mostly cannot read is other evidence than a
// French one: its frames and rules find no act in it, so « aucun acte »
// says nothing there, and only its words (learned from sets written in
// other languages) carry the harm. The model is told how much of the text
// is foreign, so that it can weigh those words, not the missing frames.

// minLangWords is the fewest words a text needs for its language to be
// judged: two or three words are as often a name or a greeting.
const minLangWords = 3

// langShares are the shares of a text's words (letters only, two letters
// or more) that the morphology table does not know, and that are written
// in a script other than Latin; words counts them.
func langShares(toks []dtok) (unknown, nonLatin float64, words int) {
	var nu, nl int
	for i := range toks {
		t := &toks[i]
		if t.flags&tEmoji != 0 || len(t.key) < 2 || !isWord(t.key) {
			continue
		}
		words++
		if !frenchWord(t.info) {
			nu++
		}
		if !latinWord(t.key) {
			nl++
		}
	}
	if words == 0 {
		return 0, 0, 0
	}
	return float64(nu) / float64(words), float64(nl) / float64(words), words
}

// frenchWord reports whether the lexicon knows the key: a form in the
// morphology table (verbs and function words) or a word of a lexicon,
// frame or act class (nouns of places, weapons, people…). Other nouns are
// not in the table, so an ordinary French text has a quarter to a third
// of its words unknown; the model learns what each share means.
func frenchWord(ki *keyInfo) bool {
	return ki != nil && (len(ki.morph) > 0 || ki.frame != 0 || ki.noun != actNone || ki.act != actNone)
}

// isWord reports whether k is made of letters only.
func isWord(k string) bool {
	for _, r := range k {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// latinWord reports whether every letter of k is Latin.
func latinWord(k string) bool {
	for _, r := range k {
		if r >= 0x80 && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// langFeatures adds the text's language features: the share of words the
// lexicon does not know, by quarter, and a script other than Latin.
func (fv *featureVec) langFeatures(toks []dtok) {
	unknown, nonLatin, words := langShares(toks)
	if words < minLangWords {
		return
	}
	switch {
	case unknown >= 0.75:
		fv.addName("langue : mots inconnus ≥ 3/4", frameValue)
	case unknown >= 0.5:
		fv.addName("langue : mots inconnus ≥ 1/2", frameValue)
	case unknown >= 0.25:
		fv.addName("langue : mots inconnus ≥ 1/4", frameValue)
	}
	if nonLatin >= 0.5 {
		fv.addName("langue : écriture non latine", frameValue)
	}
}
