package screen

import (
	"strings"
	"sync"
)

// A request for the reader's password or login code, read by the verb's
// lemma and mood rather than by spelled forms: « file-moi ton mdp »,
// « tu peux me donner ton mot de passe », « merci de renvoyer le mot de
// passe de votre enfant », « pourriez-vous me transmettre votre code
// EduConnect ». Nobody at a school needs another person's password, and
// the official advice is never to give it: such a request is held for a
// moderator whatever else the message says, unless the clause is
// negated (« ne donne jamais ton mot de passe ») or quoted.

// sendLemmas are the verbs of handing something over (lemma keys).
// Built on first use: keys need the accent folding that the package's
// init builds (a package-level keySet keyed « écrire » wrongly).
var sendLemmas = sync.OnceValue(func() map[string]bool {
	return keySet("donner envoyer renvoyer transmettre transférer communiquer indiquer filer passer dire écrire partager noter retourner fournir")
})

// secretWords are credentials that are secret by themselves.
var secretWords = keySet("motdepasse motsdepasse mdp mdps password passwords passcode credentials")

// receivedWords, after « code », make it a one-time code just received
// (« le code à 6 chiffres que tu viens de recevoir », « the code you
// got »): asked for, whoever owns it, it is the reader's.
var receivedWords = keySet("recu recus recue recevoir recois reception chiffres got received get digit digits sms texto")

// sendKeysEN are English verbs of handing over (no morphology: keys).
var sendKeysEN = keySet("send give tell text reply share dm provide confirm type enter forward")

// negKeysEN negate an English request (« never share your password »,
// « ignore the email asking you to confirm your password »).
var negKeysEN = keySet("never dont don not no nobody ignore")

// changeLemmas are the verbs of the reader's own care of a password
// (« changez dès ce soir le mot de passe de votre compte »): nearer the
// word than any verb of handing over, they govern it, and nothing is
// asked for (lemma keys, built on first use as sendLemmas).
var changeLemmas = sync.OnceValue(func() map[string]bool {
	return keySet("changer modifier réinitialiser renouveler personnaliser choisir créer sécuriser")
})

// codeWords name a login or one-time code with « code » near them.
var codeWords = keySet("ent pronote educonnect sms validation verification confirmation authentification securite connexion secret confidentiel acces")

// credRequestScore is the score of such a request: the hold line.
const credRequestScore = 0.5

// credentialRequest returns the score and reason of a request for the
// reader's secret credential in toks (spans in src), or 0.
func credentialRequest(src string, toks []dtok) (float64, string) {
	for i := range toks {
		k := toks[i].key
		if !toks[i].info.credWord {
			continue // neither a secret word nor « code(s) »
		}
		secret := secretWords[k]
		received := false
		if k == "code" || k == "codes" {
			for j := i + 1; j < len(toks) && j <= i+3; j++ {
				if codeWords[toks[j].key] {
					secret = true
				}
			}
			received = hasKeyAfter(toks, i, receivedWords, 8)
			secret = secret || received
		}
		if !secret || toks[i].flags&tQuoted != 0 {
			continue
		}
		// The owner: a second-person possessive before the word, or
		// « de votre enfant » after it.
		owner := false
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			switch toks[j].key {
			case "ton", "ta", "tes", "votre", "vos", "your", "ur":
				owner = true
			}
			if toks[j+1].flags&tSentence != 0 {
				break
			}
		}
		if !owner && !received && !hasKeyAfter(toks, i, ownerAfter, 3) {
			continue
		}
		// The request: a verb of handing over in the same sentence before
		// the word, imperative, second person, infinitive or conditional,
		// with no negation between the sentence start and the word.
		ask := false
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			t := &toks[j]
			switch t.key {
			case "pas", "jamais", "ne", "n", "aucun", "aucune", "rien", "personne":
				ask = false
				j = -1 // stop: a negated request is advice
				continue
			}
			if negKeysEN[t.key] {
				ask = false
				break
			}
			if sendKeysEN[t.key] {
				ask = true
			}
			if !ask && changesOwn(t) {
				break // the reader changes it: « et de changer le mot de passe »
			}
			for _, m := range t.info.morph {
				if m.POS == POSVerb && sendLemmas()[m.Lemma] &&
					(m.Moods&(MoodImperative|MoodInfinitive|MoodConditional) != 0 || m.Persons&(Person2Sg|Person2Pl) != 0) {
					ask = true
				}
			}
			if t.flags&tSentence != 0 {
				break
			}
			// The request found, a comma before it ends its clause: a
			// negation further back is a condition's (« si vous ne voulez
			// pas perdre l'accès, transmettez votre code »).
			if ask && j > 0 && clauseApart(src, toks, j-1) {
				break
			}
		}
		// « je ne vous demanderai jamais d'acheter des cartes, de
		// transmettre des codes reçus par SMS… »: a « jamais » further
		// back in the sentence negates a list of requests, as genuine
		// security notices word it. Only « jamais »: « si vous ne
		// confirmez pas, … envoyez votre code » is the lure's own shape.
		if ask && sentenceHasKeyBefore(toks, i, "jamais", 24) {
			ask = false
		}
		if ask {
			return credRequestScore, "phishing: demande du mot de passe ou du code de connexion du destinataire (score 0.50)"
		}
	}
	return 0, ""
}

