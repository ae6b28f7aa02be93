package synth

import "testing"

// The eighth and twelfth rounds' families are optional: Generate leaves them out,
// GenerateWith adds the ones named, and the others' messages stay the same.
func TestOptionalFamilies(t *testing.T) {
	base := Generate(1, 20)
	for _, g := range base {
		if _, ok := OptionalFamilies()[g.Family]; ok {
			t.Fatalf("Generate made a message of optional family %s", g.Family)
		}
	}
	with := GenerateWith(1, 20, map[string]bool{"group_threat": true, "quant_benign": true})
	n := map[string]int{}
	var rest []Example
	for _, g := range with {
		n[g.Family]++
		if g.Family != "group_threat" && g.Family != "quant_benign" {
			rest = append(rest, g)
		}
	}
	if n["group_threat"] != 20 || n["quant_benign"] != 20 || n["school_quant"] != 0 {
		t.Fatalf("optional families generated: %v", n)
	}
	if len(rest) != len(base) {
		t.Fatalf("other families: %d messages, want %d", len(rest), len(base))
	}
	for i := range rest {
		if rest[i] != base[i] {
			t.Fatalf("message %d changed: %q → %q", i, base[i].Text, rest[i].Text)
		}
	}
	for name, label := range OptionalFamilies() {
		if _, dup := Families()[name]; dup {
			t.Errorf("%s is both a regular and an optional family", name)
		}
		switch label {
		case "threat", "terror_apology", "violent", "phishing", "benign":
		default:
			t.Errorf("%s: label %q", name, label)
		}
	}
}
