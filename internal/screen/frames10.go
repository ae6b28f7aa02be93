package screen

import (
	"strings"
	"unicode/utf8"
)

// Blackmail by exposure (the tenth round): a pupil threatens to make the
// reader's pictures, videos, messages or number public, usually under a
// condition (« si tu parles au CPE je poste la vidéo de toi », « envoie
// moi 20 € sinon j'ai ta photo sur snap », « fais ce que je dis ou tout
// le bahut les voit »). No act of violence is named, so neither the
// lexicon nor the clause frames see a threat. exposureThreat reads the
// frame from its parts:
//
//   - the thing exposed belongs to the reader: a second-person possessive
//     before a media word (« ta photo », « tes messages », « t'a photo »),
//     or « de toi » after it (« la vidéo de toi »); a bare object pronoun
//     (« les voit », « la verra ») only under a condition;
//   - the act makes it public, said by the speaker (a first-person subject
//     before a verb of publishing) or as its outcome (an audience that
//     sees or learns, « va finir sur télégramme »), or, under a
//     condition, the reader's thing placed « sur snap », « partout »;
//   - a condition on the reader (« si tu … » but not « si tu veux »,
//     « sinon », « ou » before the act) or an audience (« à toute la
//     classe », « sur insta », « partout ») or a consequence (« ta vie est
//     finie », « tout le monde va savoir ») raises it.
//
// In the passive (« la vidéo de vous sera envoyée à vos collègues »,
// « ces images seront transmises à l'ensemble des parents », « elles
// seront sur l'ENT »), the act counts only under an ultimatum: « ou »
// before it, « sinon », or a condition unmet (« si la somme n'est pas
// versée »); a price alone is a photographer's (« 12 € la pochette »).
//
// The photos of a school trip put on the ENT have no owner: nothing. The
// reader's own video shared with praise (« elle est trop stylée ») and no
// condition is lowered. A third person who threatens (prevention advice:
// « si quelqu'un menace de publier tes photos ») is not the speaker.

// Exposure word classes (keyInfo.expo).
const (
	exMedia    uint16 = 1 << iota // a thing that can be exposed: photo, vidéo, messages, numéro
	exPublic                      // a verb of making public: publier, poster, diffuser, balancer
	exSend                        // a verb of passing on: envoyer, montrer (needs an audience)
	exPut                         // mettre: public only with « sur », « partout », « en ligne »
	exSee                         // an audience's perception: voit, verra, saura
	exAudience                    // an audience or a platform: insta, snap, partout, tout le monde
	exIntimate                    // the thing is intimate: nudes, soutif, vestiaires
	exThird                       // a third party or advice: quelqu'un, menace, chantage
	exGo                          // the thing itself goes to an audience: part, finissent, tourne
	exPay                         // a payment asked: euros, lydia, paypal, bitcoin
	exPassive                     // a passive participle of making public or passing on: diffusée, transmises
)

var expoWords = func() map[string]uint16 {
	m := map[string]uint16{}
	add := func(b uint16, words string) {
		for _, w := range strings.Fields(words) {
			m[keyOf(w)] |= b
		}
	}
	add(exMedia, `photo photos foto fotos pic pics image images video videos vid vids vidéo vidéos nudes nude
		screen screens screenshot screenshots capture captures message messages msg conv convs conversation
		conversations story stories visio facetime live num numero numéro adresse secret secrets sextape selfie selfies snaps photographie
		photographies montage montages enregistrement enregistrements cliche cliches`)
	add(exPublic, `publier publie publies publierai publiera publierons poster poste postes posterai postera
		posterons diffuser diffuse diffuses diffuserai diffusera diffuserons balancer balance balances
		balancerai balancera balancerons partager partage partages partagerai partagera afficher affiche
		afficherai affichera leak leaker leake tourner tourne tournerai tournera`)
	add(exSend, `envoyer envoie envoies enverrai enverra envoye montrer montre montres montrerai montrera
		transferer transfere transfererai transmettre transmets transmet transmettrai transmettra transmettrons
		transmettons`)
	add(exPut, `mettre mets met mettrai mettra mettrons imprime imprimer imprimerai colle coller collerai scotche
		scotcher scotcherai`)
	add(exSee, `voit voient voie verra verront voir saura sauront savoir recevra recevront finir finira
		recoit recoivent decouvrira decouvriront`)
	add(exAudience, `toutlemonde partout internet insta instagram snap snapchat telegram telegramme tiktok
		facebook fb whatsapp discord twitter reseaux groupe ent`)
	add(exIntimate, `nudes nude nu nue nus nues soutif soutien culotte sexy seins vestiaire vestiaires douche
		douches sextape intime intimes`)
	add(exThird, `quelqu quelquun qqn qq inconnu inconnus menace menaces menacer menacent chantage harceleur
		harceleurs victime victimes signale signaler signalez`)
	add(exGo, `part partent partira partiront finissent finiront tourne tournent tournera tourneront
		circule circulent circulera circuleront sort sortent sorte sortira sortiront fuite fuitent fuitera fuiteront va vont est sont arrive arrivent arrivera arriveront atterrit atterrissent atterrira
		sera seront`)
	add(exPassive, `difusee difusees difuse difuses publiee publiees publie publies postee postees poste postes
		partagee partagees partage partages afichee afichees envoyee envoyees envoye envoyes transmise transmises
		transmis transferee transferees transfere transferes balancee balancees mise mises`)
	add(exPay, `euro euros eur balles paypal lydia bitcoin bitcoins btc pcs paysafecard neosurf virement recharge
		rancon`)
	return m
}()

