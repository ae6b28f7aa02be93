package screen

import (
	"strings"
	"sync"
)

// Words spelt by their sound. Pupils who write as they hear (SEGPA
// classes, dictation, SMS) write « colej », « explozé », « atenta »,
// « carnaj », « couto », « kantine »: two or three letters from the word,
// so the one-edit repair (editFix) does not reach them, but the word
// sounds the same. phonFix reads an unknown key by a rough French sound
// code (phonCode: « eau », « au » and « o » alike, « c » before e or i as
// « s », « g » before e or i as « j », nasal vowels, silent final
// letters, double letters) and takes the word of the threat vocabulary
// with that code: the act verbs' forms, weapons, the school's buildings
// and the nouns of attacks. Only keys no table knows are read (a French
// word, « pistole » or « poisson », is never rewritten), and only when
// every word with that code is of one act or one noun, so that the
// rewrite is never a guess between two readings. A code of three sounds
// (« bonb », « lycé ») is too short to be read.

// phonMinKey and phonMinCode are the shortest key and code read: short
// codes are shared by too many words.
const (
	phonMinKey  = 4
	phonMinCode = 4
)

// phonNouns are the nouns of the sound vocabulary besides the act verbs'
// forms: weapons, poisons and the school's buildings (not « profs »,
// « salle », « cour »: short codes of common words).
var phonNouns = weaponWords + " collège lycée école établissement cantine réfectoire gymnase internat portail couloir bâtiment acide essence poison" +
	" attentat attentats carnage massacre explosion incendie fusillade tuerie"

// phonEntry is the words a sound code stands for: one noun, or forms of
// one act verb (an infinitive and the others).
type phonEntry struct {
	key string   // the noun, or the shortest form that is no infinitive
	inf string   // the shortest infinitive among the verb's forms
	act actClass // the verb's act, or actNone for a noun
	two bool     // two readings: leave the key
}

var (
	phonOnce  sync.Once
	phonIndex map[string]*phonEntry
)

// phonVocabulary indexes the act verbs' forms and the nouns by their code.
func phonVocabulary() map[string]*phonEntry {
	phonOnce.Do(func() {
		idx := map[string]*phonEntry{}
		v := editVocabulary()
		add := func(k string, act actClass) {
			c := phonCode(k)
			if len(c) < phonMinCode {
				return
			}
			e := idx[c]
			if e == nil {
				e = &phonEntry{act: act}
				idx[c] = e
			}
			switch {
			case e.act != act || act == actNone && e.key != "" && e.key != k:
				e.two = true
			case act != actNone && v.mood[k]&slotInf != 0:
				e.inf = shorterKey(e.inf, k)
			default:
				e.key = shorterKey(e.key, k)
			}
		}
		for k, act := range v.form {
			if act != actNone {
				add(k, act)
			}
		}
		for _, w := range strings.Fields(phonNouns) {
			if k := keyOf(w); isLetters(k) {
				add(k, actNone)
			}
		}
		phonIndex = idx
	})
	return phonIndex
}

// phonFix returns the words of the sound vocabulary that key sounds
// like: a verb's infinitive and its other form (« explozé »: exploser,
// explose), or a noun as short; both "" when there is none, or two. The
// caller reads only keys no table knows (computeFix).
func phonFix(key string) (inf, short string) {
	if len(key) < phonMinKey || len(key) > 20 {
		return "", ""
	}
	c := phonCode(key)
	if len(c) < phonMinCode {
		return "", ""
	}
	e := phonVocabulary()[c]
	if e == nil || e.two || e.key == key || e.inf == key {
		return "", ""
	}
	// A spelling by sound is about as long as the word: « prophete » is
	// no « profs ».
	near := func(w string) string {
		if len(w) > len(key)+2 || len(key) > len(w)+2 {
			return ""
		}
		return w
	}
	return near(e.inf), near(e.key)
}

// shorterKey returns the shorter of two keys, the first in order when
// they are as long ("" is none).
func shorterKey(a, b string) string {
	if a == "" || len(b) < len(a) || len(b) == len(a) && b < a {
		return b
	}
	return a
}

