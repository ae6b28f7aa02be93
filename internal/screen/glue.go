package screen

// Glued words. « jevaistetuerdemainalasortie », « UNEBOMBEVAEXPLOSERAU
// COLLEGEDEMAIN », « #ViveLeCalifat »: a message written without spaces
// is one word the lexicon does not know, and every reading of the text
// (rules, frames, the model's word features) sees nothing in it. An
// attacker who has read the code glues his words; pupils glue words in
// hashtags and in a hurry. repairWords' splitFix only splits short glued
// words around an act word (five to twenty-four letters, two to four
// pieces); the segmenter here reads any run of glueMinLen letters or more
// that splitFix and editFix leave, and its pieces are then read by the
// rules, the frames and the model as if they had been typed with spaces:
//
//   - a key of glueMinLen letters or more that no table knows whole (the
//     morphology table, the lexicon's exact words, the chat spellings, the
//     word list below) is cut by dynamic programming into the
//     cheapest sequence of known pieces (gluePiece: a function word of
//     the screen's lists costs least, a word the screen's vocabularies
//     know 1, any other word of the tables more, a two-letter one more
//     still; a determiner before a function word or an elision before a
//     conjunction costs more), so fewer, longer, commoner words win:
//     « demain » before « de main », « te tuer » before « tetuer »;
//   - the cut is kept only when every letter is covered by a known piece
//     (no word is ever invented), in glueMinPieces pieces or more of
//     glueMinAvg letters on average, with at least one function word and
//     not only function words, no two-letter content word, at most one
//     short word the screen does not know in four (glueWeak), no object
//     clitic or conjunction at the end, no « de le »: what glued French
//     looks like, and what the shreds of a foreign word or a name do not
//     (« detona te », « not ici as », « de le gates »); and a cut of five
//     pieces or fewer is dropped when the key is one edit from a word of
//     the tables (a typo: « déclanchement », « descendence »);
//   - a word written in camel case (« JeVaisTeTuer », « #VivaLeCalifat »)
//     is cut where the writer put his capitals and nowhere else, each part
//     then read as a word or segmented; a part no table knows (« viva »)
//     is kept as it is when most letters are in known parts, and a camel
//     word without a function word among its parts is a name or a brand
//     (« EcoleDirecte », « OneDrive ») and stays whole;
//   - never inside a link, an e-mail address, a handle, a code or
//     identifier (a chunk with digits, @, /, _, = or a dot between
//     letters), a name (a capital then small letters inside a sentence),
//     irregular case (base64: capitals in a row among small letters), or
//     in a message whose other words are not French (glueFrench).
//
// The word list (data/words.txt.gz) is every noun and adjective form of
// hunspell-fr-comprehensive reduced to its key (cmd/screenlex -pos
// noun,adj -keys): the morphology table holds verbs and function words
// only, and a segmenter that did not know « bombardement » or
// « parapluie » as words would cut them (« bombarde ment », « par a
// pluie »). The dictionary carries no frequencies, so the list is not cut
// to frequent forms: a rare word missing from it would be cut, which is
// worse than 330 kB (131,837 keys). It is loaded on the first long
// unknown key only.
//
// The decision is made once per key (computeFix, cached with the key's
// information); a message without such a key costs nothing more, nor
// does one whose long unknown words were not cut and are not in camel
// case (fixMayApply). The pieces are looked up letter by letter in the
// sorted tables (keyRange), so a substring that begins no word ends its
// pieces; a new glued key costs about 100 µs once (docs/screen/NOTES.md
// « Glued words »).

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// glueMinLen is the shortest key the segmenter reads: glueMinPieces
// pieces of glueMinAvg letters. Over the test sets and the training
// corpus, the unknown keys of five to seven letters that fall into known
// pieces are slang, names and typos (« bleuis es », « s' extorsion »,
// « des cartes »), and two glued words around an act word are splitFix's
// (« tuerce »), which reads from five letters.
const glueMinLen = 8

