package screen

import "strings"

// Eighth round A: threats between pupils in their own words. Pupils
// threaten each other with slang verbs of beating (« jvais te soulever »,
// « on va vous détruire »), with a blow aimed at a part of the body
// (« mon poing dans ta gueule », « jte mets une droite »), with what the
// reader will get (« tu vas prendre », « tu vas manger des coups »), with
// set phrases (« régler ton compte », « te faire la misère », « six pieds
// sous terre », « t'ouvrir en deux ») and with a challenge (« tu vas voir »)
// next to a harm or a meeting place. The same words are everyday talk in
// a game, a sport or a meeting: a game named next to the clause makes the
// reader an opponent.
//
// The readers run only on clauses with one of their words (the p8 classes
// of the key, computed once per key).
//
// frames.go's school words lost « des » and « vie » in this round: they
// came from splitting « salle des profs » and « vie scolaire », and made
// « des problèmes » or « sur la vie de ma mère » name the school.

// pupilSlangVerbs are verbs of beating or destroying that are an act only
// with a person as their object (the slang rule of readClause): « jvais te
// soulever », not « soulever le sac »; « on va vous détruire », not
// « détruire la planète ».
const pupilSlangVerbs = "soulever attraper déchirer écraser détruire éteindre allonger dérouiller rétamer bousiller amocher esquinter balayer enterrer découper taper marraver"

// pupilChat are chat spellings of the round's words that are no French
// words: « je vai te », « on va vou régler », « tn compte ».
var pupilChat = map[string][]string{"vai": {"vais"}, "vou": {"vous"}, "tn": {"ton"}, "dan": {"dans"}, "niker": {"niquer"}, "nikez": {"niquez"}}

func init() {
	for w, p := range pupilChat {
		if _, ok := chatWords[w]; ok {
			panic("screen: chat word defined twice: " + w)
		}
		chatWords[w] = p
		chatLens[w[0]] |= 1 << len(w)
	}
}

// pupilGameWords are games pupils name that playWords lacks.
// The thirty-fourth round adds the words of a round called in a shooter
// or a building game (« tu defuse la bombe sur B », « je fais un clutch
// 1v4 », « je te tue quand je reviens sur le serveur »).
const pupilGameWords = "apex duty overwatch pubg freefire rocket league fortnight valo defuse clutch respawn lobby ranked squad csgo cs2 boxfight loot serveur round"

// Pupil word classes of a key (keyInfo.p8, ftok.p8).
const (
	p8Blow   uint8 = 1 << iota // a blow: poing, baffe, gifle, droite, raclée…
	p8Give                     // mettre, coller, foutre, filer, donner, envoyer, manger, prendre, recevoir: the verb of a blow
	p8Prend                    // prendre: « tu vas prendre »
	p8Compte                   // compte: « régler ton compte »
	p8Idiom                    // misère, peau, problèmes: « te faire la misère », « tu vas avoir des problèmes »
	p8Terre                    // terre: « six pieds sous terre »
	p8Deux                     // deux: « t'ouvrir en deux »
	p8Voir                     // voir: « tu vas voir »
)

// blowWords name a blow. « droite », « patate » and « coup » need more
// (see blowAt): « à droite », « un coup de main ».
const blowWords = "pied main poing poings baffe baffes gifle gifles claque claques mandale mandales beigne beignes raclée rouste branlée dérouillée droite patate patates coup coups balayette béquille châtaigne"

// giveLemmas are the verbs of giving or getting a blow.
const giveLemmas = "mettre coller foutre filer donner envoyer balancer manger prendre recevoir bouffer"

// blowHarmNext are the complements of « coup(s) de » that make it a blow:
// « un coup de poing », not « un coup de main ».
const blowHarmNext = "poing poings pied pieds tête boule couteau batte genou coude ceinture latte cutter compas barre casque crosse"

// numberWords are the numbers a group gives itself (« à plusieurs », « à
// dix »).
const numberWords = "plusieurs deux trois quatre cinq six sept huit neuf dix quinze vingt"

// meetWords name a place where pupils meet to fight (« sortie » only in
// « à la sortie »).
const meetWords = "sortie portail city parc skatepark square arrêt abribus"

// praiseWords make « tu vas voir » a promise, not a challenge.
const praiseWords = "bien génial géniale cool sympa top ouf beau belle bon bonne super magnifique incroyable drôle marrant facile trop surprise cadeau"