// expoFirst lists the speaker's subjects; expoOwner the reader's
// possessives; expoPraise words that make sharing a compliment.
var (
	expoFirst  = keySet("je j on nous")
	expoOwner  = keySet("ta tes ton vos votre")
	expoPraise = keySet("stylee style belle beau belles beaux magnifique magnifiques bravo genial geniale canon jolie joli")
	expoCondOK = keySet("veux voulez peux pouvez veut as avez")
	expoNeg    = keySet("pas jamais ne n rien")
	// expoPublished are the passive participles that say publication to
	// all; expoDemonstr the demonstratives that take a thing up.
	expoPublished = keySet("difusee difusees difuse difuses publiee publiees publie publies postee postees poste postes partagee partagees afichee afichees balancee balancees")
	expoDemonstr  = keySet("celles celle ceux celui")
	expoHostile   = keySet(`balancer balance balances balancerai balancera balancerons diffuser diffuse diffuses
		diffuserai diffusera diffuserons afficher affiche afficherai affichera leak leaker leake tourner tourne
		tournerai tournera`)
)

// expoAudienceAt says whether toks[i] opens an audience: one of the words
// of the class, « tout(e) le/la/les X », « tes parents », « le groupe ».
func expoAudienceAt(toks []dtok, i int) bool {
	k := toks[i].key
	if toks[i].info != nil && toks[i].info.expo&exAudience != 0 {
		return true
	}
	switch k {
	case "tout", "toute", "tous", "toutes":
		if i+2 < len(toks) {
			switch toks[i+1].key {
			case "le", "la", "les", "l", "ta", "ton", "tes", "ma", "mon", "mes", "sa", "son", "ses", "votre", "vos", "notre", "nos":
				return true
			}
		}
	case "tes", "vos", "ta", "ton", "votre":
		// The reader's people: « tes parents », « vos collègues », « ta
		// mère », « ton proviseur », « votre chef d'établissement ».
		return i+1 < len(toks) && (expoPeople[toks[i+1].key] || expoOffice[toks[i+1].key])
	case "a", "au", "aux":
		// People as the ones it goes to: « aux parents d'élèves », « au
		// chef d'établissement », « à l'ensemble des élèves ».
		if i+1 < len(toks) && (expoPeople[toks[i+1].key] || expoOffice[toks[i+1].key]) {
			return true
		}
		return i+3 < len(toks) && toks[i+1].key == "l" && toks[i+2].key == "ensemble" && toks[i+3].key == "des"
	}
	return false
}

// expoOffice are those above the reader a blackmail names as its audience.
var expoOffice = keySet("chef direction rectorat inspection eleves employeur")

// expoConsent are the words of a condition that asks consent, not an
// ultimatum: « si vous ne vous y opposez pas ».
var expoConsent = keySet("oppose opposez opposer opposent objection souhaitez souhaite desirez accord")

var expoPeople = keySet(`parents parent potes amis darons profs collegues proches contacts enfants voisins famille
	familles abonnes followers copains copines freres soeurs camarades mere pere daronne daron copine copain frere
	soeur classe proviseur proviseure principal principale patron employeur mari femme`)

