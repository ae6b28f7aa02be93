package screen

import (
	"strings"
	"sync"
)

// Fifteenth round: whole classes of harm read by their components, written
// from how such threats are built (threat-assessment practice, the school
// hoaxes of March 2024, pupils' speech), not from any set's misses.
//
//   - Arson: a fuel (essence, gasoil, white-spirit, alcool à brûler, a bidon
//     or jerrican) or a means of ignition (allumette, briquet, mèche,
//     molotov), with a fire act (arroser, asperger, imbiber, craquer,
//     allumer, mettre le feu, cramer, incendier, flamber) or the other
//     component, on a person or a place of the school, said by the speaker
//     or as an order, not in the past and not in a lesson, a drill, a
//     report, a fiction or a game.
//   - Outcome: the end of the reader or of everyone told as a forecast:
//     « vous vivez vos derniers jours », « y aura plus personne de
//     vivant », « aucun survivant », « personne ne survivra », with the
//     school, a time or the reader; a past event, a history lesson, a film
//     or a game is not one.
//   - Poison in food or drink of the school or the reader: « je vais mettre
//     de la mort-aux-rats dans le repas du self ».
//   - A vehicle driven into people: « je vais foncer avec la voiture sur
//     les élèves à la sortie ».
//
// Each key's classes are decided once (c15Of, cached in keyInfo), so a
// message with none of them costs one OR per token.

// Key classes of the fifteenth round (keyInfo.c15).
const (
	c15Fuel       uint32 = 1 << iota // essence, gasoil, white-spirit, jerrican
	c15Ignite                        // allumette, briquet, mèche, molotov
	c15FireAct                       // arroser, asperger, imbiber, craquer, allumer, incendier, cramer, flamber, brûler, feu
	c15Person                        // te, vous, the staff, pupils: a person as a target
	c15Outcome                       // survivant, vivant, derniers (jours), rescapé, survivra
	c15Poison                        // poison, mort-aux-rats, cyanure, arsenic, javel
	c15Food                          // repas, verre, bouteille, gourde, plat, boisson, cantine, self
	c15Vehicle                       // voiture, camion, camionnette, scooter
	c15Ram                           // foncer, rouler, écraser, percuter, faucher
	c15Excuse                        // a lesson, film, game, drill, report, tribute, past event named
	c15Future                        // a future or « aller » form, a time word: a forecast
	c15Past                          // an auxiliary of a past tense (a eu, avait, était, fut)
	c15Poss2                         // vos, tes, ton, ta: the reader's
	c15PraiseAdj                     // beau, magnifique, génial, légendaire: said of an attack, praise
	c15Imitate                       // refaire, recommencer, reproduire, imiter: said of an attack, imitation
	c15AttackRef                     // an attack or its author named (pastAttackWords, attackerNouns)
	c15Care                          // dentiste, chirurgien, béquilles, plâtre: care the reader will need
	c15CareExcuse                    // carie, rendez-vous, opération, chute, ski: a real medical matter
	c15When                          // a time or a threat's condition: demain, lundi, sortie, si, sinon, crois-moi
)

