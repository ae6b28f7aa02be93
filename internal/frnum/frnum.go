// Package frnum writes numbers and counted nouns as French typography has
// them: « 2 000 », « 1 message retenu », « 3 messages retenus ».
package frnum

import (
	"strconv"
	"strings"
)

// Thousands writes n with a narrow no-break space between groups of three
// digits: « 2 000 », « 12 345 », « -1 500 ».
func Thousands(n int) string {
	s := strconv.Itoa(n)
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	b.Grow(len(s) + 3*(len(digits)/3))
	if len(digits) < len(s) {
		b.WriteByte('-')
	}
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// Count writes n and the words that follow it, singular for 0 and 1 as
// French has it, plural otherwise, with a no-break space after the
// number: Count(1, "message retenu", "messages retenus") is « 1 message
// retenu ».
func Count(n int, one, many string) string {
	w := many
	if n == 0 || n == 1 || n == -1 {
		w = one
	}
	return Thousands(n) + "\u00a0" + w
}