// takeNext are the words after « tu vas prendre » that leave it without
// an object: what the reader gets.
const takeNext = "cher chère grave tarif sévère aussi direct mal"

var (
	p8Lex     map[string]uint8
	lemPrend  string
	lemRegl   string
	lemVoir   string
	lemGive   map[string]bool
	blowNext  map[string]bool
	numbers   map[string]bool
	meet      map[string]bool
	takeN     map[string]bool
	praiseW   map[string]bool
	keySortie string
)

// addPupilLex adds the round's words to the frame lexicon (called at the
// end of buildFrameLex).
func addPupilLex(f *frameLex) {
	for _, w := range strings.Fields(pupilSlangVerbs) {
		k := keyOf(w)
		if f.actVerb[k] == actNone {
			f.actVerb[k] = actAttack
		}
		f.slang[k] = true
	}
	p8Lex = map[string]uint8{}
	for _, w := range strings.Fields(blowWords) {
		p8Lex[keyOf(w)] |= p8Blow
	}
	for _, w := range []struct {
		w string
		c uint8
	}{{"compte", p8Compte}, {"misère", p8Idiom}, {"peau", p8Idiom}, {"problèmes", p8Idiom}, {"ennuis", p8Idiom}, {"soucis", p8Idiom}, {"terre", p8Terre}, {"deux", p8Deux}, {"mal", p8Idiom}, {"vie", p8Idiom}, {"jours", p8Idiom}} {
		p8Lex[keyOf(w.w)] |= w.c
	}
	// Games the play words lack.
	for _, w := range strings.Fields(pupilGameWords) {
		f.play[keyOf(w)] = true
	}
	// « ta face » is a part of the body too (« mon poing dans ta face »).
	f.body[keyOf("face")] = true
	lemPrend, lemRegl, lemVoir = keyOf("prendre"), keyOf("régler"), keyOf("voir")
	lemMetre = keyOf("mettre")
	lemGive = keySet(giveLemmas)
	blowNext, numbers, meet, takeN = keySet(blowHarmNext), keySet(numberWords), keySet(meetWords), keySet(takeNext)
	praiseW = keySet(praiseWords)
	keySortie = keyOf("sortie")
}

// pupilWordInfo returns the p8 classes of a key: its own words and its
// verb analyses' lemmas.
func pupilWordInfo(key string, morph []MorphEntry) uint8 {
	frameLexicon()
	c := p8Lex[key]
	for _, m := range morph {
		if m.POS != POSVerb {
			continue
		}
		if lemGive[m.Lemma] {
			c |= p8Give
		}
		switch m.Lemma {
		case lemPrend:
			c |= p8Prend
		case lemVoir:
			c |= p8Voir
		}
	}
	return c
}

// readPupil reads the round's shapes in a clause: the challenge mark, and
// when the clause has no act yet, the pupils' acts.
func readPupil(fts []ftok, fr *frame, subject uint8) {
	var any uint8
	for i := range fts {
		any |= fts[i].p8
	}
	if any == 0 || fr.negated {
		return
	}
	if any&p8Voir != 0 {
		challengeMark(fts, fr, subject)
	}
	if fr.act != actNone || any&^(p8Give|p8Voir) == 0 {
		return
	}
	for i := range fts {
		c := fts[i].p8
		switch {
		case c&p8Blow != 0:
			readBlow(fts, i, fr, subject)
		case c&p8Prend != 0:
			readTake(fts, i, fr, subject)
		case c&p8Compte != 0:
			readSettle(fts, i, fr, subject)
		case c&p8Idiom != 0:
			readMisery(fts, i, fr, subject)
		case c&p8Terre != 0:
			readUnderground(fts, i, fr, subject)
		case c&p8Deux != 0:
			readInTwo(fts, i, fr, subject)
		}
		if fr.act != actNone {
			return
		}
	}
}

// pupilNeedFrames reports whether the message's pupil words (p8, all its
// keys' classes together) call for the clauses to be parsed: a blow or a
// set phrase, or voir or prendre with a second person (second).
func pupilNeedFrames(p8 uint8, second bool) bool {
	return p8&(p8Blow|p8Compte|p8Idiom|p8Terre|p8Deux) != 0 || second && p8&(p8Voir|p8Prend) != 0
}

