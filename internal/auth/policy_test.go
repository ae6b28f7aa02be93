package auth_test

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
)

func TestCommonListIsLarge(t *testing.T) {
	if n := auth.CommonPasswords(); n < 10000 {
		t.Fatalf("common password list has %d forms, want at least 10,000", n)
	}
}

func TestPasswordPolicy(t *testing.T) {
	ctx := auth.PasswordContext{Names: []string{"sophie.martin", "Sophie Martin", "Collège Jean Moulin", "0780001A"}}
	mfa := ctx
	mfa.HasFactor = true
	cases := []struct {
		name string
		pw   string
		pc   auth.PasswordContext
		ok   bool
	}{
		{"passphrase", "correct horse battery staple", ctx, true},
		{"accents and spaces", "Les éléphants dansent à l’aube", ctx, true},
		{"unicode", "雪の日に猫が三匹で踊った夜明け", ctx, true},
		{"12 with a factor", "vG7#mq2Lx9pZ", mfa, true},
		{"12 without a factor", "vG7#mq2Lx9pZ", ctx, false},
		{"14 without a factor", "vG7#mq2Lx9pZab", ctx, false},
		{"11 with a factor", "vG7#mq2Lx9p", mfa, false},
		{"129 characters", strings.Repeat("ab", 64) + "c", ctx, false},
		{"128 characters", strings.Repeat("un chat vert danse ", 7)[:128], ctx, true},
		{"repeated", "aaaaaaaaaaaaaaaa", ctx, false},
		{"sequence", "abcdefghijklmnop", ctx, false},
		{"common, long", "azertyuiopqsdfghjklm", ctx, false},
		{"common French with digits", "motdepasse123456", mfa, false},
		{"common leet", "P@ssw0rd12345678", ctx, false},
		{"French word and year", "bienvenue2024!!!", ctx, false},
		{"own name", "SophieMartin1985!", ctx, false},
		{"own name, leet", "s0ph13.m4rt1n.1985", ctx, false},
		{"establishment", "jeanmoulin!2024college", ctx, false},
		{"ent and pronote", "Pronote-ENT-2024!!", ctx, false},
		{"name inside a real phrase", "martin aime les tartes aux pommes", ctx, true},
		{"NFKC: fullwidth is the same text", "ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ", ctx, true},
	}
	for _, tc := range cases {
		err := auth.CheckPassword(tc.pw, tc.pc)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err=%v, want ok=%t", tc.name, err, tc.ok)
		}
		if err != nil && bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
			t.Errorf("%s: code %s", tc.name, bouclier.ErrorCode(err))
		}
		if err != nil && strings.Contains(err.Error(), tc.pw) {
			t.Errorf("%s: the message repeats the password", tc.name)
		}
	}
}

// TestTOTPMatchesOathtool checks the RFC 6238 codes against Debian's
// oathtool at several instants.
func TestTOTPMatchesOathtool(t *testing.T) {
	bin, err := exec.LookPath("oathtool")
	if err != nil {
		t.Skip("oathtool not installed")
	}
	secret, err := auth.NewTOTPSecret()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"JBSWY3DPEHPK3PXP", secret} {
		for _, at := range []time.Time{time.Unix(59, 0), time.Unix(1111111109, 0), time.Unix(2000000000, 0), time.Date(2026, 11, 24, 13, 0, 29, 0, time.UTC)} {
			out, err := exec.Command(bin, "--totp", "-b", secret, "-N", "@"+strconv.FormatInt(at.Unix(), 10)).Output()
			if err != nil {
				t.Fatalf("oathtool: %v", err)
			}
			got, err := auth.TOTPCode(secret, at)
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.TrimSpace(string(out)); got != want {
				t.Errorf("%s at %v: %s, oathtool says %s", secret[:4], at, got, want)
			}
		}
	}
}