// phonCode is a rough French sound code of a key (lower-case letters, no
// accents): one letter per sound where the spelling varies, silent final
// letters dropped. It is a matching code, not a transcription: « o »
// stands for o, au, eau; « U » for ou; « A » « O » « I » for the nasal
// vowels; « S » for ch, sh; « W » for oi.
func phonCode(k string) string {
	var b strings.Builder
	n := len(k)
	at := func(i int) byte {
		if i < n {
			return k[i]
		}
		return 0
	}
	vowel := func(c byte) bool { return c != 0 && isVowel(c) }
	for i := 0; i < n; {
		c := k[i]
		switch {
		case strings.HasPrefix(k[i:], "eau"):
			b.WriteByte('o')
			i += 3
		case strings.HasPrefix(k[i:], "au"):
			b.WriteByte('o')
			i += 2
		case strings.HasPrefix(k[i:], "ou"):
			b.WriteByte('U')
			i += 2
		case strings.HasPrefix(k[i:], "oi"), strings.HasPrefix(k[i:], "oy"):
			b.WriteByte('W')
			i += 2
		case strings.HasPrefix(k[i:], "ai"), strings.HasPrefix(k[i:], "ei"):
			if at(i+2) == 'n' && !vowel(at(i+3)) {
				b.WriteByte('I')
				i += 3
				continue
			}
			b.WriteByte('e')
			i += 2
		case c == 'c' && (at(i+1) == 'h') || c == 's' && at(i+1) == 'h':
			b.WriteByte('S')
			i += 2
		case c == 'p' && at(i+1) == 'h':
			b.WriteByte('f')
			i += 2
		case c == 't' && at(i+1) == 'h':
			b.WriteByte('t')
			i += 2
		case c == 'q' && at(i+1) == 'u':
			b.WriteByte('k')
			i += 2
		case c == 'g' && at(i+1) == 'u' && (at(i+2) == 'e' || at(i+2) == 'i'):
			b.WriteByte('g')
			i += 2
		case c == 'g' && at(i+1) == 'n':
			b.WriteByte('n')
			i += 2
		case c == 'c' && (at(i+1) == 'e' || at(i+1) == 'i' || at(i+1) == 'y'):
			b.WriteByte('s')
			i++
		case c == 'g' && (at(i+1) == 'e' || at(i+1) == 'i' || at(i+1) == 'y'):
			b.WriteByte('j')
			i++
		case c == 'c' || c == 'k' || c == 'q':
			if at(i+1) == 's' { // « cs », « ks » sound as x
				b.WriteByte('s')
				i += 2
				continue
			}
			b.WriteByte('k')
			i++
		case c == 'x' || c == 'z':
			b.WriteByte('s')
			i++
		case (c == 'a' || c == 'e') && (at(i+1) == 'n' || at(i+1) == 'm') && !vowel(at(i+2)) && at(i+2) != at(i+1):
			b.WriteByte('A')
			i += 2
		case c == 'o' && (at(i+1) == 'n' || at(i+1) == 'm') && !vowel(at(i+2)) && at(i+2) != at(i+1):
			b.WriteByte('O')
			i += 2
		case (c == 'i' || c == 'u' || c == 'y') && (at(i+1) == 'n' || at(i+1) == 'm') && !vowel(at(i+2)) && at(i+2) != at(i+1):
			b.WriteByte('I')
			i += 2
		case c == 'y':
			b.WriteByte('i')
			i++
		case c == 'w':
			b.WriteByte('v')
			i++
		case c == 'h':
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	// Double letters, then the silent end: « er », « es » (and « ez »,
	// whose z is s by now) and « et » sound « e »; a final « e », then a
	// final s, t, d or p (x is s by now), then a final « e » again are
	// silent.
	s := squeezeRuns(b.String())
	// A final « il » after a consonant is « i » (fusil, outil).
	if n := len(s); n > 3 && strings.HasSuffix(s, "il") && !isVowel(s[n-3]) {
		s = s[:n-1]
	}
	for _, end := range [...]string{"er", "es", "et"} {
		if strings.HasSuffix(s, end) && len(s) > 3 {
			s = s[:len(s)-2] + "e"
			break
		}
	}
	s = strings.TrimSuffix(s, "e")
	if len(s) > 3 && strings.IndexByte("stdp", s[len(s)-1]) >= 0 {
		s = s[:len(s)-1]
	}
	if len(s) > 3 {
		s = strings.TrimSuffix(s, "e")
	}
	return s
}

// squeezeRuns folds every run of one letter into one, e and l too
// (appendSqueezed, the tokeniser's, keeps those: « cantinne » and
// « cantine » must sound alike here).
func squeezeRuns(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}