// setPupil records the act of a pupil's threat.
func setPupil(fr *frame, act actClass, tok int, tn tense, actor uint8) {
	fr.act, fr.actTok, fr.tense, fr.actor, fr.pupil = act, tok, tn, actor, true
}

// upcoming reports whether a tense is not told: future, intent, present,
// conditional or imperative.
func upcoming(tn tense) bool {
	switch tn {
	case tenseFuture, tenseIntent, tensePresent, tenseConditional, tenseImperative:
		return true
	}
	return false
}

// datives: the reader or a third person as the indirect object of a verb.
func dativeBefore(fts []ftok, i int) (bool, bool) {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch fts[j].key {
		case "t":
			// « t vas manger »: the subject, when no subject stands
			// before it; « je t'éclate »: the object.
			subj := false
			if fts[j].subj != actorNone {
				subj = true
				for k := 0; k < j; k++ {
					if fts[k].subj != actorNone {
						subj = false
					}
				}
			}
			if !subj {
				return true, true
			}
		case "te", "vous":
			return true, true
		case "lui", "leur":
			return true, false
		}
		if fts[j].fc&(fc_clitic|fc_neg|fc_skip) == 0 && fts[j].lf&lfVerb == 0 {
			break
		}
	}
	return false, false
}

// blowAt reports whether the token at i names a blow: « droite » and
// « patate » after a determiner, « pied » and « main » after mon or ma,
// « coup(s) » not followed by « de » + a word that is no weapon or part of
// the body.
func blowAt(fts []ftok, i int) bool {
	k := fts[i].key
	switch k {
	case "pied", "main":
		return i > 0 && (fts[i-1].key == "mon" || fts[i-1].key == "ma")
	case "droite", "patate", "patates", "bequille":
		return i > 0 && (fts[i-1].key == "une" || fts[i-1].key == "des" || fts[i-1].key == "ma" || fts[i-1].key == "mes")
	case "coup", "coups":
		if i+1 < len(fts) && (fts[i+1].key == "de" || fts[i+1].key == "d") {
			return i+2 < len(fts) && blowNext[fts[i+2].key]
		}
		return true
	}
	return true
}

// readBlow reads a blow at the reader: aimed at a part of their body
// (« mon poing dans ta gueule », « une droite sur ton nez »), given by the
// speaker (« jte mets une droite », « je vais te coller une baffe ») or
// received by the reader (« tu vas manger des coups de poing », « tu vas
// prendre une raclée »).
func readBlow(fts []ftok, b int, fr *frame, subject uint8) {
	if !blowAt(fts, b) {
		return
	}
	// The verb of the blow, just before it (over a determiner and « en »).
	v := -1
	for j := b - 1; j >= 0 && j >= b-3; j-- {
		if fts[j].p8&p8Give != 0 {
			v = j
			break
		}
		if fts[j].fc&(fc_det|fc_skip) == 0 && fts[j].key != "en" && fts[j].key != "un" && fts[j].key != "une" && fts[j].key != "des" {
			break
		}
	}
	if v >= 0 {
		m, ok := lemmaSet(fts[v].morph, lemGive)
		if !ok {
			return
		}
		tn, actor := verbFrame(fts, v, m, subject)
		if !upcoming(tn) {
			return
		}
		dat, reader := dativeBefore(fts, v)
		if !dat && actor == actor1 {
			// « je mets une droite à Mme Garnier »: the person after it.
			dat = namedDative(fts, b)
		}
		switch {
		case actor == actor1 && dat:
			// « jte mets une droite », « je vais lui coller une baffe »
			setPupil(fr, actHarm, fts[v].tok, tn, actor)
			fr.body, fr.target2 = true, fr.target2 || reader
			return
		case actor == actor2 && !dat && (tn == tenseFuture || tn == tensePresent || tn == tenseIntent):
			// « tu vas manger des coups », « tu vas prendre une raclée »;
			// « recevoir » here reports nothing.
			setPupil(fr, actHarm, fts[v].tok, tn, actor)
			fr.body, fr.target2, fr.report = true, true, false
			return
		}
		return
	}
	// « mon poing dans ta gueule », « une baffe sur ta tronche »
	for j := b + 1; j < len(fts) && j <= b+5; j++ {
		if fts[j].fc&fc_body == 0 {
			continue
		}
		if p := fts[j-1].key; p != "ta" && p != "ton" && p != "tes" && p != "votre" && p != "vos" {
			return
		}
		tn, actor := tenseFuture, actor1
		for k := range fts {
			if fts[k].lf&lfVerb == 0 || k == b || k == j {
				continue
			}
			if m, ok := hasVerb(fts[k].morph); ok && isFinite(fts[k].morph) {
				tn, _ = verbFrame(fts, k, m, subject)
				break
			}
		}
		if !upcoming(tn) {
			return
		}
		for k := 0; k < b; k++ {
			if a := fts[k].subj; a == actor2 || a == actor3 {
				return // « il a pris mon poing dans ta figure »: not the speaker's
			}
		}
		setPupil(fr, actHarm, fts[b].tok, tn, actor)
		fr.body, fr.target2 = true, true
		return
	}
}

