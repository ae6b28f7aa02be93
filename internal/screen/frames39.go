package screen

import (
	"strings"
	"sync"
)

// Thirty-fourth round: a game or a joke said to be real is not play.
//
// « jvais te fumer comme dans GTA mais en vrai cette fois », « la
// prochaine game c'est en vrai », « chez moi les lasers c'est des vraies
// balles », « je vais te tuer pour de vrai mdr » were delivered: the game
// or the laugh made the act's clause play (frame.play, frame.laugh) and
// took the lexicon's game discount. The sender who names the game to say
// that this time it is not one has undone the excuse himself, so an act
// that someone performs, claims or calls for loses its play, and the
// fiction, lesson or practice that framed it (« comme dans le film qu'on
// a vu en cours… et cette fois ce sera pas du cinéma »), when the message
// says it is real. Reports, quotations and drills keep their framing:
// « il a écrit "pour de vrai" » is still a report.
//
// « en vrai » is also a filler (« en vrai il est bien ce prof »), so it
// counts only where the filler does not stand: at the end of its clause
// (« la prochaine game c en vrai. »), after a copula (« c'est en vrai »),
// or before « cette fois ».

// realPhrases are the markers read anywhere in the message, as keys
// (built by f39Sets).
var realPhrases [][]string

func buildRealPhrases() [][]string {
	var out [][]string
	for _, p := range []string{
		"pour de vrai", "pour du vrai", "pour de vrais", "dans la vraie vie", "dans la vrai vie", "irl", "in real life",
		"vraies balles", "vraie balle", "vraies armes", "vraie arme", "vrai flingue", "vrais flingues", "balles réelles",
		"vrai couteau", "vrais couteaux", "pas un jeu", "plus un jeu", "pas une game", "plus une game",
		"pas du cinéma", "plus du cinéma", "pas un film", "pas de la fiction",
	} {
		ws := strings.Fields(p)
		for i, w := range ws {
			ws[i] = keyOf(w)
		}
		out = append(out, ws)
	}
	return out
}

// Keys of words without accents: keyOf squeezes doubled letters already
// during the package's init, so they are set there (the sets with accents
// wait for f39Sets).
var (
	keyEn, keyVrai, keyCette, keyFois, keyComme, keyAlcool string
	realCopula                                             map[string]bool
)

func init() {
	keyEn, keyVrai, keyCette, keyFois, keyComme = keyOf("en"), keyOf("vrai"), keyOf("cette"), keyOf("fois"), keyOf("comme")
	keyAlcool = keyOf("alcool")
	realCopula = keySet("c est sera serait ce cest")
}

