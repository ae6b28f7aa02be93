package screen

// Twenty-second round: a framing word frames the act only from within its
// phrase. A drill, lesson, report or game named in the act's clause used
// to lower the score wherever it stood in that clause, so a threat with
// school words run on after it (« … et vous planter tous exposé vendredi
// parents ») read as school work: rules 0.84 → 0.24, model p 1.00 → 0.04.
// A framing noun now frames the act when it
//
//   - heads the act's phrase, before the act with no new subject between
//     them: « Exercice attentat intrusion dans le gymnase », « la police
//     a trouvé une arme »; before a new subject it heads the clause (« la
//     finale UNSS on va les tuer ») only for an act that is not aimed at
//     the reader or the school, or armed (exposedAct);
//   - or is introduced by a preposition, through at most two determiners
//     or adjectives: « je t'explose au match de hand », « en cours
//     d'histoire on étudie les attentats », « pour mon exposé ».
//
// A bare noun after the act (a list of words appended), or before a new
// subject and such an act (« exposé vendredi parents je vais … vous
// planter »), is padding: it frames
// nothing, and the lexicon's framing negators anchored on it do not count
// as in the act's clause (scoreAll). A framing clause apart (« Pour
// l'exposé, il faut expliquer comment … ») is read as before. The acts the
// later readers find (harm, body, pupil, ruin, device) have no token and
// keep the clause-wide reading.

// framingPreps introduce a framing noun into the act's phrase.
var framingPreps = keySet("à a au aux en pour pendant durant lors dans de d du des sur avec après avant par")

// framingWord returns the framing classes (fc_reportN, fc_drill,
// fc_lesson, fc_play) of fts[i]: « cours » after « après » or « fin » says
// when, and « devoir » before a clitic or an infinitive is the modal.
func framingWord(fts []ftok, i int) uint32 {
	ft := &fts[i]
	fw := ft.fc & (fc_reportN | fc_drill | fc_lesson | fc_play)
	if fw&fc_lesson != 0 {
		k := ft.key
		if k == "cours" && i >= 2 && (whenCours[fts[i-1].key] || whenCours[fts[i-2].key]) ||
			k == "devoir" && i+1 < len(fts) && (fts[i+1].fc&fc_clitic != 0 || fts[i+1].lf&lfVerb != 0 && !isFinite(fts[i+1].morph)) ||
			i >= 2 && teacherOf(fts[i-2].key, fts[i-1].key) {
			fw &^= fc_lesson
		}
	}
	return fw
}

// actIndex returns the index in fts of the clause's act token, or -1.
func actIndex(fts []ftok, fr *frame) int {
	if fr.act == actNone || fr.actTok < 0 {
		return -1
	}
	for j := range fts {
		if fts[j].tok == fr.actTok {
			return j
		}
	}
	return -1
}

// lastSubject returns the index of the last subject pronoun before at,
// or -1.
func lastSubject(fts []ftok, at int) int {
	for j := at - 1; j >= 0; j-- {
		if fts[j].subj != actorNone {
			return j
		}
	}
	return -1
}

// framesAct reports whether the word at fts[j] stands in the phrase of
// the act at fts[at] (see the top of the file); subj is lastSubject(fts,
// at).
func framesAct(toks []dtok, fts []ftok, j, at, subj int, exposed bool) bool {
	if j <= at && (j >= subj || !exposed) {
		return true
	}
	for k, skipped := j-1, 0; k >= 0 && skipped <= 2; k-- {
		if framingPreps[fts[k].key] {
			return true
		}
		if k == at || !modifier(fts[k]) && !(k == j-1 && k > 0 && framingPreps[fts[k-1].key] && plainNoun(toks, fts[k])) {
			return false
		}
		skipped++
	}
	return false
}

// plainNoun reports whether ft, between a preposition and a framing noun,
// can be the first word of its name (« à Mario Kart »): no verb, pronoun
// or frame word, no place, time or target.
func plainNoun(toks []dtok, ft ftok) bool {
	return ft.fc == 0 && ft.subj == actorNone && ft.lf&lfVerb == 0 && ft.act == actNone && ft.noun == actNone &&
		toks[ft.tok].class&(clPlace|clTime|clTarget) == 0
}

