package screen

import "sync"

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

// negKeysEN negate an English request (« never share your password »).
var negKeysEN = keySet("never dont don not no nobody")

// codeWords name a login or one-time code with « code » near them.
var codeWords = keySet("ent pronote educonnect sms validation verification confirmation authentification securite connexion secret confidentiel acces")

// credRequestScore is the score of such a request: the hold line.
const credRequestScore = 0.5

// credentialRequest returns the score and reason of a request for the
// reader's secret credential in toks, or 0.
func credentialRequest(toks []dtok) (float64, string) {
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
			for _, m := range t.info.morph {
				if m.POS == POSVerb && sendLemmas()[m.Lemma] &&
					(m.Moods&(MoodImperative|MoodInfinitive|MoodConditional) != 0 || m.Persons&(Person2Sg|Person2Pl) != 0) {
					ask = true
				}
			}
			if t.flags&tSentence != 0 {
				break
			}
		}
		if ask {
			return credRequestScore, "phishing: demande du mot de passe ou du code de connexion du destinataire (score 0.50)"
		}
	}
	return 0, ""
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