// changesOwn reports whether t is a verb of the reader's own care of a
// password (changeLemmas), French or English.
func changesOwn(t *dtok) bool {
	switch t.key {
	case "change", "reset", "update", "choose", "create":
		return true
	}
	for _, m := range t.info.morph {
		if m.POS == POSVerb && changeLemmas()[m.Lemma] {
			return true
		}
	}
	return false
}

// sentenceHasKeyBefore reports whether key stands before toks[i] within n
// tokens of its sentence.
func sentenceHasKeyBefore(toks []dtok, i int, key string, n int) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if toks[j+1].flags&tSentence != 0 {
			return false
		}
		if toks[j].key == key {
			return true
		}
	}
	return false
}

// ownerAfter are the possessives of « le mot de passe de votre enfant ».
var ownerAfter = keySet("votre vos ton tes ta")

// hasKeyAfter reports whether one of keys follows toks[i] within n tokens
// of its sentence.
func hasKeyAfter(toks []dtok, i int, keys map[string]bool, n int) bool {
	for j := i + 1; j < len(toks) && j <= i+n; j++ {
		if toks[j].flags&tSentence != 0 {
			return false
		}
		if keys[toks[j].key] {
			return true
		}
	}
	return false
}

// A request for prepaid voucher or gift-card codes (« achetez 4 cartes
// Google Play et envoyez-moi les codes », « tu peux m'envoyer une
// recharge PCS ? juste le code du ticket »): the code is the money, and
// nobody at a school is paid that way. It is the end of the chief's
// urgent favour (CEO fraud) and of the stranded relative's plea. A
// voucher named without a request (a gift to a teacher, a prize, a shop
// that sells them) is no lure, nor is a request negated or set in a
// warning about the scam.

// voucherNames are the prepaid payment vouchers, named alone. Not
// « PCS »: also the computers (« les PCs du CDI »).
var voucherNames = keySet("transcash neosurf paysafecard paysafecards paysafe toneo itunes googleplay")

// voucherStores name a gift card or a voucher next to a card word or a
// voucher's name (« carte Steam », « cartes Google Play », « code
// Amazon », « recharge PCS », « PCS ou Transcash »).
var voucherStores = keySet("pcs steam amazon apple itunes google play playstation psn xbox netflix spotify fnac")

// voucherCards are the card words of a gift card, and what is bought,
// scratched or sent.
var voucherCards = keySet("carte cartes recharge recharges coupon coupons ticket tickets cartecadeau card cards voucher vouchers")

// voucherCodeWords are the codes sent.
var voucherCodeWords = keySet("code codes numero numeros chiffres pin pins")

// voucherLemmas are the verbs of a voucher request besides the verbs of
// handing over (sendLemmas): buying it, scratching it, photographing it.
var voucherLemmas = keySet("acheter gratter photographier prendre scanner recharger")

// voucherKeysEN are the English verbs of a voucher request (no
// morphology: keys, read as imperatives).
var voucherKeysEN = keySet("buy purchase send scratch")

// scratchLemmas take the cards themselves for object (« grattez-les »).
var scratchLemmas = keySet("gratter photographier scanner")

