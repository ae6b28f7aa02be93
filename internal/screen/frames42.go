package screen

import (
	"strings"
	"sync"
)

// Forty-second round: a threat told by its aftermath. Writers who know
// that a screen looks for acts name none and say what will be left:
// mourning (« faites le plein de bougies et de fleurs », « le deuil »),
// lives that end (« le dernier concert de votre vie », « y en a qui
// verront jamais Noël », « personne ne rentrera »), a school that nobody
// will enter again (« plus personne n'osera », « fermée pour de bon »),
// blood, regret and notoriety (« vous allez regretter d'être nés », « on
// en parlera aux infos », « ça servira d'exemple »). Each phrase alone is
// also said of exams, matches and trips; the screen gives the learned
// layer one feature for the aftermath, and one each for an aftermath with
// the school or a time named, and lets it weigh them against the rest of
// the message rather than holding on the phrase.

// omenWords42 are single words of an aftermath; omenPhrases42 are word
// sequences (matched on keys, within a sentence).
const omenWords42 = "deuil deuils cercueil cercueils linceul linceuls obsèques funérailles enterrement enterrements cimetière morgue " +
	"souviendrez souviendront souviendra regretterez regretteront trinquer trinquera trinqueront pleurerez pleureront définitivement"

var omenPhrases42 = []string{
	"pour de bon", "plus personne", "personne ne rentrera", "personne ne sortira", "rentreront pas", "rentrerez pas",
	"reviendront pas", "reviendrez pas", "verront jamais", "verront plus", "verrez jamais", "verrez plus",
	"reverrez pas", "reverrez plus", "reverront pas", "reverront plus", "de votre vie", "de ta vie", "de leur vie",
	"de vos vies", "de leurs vies", "minute de silence", "marche blanche", "aux infos", "au journal de", "à la télé",
	"toute la france", "servira d'exemple", "serviront d'exemple", "dans l'histoire", "bain de sang", "du sang",
	"sang partout", "d'être nés", "d'être né", "d'être née", "allez pleurer", "vont pleurer", "va pleurer",
	"on parlera", "parlera de vous", "parleront de", "derniere journée normale", "dernier jour normal", "sans eux", "c'est terminé",
	"encore vivants", "encore en vie", "compter les corps", "comptera les corps", "habits noirs", "vêtements noirs",
	"cellule psychologique", "cellules psychologiques", "ou pire", "pleurer vos enfants", "pleurer leurs enfants",
	// Forty-third round: what is left, who comes to clear it, what will
	// be remembered (frames43.go).
	"ce qui restera", "il restera plus", "restera plus rien", "à moitié vides", "à moitié vide", "chaises vides",
	"places vides", "bancs vides", "ramasser les morceaux", "ramasser les corps", "identifier les corps",
	"reconnaître les corps", "sacs mortuaires", "connaîtront jamais", "ouverture du journal", "cellule de crise",
	"bonne assurance", "plaque commémorative", "monument aux morts", "gravés sur", "sont pas rentrés",
}

// The key classes of this file's readers (keyInfo.f42), decided once per
// key: the readers test a bit per token and look a phrase up only where
// one starts.
const (
	f42OmenWord    uint16 = 1 << iota // a single word of an aftermath
	f42OmenStart                      // the first word of an aftermath phrase
	f42Bougies                        // « bougies »
	f42Fleurs                         // « fleurs »
	f42TrackStart                     // the first word of a watching phrase
	f42Private                        // the reader's private life
	f42Known                          // what a watcher says they know
	f42KnowVerb                       // connais, sais, savons…
	f42ExcuseStart                    // the first word of an excuse phrase
	f42Kill                           // a word of a killing
	f42RealStart                      // the first word of a real-life phrase
)

var (
	f42Once                                   sync.Once
	omenSeqs, trackSeqs, excuseSeqs, realSeqs phraseIndex
	f42Words                                  map[string]uint16
)

// f42Of returns the classes of a key.
func f42Of(key string) uint16 {
	f42Init()
	return f42Words[key]
}

// f42Init builds the phrase indexes and the word classes, once. The
// readers call it too: they read the indexes.
func f42Init() {
	f42Once.Do(func() {
		omenSeqs, trackSeqs = phraseKeys(omenPhrases42), phraseKeys(trackPhrases42)
		excuseSeqs, realSeqs = phraseKeys(excusePhrases42), phraseKeys(realPhrases42)
		f42Words = map[string]uint16{}
		for _, x := range []struct {
			words string
			bit   uint16
		}{{omenWords42, f42OmenWord}, {"bougies", f42Bougies}, {"fleurs", f42Fleurs}, {privateWords42, f42Private},
			{knownWords42, f42Known}, {"connais connaît connaissons sais sait savons", f42KnowVerb}, {killWords42, f42Kill}} {
			for k := range keySet(x.words) {
				f42Words[k] |= x.bit
			}
		}
		for _, x := range []struct {
			ps  phraseIndex
			bit uint16
		}{{omenSeqs, f42OmenStart}, {trackSeqs, f42TrackStart}, {excuseSeqs, f42ExcuseStart}, {realSeqs, f42RealStart}} {
			for k := range x.ps {
				f42Words[k] |= x.bit
			}
		}
		f43Init(f42Words)
	})
}

