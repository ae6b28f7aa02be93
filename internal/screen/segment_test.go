package screen

import (
	"strings"
	"testing"
)

// TestBuriedSentenceHeldOnItsSegment: one harmful sentence in the middle
// of a teacher's long ordinary message. The message's courtesy (« je vous
// rappelle », « Merci ») lowers the rules under their hold line and its
// ordinary words outweigh the sentence in the model's whole-text sum; the
// model reads the sentence alone at SegmentHoldLine and holds the message
// for a moderator, with its reason. A harmless sentence with an alarming
// word, in the same message, is not held.
func TestBuriedSentenceHeldOnItsSegment(t *testing.T) {
	e := New(DefaultConfig())
	host := teacherLetter
	for _, c := range []struct {
		sentence string
		held     bool
	}{
		{"Un sac piégé attend dans la salle des profs, il explose à la sonnerie de 10h.", true},
		// « Ce sera un carnage à la cantine demain, restez loin du
		// lycée. » was here: since the fortieth round its frame (a grave
		// act at the school at a time to come) is agentive, and the rules
		// hold the whole message, confirmed by the segment; it is no
		// longer buried.
		{"Il y aura des morts à la cantine demain, restez loin du lycée.", true},
		{"Vous avez jusqu'à 11h pour évacuer le collège, après tout explose.", true},
		{"Pour l'exposé sur la Résistance, le groupe parle des sabotages et des attentats contre les trains.", false},
		{"L'exercice PPMS attentat-intrusion aura lieu vendredi à 10h, les élèves resteront confinés.", false},
		{"Le spectacle de fin d'année a fait un carton, bravo aux élèves !", false},
	} {
		text := strings.Join(append(append(append([]string(nil), host[:4]...), c.sentence), host[4:]...), "\n")
		r := e.Check(Input{Text: text})
		seg := false
		for _, why := range r.Reasons {
			seg = seg || strings.Contains(why, "(modèle, sur une phrase,")
		}
		if (r.Verdict == Hold) != c.held || seg != c.held {
			t.Errorf("%q in a long message: %s %.3f %q, want held on its segment %v", c.sentence, r.Verdict, r.Score, r.Reasons, c.held)
		}
		if r.Verdict == Reject {
			t.Errorf("%q: rejected; a segment's hold never rejects", c.sentence)
		}
		// Without the hold (the rules only flag it), the whole text would
		// not hold it: the dilution this hold is for.
		if c.held && e.model != nil {
			if _, p := e.model.strongest(fvOf(e, text)); p >= e.model.Meta.HoldAt {
				t.Errorf("%q: the whole text already reaches the line (p %.2f): not a buried sentence", c.sentence, p)
			}
		}
	}
}

// teacherLetter is a teacher's long ordinary message, line by line, that
// the tests bury a sentence in.
var teacherLetter = []string{
	"Bonjour à toutes et à tous,",
	"je vous rappelle que la réunion parents-professeurs de la classe de 4e B aura lieu jeudi 12 décembre à 18h en salle polyvalente.",
	"Merci de confirmer votre présence via le coupon distribué aux élèves.",
	"Les professeurs principaux seront disponibles pour des entretiens individuels de dix minutes.",
	"Pensez à apporter le carnet de correspondance et le dernier bulletin.",
	"En cas d'empêchement, vous pouvez demander un rendez-vous par l'ENT.",
	"Bien cordialement, M. Martin, professeur principal.",
}

// fvOf returns the model's features of text (for tests).
func fvOf(e *Engine, text string) *featureVec {
	fv := &featureVec{}
	e.analyzeModel(Input{}, text, ExtractLinks(text), func(f *featureVec) {
		fv.idx = append([]uint32(nil), f.idx...)
		fv.val = append([]float32(nil), f.val...)
	})
	return fv
}
