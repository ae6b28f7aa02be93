package screen

// SMS and chat French. Pupils write « jvais te niker », « tes mort »,
// « g caché un truc », « kil vienne » : the lexicon and the clause frames
// are written in standard French, so the detection path (analyzeText)
// rewrites such words into the tokens the standard spelling would give
// (« je vais », « t' es mort », « j' ai caché », « qu' il »). Normalize,
// whose output other packages hash and compare, is left as it was.
//
// Only forms that are not French words are rewritten (a word the
// morphology table knows stays as it is: jetais, tirer), and the
// one-letter forms (g, c, t) only where a class letter or a grade cannot
// stand (« la 5e C », « vitamine C », « salle G »).

import "strings"

// chatWords are fixed chat spellings and the standard tokens they stand
// for. A part ending in an apostrophe is elided onto the next part. The
// words are matched as the tokeniser gives them, lower case and without
// accents (« jvé » is read as jve): a key with an accent would never match
// (TestChatWordsFolded).
var chatWords = map[string][]string{
	// je + verb or clitic
	"jvais": {"je", "vais"}, "jvai": {"je", "vais"}, "jve": {"je", "vais"}, "jv": {"je", "vais"},
	"chui": {"je", "suis"}, "chuis": {"je", "suis"}, "jsuis": {"je", "suis"}, "jsui": {"je", "suis"}, "jsu": {"je", "suis"},
	"jai": {"j'", "ai"}, "jen": {"j'", "en"}, "jy": {"j'", "y"}, "jtai": {"je", "t'", "ai"}, "jlai": {"je", "l'", "ai"},
	"jsp": {"je", "sais", "pas"}, "jpp": {"je", "peux", "plus"}, "jtm": {"je", "t'", "aime"},
	// tu
	"tkt": {"t'", "inquiete"}, "tqt": {"t'", "inquiete"},
	// que, qui, quoi… spelt with k
	"ki": {"qui"}, "koi": {"quoi"}, "kwa": {"quoi"}, "kan": {"quand"}, "kand": {"quand"}, "ke": {"que"},
	"kil": {"qu'", "il"}, "kils": {"qu'", "ils"}, "kelle": {"qu'", "elle"}, "kon": {"qu'", "on"}, "kel": {"quel"},
	"kelk": {"quelque"}, "kelkun": {"quelqu'", "un"}, "kelkin": {"quelqu'", "un"},
	"qqn": {"quelqu'", "un"}, "qqun": {"quelqu'", "un"}, "qlq": {"quelqu'", "un"}, "kom": {"comme"}, "koman": {"comment"},
	"pk": {"pourquoi"}, "pq": {"pourquoi"}, "pcq": {"parce", "que"}, "psk": {"parce", "que"}, "paske": {"parce", "que"},
	"pasque": {"parce", "que"}, "qd": {"quand"},
	// missing apostrophes
	"cest": {"c'", "est"}, "cetait": {"c'", "etait"}, "ct": {"c'", "etait"}, "sil": {"s'", "il"}, "qil": {"qu'", "il"},
	"quil": {"qu'", "il"}, "quils": {"qu'", "ils"}, "quon": {"qu'", "on"}, "jusqua": {"jusqu'", "a"},
	"ya": {"il", "y", "a"}, "yaura": {"il", "y", "aura"}, "yavait": {"il", "y", "avait"}, "dla": {"de", "la"},
	"nimporte": {"n'", "importe"}, "aujourdhui": {"aujourd'", "hui"}, "lecole": {"l'", "ecole"},
	"letablissement": {"l'", "etablissement"}, "lautre": {"l'", "autre"}, "lhopital": {"l'", "hopital"},
	"lentree": {"l'", "entree"}, "linternat": {"l'", "internat"}, "lescalier": {"l'", "escalier"},
	// digits and letters for syllables
	"2main": {"demain"}, "2m1": {"demain"}, "dem1": {"demain"}, "a2m1": {"a", "demain"}, "a2main": {"a", "demain"},
	"bi1": {"bien"}, "ri1": {"rien"}, "koi29": {"quoi", "de", "neuf"}, "auj": {"aujourd'", "hui"},
	"ajd": {"aujourd'", "hui"}, "ojd": {"aujourd'", "hui"}, "tjr": {"toujours"}, "tjrs": {"toujours"},
	"bcp": {"beaucoup"}, "stp": {"s'", "il", "te", "plait"}, "svp": {"s'", "il", "vous", "plait"},
	"mm": {"meme"}, "tt": {"tout"}, "tte": {"toute"}, "ptet": {"peut", "etre"}, "ptetre": {"peut", "etre"},
	// insults written as initials
	"tg": {"ta", "gueule"}, "ftg": {"ferme", "ta", "gueule"}, "ntm": {"nique", "ta", "mere"},
	"fdp": {"fils", "de", "pute"},
	// the thirty-fourth round: function words and je + verb as SMS write them
	"ac": {"avec"}, "avc": {"avec"}, "pr": {"pour"}, "vs": {"vous"}, "ns": {"nous"}, "ms": {"mais"}, "pdt": {"pendant"},
	"dc": {"donc"}, "mwa": {"moi"}, "twa": {"toi"}, "oci": {"aussi"}, "ossi": {"aussi"},
	"jte": {"je", "te"}, "jle": {"je", "le"}, "jla": {"je", "la"}, "jles": {"je", "les"}, "jvs": {"je", "vous"},
	"jvou": {"je", "vous"}, "jvous": {"je", "vous"}, "jfais": {"je", "fais"}, "jfe": {"je", "fais"},
	"jveu": {"je", "veux"}, "jveux": {"je", "veux"}, "jpeu": {"je", "peux"}, "jpeux": {"je", "peux"}, "jsais": {"je", "sais"}, "jse": {"je", "sais"},
	"chai": {"je", "sais"}, "jvi1": {"je", "viens"}, "vi1": {"viens"},
	// the forty-first round: words as pupils who struggle with writing spell them
	"demin": {"demain"}, "dmain": {"demain"}, "ceu": {"ceux"}, "atanta": {"attentat"},
	// the forty-second round: words spelt by their sound, silent letters dropped
	// (words are matched without accents: « fé » is fe, « lycé » lyce)
	"pa": {"pas"}, "nou": {"nous"}, "tou": {"tous"}, "mor": {"mort"}, "che": {"chez"}, "fe": {"fait"}, "lyce": {"lycee"},
	"partou": {"partout"},
	// the forty-fourth round
	"yora": {"il", "y", "aura"}, "yaurra": {"il", "y", "aura"}, "iaura": {"il", "y", "aura"},
	// slang verbs spelt with a double consonant
	"choppe": {"chope"}, "choppes": {"chopes"}, "chopper": {"choper"}, "choppera": {"chopera"},
	"chopperai": {"choperai"}, "choppent": {"chopent"},
}

