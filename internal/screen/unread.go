package screen

import "fmt"

// A text the screen cannot read is an unknown state. Most of its words
// unknown to the French lexicon (lang.go), it finds no frame, and the
// model has seen too few rows in its language to judge it: on sets
// written in other languages the model held about half of the harmful
// messages, and under a fifth in the languages furthest from French.
// When such a text also carries words of harm in the cross-language
// lexicon (xlex.go) — an act with its target or time, terror with praise,
// intimate images made public, an account to verify — it is held for a
// moderator unless the model reads it as plainly harmless
// (UnreadModelGate): fail closed. A text in another language without
// those words is delivered as before.

// UnreadModelGate is the model probability under which an unread text
// with words of harm is still delivered. The model reads little of such a
// text, but what it reads is evidence: on three sets in other languages
// it never trained on (blind100, 111, 112), holding every unread text with
// words of harm held 63 more of their 435 harmful messages and 23 more of
// their 345 benign ones (the benign half of each set is hard cases:
// lessons, reports, drills); holding those at p ≥ 0.3 held 59 and 13
// (0.1: 62 and 20; 0.2: 61 and 17). Chosen on those sets, so they no
// longer measure it; blind121 and 122, written after, do. Raised to 0.5 in
// the forty-sixth round, on the 26 sets of training rows the embedded
// model never trained on (blind388–435): from 0.3 to 0.4 the gate let
// through 14 more harmful rows and 9 fewer benign ones were held, from 0.4
// to 0.5 12 and 7, from 0.5 to 0.6 20 and 4. Under 0.5 the band held
// harmful and benign rows at under two to one, when the lines of
// UnreadModelLine were taken at three to one and more. Since the
// fifty-first round UnreadModelLine is 0.5 too, so every text the gate
// holds would be held on the model's probability alone: the gate decides
// only the reason, which names the words of harm the lexicon found. The
// round's cross-validation (below) moved the gate from 0.7 to 0.5 with no
// row changing.
const UnreadModelGate = 0.5

// UnreadModelLine is the model probability at which a text is held when
// the lexicon does not know partReadShare of its words or more (half
// until the fifty-first round; lang.go), even with no word of
// harm the cross-language lexicon knows: the model's line (Model.Line) is
// set on benign rows that are mostly French, and on a text it reads
// little of, its probabilities fall short of it. Chosen on the 26 sets of
// training rows the embedded model never trained on (blind388–435, 3,852
// harmful and 2,948 benign rows). For the unread texts (three quarters of
// their words unknown), holding at 0.7 held 25 more harmful rows and 2
// more benign ones, at 0.6 65 and 8, at 0.55 82 and 14, at 0.5 108 and
// 29; then for the texts with half their words unknown, at 0.65 13 and 4,
// at 0.6 29 and 4.
//
// Fifty-first round, chosen again for the model retrained that round, by
// the grouped cross-validation that chose headLines (the five models each
// scoring the training-row sets it did not train on: 39,916 harmful and
// 29,276 benign rows), with the heads at their chosen lines: from 0.7
// down by 0.05, 0.65 +6/+0, 0.6 +66/+13, 0.55 +84/+26, 0.5 +142/+23,
// 0.45 +149/+65 (stop: 0.5, the last step of three harmful rows or more
// for each benign one). The sealed sets' benign budget kept it there
// (docs/screen/NOTES.md, « Fifty-first round »).
const UnreadModelLine = 0.5

// The concept groups unreadHarm reads.
const (
	unreadActs  = 1<<xlBombe | 1<<xlExploser | 1<<xlTuer | 1<<xlTirer | 1<<xlEgorger | 1<<xlAttaque | 1<<xlBruler
	unreadHarms = 1<<xlArme | 1<<xlCouteau | 1<<xlFrapper | 1<<xlMort | 1<<xlMenace
	unreadAimed = 1<<xlEcole | 1<<xlMoment | 1<<xlToi | 1<<xlTous
)

// unreadHarm returns the name of the harm an unread text carries, or "".
func unreadHarm(xl uint32) string {
	switch {
	case xl&unreadActs != 0 && xl&unreadAimed != 0:
		return "un acte visant une cible"
	case xl&unreadHarms != 0 && xl&unreadAimed != 0:
		return "une arme ou un coup visant une cible"
	case xl&(1<<xlTerreur) != 0 && xl&(1<<xlEloge) != 0:
		return "le terrorisme loué"
	case xl&(1<<xlIntime) != 0 && xl&(1<<xlDiffuser) != 0:
		return "des images intimes diffusées"
	case xl&(1<<xlCompte) != 0 && xl&(1<<xlVerifier|1<<xlLien) != 0:
		return "un compte à vérifier"
	}
	return ""
}

// unreadFinding is the finding of an unread text with harm in it.
func unreadFinding(xl uint32, holdAt float64) (finding, bool) {
	what := unreadHarm(xl)
	if what == "" {
		return finding{}, false
	}
	return finding{holdAt, fmt.Sprintf("policy: texte dans une langue que le filtre ne lit pas, avec des mots de menace (%s) (score %.2f)", what, holdAt)}, true
}

// unreadModelFinding is the finding of a text the lexicon reads little of
// that the model reads as harmful at UnreadModelLine or more, under its
// own line.
func unreadModelFinding(p, holdAt float64) finding {
	return finding{holdAt, fmt.Sprintf("policy: texte que le filtre lit mal (%.0f\u00a0%% de ses mots ou plus lui sont inconnus), que le modèle lit comme nuisible (p %.2f) (score %.2f)", partReadShare*100, p, holdAt)}
}