const (
	fuelWords15W    = "essence essences gasoil gazole kérosène pétrole spirit térébenthine acétone jerrican jerricans jerrycan jerrycans jerricane jerricanes bidon bidons combustible inflammable"
	igniteWords15W  = "allumette allumettes briquet briquets mèche mèches molotov zippo chalumeau"
	fireLemmas15W   = "arroser asperger imbiber craquer allumer incendier cramer flamber brûler enflammer embraser badigeonner verser répandre"
	fireWords15W    = "feu incendie flammes"
	personWords15W  = "te t vous toi prof profs professeur professeure principal principale proviseur proviseure cpe surveillant surveillants surveillante directeur directrice élèves élève classe gens tous toutes lui leur famille"
	outcomeWords15W = "survivant survivants survivante survivantes rescapé rescapés vivant vivants vivante vivantes derniers dernières survivra survivront survivre"
	poisonWords15W  = "poison poisons raticide cyanure arsenic javel ricine antigel strychnine"
	foodWords15W    = "repas verre verres bouteille bouteilles gourde gourdes plat plats boisson boissons café thé soupe sandwich goûter eau canette canettes fontaine cantine self réfectoire assiette assiettes plateau plateaux nourriture bouffe jus"
	vehicleWords15W = "voiture voitures camion camions camionnette bagnole scooter moto utilitaire van 4x4 tracteur"
	ramLemmas15W    = "foncer rouler écraser percuter faucher renverser lancer"
	excuseWords15W  = "histoire guerre guerres bataille batailles mondiale tranchées verdun pompéi film films série séries documentaire roman livre livres manga jeu jeux partie fortnite minecraft gta roblox valorant warzone zombie zombies exercice exercices ppms simulation alerte consigne consignes vigipirate évacuation hommage commémoration procès condamné condamnés musée exposé chapitre tp expérience labo laboratoire chimie recette cuisine barbecue tondeuse jardin bougie bougies anniversaire gâteau feux artifice camping vacances concert concerts spectacle bowling nettoyer nettoyage ménage laver désinfecter"
	futureWords15W  = "demain ce soir lundi mardi mercredi jeudi vendredi samedi dimanche bientôt prochain prochaine aura auront sera seront restera resteront va vais vas vont allez allons jvais"
	pastAux15W      = "eu avait avaient était étaient fut furent"
	poss2Words15W   = "vos tes ton ta votre"
	careWords15W    = "dentiste dentistes chirurgien chirurgiens béquilles béquille plâtre plâtres kiné kinés dentier prothèse suture sutures fauteuil"
	careExcuse15W   = "carie caries rendez rdv opération opéré opérée chute ski accident sagesse appareil vaccin malade entorse fracture tombé tombée match jeu détartrage orthodontiste"
	when15W         = "demain soir lundi mardi mercredi jeudi vendredi samedi dimanche sortie récré récréation après si sinon crois jure"
	praiseAdj15W    = "beau belle magnifique magnifiques génial géniale légendaire légendaires stylé stylée incroyable parfait parfaite mérité méritée méritée jouissif bien courageux courageuse brave admirable"
	imitateWords15W = "refaire recommencer reproduire imiter pareil même"
)

// The sets, keyed once the package's accent folding is built.
var (
	c15Once                           sync.Once
	alcoolKey, brulerKey              string
	fuelWords15                       map[string]bool
	igniteWords15                     map[string]bool
	fireLemmas15                      map[string]bool
	fireWords15                       map[string]bool
	personWords15                     map[string]bool
	outcomeWords15                    map[string]bool
	poisonWords15                     map[string]bool
	foodWords15                       map[string]bool
	vehicleWords15                    map[string]bool
	ramLemmas15                       map[string]bool
	excuseWords15                     map[string]bool
	futureWords15                     map[string]bool
	pastAux15                         map[string]bool
	poss2Words15                      map[string]bool
	praiseAdj15                       map[string]bool
	imitateWords15                    map[string]bool
	refWords15                        map[string]bool
	careWords15, careExcuse15, when15 map[string]bool
	dentVerbs15                       map[string]bool
)

func c15Sets() {
	c15Once.Do(func() {
		fuelWords15 = keySet(fuelWords15W)
		igniteWords15 = keySet(igniteWords15W)
		fireLemmas15 = keySet(fireLemmas15W)
		fireWords15 = keySet(fireWords15W)
		personWords15 = keySet(personWords15W)
		outcomeWords15 = keySet(outcomeWords15W)
		poisonWords15 = keySet(poisonWords15W)
		foodWords15 = keySet(foodWords15W)
		vehicleWords15 = keySet(vehicleWords15W)
		ramLemmas15 = keySet(ramLemmas15W)
		excuseWords15 = keySet(excuseWords15W)
		futureWords15 = keySet(futureWords15W)
		pastAux15 = keySet(pastAux15W)
		poss2Words15 = keySet(poss2Words15W)
		praiseAdj15 = keySet(praiseAdj15W)
		imitateWords15 = keySet(imitateWords15W)
		careWords15, careExcuse15, when15 = keySet(careWords15W), keySet(careExcuse15W), keySet(when15W)
		dentVerbs15 = keySet("ramasser compter recoller chercher ramasses comptes recolles")
		refWords15 = keySet(pastAttackWords + " " + attackerNouns)
		alcoolKey, brulerKey = keyOf("alcool"), keyOf("brûler")
	})
}

// c15Of returns the fifteenth round's classes of a key.
func c15Of(key string, morph []MorphEntry) uint32 {
	c15Sets()
	var c uint32
	set := func(m map[string]bool, bit uint32) {
		if m[key] {
			c |= bit
		}
	}
	set(fuelWords15, c15Fuel)
	set(igniteWords15, c15Ignite)
	set(fireWords15, c15FireAct)
	set(personWords15, c15Person)
	set(outcomeWords15, c15Outcome)
	set(poisonWords15, c15Poison)
	set(foodWords15, c15Food)
	set(vehicleWords15, c15Vehicle)
	set(excuseWords15, c15Excuse)
	set(futureWords15, c15Future)
	set(pastAux15, c15Past)
	set(poss2Words15, c15Poss2)
	set(praiseAdj15, c15PraiseAdj)
	set(imitateWords15, c15Imitate)
	set(refWords15, c15AttackRef)
	set(careWords15, c15Care)
	set(careExcuse15, c15CareExcuse)
	set(when15, c15When)
	c |= c16Of(key)
	for _, m := range morph {
		if m.POS != POSVerb {
			continue
		}
		if fireLemmas15[m.Lemma] {
			c |= c15FireAct
		}
		if ramLemmas15[m.Lemma] {
			c |= c15Ram
		}
		if m.Moods&MoodFuture != 0 {
			c |= c15Future
		}
	}
	return c
}

