// Command screenlex builds the morphology table that the content screen
// embeds (internal/screen/data/morph.tsv.gz) from Debian's
// hunspell-fr-comprehensive dictionary (Grammalecte's "toutes variantes"
// French dictionary, MPL-2.0):
//
//	go run ./cmd/screenlex [-dic /usr/share/hunspell/fr.dic] [-aff /usr/share/hunspell/fr.aff] [-out internal/screen/data/morph.tsv.gz]
//
// Every dictionary entry is expanded with its suffix rules (one level, as
// hunspell does for these rules; elision prefixes are left out because the
// screen's tokeniser splits elisions itself). Each form is reduced to the
// screen's matching key (screen.MorphKey: lower case, no accents, doubled
// letters squeezed) and written with its lemma, part of speech, moods or
// tenses and persons. By default verbs and the closed word classes are
// kept (-pos); nouns, adjectives (except participles), proper nouns and
// first names are not, which keeps the table small enough to load in a
// blink. The imperfect subjunctive and the simple past outside the third
// person are left out for the same reason.
//
// With -keys only the sorted matching keys are written, one a line, and
// only keys of letters a–z: that is how the word list of the screen's
// segmenter of glued words (internal/screen/data/words.txt.gz, every noun
// and adjective form of the dictionary; see internal/screen/glue.go) is
// made:
//
//	go run ./cmd/screenlex -pos noun,adj -keys -out internal/screen/data/words.txt.gz
//
// The output is sorted and gzip-compressed without a timestamp, so the same
// dictionary always gives the same bytes.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier/internal/screen"
)

func main() {
	dic := flag.String("dic", "/usr/share/hunspell/fr.dic", "hunspell dictionary (.dic)")
	aff := flag.String("aff", "/usr/share/hunspell/fr.aff", "hunspell affix file (.aff)")
	out := flag.String("out", "internal/screen/data/morph.tsv.gz", "table to write")
	pos := flag.String("pos", "verb,adv,pron,det,prep,conj", "parts of speech to keep (verb, noun, adj, adv, pron, det, prep, conj)")
	keysOnly := flag.Bool("keys", false, "write only the keys of letters a–z, one a line (the segmenter's word list)")
	flag.Parse()
	keep := map[screen.POS]bool{}
	for _, p := range strings.Split(*pos, ",") {
		v, ok := posNames[strings.TrimSpace(p)]
		if !ok {
			fmt.Fprintf(os.Stderr, "screenlex: unknown part of speech %q\n", p)
			os.Exit(2)
		}
		keep[v] = true
	}
	if err := run(*dic, *aff, *out, keep, *keysOnly); err != nil {
		fmt.Fprintln(os.Stderr, "screenlex:", err)
		os.Exit(1)
	}
}

