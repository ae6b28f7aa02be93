// Package textfold folds text for comparisons that must ignore case and
// accents: account search (« helene » finds « Hélène ») and the
// directory import's names and categories.
package textfold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and strips its accents (« Hélène » → « helene »,
// « Œuvre » → « oeuvre », « l’élève » → « l'eleve »). The ligatures and
// ß become their letters, the typographic apostrophe the straight one.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'œ':
			b.WriteString("oe")
		case 'æ':
			b.WriteString("ae")
		case 'ß':
			b.WriteString("ss")
		case '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
