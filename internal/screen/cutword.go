package screen

import (
	"strings"
	"unicode/utf8"
)

// Words cut by a mark inside them: « une bo.mbe au co_llège », « je vais
// te tu-er », « bo🔥mbe ». A writer hiding words from a filter puts a dot,
// a hyphen, an underscore or an emoji inside them, and the tokenizer cuts
// each such word into pieces no table knows (measured, 7 December: a mark
// inside half the words of 3,108 held threats let a third of them
// through). joinCutWords joins the pieces when the join is a word of the
// dictionary and the cut is no ordinary writing: an emoji or an
// underscore inside a word is never one, but a dot or a hyphen is, between
// two words (« peut-être », « rdv.demain », « tic-tac ») and in other
// languages (« vou-te matar »), so it joins only pieces none of which is a
// word of the dictionary. Nothing is joined inside a link, an address or a
// path.

// cutMarks are the one-byte marks a word may be cut by.
const cutMarks = ".-_*|+~"

// maxCutPieces bounds the pieces of one cut word.
const maxCutPieces = 4

// cutGap reports whether the source between two adjacent tokens is one
// cut mark, and whether that mark is never ordinary writing inside a word.
func cutGap(src string, a, b *token) (cut, strong bool) {
	if b.start != a.end+1 {
		return false, false
	}
	c := src[a.end]
	for i := 0; i < len(cutMarks); i++ {
		if cutMarks[i] == c {
			return true, c != '.' && c != '-'
		}
	}
	return false, false
}

// emojiToken reports whether a token is an emoji read as a word (its
// source holds no letter or digit of the basic Latin alphabet).
func emojiToken(src string, t *token) bool {
	if t.end <= t.start {
		return false
	}
	for i := t.start; i < t.end; i++ {
		c := src[i]
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// joinCutWords joins the cut words of a; ok is false when there is none,
// and a is then unchanged. known(i) reports whether token i's key is a
// word of the dictionary.
func joinCutWords(a analysis, known func(i int) bool) (analysis, bool) {
	ts := a.toks
	cuts := false // a cut mark or an emoji between two tokens, no space
	for i := 0; i+1 < len(ts) && !cuts; i++ {
		cut, _ := cutGap(a.src, &ts[i], &ts[i+1])
		cuts = cut || ts[i+1].start == ts[i].end && emojiToken(a.src, &ts[i+1])
	}
	if !cuts {
		return a, false
	}
	return joinRuns(a, func(i int) (int, string, string) {
		if !isLetters(ts[i].key) {
			return 0, "", ""
		}
		// A run starts a word: « dé-fon-cer » is not « dé » and « foncer ».
		if i > 0 {
			if cut, _ := cutGap(a.src, &ts[i-1], &ts[i]); cut || ts[i-1].end == ts[i].start {
				return 0, "", ""
			}
		}
		// The pieces from i, as indexes into ts (an emoji between two
		// pieces is no piece).
		var pieces [maxCutPieces]int
		np, strong := 1, false
		pieces[0] = i
		j := i
		for np < maxCutPieces {
			if j+1 < len(ts) && isLetters(ts[j+1].key) && ts[j+1].flags&tSentence == 0 {
				if cut, s := cutGap(a.src, &ts[j], &ts[j+1]); cut {
					pieces[np], np, j = j+1, np+1, j+1
					strong = strong || s
					continue
				}
			}
			if j+2 < len(ts) && ts[j+1].start == ts[j].end && ts[j+2].start == ts[j+1].end && emojiToken(a.src, &ts[j+1]) && isLetters(ts[j+2].key) {
				pieces[np], np, j = j+2, np+1, j+2
				strong = true
				continue
			}
			break
		}
		if np < 2 || inLink(a.src, ts[i].start, ts[pieces[np-1]].end) {
			return 0, "", ""
		}
		// The whole chain is the word: a part of it joined would cut
		// another word (« dé-fon-cer » is not « foncer »).
		words := false
		var buf []byte
		for p := 0; p < np; p++ {
			buf = append(buf, ts[pieces[p]].key...)
			words = words || known(pieces[p])
		}
		if k := string(appendSqueezed(nil, buf)); (strong || !words) && dictWord(k) {
			word := ""
			for p := 0; p < np; p++ {
				word += ts[pieces[p]].word
			}
			return pieces[np-1] - i + 1, k, word
		}
		return 0, "", ""
	})
}

// inLink reports whether the text from start to end stands in a link, an
// address or a path: the run of non-space characters around it holds a
// slash, an at sign or « www ».
func inLink(src string, start, end int) bool {
	for start > 0 && !isSpaceByte(src[start-1]) {
		start--
	}
	for end < len(src) && !isSpaceByte(src[end]) {
		end++
	}
	chunk := src[start:end]
	return strings.ContainsAny(chunk, "/@") || strings.Contains(strings.ToLower(chunk), "www")
}

// dictWord reports whether a key is a word of the dictionary: a form of
// the morphology table (verbs and function words) or a noun or adjective
// of the word list.
func dictWord(k string) bool { return len(morphLookup(k)) > 0 || nounAdjWord(k) }
