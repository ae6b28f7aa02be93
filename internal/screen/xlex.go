package screen

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The screen's frames and rules read French (and some English). A threat
// written in Italian, Georgian or Arabic finds no frame, and its words,
// hashed, were never seen by the model in that language. The
// cross-language lexicon (xlexwords.go) names a few general harm concepts
// (a bomb, to kill, a school, tomorrow, a terror organisation, praise,
// intimate images, a password…) in some thirty languages and scripts,
// so that the model learns one weight per concept: what it learns from
// the Spanish or Arabic rows it trains on carries to a Georgian or
// Tamil text it never saw. The concepts hold nothing on their own; they
// are features (xlFeatures), and the model decides.
//
// Only the words the French lexicon does not know count (frenchWord):
// French is read by the French frames, and a homograph (« bomba »,
// « morte », « arme ») must not count twice. Each key's concepts are
// computed once, with its other classes (computeInfo), so a message pays
// a few bit operations per word.

// The concepts, in the order of xlexConcepts.
const (
	xlBombe = iota
	xlExploser
	xlTuer
	xlTirer
	xlCouteau
	xlBruler
	xlEgorger
	xlAttaque
	xlArme
	xlMort
	xlFrapper
	xlMenace
	xlEcole
	xlMoment
	xlTous
	xlTerreur
	xlEloge
	xlIntime
	xlImage
	xlDiffuser
	xlPayer
	xlCompte
	xlVerifier
	xlLien
	xlToi
	xlCount
)

// xlexConcepts are the concepts' names in the table and, after « xl »,
// in the features the moderators read.
var xlexConcepts = [xlCount]string{
	"bombe", "exploser", "tuer", "tirer", "couteau", "brûler", "égorger", "attaque", "arme", "mort",
	"frapper", "menace", "école", "moment", "tous", "terreur", "éloge", "intime", "image", "diffuser",
	"payer", "compte", "vérifier", "lien", "toi",
}

// xlexLangs are the table's language tags (xlexwords.go lists them).
var xlexLangs = map[string]bool{
	"en": true, "es": true, "pt": true, "it": true, "de": true, "nl": true, "pl": true, "ro": true, "sq": true,
	"sh": true, "sr": true, "ru": true, "uk": true, "bg": true, "el": true, "gl": true, "hu": true, "ka": true,
	"tr": true, "ar": true, "dz": true, "az": true, "fa": true, "ps": true, "ku": true, "ta": true, "zh": true,
	"py": true, "vi": true, "wo": true, "ln": true, "bm": true, "cr": true, "cv": true, "hy": true, "tl": true,
	"sk": true, "km": true, "kab": true, "ber": true, "ff": true, "sw": true, "mg": true,
	"ce": true, "rom": true, "br": true, "eu": true, "ca": true, "co": true, "oc": true, "lb": true, "bn": true,
	"hi": true, "ur": true, "hng": true, "fil": true, "khm": true, "lo": true, "srn": true, "ty": true,
}

// How an entry matches a word.
const (
	xlExact    = iota // the word itself
	xlPrefix          // stem*: a word starting with the stem
	xlContains        // *sub: a word containing sub
)

// Shortest entries, in letters: a short stem starts too many ordinary
// words (« mort* » would take Romanian « mortar » and English
// « mortgage »); a Han character alone is a morpheme of a thousand words.
const (
	xlMinWord     = 2
	xlMinStem     = 4
	xlMinContains = 3
	xlMinHan      = 2
)

// xlEntry is one entry of the table.
type xlEntry struct {
	concept uint8
	lang    string
	kind    uint8
	word    string
}

// parseXLex reads the table (format in xlexwords.go). It refuses an
// unknown concept or language, a stem or substring too short, and a
// substring outside the scripts that need one.
func parseXLex(text string) ([]xlEntry, error) {
	var out []xlEntry
	var errs []error
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		head, body, ok := strings.Cut(line, ":")
		f := strings.Fields(head)
		if !ok || len(f) != 2 {
			errs = append(errs, fmt.Errorf("line %d: want « concept lang: entries »", n+1))
			continue
		}
		c := slices.Index(xlexConcepts[:], f[0])
		if c < 0 || !xlexLangs[f[1]] {
			errs = append(errs, fmt.Errorf("line %d: unknown concept or language %q", n+1, head))
			continue
		}
		for _, w := range strings.Fields(body) {
			e := xlEntry{concept: uint8(c), lang: f[1], word: w}
			switch {
			case strings.HasPrefix(w, "*"):
				e.kind, e.word = xlContains, w[1:]
			case strings.HasSuffix(w, "*"):
				e.kind, e.word = xlPrefix, w[:len(w)-1]
			}
			if err := e.check(); err != nil {
				errs = append(errs, fmt.Errorf("line %d: %q: %w", n+1, w, err))
				continue
			}
			out = append(out, e)
		}
	}
	return out, errors.Join(errs...)
}

