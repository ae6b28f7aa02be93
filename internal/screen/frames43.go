package screen

// Forty-third round: a joke taken back. A threat written as a joke, a
// dare or a prank keeps an exit for its writer (« c'est une blague
// hein… enfin à moitié », « c juste un délire mais je ramène les
// couteaux », « mdr c'est un prank mais venez vraiment pas demain »), and
// the laugh lowers what the act weighs (frame.playful). What a joke does
// not do is take itself back: « mais » right after the joke word, a
// joke denied (« c'est pas une blague », « je rigole pas ») or « à
// moitié ». jokeDeniedIn reads that; the learned layer gets it, and it
// with a time named, and weighs it against the rest of the message (a
// teacher's « je ne plaisante pas, le devoir est pour lundi » is the same
// words).

// jokeWords43 name a joke, a laugh or a prank.
const jokeWords43 = "blague blagues blaguer rigole rigoler rigolez rigolais rire délire délires prank pranks mème mèmes meme memes " +
	"plaisante plaisanter plaisantez plaisanterie plaisanteries troll trolle trolling joke joking kidding"

// jokeBackPhrases43 take a joke back by themselves.
var jokeBackPhrases43 = []string{
	"à moitié", "a moitie", "think im joking", "think i'm joking", "think i am joking", "not joking", "not kidding",
	"suis sérieux", "suis sérieuse", "suis très sérieux", "c'est sérieux", "pas pour de faux",
}

// Key classes of this file (keyInfo.f42, above frames42's).
const (
	f43Joke      uint16 = 1 << (iota + 11) // a word of a joke or a laugh
	f43BackStart                           // the first word of a phrase that takes a joke back
	f43Kin                                 // the reader's kin (kinWords43)
	f43Closure                             // a word closing the school (closureWords43)
	f43Reason                              // an institution's reason (reasonWords43)
)

var jokeBacks phraseIndex

// f43Init builds the phrase index and adds this file's classes to
// frames42's word classes; f42Init calls it.
func f43Init(words map[string]uint16) {
	jokeBacks = phraseKeys(jokeBackPhrases43)
	for k := range jokeBacks {
		words[k] |= f43BackStart
	}
	for _, x := range []struct {
		words string
		bit   uint16
	}{{jokeWords43, f43Joke}, {kinWords43, f43Kin}, {closureWords43, f43Closure}, {reasonWords43, f43Reason}} {
		for k := range keySet(x.words) {
			words[k] |= x.bit
		}
	}
}

// jokeDeniedIn reports whether the message takes a joke back (above), and
// whether it also names a time.
func jokeDeniedIn(toks []dtok) (denied, when bool) {
	f42Init()
	joke := false
	for i := range toks {
		c := f42Class(&toks[i])
		if c&f43BackStart != 0 && seqAt(toks, i, jokeBacks) {
			denied = true
			break
		}
		if c&f43Joke == 0 {
			continue
		}
		joke = true
		if jokeNegated(toks, i) || butAfter(toks, i) {
			denied = true
			break
		}
	}
	if !denied || !joke && !anyJoke(toks) {
		return false, false
	}
	return true, hasDay16(toks)
}

// anyJoke reports whether the message names a joke anywhere (a phrase
// taking one back may come before it).
func anyJoke(toks []dtok) bool {
	for i := range toks {
		if f42Class(&toks[i])&f43Joke != 0 {
			return true
		}
	}
	return false
}

// jokeNegated reads « pas une blague », « pas pour rire », « rigole
// pas », « blague pas »: a negation up to two words before the joke word
// or right after it, in the same sentence.
func jokeNegated(toks []dtok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if toks[j+1].flags&tSentence != 0 {
			break
		}
		if negWord43(toks[j].key) {
			return true
		}
	}
	return i+1 < len(toks) && toks[i+1].flags&tSentence == 0 && negWord43(toks[i+1].key)
}

// butAfter reads « c'est une blague mais », « c juste un délire mais »:
// « mais » (« but ») up to three words after the joke word (« c une
// blague hein. mais » crosses a sentence's end).
func butAfter(toks []dtok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		switch toks[j].key {
		case "mais", "but":
			return true
		}
	}
	return false
}

func negWord43(key string) bool {
	switch key {
	case "pas", "jamais", "aucune", "not", "no":
		return true
	}
	return false
}

// A writer who intimidates without naming a blow often shows what they
// know of the reader's life, thing after thing: « jolie maison à
// Saint-Aubin, le portail bleu », « ta mère, caisse 6 à l'Intermarché »,
// « votre voiture, votre trajet du mardi ». One such word after « ton »
// or « votre » is ordinary (« votre adresse a changé ? »); two different
// ones, or one with the reader's kin, are rarer in a school's mail.
// privateDetailsIn counts them; the learned layer weighs them.

// kinWords43 are the reader's kin among frames42's private words.
const kinWords43 = "fille fils femme mari épouse enfants enfant petite petit bébé mère père frère sœur famille"

// privateDetailsIn returns how many different private words (frames42's
// privateWords42 that are no kin) follow a possessive of the second
// person within two words, counted up to two (the learned layer reads one
// or several), and whether one of the reader's kin does.
func privateDetailsIn(toks []dtok) (things int, kin bool) {
	f42Init()
	first := ""
	for i := range toks {
		switch toks[i].key {
		case "ton", "ta", "tes", "votre", "vos":
		default:
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+2 && toks[j].flags&tSentence == 0; j++ {
			c := f42Class(&toks[j])
			switch {
			case c&f42Private == 0:
				continue
			case c&f43Kin != 0:
				kin = true
			case first == "":
				first, things = toks[j].key, 1
			case toks[j].key != first:
				return 2, kin
			}
			break
		}
	}
	return things, kin
}

// A head who closes the school writes what a quiet hoax writes (« l'école
// sera fermée lundi, prévenez les autres parents »), and gives a reason a
// hoax does not: a water or power cut, works, a leak, snow, a strike, an
// election, an epidemic, pests. frames16's stay-away frame reads the
// reason for the rules; the learned layer gets it too, so that it weighs a
// closure with its reason apart from one without.

// closureWords43 close the school or its lessons; reasonWords43 are an
// institution's reasons.
const (
	closureWords43 = "fermé fermée fermés fermées fermera fermeront fermeture fermetures accueillir accueil accueillis reprendront reprennent reprise suspendus annulés annulé annulée annulées"
	reasonWords43  = "eau électricité électrique courant chauffage fuite fuites coupure coupures panne pannes travaux chantier inondation inondé inondée dégât dégâts sinistre amiante désinfection désinsectisation punaises nuisibles neige verglas intempéries tempête orage canicule vigilance grève grèves élections électoral vote scrutin formation pédagogique férié pont épidémie grippe covid gastro contagieux commission"
)

// closureReasonIn reports whether the message closes the school or its
// lessons and names an institution's reason.
func closureReasonIn(toks []dtok) bool {
	f42Init()
	var seen uint16
	for i := range toks {
		seen |= f42Class(&toks[i])
		if seen&(f43Closure|f43Reason) == f43Closure|f43Reason {
			return true
		}
	}
	return false
}