// expoReaderThing reports whether the media word at i belongs to the
// reader.
func expoReaderThing(toks []dtok, i int) bool {
	if i > 0 && expoOwner[toks[i-1].key] {
		return true
	}
	// « toutes tes photos », « tes 2 photos »: one word between.
	if i > 1 && expoOwner[toks[i-2].key] && (toks[i-1].key == "toutes" || toks[i-1].key == "tous" || isNumber(toks[i-1].key) || toks[i-1].key == "petite" || toks[i-1].key == "petites") {
		return true
	}
	// « t'a photo »: ta written with an apostrophe.
	if i > 1 && toks[i-2].key == "t" && toks[i-1].key == "a" {
		return true
	}
	// « la vidéo de toi », « des photos de toi », « des images
	// compromettantes de vous », « les captures de ton appel »: « de »
	// and the reader within three words.
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		if toks[j].flags&tSentence != 0 {
			break
		}
		if toks[j].key == "de" && j+1 < len(toks) && expoReader[toks[j+1].key] {
			return true
		}
	}
	// « les photos que tu m'as envoyées »: the reader sent them.
	if i+2 < len(toks) && toks[i+1].key == "que" && (toks[i+2].key == "tu" || toks[i+2].key == "vous") {
		return true
	}
	return false
}

// expoDet are the determiners of a thing the speaker holds; expoHeldAdv
// the adverbs between the verb and it (« j'ai encore les photos »).
var (
	expoDet     = keySet("la le l les une un des ces cette ce nos notre")
	expoHeldAdv = keySet("encore toujours aussi deja bien tout toutes tous")
	expoShot    = keySet("capture captures screen screens screenshot screenshots montage montages video videos photo photos enregistrement enregistrements")
	expoRecord  = keySet("enregistre enregistree enregistres filme filmee filmes filmees photographie photographiee photographies")
)

// expoHeldAt reports whether the media word at i is one the speaker says
// he holds (« j'ai la vidéo », « on a les captures », « j'ai gardé toutes
// les photos », « je possède des vidéos »), or one that follows the
// speaker's recording of the reader (« j'ai enregistré votre navigation
// … j'envoie le montage », « je t'ai filmée … la vidéo »). Such a thing
// is not the reader's by its words, so it counts under an ultimatum only
// (« j'ai la vidéo du spectacle, je l'envoie à tous les parents » is none).
func expoHeldAt(toks []dtok, i int, recorded bool) bool {
	j := i - 1
	if j < 0 || !expoDet[toks[j].key] || toks[i].flags&tSentence != 0 {
		return false
	}
	if recorded {
		return true
	}
	for n := 0; n < 2 && j-1 >= 0 && expoHeldAdv[toks[j-1].key] && toks[j].flags&tSentence == 0; n++ {
		j--
	}
	j--
	if j < 0 || toks[j+1].flags&tSentence != 0 {
		return false
	}
	subj := func(at int, first ...string) bool {
		if at < 0 {
			return false
		}
		for _, f := range first {
			if toks[at].key == f {
				return true
			}
		}
		return false
	}
	switch toks[j].key {
	case "ai":
		return subj(j-1, "j")
	case "a":
		return subj(j-1, "on")
	case "avons":
		return subj(j-1, "nous")
	case "possede", "detiens", "garde":
		// « je garde », « j'ai gardé », « on a gardé ».
		return subj(j-1, "je", "j") || j > 1 && (toks[j-1].key == "ai" && subj(j-2, "j") || toks[j-1].key == "a" && subj(j-2, "on"))
	case "recupere", "fait":
		// « j'ai récupéré des photos », « j'ai fait des captures ».
		if toks[j].key == "fait" && !expoShot[toks[i].key] {
			return false
		}
		return j > 1 && (toks[j-1].key == "ai" && subj(j-2, "j") || toks[j-1].key == "a" && subj(j-2, "on"))
	}
	return false
}

// expoOfWhat are the words that name what a thing shows: « du match ».
var expoOfWhat = keySet("du de des d")

// expoToward are the words after « va » that say where a thing goes.
var expoToward = keySet("a au aux chez sur dans partout")

// expoCircle reports whether the act at i goes to the reader's people
// (« à ton père », « tes contacts », « le groupe de ta classe »), in its
// sentence.
func expoCircle(toks []dtok, i int) bool {
	for j := i + 1; j+1 < len(toks) && j <= i+10; j++ {
		if toks[j].flags&tSentence != 0 {
			break
		}
		if expoOwner[toks[j].key] && (expoPeople[toks[j+1].key] || expoOffice[toks[j+1].key]) {
			return true
		}
	}
	return false
}

// expoDefinite are the determiners of a thing both know.
var expoDefinite = keySet("la le l les cette ces")

// expoRecOf are the objects of a recording that hold the reader: « notre
// appel », « l'appel vidéo », « ta cam ».
var expoRecOf = keySet("notre nos l appel")

