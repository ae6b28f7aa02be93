package frdate

import (
	"strings"
	"testing"
	"time"
)

func TestFormats(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, paris)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"clock, morning", Clock(time.Date(2026, 12, 3, 9, 5, 0, 0, paris)), "9 h 05"},
		{"clock, midnight", Clock(time.Date(2026, 12, 3, 0, 0, 0, 0, paris)), "0 h 00"},
		{"clock, evening", Clock(time.Date(2026, 12, 3, 23, 59, 0, 0, paris)), "23 h 59"},
		{"hour and minute", HourMinute(7, 0), "7 h 00"},
		{"first of the month", Date(time.Date(2026, 12, 1, 0, 0, 0, 0, paris)), "1er décembre 2026"},
		{"date", Date(time.Date(2027, 8, 31, 0, 0, 0, 0, paris)), "31 août 2027"},
		{"date and time", DateTime(time.Date(2026, 12, 3, 9, 24, 0, 0, paris)), "3 décembre 2026 à 9 h 24"},
		{"day, this year", Day(time.Date(2026, 12, 7, 7, 0, 0, 0, paris), now), "lundi 7 décembre"},
		{"day, next year", Day(time.Date(2027, 1, 1, 7, 0, 0, 0, paris), now), "vendredi 1er janvier 2027"},
	}
	for _, tt := range tests {
		// Written with ordinary spaces above for reading; every space
		// inside a date or a time must be non-breaking except the one
		// before the year and around « à ».
		if got := strings.ReplaceAll(tt.got, "\u00a0", " "); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, s := range []string{Clock(now), DateTime(now)} {
		if strings.Contains(s, " h") || strings.Contains(s, "h ") {
			t.Errorf("%q breaks a time across lines", s)
		}
	}
	if d := Date(now); !strings.HasPrefix(d, "3\u00a0décembre") {
		t.Errorf("%q breaks a day from its month", d)
	}
}