// requestHeads, before an infinitive in its sentence, make it asked of
// the reader: « il suffit de m'envoyer », « merci de gratter ».
var requestHeads = keySet("merci suffit faut veuillez pourriez pourrais pourrait peux pouvez voudrais besoin")

// scamWarnings set a message apart as a warning about the scam.
var scamWarnings = keySet("arnaque arnaques escroc escrocs escroquerie escroqueries fraude fraudes frauduleux frauduleuse hameconnage phishing mefiez mefiance jamais vigilance vigilants scam scams never")

// voucherRequestScore is the score of a voucher request: strong, for the
// model to confirm at RuleConfirm.
const voucherRequestScore = 0.75

// voucherRequest returns the score and reason of a request to buy,
// scratch, photograph or send voucher codes in toks, or 0.
func voucherRequest(toks []dtok) (float64, string) {
	named := false
	for i := range toks {
		pw := toks[i].info.pay
		if pw == 0 {
			continue // most tokens: one bit test, no map look-up
		}
		if pw&pwWarn != 0 {
			return 0, ""
		}
		if pw&pwVoucher != 0 || pw&pwStore != 0 && (hasCardNear(toks, i) || toks[i].key == "google" && i+1 < len(toks) && toks[i+1].key == "play") {
			named = true
		}
	}
	if !named {
		return 0, ""
	}
	for i := range toks {
		t := &toks[i]
		if voucherCards[t.key] {
			continue // « des recharges PCS »: a noun, not recharger
		}
		scratch, verb := t.key == "scratch", voucherKeysEN[t.key]
		for _, m := range t.info.morph {
			if m.POS != POSVerb || !(voucherLemmas[m.Lemma] || sendLemmas()[m.Lemma]) {
				continue
			}
			if m.Moods&(MoodImperative|MoodConditional) != 0 || m.Persons&(Person2Sg|Person2Pl) != 0 ||
				m.Moods&MoodInfinitive != 0 && askedBefore(toks, i) {
				verb = true
				scratch = scratch || scratchLemmas[m.Lemma]
			}
		}
		if !verb || negatedBefore(toks, i) {
			continue
		}
		// Its object: the codes or a voucher after it in the sentence, or
		// scratching or photographing cards (« grattez-les »).
		for j := i + 1; j < len(toks) && j <= i+6 && toks[j].flags&tSentence == 0; j++ {
			k := toks[j].key
			if voucherCodeWords[k] || voucherNames[k] || scratch && (voucherCards[k] || k == "les" || k == "la") ||
				voucherCards[k] && toks[j].flags&tQuoted == 0 && hasVoucherNear(toks, j) {
				return voucherRequestScore, "phishing: demande d’acheter ou d’envoyer les codes de cartes prépayées ou cadeaux (score 0.75)"
			}
		}
	}
	return 0, ""
}

// hasCardNear reports whether a card or code word, a voucher's name or
// a sum (« 10 € en PCS ») stands within two tokens of toks[i] in its
// sentence.
func hasCardNear(toks []dtok, i int) bool {
	for j := max(0, i-2); j < len(toks) && j <= i+2; j++ {
		if j == i || (j > i && toks[j].flags&tSentence != 0) || (j < i && toks[j+1].flags&tSentence != 0) {
			continue
		}
		if k := toks[j].key; voucherCards[k] || voucherCodeWords[k] || voucherNames[k] || k == "euros" || k == "eur" {
			return true
		}
	}
	return false
}

// hasVoucherNear reports whether a voucher's name stands within three
// tokens after the card word toks[j] (« des recharges PCS », « 6 cartes
// Google Play »).
func hasVoucherNear(toks []dtok, j int) bool {
	for k := j + 1; k < len(toks) && k <= j+3 && toks[k].flags&tSentence == 0; k++ {
		if voucherNames[toks[k].key] || voucherStores[toks[k].key] {
			return true
		}
	}
	return false
}

// askedBefore reports whether the infinitive toks[i] is asked of the
// reader: a request head, a second-person pronoun or « me » before it in
// its sentence.
func askedBefore(toks []dtok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		switch k := toks[j].key; {
		case requestHeads[k], k == "vous" || k == "tu" || k == "te" || k == "t" || k == "m" || k == "me" || k == "moi":
			return true
		}
		if toks[j+1].flags&tSentence != 0 {
			break
		}
	}
	return false
}