// expoRecorded reports whether the speaker says he recorded or filmed the
// reader: « j'ai enregistré votre navigation », « je t'ai filmée ».
func expoRecorded(toks []dtok) bool {
	for i := 2; i < len(toks); i++ {
		if toks[i-1].key != "ai" || !expoRecord[toks[i].key] { // « ai » first: most messages have none
			continue
		}
		first := toks[i-2].key == "j" || i > 2 && toks[i-2].key == "a" && toks[i-3].key == "on"
		// « j'ai enregistré votre navigation », « notre appel », « ta cam »,
		// « ce que tu faisais », « quand tu t'es changée ».
		if first && i+1 < len(toks) && (expoOwner[toks[i+1].key] || expoRecOf[toks[i+1].key]) {
			return true
		}
		if first && i+3 < len(toks) && (toks[i+1].key == "ce" || toks[i+1].key == "quand") && (toks[i+2].key == "que" || toks[i+2].key == "tu" || toks[i+2].key == "vous") {
			return true
		}
		if i > 2 && (toks[i-2].key == "t" || toks[i-2].key == "vous") && (toks[i-3].key == "je" || toks[i-3].key == "on") {
			return true
		}
	}
	return false
}

// expoParataxis reports whether the speaker's clause at s follows, after a
// comma, a clause of the reader's refusal, a condition said without « si »
// (« tu votes pas pour ma motion, je les affiche »). The refusal must be
// negated and not a wish or a past state (« tu veux pas, je te
// l'envoie », « vous étiez pas là, je mets vos photos sur l'ENT »).
func expoParataxis(src string, toks []dtok, s int) bool {
	if s < 3 || toks[s].flags&tSentence != 0 || !clauseApart(src, toks, s-1) {
		return false
	}
	neg := false
	for j := s - 1; j >= 0 && j >= s-12; j-- {
		if expoNeg[toks[j].key] {
			neg = true
		}
		if toks[j].flags&tSentence != 0 || j > 0 && clauseApart(src, toks, j-1) {
			k, v := toks[j].key, j+1
			if v < s && (toks[v].key == "ne" || toks[v].key == "n") {
				v++
			}
			return neg && (k == "tu" || k == "t" || k == "vous") && v < s && !expoParaOK[toks[v].key]
		}
	}
	return false
}

// expoTell are the third parties the reader is told not to tell.
var expoTell = keySet("quelqu quelquun qqn qq")

// expoParaOK are the reader's verbs of a clause that sets no condition.
var expoParaOK = keySet("veux voulez peux pouvez etais etiez etait")

// expoBe are the forms of être before a passive participle.
var expoBe = keySet("sera seront serait seraient est sont ete etre")

// expoBeBefore reports whether a form of être stands within three words
// before the participle at i, in its sentence (« seront immédiatement
// transmises »).
func expoBeBefore(toks []dtok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		// « ce qui s'est passé, je publie »: a subject says a verb.
		if expoFirst[toks[j].key] || toks[j].key == "tu" {
			return false
		}
		if expoBe[toks[j].key] {
			return true
		}
		if toks[j+1].flags&tSentence != 0 {
			return false
		}
	}
	return false
}

// expoReader are the words after « de » that make a thing the reader's.
var expoReader = keySet("toi vous ton ta tes votre vos")

// expoBack are the pronouns that take up a thing already named as the
// subject of a verb (« elle part chez tes parents »).
var expoBack = keySet("elle elles il ils ca")

// expoSpread are the verbs whose subject spreads by itself: « tourner »,
// « circuler », « sortir », « fuiter ».
var expoSpread = keySet(`tourne tournent tournera tourneront circule circulent circulera circuleront sort sortent
	sorte sortira sortiront fuite fuitent fuitera fuiteront`)