// chatLens has, for each first byte of a chatWords key, a bit per key
// length: most words need no map lookup.
var chatLens = func() (m [256]uint32) {
	for w := range chatWords {
		if len(w) >= 32 {
			panic("screen: chat word too long: " + w)
		}
		m[w[0]] |= 1 << len(w)
	}
	return m
}()

// tesNext are the words after which « tes » (or a bare « t ») is « t'es »
// and not the possessive: states and insults, not nouns.
var tesNext = wordSet("mor mort morte morts fini finie foutu foutue cuit cuite dead mal pas plus trop grave un une ou qui la ici sur chez con conne bete nul nulle moche dans fou folle ouf malade serieux serieuse sur sure deja encore vraiment qu bien que en avec")

// tasNext are the words after which « tas » is « t'as »: past participles
// and the objects of avoir in set phrases.
var tasNext = wordSet("vu fait dit pas rien interet peur compris capte raison cru entendu eu ete pris mis plus vraiment deja intere")

// letterBefore are words after which a one-letter word is a class, group,
// grade or building letter, not g (j'ai) or c (c'est).
var letterBefore = wordSet("le la les un une en de du salle groupe batiment bat classe vitamine langage point categorie niveau section porte escalier aile bloc equipe plan note zone lettre type option poule serie pavillon couloir etage hall")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// expandChat returns a's tokens with chat spellings rewritten. Tokens made
// by a rewrite share the source span of the word they come from. When no
// word needs it, a is returned as it is (no copy).
func (nb *nbufs) expandChat(a analysis) analysis {
	nb.rewrites = 0
	first := -1
	for i := range a.toks {
		if chatCandidate(a.toks, i) && !cutPiece(a, i) {
			if _, ok := chatParts(a.toks, i); ok {
				first = i
				break
			}
		}
	}
	if first < 0 {
		return a
	}
	out := nb.ctoks[:0]
	out = append(out, a.toks[:first]...)
	for i := first; i < len(a.toks); i++ {
		t := a.toks[i]
		var parts []string
		ok := false
		if chatCandidate(a.toks, i) && !cutPiece(a, i) {
			parts, ok = chatParts(a.toks, i)
		}
		if !ok {
			out = append(out, t)
			continue
		}
		out = appendParts(out, t, parts, true)
		nb.rewrites++
	}
	nb.ctoks = out
	a.toks = out
	return a
}

