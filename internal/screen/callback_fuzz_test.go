package screen

import (
	"strings"
	"testing"
)

// FuzzTextCallback: any text reads without a panic, to one of the three
// risks, and a number it names is a span of the text with ten digits.
func FuzzTextCallback(f *testing.F) {
	for _, s := range []string{
		"Merci de rappeler le 08 99 71 22 30.",
		"appelez le +33 8 92 12 34 56",
		"Ne rappelez jamais le 0899121212 !",
		"appel 0033 899 12 34 56 au",
		"rappelez 08 99 71 22 3",
		"é08 99 71 22 30 appelez ++ 1.2.3.4.5.6.7.8.9.0",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		risk, num, _ := textCallback(s)
		switch risk {
		case 0:
			return
		case callbackRisk, callbackReportedRisk:
		default:
			t.Fatalf("%q: risk %v", s, risk)
		}
		if !strings.Contains(s, num) {
			t.Fatalf("%q: number %q not in the text", s, num)
		}
		n := 0
		for i := 0; i < len(num); i++ {
			if num[i] >= '0' && num[i] <= '9' {
				n++
			}
		}
		if n < 10 || n > 13 {
			t.Fatalf("%q: number %q has %d digits", s, num, n)
		}
	})
}