// glueMaxLen bounds the segmenter's work on one key (a run longer than
// this is a blob: base64, a hash, a pasted key).
const glueMaxLen = 120

// glueMaxPiece is the longest piece tried.
const glueMaxPiece = 24

// glueMinPieces is the fewest pieces of a kept cut. A word the tables
// miss (a rare verb form: « bleuisses », a new word: « sextorsion », a
// name: « descartes ») falls into two French pieces far more often than
// into three; two glued words around an act word are splitFix's.
const glueMinPieces = 3

// glueMinAvg is the least mean length of the pieces of a kept cut: French
// words average above four letters, a cut into shreds of two is chance.
const glueMinAvg = 2.6

//go:embed data/words.txt.gz
var wordsTable []byte

// sortedWords is a sorted list of keys in one string (one allocation, a
// binary search a lookup).
type sortedWords struct {
	blob string
	off  []uint32 // start of each key in blob; len(off) = keys + 1
}

func (w *sortedWords) at(i int) string { return w.blob[w.off[i] : w.off[i+1]-1] }

func (w *sortedWords) has(k string) bool {
	return fullRange(w).narrow(w, k).exact(w, k)
}

func (w *sortedWords) count() int         { return len(w.off) - 1 }
func (w *sortedWords) keyAt(i int) string { return w.at(i) }

// keyList is a sorted list of keys: the morphology table, the word list,
// the other pieces.
type keyList interface {
	count() int
	keyAt(i int) string
}

// keyRange is the range [lo, hi) of a keyList's keys that begin with a
// prefix; narrowing it to a longer prefix searches that range only, so
// reading a key letter by letter costs little more than one search.
type keyRange struct{ lo, hi int }

func fullRange(l keyList) keyRange { return keyRange{0, l.count()} }

// narrow returns the keys of r that begin with p, which extends the
// prefix r was narrowed to.
func (r keyRange) narrow(l keyList, p string) keyRange {
	a := r.lo + sort.Search(r.hi-r.lo, func(i int) bool { return l.keyAt(r.lo+i) >= p })
	b := a + sort.Search(r.hi-a, func(i int) bool { return !strings.HasPrefix(l.keyAt(a+i), p) })
	return keyRange{a, b}
}

func (r keyRange) empty() bool { return r.lo >= r.hi }

// exact reports whether p, the prefix r was narrowed to, is itself a key.
func (r keyRange) exact(l keyList, p string) bool { return !r.empty() && l.keyAt(r.lo) == p }

// glueLists are the segmenter's three sorted lists, and glueRanges a
// range in each.
type glueRanges [3]keyRange

func glueLists() [3]keyList {
	glueWordsOnce.Do(loadGlueWords)
	if morphLoadErr() != nil || morph == nil {
		return [3]keyList{&sortedWords{off: []uint32{0}}, glueWords, glueExtra}
	}
	return [3]keyList{morph, glueWords, glueExtra}
}

func glueFull(ls [3]keyList) glueRanges {
	return glueRanges{fullRange(ls[0]), fullRange(ls[1]), fullRange(ls[2])}
}

var (
	gluePrefixOnce sync.Once
	gluePrefix     [26 + 26*26]glueRanges
)

// glueStart returns the ranges of the keys that begin with p[:1] or, when
// p has two letters or more, p[:2] (letters a–z), from a table built once:
// the searches over the whole lists were most of the segmenter's and the
// typo check's time. m is the length of the prefix the ranges are for.
func glueStart(ls [3]keyList, p string) (g glueRanges, m int) {
	gluePrefixOnce.Do(func() {
		full := glueFull(ls)
		for a := byte('a'); a <= 'z'; a++ {
			ga, _, _ := full.narrow(ls, string(a))
			gluePrefix[a-'a'] = ga
			for b := byte('a'); b <= 'z'; b++ {
				gluePrefix[26+int(a-'a')*26+int(b-'a')], _, _ = ga.narrow(ls, string([]byte{a, b}))
			}
		}
	})
	if len(p) >= 2 {
		return gluePrefix[26+int(p[0]-'a')*26+int(p[1]-'a')], 2
	}
	return gluePrefix[p[0]-'a'], 1
}