// exposureThreat returns the sextortion score and reason of a threat to
// expose the reader (see the comment at the top of the file).
func exposureThreat(src string, toks []dtok) (float64, string) {
	var any uint16
	for i := range toks {
		if toks[i].info != nil {
			e := toks[i].info.expo
			// « si tu dis à quelqu'un », « t'en parles à qqn »: the one the
			// reader must not tell is no third party who threatens.
			if e&exThird != 0 && i > 0 && (toks[i-1].key == "a" || toks[i-1].key == "personne") && expoTell[toks[i].key] {
				e &^= exThird
			}
			any |= e
		}
	}
	if any&exThird != 0 {
		return 0, ""
	}
	// The speaker's recording of the reader (« j'ai enregistré ta cam »)
	// stands for a media word: « je l'envoie » takes it up.
	recorded := false
	if any&exMedia == 0 && any&exSee == 0 {
		if recorded = expoRecorded(toks); !recorded {
			return 0, ""
		}
		any |= exMedia
	}
	thing, act := -1, -1
	pron := false
	intimate := any&exIntimate != 0
	for i := range toks {
		ki := toks[i].info
		if ki == nil {
			continue
		}
		if ki.expo&exMedia != 0 && thing < 0 && expoReaderThing(toks, i) {
			thing = i
		}
	}
	// Else a thing the speaker holds.
	held, definite := false, false
	// bare: the thing named alone (« la vidéo »), not by what it shows
	// (« les photos du match »).
	bare := func(i int) bool {
		return i+1 >= len(toks) || toks[i+1].flags&tSentence != 0 || !expoOfWhat[toks[i+1].key]
	}
	if thing < 0 {
		recorded = recorded || expoRecorded(toks)
		for i := range toks {
			if toks[i].info != nil && toks[i].info.expo&exMedia != 0 && expoHeldAt(toks, i, recorded) {
				thing, held = i, true
				break
			}
		}
		// Else a thing the reader knows, named definite (« si tu reviens
		// pas je balance la vidéo sur le groupe »): held too, if the act
		// says exposure or goes to the reader's people (below), not mere
		// posting (« si tu viens pas je poste les photos du match »).
		for i := 0; thing < 0 && i < len(toks); i++ {
			if toks[i].info != nil && toks[i].info.expo&exMedia != 0 && i > 0 && expoDefinite[toks[i-1].key] && toks[i].flags&tSentence == 0 {
				thing, held, definite = i, true, true
			}
		}
	}
	// The act: a verb of exposure with its subject.
	audience, consequence, passive := false, false, false
	for i := range toks {
		ki := toks[i].info
		if ki == nil || ki.expo&(exPublic|exSend|exPut|exSee|exGo|exPassive) == 0 {
			continue
		}
		e := ki.expo
		// What follows the verb within its clause: an audience, « sur »,
		// « en ligne ».
		aud, placed := false, false
		for j := i + 1; j < len(toks) && j <= i+8; j++ {
			if toks[j].flags&tSentence != 0 {
				break
			}
			if expoAudienceAt(toks, j) {
				aud = true
			}
			// « dans le groupe de la classe », « dans la conv »: placed
			// where an audience reads.
			in := toks[j].key == "dans" && (j+1 < len(toks) && expoAudienceAt(toks, j+1) || j+2 < len(toks) && toks[j+2].flags&tSentence == 0 && expoAudienceAt(toks, j+2))
			if in || toks[j].key == "sur" || toks[j].key == "partout" || (toks[j].key == "en" && j+1 < len(toks) && toks[j+1].key == "ligne") {
				placed = true
			}
		}
		// The reader's thing itself goes to an audience (« ta vidéo
		// tourne dans tout le bahut », « elles partent sur le groupe »,
		// « tes photos finissent chez tes parents »): the thing, or a
		// pronoun taking it up, is the verb's subject.
		// « va » only toward its audience (« la vidéo va à tes parents »),
		// not as an auxiliary (« ta photo va finir sur insta »).
		goes := e&exGo != 0 && ((toks[i].key != "va" && toks[i].key != "vont") || i+1 < len(toks) && expoToward[toks[i+1].key])
		if goes && thing >= 0 && (aud || placed) {
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if j == thing || j > thing && expoBack[toks[j].key] {
					act = i
					audience = true
					// « elles seront sur l'ENT »: être says no act; an
					// ultimatum must give it one.
					passive = passive || expoBe[toks[i].key] || toks[i].key == "va" || toks[i].key == "vont"
					break
				}
				if toks[j+1].flags&tSentence != 0 && j+1 != i {
					break
				}
			}
			if act == i {
				continue
			}
		}
		// With no audience, a verb of circulation alone says it spreads
		// (« si tu veux pas qu'elles tournent », « à toi de voir si elle
		// sort »): its subject a pronoun taking up the thing named before;
		// it counts under a condition only, like a pronoun object.
		if expoSpread[toks[i].key] && thing >= 0 && thing < i && i > 0 && expoBack[toks[i-1].key] {
			act, pron = i, true
			continue
		}
		// The passive: « la vidéo sera envoyée au chef d'établissement »,
		// « ces images seront transmises à l'ensemble des parents »; it
		// counts under an ultimatum only (strong below: « sinon », « ou »
		// before it, « si … pas »), not under a price (« vos photos seront
		// transmises aux familles, 12 € la pochette »).
		// Published needs no audience named: « sinon elles seront
		// publiées avec ton nom ».
		// « ne seront pas transmises »: no act.
		if e&exPassive != 0 && (aud || placed || expoPublished[toks[i].key]) && expoBeBefore(toks, i) && !(i > 0 && expoNeg[toks[i-1].key]) {
			act, passive = i, true
			audience = true
			continue
		}
		switch {
		case e&exGo != 0 && e&(exPublic|exSend|exPut|exSee) == 0:
			continue
		case e&exSee != 0:
			// An audience perceives: « tout le bahut les voit », « tout le
			// monde va savoir », « ta photo va finir sur télégramme ».
			k := toks[i].key
			if k == "finir" || k == "finira" {
				// « ta photo va finir sur insta »: the reader's thing
				// lands on a platform (« sur le site du collège » is no
				// platform of exposure).
				if !aud || !placed || thing < 0 || thing > i {
					continue
				}
				act = i
				audience, consequence = true, true
				continue
			}
			subj := false
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				if expoAudienceAt(toks, j) {
					subj = true
					break
				}
				if toks[j+1].flags&tSentence != 0 {
					break
				}
			}
			if !subj {
				continue
			}
			consequence = true
			if i > 0 && (toks[i-1].key == "les" || toks[i-1].key == "la" || toks[i-1].key == "l") {
				pron = true
				act = i
			}
			// « tout le lycée verra tes photos »: the reader's thing
			// right after the verb.
			if thing > i && thing-i <= 3 {
				act = i
			}
		case e&(exPublic|exSend|exPut) != 0:
			if e&exPut != 0 && e&(exPublic|exSend) == 0 && !placed {
				continue
			}
			if e&exSend != 0 && e&exPublic == 0 && !aud {
				continue
			}
			// The speaker's subject, close before the verb, and no
			// negation between them or right after the verb.
			// A verb coordinated by « et » shares the subject of the first
			// (« je vais dire à tout le monde … et mettre ton num partout »).
			subj, neg := false, false
			back := 4
			for j := i - 1; j >= 0 && j >= i-back; j-- {
				if expoNeg[toks[j].key] && back == 4 {
					neg = true
				}
				if toks[j].key == "et" && back == 4 && j >= i-2 {
					back = 14
				}
				if expoFirst[toks[j].key] {
					subj = true
					break
				}
				if toks[j+1].flags&tSentence != 0 {
					break
				}
			}
			if i+1 < len(toks) && expoNeg[toks[i+1].key] {
				neg = true
			}
			if !subj || neg {
				continue
			}
			act = i
			audience = audience || aud || placed
			// « je les transmets à vos collègues »: the pronoun takes up
			// a thing named before; it counts under a condition only.
			if i > 0 && (toks[i-1].key == "les" || toks[i-1].key == "la" || toks[i-1].key == "l") && any&exMedia != 0 {
				pron = true
			}
			// « on envoie celles qu'on a déjà à tous les profs »: a
			// demonstrative after the verb takes them up too.
			if i+1 < len(toks) && expoDemonstr[toks[i+1].key] && any&exMedia != 0 {
				pron = true
			}
		}
	}
	// Without a verb, the reader's thing placed on a platform under a
	// condition: « sinon j'ai ta photo en soutif sur snap ».
	implicit := false
	if act < 0 && thing >= 0 {
		for j := thing + 1; j < len(toks) && j <= thing+5; j++ {
			if toks[j].flags&tSentence != 0 {
				break
			}
			if toks[j].key == "sur" && j+1 < len(toks) && expoAudienceAt(toks, j+1) || toks[j].key == "partout" {
				implicit = true
				audience = true
				act = j
				break
			}
		}
	}
	if act < 0 || (thing < 0 && !pron) {
		return 0, ""
	}
	// The condition on the reader.
	// strongBefore: an ultimatum's condition before the act (« ou
	// j'envoie », « si tu veux pas qu'elle tourne »), not a « sinon » after
	// it (« je les envoie demain, sinon demandez-les moi »).
	cond, offer, strong, strongBefore, siBefore := false, false, false, false, false
	for i := range toks {
		wasStrong := strong
		strong = false
		// A payment asked (« 80 € sur mon lydia avant dimanche », « 500
		// euros en bitcoin »; Normalize reads « € » as « euros ») is the
		// condition of a blackmail.
		if toks[i].info != nil && toks[i].info.expo&exPay != 0 {
			cond = true
		}
		switch toks[i].key {
		case "sinon":
			cond, strong = true, true
		case "soit":
			// « soit tu paies, soit elles partent sur le groupe »: the
			// second « soit » opens the threat.
			for j := i - 1; j >= 0 && j >= i-20; j-- {
				if toks[j].key == "soit" {
					cond, strong = true, true
					break
				}
			}
		case "sauf":
			// « je lui envoie la vidéo ce soir sauf si tu viens »: the
			// condition follows the act, and is an ultimatum's.
			if i+2 < len(toks) && toks[i+1].key == "si" && (toks[i+2].key == "tu" || toks[i+2].key == "t" || toks[i+2].key == "vous") {
				cond, strong, strongBefore = true, true, true
			}
		case "si":
			if i+1 < len(toks) && (toks[i+1].key == "tu" || toks[i+1].key == "t" || toks[i+1].key == "vous") {
				// « si tu veux », « si t'as envie »: an offer.
				ok := true
				for j := i + 2; j < len(toks) && j <= i+3; j++ {
					if expoCondOK[toks[j].key] {
						ok = false
					}
				}
				cond = cond || ok
				offer = offer || !ok
				// « si tu me bloques encore, j'envoie la vidéo à ton père »:
				// a condition on the reader's act, before the act, is
				// enough for a thing held (not « si vous êtes d'accord »).
				if ok && i < act {
					consent := false
					for j := i + 2; j < len(toks) && j <= i+8 && j < act; j++ {
						consent = consent || expoConsent[toks[j].key]
					}
					siBefore = siBefore || !consent
				}
			}
			// « si ma note n'est pas remontée », « si la somme n'est pas
			// versée »: a condition unmet is an ultimatum's.
			for j := i + 1; j < len(toks) && j <= i+9; j++ {
				if toks[j].flags&tSentence != 0 {
					break
				}
				if expoConsent[toks[j].key] {
					break
				}
				if toks[j].key == "pas" {
					cond, strong = true, true
					break
				}
			}
		case "ou":
			if i < act && act-i <= 6 && i > 0 {
				cond, strong = true, true
			}
		}
		if !strong && i <= act && act-i <= 14 && expoFirst[toks[i].key] && expoParataxis(src, toks, i) {
			cond, strong = true, true
		}
		strongBefore = strongBefore || strong && i < act
		strong = strong || wasStrong
	}
	if (pron || implicit) && !cond || passive && !strong || held && !strongBefore && !siBefore {
		return 0, ""
	}
	if definite && !bare(thing) && !intimate && !expoHostile[toks[act].key] && !expoSpread[toks[act].key] && !expoCircle(toks, act) {
		return 0, ""
	}
	if thing < 0 && !pron {
		return 0, ""
	}
	// « ta vie est finie », « t'es fini(e) »: the consequence for the reader.
	for i := 0; i+1 < len(toks); i++ {
		if toks[i+1].key == "finie" || toks[i+1].key == "fini" {
			if toks[i].key == "est" || toks[i].key == "es" {
				consequence = true
			}
		}
	}
	s := 0.4
	if cond {
		s += 0.15
	}
	if audience {
		s += 0.05
	}
	// Verbs that say exposure itself (« balancer », « diffuser »,
	// « afficher », « leaker », « faire tourner »), not mere posting.
	if act >= 0 && toks[act].info != nil && expoHostile[toks[act].key] {
		s += 0.1
	}
	if consequence {
		s += 0.1
	}
	if intimate {
		s += 0.1
	}
	if !cond {
		for i := range toks {
			if expoPraise[toks[i].key] {
				s *= 0.6
				break
			}
		}
		if offer {
			s *= 0.6
		}
	}
	if s > 0.9 {
		s = 0.9
	}
	cited := mentioned(toks, act) || mentioned(toks, thing)
	if cited {
		s *= 0.5
	}
	var b strings.Builder
	b.WriteString("sextortion: menace de diffusion")
	if thing >= 0 {
		b.WriteString(" de «\u00a0")
		b.WriteString(spanText(src, toks, thing, thing))
		b.WriteString("\u00a0» du destinataire")
	}
	if cond {
		b.WriteString(" + condition")
	}
	if audience {
		b.WriteString(" + public")
	}
	if consequence {
		b.WriteString(" + conséquence")
	}
	if intimate {
		b.WriteString(" + intime")
	}
	if cited {
		b.WriteString(", cité")
	}
	return s, b.String()
}

