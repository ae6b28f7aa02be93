package web_test

import (
	"html"
	"strings"
	"testing"
)

// TestAccountShowsHowMessagesPresentYou: the account page says how
// messages present its owner, as the directory labels them: a parent with
// the child the directory links them to, a teacher with their classes.
func TestAccountShowsHowMessagesPresentYou(t *testing.T) {
	e, srv := env(t)
	tests := []struct {
		user string
		totp bool // the account has a second factor
		want string
	}{
		{user: "parent.dupont", want: "responsable de Léa Dupont (4A)"},
		{user: "prof.martin", totp: true, want: "Mme\u00a0Sophie Martin, professeure (4A, 4B)"},
	}
	for _, tt := range tests {
		b := newBrowser(t, srv)
		otp := ""
		if tt.totp {
			otp = e.OTP(t, 0)
		}
		b.login(tt.user, otp)
		body := html.UnescapeString(b.get("/account").Body)
		i := strings.Index(body, "<dt>Dans les messages</dt><dd>")
		if i < 0 || !strings.Contains(body[i:min(len(body), i+200)], tt.want) {
			t.Errorf("%s: the account page does not say how messages present them (want %q)", tt.user, tt.want)
		}
	}
}
