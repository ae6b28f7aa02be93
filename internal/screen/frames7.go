package screen

import "sync"

// The seventh round's readers: a threat against the school whose act is an
// image of its ruin (readRuin) or a device left in it (readDevice).

type ruinLex struct {
	image   map[string]bool // nouns and adjectives of ruin or death
	ruinV   map[string]bool // verb lemmas of ruin said of a place
	device  map[string]bool // nouns of a device or a parcel
	setV    map[string]bool // verb lemmas of leaving, hiding or setting a device
	timerV  map[string]bool // of them, the ones that set a time
	works   map[string]bool // building works: a building's end is no threat
	restric string          // « ne … que »
	daring  map[string]bool // courage, cran: admired daring
	oserV   map[string]bool // oser
	joinV   map[string]bool // rejoindre
	same    map[string]bool // eux, lui, pareil: after comme, emulation
}

var (
	ruinOnce sync.Once
	ruinL    *ruinLex
)

// ruinLexicon builds the word lists on first use, after the package's init
// has built the accent folding that keys need.
func ruinLexicon() *ruinLex {
	ruinOnce.Do(func() {
		ruinL = &ruinLex{
			image:   keySet("sang sanglant sanglante cendres cendre ruines ruine décombres carnage boucherie charnier cimetière morgue brasier fumée poussière cadavres cadavre corps"),
			ruinV:   keySet("embraser raser"),
			device:  keySet("engin engins colis paquet paquets sac sacs dispositif dispositifs appareil appareils valise valises bombe bombes cocotte"),
			setV:    keySet("régler programmer cacher déposer placer laisser poser planquer dissimuler"),
			timerV:  keySet("régler programmer"),
			works:   keySet("travaux chantier rénovation démolition construire reconstruire agrandissement"),
			restric: keyOf("que"),
			daring:  keySet("courage cran couilles"),
			oserV:   keySet("oser"),
			joinV:   keySet("rejoindre"),
			same:    keySet("eux lui elles pareil relève"),
		}
	})
	return ruinL
}

// readRuin reads a threat whose act is the school's ruin told as an image
// or an outcome: a clause naming the school or one of its places, in the
// future, with a word of ruin or death (« la cour sera rouge de sang », « le
// bahut partira en fumée », « il ne restera que des cendres du lycée ») or
// a verb of ruin said of it (« l'internat va s'embraser »). Building works
// in the clause make it a building's end, not a threat.
func readRuin(fts []ftok, fr *frame, subject uint8) {
	if !fr.school {
		return
	}
	rl := ruinLexicon()
	at := -1
	for i, ft := range fts {
		if at < 0 && rl.image[ft.key] {
			at = i
		}
		if at < 0 && ft.lf&lfVerb != 0 {
			for _, m := range ft.morph {
				if m.POS == POSVerb && rl.ruinV[m.Lemma] {
					at = i
				}
			}
		}
	}
	if at < 0 {
		return
	}
	// « il ne restera que des cendres »: ne … que restricts, it does not
	// deny.
	if fr.negated && !hasKeyIn(fts, rl.restric) {
		return
	}
	for i, ft := range fts {
		if ft.lf&lfVerb == 0 {
			continue
		}
		v, ok := hasVerb(ft.morph)
		if !ok {
			continue
		}
		tn, actor := verbFrame(fts, i, v, subject)
		if tn != tenseFuture {
			continue
		}
		fr.negated = false
		fr.act, fr.actTok, fr.tense, fr.actor, fr.ruin = actHarm, fts[at].tok, tn, actor, true
		return
	}
}

// readDevice reads a device claimed in the school: a device or parcel
// noun (engin, colis, sac, dispositif…) with a verb of leaving, hiding or
// setting it, not in the future (a plan or a notice: « les sacs seront
// déposés à la vie scolaire ») and not negated, and either the school or
// one of its places, or a timer verb with a time (« un engin réglé pour
// 10h15 »). « un paquet de copies » names what it holds, « mon sac » is
// the speaker's: not a device.
func readDevice(fts []ftok, fr *frame, subject uint8) {
	rl := ruinLexicon()
	dev := -1
	for i, ft := range fts {
		// An indefinite device (un, des, deux…): « mon sac », « le colis »
		// are someone's own or known. (cueDevice: rl.device[ft.key],
		// decided once per key.)
		if ft.cues&cueDevice != 0 && !(i+1 < len(fts) && (fts[i+1].key == "de" || fts[i+1].key == "d")) && !(i > 0 && knownDet[fts[i-1].key]) {
			dev = i
			break
		}
	}
	if dev < 0 {
		return
	}
	for i, ft := range fts {
		if ft.lf&lfVerb == 0 {
			continue
		}
		for _, m := range ft.morph {
			if m.POS != POSVerb || !rl.setV[m.Lemma] {
				continue
			}
			if !(fr.school || rl.timerV[m.Lemma] && fr.time) {
				return
			}
			tn, actor := verbFrame(fts, i, m, subject)
			if tn == tenseFuture || tn == tenseConditional || tn == tenseImperative || tn == tenseInfinitive {
				return
			}
			fr.act, fr.actTok, fr.tense, fr.actor, fr.device = actPlant, fts[dev].tok, tn, actor, true
			return
		}
	}
}

