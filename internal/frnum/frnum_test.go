package frnum

import "testing"

func TestThousands(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1\u202f000"}, {12345, "12\u202f345"},
		{123456, "123\u202f456"}, {1234567, "1\u202f234\u202f567"}, {-1500, "-1\u202f500"}, {-999, "-999"},
	} {
		if got := Thousands(c.n); got != c.want {
			t.Errorf("Thousands(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "0\u00a0message retenu"}, {1, "1\u00a0message retenu"}, {2, "2\u00a0messages retenus"},
		{2000, "2\u202f000\u00a0messages retenus"},
	} {
		if got := Count(c.n, "message retenu", "messages retenus"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