// speakerIntent reports whether the message has the speaker announce an
// act or give an order: a first-person subject (je, on, nous, jvais…) or
// an imperative of a fire, ramming or planting verb, or « il faut ».
func speakerIntent(toks []dtok) bool {
	for i := range toks {
		ki := toks[i].info
		if ki == nil {
			continue
		}
		if ki.subj == actor1 || ki.contr != nil && (*ki.contr)[0] == "je" {
			return true
		}
		if ki.lf&lfFalloir != 0 {
			return true
		}
		// An imperative not after a subject pronoun: « verse l'essence et
		// craque l'allumette ».
		if ki.c15&(c15FireAct|c15Ram) != 0 && (i == 0 || toks[i-1].info == nil || toks[i-1].info.subj == actorNone) {
			for _, m := range ki.morph {
				if m.POS == POSVerb && m.Moods&MoodImperative != 0 {
					return true
				}
			}
		}
	}
	return false
}

// componentScores reads the fifteenth round's classes (any, c15Scoped;
// from, appendedFrom). Run at the end of frameScores.
func componentScores(toks []dtok, frames []frame, any uint32, from int, out *[numDetectors]detectorScore) {
	if any&c15Care != 0 || any&c15Poss2 != 0 {
		if s, why := careOutcome(toks, any); s > out[detViolence].score {
			out[detViolence] = detectorScore{score: s, reason: why}
		}
	}
	if any&(c15Fuel|c15Ignite|c15Outcome|c15Poison|c15Vehicle|c15AttackRef) == 0 && !mortAuxRats(toks) || any&c15Excuse != 0 {
		return
	}
	// A message framed as a lesson, drill, report, tribute, fiction or game
	// by the frames is none of these (an appended sentence's frame aside).
	if framedBefore(toks, frames, from) {
		return
	}
	school := false
	for i := range toks {
		if toks[i].info != nil && toks[i].info.frame&fc_school != 0 {
			school = true
			break
		}
	}
	target := school || any&c15Person != 0
	set := func(d detector, s float64, why string) {
		if s > out[d].score {
			out[d] = detectorScore{score: s, reason: why}
		}
	}
	past := any&c15Past != 0 && any&c15Future == 0
	intent := !past && speakerIntent(toks)
	det := detViolence
	if school {
		det = detThreat
	}
	// Arson by its components.
	if intent && target && any&(c15Fuel|c15Ignite) != 0 && (any&c15FireAct != 0 || any&c15Fuel != 0 && any&c15Ignite != 0 || alcoolABruler(toks)) {
		set(det, 0.6, detectorNames[det]+": cadre incendie (combustible ou allumage + acte ou cible) (score 0.60)")
	}
	// Poison in food or drink.
	if intent && (any&c15Poison != 0 || mortAuxRats(toks)) && any&c15Food != 0 {
		set(det, 0.6, detectorNames[det]+": cadre empoisonnement (poison + repas ou cible) (score 0.60)")
	}
	// A vehicle driven into people.
	if intent && any&c15Vehicle != 0 && any&c15Ram != 0 && ramAt(toks) {
		set(detThreat, 0.6, detectorNames[detThreat]+": cadre véhicule-bélier (véhicule + foncer sur des personnes) (score 0.60)")
	}
	// Praise or imitation of a named attack or attacker.
	if any&c15AttackRef != 0 && any&(c15PraiseAdj|c15Imitate) != 0 {
		if s, why := attackPraise(toks, any); s > out[detApology].score {
			out[detApology] = detectorScore{score: s, reason: why}
		}
	}
	// The end of everyone told as a forecast.
	if !past && any&c15Outcome != 0 && outcomeForecast(toks, school, any) {
		set(det, 0.6, detectorNames[det]+": cadre issue fatale annoncée (personne de vivant, derniers jours) (score 0.60)")
	}
}

