package campaign

import (
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// TestShortTextKey: a text too short for a signature is keyed by its
// terms, so that a wave cut into two-word fragments clusters; wordings
// with the same terms share the key, other fragments do not, a text with
// a signature gets none; beside an attachment it is keyed too.
func TestShortTextKey(t *testing.T) {
	d := &Detector{cfg: DefaultConfig(), model: FrenchModel{}}
	key := func(body string) []int64 {
		return d.features(&messaging.Observed{Subject: "!!", Body: body}).extra
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"Collège fermé !", "Bahut fermé", true},
		{"Pas cours demain", "Pas de cours demain.", true},
		{"Collège fermé !", "Pas cours demain", false},
	}
	for _, tt := range tests {
		ka, kb := key(tt.a), key(tt.b)
		if len(ka) != 1 || len(kb) != 1 {
			t.Fatalf("%q, %q: keys %v, %v, want one each", tt.a, tt.b, ka, kb)
		}
		if (ka[0] == kb[0]) != tt.same {
			t.Errorf("%q and %q share a key: %v, want %v", tt.a, tt.b, ka[0] == kb[0], tt.same)
		}
	}
	if k := key("Le collège sera fermé demain, gardez vos enfants."); len(k) != 0 {
		t.Errorf("a signed text has short keys %v", k)
	}
	// Beside an attachment too: a fragment beside a picture of its own
	// is still the fragment.
	o := &messaging.Observed{Subject: "!!", Body: "Bahut fermé", Attachments: []messaging.Attachment{{Name: "a.txt", ContentType: "text/plain", Data: []byte("x")}}}
	if k := d.features(o).extra; len(k) != 1 || k[0] != key("Collège fermé !")[0] {
		t.Errorf("a fragment beside an attachment has keys %v, want the fragment's", k)
	}
}

// TestAlarmingTemplate: content with a history that alarms from family
// and teacher accounts of several establishments is reviewed, unless a
// head passed it on today or it is too few senders or establishments.
func TestAlarmingTemplate(t *testing.T) {
	d := &Detector{cfg: DefaultConfig()}
	tests := []struct {
		name string
		w    wave
		want string
	}{
		{"poisoned", wave{senders: 3, schools: 2, known: true, alarmed: 3, alarmedSchools: 2}, "review"},
		{"vouched", wave{senders: 3, schools: 2, known: true, vouched: true, alarmed: 3, alarmedSchools: 2}, ""},
		{"two senders", wave{senders: 3, schools: 2, known: true, alarmed: 2, alarmedSchools: 2}, ""},
		{"one school", wave{senders: 3, schools: 1, known: true, alarmed: 3, alarmedSchools: 1}, ""},
		{"quiet template", wave{senders: 30, schools: 10, known: true}, ""},
	}
	for _, tt := range tests {
		if got := d.level(tt.w); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestVouches: a head's copy vouches with a weak account signal (a new
// browser at home), not with a strong one nor once reported; a teacher's
// never does.
func TestVouches(t *testing.T) {
	tests := []struct {
		role bouclier.Role
		f    int64
		want bool
	}{
		{bouclier.RoleHead, 0, true},
		{bouclier.RoleHead, FlagAccount | FlagStranger, true},
		{bouclier.RoleHead, FlagAccount | FlagStrong, false},
		{bouclier.RoleStaff, FlagReported, false},
		{bouclier.RoleTeacher, 0, false},
	}
	for _, tt := range tests {
		if got := vouches(tt.role, tt.f); got != tt.want {
			t.Errorf("vouches(%s, %b) = %v, want %v", tt.role, tt.f, got, tt.want)
		}
	}
}

// TestIsNoticeVouches: a copy is a notice others may pass on only when
// its sender vouches (vouches) and it has an establishment: a head with a
// strong account signal, a copy held by the screen or reported, a
// family's or teacher's copy, an administrator's without establishment
// make no relay of what follows.
func TestIsNoticeVouches(t *testing.T) {
	roles := []bouclier.Role{bouclier.RoleHead, bouclier.RoleStaff, bouclier.RoleAcademyAdmin, bouclier.RoleTeacher, bouclier.RoleParent, bouclier.RoleStudent}
	for _, role := range roles {
		for bit := -1; bit < 20; bit++ {
			var f int64
			if bit >= 0 {
				f = 1 << bit
			}
			for _, f := range []int64{f, f | FlagAccount | FlagStranger} {
				for _, uai := range []string{"0990001A", ""} {
					o := store.CampaignObs{Role: string(role), UAI: uai, Flags: f}
					if got, want := isNotice(o), uai != "" && vouches(role, f); got != want {
						t.Errorf("isNotice(%s, %b, %q) = %v, want %v", role, f, uai, got, want)
					}
				}
			}
		}
	}
	// What it changes: a teacher's copy of a head's notice is a relay
	// (dropped from the wave) unless the head's account looks stolen.
	sig := Sign("Alerte météo : le collège sera fermé demain, prévenez les autres familles.").Bytes()
	head := store.CampaignObs{MessageID: 1, Role: string(bouclier.RoleHead), UAI: "0990001A", At: 1, Sig: sig}
	relay := store.CampaignObs{MessageID: 2, Role: string(bouclier.RoleTeacher), UAI: "0990001A", At: 2, Sig: sig}
	for _, c := range []struct {
		name  string
		flags int64
		kept  int
	}{
		{"head at home", 0, 1},
		{"head on a new browser", FlagAccount | FlagStranger, 1},
		{"head's session moved", FlagAccount | FlagStranger | FlagStrong, 2},
		{"head reported", FlagReported, 2},
	} {
		h := head
		h.Flags = c.flags
		if got := dropRelays([]store.CampaignObs{h, relay}); len(got) != c.kept {
			t.Errorf("%s: %d copies kept, want %d", c.name, len(got), c.kept)
		}
	}
}
