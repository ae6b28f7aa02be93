package screen

import "testing"

// TestConfirmLine46 checks the line at which the model confirms the text
// detectors' hold: its own line under StrongRules, RuleConfirm (or the
// line if lower) from it, RejectConfirm at the reject line.
func TestConfirmLine46(t *testing.T) {
	for _, c := range []struct{ rules, line, want float64 }{
		{0.5, 0.75, 0.75},
		{0.69, 0.75, 0.75},
		{StrongRules, 0.75, RuleConfirm},
		{0.8, 0.4, 0.4},
		{0.85, 0.75, RejectConfirm},
		{0.95, 0.1, 0.1},
	} {
		if got := ConfirmLine(c.rules, 0.85, c.line); got != c.want {
			t.Errorf("ConfirmLine(%.2f, 0.85, %.2f) = %.2f, want %.2f", c.rules, c.line, got, c.want)
		}
	}
}

// TestWeakRulesWaitForTheLine46: a hold the rules give under StrongRules
// is confirmed only where the model reaches its line (on the text or a
// segment), a strong one from RuleConfirm; a model that reads every text
// alike stands for the model. The sentences were written for the tests
// of earlier rounds (blind15_test.go's look t23, round45_test.go).
func TestWeakRulesWaitForTheLine46(t *testing.T) {
	const weak = "Le directeur devrait faire attention en rentrant chez lui. Les pneus c'était un début, la prochaine fois c'est sa maison qui prendra feu."
	const strong = "je vais le planter demain à la sortie"
	for _, text := range []string{weak, strong} {
		r := New(Config{NoTextModel: true}).Check(Input{Text: text})
		if r.Verdict != Hold {
			t.Fatalf("rules alone on %q: %v %.2f, want hold", text, r.Verdict, r.Score)
		}
		if text == weak && r.Score >= StrongRules || text == strong && r.Score < StrongRules {
			t.Fatalf("rules alone on %q: %.2f, on the wrong side of StrongRules", text, r.Score)
		}
	}
	at := func(p, line float64) *Model {
		m := constModel(p)
		m.Meta.HoldAt, m.Meta.Student = line, line
		return m
	}
	for _, c := range []struct {
		text    string
		p, line float64
		want    Verdict
	}{
		{weak, 0.6, 0.99, Deliver}, // at 0.5 it was held
		{weak, 0.3, 0.99, Deliver},
		{strong, 0.6, 0.99, Hold},
		{strong, 0.3, 0.99, Deliver},
	} {
		if got := New(Config{TextModel: at(c.p, c.line)}).Check(Input{Text: c.text}); got.Verdict != c.want {
			t.Errorf("model at %.2f, line %.2f, on %q: %v %.2f %v, want %v", c.p, c.line, c.text, got.Verdict, got.Score, got.Reasons, c.want)
		}
	}
}