// realMarker reports whether the message says that what it announces is
// real (see the top of the file).
func realMarker(src string, toks []dtok) bool {
	f39Sets()
	for i := range toks {
		for _, p := range realPhrases {
			if i+len(p) > len(toks) || toks[i].key != p[0] {
				continue
			}
			ok := true
			for j := 1; j < len(p); j++ {
				if toks[i+j].key != p[j] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
		if toks[i].key != keyEn || i+1 >= len(toks) || toks[i+1].key != keyVrai {
			continue
		}
		switch {
		case i > 0 && realCopula[toks[i-1].key]:
			return true
		case i+2 == len(toks) || clauseEndBetween(src, toks[i+1].end, toks[i+2].start):
			return true
		case i+3 < len(toks) && toks[i+2].key == keyCette && toks[i+3].key == keyFois:
			return true
		}
	}
	return false
}

// clauseEndBetween reports whether src[from:to] holds a mark that ends a
// clause: punctuation, a line break or an emoji.
func clauseEndBetween(src string, from, to int) bool {
	if from < 0 || to > len(src) || from >= to {
		return false
	}
	for _, r := range src[from:to] {
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f':
		case r == '\'' || r == '’' || r == '-':
			return false
		default:
			return true
		}
	}
	return false
}

// realGames lifts the play and the laugh of the clauses whose act is
// performed, claimed or called for, in a message that says it is real.
// Run at the end of parseFrames, after schoolGames.
func realGames(src string, toks []dtok, frames []frame) {
	any := false
	for i := range frames {
		if f := &frames[i]; (f.play || f.laugh || f.fiction || f.lesson || f.practice) && f.agentive() {
			any = true
			break
		}
	}
	if !any || !realMarker(src, toks) {
		return
	}
	for i := range frames {
		f := &frames[i]
		if !(f.play || f.laugh || f.fiction || f.lesson || f.practice) || !f.agentive() || f.report || f.quoted || f.drill {
			continue
		}
		f.play, f.laugh, f.fiction, f.lesson, f.practice, f.real = false, false, false, false, false, true
		if f.actTok >= 0 && f.actTok < len(toks) {
			toks[f.actTok].hyper = false
		}
	}
}

// Two slang verbs of killing that need a person as their object:
// « descendre » (« je vais te descendre », « je descends tous les profs »)
// and « planter » (stab), which before this round took only a clitic
// (« je vais te planter »): « on plante tout le monde », « on va planter
// leurs supporters » were no act. « descendre » is also to take someone
// down or somewhere (« je descends les élèves au self », « je te descends
// à la gare »): a destination after it leaves it without an act. Every
// slang verb (frameLex.slang) takes such a noun, or a nickname ending its
// noun phrase, as its person object (« défoncer le gros de la 4eC »).

// peopleObjects are the nouns that make a person the object of such a verb.
var peopleObjects map[string]bool // built by f39Sets

// allWords stand before or after « les » for the whole group (« je vais
// tous les planter », « je les descends tous »).
var allWords map[string]bool // built by f39Sets

// nickObjects are the nicknames pupils call one another by (« le gros »,
// « la nouvelle »), person objects when they end the noun phrase
// (nickEnds), and nickAfter the words that may follow them there.
var nickObjects, nickAfter map[string]bool // built by f39Sets

// destinations are the prepositions after « descendre » that make it a
// movement: « au self », « en salle 12 », « jusqu'à la grille ».
var destinations map[string]bool // built by f39Sets

// personNounObject reports whether the object of the verb at fts[i] is a
// person named by a noun (peopleObjects, after determiners and « tous »)
// or « les » with « tous ».
func personNounObject(fts []ftok, i int) bool {
	f39Sets()
	if i >= 1 && fts[i-1].key == "les" && (i >= 2 && allWords[fts[i-2].key] || i+1 < len(fts) && allWords[fts[i+1].key]) {
		return true
	}
	for j := i + 1; j < len(fts) && j <= i+4; j++ {
		k := fts[j].key
		if peopleObjects[k] || nickObjects[k] && nickEnds(fts, j) {
			return true
		}
		if fts[j].fc&fc_det != 0 || allWords[k] || k == "tout" || k == "toute" || k == "le" || k == "la" || k == "les" || k == "l" || k == "leurs" || k == "leur" {
			continue
		}
		return false
	}
	return false
}

// nickEnds reports whether the nickname at fts[j] (« le gros », « la
// nouvelle ») ends its noun phrase, as a person's name would: « défoncer
// le gros de la 4eC », « on chope le nouveau demain »; « fumer le gros
// joint » has a noun after it.
func nickEnds(fts []ftok, j int) bool {
	return j+1 == len(fts) || nickAfter[fts[j+1].key] || fts[j+1].cap
}

// movedTo reports whether a destination follows the verb at fts[i] within
// its object: « je descends les 6e au self », « je te descends à la gare ».
func movedTo(fts []ftok, i int) bool {
	f39Sets()
	for j := i + 1; j < len(fts) && j <= i+4; j++ {
		if destinations[fts[j].key] {
			return true
		}
	}
	return false
}

// The fate of a murdered teacher promised to someone: « tu vas finir
// comme Samuel Paty », « le prof d'histoire va finir comme celui
// d'Arras », « vous connaîtrez le même sort que votre collègue de
// Conflans », « jvais vous faire ce qu'ils ont fait à l'autre prof ». The
// lexicon read the first as terror apology (a victim's fate wished), and
// the model, seeing no act, let it through; it is a death threat at its
// reader. Who fears that fate (« je ne veux pas finir comme… », « je vais
// finir comme… »), or denies it, is not threatening.

var fateVerbs, fateFirst, fateNeg, fateRefNeg, fateOther map[string]bool // built by f39Sets

// fateRef reports whether a murdered teacher or an attack is named from
// toks[i] on, within n words: the lexicon's references (Paty, Arras,
// Conflans…) or « l'autre prof ».
func fateRef(toks []dtok, i, n int) bool {
	for j := i; j < len(toks) && j < i+n; j++ {
		if toks[j].flags&tSentence != 0 && j > i {
			return false
		}
		if toks[j].class&clRef != 0 {
			return true
		}
		if toks[j].key == "autre" && j+1 < len(toks) && fateOther[toks[j+1].key] {
			return true
		}
	}
	return false
}

// fateThreat returns the violence score and reason of such a threat.
func fateThreat(toks []dtok) (float64, string) {
	f39Sets()
	ref := false
	for i := range toks {
		if f39Class(&toks[i])&f39FateRefNeg != 0 {
			return 0, "" // a tribute or a lesson names the fate to remember it
		}
		ref = ref || toks[i].class&clRef != 0 || toks[i].key == "autre"
	}
	if !ref {
		return 0, ""
	}
	for i := range toks {
		k := toks[i].key
		switch {
		case f39Class(&toks[i])&f39FateVerb != 0 && i+1 < len(toks) && toks[i+1].key == keyComme && fateRef(toks, i+2, 5):
		case k == "meme" && i+2 < len(toks) && toks[i+1].key == "sort" && (toks[i+2].key == "que" || toks[i+2].key == "qu") && fateRef(toks, i+3, 5):
		case k == "faire" && i > 0 && (toks[i-1].key == "vous" || toks[i-1].key == "te" || toks[i-1].key == "t") &&
			i+3 < len(toks) && toks[i+1].key == "ce" && (toks[i+2].key == "qu" || toks[i+2].key == "que") && fateRef(toks, i+3, 7):
		default:
			continue
		}
		// The subject and a negation, a few words before the verb.
		ok := true
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			if fateFirst[toks[j].key] && k != "faire" || fateNeg[toks[j].key] {
				ok = false
				break
			}
			if toks[j+1].flags&tSentence != 0 {
				break
			}
		}
		if ok && mentioned(toks, i) {
			return 0.4, "violence: le sort d'un enseignant assassiné promis au destinataire, cité (score 0.40)"
		}
		if ok {
			return 0.8, "violence: le sort d'un enseignant assassiné promis au destinataire (score 0.80)"
		}
	}
	return 0, ""
}