// negatedBefore reports whether a negation stands before toks[i] in its
// sentence (« ne les achetez pas », « n'envoyez jamais »).
func negatedBefore(toks []dtok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch toks[j].key {
		case "ne", "n", "pas", "jamais", "aucun", "aucune", "rien", "never", "dont", "not":
			return true
		}
		if toks[j+1].flags&tSentence != 0 {
			break
		}
	}
	if i+1 < len(toks) && toks[i+1].flags&tSentence == 0 && (toks[i+1].key == "pas" || toks[i+1].key == "jamais") {
		return true
	}
	return false
}

// Payment diversion: the writer announces bank details of their own that
// changed and asks the reader to pay to them or to register them (« notre
// banque ayant fusionné, utilisez exclusivement le RIB joint », « pouvez-
// vous mettre à jour mon RIB avant la paie ? »). The supplier's invoice or
// the colleague's pay then goes to the attacker. The school asking a
// family for its own RIB (« votre RIB ») is not this, nor a RIB joined
// for a payment without any change announced.

// bankWords name bank details; « coordonnées » and « compte » only with
// « bancaire(s) » after them.
var bankWords = keySet("rib ribs iban")

// bankHeads name bank details with « bancaire(s) » after them (keys,
// built on first use: accents and doubled letters).
var bankHeads = sync.OnceValue(func() map[string]bool { return keySet("coordonnées compte") })

// bankChange are the words that announce a change of bank details.
var bankChange = keySet("nouveau nouvel nouvelle nouvelles nouveaux fusion fusionne fusionnee fusionnes fusionner exclusivement desormais dorenavant changement change changer remplace remplacer remplacent miseajour modifier modification")

// divertLemmas are the verbs of paying to or registering bank details
// (lemma keys, built on first use: accents).
var divertLemmas = sync.OnceValue(func() map[string]bool {
	return keySet("utiliser mettre modifier enregistrer prendre noter virer verser payer régler effectuer changer remplacer actualiser saisir procéder")
})

// readerOwns are the possessives of the reader's own details.
var readerOwns = keySet("votre vos ton ta tes leur leurs your")

// writerOwns are the possessives of the writer's own details.
var writerOwns = keySet("mon ma mes notre nos my our")

// bankJoined, right after the bank word, join the details to the
// message (« le RIB joint », « le RIB ci-joint »).
var bankJoined = keySet("joint jointe ci")

// keyMettre is the key of « mettre » as the lexicon writes lemmas
// (doubled letters squeezed: « metre »), for « mettre à jour ».
var keyMettre = keyOf("mettre")

// isMettre reports whether ki is a form of mettre (« mettre », « mettez »,
// « mis »).
func isMettre(ki *keyInfo) bool {
	if ki.key == keyMettre {
		return true
	}
	_, ok := lemmaIs(ki.morph, keyMettre)
	return ok
}

// divertScore is the score of a payment diversion: strong, for the model
// to confirm at RuleConfirm.
const divertScore = 0.7

