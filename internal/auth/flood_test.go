package auth_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/apptest"
)

// TestFailuresElsewhereDoNotLockTheOwnerOut: wrong passwords from rotating
// addresses hold the account, but its owner still logs in with a second
// factor or from a known device (device token), and the addresses the
// failures came from stay throttled.
func TestFailuresElsewhereDoNotLockTheOwnerOut(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		// The parent (no second factor) logs in once from home: a device token.
		home := c.from("198.51.100.20", "Mozilla/5.0 Firefox/128.0")
		r := home.do("POST", "/api/v1/session", "", map[string]any{"username": "parent.dupont", "password": apptest.Password})
		expect(t, "parent's first login", r, 201, "")
		device, _ := r.Body["device_token"].(string)
		if device == "" {
			t.Fatal("no device token")
		}
		// Paced past each delay (1 s, 2 s, 4 s… after the 5 free ones),
		// 16 failures in under an hour lock the account for an hour.
		for i := range 16 {
			a := c.from(fmt.Sprintf("203.0.%d.%d", 113+i%3, 1+i), "curl/8")
			for _, user := range []string{"principal.moulin", "parent.dupont"} {
				a.do("POST", "/api/v1/session", "", map[string]any{"username": user, "password": fmt.Sprintf("guess %d", i)})
			}
			e.Clock.Advance(min(time.Second<<max(0, i-4), 5*time.Minute) + time.Second)
		}
		// The hold lets a code through, not an address's guesses.
		attacker := c.from("203.0.113.200", "curl/8")
		for range 4 {
			attacker.do("POST", "/api/v1/session", "", map[string]any{"username": "principal.moulin", "password": "guess", "otp": e.OTP(t, 0)})
		}
		cafe := c.from("192.0.2.77", "Mozilla/5.0 Firefox/128.0")
		cases := []struct {
			name   string
			from   *client
			body   map[string]any
			status int
			code   string
		}{
			{"attacker's address, even with password and code: throttled", attacker, map[string]any{"username": "principal.moulin", "password": apptest.Password, "otp": e.OTP(t, 0)}, 429, "throttled"},
			{"head, password only: held", cafe, map[string]any{"username": "principal.moulin", "password": apptest.Password}, 423, "locked"},
			{"head, wrong password with a code: counted", cafe, map[string]any{"username": "principal.moulin", "password": "nope", "otp": e.OTP(t, 0)}, 401, "invalid_credentials"},
			{"head, password and code: passes", cafe, map[string]any{"username": "principal.moulin", "password": apptest.Password, "otp": e.OTP(t, 0)}, 201, ""},
			{"parent, new device: held", cafe, map[string]any{"username": "parent.dupont", "password": apptest.Password}, 423, "locked"},
			{"parent, a code but no factor: held", cafe, map[string]any{"username": "parent.dupont", "password": apptest.Password, "otp": "123456"}, 423, "locked"},
			{"parent, forged device token: held", cafe, map[string]any{"username": "parent.dupont", "password": apptest.Password, "device": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}, 423, "locked"},
			{"parent, known device token: passes", cafe, map[string]any{"username": "parent.dupont", "password": apptest.Password, "device": device}, 201, ""},
		}
		for _, tc := range cases {
			r := tc.from.do("POST", "/api/v1/session", "", tc.body)
			if r.Status != tc.status || r.code() != tc.code {
				t.Errorf("%s: %d %s, want %d %s", tc.name, r.Status, r.code(), tc.status, tc.code)
			}
			if tc.status == 423 && r.Header.Get("Retry-After") == "" {
				t.Errorf("%s: no Retry-After", tc.name)
			}
		}
	})
}

// TestMalformedNamesAreThrottled: names that cannot exist go through the
// same throttles as the others (they used to skip them and still hash).
func TestMalformedNamesAreThrottled(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e).from("203.0.113.50", "curl/8")
		for _, name := range []string{"<script>", "a b c d", strings.Repeat("a", 300)} {
			t.Run(fmt.Sprintf("%.8q", name), func(t *testing.T) {
				var last resp
				for range 8 {
					last = c.do("POST", "/api/v1/session", "", map[string]any{"username": name, "password": "whatever"})
				}
				if last.Status != 429 || last.code() != "throttled" || last.Header.Get("Retry-After") == "" {
					t.Fatalf("8th attempt with a malformed name: %d %s", last.Status, last.code())
				}
			})
		}
	})
}