func ruinVerb(ms []MorphEntry, rl *ruinLex) bool {
	for _, m := range ms {
		if m.POS == POSVerb && rl.ruinV[m.Lemma] {
			return true
		}
	}
	return false
}

// negatedFuture reports whether a clause is negated (ne, n') and has a
// verb in the future: « il ne restera ».
func negatedFuture(fts []ftok) bool {
	neg := false
	for i, ft := range fts {
		if ft.key == "ne" || ft.key == "n" {
			neg = true
		}
		if !neg || ft.lf&lfVerb == 0 {
			continue
		}
		if v, ok := hasVerb(ft.morph); ok {
			if tn, _ := verbFrame(fts, i, v, actorNone); tn == tenseFuture {
				return true
			}
		}
	}
	return false
}

// readRuinAfter reads the clause after « il ne restera »: « que des
// cendres du lycée », a ruin when it names the school and a word of ruin.
func readRuinAfter(fts []ftok, fr *frame) {
	if !fr.school {
		return
	}
	rl := ruinLexicon()
	for _, ft := range fts {
		if rl.image[ft.key] {
			fr.negated = false
			fr.act, fr.actTok, fr.tense, fr.actor, fr.ruin = actHarm, ft.tok, tenseFuture, actor3, true
			return
		}
	}
}

// readAdmire reads admiration of attackers without a praise word (the
// detector needs an attacker, an attack or an extremist word named in the
// message): their daring (« ils ont eu le cran d'aller au bout », « il
// avait des couilles », « il a osé »), the wish to do as they did (« je
// veux faire comme eux », « je ferai pareil », « prendre la relève »), a
// call to join (« rejoignez-nous », « venez nous rejoindre »).
func readAdmire(fts []ftok, fr *frame, subject uint8) {
	rl := ruinLexicon()
	for i, ft := range fts {
		switch {
		case rl.daring[ft.key]:
			// « le courage de », « avoir du cran », « des couilles »: not
			// « bon courage », « courage pour le contrôle ».
			if i+1 < len(fts) && (fts[i+1].key == "de" || fts[i+1].key == "d") || hasLemma(fts[:i], lemAvoir) {
				fr.admire = true
			}
		case ft.key == "come" && i+1 < len(fts) && (rl.same[fts[i+1].key] || fr.attacker || fr.extremist || fts[i+1].cap),
			rl.same[ft.key] && ft.key != "eux" && ft.key != "lui" && ft.key != "elles":
			// emulation: the speaker's, or wished
			// « je veux faire | comme lui »: comme opens a clause of its own.
			if i == 0 && ft.key == "come" || subject == actor1 || fr.wish || hasKeyIn(fts, "je") || hasKeyIn(fts, "j") || hasKeyIn(fts, "moi") {
				fr.admire = true
			}
		case ft.lf&lfVerb != 0:
			for _, m := range ft.morph {
				if m.POS != POSVerb {
					continue
				}
				if rl.oserV[m.Lemma] {
					fr.admire = true
				}
				if rl.joinV[m.Lemma] {
					// joining what: an extremist group named in the clause
					// (« rejoignez le califat »), not a club.
					if tn, actor := verbFrame(fts, i, m, subject); fr.extremist && (tn == tenseImperative || actor == actor1 && tn != tensePast || hasKeyIn(fts, "nous")) {
						fr.admire = true
					}
				}
			}
		}
	}
}

func admireVerb(ms []MorphEntry, rl *ruinLex) bool {
	for _, m := range ms {
		if m.POS == POSVerb && (rl.oserV[m.Lemma] || rl.joinV[m.Lemma]) {
			return true
		}
	}
	return false
}

func hasLemma(fts []ftok, lemma string) bool {
	for _, ft := range fts {
		if _, ok := lemmaIs(ft.morph, lemma); ok {
			return true
		}
	}
	return false
}

// admireExcused reports whether admiration in the message is for victims
// or rescuers (« les pompiers du Bataclan ont eu un courage immense »), or
// in a lesson, a fiction or a tribute, one not named only in the short
// sentences appended after the act (from, appendedFrom).
func admireExcused(toks []dtok, frames []frame, from int) bool {
	for i := range frames {
		f := &frames[i]
		if f.start < from && (f.rescuers || f.victimFirst || f.fictionCue || f.commem || f.lesson) {
			return true
		}
	}
	for i := range toks[:from] {
		if rescuerWords[toks[i].key] {
			return true
		}
	}
	return false
}

func worksIn(fts []ftok) bool {
	for _, ft := range fts {
		if ft.cues&cueWorks != 0 { // rl.works[ft.key], decided once per key
			return true
		}
	}
	return false
}

// knownDet are the determiners of a thing known or owned.
var knownDet = map[string]bool{"mon": true, "ma": true, "mes": true, "ton": true, "ta": true, "tes": true, "son": true, "sa": true,
	"ses": true, "notre": true, "nos": true, "votre": true, "vos": true, "leur": true, "leurs": true, "le": true, "la": true,
	"les": true, "l": true, "ce": true, "cet": true, "cette": true, "ces": true}