// cutPiece reports whether token i is a piece of a word cut by hyphens,
// dots or other marks (not spaces) with a short piece beside it: « sil »
// in « fu-sil-ler » is no « s'il », and the join of split act words
// (repair.go, joinSyllables) reads the pieces as they are written.
func cutPiece(a analysis, i int) bool {
	t := &a.toks[i]
	if !shortPiece(t) {
		return false
	}
	if i > 0 && shortPiece(&a.toks[i-1]) && markGap(a.src, &a.toks[i-1], t) {
		return true
	}
	return i+1 < len(a.toks) && shortPiece(&a.toks[i+1]) && markGap(a.src, t, &a.toks[i+1])
}

// markGap reports whether the source between two tokens is one to three
// of the marks that cut a word, with no space (splitGap's, less the
// space).
func markGap(src string, a, b *token) bool {
	if !splitGap(src, a, b) {
		return false
	}
	return !strings.Contains(src[a.end:b.start], " ")
}

// squeezeStatic returns the matching key of a standard word of the chat
// table (doubled letters squeezed, doubled e and l kept).
func squeezeStatic(w string) string {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] != 'e' && w[i] != 'l' {
			return string(appendSqueezed(nil, []byte(w)))
		}
	}
	return w
}

// chatCandidate is a cheap filter before chatParts: chat forms are short,
// or start with j, t or l.
func chatCandidate(ts []token, i int) bool {
	w := ts[i].word
	if len(w) == 0 || len(w) > 12 || ts[i].flags&tEmoji != 0 {
		return false
	}
	return len(w) <= 6 || w[0] == 'j' || w[0] == 't' || w[0] == 'l' || w[0] == 'a' || w[0] == 'n' || w[0] == 'q'
}

