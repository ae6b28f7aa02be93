package textfold

import "testing"

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hélène", "helene"},
		{"HÉLÈNE", "helene"},
		{"He\u0301le\u0300ne", "helene"}, // decomposed accents
		{"Œuvre", "oeuvre"},
		{"Lætitia", "laetitia"},
		{"Straße", "strasse"},
		{"l’élève", "l'eleve"},
		{"ÉTAB-ÉDUC-NAT", "etab-educ-nat"},
		{"prof.martin", "prof.martin"},
		{"", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