func (e xlEntry) check() error {
	n := 0
	for _, r := range e.word {
		if r == '*' || !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) && r != '\'' && r != '-' {
			return errors.New("not a word")
		}
		n++
	}
	switch e.kind {
	case xlExact:
		if n < xlMinWord {
			return errors.New("word too short")
		}
	case xlPrefix:
		if n < xlMinStem {
			return errors.New("stem too short")
		}
	case xlContains:
		r, _ := utf8.DecodeRuneInString(e.word)
		switch {
		case unicode.Is(unicode.Han, r):
			if n < xlMinHan {
				return errors.New("substring too short")
			}
		case unicode.In(r, unicode.Arabic, unicode.Georgian, unicode.Khmer, unicode.Lao):
			if n < xlMinContains {
				return errors.New("substring too short")
			}
		default:
			return errors.New("substring outside Arabic, Georgian, Khmer, Lao or Han script")
		}
	}
	return nil
}

// xlMatcher finds a key's concepts: exact words, stems by their length
// in bytes, and substrings.
type xlMatcher struct {
	exact, prefix map[string]uint32
	stemLens      []int
	contains      []xlSub
}

type xlSub struct {
	sub  string
	bits uint32
}

// compileXLex builds the matcher. An entry is read through Normalize like
// the text, so that its key is the one a message's word gets (accents,
// double letters, a Greek or Cyrillic word made only of Latin look-alikes
// folded to Latin); a stem may fold otherwise than the words it starts
// (« εκρη » is all look-alikes, « έκρηξη » is not), so a non-Latin entry
// is kept in its own letters too.
func compileXLex(entries []xlEntry) *xlMatcher {
	m := &xlMatcher{exact: map[string]uint32{}, prefix: map[string]uint32{}}
	subs := map[string]uint32{}
	for _, e := range entries {
		bit := uint32(1) << e.concept
		for _, k := range xlForms(e.word) {
			switch e.kind {
			case xlExact:
				m.exact[k] |= bit
			case xlPrefix:
				if !slices.Contains(m.stemLens, len(k)) {
					m.stemLens = append(m.stemLens, len(k))
				}
				m.prefix[k] |= bit
			case xlContains:
				subs[k] |= bit
			}
		}
	}
	slices.Sort(m.stemLens)
	for s, b := range subs {
		m.contains = append(m.contains, xlSub{s, b})
	}
	slices.SortFunc(m.contains, func(a, b xlSub) int { return strings.Compare(a.sub, b.sub) })
	return m
}