// paymentDiversion returns the score and reason of a payment diversion
// in toks, or 0.
func paymentDiversion(toks []dtok) (float64, string) {
	for i := range toks {
		pw := toks[i].info.pay
		if pw&(pwBank|pwBankHead) == 0 || pw&pwBank == 0 && !(i+1 < len(toks) && strings.HasPrefix(toks[i+1].key, "bancaire")) ||
			toks[i].flags&tQuoted != 0 {
			continue
		}
		// Whose details: the writer's (« mon RIB », « notre nouveau
		// RIB », « le RIB joint »), not the reader's (« votre nouveau
		// RIB », asked of a family or a colleague).
		writer, reader := false, false
		for j := i - 1; j >= 0 && j >= i-3 && toks[j+1].flags&tSentence == 0; j-- {
			writer = writer || writerOwns[toks[j].key]
			reader = reader || readerOwns[toks[j].key]
		}
		for j := i + 1; j < len(toks) && j <= i+3 && toks[j].flags&tSentence == 0; j++ {
			writer = writer || bankJoined[toks[j].key]
		}
		if reader || !writer {
			continue
		}
		// A change announced near them: « nouveau RIB », « notre banque
		// ayant fusionné », « je viens de changer de banque », « mettre à
		// jour mon RIB ».
		change := false
		for j := max(0, i-12); j < len(toks) && j <= i+8; j++ {
			k := toks[j].key
			change = change || bankChange[k] || k == "jour" && j >= 2 && toks[j-1].key == "a" && isMettre(toks[j-2].info)
		}
		if !change {
			continue
		}
		// Asked of the reader in the same sentence: pay to them or
		// register them.
		from := i
		for from > 0 && toks[from].flags&tSentence == 0 {
			from--
		}
		for j := from; j < len(toks) && (j == from || toks[j].flags&tSentence == 0); j++ {
			for _, m := range toks[j].info.morph {
				if m.POS != POSVerb || !divertLemmas()[m.Lemma] {
					continue
				}
				if (m.Moods&(MoodImperative|MoodConditional) != 0 || m.Persons&Person2Pl != 0 ||
					m.Moods&MoodInfinitive != 0 && askedBefore(toks, j)) && !negatedBefore(toks, j) {
					return divertScore, "phishing: nouvelles coordonnées bancaires de l’expéditeur à utiliser ou à enregistrer (score 0.70)"
				}
			}
		}
	}
	return 0, ""
}

// The payment words of a key, cached in its keyInfo (pay): the voucher
// and diversion readers test a bit per token instead of looking each
// token up in their word sets.
const (
	pwVoucher  uint8 = 1 << iota // voucherNames
	pwStore                      // voucherStores
	pwWarn                       // scamWarnings
	pwBank                       // bankWords
	pwBankHead                   // bankHeads
)

// payWordsOf returns the payment word bits of key.
func payWordsOf(key string) uint8 {
	var b uint8
	for _, x := range [...]struct {
		set map[string]bool
		bit uint8
	}{{voucherNames, pwVoucher}, {voucherStores, pwStore}, {scamWarnings, pwWarn}, {bankWords, pwBank}, {bankHeads(), pwBankHead}} {
		if x.set[key] {
			b |= x.bit
		}
	}
	return b
}

// A document that asks to enable its content or its macros: the Office
// banner a malicious attachment needs clicked to run its code, the
// infostealers' loader. The lexicon reads the request (phLure); this rule
// reads it when the button's name is quoted, as a sender writes it
// (« cliquez sur "Activer le contenu" »), where the lexicon halves a
// quoted word as a mention. A school never needs it; advice against it is
// negated in its clause (« n'activez jamais les macros »).

// macroObjects follow the verb: « le contenu », « les macros »; English
// « content », « editing », « macros ». Not « la modification »: a shared
// document online asks for it (TestEnableMacros47p).
var macroObjects = keySet("contenu macros macro content editing")

// enableKeys are the verbs' keys, French and English.
var enableKeys = keySet("activer activez active enable") // « activé » folds to « active »

// macroLureScore is the lexicon's weight for the same request: strong,
// for the model to confirm at RuleConfirm.
const macroLureScore = 0.75

// macroLure returns the score and reason of such a request in toks (spans
// in src), or 0.
func macroLure(src string, toks []dtok) (float64, string) {
	for i := range toks {
		// The prefix first: a map lookup for every word of every message
		// cost 1.3 % of Check.
		if k := toks[i].key; !strings.HasPrefix(k, "activ") && k != "enable" || !enableKeys[k] {
			continue
		}
		obj := false
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			obj = obj || macroObjects[toks[j].key]
		}
		if !obj {
			continue
		}
		neg := i+1 < len(toks) && (toks[i+1].key == "pas" || toks[i+1].key == "jamais")
		for j := i - 1; j >= 0 && j >= i-6 && !neg; j-- {
			if clauseApart(src, toks, j) && toks[j+1].flags&tQuoted == 0 {
				break // a clause ends here, unless the quotation opens on the button
			}
			switch toks[j].key {
			case "pas", "jamais", "ne", "n", "never", "dont", "not":
				neg = true
			}
		}
		if !neg {
			return macroLureScore, "phishing: demande d'activer le contenu ou les macros d'un document (score 0.75)"
		}
	}
	return 0, ""
}