// f42Class is a token's classes (none for a token without a key's
// information).
func f42Class(t *dtok) uint16 {
	if t.info == nil {
		return 0
	}
	return t.info.f42
}

// omenIn reports whether the message tells an aftermath (above), and
// whether it also names the school and a time.
func omenIn(toks []dtok) (omen, school, when bool) {
	f42Init()
	var seen uint16
	for i := range toks {
		c := f42Class(&toks[i])
		seen |= c
		if c&f42OmenWord != 0 || c&f42OmenStart != 0 && seqAt(toks, i, omenSeqs) {
			omen = true
			break
		}
	}
	omen = omen || seen&(f42Bougies|f42Fleurs) == f42Bougies|f42Fleurs
	if !omen {
		return false, false, false
	}
	return true, schoolNamed(toks), hasDay16(toks)
}

// Intimidation through the reader's private life names no act either: the
// writer shows that they follow, watch or know the reader's life (« je
// vous ai suivi jusqu'à la crèche », « je vous vois tous les jours prendre
// le bus 7 », « je connais votre emploi du temps par cœur », « on sait où
// tu dors »), and often names the reader's kin, home or routes. trackIn
// reads the first part; the second is the reader's private life named in
// the same message (kin, home, car, routes, hours). The learned layer gets
// one feature for each and one for both.

// trackPhrases42 are the word sequences of a writer watching the reader.
var trackPhrases42 = []string{
	"vous ai suivi", "vous ai suivie", "vous ai suivis", "t'ai suivi", "t'ai suivie", "vous a suivi", "vous a suivie",
	"t'a suivi", "t'a suivie", "vous avons suivi", "vous suis depuis", "te suis depuis", "vous suivons depuis",
	"vous observe", "t'observe", "vous observons", "vous surveille", "te surveille", "vous surveillons",
	"vous vois tous les", "te vois tous les", "vous voit tous les", "te voit tous les", "vous voyons tous les",
	"sais où tu", "sais où vous", "sait où tu", "sait où vous", "savons où", "sais où habite", "sait où habite",
	"connais votre emploi du temps", "connais ton emploi du temps", "connais vos horaires", "connais tes horaires",
	"connais votre adresse", "connais ton adresse", "connais votre trajet", "connais ton trajet", "connais votre parcours",
	"connais votre voiture", "connais ta voiture", "sais que tu dors", "sais que vous dormez", "de la visite",
	"changer de parcours", "changer de trajet", "changer d'itinéraire", "on ne sait jamais sur qui", "je voulais simplement que vous sachiez",
	// Forty-third round: a visit announced, a watcher never far, a
	// threat denied (frames43.go).
	"passerai lui dire bonjour", "passerai te dire bonjour", "passerai vous dire bonjour", "dire bonjour de ma part",
	"on se retrouvera", "pas forcément au", "regarde derrière toi", "regardez derrière vous",
	"regarder autour d'elle", "regarder autour de lui", "regarde bien autour", "watch your back", "watch ur back",
	"jamais loin", "as rien vu", "pas une menace", "facile à reconnaître", "sauront te reconnaître",
	"sauront vous reconnaître", "jolie maison", "belle maison", "moi je vous connais", "moi je te connais",
	"habitez pas au", "habites pas au", "tu peux te cacher", "vous pouvez vous cacher",
}

// privateWords42 name the reader's private life: kin, home, car, routes.
const privateWords42 = "fille fils femme mari épouse enfants enfant petite petit bébé mère père frère sœur famille maison adresse domicile " +
	"voiture plaque immatriculation parking garage trajet parcours footing jogging crèche nounou nourrice fenêtre chambre " +
	"boulangerie supermarché arrêt quai gare judo foot danse piscine facebook instagram immeuble digicode appart appartement " +
	"résidence étage horaires"

// knownWords42 are what a writer who watches the reader says they know.
const knownWords42 = "adresse code digicode immeuble appart appartement résidence étage horaires emploi trajet parcours " +
	"voiture plaque maison domicile chambre fenêtre"

// trackIn reports whether the writer shows that they watch the reader,
// and whether the message names the reader's private life.
func trackIn(toks []dtok) (track, private bool) {
	f42Init()
	for i := range toks {
		c := f42Class(&toks[i])
		if !track && (c&f42TrackStart != 0 && seqAt(toks, i, trackSeqs) || c&f42KnowVerb != 0 && knowsReader(toks, i)) {
			track = true
		}
		private = private || c&f42Private != 0
	}
	return track, track && private
}