// readTake reads « tu vas prendre » with no object (the clause ends, or
// « cher », « grave »…), what the reader will get, and « on va te prendre
// à plusieurs / à 5 », a beating by a group.
func readTake(fts []ftok, i int, fr *frame, subject uint8) {
	m, ok := lemmaIs(fts[i].morph, lemPrend)
	if !ok {
		return
	}
	tn, actor := verbFrame(fts, i, m, subject)
	if tn != tenseFuture && tn != tensePresent && tn != tenseIntent {
		return
	}
	next := ""
	if i+1 < len(fts) {
		next = fts[i+1].key
	}
	if dat, reader := dativeBefore(fts, i); dat && reader && actor == actor1 && (next == "a" || next == "au") && i+2 < len(fts) {
		if n := fts[i+2].key; isNumber(n) || numbers[n] {
			setPupil(fr, actAttack, fts[i].tok, tn, actor)
			fr.target2 = true
			return
		}
	}
	if actor != actor2 {
		return
	}
	if next == "" || takeN[next] {
		setPupil(fr, actHarm, fts[i].tok, tn, actor)
	}
}

// readSettle reads « régler ton compte » / « te régler ton compte » /
// « vous régler votre compte » by the speaker.
func readSettle(fts []ftok, c int, fr *frame, subject uint8) {
	if c < 2 {
		return
	}
	p := fts[c-1].key
	if p != "ton" && p != "votre" && p != "son" && p != "leur" {
		return
	}
	v := c - 2
	m, ok := lemmaIs(fts[v].morph, lemRegl)
	if !ok {
		return
	}
	tn, actor := verbFrame(fts, v, m, subject)
	if actor != actor1 || !upcoming(tn) {
		return
	}
	setPupil(fr, actAttack, fts[v].tok, tn, actor)
	fr.target2 = fr.target2 || p == "ton" || p == "votre"
}

// courtesyTitles name a person before their name: « à Mme Garnier ».
var courtesyTitles = map[string]bool{"m": true, "mr": true, "mme": true, "monsieur": true, "madame": true, "mademoiselle": true}

// namedDative reports whether the word after i is « à » or « au » and a
// person: a capitalised name (« à Sami »), a courtesy title (« à Mme
// Garnier ») or a person of the school (peopleObjects: « au prof », « à
// la CPE »).
func namedDative(fts []ftok, i int) bool {
	j := i + 1
	if j >= len(fts) || fts[j].key != "a" && fts[j].key != "au" {
		return false
	}
	j++
	if j < len(fts) && fts[j].key == "la" && fts[j-1].key == "a" {
		j++
	}
	if j >= len(fts) {
		return false
	}
	f39Sets()
	k := fts[j].key
	return fts[j].cap || courtesyTitles[k] || peopleObjects[k]
}

// readMisery reads « te faire la misère », « vous faire la peau » by the
// speaker, and « tu vas avoir des problèmes », what the reader will get.
func readMisery(fts []ftok, c int, fr *frame, subject uint8) {
	switch fts[c].key {
	case "mal":
		readHurt(fts, c, fr, subject)
		return
	case "vie", "jours":
		readEndLife(fts, c, fr, subject)
		return
	}
	if c >= 2 && fts[c-1].key == "des" {
		m, ok := lemmaIs(fts[c-2].morph, lemAvoir)
		if !ok {
			return
		}
		if tn, actor := verbFrame(fts, c-2, m, subject); actor == actor2 && tn == tenseFuture {
			setPupil(fr, actHarm, fts[c-2].tok, tn, actor)
		}
		return
	}
	readDoToReader(fts, c, fr, subject, "la")
}