// xlForms returns the keys of an entry's word: Normalize's (when it is one
// word) and, for a word not in the Latin script, its own letters folded.
func xlForms(w string) []string {
	var out []string
	nb := getBufs()
	a := nb.analyze(w)
	if len(a.toks) == 1 && a.toks[0].key != "" {
		out = append(out, strings.Clone(xlFold(a.toks[0].key))) // the key points into nb
	}
	putBufs(nb)
	if !latinWord(w) {
		if k := xlFold(strings.ToLower(w)); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// xlFold folds what Normalize leaves apart in the scripts it does not
// fold: Greek accents and final sigma, « ё », the Arabic letters written
// several ways (hamza seats, tā' marbūṭa, Persian kāf and yā', tatweel).
// Latin letters are Normalize's already.
func xlFold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := xlRuneFold[r]; ok {
			if f != 0 {
				b.WriteRune(f)
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var xlRuneFold = map[rune]rune{
	'ά': 'α', 'έ': 'ε', 'ή': 'η', 'ί': 'ι', 'ό': 'ο', 'ύ': 'υ', 'ώ': 'ω', 'ϊ': 'ι', 'ϋ': 'υ', 'ΐ': 'ι', 'ΰ': 'υ', 'ς': 'σ',
	'ё': 'е', 'ѐ': 'е', 'ѝ': 'и',
	'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ک': 'ك', 'ؤ': 'و', 'ئ': 'ي', 'ۀ': 'ه',
	'ـ': 0, // tatweel
}

// xlFrench are the words of xlexFrench (xlexfrench.go).
var xlFrench = map[string]bool{}

// xlm is the matcher, built by init: entries are read through Normalize,
// whose tables are filled by normalize.go's init functions, which run
// before this file's. The lexicon, compiled with the package's variables,
// computes some keys before (xlm nil: no concept); they get theirs here.
var xlm *xlMatcher

func init() {
	entries, err := parseXLex(xlexTable)
	if err != nil {
		panic("screen: xlexTable: " + err.Error()) // TestXLexTable names the line
	}
	xlm = compileXLex(entries)
	for _, k := range strings.Fields(xlexFrench) {
		xlFrench[k] = true
	}
	infoMu.Lock()
	defer infoMu.Unlock()
	if m := infoSnap.Load(); m != nil {
		for _, ki := range *m {
			ki.xl, ki.xlHomo = xlOf(ki)
		}
	}
	for _, ki := range infoPending {
		ki.xl, ki.xlHomo = xlOf(ki)
	}
}

// xlOf returns the concepts of a key: as xl when the French lexicon does
// not know it, as homo when it does (« bomba », « arma », « morte »): a
// homograph is no feature (French is read by the French frames), but in
// a text the lexicon mostly cannot read it is that language's word
// (unread.go).
func xlOf(ki *keyInfo) (xl, homo uint32) {
	if xlm == nil || utf8.RuneCountInString(ki.key) < xlMinWord {
		return 0, 0
	}
	k := xlFold(ki.key)
	c := xlm.match(k)
	if frenchWord(ki) || xlFrench[k] {
		return 0, c
	}
	return c, 0
}

func (m *xlMatcher) match(k string) uint32 {
	bits := m.exact[k]
	for _, n := range m.stemLens {
		if n > len(k) {
			break
		}
		if n == len(k) || utf8.RuneStart(k[n]) {
			bits |= m.prefix[k[:n]]
		}
	}
	if xlNeedsContains(k) {
		for _, s := range m.contains {
			if strings.Contains(k, s.sub) {
				bits |= s.bits
			}
		}
	}
	return bits
}

// xlNeedsContains reports whether k has a letter of a script whose
// entries are substrings.
func xlNeedsContains(k string) bool {
	for _, r := range k {
		if r >= 0x600 && r <= 0x6FF || r >= 0x10A0 && r <= 0x10FF || r >= 0x1780 && r <= 0x17FF || r >= 0xE80 && r <= 0xEFF ||
			unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Concept groups of the conjunctions.
const (
	xlActs = 1<<xlBombe | 1<<xlExploser | 1<<xlTuer | 1<<xlTirer | 1<<xlCouteau | 1<<xlBruler |
		1<<xlEgorger | 1<<xlAttaque | 1<<xlArme | 1<<xlFrapper
	xlGore = 1<<xlTuer | 1<<xlTirer | 1<<xlEgorger | 1<<xlAttaque | 1<<xlMort
)

// xlConj are the conjunctions that carry a frame when no French frame can
// read one: an act with its target, time, addressee or victims; a death
// or a threat said to the reader; terror praised; the three parts of a
// blackmail by exposure, of a phishing message, of a violent video sent
// round. need lists concept groups that must each be found.
var xlConj = []struct {
	name string
	need []uint32
}{
	{"xl acte + cible", []uint32{xlActs, 1 << xlEcole}},
	{"xl acte + moment", []uint32{xlActs, 1 << xlMoment}},
	{"xl acte + toi", []uint32{xlActs, 1 << xlToi}},
	{"xl acte + tous", []uint32{xlActs, 1 << xlTous}},
	// The whole frame of a threat, which a linear model cannot build from
	// its parts: an act, the school, and a time or everyone.
	{"xl acte + cible + moment", []uint32{xlActs, 1 << xlEcole, 1 << xlMoment}},
	{"xl acte + cible + tous", []uint32{xlActs, 1 << xlEcole, 1 << xlTous}},
	{"xl mort ou menace + toi", []uint32{1<<xlMort | 1<<xlMenace, 1 << xlToi}},
	{"xl terreur + éloge", []uint32{1 << xlTerreur, 1 << xlEloge}},
	{"xl terreur + acte", []uint32{1 << xlTerreur, xlActs}},
	{"xl image intime + diffusion + paiement", []uint32{1<<xlIntime | 1<<xlImage, 1 << xlDiffuser, 1 << xlPayer}},
	{"xl intime + diffusion", []uint32{1 << xlIntime, 1 << xlDiffuser}},
	{"xl compte + vérifier + lien", []uint32{1 << xlCompte, 1 << xlVerifier, 1 << xlLien}},
	{"xl compte + lien", []uint32{1 << xlCompte, 1 << xlLien}},
	{"xl vidéo violente + partage", []uint32{1 << xlImage, xlGore, 1 << xlDiffuser}},
}

// xlFeatureNames are the concepts' feature names.
var xlFeatureNames = func() (n [xlCount]string) {
	for i, c := range xlexConcepts {
		n[i] = "xl " + c
	}
	return n
}()

// xlFeatures adds a feature per concept found in the text and the
// conjunctions, each in the segment of the first word that brought it
// (a conjunction: of its first group's), so that a harmful sentence
// buried in a long message keeps its weight (segscore.go).
func (fv *featureVec) xlFeatures(toks []dtok) {
	var found, homo uint32
	var first [xlCount]int32
	for i := range toks {
		if toks[i].info == nil {
			continue
		}
		homo |= toks[i].info.xlHomo
		b := toks[i].info.xl &^ found
		if b == 0 {
			continue
		}
		found |= b
		for ; b != 0; b &= b - 1 {
			first[trailingZeros(uint64(b))] = fv.segOf(i)
		}
	}
	fv.xlFound = found
	if fv.unread {
		fv.xlFound |= homo
	}
	if found == 0 {
		return
	}
	for b := found; b != 0; b &= b - 1 {
		c := trailingZeros(uint64(b))
		fv.cur = first[c]
		fv.addName(xlFeatureNames[c], frameValue)
	}
	for _, cj := range xlConj {
		ok := true
		for _, g := range cj.need {
			if found&g == 0 {
				ok = false
				break
			}
		}
		if ok {
			fv.cur = first[trailingZeros(uint64(found&cj.need[0]))]
			fv.addName(cj.name, frameValue)
		}
	}
	fv.cur = -1
}