func run(dicPath, affPath, outPath string, keep map[screen.POS]bool, keysOnly bool) error {
	rules, needAffix, err := readAff(affPath)
	if err != nil {
		return fmt.Errorf("reading %s: %w", affPath, err)
	}
	tab := map[string]map[string]*screen.MorphEntry{} // key → lemma+pos → entry
	n, err := readDic(dicPath, func(word, flags string, morph []string) {
		pos := posOf(morph)
		if pos == 0 || !keep[pos] {
			return
		}
		lemma := screen.MorphKey(word)
		if lemma == "" {
			return
		}
		if !strings.Contains(flags, needAffix) || needAffix == "" {
			add(tab, screen.MorphKey(word), lemma, pos, morph)
		}
		for i := 0; i+2 <= len(flags); i += 2 {
			for _, r := range rules[flags[i:i+2]] {
				form, ok := r.apply(word)
				if !ok || r.rare() {
					continue
				}
				add(tab, screen.MorphKey(form), lemma, pos, append(append([]string{}, morph...), r.morph...))
			}
		}
	})
	if err != nil {
		return fmt.Errorf("reading %s: %w", dicPath, err)
	}
	keys := make([]string, 0, len(tab))
	for k := range tab {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	rows := 0
	for _, k := range keys {
		if keysOnly {
			if lettersOnly(k) {
				fmt.Fprintf(w, "%s\n", k)
				rows++
			}
			continue
		}
		es := make([]*screen.MorphEntry, 0, len(tab[k]))
		for _, e := range tab[k] {
			es = append(es, e)
		}
		sort.Slice(es, func(i, j int) bool {
			if es[i].Lemma != es[j].Lemma {
				return es[i].Lemma < es[j].Lemma
			}
			return es[i].POS < es[j].POS
		})
		for _, e := range es {
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\n", k, e.Lemma, e.POS, e.Moods, e.Persons)
			rows++
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(outPath, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "screenlex: %d dictionary entries, %d keys, %d rows, %d bytes → %s\n", n, len(keys), rows, buf.Len(), outPath)
	return nil
}

// lettersOnly reports whether k is made of the letters a–z only: the
// segmenter's pieces (keys with digits, hyphens or apostrophes are never
// a piece of a glued word).
func lettersOnly(k string) bool {
	for i := 0; i < len(k); i++ {
		if k[i] < 'a' || k[i] > 'z' {
			return false
		}
	}
	return k != ""
}

func add(tab map[string]map[string]*screen.MorphEntry, key, lemma string, pos screen.POS, morph []string) {
	if key == "" || strings.ContainsAny(key, " \t") {
		return
	}
	moods, persons := tagsOf(morph)
	m := tab[key]
	if m == nil {
		m = map[string]*screen.MorphEntry{}
		tab[key] = m
	}
	id := lemma + "\x00" + strconv.Itoa(int(pos))
	e := m[id]
	if e == nil {
		e = &screen.MorphEntry{Lemma: lemma, POS: pos}
		m[id] = e
	}
	e.Moods |= moods
	e.Persons |= persons
}

// posOf maps the dictionary's po: tags to a part of speech; 0 drops the entry.
func posOf(morph []string) screen.POS {
	for _, t := range morph {
		switch {
		case strings.HasPrefix(t, "po:v") && len(t) > 4 && t[4] >= '0' && t[4] <= '9':
			return screen.POSVerb
		case t == "po:nom":
			return screen.POSNoun
		case t == "po:adj":
			return screen.POSAdj
		case t == "po:adv" || t == "po:negadv" || t == "po:advint":
			return screen.POSAdv
		case strings.HasPrefix(t, "po:pro") || t == "po:prn" || t == "po:1pe" || t == "po:2pe" || t == "po:3pe":
			return screen.POSPron
		case strings.HasPrefix(t, "po:det"):
			return screen.POSDet
		case strings.HasPrefix(t, "po:prep"):
			return screen.POSPrep
		case strings.HasPrefix(t, "po:cj"):
			return screen.POSConj
		case t == "po:npr" || t == "po:patr" || t == "po:titr":
			return 0
		}
	}
	return 0
}

var posNames = map[string]screen.POS{
	"verb": screen.POSVerb, "noun": screen.POSNoun, "adj": screen.POSAdj, "adv": screen.POSAdv,
	"pron": screen.POSPron, "det": screen.POSDet, "prep": screen.POSPrep, "conj": screen.POSConj,
}

var moodTags = map[string]screen.Mood{
	"po:infi": screen.MoodInfinitive, "po:ppre": screen.MoodPresentParticiple, "po:ppas": screen.MoodPastParticiple,
	"po:ipre": screen.MoodPresent, "po:iimp": screen.MoodImperfect, "po:ipsi": screen.MoodSimplePast,
	"po:ifut": screen.MoodFuture, "po:cond": screen.MoodConditional, "po:spre": screen.MoodSubjunctive,
	"po:simp": screen.MoodSubjunctive, "po:impe": screen.MoodImperative,
}

var personTags = map[string]screen.Person{
	"po:1sg": screen.Person1Sg, "po:1isg": screen.Person1Sg, "po:2sg": screen.Person2Sg, "po:3sg": screen.Person3Sg,
	"po:1pl": screen.Person1Pl, "po:2pl": screen.Person2Pl, "po:3pl": screen.Person3Pl,
}

func tagsOf(morph []string) (screen.Mood, screen.Person) {
	var m screen.Mood
	var p screen.Person
	for _, t := range morph {
		t = strings.TrimSuffix(t, "!") // Grammalecte's mark on some tags (po:3pl!)
		m |= moodTags[t]
		p |= personTags[t]
	}
	return m, p
}

// rule is one suffix rule of the affix file.
type rule struct {
	strip, add string
	cond       []condElem
	morph      []string
}

// condElem is one position of a rule's condition: a set of runes, negated
// or not; an empty non-negated set matches any rune.
type condElem struct {
	set []rune
	neg bool
	any bool
}

// rare reports whether a rule makes a form that school messages almost
// never use and that no frame reads: the imperfect subjunctive, and the
// simple past outside the third person ("il tua", kept for reports).
func (r rule) rare() bool {
	third := false
	for _, t := range r.morph {
		if t == "po:simp" {
			return true
		}
		third = third || t == "po:3sg" || t == "po:3pl"
	}
	for _, t := range r.morph {
		if t == "po:ipsi" && !third {
			return true
		}
	}
	return false
}

func (r rule) apply(word string) (string, bool) {
	if !strings.HasSuffix(word, r.strip) {
		return "", false
	}
	rs := []rune(word)
	if len(rs) < len(r.cond) {
		return "", false
	}
	tail := rs[len(rs)-len(r.cond):]
	for i, c := range r.cond {
		if c.any {
			continue
		}
		in := false
		for _, x := range c.set {
			if x == tail[i] {
				in = true
				break
			}
		}
		if in == c.neg {
			return "", false
		}
	}
	return word[:len(word)-len(r.strip)] + r.add, true
}

func parseCond(s string) ([]condElem, error) {
	var out []condElem
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			out = append(out, condElem{any: true})
		case '[':
			j := i + 1
			var c condElem
			if j < len(rs) && rs[j] == '^' {
				c.neg = true
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				c.set = append(c.set, rs[j])
				j++
			}
			if j == len(rs) {
				return nil, fmt.Errorf("unclosed condition %q", s)
			}
			out = append(out, c)
			i = j
		default:
			out = append(out, condElem{set: []rune{rs[i]}})
		}
	}
	return out, nil
}

// readAff reads the suffix rules by flag (long, two-character flags) and
// the NEEDAFFIX flag.
func readAff(p string) (map[string][]rule, string, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	rules := map[string][]rule{}
	needAffix := ""
	headers := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		switch fs[0] {
		case "FLAG":
			if len(fs) < 2 || fs[1] != "long" {
				return nil, "", fmt.Errorf("line %d: only FLAG long is supported", line)
			}
		case "NEEDAFFIX":
			if len(fs) > 1 {
				needAffix = fs[1]
			}
		case "SFX":
			if len(fs) == 4 && !headers[fs[1]] {
				headers[fs[1]] = true
				continue
			}
			if len(fs) < 5 {
				return nil, "", fmt.Errorf("line %d: short SFX rule", line)
			}
			r := rule{strip: fs[2], morph: fs[5:]}
			if r.strip == "0" {
				r.strip = ""
			}
			add := fs[3]
			if i := strings.IndexByte(add, '/'); i >= 0 {
				add = add[:i] // continuation classes: elision prefixes only
			}
			if add == "0" {
				add = ""
			}
			r.add = add
			if r.cond, err = parseCond(fs[4]); err != nil {
				return nil, "", fmt.Errorf("line %d: %w", line, err)
			}
			rules[fs[1]] = append(rules[fs[1]], r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, "", err
	}
	if len(rules) == 0 {
		return nil, "", errors.New("no suffix rules")
	}
	return rules, needAffix, nil
}

// readDic calls fn for each entry of the dictionary.
func readDic(p string, fn func(word, flags string, morph []string)) (int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	n := 0
	first := true
	for {
		s, err := r.ReadString('\n')
		if s = strings.TrimRight(s, "\r\n"); s != "" {
			if first {
				first = false // the entry count
			} else {
				fs := strings.Fields(s)
				word, flags, _ := strings.Cut(fs[0], "/")
				fn(word, flags, fs[1:])
				n++
			}
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