// readUnderground reads « (six) pieds sous terre » said of the reader in
// the future: an outcome, as « tu vas finir au cimetière ».
func readUnderground(fts []ftok, c int, fr *frame, subject uint8) {
	if c < 2 || fts[c-1].key != "sous" || fts[c-2].key != "pied" && fts[c-2].key != "pieds" {
		return
	}
	for j := c - 3; j >= 0; j-- {
		m, ok := hasVerb(fts[j].morph)
		if !ok || fts[j].key == "six" {
			continue
		}
		tn, actor := verbFrame(fts, j, m, subject)
		if actor != actor2 || tn != tenseFuture && tn != tenseIntent && tn != tensePresent {
			return
		}
		setPupil(fr, actHarm, fts[c].tok, tn, actor)
		fr.outcome = true
		return
	}
}

// readInTwo reads « je vais t'ouvrir en deux », « jte coupe en deux »: a
// verb on the reader, then « en deux », by the speaker.
func readInTwo(fts []ftok, c int, fr *frame, subject uint8) {
	if c < 3 || fts[c-1].key != "en" {
		return
	}
	v := c - 2
	m, ok := hasVerb(fts[v].morph)
	if !ok || fts[v].lf&(lfEtre|lfCare) != 0 {
		return
	}
	if dat, reader := dativeBefore(fts, v); !dat || !reader {
		return
	}
	tn, actor := verbFrame(fts, v, m, subject)
	if actor != actor1 || !upcoming(tn) {
		return
	}
	setPupil(fr, actAttack, fts[v].tok, tn, actor)
	fr.target2 = true
}

func lemmaSet(ms []MorphEntry, set map[string]bool) (MorphEntry, bool) {
	for _, m := range ms {
		if m.POS == POSVerb && set[m.Lemma] {
			return m, true
		}
	}
	return MorphEntry{}, false
}

// pupilGames makes play of an act in a clause that names a game or a
// sport, or next to a clause that does and has no act of its own
// (« jte démonte en 1v1 | quand tu veux sur FIFA »), an attack, a killing
// or a pupil's threat with no weapon, no school and no kin: the reader or the group is an
// opponent. The lexicon's patterns over the act's verb go too (hyper), as
// for a hyperbole on a thing. Run at the end of parseFrames.
func pupilGames(toks []dtok, frames []frame) {
	for i := range frames {
		f := &frames[i]
		switch {
		case f.actTok < 0 || f.weapon || f.school || f.kin || f.body || bodyAfter(toks, f.actTok):
			continue // « jvais te casser les deux jambes, tu pourras plus jouer au foot »
		case f.act == actAttack || f.act == actKill || f.act == actHarm && f.pupil:
		default:
			continue
		}
		// Next to the game, only the reader is the opponent, and nothing
		// grave: « on joue à fortnite ce soir, demain on va tuer tous ces
		// mecs » stays a threat.
		next := f.target2 && !f.grave() && (i > 0 && frames[i-1].play && frames[i-1].act == actNone || i+1 < len(frames) && frames[i+1].play && frames[i+1].act == actNone)
		if f.play || next {
			f.play = true
			toks[f.actTok].hyper = true
		}
	}
}

// bodyAfter reports whether a part of the body follows the act's verb
// closely (« te casser les deux jambes »): a harm, whatever game is named.
func bodyAfter(toks []dtok, at int) bool {
	for j := at + 1; j < len(toks) && j <= at+4; j++ {
		if toks[j].info.frame&fc_body != 0 {
			return true
		}
	}
	return false
}

