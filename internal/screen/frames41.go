package screen

import "sync"

// roomNotFiction reports whether the fiction word at i, « pièce » or
// « scène », names a room or a stage of a building: after a place
// preposition other than « dans » (« sous la scène », « derrière la
// pièce »), before the school or one of its parts (« une pièce du lycée »,
// « la scène de l'amphi »), or as an attachment or an identity paper. « il
// y a une bombe dans une pièce du lycée » is no play; « dans la scène 3 »
// and « la pièce de théâtre » still are.
func roomNotFiction(fts []ftok, i int) bool {
	switch fts[i].key {
	case "piece", "pieces", "scene", "scenes":
	default:
		return false
	}
	if i >= 2 && article(fts[i-1]) {
		switch fts[i-2].key {
		case "sur", "sous", "deriere", "devant", "vers", "pres", "cote": // keys: « derrière » → deriere
			return true
		}
	}
	if i+1 >= len(fts) {
		return false
	}
	switch fts[i+1].key {
	case "jointe", "jointes", "identite":
		return true
	case "du", "de", "des", "d":
		for j := i + 2; j < len(fts) && j <= i+3; j++ {
			if fts[j].fc&fc_school != 0 {
				return true
			}
			if !article(fts[j]) {
				break
			}
		}
	}
	return false
}

// article reports whether the token is a determiner or a definite article
// (which fc_det leaves out: « la », « les » are also pronouns).
func article(t ftok) bool {
	switch t.key {
	case "le", "la", "les", "l":
		return true
	}
	return t.fc&fc_det != 0
}

// lifeCondition reads a life held under a condition: « si vous tenez à
// vos vies », « si tu tiens à ta vie », « si vous voulez vivre »,
// « si vous voulez rester en vie ». No act is named; the reader is told
// that staying alive depends on obeying (« restez chez vous si vous
// voulez vivre », « si vous tenez à vos vies séchez mardi »). A life named
// by its kind (« ta vie sociale », « ta vie privée ») is not one.
func lifeCondition(toks []dtok) bool {
	for i := range toks {
		if toks[i].key != "si" {
			continue
		}
		end := min(len(toks), i+7)
		for j := i + 1; j < end; j++ {
			if toks[j].flags&tSentence != 0 {
				break
			}
			switch toks[j].key {
			case "vivre", "survivre":
				// « vivre une expérience », « vivre ta vie »: a life lived, not kept
				if j+1 < len(toks) && toks[j+1].flags&tSentence == 0 && toks[j+1].info != nil &&
					(toks[j+1].info.frame&fc_det != 0 || toks[j+1].key == "le" || toks[j+1].key == "la" || toks[j+1].key == "les" || toks[j+1].key == "l") {
					continue
				}
				if j > i+1 && (toks[j-1].key == "voulez" || toks[j-1].key == "veux" || toks[j-1].key == "veut") {
					return true
				}
			case "vie", "vies":
				if j+1 < len(toks) && toks[j+1].flags&tSentence == 0 {
					switch toks[j+1].key {
					case "sociale", "privee", "amoureuse", "perso", "personele", "profesionele", "scolaire", "de", "d":
						continue
					}
				}
				for k := j - 1; k > i; k-- {
					switch toks[k].key {
					case "tenez", "tiens", "tient", "tenir":
						return true
					case "en": // « rester en vie »
						if k > i+1 && toks[k-1].key == "rester" {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// lifeConditionScores holds a life held under a condition (lifeCondition)
// in a message that is no report, lesson or drill: a threat (0.6) with a
// time, the school or an order to stay away named, else violence (0.55),
// a condition put to one reader (« si tu tiens à ta vie, rends-moi mon
// téléphone »).
func lifeConditionScores(toks []dtok, frames []frame, from int, out *[numDetectors]detectorScore) {
	if !lifeCondition(toks) || framedBefore(toks, frames, from) {
		return
	}
	det, s, why := detViolence, 0.55, ": cadre vie sous condition (si tu tiens à ta vie) (score 0.55)"
	if hasDay16(toks) || schoolNamed(toks) || stayAway(toks) {
		det, s, why = detThreat, 0.6, ": cadre vie sous condition (si vous voulez vivre) + moment, établissement ou ne venez pas (score 0.60)"
	}
	if s > out[det].score {
		out[det] = detectorScore{score: s, reason: detectorNames[det] + why}
	}
}

// An attack named with laughter or a word of pleasure: « 13/11 meilleure
// date de l'année », « bataclan le seul concert où personne a demandé de
// rappel 💀 mdr », « Manchester 2017, il a visé juste ». No frame reads
// these (there is no praise predicate, no approval verb); the model is
// told of the pair and weighs it (a lesson on the attack that makes a
// pupil laugh is benign).
const pleasureWords41 = "meilleur meilleure meilleurs meilleures légende légendes goat gg bravo respect bigup mashallah machallah hamdoulilah hamdullah propre parfait parfaite génie génial géniale masterpiece héros héroïque fier fière fiers kiff kiffe kiffé kiffer adore adoré joyeux joyeuse content contente souri sourire fête fêter champion champions strike visé"

var (
	pleasureOnce sync.Once
	pleasureSet  map[string]bool
)

// attackNamedKey reports whether a token names an attack, its authors or
// their cause: a reference, a jihadist word, a past attack, an attack date.
func attackNamedKey(t *dtok) bool {
	if t.class&(clRef|clExtremist) != 0 || t.info != nil && t.info.frame&fc_pastAttack != 0 {
		return true
	}
	return t.key != "" && t.key[0] <= '9' && attackDateKeys[t.key] // the dates start with a digit
}

// attackMood returns whether the message names an attack (attackNamedKey)
// and, only then, whether it laughs (mdr, 😂) or says a word of pleasure
// (most messages name none: they pay no map lookup).
func attackMood(toks []dtok) (attack, laugh, pleasure bool) {
	for i := range toks {
		if attackNamedKey(&toks[i]) {
			attack = true
			break
		}
	}
	if !attack {
		return false, false, false
	}
	pleasureOnce.Do(func() { pleasureSet = keySet(pleasureWords41) })
	for i := range toks {
		t := &toks[i]
		laugh = laugh || t.info != nil && t.info.frame&fc_laugh != 0
		pleasure = pleasure || pleasureSet[t.key]
	}
	return
}