// f39Sets builds the word sets of this file on first use: keyOf folds
// accents only once every table is loaded, after the package's init.
var f39Once sync.Once

func f39Sets() {
	f39Once.Do(buildF39Sets)
}

func buildF39Sets() {
	realPhrases = buildRealPhrases()
	peopleObjects = keySet("prof profs professeur professeurs professeure principal principale proviseur proviseure cpe surveillant surveillants surveillante pion pions directeur directrice élève élèves gens toutlemonde supporters supporter joueurs joueur flics keufs policiers arbitre arbitres coach keum meuf fils filles frère frères sœur sœurs cousin cousine cousins")
	nickObjects = keySet("gros grosse petit petite nouveau nouvelle intello rouquin rouquine rousse roux bouffon bouffonne balance mec gars fille garçon gamin gamine délégué déléguée remplaçant remplaçante blonde")
	nickAfter = keySet("de du des d qui a au aux en demain ce cet cette")
	allWords = keySet("tous toutes")
	destinations = keySet("a au aux en dans jusqu jusque vers chez")
	fateVerbs = keySet("finir finiras finirez finira finiront finisse finisses finissiez finissent terminer termineras terminerez terminera termineront")
	fateFirst = keySet("je j on nous")
	fateNeg = keySet("ne n pas jamais")
	fateRefNeg = keySet("hommage memoire minute silence commemoration")
	fateOther = keySet("prof professeur professeure enseignant enseignante collegue")
	joinWords = keySet("hijra hijrah sham cham rangs combattants moudjahidines moudjahidin mujahidin califat etatislamique daech daesh isis")
	departWords = keySet("partir pars part partez rejoindre rejoins rejoignez rejoint passer labas voyage hijra hijrah")
	secretWords39 = keySet("privé mp pv telegram signal contact efface effacez supprime supprimez")
	lessonWords39 = keySet("cours exposé emc documentaire recrutait recrutaient recrutement propagande signaler signalez pharos police gendarmerie radicalisation prévention")
	imitateVerbs = keySet("faire fais faites fait refaire refais refaites")
	imitateRefs = keySet("nice bataclan conflans arras columbine christchurch charlie charliehebdo hypercacher toulouse strasbourg utoya")
	keyPersonne = keyOf("personne")
	keyLegitime, keyLegitimes = keyOf("légitime"), keyOf("légitimes")
	justifyAdverbs = keySet("bien tout totalement entièrement parfaitement complètement vraiment")
	justifyCopulas = keySet("est était sont étaient")
	personNounBefore = keySet("une la cette chaque toute quelque seule autre première dernière")
}