// An ultimatum (the tenth round): a condition on the reader, then the
// speaker acting on the reader (« tu touches pas à ma pote ou je te
// mange », « la prochaine fois que tu dis ça je te fais goûter au
// tarmac », « si tu parles on te roule dessus »). The verbs of these
// threats are pupils' images, not act verbs; what makes them threats is
// the frame: the reader's act as a condition, the speaker as subject and
// the reader as object. ultimatumThreat holds only when the verb is one of
// menace (ultVerbs); a favour or a teacher's sanction under a condition
// (« si tu veux je te prête », « si tu continues je te mets une heure de
// colle ») is not one.

var (
	ultVerbs = keySet(`mange manger mangerai bouffe bouffer bouffrai roule rouler roulerai traine trainer trainerai
		gouter goute fais faire ferai pourris pourrir pourrirai calme calmer calmerai recadre recadrer recadrerai
		allume allumer allumerai chope choper choperai attrape attraper attraperai
		demonte demonter eclate eclater fume fumer seche secher enterre enterrer enterrerai ecrase ecraser
		ecraserai`)
	// « je te fais » only with an image of harm after it.
	ultFaire = keySet(`manger bouffer ravaler regretter pleurer saigner voler`)
	// « je te fais goûter au tarmac »: the ground, a fist.
	ultGround = keySet(`tarmac sol beton bitume goudron carrelage mur poing poings`)
	ultAux    = keySet("vais va allons vai vas")
	ultCondOK = keySet("veux voulez peux pouvez veut as avez aimes aimez gagnes gagnez reussis reussissez")
)

