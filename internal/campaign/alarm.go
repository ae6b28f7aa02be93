package campaign

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