// Recruitment and calls to imitate (terror apology). « Les rangs du
// califat vous attendent… contact en privé, effacez ce message », « y a
// des gens qui peuvent t'aider à partir, je t'envoie le contact en
// privé », « la hijra est une obligation, écrivez-moi en privé » were
// delivered: no act, and an extremist word alone is also a lesson's. What
// makes them recruitment is a departure or a joining with its contact
// kept secret. « Faites comme à Nice », « tu fais comme le gars de Nice
// avec le camion » call for an attack by its name. A lesson, a report or
// the past of a recruiter described (« Daech recrutait… sur Telegram »)
// is not either.

// Built by f39Sets.
var joinWords, departWords, secretWords39, lessonWords39, imitateVerbs, imitateRefs map[string]bool

// The key classes of this file's readers (keyInfo.f39), decided once per
// key: the readers test a bit per token, not a map per word.
const (
	f39Lesson uint16 = 1 << iota
	f39Join
	f39Depart
	f39Secret
	f39ImitateVerb
	f39ImitateRef
	f39FateVerb
	f39FateRefNeg
)

// f39Of returns the classes of a key.
func f39Of(key string) uint16 {
	f39Sets()
	var c uint16
	for _, x := range []struct {
		set map[string]bool
		bit uint16
	}{{lessonWords39, f39Lesson}, {joinWords, f39Join}, {departWords, f39Depart}, {secretWords39, f39Secret},
		{imitateVerbs, f39ImitateVerb}, {imitateRefs, f39ImitateRef}, {fateVerbs, f39FateVerb}, {fateRefNeg, f39FateRefNeg}} {
		if x.set[key] {
			c |= x.bit
		}
	}
	return c
}

// f39Class is a token's classes (none for a token without a key's information).
func f39Class(t *dtok) uint16 {
	if t.info == nil {
		return 0
	}
	return t.info.f39
}

var keyPersonne string

// recruitOrImitate returns the terror-apology score and reason of a
// recruitment or a call to imitate a named attack.
func recruitOrImitate(toks []dtok) (float64, string) {
	f39Sets()
	var any uint16
	extremist := false
	for i := range toks {
		c := f39Class(&toks[i])
		any |= c
		extremist = extremist || toks[i].class&clExtremist != 0
		if toks[i].key == keyPersonne && i > 0 && toks[i-1].key == "a" {
			any |= f39Secret // « dis-le à personne », « n'en parlez à personne »
		}
	}
	lesson := any&f39Lesson != 0
	join := any&f39Join != 0 || extremist
	depart, secret := any&f39Depart != 0, any&f39Secret != 0
	if lesson {
		return 0, ""
	}
	if join && depart && secret {
		return 0.6, "terror_apology: recrutement (départ ou ralliement + contact secret) (score 0.60)"
	}
	if any&f39ImitateRef == 0 {
		return 0, ""
	}
	// « faites comme à Nice », « fais comme le gars de Nice »
	for i := range toks {
		if f39Class(&toks[i])&f39ImitateVerb == 0 || i+1 >= len(toks) || toks[i+1].key != keyComme {
			continue
		}
		if i > 0 && (toks[i-1].key == "ne" || toks[i-1].key == "n" || toks[i-1].key == "pas") || i+2 < len(toks) && toks[i+2].key == "pas" {
			continue
		}
		for j := i + 2; j < len(toks) && j <= i+6; j++ {
			if toks[j].flags&tSentence != 0 {
				break
			}
			if f39Class(&toks[j])&f39ImitateRef != 0 {
				return 0.6, "terror_apology: appel à imiter une attaque nommée (score 0.60)"
			}
		}
	}
	// « la seule réponse à Arras, c'est de faire pareil dans leurs
	// mosquées », « après le Bataclan faut refaire la même chose »: the
	// attack named first in the sentence, then doing the same.
	for i := range toks {
		if f39Class(&toks[i])&f39ImitateVerb == 0 || !sameThingAt(toks, i+1) {
			continue
		}
		if i > 0 && (toks[i-1].key == "ne" || toks[i-1].key == "n" || toks[i-1].key == "pas") || i+1 < len(toks) && toks[i+1].key == "pas" {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			if toks[j+1].flags&tSentence != 0 {
				break
			}
			if f39Class(&toks[j])&f39ImitateRef != 0 {
				return 0.6, "terror_apology: appel à imiter une attaque nommée (score 0.60)"
			}
		}
	}
	return 0, ""
}