// narrow narrows each range to p; exact tells whether a list has p, and
// the ranges are all empty when no key begins with p.
func (g glueRanges) narrow(ls [3]keyList, p string) (out glueRanges, exact, any bool) {
	for i, r := range g {
		if r.empty() {
			out[i] = r
			continue
		}
		out[i] = r.narrow(ls[i], p)
		if !out[i].empty() {
			any = true
			exact = exact || out[i].exact(ls[i], p)
		}
	}
	return out, exact, any
}

var (
	glueWordsOnce sync.Once
	glueWords     *sortedWords
	glueExtra     *sortedWords // the other pieces: gluePieceWords
)

// nounAdjWord reports whether k is a noun or adjective form of the word
// list. A list that cannot be read knows no word (the segmenter then keeps
// fewer cuts, never more).
func nounAdjWord(k string) bool {
	glueWordsOnce.Do(loadGlueWords)
	return glueWords.has(k)
}

func loadGlueWords() {
	glueWords = loadWords(wordsTable)
	glueExtra = gluePieceWords()
}

// gluePieceWords lists, sorted, the pieces gluePiece knows besides the
// morphology table and the word list: the lexicon's exact words, the
// chat words, the function words, the one-letter words and clitics.
func gluePieceWords() *sortedWords {
	var ws []string
	add := func(w string) {
		if isLetters(w) {
			ws = append(ws, w)
		}
	}
	for w := range lx.clsExact {
		add(w)
	}
	for w := range chatWords {
		add(w)
	}
	for w := range repairFunc {
		add(w)
	}
	for w := range glueFunc {
		add(w)
	}
	for _, w := range []string{"a", "y", "j", "l", "d", "m", "t", "s", "n", "qu"} {
		add(w)
	}
	sort.Strings(ws)
	w := &sortedWords{off: []uint32{0}}
	var b strings.Builder
	for i, x := range ws {
		if i > 0 && x == ws[i-1] {
			continue
		}
		b.WriteString(x)
		b.WriteByte('\n')
		w.off = append(w.off, uint32(b.Len()))
	}
	w.blob = b.String()
	return w
}

func loadWords(gz []byte) *sortedWords {
	w := &sortedWords{off: []uint32{0}}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return w
	}
	var b strings.Builder
	sc := bufio.NewScanner(zr)
	prev := ""
	for sc.Scan() {
		k := sc.Text()
		if k == "" || k <= prev { // must be sorted for the binary search
			continue
		}
		b.WriteString(k)
		b.WriteByte('\n')
		w.off = append(w.off, uint32(b.Len()))
		prev = k
	}
	w.blob = b.String()
	if sc.Err() != nil {
		return &sortedWords{off: []uint32{0}}
	}
	return w
}

// glueFunc are the function words of a cut besides repairFunc: what glued
// French is held together by.
var glueFunc = wordSet("et ou mais donc car si est es sont suis ai as ont avons avez au aux le la les l du des ni plus pas tres trop bien ici moi toi eux celui celle ceux rien quoi tout chacun")

// glueDets are the determiners of a cut (segmentGlued's state).
var glueDets = wordSet("le la les un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses leur leurs notre votre nos vos")

// glueConj are the conjunctions, never after an elided clitic.
var glueConj = wordSet("et ou mais donc car ni")

// glueStates are the states of segmentGlued's cut: none, after a
// determiner, after an elided clitic, after an object clitic.
const glueStates = 4

