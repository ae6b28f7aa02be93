package screen

import "sync"

// Sixteenth round: an attack announced with no act verb. A hoax or a
// planned attack is often told by what the readers should do or will see,
// not by what the writer will do: « demain ne venez pas, je vous
// préviens », « restez chez vous lundi, ça va saigner », « lundi vous
// allez voir. ». Two frames, read from the words' classes (decided once
// per key, in the bits of keyInfo.c15 above the fifteenth round's):
//
//   - Stay away: an order to keep away from the school or its lessons
//     (ne venez pas, venez pas, restez chez vous, évitez le lycée,
//     n'approchez pas) with a time, and a warning (je vous préviens,
//     c'est pas une blague), an outcome (carnage, massacre, bain de sang,
//     ça va saigner, ça va faire du bruit) or an ominous « vous allez
//     voir ». An institution closing the school gives its reason
//     (grève, neige, travaux, fermé, annulé…), which no hoax does: such a
//     reason, a lesson, a film or a game excuses the message.
//   - Ominous reveal: « vous allez (tous) voir », « vous verrez », « tu
//     vas comprendre » ending its sentence (nothing seen is named) or
//     followed by « ce qui va se passer », with a time, and no pleasant
//     or ordinary matter named (adorer, super, surprise, film, contrôle…).
//
// A degree hyperbole (« tellement c'est mauvais », « tant c'est nul »)
// makes a forecast of nobody left alive a comment on a dish or a film:
// outcomeForecast and readQuantOutcome leave it.

// Key classes of the sixteenth round (keyInfo.c15, above c15When).
const (
	c16Away     uint32 = 1 << (iota + 20) // venez, viens, restez, reste, évitez, approchez
	c16Reveal                             // voir, verrez, comprendre, comprendrez
	c16Grave                              // carnage, massacre, boucherie, sang, saigner, bruit
	c16Warn                               // préviens, prévenus, blague, rigole
	c16Reason                             // grève, neige, fermé, annulé, travaux: an institution's reason
	c16Pleasant                           // adorer, super, surprise, film, contrôle: a pleasant or ordinary matter
	c16Quality                            // mauvais, nul, dégueu: a quality said of a thing
)

const (
	awayWords16W     = "venez viens restez reste évitez évite approchez approche"
	revealWords16W   = "voir verrez verras comprendre comprendrez comprendras"
	graveWords16W    = "carnage massacre boucherie hécatombe tuerie sang saigner saignera péter pètera bruit drame"
	warnWords16W     = "préviens prévenus prévenu prévenues avertis blague rigole plaisante"
	reasonWords16W   = "grève grèves neige verglas travaux fermé fermée fermés fermeture annulé annulée annulés annulées malade malades contagieux contagieuse épidémie grippe covid gastro vacances férié pont inondation inondé panne chauffage intempéries tempête canicule pédagogique réunion absent absente absence absents remplaçant remplacé voyage retard tard tenue déguisés déguisé pyjama carnet"
	pleasantWords16W = "adorer adorez adoreras kiffer kifferez super génial géniale trop beau belle facile magnifique surprise surprises cadeau cadeaux gâteau fête soirée anniversaire anniv film films série spectacle expo exposition résultat résultats note notes contrôle contrôles interro exam examen bac brevet chapitre exercice cours leçon match équipe recette photo photos vidéo bulletin"
	qualityWords16W  = "mauvais mauvaise nul nulle nuls dégueu dégueulasse immangeable chiant chiante ennuyeux ennuyeuse relou horrible épicé pimenté salé long longue naze pourri pourrie"
)

var (
	c16Once sync.Once
	c16Sets [7]map[string]bool
)

// c16Of returns the sixteenth round's classes of a key.
func c16Of(key string) uint32 {
	c16Once.Do(func() {
		for i, w := range []string{awayWords16W, revealWords16W, graveWords16W, warnWords16W, reasonWords16W, pleasantWords16W, qualityWords16W} {
			c16Sets[i] = keySet(w)
		}
	})
	var c uint32
	for i, m := range c16Sets {
		if m[key] {
			c |= c16Away << i
		}
	}
	return c
}

// announceScores reads the two frames above. Run at the end of
// frameScores, after componentScores.
func announceScores(toks []dtok, frames []frame, any uint32, from int, out *[numDetectors]detectorScore) {
	if any&(c16Away|c16Reveal|c16Grave) == 0 || any&(c16Reason|c15Excuse) != 0 || any&(c15When|c15Future) == 0 {
		return
	}
	if framedBefore(toks, frames, from) {
		return
	}
	if !hasDay16(toks) {
		return
	}
	det := detThreat
	set := func(s float64, why string) {
		if s > out[det].score {
			out[det] = detectorScore{score: s, reason: detectorNames[det] + why}
		}
	}
	away := any&c16Away != 0 && stayAway(toks)
	reveal, final := false, false
	if any&c16Reveal != 0 && any&c16Pleasant == 0 {
		reveal, final = ominousReveal(toks)
	}
	switch {
	case away && (any&c16Grave != 0 || reveal || any&c16Warn != 0 && any&c16Quality == 0 && schoolNamed(toks)):
		set(0.6, ": cadre annonce (ne venez pas + moment + avertissement ou issue) (score 0.60)")
	case reveal && final:
		if !hasKeyTok(toks, "vous") && !schoolNamed(toks) {
			det = detViolence // « demain tu vas voir »: one pupil
		}
		set(0.5, ": cadre annonce (vous allez voir + moment, sans objet) (score 0.50)")
	case any&c16Grave != 0 && any&c16Pleasant == 0 && graveForecast(toks):
		set(0.6, ": cadre annonce (ça va être un carnage + moment + établissement) (score 0.60)")
	}
}