// challengeMark reports whether the clause is « tu vas voir », « tu
// verras », « vous allez voir »: a challenge when a harm or a meeting place
// goes with it.
func challengeMark(fts []ftok, fr *frame, subject uint8) {
	for i := range fts {
		if fts[i].p8&p8Voir == 0 {
			continue
		}
		m, ok := lemmaIs(fts[i].morph, lemVoir)
		if !ok {
			continue
		}
		// « tu vas voir le film », « tu verras ta sœur »: an object; not
		// « tu vas voir ce | que tu vas prendre », « tu verras au portail ».
		if j := i + 1; j < len(fts) && (fts[j].fc&fc_det != 0 || fts[j].key == "le" || fts[j].key == "la" || fts[j].key == "les" || fts[j].key == "l") &&
			!(fts[j].key == "ce" && j+1 == len(fts)) && fts[j].key != "au" && fts[j].key != "aux" {
			return
		}
		tn, actor := verbFrame(fts, i, m, subject)
		if actor == actor2 && tn == tenseFuture {
			fr.mark = true
		}
		return
	}
}

// pupilScores holds a challenge (« tu vas voir ») said with a harm at the
// reader that the rules alone would not hold (« … ce que tu vas prendre »)
// or with a meeting place (« à la sortie tu vas voir »), in a message that
// is not play, a lesson or a report.
func pupilScores(toks []dtok, frames []frame, out *[numDetectors]detectorScore) {
	if out[detViolence].score >= 0.5 {
		return
	}
	mark, harm := false, false
	for i := range frames {
		f := &frames[i]
		if f.framed() && f.act != actNone || f.lesson || f.report || f.play || f.laugh {
			return
		}
		mark = mark || f.mark
		harm = harm || f.act != actNone && !f.negated && f.agentive() && (f.actor == actor2 || f.target2)
	}
	if !mark {
		return
	}
	// « je viens en bas de chez toi, tu vas voir »: the reader's home
	// with the speaker coming is a harm here.
	if harm || nearFrame(frames) {
		out[detViolence] = detectorScore{score: 0.5, reason: "violence: cadre défi (« tu vas voir ») + atteinte au destinataire (score 0.50)"}
		return
	}
	// « tu verras à la sortie, c'est trop bien »: a word of praise makes
	// it a promise.
	for i := range toks {
		if praiseW[toks[i].key] {
			return
		}
	}
	for i := range toks {
		k := toks[i].key
		if meet[k] && (k != keySortie || i > 1 && toks[i-1].key == "la" && toks[i-2].key == "a") {
			out[detViolence] = detectorScore{score: 0.5, reason: "violence: cadre défi (« tu vas voir ») + lieu de rendez-vous (score 0.50)"}
			return
		}
	}
}

// readHurt reads « te faire du mal », « vous faire du mal » by the
// speaker, to come: an attack on the reader (« ça va te faire du mal »
// has no speaker; a negation stops the clause before).
func readHurt(fts []ftok, c int, fr *frame, subject uint8) {
	readDoToReader(fts, c, fr, subject, "du")
}

// readDoToReader reads « te faire DET NOUN » (the noun at c) by the
// speaker, to come: an attack on the reader, or on whoever the dative
// names.
func readDoToReader(fts []ftok, c int, fr *frame, subject uint8, det string) {
	if c < 3 || fts[c-1].key != det {
		return
	}
	v := c - 2
	m, ok := lemmaIs(fts[v].morph, lemFaire)
	if !ok {
		return
	}
	dat, reader := dativeBefore(fts, v)
	if !dat {
		return
	}
	tn, actor := verbFrame(fts, v, m, subject)
	if actor != actor1 || !upcoming(tn) {
		return
	}
	setPupil(fr, actAttack, fts[v].tok, tn, actor)
	fr.target2 = fr.target2 || reader
}

// readEndLife reads « mettre fin à ta / sa / leur vie (à tes jours) » by
// the speaker, to come: a killing (« mes jours », the speaker's own, is
// not read here).
func readEndLife(fts []ftok, c int, fr *frame, subject uint8) {
	if c < 4 || fts[c-2].key != "a" || fts[c-3].key != "fin" {
		return
	}
	reader := false
	switch fts[c-1].key {
	case "ta", "tes", "votre", "vos":
		reader = true
	case "sa", "ses", "leur", "leurs":
	default:
		return
	}
	v := c - 4
	m, ok := lemmaIs(fts[v].morph, lemMetre)
	if !ok {
		return
	}
	tn, actor := verbFrame(fts, v, m, subject)
	if actor != actor1 || !upcoming(tn) {
		return
	}
	setPupil(fr, actKill, fts[v].tok, tn, actor)
	fr.target2 = fr.target2 || reader
}

var lemMetre string // « mettre », set by addPupilLex