// chatParts returns the standard tokens that word i of ts stands for.
func chatParts(ts []token, i int) ([]string, bool) {
	t := &ts[i]
	w := t.word
	var next, prev string
	if i+1 < len(ts) && ts[i+1].flags&tSentence == 0 {
		next = ts[i+1].word
	}
	if i > 0 && t.flags&tSentence == 0 {
		prev = ts[i-1].word
	}
	if i > 0 && ts[i-1].elided {
		return nil, false // the second half of an elision (l'ecole): never chat
	}
	switch w {
	case "tes":
		if tesNext[next] {
			return partsTes, true
		}
		return nil, false
	case "t":
		if !t.elided && tesNext[next] && !letterBefore[prev] {
			return partsTes, true
		}
		return nil, false
	case "vs":
		// vous, not versus: after a subject, tous or a verb, or before a
		// verb (« jvai tous vs nikez », « on vs attend »).
		if subjectBefore[prev] || prev == "tous" || next != "" && verbAny(squeezeStatic(next)) {
			return partsVous, true
		}
		return nil, false
	case "ds":
		// dans, not a devoir surveillé (« un ds de maths », « le ds »):
		// before a determiner or a number, not after one.
		if dsNext[next] || startsDigit(next) {
			if !dsPrev[prev] {
				return partsDans, true
			}
		}
		return nil, false
	case "o":
		// au before a place of the school or a game (« o lycé », « o
		// self », « o ping pong »).
		if next != "" {
			f, k := frameLexicon(), ts[i+1].key
			if f.school[k] || f.school[k+"e"] || f.play[k] {
				return partsAu, true
			}
		}
		return nil, false
	case "fou", "fous":
		// « on fou le feu au collège »: foutre spelt like the adjective,
		// only before « le feu » (« c'est fou le feu d'artifice » has
		// c'est before it).
		if next == "le" && i+2 < len(ts) && ts[i+2].word == "feu" && prev != "est" && prev != "c" {
			return partsFout, true
		}
		return nil, false
	case "sale":
		// salle spelt like the adjective, between a determiner and what
		// names a room (« la sale 204 », « une sale de classe », « la sale
		// des profs »); the adjective stands before its noun (« une sale
		// journée »).
		if roomDet[prev] && (roomNext[next] || startsDigit(next)) {
			return partsSalle, true
		}
		return nil, false
	case "tu":
		// tue after its object pronoun (« jvou tu tous », « je te tu »):
		// the pronoun tu hardly ever follows one (« et vous, tu… » is the
		// rare exception, read as tue). Before a verb's ending it is a
		// syllable the repair joins (« te tu er »).
		if tueObject[prev] && !tuEnding[next] {
			return partsTue, true
		}
		return nil, false
	case "sa":
		// ça before a verb no noun spells (« a 12h sa pete », « sa va
		// sauter »): the morphology table knows verbs, not nouns, so
		// « sa trousse » would read as trousser; the verbs are listed.
		if caNext[next] {
			return partsCa, true
		}
		return nil, false
	case "tas":
		if tasNext[next] {
			return partsTas, true
		}
		return nil, false
	case "g":
		if !t.elided && next != "" && isLetters(next) && len(next) > 1 && !letterBefore[prev] && !endsDigit(prev) {
			return partsJai, true
		}
		return nil, false
	case "c":
		if !t.elided && next != "" && isLetters(next) && len(next) > 1 && !letterBefore[prev] && !endsDigit(prev) {
			return partsCest, true
		}
		return nil, false
	}
	if len(w) < 32 && chatLens[w[0]]&(1<<len(w)) != 0 {
		if p, ok := chatWords[w]; ok {
			return p, true
		}
	}
	// je or tu glued to a verb: jramene, jte, tvas, jarrive. Only words
	// the table does not know, whose rest is a verb (or a clitic) of the
	// right person.
	if len(w) >= 3 && (w[0] == 'j' || w[0] == 't') && isLetters(w) && !notGlued[w] && len(lx.info(t.key).morph) == 0 {
		rest, rk := w[1:], t.key[1:]
		if w[0] == 'j' {
			if cliticRest[rest] {
				return []string{"je", rest}, true
			}
			// je and an elided object glued to a verb: jlattends,
			// jtencule, jmen (no French word starts with jl, jt, jm).
			if len(rest) >= 3 && (rest[0] == 'l' || rest[0] == 't' || rest[0] == 'm') && isVowel(rest[1]) && verbFinite(rk[1:]) {
				return []string{"je", rest[:1] + "'", rest[1:]}, true
			}
			if !isVowel(rest[0]) && verbPerson(rk, Person1Sg) {
				return []string{"je", rest}, true
			}
			if !isVowel(rest[0]) {
				if f := soundVerb1Sg(rk); f != "" {
					return []string{"je", f}, true
				}
			}
			if isVowel(rest[0]) && verbPerson(rk, Person1Sg) {
				return []string{"j'", rest}, true
			}
		} else if !isVowel(rest[0]) && verbPerson(rk, Person2Sg) {
			return []string{"tu", rest}, true
		} else if isVowel(rest[0]) && subjectBefore[prev] && verbAny(rk) {
			// te elided onto a verb after its subject: « jvais tencule »,
			// « on tattend ».
			return []string{"t'", rest}, true
		}
	}
	return nil, false
}