// graveForecast reads « ça va être une boucherie au collège », « y aura
// une hécatombe au self »: a killing noun after « va être », « sera »,
// « aura », in a message naming a place of the school.
func graveForecast(toks []dtok) bool {
	if !schoolNamed(toks) {
		return false
	}
	for i := range toks {
		switch toks[i].key {
		case "carnage", "masacre", "boucherie", "hecatombe", "tuerie":
		default:
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3 && toks[j+1].flags&tSentence == 0; j-- {
			switch toks[j].key {
			case "etre", "sera", "aura", "serait", "aurait":
				return true
			}
		}
	}
	return false
}

// hasDay16 reports whether the message names a time of the act: a day,
// demain, ce soir, à la récré; not « si » nor « sinon » alone.
func hasDay16(toks []dtok) bool {
	for i := range toks {
		switch toks[i].key {
		case "demain", "soir", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "recre", "recreation", "midi", "matin", "semaine", "bientot", "prochain", "prochaine", "h":
			return true
		}
		if ki := toks[i].info; ki != nil && ki.frame&fc_date != 0 {
			return true
		}
	}
	return false
}

// stayAway reads an order to keep away: « ne venez pas », « venez pas »,
// « n'approchez pas » (not « ne venez pas en retard, sans… », which an
// excuse word already excludes), « restez chez vous », « évitez le
// lycée ».
func stayAway(toks []dtok) bool {
	for i := range toks {
		ki := toks[i].info
		if ki == nil || ki.c15&c16Away == 0 {
			continue
		}
		switch toks[i].key {
		case "venez", "viens", "aprochez", "aproche":
			// « ne venez pas sans votre carnet », « pas avec vos
			// parents »: a condition on coming, not an order to stay away
			if i+1 < len(toks) && toks[i+1].key == "pas" && toks[i+1].flags&tSentence == 0 && !comingCondition(toks, i+2) {
				return true
			}
		case "restez", "reste":
			if i+1 < len(toks) && toks[i+1].key == "chez" && toks[i+1].flags&tSentence == 0 {
				return true
			}
		case "evitez", "evite":
			if i+1 < len(toks) && toks[i+1].flags&tSentence == 0 {
				if n := toks[i+1].info; n != nil && n.frame&fc_school != 0 {
					return true
				}
				if i+2 < len(toks) && toks[i+2].info != nil && toks[i+2].info.frame&fc_school != 0 {
					return true
				}
			}
		}
	}
	return false
}

// ominousReveal reads « vous allez (tous) voir », « vous verrez », « tu
// vas comprendre »; final is true when the verb ends its sentence or is
// followed by « ce qui va (se passer, arriver) »: nothing seen is named.
func ominousReveal(toks []dtok) (reveal, final bool) {
	for i := range toks {
		ki := toks[i].info
		if ki == nil || ki.c15&c16Reveal == 0 || i == 0 {
			continue
		}
		j := i - 1
		if toks[j].key == "tous" || toks[j].key == "toutes" || toks[j].key == "bien" {
			j--
		}
		ok := false
		switch k := toks[i].key; k {
		case "voir", "comprendre":
			if j >= 1 && (toks[j].key == "allez" || toks[j].key == "vas" || toks[j].key == "va") {
				s := toks[j-1].key
				ok = s == "vous" || s == "tu" || s == "t"
			}
		default: // verrez, verras, comprendrez, comprendras
			ok = j >= 0 && (toks[j].key == "vous" || toks[j].key == "tu")
		}
		if !ok {
			continue
		}
		if i+1 == len(toks) || toks[i+1].flags&tSentence != 0 {
			return true, true
		}
		if i+3 < len(toks) && toks[i+1].key == "ce" && toks[i+2].key == "qui" && (toks[i+3].key == "va" || toks[i+3].key == "vous" || toks[i+3].key == "se") {
			return true, true
		}
		reveal = true
	}
	return reveal, false
}

// degreeHyperbole reports whether the message says how bad a thing is by
// its effect: « tellement c'est mauvais », « tant c'est nul », « trop
// dégueu »: a degree word then, within three words, a quality.
func degreeHyperbole(toks []dtok) bool {
	for i := range toks {
		switch toks[i].key {
		case "tellement", "tant", "trop", "vraiment", "si":
		default:
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+3 && toks[j].flags&tSentence == 0; j++ {
			if toks[j].info != nil && toks[j].info.c15&c16Quality != 0 {
				return true
			}
		}
	}
	return false
}

// schoolNamed reports whether the message names the school, a place in it
// or its lessons (« en cours »).
func schoolNamed(toks []dtok) bool {
	for i := range toks {
		if toks[i].info != nil && toks[i].info.frame&fc_school != 0 || toks[i].key == "cours" {
			return true
		}
	}
	return false
}

// hasKeyTok reports whether a token of the message has the key k.
func hasKeyTok(toks []dtok, k string) bool {
	for i := range toks {
		if toks[i].key == k {
			return true
		}
	}
	return false
}

// comingCondition reports whether « sans » or « avec » follows within
// five words of the same sentence from j: « ne venez pas (au collège
// lundi) sans vos affaires ».
func comingCondition(toks []dtok, j int) bool {
	for k := j; k < len(toks) && k < j+5 && (k == j || toks[k].flags&tSentence == 0); k++ {
		if toks[k].key == "sans" || toks[k].key == "avec" {
			return true
		}
	}
	return false
}
