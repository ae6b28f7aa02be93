package screen

import "strings"

// Twenty-sixth round: a caption appended after an act anchored in the
// reader's world frames nothing. An act is anchored when the message,
// before its appended sentences (appendedFrom), names a time (demain,
// lundi, ce soir), the school, the reader, the speaker acting, or foretells
// the act (future, intent, order). Then:
//   - a fiction named only in the caption (« … Bon film à tous », « Super
//     série. ») does not narrate the act (setting);
//   - the lexicon's lesson, report, drill or tribute negators in the
//     caption do not lower the act's score (scoreAll);
//   - an instruction is a caption too (« … je craque une allumette.
//     Expliquez pour l'exposé »; appendedFrom);
//   - the caption's act-less clauses lose their lesson, drill and report
//     flags (uncaption), from which the learned model reads « message :
//     enseignement / exercice / compte rendu » and pupilScores turns « tu
//     vas voir » off.
// A film review tells its plot in the present, of no one here: « Il tue
// tout le monde à la fin. Super film. » A history assignment tells the past
// of others: « En 1572, les catholiques massacrent les protestants.
// Expliquez pourquoi. » Neither is anchored, and both keep their frame.

// anchoredBefore reports whether the message before token from places an
// act in the reader's world: from its frames, or from its tokens when no
// frame was parsed (the fifteenth round's components are read without:
// « ce soir j'arrose le hall d'essence »).
func anchoredBefore(toks []dtok, frames []frame, from int) bool {
	for i := range frames {
		f := &frames[i]
		if f.start >= from || f.negated {
			continue
		}
		if f.time || f.school || f.target2 {
			return true
		}
		if f.act == actNone {
			continue
		}
		if f.actor == actor1 || f.actor == actor2 {
			return true
		}
		switch f.tense {
		case tenseFuture, tenseImperative, tenseIntent:
			return true
		}
	}
	if frames != nil {
		return false // the tokens' subject or school word alone is no act: « J'ai vu Elephant hier. »
	}
	for i := 0; i < from && i < len(toks); i++ {
		ki := toks[i].info
		if ki == nil {
			continue
		}
		if ki.subj == actor1 || ki.subj == actor2 || ki.frame&fc_school != 0 || ki.c15&(c15When|c15Future) != 0 {
			return true
		}
	}
	return false
}

// captionFrom is appendedFrom when the act before it is anchored
// (anchoredBefore) and the caption is not introduced by a colon, len(toks)
// otherwise: a caption after a bare mention (« combustion, explosion.
// Chapitre 6 ») still frames it, and what follows a colon tells what the
// message is (« Exercice PPMS jeudi : confinement dans les salles »).
func captionFrom(src string, toks []dtok, frames []frame) int {
	return captionAt(src, toks, frames, appendedFrom(toks, frames))
}

// captionAt is captionFrom given appendedFrom(toks, frames).
func captionAt(src string, toks []dtok, frames []frame, from int) int {
	if from >= len(toks) || from == 0 || afterColon(src, toks, from) || !anchoredBefore(toks, frames, from) {
		return len(toks)
	}
	return from
}

// afterColon reports whether a colon stands between tokens i-1 and i.
func afterColon(src string, toks []dtok, i int) bool {
	a, b := toks[i-1].end, toks[i].start
	if a < 0 || b > len(src) || a > b {
		return false
	}
	return strings.IndexByte(src[a:b], ':') >= 0
}

// uncaption clears the lesson, drill and report flags of the act-less
// clauses of a caption after an anchored act (captionFrom), from which the
// learned model reads « message : enseignement / exercice / compte
// rendu »: « demain vous vivez vos derniers jours au lycée. Pour
// l'exposé. » A game keeps its flag: the clause next to an act makes it a
// match (« on va les défoncer. Bon match »).
func uncaption(src string, toks []dtok, frames []frame) {
	from := -1
	for i := range frames {
		f := &frames[i]
		if !(f.lesson || f.drill || f.report) || f.act != actNone {
			continue
		}
		if from < 0 {
			from = captionFrom(src, toks, frames)
		}
		if f.start >= from {
			f.lesson, f.drill, f.report = false, false, false
		}
	}
}

// captionedFiction reports whether every clause naming a fiction stands in
// a caption after an anchored act (captionFrom).
func captionedFiction(src string, toks []dtok, frames []frame) bool {
	from := captionFrom(src, toks, frames)
	if from >= len(toks) {
		return false
	}
	for i := range frames {
		if frames[i].fictionCue && frames[i].start < from {
			return false
		}
	}
	return true
}
