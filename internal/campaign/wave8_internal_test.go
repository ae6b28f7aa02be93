package campaign

import (
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/messaging"
)

// TestShortTextKey: a text too short for a signature is keyed by its
// terms, so that a wave cut into two-word fragments clusters; wordings
// with the same terms share the key, other fragments do not, and neither
// a text with a signature nor a caption beside an attachment gets one.
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
	// A caption beside an attachment is not keyed: the attachment is.
	o := &messaging.Observed{Subject: "Regardez", Body: "👀", Attachments: []messaging.Attachment{{Name: "a.txt", ContentType: "text/plain", Data: []byte("x")}}}
	if k := d.features(o).extra; len(k) != 0 {
		t.Errorf("a caption has keys %v", k)
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