// sameThingAt reports whether « pareil » or « la même chose » starts at
// toks[i].
func sameThingAt(toks []dtok, i int) bool {
	switch {
	case i >= len(toks):
		return false
	case toks[i].key == "pareil":
		return true
	case i+2 < len(toks) && toks[i].key == "la" && toks[i+1].key == "meme" && toks[i+2].key == "chose":
		return true
	}
	return false
}

// deservedIt reads « ils méritaient », « il l'a mérité », « elle le
// méritait » with nothing after the verb that says what was deserved: the
// victims deserved it. « ils méritaient de vivre », « mieux », « leur
// victoire », « pas ça » are not.
func deservedIt(fts []ftok, i int) bool {
	k := fts[i].key
	if k != "meritaient" && k != "meritait" && k != "meritent" && k != "merite" {
		return false
	}
	if i == 0 {
		return false
	}
	// Back over an auxiliary and an object pronoun: « ils l'ont mérité ».
	j := i - 1
	if p := fts[j].key; (p == "a" || p == "ont" || p == "avait" || p == "avaient") && j > 0 {
		j--
	}
	if p := fts[j].key; (p == "l" || p == "le" || p == "la") && j > 0 {
		j--
	}
	p := fts[j].key
	if p != "ils" && p != "il" && p != "elle" && p != "elles" {
		return false
	}
	if i+1 < len(fts) {
		switch fts[i+1].key {
		case "de", "d", "mieux", "plus", "pas", "respect", "hommage", "une", "un", "le", "la", "les", "leur", "leurs", "son", "sa", "ses":
			return false
		}
	}
	return true
}

// justifiedIt reports whether fts[i] ends a justification: « ils ont eu
// raison » or « eu bien raison » (not « eu raison de »), « bien fait »,
// « il l'a bien cherché », « c'était mérité », « il avait ses raisons »,
// « ils sont dans leur droit », « c'était légitime ». The frames ask an
// attack named with it.
func justifiedIt(fts []ftok, i int) bool {
	if i == 0 {
		return false
	}
	k, p := fts[i].key, fts[i-1].key
	notDe := i+1 == len(fts) || fts[i+1].key != "de" && fts[i+1].key != "d"
	switch k {
	case "raison":
		return (notDe || rightToKill(fts, i)) && (p == "eu" || i >= 2 && fts[i-2].key == "eu" && justifyAdverbs[p])
	case "fait", "cherche":
		return notDe && p == "bien"
	case "merite":
		return p == "etait" || p == "est"
	case "raisons":
		return (p == "ses" || p == "leurs") && i >= 2 && (fts[i-2].key == "avait" || fts[i-2].key == "avaient" || fts[i-2].key == "a" || fts[i-2].key == "ont")
	case "droit":
		return (p == "leur" || p == "son") && i >= 2 && fts[i-2].key == "dans"
	case keyLegitime, keyLegitimes:
		return justifyCopulas[p] || i >= 2 && justifyAdverbs[p] && justifyCopulas[fts[i-2].key]
	}
	return false
}

var (
	justifyAdverbs, justifyCopulas map[string]bool
	keyLegitime, keyLegitimes      string
)

// burnProduct reports whether « brûler » at fts[i] names a product,
// « l'alcool à brûler », not an act.
func burnProduct(fts []ftok, i int) bool {
	return i >= 2 && fts[i-1].key == "a" && fts[i-2].key == keyAlcool
}