// exposedAct reports whether the clause's act is aimed at the reader or
// the school, or armed: a framing noun heading the clause before a
// new subject (« la finale UNSS on va les tuer ») frames only an act that
// is none of these, as a game in the clause next to it does (frameScores).
func exposedAct(fr *frame) bool {
	return fr.target2 || fr.school || fr.weapon
}

// modifier reports whether ft can stand between a preposition and its
// noun: a determiner, a number or an adjective that goes before the noun
// (« pour le grand exposé », « au prochain match », « le 2e exercice »).
// The morphology table holds few adjectives: they are listed here.
func modifier(ft ftok) bool {
	if ft.fc&fc_det != 0 || isNumber(ft.key) {
		return true
	}
	switch ft.key {
	case "le", "la", "les", "l":
		return true
	}
	return prenominal[ft.key]
}

var prenominal = keySet("prochain prochaine prochains prochaines dernier dernière derniers dernières premier première premiers premières deuxième troisième second seconde grand grande grands grandes petit petite petits petites gros grosse nouveau nouvel nouvelle nouveaux bon bonne bons bonnes beau bel belle vrai vraie même autre autres seul seule fameux fameuse gros énorme super")

// framingFlags sets the clause's framing flags from its framing nouns
// (framing, their classes) and marks the clause's tokens that stand apart
// from its act (dtok.detached) for the lexicon's negators.
func framingFlags(toks []dtok, fts []ftok, fr *frame, framing uint32) {
	at := actIndex(fts, fr)
	if at >= 0 {
		subj, exposed := lastSubject(fts, at), exposedAct(fr)
		announced := announcedAct(fts, at, fr)
		framing = 0
		for j := range fts {
			if framesAct(toks, fts, j, at, subj, exposed) {
				fw := framingWord(fts, j)
				if announced && periodLesson(fts, j) {
					fw &^= fc_lesson // « mardi en SVT je vais tous vous planter »
				}
				framing |= fw
			} else {
				toks[fts[j].tok].detached = true
			}
		}
	}
	fr.report = fr.report || framing&fc_reportN != 0
	fr.drill = fr.drill || framing&fc_drill != 0
	fr.lesson = fr.lesson || framing&fc_lesson != 0
	fr.play = fr.play || framing&fc_play != 0
}

// periodLesson reports whether the lesson word at fts[j] names a period
// of the timetable, not a subject of study: « en SVT », « en cours
// d'histoire ».
func periodLesson(fts []ftok, j int) bool {
	if j >= 1 && fts[j-1].key == "en" {
		return true
	}
	return j >= 3 && (fts[j-1].key == "de" || fts[j-1].key == "d") && fts[j-2].key == "cours" && fts[j-3].key == "en"
}

// announcedAct reports whether the clause's act is a verb the speaker
// announces (first person, not past) or orders, aimed at the reader, a
// group, the school or armed: a class period named in its phrase says
// when, and frames nothing (fortieth round).
func announcedAct(fts []ftok, at int, fr *frame) bool {
	if fts[at].lf&lfVerb == 0 || fr.negated {
		return false
	}
	switch {
	case fr.tense == tenseImperative:
	case fr.actor == actor1 && (fr.tense == tenseFuture || fr.tense == tensePresent || fr.tense == tenseIntent):
	default:
		return false
	}
	return fr.target2 || fr.targetGrp || fr.school || fr.weapon
}

// framingNeg are the lexicon's negators that frame an act (a drill, a
// procedure, a lesson, a report, a game, a tribute, praise): anchored on a
// detached token, they are not in the act's clause.
var framingNeg = func() (m [numFeatures]bool) {
	for _, f := range []feature{ngDrill, ngProcedure, ngLesson, ngReport, ngGame, ngPositive, ngCommem} {
		m[f] = true
	}
	return
}()