// onlyCours reports whether the message's lesson words are only « cours »
// (and school subjects after it): the time of a lesson, not its matter.
func onlyCours(toks []dtok) bool {
	for i := range toks {
		ki := toks[i].info
		if ki == nil || ki.frame&fc_lesson == 0 && ki.lf&lfLesson == 0 {
			continue
		}
		if toks[i].key != "cours" {
			return false
		}
	}
	return true
}

// alcoolABruler: « alcool à brûler » names a fuel.
func alcoolABruler(toks []dtok) bool {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].key == alcoolKey && toks[i+1].key == "a" && toks[i+2].key == brulerKey {
			return true
		}
	}
	return false
}

// outcomeForecast reads the outcome words in place:
//   - « vos / tes derniers jours (heures) », not followed by « de, d', du,
//     avant, au… » (« vos derniers jours de vacances »);
//   - « plus personne de vivant », « aucun / pas de survivant(s) /
//     rescapé(s) », « personne ne survivra », « personne (ne) restera
//     vivant », with a time or future form and the school or the reader
//     named.
func outcomeForecast(toks []dtok, school bool, any uint32) bool {
	if any&c16Quality != 0 && degreeHyperbole(toks) {
		return false // « plus personne de vivant tellement c'est mauvais »
	}
	for i := range toks {
		k := toks[i].key
		switch k {
		case "derniers", "dernieres":
			if i == 0 || toks[i-1].info == nil || toks[i-1].info.c15&c15Poss2 == 0 || i+1 >= len(toks) {
				continue
			}
			if n := toks[i+1].key; n != "jours" && n != "heures" && n != "instants" && n != "moments" {
				continue
			}
			if i+2 < len(toks) && toks[i+2].flags&tSentence == 0 {
				switch toks[i+2].key {
				case "de", "d", "du", "des", "avant", "au", "aux", "a", "en", "ici", "dans", "sur", "chez", "avec", "ensemble", "parmi", "entre", "comme", "pour":
					continue
				}
			}
			return true
		case "survivant", "survivants", "survivante", "survivantes", "rescape", "rescapes", "vivant", "vivants", "vivante", "vivantes", "survivra", "survivront":
			// A negated quantity before it: aucun, pas de, plus
			// personne (de), personne.
			neg := false
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				switch toks[j].key {
				case "aucun", "aucune", "persone", "pas", "plus", "zero", "0":
					neg = true
				}
			}
			if !neg {
				continue
			}
			if (school || any&c15Person != 0) && any&c15Future != 0 {
				return true
			}
		}
	}
	return false
}

// mortAuxRats: « mort-aux-rats », « mort aux rats ».
func mortAuxRats(toks []dtok) bool {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].key == "mort" && toks[i+1].key == "aux" && toks[i+2].key == "rats" {
			return true
		}
	}
	return false
}

// attackPraise reads praise or imitation of a named attack: « Columbine
// c'était magnifique », « le Bataclan c'était beau » (c'est, c'était, ça
// + a praise adjective, not negated), « faut refaire pareil », « je vais
// refaire Columbine » (an imitation verb with an intent or an order).
// Only for a message with an attack or attacker named and none of the
// excuses (a tribute, a lesson, a trial, a film), checked by the caller.
func attackPraise(toks []dtok, any uint32) (float64, string) {
	for i := range toks {
		ki := toks[i].info
		if ki == nil {
			continue
		}
		if ki.c15&c15PraiseAdj != 0 && i > 0 {
			// c'est / c'était / ça / trop / vraiment before it, no
			// negation in between.
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				k := toks[j].key
				if toks[j].info != nil && toks[j].info.frame&fc_neg != 0 || k == "ne" || k == "n" {
					break
				}
				if k == "etait" || k == "est" || k == "sera" || k == "trop" || k == "vraiment" || k == "tellement" {
					if k == "est" || k == "etait" || k == "sera" {
						if j == 0 || (toks[j-1].key != "c" && toks[j-1].key != "ce" && toks[j-1].key != "ca" && toks[j-1].info != nil && toks[j-1].info.c15&c15AttackRef == 0) {
							break
						}
					}
					return 0.55, "terror_apology: cadre éloge (adjectif) + attaque ou auteur nommés (score 0.55)"
				}
			}
		}
		if ki.c15&c15Imitate != 0 && (toks[i].key == "refaire" || toks[i].key == "recomencer" || toks[i].key == "reproduire" || toks[i].key == "imiter") && speakerIntent(toks) {
			return 0.55, "terror_apology: cadre imitation + attaque ou auteur nommés (score 0.55)"
		}
	}
	return 0, ""
}

