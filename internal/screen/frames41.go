package screen

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
