package demo

import "testing"

// TestFixtureNames: the fixtures' people and establishments are distinct
// over the drill's sizes, a parent shares the pupil's family name, and
// the académies elide « de » before a vowel.
func TestFixtureNames(t *testing.T) {
	seen := map[string]int{}
	for i := range 3600 {
		n := PersonName(i)
		if j, ok := seen[n]; ok {
			t.Fatalf("people %d and %d are both %q", j, i, n)
		}
		seen[n] = i
	}
	if _, fam, _ := Person(17); fam == "" {
		t.Fatal("no family name")
	}
	child := PersonName(17)
	parent, civ := ParentOf(17)
	_, fam, _ := Person(17)
	if parent == child || parent[len(parent)-len(fam):] != fam || (civ != "Mme" && civ != "M.") {
		t.Errorf("parent of %q: %q %q", child, parent, civ)
	}
	schools := map[string]bool{}
	for i := range 500 {
		s := SchoolName(i)
		if schools[s] {
			t.Fatalf("two establishments named %q", s)
		}
		schools[s] = true
	}
	for i, want := range map[int]string{0: "Académie de Versailles", 2: "Académie d’Amiens", 12: "Académie de La Réunion", 40: "Académie n°\u00a041"} {
		if got := AcademieName(i); got != want {
			t.Errorf("académie %d: %q, want %q", i, got, want)
		}
	}
}