// glueAfterClitic reports whether a piece may follow an object clitic (me,
// te, se): a verb, another clitic, en or y (« je t' ai me maman » is no
// reading of « jetaimemaman »).
func glueAfterClitic(p string, toks []string) bool {
	if toks != nil || p == "en" || p == "y" || p == "le" || p == "la" || p == "les" || p == "lui" || p == "leur" {
		return true
	}
	for _, m := range morphLookup(p) {
		if m.POS == POSVerb {
			return true
		}
	}
	return false
}

// glueDetPenalty is the cost of a determiner before a function word.
const glueDetPenalty = 1.0

// elidable are the one-letter clitics read before a vowel (« lecole »:
// l'ecole); j is read before a consonant too (« jvais »: je vais). Not c,
// whose elisions are chat words (cest, cetait): « c' on trace ».
var elidable = wordSet("j l d m t s n")

// afterElision are the function words an elided clitic may stand before
// (« j'ai », « j'en », « s'il », « qu'on »); any other function word after
// an elision is a cut gone wrong (« l' es »).
var afterElision = wordSet("ai as a avait en y il ils elle elles est etait un une au aux")

func isVowel8(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// gluePiece returns the cost of reading p as one piece of a glued key
// (next is the letter after it, 0 at the end) and the tokens it stands
// for; ok is false when p is no known word.
//
// The dictionary has no frequencies, and it is full of rare words that a
// cut may fall into (« tetuer » for « te tuer », « al asortie » for « a la
// sortie »). The costs stand in for frequency by who knows the word: a
// function word of the screen's own lists is cheapest (0.3), a word the
// screen's lexicon, act or group vocabularies or a common verb know costs
// 1, any other word of the tables 1.4, plus 0.7 for a two-letter one.
// So a whole word beats a function word and a word of the same kind
// (« demain », « ensemble », « pourtant »), and a function word and a
// word the screen knows beat a rare word (« te tuer »).
func (l *lexicon) gluePiece(p string, next byte) (cost float64, toks []string, fn, ok bool) {
	if len(p) == 1 {
		switch {
		case p == "a" || p == "y":
			return 0.8, nil, true, true
		case elidable[p] && next != 0 && isVowel8(next):
			return 0.9, []string{p + "'"}, true, true
		case p == "j" && next != 0:
			return 0.9, []string{"je"}, true, true
		}
		return 0, nil, false, false
	}
	if p == "qu" && next != 0 && isVowel8(next) {
		return 0.6, []string{"qu'"}, true, true
	}
	if repairFunc[p] || glueFunc[p] {
		return 0.3, nil, true, true
	}
	if c := p[0]; len(p) >= 3 && chatLens[c]&(1<<len(p)) != 0 { // « ct », « ki »: too short to trust inside a run
		if ex := chatWords[p]; ex != nil {
			return 1, ex, false, true
		}
	}
	ms := morphLookup(p)
	if len(ms) == 0 && l.clsExact[p] == 0 && !nounAdjWord(p) {
		return 0, nil, false, false
	}
	if len(p) >= 3 {
		// The table's other function words (avant, apres, pendant,
		// chez…): dearer than the screen's own, which are the common ones.
		// Not its pronouns: the dictionary files first names there.
		for _, m := range ms {
			switch m.POS {
			case POSDet, POSPrep, POSConj:
				return 0.6, nil, true, true
			}
		}
	}
	cost = 1.4
	if l.glueCurated(p, ms) {
		cost = 1
	}
	if len(p) == 2 {
		cost += 0.7 // two-letter content words are mostly rare (té, ré)
	}
	return cost, nil, false, true
}

// glueCommonVerbs are the lemmas of the verbs a message is made of.
var glueCommonVerbs = wordSet("etre avoir aller aler faire vouloir pouvoir devoir venir dire voir savoir prendre mettre metre partir sortir rester falloir parler donner")

// glueCurated reports whether the screen's own vocabularies know p: the
// lexicon's exact words, the act verbs and nouns, the groups of people,
// the forms of the most common verbs.
func (l *lexicon) glueCurated(p string, ms []MorphEntry) bool {
	if l.clsExact[p] != 0 || groupLexicon().cue[p] != 0 || frameLexicon().actNoun[p] != actNone {
		return true
	}
	if _, ok := editVocabulary().form[p]; ok {
		return true
	}
	for _, m := range ms {
		if glueCommonVerbs[m.Lemma] {
			return true
		}
	}
	return false
}

// glueWhole reports whether the key k is a word as it is: the segmenter
// never cuts a word some table knows.
func (l *lexicon) glueWhole(k string) bool {
	return len(morphLookup(k)) > 0 || l.clsExact[k] != 0 || chatWords[k] != nil || nounAdjWord(k)
}

// segmentGlued cuts the key k (letters a–z) into known pieces, or returns
// nil (see the file's comment). The pieces are the tokens to read: keys,
// an elided clitic ending in an apostrophe, chat spellings expanded.
func (l *lexicon) segmentGlued(k string) []string {
	_, toks := l.segmentGluedPieces(k)
	return toks
}

// segmentGluedPieces is segmentGlued that also returns the cut's pieces
// as they are spelt in k (their concatenation is k).
func (l *lexicon) segmentGluedPieces(k string) (pieces, toks []string) {
	n := len(k)
	if n < 2 || n > glueMaxLen || !isLetters(k) {
		return nil, nil
	}
	// The state is the position and whether the last piece is a
	// determiner (1), an elided clitic (2) or an object clitic (3): a
	// determiner before a function word or at the end of the run, an
	// elision before a conjunction, an object clitic before anything but
	// a verb is ungrammatical (« dent sa la sortie » for « dents a la
	// sortie », « j' et aime » for « je t' aime ») and costs
	// glueDetPenalty more.
	const inf = 1e18
	var costBuf [glueStates * (glueMaxLen + 1)]float64
	var fromBuf [glueStates * (glueMaxLen + 1)]int16
	var fnBuf [glueStates * (glueMaxLen + 1)]int16 // function words on the best path
	cost, from, fns := costBuf[:glueStates*(n+1)], fromBuf[:glueStates*(n+1)], fnBuf[:glueStates*(n+1)]
	for i := glueStates; i < len(cost); i++ {
		cost[i] = inf
	}
	ls := glueLists()
	full := glueFull(ls)
	type piece struct {
		j    int
		cost float64
		toks []string
		fn   bool
	}
	var cands []piece
	for i := 0; i < n; i++ {
		reach := false
		for st := 0; st < glueStates; st++ {
			reach = reach || cost[glueStates*i+st] < inf
		}
		if !reach {
			continue
		}
		// The known pieces from i, read letter by letter in the sorted
		// lists until no key begins with the piece.
		cands = cands[:0]
		rg := full
		for j := i + 1; j <= n && j-i <= glueMaxPiece; j++ {
			p := k[i:j]
			var exact, any bool
			if j-i <= 2 {
				rg, _ = glueStart(ls, p)
				any = !rg[0].empty() || !rg[1].empty() || !rg[2].empty()
				exact = any && (rg[0].exact(ls[0], p) || rg[1].exact(ls[1], p) || rg[2].exact(ls[2], p))
			} else {
				rg, exact, any = rg.narrow(ls, p)
			}
			if !any {
				break
			}
			if !exact || i == 0 && j == n { // the whole key is not a cut
				continue
			}
			var next byte
			if j < n {
				next = k[j]
			}
			if c, toks, fn, ok := l.gluePiece(p, next); ok {
				cands = append(cands, piece{j, c, toks, fn})
			}
		}
		for st := 0; st < glueStates; st++ {
			si := glueStates*i + st
			if cost[si] >= inf {
				continue
			}
			for _, pc := range cands {
				j, c, toks, fn := pc.j, pc.cost, pc.toks, pc.fn
				p := k[i:j]
				det := glueDets[p]
				if st == 1 && fn || st == 2 && glueConj[p] || st == 3 && !glueAfterClitic(p, toks) {
					c += glueDetPenalty
				}
				if det && j == n {
					c += glueDetPenalty
				}
				sj := glueStates * j
				switch {
				case det:
					sj++
				case len(toks) == 1 && strings.HasSuffix(toks[0], "'"):
					sj += 2
				case glueEndClitic[p] && p != "ne" && p != "es":
					sj += 3
				}
				if c += cost[si]; c < cost[sj] {
					cost[sj], from[sj] = c, int16(si)
					fns[sj] = fns[si]
					if fn {
						fns[sj]++
					}
				}
			}
		}
	}
	end := glueStates * n
	for st := 1; st < glueStates; st++ {
		if cost[glueStates*n+st] < cost[end] {
			end = glueStates*n + st
		}
	}
	if cost[end] >= inf || fns[end] == 0 {
		return nil, nil
	}
	var cuts []int
	for s := end; s >= glueStates; s = int(from[s]) {
		cuts = append(cuts, s/glueStates)
	}
	if len(cuts) < glueMinPieces || float64(n)/float64(len(cuts)) < glueMinAvg || int(fns[end]) == len(cuts) {
		return nil, nil
	}
	// The cut's quality: shreds of rare words are how a foreign word or
	// a typo falls into French pieces (« detona te », « not ici as »,
	// « fran zo sis ch en », « c' ian »), never how French is glued.
	var out []string
	i, weak, prev := 0, 0, ""
	elided := false
	for c := len(cuts) - 1; c >= 0; c-- {
		j := cuts[c]
		var next byte
		if j < n {
			next = k[j]
		}
		p := k[i:j]
		_, toks, fn, _ := l.gluePiece(p, next)
		switch {
		case elided && (len(p) < 2 || fn && !afterElision[p] && !(p == "on" && (prev == "l" || prev == "qu"))):
			return nil, nil // an elision before a lone letter or a function word it cannot stand before
		case !fn && toks == nil && len(p) <= 2:
			return nil, nil // a two-letter word that is not a function word
		case !fn && toks == nil && len(p) <= 4 && glueWeak(l, p):
			weak++ // a short word the screen's vocabularies do not know
		case j == n && (glueEndClitic[p] || glueConj[p]):
			return nil, nil // an object clitic or a conjunction cannot end the run
		case i == 0 && p == "y":
			return nil, nil // y stands after its pronoun (« il y a », « j'y »)
		case (prev == "de" || prev == "a") && (p == "le" || p == "les"):
			return nil, nil // « de le », « a les » are « du », « aux » in French
		}
		prev = p
		elided = len(toks) == 1 && strings.HasSuffix(toks[0], "'")
		if toks == nil {
			toks = []string{p}
		}
		out = append(out, toks...)
		pieces = append(pieces, p)
		i = j
	}
	if 4*weak > len(cuts) {
		return nil, nil // more than one short rare word in four pieces
	}
	return pieces, out
}

// glueWeak reports whether a short content piece is a weak reading: one
// of three letters the screen's vocabularies do not know, or of four known
// only from the word list (« ally », « gate », « able »: the shreds of
// foreign words), not a verb form (« vive »).
func glueWeak(l *lexicon, p string) bool {
	ms := morphLookup(p)
	if l.glueCurated(p, ms) {
		return false
	}
	return len(p) <= 3 || len(ms) == 0
}

// glueEndClitic are the object clitics, which a verb follows: a cut that
// ends with one took the tail of a foreign word (« evacua te »).
var glueEndClitic = wordSet("te me se ne es")

// glueKey tells whether computeFix should try the segmenter on the key k:
// long enough, letters only, and no table knows it whole.
func (l *lexicon) glueKey(k string) bool {
	return len(k) >= glueMinLen && len(k) <= glueMaxLen && isLetters(k) && !l.glueWhole(k)
}

// glueTypoPieces is the most tokens of a cut checked for a typo
// (glueFix).
const glueTypoPieces = 5

// glueTypoMax is the longest key checked for a typo: past it a word is
// rare, and a glued phrase of that length is never one edit from one.
const glueTypoMax = 30

// glueTypo reports whether k is one edit (a letter dropped, added,
// replaced, or two swapped) from a word of the tables: a misspelt long
// word (« déclanchement », « descendence ») whose letters may still fall
// into French pieces (« d' eclanche ment »). A glued phrase of eight
// letters or more is almost never one edit from a word.
func (l *lexicon) glueTypo(k string) bool {
	if len(k) > glueTypoMax || len(k) < 3 || !isLetters(k) {
		return false
	}
	ls := glueLists()
	var buf [glueTypoMax + 1]byte
	// is tells whether cand, whose first i letters are k's, is a word:
	// pre is the ranges of k[:i].
	is := func(pre glueRanges, i int, cand []byte) bool {
		// Narrow letter by letter past the shared prefix (or the first
		// two letters' table): a candidate that begins no word is
		// dropped after a letter or two.
		g, from := pre, i
		if i < 2 {
			g, from = glueStart(ls, string(cand[:2]))
			if g[0].empty() && g[1].empty() && g[2].empty() {
				return false
			}
		}
		for m := from + 1; m <= len(cand); m++ {
			var exact, any bool
			if g, exact, any = g.narrow(ls, string(cand[:m])); !any {
				return false
			} else if m == len(cand) {
				return exact
			}
		}
		return false
	}
	n := len(k)
	pre := glueFull(ls) // ranges of k[:i]
	for i := 0; i <= n; i++ {
		if i > 0 {
			var any bool
			if i <= 2 {
				pre, _ = glueStart(ls, k[:i])
				any = !pre[0].empty() || !pre[1].empty() || !pre[2].empty()
			} else {
				pre, _, any = pre.narrow(ls, k[:i])
			}
			if !any {
				return false // no word begins with k[:i]: no edit after i reaches one
			}
		}
		if i < n {
			if is(pre, i, append(append(buf[:0], k[:i]...), k[i+1:]...)) { // dropped
				return true
			}
			if i+1 < n { // swapped
				b := append(buf[:0], k...)
				b[i], b[i+1] = b[i+1], b[i]
				if is(pre, i, b) {
					return true
				}
			}
			b := append(buf[:0], k...) // replaced
			for c := byte('a'); c <= 'z'; c++ {
				if c != k[i] {
					b[i] = c
					if is(pre, i, b) {
						return true
					}
				}
			}
		}
		if n+1 <= glueTypoMax { // added
			b := append(append(append(buf[:0], k[:i]...), 0), k[i:]...)
			for c := byte('a'); c <= 'z'; c++ {
				b[i] = c
				if is(pre, i, b) {
					return true
				}
			}
		}
	}
	return false
}

// glueChunkOK reports whether token t of src may be cut: its chunk
// (between white space) is no link, address, handle, code or identifier,
// and its letters are in one case, capitalised, or in camel case.
func glueChunkOK(src string, ts []token, i int) bool {
	t := &ts[i]
	if t.start < 0 || t.end > len(src) || t.start >= t.end {
		return false
	}
	s, e := t.start, t.end
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(src[:s])
		if unicode.IsSpace(r) {
			break
		}
		s -= n
	}
	for e < len(src) {
		r, n := utf8.DecodeRuneInString(src[e:])
		if unicode.IsSpace(r) {
			break
		}
		e += n
	}
	chunk := src[s:e]
	for j := 0; j < len(chunk); j++ {
		switch c := chunk[j]; {
		case c >= '0' && c <= '9', c == '@', c == '/', c == '\\', c == '_', c == '=', c == '&', c == '%', c == '+', c == '~':
			return false
		case c == '.' || c == ':':
			if j > 0 && j+1 < len(chunk) && isAlnum8(chunk[j-1]) && isAlnum8(chunk[j+1]) {
				return false // a domain, a file name, a scheme
			}
		}
	}
	// The word's own case.
	upper, lower, runUp := 0, 0, 0
	firstUp := false
	n := 0
	for _, r := range src[t.start:t.end] {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			upper++
			runUp++
			if n == 0 {
				firstUp = true
			}
		} else {
			lower++
			if runUp >= 2 && upper > runUp || runUp >= 2 && n > runUp {
				return false // capitals in a row inside small letters: base64, a code
			}
			runUp = 0
		}
		n++
	}
	if upper > 0 && lower > 0 && runUp >= 2 {
		return false
	}
	// A name: a capital then small letters only, inside a sentence.
	if upper == 1 && firstUp && i > 0 && t.flags&tSentence == 0 {
		return false
	}
	return true
}

