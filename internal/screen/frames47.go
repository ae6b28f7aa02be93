package screen

import "sync"

// A death approved (« c'est bien que le prof soit mort », « tant mieux
// qu'il soit crevé », « je suis content qu'ils aient été tués ») and a
// killing called right (« il a eu raison de le tuer », « ils ont eu
// raison de le faire »). Both are justifications: the clause gets the
// frame's justification, which the model weighs as it weighs « ils l'ont
// bien cherché », and which holds with an attack named (frameScores).
// The approval stands at the end of the clause before que; the death is
// a participle of dying or of a killing act in the que clause, which is
// not negated (« heureusement que personne n'est mort »).

var (
	approveOnce                sync.Once
	deathApprovals, deathWords map[string]bool
	lemCrever                  string
)

func approveSets() {
	approveOnce.Do(func() {
		deathApprovals = keySet("bien mieux heureusement content contente contents contentes ravi ravie ravis ravies cool génial géniale parfait super soulagé soulagée")
		deathWords = keySet("mort morte morts mortes")
		lemCrever = keyOf("crever")
	})
}

// approvedBefore reports whether the clause fts (before a que clause)
// ends with an approval: « c'est bien », « je suis content »,
// « heureusement », « tant mieux », with at most one adverb after it
// (« c'est bien franchement »). A negated clause approves nothing.
func approvedBefore(fts []ftok) bool {
	approveSets()
	n := len(fts)
	for i := n - 1; i >= 0 && i >= n-2; i-- {
		if deathApprovals[fts[i].key] {
			for j := 0; j < i; j++ {
				if fts[j].fc&fc_neg != 0 || fts[j].key == "ne" || fts[j].key == "n" {
					return false
				}
			}
			switch fts[i].key {
			case "mieux": // « tant mieux », not « le mieux »
				return i > 0 && fts[i-1].key == "tant"
			case "bien": // « c'est bien », not « je sais bien » or « il faut bien »
				if i == 0 {
					return false
				}
				_, etre := lemmaIs(fts[i-1].morph, lemEtre)
				return etre || fts[i-1].key == "c"
			}
			return true
		}
	}
	return false
}

// deathTold reports whether the clause fts tells a death: a form of
// mourir or crever, or the participle of a killing act (tuer, abattre,
// égorger, décapiter, poignarder…), not negated.
func deathTold(fts []ftok) bool {
	approveSets()
	found := false
	for i := range fts {
		ft := &fts[i]
		if ft.fc&fc_neg != 0 || ft.key == "ne" || ft.key == "n" {
			return false
		}
		// « mort de rire », « morte de peur »: a state, not a death.
		if i+1 < len(fts) && (fts[i+1].key == "de" || fts[i+1].key == "d") {
			continue
		}
		if deathWords[ft.key] {
			found = true
			continue
		}
		for _, m := range ft.morph {
			if m.POS != POSVerb {
				continue
			}
			if m.Lemma == lemMourir || m.Lemma == lemCrever {
				found = true
			}
			if m.Moods&MoodPastParticiple != 0 && ft.act != actNone {
				switch ft.act {
				case actKill, actBehead, actStab, actShoot:
					found = true
				}
			}
		}
	}
	return found
}

// rightToKill reports whether « raison » at fts[i] takes de and a
// killing: « raison de le tuer », « raison de le faire »; « raison de
// réviser » is no justification.
func rightToKill(fts []ftok, i int) bool {
	j := i + 2
	if j >= len(fts) || fts[i+1].key != "de" && fts[i+1].key != "d" {
		return false
	}
	for ; j < len(fts) && j <= i+3 && fts[j].fc&fc_clitic != 0; j++ {
	}
	if j >= len(fts) {
		return false
	}
	if fts[j].act != actNone {
		return true
	}
	// faire with a clitic before it stands for the act told before: « raison
	// de le faire ». (« faire ça » is two clauses to the frames: ça opens a
	// run-on clause after a subject and a verb.)
	_, ok := lemmaIs(fts[j].morph, lemFaire)
	return ok && j > i+2
}

// hearsayNouns are what carries words the writer passes on: a message, a
// rumour, a post.
var hearsayNouns = sync.OnceValue(func() map[string]bool {
	return keySet("message messages rumeur rumeurs post posts story stories texto textos sms mail mails snap vocal chaîne")
})

// hearsay reports whether the clause fts[start:end] tells what a message
// or a rumour says: it opens with « comme quoi » (or follows one), or
// with « qui parle de » after a message named in the words before it
// (« un message qui circule qui parle d'une bombe »).
func hearsay(fts []ftok, start, end int) bool {
	for j := max(0, start-1); j < end-1 && j <= start+1; j++ {
		if fts[j].key == "come" && fts[j+1].key == "quoi" {
			return true
		}
	}
	if fts[start].key != "qui" || start+1 >= end {
		return false
	}
	if k := fts[start+1].key; k != "parle" && k != "parlent" && k != "parlait" && k != "parlaient" {
		return false
	}
	for j := start - 1; j >= 0 && j >= start-6; j-- {
		if hearsayNouns()[fts[j].key] {
			return true
		}
	}
	return false
}
