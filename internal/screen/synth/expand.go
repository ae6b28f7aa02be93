// Package synth generates labelled French messages for the families that no
// public dataset covers: bomb hoaxes and attack threats against a school,
// terror apology, threats between pupils, credential phishing and the game
// cheat lures of 2024, and their hard negatives (PPMS and Vigipirate
// notices, heads' letters about past threats, lessons, chemistry, sports
// hyperbole, jokes, security advice). Families are kept apart (Example.Family)
// so that cross-validation can hold a whole family out; harmful families
// have benign counterparts that share their vocabulary, and a share of the
// messages is obfuscated the way pupils and attackers write.
//
// Generation is deterministic: the same seed and count give the same
// messages.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Example is one generated message.
type Example struct {
	Text   string
	Label  string // threat, terror_apology, violent, phishing, benign
	Family string
}

// expander fills templates: [a|b|c] picks one alternative (nesting allowed),
// {slot} picks a value of a slot list (itself a template).
type expander struct {
	r     *rand.Rand
	slots map[string][]string
}

func (x *expander) expand(t string) string {
	var b strings.Builder
	x.run(t, &b)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (x *expander) run(t string, b *strings.Builder) {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			end, alts := splitAlts(t, i)
			x.run(alts[x.r.IntN(len(alts))], b)
			i = end
		case '{':
			j := strings.IndexByte(t[i:], '}')
			if j < 0 {
				panic("synth: unclosed slot in " + t)
			}
			name := t[i+1 : i+j]
			vals, ok := x.slots[name]
			if !ok {
				panic(fmt.Sprintf("synth: unknown slot %q", name))
			}
			x.run(vals[x.r.IntN(len(vals))], b)
			i += j
		default:
			b.WriteByte(t[i])
		}
	}
}

// splitAlts returns the index of the ']' closing t[i] and the top-level
// alternatives inside.
func splitAlts(t string, i int) (int, []string) {
	depth := 0
	start := i + 1
	var alts []string
	for j := i; j < len(t); j++ {
		switch t[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j, append(alts, t[start:j])
			}
		case '|':
			if depth == 1 {
				alts = append(alts, t[start:j])
				start = j + 1
			}
		}
	}
	panic("synth: unclosed [ in " + t)
}

// obfuscate rewrites a message the way it is typed to dodge a filter or in
// a hurry: no accents, SMS spelling, leetspeak, spaced letters, capitals.
func obfuscate(r *rand.Rand, s string) string {
	switch r.IntN(6) {
	case 0:
		return stripAccents(s)
	case 1:
		return sms(stripAccents(strings.ToLower(s)))
	case 2:
		return leet(r, s)
	case 3:
		return spaced(r, s)
	case 4:
		return strings.ToUpper(s)
	default:
		return sms(strings.ToLower(s))
	}
}

var accentFold = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "î", "i", "ï", "i",
	"ô", "o", "ù", "u", "û", "u", "ç", "c", "É", "E", "È", "E", "À", "A", "’", "'")

func stripAccents(s string) string { return accentFold.Replace(s) }

var smsWords = strings.NewReplacer("je vais ", "jvais ", "j'vais ", "jvais ", "je suis ", "chui ", "tout ", "tt ",
	"dans ", "ds ", "vous ", "vs ", "demain", "dm1", "quoi", "koi", "c'est ", "c ", "qu'", "k", "pour ", "pr ",
	"toi ", "twa ", "je te ", "jte ", "beaucoup", "bcp", "avec ", "avc ", "parce que", "pcq", "t'es ", "t ")

func sms(s string) string { return smsWords.Replace(s) }

var leetMap = map[rune]string{'a': "4", 'e': "3", 'o': "0", 'i': "1", 's': "5"}

func leet(r *rand.Rand, s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if len(w) < 4 || r.IntN(3) != 0 {
			continue
		}
		var b strings.Builder
		for _, c := range w {
			if l, ok := leetMap[c]; ok && r.IntN(2) == 0 {
				b.WriteString(l)
			} else {
				b.WriteRune(c)
			}
		}
		words[i] = b.String()
	}
	return strings.Join(words, " ")
}

func spaced(r *rand.Rand, s string) string {
	words := strings.Fields(s)
	longest := 0
	for i, w := range words {
		if len([]rune(w)) > len([]rune(words[longest])) {
			longest = i
		}
	}
	if len(words) == 0 {
		return s
	}
	sep := []string{" ", ".", "-", "*"}[r.IntN(4)]
	words[longest] = strings.Join(strings.Split(words[longest], ""), sep)
	return strings.Join(words, " ")
}

// chatSpell rewrites a message as pupils type in a chat: lower case, often
// no accents, SMS spellings picked at random word by word, and the usual
// mistakes (é for -er, dropped final letters, a for à, letters held).
func chatSpell(r *rand.Rand, s string) string {
	s = strings.ToLower(s)
	if r.IntN(3) > 0 {
		s = stripAccents(s)
	}
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		if alts, ok := chatAlts[w]; ok && r.IntN(3) > 0 {
			w = alts[r.IntN(len(alts))]
		} else if r.IntN(8) == 0 {
			w = misspell(r, w)
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// chatAlts are the chat spellings of a word (accents already stripped or
// not).
var chatAlts = map[string][]string{
	"ça": {"sa", "ca"}, "ca": {"sa"}, "c'est": {"c", "ces", "cest", "sé"}, "quoi": {"koi", "kwa"},
	"qui": {"ki"}, "que": {"ke", "k"}, "quand": {"kan", "qd"}, "pourquoi": {"pk", "pq"}, "demain": {"2main", "dem1"},
	"j'ai": {"g", "jai", "j"}, "t'es": {"t", "tes", "ta"}, "tu": {"t", "tu"}, "toi": {"twa", "toa"},
	"je": {"j", "jeu"}, "vais": {"vai", "v"}, "pas": {"pa", "pas"}, "mais": {"mé", "mai"}, "est": {"é", "et"},
	"tout": {"tt", "tou"}, "très": {"tré", "tres"}, "trop": {"tro", "trooop"}, "mort": {"mor", "mooort"},
	"toute": {"tte"}, "beaucoup": {"bcp"}, "parce": {"pcq", "psk"}, "avec": {"avc", "avek"}, "ton": {"tn"},
	"tes": {"té", "tes"}, "jure": {"jur", "juuure"}, "vas": {"va"}, "va": {"va", "vaa"}, "aussi": {"ossi"},
	"frère": {"frr", "frere", "reuf"}, "sérieux": {"serieu", "srx"}, "rien": {"ri1", "r1"}, "bien": {"bi1"},
}

// misspell makes one ordinary mistake in w.
func misspell(r *rand.Rand, w string) string {
	switch {
	case strings.HasSuffix(w, "er") && len(w) > 4:
		return w[:len(w)-2] + []string{"é", "e", "ez"}[r.IntN(3)]
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	case w == "à":
		return "a"
	case len(w) > 3 && r.IntN(2) == 0:
		i := 1 + r.IntN(len(w)-2)
		if w[i] < 0x80 {
			return w[:i] + strings.Repeat(w[i:i+1], 3) + w[i+1:]
		}
	}
	return w
}
