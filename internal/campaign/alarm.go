package campaign

import "strings"

// Alarming content is what a wave says when no word list of the screen
// knows it: a veiled threat (« ça ne va pas durer, on sait où est votre
// classe »), a hoax that disrupts and spreads (« le collège sera fermé
// demain, prévenez les autres familles, n’appelez pas le secrétariat »).
// No one word makes a text alarming — « à bientôt », « fermé » and
// « urgent » are everyday words at school — but words from two of the
// registers below, in one short message, are what such texts are made
// of. The registers are read on the TextModel's terms (normalised,
// stemmed, synonyms mapped), so inflection, spelling tricks and the
// synonyms the model knows do not change them.
//
// The signal is weak on purpose: it delays new content from family and
// teacher accounts by ProbationFor (long enough for a wave to show) and
// weighs in a cluster like a weak screen score; on its own it never holds
// a message for good, nor locks anyone.

// alarmRegister is a register of alarm: danger, foreboding, surveillance,
// disruption, propagation, secrecy.
type alarmRegister int

const (
	regDanger alarmRegister = iota
	regForeboding
	regSurveillance
	regDisruption
	regPropagation
	regSecrecy
	numRegisters
)

// alarmTerms maps a term (after FrenchModel: normalised, stemmed, synonym
// representative) to its register. Propagation and surveillance words are
// common alone; they count only in the company written next to them.
var alarmTerms = func() map[string]alarmRegister {
	m := map[string]alarmRegister{}
	add := func(r alarmRegister, words ...string) {
		for _, w := range words {
			m[FrenchModel{}.term(w)] = r
		}
	}
	add(regDanger, "menace", "danger", "tuer", "attentat", "bombe", "arme", "armes", "couteau", "couteaux", "fusil", "sang", "mort", "morts",
		"mourir", "peur", "violence", "violent", "vengeance", "venger", "regretter", "regretterez", "payer", "paierez", "souffrir", "victime",
		"victimes", "blesser", "blessé", "brûler", "exploser", "otage", "terreur", "haine", "punir", "puni", "cible", "viser")
	add(regForeboding, "durer", "durera", "chance", "arriver", "arrivé", "nouvelles", "instant", "longtemps", "attention", "verra", "verrez",
		"surprise", "gare", "profitez", "profiter")
	add(regSurveillance, "savons", "sait", "connaît", "connaissons", "surveille", "surveillons", "observe", "observons", "adresse",
		"habitez", "suivons", "suit", "regardons", "repéré", "repérés", "localisé", "visage", "photos")
	add(regDisruption, "fermé", "évacuation", "évacuer", "alerte", "sécurité", "incident", "problème", "urgence", "confiné", "panique",
		"suspendus", "interdit", "dangereux")
	add(regPropagation, "prévenez", "transmettez", "partagez", "diffusez", "relayez", "passer", "faites")
	add(regSecrecy, "contactez", "appeler", "appelez", "téléphonez", "standard", "secrétariat", "parler", "secret", "discrètement", "dites",
		"supprimez", "effacez", "répond")
	return m
}()

// propagationObject are the terms that make a propagation word one: to
// the others (« prévenez les autres familles »), not « informations aux
// familles ».
var propagationObject = map[string]bool{FrenchModel{}.term("autres"): true, FrenchModel{}.term("entourage"): true}

// Alarming reports whether a text's terms hold words of at least two
// registers of alarm.
func Alarming(terms []string) bool {
	var seen [numRegisters]bool
	object := false
	for _, t := range terms {
		if propagationObject[t] {
			object = true
		}
	}
	n := 0
	for _, t := range terms {
		r, ok := alarmTerms[t]
		if !ok || seen[r] {
			continue
		}
		if r == regPropagation && !object {
			continue
		}
		seen[r] = true
		n++
	}
	return n >= 2
}

// AlarmingText reports whether a text is alarming: Alarming on the terms
// of its words read in their alarming sense (inContext).
func AlarmingText(text string) bool {
	fields := FrenchModel{}.fields(text)
	return alarmingWords(fields, FrenchModel{}.wordsOf(fields))
}

// alarmingWords is AlarmingText on a text's normalised words, in order,
// and their terms (FrenchModel.wordsOf).
func alarmingWords(fields, words []string) bool {
	terms := make([]string, 0, len(fields))
	for i, t := range words {
		if t != "" && inContext(t, fields, i) {
			terms = append(terms, t)
		}
	}
	return Alarming(terms)
}

// Words of the registers that school life uses every day in another
// sense: to pay a bill, for the attention of, a login problem, the
// station (or to park), the farm, see you on Thursday.
var (
	termPay       = FrenchModel{}.term("payer")
	termAttention = FrenchModel{}.term("attention")
	termProblem   = FrenchModel{}.term("problème")
	termGare      = FrenchModel{}.term("gare")
	termClosed    = FrenchModel{}.term("fermé")
	termSee       = FrenchModel{}.term("verra")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	// What is paid: « payer la cantine », « payer en ligne ».
	payObject = wordSet(`l la le les un une des du de d sa son ses votre vos mon ma mes en par avant sur via avec sous au aux a
		cantine facture factures repas frais cotisation cotisations sortie voyage cheque carte ligne montant somme inscription adhesion euros`)
	// Whom a warning aims at: « gare à vous », « attention à toi ».
	aimedAt = wordSet(`vous toi vos votre ta ton tes eux lui elle`)
	// A problem of something, with something, or none.
	problemOf = wordSet(`de d du des avec technique techniques informatique connexion au aux a sur pour`)
	noProblem = wordSet(`aucun pas sans petit petits`)
	// The farm is a noun after an article or before what it is.
	article  = wordSet(`la une cette les des de sa notre votre leur a`)
	farmWhat = wordSet(`pedagogique pedagogiques de du des aux au`)
)

// inContext reports whether the word at i, of term t, is read in its
// alarming sense; words not listed always are.
func inContext(t string, f []string, i int) bool {
	at := func(k int) string {
		if i+k >= 0 && i+k < len(f) {
			return f[i+k]
		}
		return ""
	}
	w := f[i]
	switch t {
	case termPay:
		// « vous le paierez », « vous allez payer pour ça »; not « payer
		// la cantine avant vendredi ».
		return strings.HasPrefix(w, "paier") || !payObject[at(1)]
	case termAttention, termGare:
		// « gare à vous », « attention à toi »; not « à l'attention
		// de », « à la gare », « attention, la réunion est décalée ».
		return (w == "gare" || t == termAttention) && (at(1) == "a" || at(1) == "au" || at(1) == "aux") && aimedAt[at(2)]
	case termProblem:
		// « après un problème grave »; not « un problème de connexion »,
		// « aucun problème ».
		return !problemOf[at(1)] && !noProblem[at(-1)] && !noProblem[at(-2)]
	case termClosed:
		// « le collège ferme demain »; not « la ferme pédagogique ».
		return !((w == "ferme" || w == "fermes") && (article[at(-1)] || farmWhat[at(1)]))
	case termSee:
		// « vous verrez », « on verra bien »; not « on se verra jeudi »,
		// « nous nous verrons », « pour voir » (the term is voir's).
		// Only the future is a threat: « pour voir les photos » is not.
		return strings.HasPrefix(w, "verr") && at(-1) != "se" && !(at(-1) != "" && at(-1) == at(-2))
	}
	return true
}