var (
	partsTes   = []string{"t'", "es"}
	partsTas   = []string{"t'", "as"}
	partsVous  = []string{"vous"}
	partsJai   = []string{"j'", "ai"}
	partsCest  = []string{"c'", "est"}
	partsDans  = []string{"dans"}
	partsAu    = []string{"au"}
	partsFout  = []string{"fout"}
	partsSalle = []string{"salle"}
	partsTue   = []string{"tue"}
	partsCa    = []string{"ca"}
)

// roomDet are the words before « sale » read as salle, roomNext those
// after it; tueObject the object pronouns (as written, chat forms too)
// after which « tu » is tue; caNext the verbs after which « sa » is ça.
var (
	roomDet   = wordSet("la une cette ma ta sa notre votre leur en")
	roomNext  = wordSet("de d des du dinfo dinformatique dattente detude darts polyvalente info informatique multimedia")
	tueObject = wordSet("vous vou vs te les jvou jvous jvs jte jles")
	tuEnding  = wordSet("er e es ez ai ais ait era erai eras erons erez eront eur")
	caNext    = wordSet("va vas ira pete petera explose explosera saute sautera brule brulera crame cramera fait fera commence commencera arrive arrivera finit finira suffit craint devient deviendra risque")
)

// dsNext are the words after which « ds » is dans, and dsPrev those
// after which it stays a devoir surveillé.
var (
	dsNext = wordSet("le la les l un une 1 mon ma mes ton ta tes son sa ses ce cet cette ces notre votre nos vos leur leurs mn tn sn")
	dsPrev = wordSet("un le les mon ton son du des de d en au 1 prochain dernier gros petit")
)

// notGlued are words the morphology table (verbs and closed classes) does
// not know whose rest is a verb: jaune is not j'aune.
var notGlued = wordSet("jaune jaunes jose tris trames")

// cliticRest are the object pronouns glued to je (jte, jme, jle, jvous).
var cliticRest = wordSet("te me le la les lui leur vous")

// subjectBefore are the words (as written, before any rewrite) after
// which a glued t+verb is te and its verb: subjects and aller.
var subjectBefore = wordSet("je on nous jvais jvai jve jv vais va vas allons il elle ils elles")

// soundVerb1Sg returns the verb form of the first person singular that
// key is written for with its silent ending dropped or its s written z
// (« jtir », « jsor », « jrentr », « jdepoz »), or "".
func soundVerb1Sg(key string) string {
	if len(key) < 3 {
		return ""
	}
	stem := strings.ReplaceAll(key, "z", "s")
	for _, end := range [...]string{"e", "s", "ds", "ts"} {
		if f := stem + end; verbPerson(f, Person1Sg) {
			return f
		}
	}
	return ""
}

// verbFinite reports whether key is a finite verb form of any person.
func verbFinite(key string) bool {
	for _, m := range lx.info(key).morph {
		if m.POS == POSVerb && m.Moods&(MoodPresent|MoodFuture|MoodImperfect|MoodConditional) != 0 {
			return true
		}
	}
	return false
}

// verbAny reports whether key has a verb analysis.
func verbAny(key string) bool {
	for _, m := range lx.info(key).morph {
		if m.POS == POSVerb {
			return true
		}
	}
	return false
}

func verbPerson(key string, p Person) bool {
	for _, m := range lx.info(key).morph { // cached per key
		if m.POS == POSVerb && m.Persons&p != 0 && m.Moods&(MoodPresent|MoodFuture|MoodImperfect|MoodConditional) != 0 {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return len(w) > 0
}

func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

func endsDigit(w string) bool {
	if w == "" {
		return false
	}
	c := w[len(w)-1]
	if c >= '0' && c <= '9' {
		return true
	}
	// ordinals: 5e, 2nde, 1ere
	return len(w) >= 2 && w[0] >= '0' && w[0] <= '9'
}
