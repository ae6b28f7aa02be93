package campaign

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/publicsuffix"

	"github.com/bouclier/bouclier/internal/screen"
)

// TextModel turns a text into the terms its similarity is computed on.
// Two texts are alike when their term sets are: so the terms must not
// change when the words are reordered, inflected or replaced by a
// synonym. FrenchModel is the default; a lemmatiser can replace it.
type TextModel interface {
	Terms(text string) []string
}

// FrenchModel is a light model of French: the screen's normalisation
// (case, accents, leetspeak, homoglyphs, spacing), stop words removed,
// synonyms mapped to one representative, then a light stemmer (plural,
// gender and the commonest verb and noun endings). Numbers are dropped:
// they are what a template changes from one copy to the next.
type FrenchModel struct{}

// Terms returns the text's terms, duplicates removed, in first-seen order.
func (m FrenchModel) Terms(text string) []string { return m.termsOf(m.fields(text)) }

// fields returns a text's normalised words, in order.
func (FrenchModel) fields(text string) []string {
	return strings.FieldsFunc(screen.Normalize(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// termsOf returns the terms of normalised words, duplicates removed.
func (m FrenchModel) termsOf(fields []string) []string { return dedupe(m.wordsOf(fields)) }

// wordsOf maps normalised words to their terms, position by position
// ("" for none).
func (FrenchModel) wordsOf(fields []string) []string {
	out := make([]string, len(fields))
	for i, w := range fields {
		out[i] = FrenchModel{}.word(w)
	}
	return out
}

// dedupe returns the terms but the empty ones, duplicates removed, in
// first-seen order.
func dedupe(terms []string) []string {
	seen := make(map[string]bool, len(terms))
	out := make([]string, 0, len(terms))
	for _, w := range terms {
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// word maps one normalised word to its term, or "" for none.
func (FrenchModel) word(w string) string {
	if len(w) < 2 || stopWords[w] || isNumber(w) {
		return ""
	}
	if s, ok := synonymOf[w]; ok {
		w = s
	} else if l := lemma(w); l != "" {
		// The screen's morphology: « savons », « sait » → savoir.
		w = l
		if s, ok := synonymOf[w]; ok {
			w = s
		}
	}
	w = stem(w)
	if s, ok := synonymOf[w]; ok {
		w = s
	}
	if stopWords[w] {
		return ""
	}
	return w
}

// term maps one word, as written, to its term ("" for none).
func (m FrenchModel) term(w string) string { return m.word(screen.Normalize(w)) }

// lemma returns a word's lemma from the screen's morphology table,
// preferring a verb's, then a noun's; "" when the table does not know it.
func lemma(w string) string {
	lemmaMu.Lock()
	l, ok := lemmaCache[w]
	lemmaMu.Unlock()
	if ok {
		return l
	}
	l = lookupLemma(w)
	lemmaMu.Lock()
	if len(lemmaCache) >= lemmaCacheMax {
		clear(lemmaCache)
	}
	lemmaCache[w] = l
	lemmaMu.Unlock()
	return l
}

// The lemmas looked up, by normalised word: the morphology's analysis
// costs more than the rest of a message's terms.
var (
	lemmaMu    sync.Mutex
	lemmaCache = map[string]string{}
)

const lemmaCacheMax = 100000

func lookupLemma(w string) string {
	best, rank := "", 0
	for _, e := range screen.Analyse(w) {
		r := 1
		switch e.POS {
		case screen.POSVerb:
			r = 3
		case screen.POSNoun:
			r = 2
		}
		if r > rank {
			best, rank = screen.Normalize(e.Lemma), r
		}
	}
	return best
}

func isNumber(w string) bool {
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	// 10h, 3e, 2024: mostly digits.
	return digits*2 >= len(w)
}

// stem removes the commonest inflectional and derivational endings of a
// normalised (accent-free) French word, keeping at least four letters.
func stem(w string) string {
	if len(w) <= 4 {
		return w
	}
	for _, suf := range stemSuffixes {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// stemSuffixes, longest first: the first that leaves four letters goes.
var stemSuffixes = []string{
	"issements", "issement", "erions", "eraient", "assions",
	"ements", "ations", "atrice", "ateurs", "issons", "issent", "erions", "eront",
	"ement", "ation", "ateur", "ences", "ances", "euses", "ments", "ement", "iques", "istes", "aient", "erait", "erais", "erez",
	"ment", "ence", "ance", "euse", "ique", "iste", "ites", "ions", "ait", "ant", "ees", "ent", "era", "eux", "ive", "ifs", "ite", "ais", "ons", "iez",
	"ez", "ee", "es", "er", "ir", "if", "e", "s", "x",
}

// stopWords are French function words (normalised: no accents).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a au aux avec ce ces cet cette c ca ci d dans de des du elle elles en et eux il ils
		je j l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ou par pas pour qu que qui s sa se ses
		si son sur t ta te tes toi ton tu un une vos votre vous y est sont sera seront ete etre avoir ai as avons avez ont aura auront
		etait etaient fait faire plus moins tres bien tout tous toute toutes cela ceci celui celle ceux celles dont donc car comme
		lorsque quand puis alors aussi encore deja ici la-bas chez vers sans sous entre apres avant pendant depuis jusqu jusque
		bonjour bonsoir merci cordialement madame monsieur mesdames messieurs bonne journee soiree svp stp`) {
		m[w] = true
	}
	return m
}()

// synonymGroups list words (normalised or stemmed) that say the same
// thing in a school's messages; each maps to the group's first word.
var synonymGroups = [][]string{
	{"ecole", "college", "lycee", "etablissement", "bahut", "bahu", "colleg", "lyce", "etabliss", "ecol"},
	{"bomb", "bombe", "explosif", "explos", "engin", "charge", "detonat", "detonation"},
	{"ferm", "fermer", "ferme", "fermee", "fermeture", "clos", "close", "clot", "annul", "annule", "annulee", "supprim", "supprime",
		"suspendu", "suspend", "interromp"},
	{"professeur", "professeu", "prof", "profs", "enseignant", "enseign", "maitre", "maitress", "instit", "instituteur"},
	{"enfant", "enfan", "eleve", "elev", "fils", "fill", "fille", "gamin", "gosse", "progenitur"},
	{"famill", "famille", "parent", "parents", "foyer"},
	{"prevenir", "preven", "prevenu", "avert", "avertir", "averti", "informer", "inform", "alert", "alerter", "signal", "prevenez"},
	{"demain", "lendemain"},
	{"urgent", "urgenc", "important", "import", "grave", "imperatif", "imperat", "prioritair"},
	{"video", "vide", "sequenc", "sequence", "film", "clip", "enregistr"},
	{"tuer", "tue", "massacr", "egorg", "decapit", "abattr", "execut", "assassin"},
	{"attentat", "attaqu", "attaque", "frapp", "frappe"},
	{"menac", "menace", "danger", "risqu", "risque", "peril"},
	{"maison", "domicil", "domicile", "chez-vous", "logement"},
	{"rester", "rest", "gard", "garder"},
	{"cours", "classe", "class", "lecon", "enseignement", "salle"},
	{"savoir", "connaitre", "connait"},
	{"message", "messag", "courriel", "mail", "mel", "texto"},
	{"police", "polic", "gendarm", "gendarmerie", "flic"},
	{"piratag", "pirat", "hack", "hacker"},
	{"envoy", "envoyer", "transmet", "transmettr", "partag", "partager", "diffus", "diffuser", "relay", "relayer", "faire-suivr"},
	{"portail", "entree", "grill", "grille", "porte"},
	{"convoqu", "convoque", "convocation", "convoc", "rendez-vous"},
	{"confirm", "confirmer", "valid", "valider", "repondr", "repondre", "repon"},
	{"aujourd", "aujourdhui", "ce-jour"},
}

var synonymOf = func() map[string]string {
	m := map[string]string{}
	for _, g := range synonymGroups {
		for _, w := range g {
			m[w] = g[0]
		}
	}
	return m
}()

// RegisteredDomain returns the domain a host was registered under (the
// public suffix list's eTLD+1: "x1.videos-choc.fr" → "videos-choc.fr"),
// or the host itself when it has none (an IP address, a bare suffix).
func RegisteredDomain(host string) string {
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}
