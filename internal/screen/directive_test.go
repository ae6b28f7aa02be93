package screen

import "testing"

// TestStressedPronounEndsPhrase checks that a pronoun after a preposition
// ends its phrase, so a subject after it opens a run-on clause and the
// condition's game does not frame the threat: « si tu joues au foot avec
// nous on te casse les jambes ». Sentences written for the test.
func TestStressedPronounEndsPhrase(t *testing.T) {
	for _, c := range []struct {
		text   string
		framed bool
	}{
		{"si tu joue encore au foot avec nous on te casse les jambes", false},
		{"si tu reviens au foot avec eux je te plante", false},
		{"viens jouer au foot avec nous on va les massacrer", true},
	} {
		f, ok := actFrame(c.text)
		if !ok {
			t.Errorf("%q: no act", c.text)
			continue
		}
		if f.framed() != c.framed {
			t.Errorf("%q: framed %v, want %v (frame %+v)", c.text, f.framed(), c.framed, f)
		}
	}
}

// TestDirective checks that the speaker's order to others to harm is an
// incitation, not a report (« j'ai dit à mes potes de te frapper »), while
// an order not to harm and what others said stay as they were. Sentences
// written for the test.
func TestDirective(t *testing.T) {
	for _, c := range []struct {
		text           string
		report, incite bool
	}{
		{"j'ai dit a tout mes potes de te frapper a chaque fois qu'ils te voient", false, true},
		{"je lui ai dit de te tabasser demain", false, true},
		{"il a dit à ses potes de te frapper", true, false},
		{"Mon fils m'a dit qu'un élève voulait le frapper", true, false},
	} {
		f, ok := actFrame(c.text)
		if !ok {
			t.Errorf("%q: no act", c.text)
			continue
		}
		if f.report != c.report || f.incite != c.incite {
			t.Errorf("%q: report %v incite %v, want %v %v", c.text, f.report, f.incite, c.report, c.incite)
		}
	}
	// An order not to harm is negated, and no incitation.
	if f, ok := actFrame("j'ai dit à mon fils de ne pas frapper son camarade"); ok && f.incite {
		t.Errorf("an order not to hit: incitation (frame %+v)", f)
	}
}
