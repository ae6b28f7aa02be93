package messaging

import (
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"bonjour", 100, "bonjour"},
		{"bonjour", 3, "bon"},
		{"élève", 1, ""},           // never half a rune
		{"élève", 2, "é"},          // é is two bytes
		{"éé", 3, "é"},             // cut back to the rune boundary
		{"a\xffb", 10, "a\uFFFDb"}, // invalid bytes replaced, not stored
	}
	for _, c := range cases {
		got := clip(c.in, c.n)
		if got != c.want || !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
