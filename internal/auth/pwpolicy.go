package auth

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/bouclier/bouclier"
)

// Password rules, after NIST SP 800-63B rev. 4 and the CNIL's 2022
// recommendation. In the order Policy.Check applies them:
//
//  1. at least MinWithFactor characters (12) for an account that has or must
//     have a second factor, MinWithoutFactor (15) for the others, counted in
//     Unicode characters after NFKC;
//  2. at most MaxLength (128) characters; any Unicode is accepted, and
//     there is no composition rule (no "one digit, one symbol");
//  3. not made of a single repeated or sequential pattern ("aaaa…", "1234…");
//  4. not a common password, nor one once its case, accents, leetspeak and
//     surrounding digits and symbols are taken away ("P@ssw0rd2024!" is
//     "password"): the embedded list holds 68,000 entries, French included
//     (passwords/NOTICE says where they come from);
//  5. not built from the account's own names, its establishment's name or
//     the words of school services ("ent", "pronote", "bouclier"…): once
//     those are taken away, fewer than six letters or digits remain.
//
// Passwords never expire: a change is forced only after a compromise (a
// mass reset).
const (
	MinWithFactor    = 12
	MinWithoutFactor = 15
	MaxLength        = 128
)

//go:embed passwords/common.txt.gz
var commonGz []byte

var (
	commonOnce sync.Once
	commonSet  map[string]struct{}
)

func common() map[string]struct{} {
	commonOnce.Do(func() {
		commonSet = make(map[string]struct{}, 70000)
		zr, err := gzip.NewReader(bytes.NewReader(commonGz))
		if err != nil {
			panic("auth: embedded password list: " + err.Error())
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			w := plainForm(sc.Text())
			if w == "" {
				continue
			}
			commonSet[w] = struct{}{}
			commonSet[leet(w)] = struct{}{}
		}
	})
	return commonSet
}

// CommonPasswords returns how many distinct forms the embedded list holds.
func CommonPasswords() int { return len(common()) }

// serviceWords are the names of school services and of this one, which a
// password must not be built from.
var serviceWords = []string{"ent", "pronote", "bouclier", "ecoledirecte", "educonnect", "toutatice", "monlycee",
	"moncollege", "laclasse", "skolengo", "kosmos", "itslearning", "college", "lycee", "ecole", "academie",
	"education", "nationale", "eleve", "parent", "professeur", "prof", "motdepasse", "password"}

// plainForm folds case and accents, reads '@', '$', '!' and '|' as the
// letters they stand for, and keeps letters and digits only.
func plainForm(s string) string { return fold(s, true) }

// alnum folds case and accents and keeps letters and digits only.
func alnum(s string) string { return fold(s, false) }

func fold(s string, symbols bool) string {
	s = norm.NFKD.String(strings.ToLower(norm.NFKC.String(s)))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case symbols && r == '@':
			b.WriteByte('a')
		case symbols && r == '$':
			b.WriteByte('s')
		case symbols && (r == '!' || r == '|'):
			b.WriteByte('i')
		}
	}
	return b.String()
}

// leet undoes the usual digit-for-letter substitutions.
func leet(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '0':
			return 'o'
		case '1':
			return 'i'
		case '3':
			return 'e'
		case '4':
			return 'a'
		case '5':
			return 's'
		case '7':
			return 't'
		case '8':
			return 'b'
		}
		return r
	}, s)
}

// core strips leading and trailing digits: "2024soleil123" → "soleil".
func core(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
}

// PasswordContext is what a password must not be built from.
type PasswordContext struct {
	Names     []string // username, display name, establishment name…
	HasFactor bool     // the account has, or must have, a second factor
}

// CheckPassword applies the rules above. Errors: invalid_request, whose
// message says which rule failed (and never repeats the password).
func CheckPassword(pw string, pc PasswordContext) error {
	pw = norm.NFKC.String(pw)
	n := utf8.RuneCountInString(pw)
	min := MinWithoutFactor
	if pc.HasFactor {
		min = MinWithFactor
	}
	switch {
	case !utf8.ValidString(pw):
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le mot de passe n’est pas un texte valide.")
	case n < min:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le mot de passe doit compter au moins %d caractères (une phrase de passe de quelques mots fait l’affaire).", min)
	case n > MaxLength:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le mot de passe ne peut pas dépasser %d caractères.", MaxLength)
	}
	plain := plainForm(pw)
	if repetitive(plain) {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Ce mot de passe est une simple répétition ou suite de caractères.")
	}
	set := common()
	bare := core(alnum(pw))
	for _, f := range []string{plain, leet(plain), bare, leet(bare), core(plain), leet(core(plain))} {
		if _, ok := set[f]; ok && f != "" {
			return bouclier.Errorf(bouclier.ErrInvalidRequest, "Ce mot de passe fait partie des mots de passe les plus courants\u00a0: choisissez-en un autre.")
		}
	}
	if builtFrom(plain, pc.Names) || builtFrom(leet(plain), pc.Names) {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le mot de passe ne doit pas être construit à partir de votre nom, de celui de l’établissement ou du service (ENT, Pronote…).")
	}
	return nil
}

// repetitive reports a password made of one short pattern repeated, or of
// one run of consecutive characters.
func repetitive(s string) bool {
	r := []rune(s)
	if len(r) == 0 {
		return true
	}
	for p := 1; p <= 3 && p < len(r); p++ {
		rep := true
		for i := p; i < len(r); i++ {
			if r[i] != r[i-p] {
				rep = false
				break
			}
		}
		if rep {
			return true
		}
	}
	up, down := true, true
	for i := 1; i < len(r); i++ {
		if r[i] != r[i-1]+1 {
			up = false
		}
		if r[i] != r[i-1]-1 {
			down = false
		}
	}
	return up || down
}

// builtFrom reports whether, once every name word and service word is
// taken out of s, fewer than six letters or digits remain (digits at
// either end not counting).
func builtFrom(s string, names []string) bool {
	words := append([]string(nil), serviceWords...)
	for _, n := range names {
		for _, w := range strings.FieldsFunc(strings.ToLower(n), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			if w = plainForm(w); utf8.RuneCountInString(w) >= 3 {
				words = append(words, w, leet(w))
			}
		}
	}
	rest := s
	removed := false
	// Longest words first, so "pronote" goes before "prof" would.
	for changed := true; changed; {
		changed = false
		best := ""
		for _, w := range words {
			if len(w) > len(best) && strings.Contains(rest, w) {
				best = w
			}
		}
		if best != "" {
			rest = strings.ReplaceAll(rest, best, " ")
			removed, changed = true, true
		}
	}
	if !removed {
		return false
	}
	left := 0
	for _, part := range strings.Fields(rest) {
		left += utf8.RuneCountInString(core(part))
	}
	return left < 6
}
