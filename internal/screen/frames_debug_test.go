package screen

import (
	"fmt"
	"testing"
)

func dumpFrames(text string) []frame {
	a := analyze(text)
	toks := buildTokens(a, nil)
	clause := make([]int, len(toks))
	return parseFrames(a.src, toks, clause, nil)
}

func TestFramesDump(t *testing.T) {
	for _, s := range []string{
		"Bonsoir, je tenais à vous informer qu'une bombe est posée dans le réfectoire. Cordialement.",
		"Il y a du TNT dans le local à vélos, j'appuie sur le bouton à 16h.",
		"Je suis armé et je suis dans le lycée. Enfermez-vous si vous voulez vivre.",
		"Tuez ceux qui ne croient pas en Allah.",
		"Daech vaincra, vos enfants ne sont pas en sécurité.",
		"QUI VOTE POUR TUER JULIE",
		"Je vais brûler ta maison avec ta famille dedans.",
		"j'vais te tuer demain", "jvais te buter", "Je te tuerai.",
		"Un élève a écrit qu'il allait poser une bombe.",
		"on va tout exploser au match samedi",
	} {
		for _, f := range dumpFrames(s) {
			fmt.Printf("%-60.60q act=%s actor=%s tense=%s neg=%v t2=%v grp=%v name=%v place=%v time=%v inc=%v appr=%v rep=%v pres=%v\n", s, actNames[f.act], actorNames[f.actor], tenseNames[f.tense], f.negated, f.target2, f.targetGrp, f.targetName, f.place, f.time, f.incite, f.approve, f.report, f.presence)
		}
	}
}

func TestIssueDump(t *testing.T) {
	e := New(DefaultConfig())
	for _, s := range []string{
		"Bonsoir, je tenais à vous informer qu'une bombe est posée dans le réfectoire. Cordialement.",
		"Il y a du TNT dans le local à vélos, j'appuie sur le bouton à 16h.",
		"Je suis armé et je suis dans le lycée. Enfermez-vous si vous voulez vivre.",
		"Tuez ceux qui ne croient pas en Allah.",
		"Daech vaincra, vos enfants ne sont pas en sécurité.",
		"QUI VOTE POUR TUER JULIE",
		"Je vais brûler ta maison avec ta famille dedans.",
		"jeux gratuits et des cheats pour booster tes parties en ligne",
		"on va tout exploser au match samedi",
	} {
		r := e.Check(Input{Text: s})
		fmt.Printf("%-7s %.2f %-50.50q %v\n", r.Verdict, r.Score, s, r.Reasons)
	}
}
