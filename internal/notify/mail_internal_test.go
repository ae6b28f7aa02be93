package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestMessageMailContent: the text of a message goes only to adults, and
// only for a message delivered without any reason from the screen.
func TestMessageMailContent(t *testing.T) {
	parent := bouclier.User{ID: 2, Role: bouclier.RoleParent}
	pupil := bouclier.User{ID: 3, Role: bouclier.RoleStudent}
	msg := func(status bouclier.MessageStatus, reasons ...string) store.Entry {
		return store.Entry{Message: bouclier.Message{ID: 42, Sender: "prof.martin", SenderName: "Sophie Martin", SenderRole: bouclier.RoleTeacher,
			Subject: "Sortie au musée", Body: "Rendez-vous à 8 h.", Status: status, Reasons: reasons}}
	}
	cases := []struct {
		name     string
		to       bouclier.User
		e        store.Entry
		withBody bool
	}{
		{"parent, delivered", parent, msg(bouclier.StatusDelivered), true},
		{"pupil, delivered", pupil, msg(bouclier.StatusDelivered), false},
		{"parent, released after a hold", parent, msg(bouclier.StatusDelivered, "lien suspect"), false},
		{"parent, held", parent, msg(bouclier.StatusHeld, "menace"), false},
		{"parent, deferred", parent, msg(bouclier.StatusDeferred), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			subject, body := messageMail(c.to, c.e, "", "https://b.example")
			all := subject + "\n" + body
			if got := strings.Contains(all, "Rendez-vous") || strings.Contains(all, "musée"); got != c.withBody {
				t.Errorf("content shown %v, want %v: %q", got, c.withBody, all)
			}
			for _, want := range []string{"Vous avez un nouveau message de Sophie Martin (enseignant)", "https://b.example/messages/42"} {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q: %q", want, body)
				}
			}
			if strings.Contains(all, " "+":") { // split so that no typography fixer turns it round
				t.Errorf("an ordinary space before a colon: %q", all)
			}
		})
	}
	_, digest := digestMail(pupil, []store.Entry{msg(bouclier.StatusDelivered), msg(bouclier.StatusDelivered)}, nil, "https://b.example")
	if strings.Contains(digest, "musée") || strings.Count(digest, "Vous avez un nouveau message de") != 2 {
		t.Errorf("pupil digest: %q", digest)
	}
}

// TestSenderAgreesWithCivility: the sender is named with the civility the
// directory gives, the role agreeing with it; without one, the name alone
// and the role's name.
func TestSenderAgreesWithCivility(t *testing.T) {
	parent := bouclier.User{ID: 2, Role: bouclier.RoleParent}
	e := store.Entry{Message: bouclier.Message{ID: 42, Sender: "prof.martin", SenderName: "Sophie Martin", SenderRole: bouclier.RoleTeacher,
		Subject: "Sortie", Body: "Rendez-vous à 8 h.", Status: bouclier.StatusDelivered}}
	for _, c := range []struct{ civ, want string }{
		{"Mme", "de Mme\u00a0Sophie Martin (enseignante)."},
		{"M.", "de M.\u00a0Sophie Martin (enseignant)."},
		{"", "de Sophie Martin (enseignant)."},
	} {
		_, body := messageMail(parent, e, c.civ, "https://b.example")
		if !strings.Contains(body, c.want) {
			t.Errorf("civility %q: body lacks %q: %q", c.civ, c.want, body)
		}
		_, digest := digestMail(parent, []store.Entry{e, e}, map[string]string{"prof.martin": c.civ}, "https://b.example")
		if strings.Count(digest, c.want[:len(c.want)-1]) != 2 {
			t.Errorf("civility %q: digest lacks %q twice: %q", c.civ, c.want, digest)
		}
	}
}

func testService(t *testing.T) *Service {
	t.Helper()
	s := &Service{cfg: Config{Key: []byte("0123456789abcdef0123456789abcdef"), BaseURL: "https://b.example"}}
	s.cfg.defaults()
	return s
}

// TestBackoff: the wait doubles from Backoff and stops at MaxBackoff.
func TestBackoff(t *testing.T) {
	s := testService(t)
	want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 16 * time.Minute, 32 * time.Minute,
		64 * time.Minute, 128 * time.Minute, 256 * time.Minute, 6 * time.Hour, 6 * time.Hour, 6 * time.Hour}
	for i, w := range want {
		if got := s.backoff(i + 1); got != w {
			t.Errorf("attempt %d: %v, want %v", i+1, got, w)
		}
	}
	if got := s.backoff(1000); got != 6*time.Hour {
		t.Errorf("attempt 1000: %v", got)
	}
}

// TestToken: a token names its user and nothing else forges one.
func TestToken(t *testing.T) {
	s := testService(t)
	tok := s.Token(7)
	if uid, ok := s.userOfToken(tok); !ok || uid != 7 {
		t.Fatalf("own token: %d %v", uid, ok)
	}
	other := testService(t)
	other.cfg.Key = []byte("fedcba9876543210fedcba9876543210")
	_, sig, _ := strings.Cut(tok, ".")
	for _, bad := range []string{"", ".", "7", "7.", "8." + sig, "07." + sig, "+7." + sig, "-7." + sig, "7." + sig + "A", "7." + sig[:len(sig)-1],
		other.Token(7), "99999999999999999999." + sig, "7.!!!!"} {
		if _, ok := s.userOfToken(bad); ok {
			t.Errorf("token %q accepted", bad)
		}
	}
}

// FuzzToken: no input panics or is accepted unless it is the real token.
func FuzzToken(f *testing.F) {
	s := &Service{cfg: Config{Key: []byte("0123456789abcdef0123456789abcdef")}}
	f.Add(s.Token(1))
	f.Add("1.abc")
	f.Fuzz(func(t *testing.T, tok string) {
		if uid, ok := s.userOfToken(tok); ok && s.Token(uid) != tok {
			t.Errorf("accepted %q for user %d", tok, uid)
		}
	})
}

// TestValidAddress: only a bare, well-formed address is used.
func TestValidAddress(t *testing.T) {
	cases := map[string]bool{
		"parent@example.org": true, " parent@example.org ": true, "": false, "parent": false,
		"Parent <parent@example.org>": false, "a@b.example\r\nBcc: x@y": false, "<a@b.example>": false,
	}
	for in, want := range cases {
		if _, ok := validAddress(in); ok != want {
			t.Errorf("%q: %v, want %v", in, ok, want)
		}
	}
}
