package screen

import "strings"

// Pupils name attacks by their dates, written in figures as often as in
// words: « 13/11 », « 7.10 jamais assez », « 16.10.2020 ☝️ », « 7/01. fin. ».
// A date in figures of one of these attacks becomes the token of the date
// in words (the compounds « 13novembre », « 7octobre »…), so that what the
// model learns of « le 13 novembre » carries to « le 13/11 ». The token is
// a word for the model only, not a reference for the frames: a meeting on
// « le 13/11 à 17h » is weighed by the model with the rest of the message.
var attackDates = map[[2]int]string{
	{7, 1}: "7janvier", {13, 11}: "13novembre", {7, 10}: "7octobre", {16, 10}: "16octobre",
	{11, 9}: "11septembre", {9, 11}: "11septembre", // « 9/11 », the English way
}

// attackDateKeys are the tokens of attackDates (attackNamedKey).
var attackDateKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range attackDates {
		m[k] = true
	}
	return m
}()

// smallNumber parses one or two digits.
func smallNumber(s string) (int, bool) {
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// year reports whether s is a year of two or four digits.
func year(s string) bool {
	if len(s) != 2 && len(s) != 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// attackDateAt returns the date-in-words key of an attack date written in
// figures at ts[i] (« 13.11 », « 16.10.2020 ») or across ts[i:] joined by
// slashes (« 13/11 », « 14/07/16 »), and how many tokens it takes.
func attackDateAt(src string, ts []token, i int) (string, int) {
	k := ts[i].key
	if k == "" || k[0] < '0' || k[0] > '9' {
		return "", 0
	}
	if day, rest, dotted := strings.Cut(k, "."); dotted {
		month, y, withYear := strings.Cut(rest, ".")
		if withYear && !year(y) {
			return "", 0
		}
		d, ok1 := smallNumber(day)
		m, ok2 := smallNumber(month)
		if key := attackDates[[2]int{d, m}]; ok1 && ok2 && key != "" {
			return key, 1
		}
		return "", 0
	}
	// The words of a chat rewrite share their source span: only words
	// apart, with a slash between, are a date.
	slash := func(j int) bool {
		return j < len(ts) && ts[j-1].end < ts[j].start && src[ts[j-1].end:ts[j].start] == "/"
	}
	d, ok1 := smallNumber(k)
	if !ok1 || !slash(i+1) {
		return "", 0
	}
	m, ok2 := smallNumber(ts[i+1].key)
	key := attackDates[[2]int{d, m}]
	if !ok2 || key == "" {
		return "", 0
	}
	if slash(i+2) && year(ts[i+2].key) {
		return key, 3
	}
	return key, 2
}