// soundsInfinitive reports whether key, a form of the first-group verb
// lemma, is spelt the way pupils write its infinitive after « aller »:
// the stem and an ending that sounds /e/ or /ɛ/ (é, és, ée, ez, ai, ais,
// ait, aient; accents are folded in keys).
func soundsInfinitive(key, lemma string) bool {
	if len(lemma) < 4 || !strings.HasSuffix(lemma, "er") || !strings.HasPrefix(key, lemma[:len(lemma)-2]) {
		return false
	}
	switch key[len(lemma)-2:] {
	case "e", "es", "ee", "ees", "ez", "ai", "ais", "ait", "aient":
		return true
	}
	return false
}

// careOutcome reads a harm told by the care the reader will need: « tu
// vas avoir besoin d'un dentiste après mercredi », « t'auras besoin de
// béquilles si tu recommences », « tu vas ramasser tes dents à la
// sortie »: the reader (tu, t', vous) in the future (vas, allez, auras),
// a care or « tes dents » with ramasser, compter or recoller, and a time
// or a threat's condition; not with a real medical matter named (carie,
// rendez-vous, opération, chute, ski…) nor in a lesson, film or game.
func careOutcome(toks []dtok, any uint32) (float64, string) {
	if any&(c15CareExcuse|c15Excuse) != 0 || any&c15When == 0 {
		return 0, ""
	}
	reader := false
	for i := 0; i+1 < len(toks); i++ {
		switch toks[i].key {
		case "tu", "t", "vous":
			for j := i + 1; j < len(toks) && j <= i+2; j++ {
				switch toks[j].key {
				case "vas", "va", "allez", "auras", "aura", "aurez", "auras-besoin":
					reader = true
				}
			}
		}
	}
	if !reader {
		return 0, ""
	}
	for i := range toks {
		ki := toks[i].info
		if ki == nil {
			continue
		}
		if ki.c15&c15Care != 0 {
			// « besoin de / d'un … » before it.
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if toks[j].key == "besoin" {
					return 0.5, "violence: cadre soins annoncés au destinataire (besoin d'un dentiste, de béquilles) (score 0.50)"
				}
			}
		}
		if toks[i].key == "dents" && i > 1 && (toks[i-1].key == "tes" || toks[i-1].key == "vos") {
			if dentVerbs15[toks[i-2].key] {
				return 0.5, "violence: cadre soins annoncés au destinataire (ramasser tes dents) (score 0.50)"
			}
		}
	}
	return 0, ""
}

// ramAt reports whether a ramming verb is aimed at people: « foncer dans
// la foule », « rouler sur les élèves », « écraser / faucher / renverser
// les élèves », « te foncer dessus »; not « rouler sur le parking »,
// « rouler avec les élèves », « lancer la voiture dans la cour ».
func ramAt(toks []dtok) bool {
	people := func(j int) bool {
		ki := toks[j].info
		return ki != nil && ki.c15&c15Person != 0 && toks[j].key != "clase" || groupWord(toks[j].key)
	}
	for i := range toks {
		ki := toks[i].info
		if ki == nil || ki.c15&c15Ram == 0 {
			continue
		}
		strong := false
		switch toks[i].key {
		case "ecraser", "ecrase", "ecraserai", "faucher", "fauche", "renverser", "renverse", "percuter", "percute":
			strong = true
		}
		if i > 0 {
			switch toks[i-1].key {
			case "te", "t", "vous", "leur", "lui":
				for j := i + 1; j < len(toks) && j <= i+5; j++ {
					if toks[j].key == "desus" {
						return true
					}
				}
				if strong {
					return true
				}
			}
		}
		for j := i + 1; j < len(toks) && j <= i+6 && toks[j].flags&tSentence == 0; j++ {
			k := toks[j].key
			if k == "sur" || k == "dans" || k == "contre" {
				for m := j + 1; m < len(toks) && m <= j+3; m++ {
					if people(m) {
						return true
					}
				}
			}
			if strong && people(j) {
				return true
			}
		}
	}
	return false
}

// groupWord: a crowd or people named by a noun.
func groupWord(k string) bool {
	switch k {
	case "foule", "monde", "toutlemonde", "pasants", "gens", "eleves", "enfants", "parents":
		return true
	}
	return false
}

// framedMessage reports whether a frame of the message is a lesson (not
// only « en cours de »: a time), a drill, a report, a tribute, a fiction,
// a game, a practice or a quotation.
func framedMessage(toks []dtok, frames []frame) bool {
	for i := range frames {
		f := &frames[i]
		if f.lesson && !onlyCours(toks) || f.drill || f.report || f.commem || f.fiction || f.play || f.practice || f.quoted {
			return true
		}
	}
	return false
}
