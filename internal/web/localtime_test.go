package web

import (
	"testing"
	"time"
)

// TestParseLocalTime: a date and time field is read as a datetime-local
// field sends it, and as a French person types it in a text box; a date
// without its time, an impossible day or the American order are not read.
func TestParseLocalTime(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2027, 3, 24, 14, 30, 0, 0, paris)
	for _, v := range []string{"2027-03-24T14:30", "2027-03-24T14:30:00", "24/03/2027 14:30", " 24/03/2027  14h30 ",
		"24/03/2027 à 14\u00a0h\u00a030", "24.03.2027 14:30", "24-03-2027, 14 H 30"} {
		if got, ok := parseLocalTime(v, paris); !ok || !got.Equal(want) {
			t.Errorf("%q: %v %v, want %v", v, got, ok, want)
		}
	}
	if got, ok := parseLocalTime("5/1/2027 9 h", paris); !ok || !got.Equal(time.Date(2027, 1, 5, 9, 0, 0, 0, paris)) {
		t.Errorf("« 5/1/2027 9 h »: %v %v", got, ok)
	}
	for _, v := range []string{"", "jeudi", "24/03/2027", "31/02/2027 10:00", "03/24/2027 14:30", "24/03/2027 24:00", "24/03/2027 14:75", "24/03/27 14:30"} {
		if got, ok := parseLocalTime(v, paris); ok {
			t.Errorf("%q read as %v", v, got)
		}
	}
}
