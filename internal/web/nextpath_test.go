package web

import "testing"

func TestLocalPath(t *testing.T) {
	cases := []struct{ in, want string }{
		{"/messages/12", "/messages/12"},
		{"/compose?to=class%3A0780001A%2F3A&x=1#bas", "/compose?to=class%3A0780001A%2F3A&x=1#bas"},
		{"/step-up?draft=4", "/step-up?draft=4"},
		{"", "/inbox"},
		{"inbox", "/inbox"},
		{"https://evil.example/", "/inbox"},
		{"//evil.example", "/inbox"},
		{"/\\evil.example", "/inbox"},
		{"/\\/evil.example", "/inbox"},
		{"/%2F%2Fevil.example", "/inbox"},
		{"/inbox\r\nSet-Cookie: x=1", "/inbox"},
		{"/inbox\x00", "/inbox"},
		{"/inbox\x7f", "/inbox"},
		{"/inbox\tx", "/inbox"},
		{"/\u202eevil", "/inbox"},
		{"/a\u0085b", "/inbox"},
		{"/login", "/inbox"},
		{"/login?next=/login", "/inbox"},
		{"/login/passkey", "/inbox"},
		{"/x\xff", "/inbox"},
		{"javascript:alert(1)", "/inbox"},
		{"/" + string(make([]byte, 3000)), "/inbox"},
	}
	for _, c := range cases {
		if got := localPath(c.in); got != c.want {
			t.Errorf("localPath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
