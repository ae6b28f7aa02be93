package campaign

import (
	"slices"
	"testing"
)

// TestAccountNumbers: an IBAN as people write it is found, spaced or not;
// dates, times and phone numbers are not IBANs.
func TestAccountNumbers(t *testing.T) {
	want := []string{"FR7630004028379876543210943"}
	for _, text := range []string{
		"Participation de 12 euros par virement : IBAN FR76 3000 4028 3798 7654 3210 943.",
		"virement sur fr7630004028379876543210943 merci",
	} {
		if got := accountNumbers(text); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
	for _, text := range []string{"La sortie aura lieu le 12 mars à 8h30.", "Appelez le 06 12 34 56 78.", "Salle B204, code 4521 7788."} {
		if got := accountNumbers(text); len(got) != 0 {
			t.Errorf("%q: %v, want none", text, got)
		}
	}
}

// TestStrayFromNotice: a notice vouched for by a head (no history) spread
// by risky families of another establishment is reviewed; spread by none,
// it is judged as a template.
func TestStrayFromNotice(t *testing.T) {
	d := &Detector{cfg: DefaultConfig()}
	w := wave{senders: 3, schools: 2, vouched: true, straySenders: 2, strayingSchools: 1, flags: map[int64]int64{}}
	if got := d.level(w); got != "review" {
		t.Errorf("stray wave: %q, want review", got)
	}
	w.straySenders, w.strayingSchools = 0, 0
	if got := d.level(w); got != "" {
		t.Errorf("notice: %q, want nothing", got)
	}
	w.straySenders, w.strayingSchools, w.known = 2, 1, true
	if got := d.level(w); got != "" {
		t.Errorf("template: %q, want nothing", got)
	}
}
