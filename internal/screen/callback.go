package screen

import "strings"

// Call-back lures: the message asks the reader to telephone, and the
// number is the payload. A premium-rate number (08 9x: the caller pays
// the line's owner by the minute) is never a school's, a nurse's or a
// bursar's (« rappelez l'infirmerie au 08 99 … »), and a « support
// technique » to call after a scare about an infected computer is the
// tech-support scam whatever the number, as training rights (CPF) about
// to expire are the CPF scam. Neither needs a word the
// detectors or the model know: like a file name (textfiles.go), the
// number is read in the text and holds on its own.

// callWords ask the reader to telephone (lower-case prefixes, accents
// folded or not).
var callWords = []string{"appel", "rappel", "compos", "contact", "joindre", "joignez", "téléphon", "telephon", "call"}

// callNegations, just before the request in its sentence, make it a
// warning (« ne rappelez jamais le 08 99 … »).
var callNegations = []string{"ne ", "n'", "n’", " pas ", "jamais", "surtout pas", "don't", "never"}

// scareWords and supportWords make a call request the tech-support scam.
var (
	scareWords   = []string{"infect", "virus", "piraté", "piratage", "malware", "hacked", "compromis"}
	supportWords = []string{"support", "technicien", "assistance technique", "microsoft", "windows", "apple"}
)

// expiryWords make rights about to be lost the scare of the CPF scam
// (« votre CPF affiche 1 840 € de droits qui expirent le 31/03.
// Appelez notre conseiller »): nobody calls about training rights.
var expiryWords = []string{"expire", "expirent", "expiration", "perdre", "perdus", "perdrez", "perdez"}

// callReported are the words of someone who received the request and
// asks about it (a parent checking an SMS with the school): the number is
// then weak alone and only adds to a phishing text.
var callReported = []string{"arnaque", "escroquerie", "hameçonnage", "hameconnage", "phishing", "frauduleu",
	"ai reçu", "ai recu", "avons reçu", "avons recu", "c'est normal", "c’est normal", "c'est bien vous",
	"c’est bien vous", "louche", "bizarre", "méfiez", "mefiez"}

// Call-back risks: a lure holds on its own; a reported one adds to a
// phishing text.
const callbackRisk, callbackReportedRisk = 0.5, 0.3

// textCallback returns the risk, the number and the French reason of the
// riskiest call-back lure in s, or 0.
func textCallback(s string) (float64, string, string) {
	var lower string // built once, when a number is found
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '+' || i > 0 && isNameByte(s[i-1]) {
			continue
		}
		d, end := phoneAt(s, i)
		if d == "" {
			i = max(i, end-1)
			continue
		}
		num := s[i:end]
		// The request: in the number's sentence, before it.
		from := max(0, i-90)
		for from < i && s[from]&0xC0 == 0x80 {
			from++ // not inside a character
		}
		before := strings.ToLower(s[from:i])
		if k := strings.LastIndexAny(before, ".!?\n"); k >= 0 {
			before = before[k+1:]
		}
		i = end - 1
		at := lastIndexAny(before, callWords)
		if at < 0 || containsAny(before[max(0, at-24):at], callNegations) {
			continue
		}
		if lower == "" {
			lower = strings.ToLower(s)
		}
		why := ""
		switch {
		case strings.HasPrefix(d, "089"):
			why = "numéro surtaxé à rappeler"
		case containsAny(lower, scareWords) && containsAny(lower, supportWords):
			why = "« support » à appeler après une alerte d'infection"
		case (strings.Contains(lower, "cpf") || strings.Contains(lower, "compte personnel de formation")) &&
			containsAny(lower, expiryWords):
			why = "droits CPF « qui expirent » à utiliser par téléphone"
		default:
			continue
		}
		if containsAny(lower, callReported) {
			return callbackReportedRisk, num, why + ", signalé"
		}
		return callbackRisk, num, why
	}
	return 0, "", ""
}

// lastIndexAny returns the index in s of the last of subs found, or -1.
func lastIndexAny(s string, subs []string) int {
	at := -1
	for _, x := range subs {
		at = max(at, strings.LastIndex(s, x))
	}
	return at
}

// phoneAt reads a French telephone number at s[i:]: ten digits in groups
// separated by single spaces, dots or hyphens, « +33 » or « 0033 » for
// the leading 0. It returns the ten digits (or "") and where the digits
// end.
func phoneAt(s string, i int) (string, int) {
	var buf [16]byte
	digits := buf[:0]
	end := i
	for j := i; j < len(s) && len(digits) < len(buf); j++ {
		c := s[j]
		if c >= '0' && c <= '9' {
			digits = append(digits, c)
			end = j + 1
			continue
		}
		if c == '+' && j == i || (c == ' ' || c == '.' || c == '-') && j > i && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			continue
		}
		break
	}
	d := string(digits)
	switch {
	case strings.HasPrefix(d, "0033") && len(d) == 13:
		d = "0" + d[4:]
	case strings.HasPrefix(d, "33") && len(d) == 11:
		d = "0" + d[2:]
	}
	if len(d) != 10 || d[0] != '0' || end < len(s) && isNameByte(s[end]) && s[end] != '.' && s[end] != '-' {
		return "", end
	}
	return d, end
}