// knowsReader reads « je connais ton code d'immeuble », « je sais où tu
// vas au foot », « on connaît vos horaires »: a verb of knowing (at i) said by
// the writer, then the reader's possession or whereabouts (a possessive
// of the second person or « où » + tu, vous) within two words, the thing
// known being the reader's home, hours or routes (knownWords42): not
// their kin (« je connais ton frère » is said by friends).
func knowsReader(toks []dtok, i int) bool {
	if i == 0 || !subjectFirst(toks[i-1].key) {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+2 && toks[j].flags&tSentence == 0; j++ {
		switch toks[j].key {
		case "ton", "ta", "tes", "votre", "vos":
			return j+1 < len(toks) && toks[j+1].flags&tSentence == 0 && f42Class(&toks[j+1])&f42Known != 0
		case "ou":
			return j+1 < len(toks) && (toks[j+1].key == "tu" || toks[j+1].key == "t" || toks[j+1].key == "vous")
		}
	}
	return false
}

// subjectFirst reports whether key is a subject of the first person.
func subjectFirst(key string) bool {
	switch key {
	case "je", "j", "on", "nous":
		return true
	}
	return false
}

// phraseIndex holds word sequences by the key of their first word, so
// that a token pays one map lookup whatever the number of phrases.
type phraseIndex map[string][][]string

// phraseKeys returns the phrases' keys (an elided word's apostrophe is a
// word break).
func phraseKeys(ps []string) phraseIndex {
	out := phraseIndex{}
	for _, p := range ps {
		var ks []string
		for _, w := range strings.Fields(strings.ReplaceAll(p, "'", "' ")) {
			ks = append(ks, keyOf(strings.TrimSuffix(w, "'")))
		}
		out[ks[0]] = append(out[ks[0]], ks)
	}
	return out
}

// seqAt reports whether one of ps starts at token i, within a sentence.
func seqAt(toks []dtok, i int, ps phraseIndex) bool {
	for _, seq := range ps[toks[i].key] {
		if enMatch(toks, i, seq) {
			return true
		}
	}
	return false
}

// An attack excused names no praise word either: « on récolte ce qu'on
// sème », « il l'a cherché », « juste retour », « je ne condamnerai pas »,
// « ils ont été poussés à bout », « qu'ils viennent pas pleurer ». Said of
// an attack, a killer or killed victims, it is terror apology; said of a
// grade or a fight, it is not. excuseIn reads the phrase, and whether the
// message names an attack (attackNamedKey) or victims with a killing.

var excusePhrases42 = []string{
	"récolte ce qu", "récoltent ce qu", "récolté ce qu", "l'a cherché", "l'ont cherché", "l'avait cherché",
	"l'avaient cherché", "se l'est cherché", "se le sont cherché", "juste retour", "retour de bâton", "bien fait pour",
	"l'a mérité", "l'ont mérité", "l'avait mérité", "l'avaient mérité", "finit par se payer", "finit toujours par se payer",
	"poussés à bout", "poussé à bout", "ses raisons", "leurs raisons", "ne condamnerai pas", "ne condamnerai jamais",
	"condamnerai jamais", "condamne pas", "regrette rien", "regretterai rien", "pas au hasard", "fallait s'y attendre",
	"fallait pas provoquer", "faut pas provoquer", "faut assumer", "fallait assumer", "prévisible", "la conséquence de",
	"de leur faute", "viennent pas pleurer", "venez pas pleurer", "aucune larme", "pas une larme", "zéro peine",
	"aucune peine", "pas triste", "empêche pas de dormir", "pas de pitié", "on ne provoque pas", "on provoque pas",
}

// killWords42 are the words of a killing, with which victims named make
// an attack referred to.
const killWords42 = "tué tués tuée tuées mort morts morte mortes abattu abattus égorgé égorgés décapité assassiné assassinés assassinat meurtre meurtrier massacrés"

// excuseIn reports whether the message excuses something (above), and
// whether it refers to an attack or a killing of its victims.
func excuseIn(toks []dtok) (excuse, attack bool) {
	f42Init()
	victim, kill := false, false
	for i := range toks {
		t := &toks[i]
		c := f42Class(t)
		if !excuse && c&f42ExcuseStart != 0 && seqAt(toks, i, excuseSeqs) {
			excuse = true
		}
		attack = attack || attackNamedKey(t)
		victim = victim || t.info != nil && t.info.frame&fc_victim != 0
		kill = kill || c&f42Kill != 0
	}
	return excuse, excuse && (attack || victim && kill)
}

// A game, a film or a song is told as the frame of a real attack: « on
// joue à Squid Game en vrai dans la cour demain », « killstreak lundi au
// self », « c'est pas le clip ». The message's game flag lowers what an
// act weighs; realIn reads the words that take the frame back to real
// life, and the learned layer also gets the game flag with the school and
// a time named, so that it can tell a tournament at the foyer from a
// « boss final » in the corridor on Monday.
var realPhrases42 = []string{
	"en vrai dans", "irl", "in real life", "pour de vrai", "dans la vraie vie", "des vrais", "des vraies", "de la vraie vie",
	"pas le clip", "pas un clip", "pas un jeu", "pas de la musique", "pas du cinéma", "pas un film", "non censurée",
	"no respawn", "pas de respawn", "sans respawn", "pas de sauvegarde", "une seule vie", "pas de fausse alerte",
}

// realIn reports whether the message takes a game or a film back to real
// life (above).
func realIn(toks []dtok) bool {
	f42Init()
	for i := range toks {
		if f42Class(&toks[i])&f42RealStart != 0 && seqAt(toks, i, realSeqs) {
			return true
		}
	}
	return false
}
