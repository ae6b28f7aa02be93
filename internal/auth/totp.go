package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// TOTP parameters of RFC 6238 as every authenticator app uses them.
const (
	totpStep   = 30 // seconds
	totpDigits = 6
)

// NewTOTPSecret draws a 160-bit secret, base32 without padding.
func NewTOTPSecret() (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b), nil
}

func decodeSecret(secret string) ([]byte, error) {
	s := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(secret), " ", ""))
	s = strings.TrimRight(s, "=")
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(s)
	if err != nil || len(key) == 0 {
		return nil, fmt.Errorf("invalid TOTP secret")
	}
	return key, nil
}

// ValidTOTPSecret reports whether s is a usable base32 secret.
func ValidTOTPSecret(s string) bool {
	_, err := decodeSecret(s)
	return err == nil
}

// hotp computes the RFC 4226 code for a counter.
func hotp(key []byte, counter uint64) string {
	mac := hmac.New(sha1.New, key)
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], counter)
	mac.Write(b[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	v := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	return fmt.Sprintf("%06d", v%1000000)
}

// TOTPCode returns the code for secret at t.
func TOTPCode(secret string, t time.Time) (string, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return "", err
	}
	return hotp(key, uint64(t.Unix()/totpStep)), nil
}

// checkTOTP returns the time step that code matches at now, within one step
// either side, or 0 if none does. Every candidate is compared, in constant
// time, so the timing does not tell which step matched.
func checkTOTP(secret, code string, now time.Time) int64 {
	key, err := decodeSecret(secret)
	code = strings.TrimSpace(code)
	if err != nil || len(code) != totpDigits {
		return 0
	}
	cur := now.Unix() / totpStep
	var match int64
	for _, step := range []int64{cur - 1, cur, cur + 1} {
		if subtle.ConstantTimeCompare([]byte(hotp(key, uint64(step))), []byte(code)) == 1 {
			match = step
		}
	}
	return match
}