func isAlnum8(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// hasCamel reports whether w has a capital right after a small letter
// (ASCII and the accented letters alike).
func hasCamel(w string) bool {
	prevLower := false
	for _, r := range w {
		if prevLower && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// camelParts cuts token t's source at its camel-case capitals and returns
// the tokens to read; camel is false when the word is not in camel case
// (then parts is nil), and parts is nil too when its parts do not spell
// its key or do not read as a glued phrase (a name, a brand).
func (l *lexicon) camelParts(src string, t *token) (parts []string, camel bool) {
	w := src[t.start:t.end]
	var raw []string
	last, prevLower := 0, false
	for j, r := range w {
		if unicode.IsUpper(r) && prevLower {
			raw = append(raw, w[last:j])
			last = j
		}
		prevLower = unicode.IsLower(r)
	}
	raw = append(raw, w[last:])
	if len(raw) < 2 {
		return nil, false
	}
	var out []string
	joined, known, total, fns := "", 0, 0, 0
	for _, p := range raw {
		pk := MorphKey(p)
		if pk == "" || !isLetters(pk) {
			return nil, true
		}
		joined += pk
		total += len(pk)
		switch {
		case repairFunc[pk] || glueFunc[pk]:
			fns++
			out = append(out, pk)
			known += len(pk)
		case l.glueWhole(pk):
			if ex := chatWords[pk]; ex != nil {
				out = append(out, ex...)
			} else {
				out = append(out, pk)
			}
			known += len(pk)
		case len(pk) >= 4:
			if ps := l.segmentGlued(pk); ps != nil {
				out = append(out, ps...)
				known += len(pk)
				fns++ // a cut always has a function word
				continue
			}
			out = append(out, pk)
		default:
			out = append(out, pk)
		}
	}
	// A camel-case name (« EcoleDirecte », « OneDrive », « DocuSign ») has
	// no function word among its parts; a glued phrase has one.
	if joined != t.key || 2*known < total || fns == 0 {
		return nil, true
	}
	return out, true
}

// glueFrench reports whether the other words of a message (kis, the
// information of its tokens) are French enough for its glued runs to be
// cut: a message in another language is full of words that fall into
// French pieces (« not ici as », « pal est ra »). Three quarters of the
// words of three letters or more that are not themselves long unknown
// runs must be known to the tables; a message of fewer such words (a
// glued message alone) is read as French.
func glueFrench(kis []*keyInfo) bool {
	known, n := 0, 0
	for _, ki := range kis {
		k := ki.key
		if ki.fix != nil && ki.fix.long || len(k) < 3 || !isLetters(k) {
			continue
		}
		n++
		if len(ki.morph) > 0 || ki.class != 0 || chatWords[k] != nil || nounAdjWord(k) {
			known++
		}
	}
	return n < 3 || 4*known >= 3*n
}
