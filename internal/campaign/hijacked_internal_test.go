package campaign

import (
	"slices"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// TestAccountNumbers: an IBAN as people write it is found, spaced or not;
// dates, times, phone numbers and strings shaped like an IBAN that fail the
// ISO 13616 mod-97 check are not accounts.
func TestAccountNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Participation de 12 euros par virement : IBAN FR94 3000 4028 3798 7654 3210 943.", []string{"FR9430004028379876543210943"}},
		{"virement sur fr9430004028379876543210943 merci", []string{"FR9430004028379876543210943"}},
		{"IBAN DE89 3704 0044 0532 0130 00", []string{"DE89370400440532013000"}},
		{"virement : GB82 WEST 1234 5698 7654 32", []string{"GB82WEST12345698765432"}},
		// the same shape with a wrong check digit: no account
		{"Participation de 12 euros par virement : IBAN FR76 3000 4028 3798 7654 3210 943.", nil},
		{"IBAN DE88 3704 0044 0532 0130 00", nil},
		{"référence du dossier AB12 CD34 EF56 GH78 IJ", nil},
		{"La sortie aura lieu le 12 mars à 8h30.", nil},
		{"Appelez le 06 12 34 56 78.", nil},
		{"Salle B204, code 4521 7788.", nil},
	}
	for _, tt := range tests {
		if got := accountNumbers(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
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

// TestHijackedLinks: heads' or staff's accounts linking to a new domain
// from sessions that look stolen, MinSenders of them from MinSchools
// establishments, are reviewed: at once from devices and networks they
// never used (stolen passwords); from known devices on new networks (a
// stolen token, or a head's phone) once FormingFor has passed since the
// first copy, unless broadcasters of MinSchools establishments vouched
// for it meanwhile (heads at their desk passing on the rectorat's survey).
func TestHijackedLinks(t *testing.T) {
	now := time.Date(2024, 3, 18, 9, 0, 0, 0, time.UTC)
	d := &Detector{cfg: DefaultConfig(), now: func() time.Time { return now }}
	old, recent := store.Micros(now.Add(-d.cfg.FormingFor)), store.Micros(now.Add(-time.Minute))
	tokens := func(first int64, vouching int) wave {
		return wave{senders: 3 + vouching, schools: 3 + vouching, linkBroadcasters: 3, linkBroadcasterSchools: 3, linkFirst: first, vouchingSchools: vouching}
	}
	passwords := tokens(recent, 2)
	passwords.linkPasswords, passwords.linkPasswordSchools = 3, 3
	tests := []struct {
		name string
		w    wave
		want string
	}{
		{"stolen tokens", tokens(old, 0), "review"},
		{"stolen tokens, forming", tokens(recent, 0), ""},
		{"vouched by one establishment", tokens(old, 1), "review"},
		{"vouched", tokens(old, 2), ""},
		{"stolen passwords", passwords, "review"},
		{"two accounts", wave{senders: 3, schools: 3, linkBroadcasters: 2, linkBroadcasterSchools: 2, linkFirst: old}, ""},
		{"one establishment", wave{senders: 3, schools: 1, linkBroadcasters: 3, linkBroadcasterSchools: 1, linkFirst: old}, ""},
	}
	for _, tt := range tests {
		tt.w.flags = map[int64]int64{}
		if got := d.level(tt.w); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
