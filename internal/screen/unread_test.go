package screen

import (
	"strings"
	"testing"
)

// unreadOf reads a text as the engine does and returns whether it is
// unread and its cross-language concepts.
func unreadOf(text string) (bool, uint32) {
	var fv featureVec
	analyzeText(text, &fv, nil)
	return fv.unread, fv.xlFound
}

// TestUnreadHarm checks the fail-closed reading of texts the lexicon
// cannot read (unread.go), without the model: which texts are unread, and
// which concepts make one a matter for a moderator. The sentences are
// written for the test.
func TestUnreadHarm(t *testing.T) {
	for _, c := range []struct {
		text   string
		unread bool
		harm   bool
	}{
		{"Domani porto una bomba a scuola, nessuno uscirà vivo.", true, true},
		{"Morgen bringe ich eine Waffe mit in die Schule und erschieße alle.", true, true},
		{"Jutro wysadzę szkołę w powietrze, wszyscy zginiecie.", true, true},
		{"Es lebe der Islamische Staat, Ruhm den Märtyrern.", true, true},
		{"Your account will be blocked, verify your password at this link today.", true, true},
		// other languages, nothing of harm
		{"Guten Tag, meine Tochter ist heute krank und kommt morgen wieder in die Schule.", true, false},
		{"Buongiorno professoressa, posso venire al colloquio giovedì alle cinque?", true, false},
		{"Dzień dobry, czy jutro jest wycieczka do muzeum?", true, false},
		// French, read by the French frames whatever it says
		{"Demain je pose une bombe au collège.", false, true},
		{"Bonjour, la réunion des parents est jeudi à 18 h.", false, false},
	} {
		unread, xl := unreadOf(c.text)
		if unread != c.unread {
			t.Errorf("%q: unread %v, want %v", c.text, unread, c.unread)
		}
		if !c.unread {
			continue
		}
		if got := unreadHarm(xl) != ""; got != c.harm {
			t.Errorf("%q: harm %q, want %v (concepts %b)", c.text, unreadHarm(xl), c.harm, xl)
		}
	}
}

// TestUnreadPolicy checks that the engine holds an unread text with
// words of harm as a policy finding (a moderator reads it), delivers
// unread texts without them, and that the finding needs the model: with
// the model off, the text is read by the rules alone, as before.
func TestUnreadPolicy(t *testing.T) {
	const reason = "langue que le filtre ne lit pas"
	policy := func(r Result) bool {
		for _, why := range r.Reasons {
			if strings.HasPrefix(why, "policy:") && strings.Contains(why, reason) {
				return true
			}
		}
		return false
	}
	e := New(DefaultConfig())
	held := "Domani porto una bomba a scuola alle dieci, nessuno uscirà vivo."
	if r := e.Check(Input{Text: held}); r.Verdict == Deliver || !policy(r) {
		t.Errorf("%q: %s %v, want held with the unread policy's reason", held, r.Verdict, r.Reasons)
	}
	for _, text := range []string{
		"Buongiorno professoressa, posso venire al colloquio giovedì alle cinque?",
		"Guten Tag, meine Tochter ist heute krank und kommt morgen wieder in die Schule.",
	} {
		if r := e.Check(Input{Text: text}); r.Verdict != Deliver {
			t.Errorf("%q: %s %v", text, r.Verdict, r.Reasons)
		}
	}
	cfg := DefaultConfig()
	cfg.NoTextModel = true
	if r := New(cfg).Check(Input{Text: held}); policy(r) {
		t.Errorf("model off: %q has the unread policy's reason: %v", held, r.Reasons)
	}
}
