package screen

import "strings"

// Thirty-fourth round: a game or a joke said to be real is not play.
//
// « jvais te fumer comme dans GTA mais en vrai cette fois », « la
// prochaine game c'est en vrai », « chez moi les lasers c'est des vraies
// balles », « je vais te tuer pour de vrai mdr » were delivered: the game
// or the laugh made the act's clause play (frame.play, frame.laugh) and
// took the lexicon's game discount. The sender who names the game to say
// that this time it is not one has undone the excuse himself, so an act
// that someone performs, claims or calls for loses its play when the
// message says it is real. Reports, quotations, drills, lessons and
// fiction keep their framing: « il a écrit "pour de vrai" » is still a
// report.
//
// « en vrai » is also a filler (« en vrai il est bien ce prof »), so it
// counts only where the filler does not stand: at the end of its clause
// (« la prochaine game c en vrai. »), after a copula (« c'est en vrai »),
// or before « cette fois ».

// realPhrases are the markers read anywhere in the message, as keys.
var realPhrases = func() [][]string {
	var out [][]string
	for _, p := range []string{
		"pour de vrai", "pour du vrai", "pour de vrais", "dans la vraie vie", "dans la vrai vie", "irl", "in real life",
		"vraies balles", "vraie balle", "vraies armes", "vraie arme", "vrai flingue", "vrais flingues", "balles réelles",
		"vrai couteau", "vrais couteaux", "pas un jeu", "plus un jeu", "pas une game", "plus une game",
	} {
		ws := strings.Fields(p)
		for i, w := range ws {
			ws[i] = keyOf(w)
		}
		out = append(out, ws)
	}
	return out
}()

var (
	keyEn, keyVrai, keyCette, keyFois string
	realCopula                        map[string]bool
)

func init() {
	keyEn, keyVrai, keyCette, keyFois = keyOf("en"), keyOf("vrai"), keyOf("cette"), keyOf("fois")
	realCopula = keySet("c est sera serait ce cest")
}

// realMarker reports whether the message says that what it announces is
// real (see the top of the file).
func realMarker(src string, toks []dtok) bool {
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
		if f := &frames[i]; (f.play || f.laugh) && f.agentive() {
			any = true
			break
		}
	}
	if !any || !realMarker(src, toks) {
		return
	}
	for i := range frames {
		f := &frames[i]
		if !(f.play || f.laugh) || !f.agentive() || f.report || f.quoted || f.drill || f.lesson || f.fiction {
			continue
		}
		f.play, f.laugh, f.real = false, false, true
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
// à la gare »): a destination after it leaves it without an act.

// peopleObjects are the nouns that make a person the object of such a verb.
var peopleObjects = keySet("prof profs professeur professeurs professeure principal principale proviseur proviseure cpe surveillant surveillants surveillante pion pions directeur directrice élève élèves gens toutlemonde supporters supporter joueurs joueur flics keufs policiers arbitre arbitres coach keum meuf")

// allWords stand before or after « les » for the whole group (« je vais
// tous les planter », « je les descends tous »).
var allWords = keySet("tous toutes")

// destinations are the prepositions after « descendre » that make it a
// movement: « au self », « en salle 12 », « jusqu'à la grille ».
var destinations = keySet("à a au aux en dans jusqu jusque vers chez")

var lemDescendre string

func init() { lemDescendre = keyOf("descendre") }

// personNounObject reports whether the object of the verb at fts[i] is a
// person named by a noun (peopleObjects, after determiners and « tous »)
// or « les » with « tous ».
func personNounObject(fts []ftok, i int) bool {
	if i >= 1 && fts[i-1].key == "les" && (i >= 2 && allWords[fts[i-2].key] || i+1 < len(fts) && allWords[fts[i+1].key]) {
		return true
	}
	for j := i + 1; j < len(fts) && j <= i+4; j++ {
		k := fts[j].key
		if peopleObjects[k] {
			return true
		}
		if fts[j].fc&fc_det != 0 || allWords[k] || k == "tout" || k == "toute" || k == "le" || k == "la" || k == "les" || k == "l" || k == "leurs" || k == "leur" {
			continue
		}
		return false
	}
	return false
}

// movedTo reports whether a destination follows the verb at fts[i] within
// its object: « je descends les 6e au self », « je te descends à la gare ».
func movedTo(fts []ftok, i int) bool {
	for j := i + 1; j < len(fts) && j <= i+4; j++ {
		if destinations[fts[j].key] {
			return true
		}
	}
	return false
}