// ultimatumThreat returns the violence score and reason of an ultimatum.
func ultimatumThreat(src string, toks []dtok) (float64, string) {
	cond, prohibit := -1, false
	for i := 0; i+1 < len(toks); i++ {
		k := toks[i].key
		switch {
		case k == "si" && (toks[i+1].key == "tu" || toks[i+1].key == "t" || toks[i+1].key == "vous"):
			ok := true
			for j := i + 2; j < len(toks) && j <= i+3; j++ {
				if ultCondOK[toks[j].key] {
					ok = false
				}
			}
			if ok && cond < 0 {
				cond = i
			}
		case k == "fois" && i > 0 && toks[i-1].key == "prochaine" && i+2 < len(toks) && toks[i+1].key == "que":
			if cond < 0 {
				cond = i
			}
		case k == "ou" || k == "sinon":
			// « tu touches pas à ma pote ou … »: the reader's act before.
			for j := i - 1; j >= 0 && j >= i-8; j-- {
				if toks[j].key == "tu" || toks[j].key == "t" || toks[j].key == "vous" {
					if cond < 0 {
						cond = i
					}
					break
				}
			}
		}
		if k == "pas" || k == "arrete" || k == "ose" || k == "interet" {
			prohibit = true
		}
	}
	if cond < 0 {
		return 0, ""
	}
	for i := cond + 1; i+2 < len(toks); i++ {
		k := toks[i].key
		if k != "je" && k != "j" && k != "on" && k != "nous" {
			continue
		}
		j := i + 1
		if ultAux[toks[j].key] {
			j++
		}
		if j+1 >= len(toks) || (toks[j].key != "te" && toks[j].key != "t" && toks[j].key != "vous") {
			continue
		}
		v := j + 1
		if !ultVerbs[toks[v].key] {
			continue
		}
		if toks[v].key == "fais" || toks[v].key == "faire" || toks[v].key == "ferai" {
			ground := v+3 < len(toks) && toks[v+1].key == "gouter" && (toks[v+2].key == "au" || toks[v+2].key == "du") && ultGround[toks[v+3].key]
			if !ground && (v+1 >= len(toks) || !ultFaire[toks[v+1].key]) {
				continue
			}
		}
		if v+1 < len(toks) && (toks[v+1].key == "pas" || toks[v+1].key == "plus" || toks[v+1].key == "jamais") {
			continue
		}
		s := 0.5
		if prohibit {
			s += 0.1
		}
		var b strings.Builder
		b.WriteString("violence: ultimatum, «\u00a0")
		b.WriteString(spanText(src, toks, i, v))
		b.WriteString("\u00a0» sous condition")
		return s, b.String()
	}
	return 0, ""
}

// spanText returns the source text of toks[from..to], for a reason (the
// message as written, not its keys), cut at 60 bytes.
func spanText(src string, toks []dtok, from, to int) string {
	if from < 0 || to >= len(toks) || from > to {
		return ""
	}
	a, e := toks[from].start, toks[to].end
	if a < 0 || e > len(src) || a >= e {
		return toks[from].key
	}
	t := src[a:e]
	if len(t) > 60 {
		n := 60
		for n > 0 && !utf8.RuneStart(t[n]) {
			n--
		}
		t = t[:n] + "…"
	}
	return strings.Join(strings.Fields(t), " ")
}
