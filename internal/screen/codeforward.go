package screen

import (
	"regexp"
	"strings"
)

// The code sent « by mistake »: « I typed your number by mistake, a code
// is coming to your phone, send it to me ». The code is the reader's own
// login or account-recovery code, and the story is the same in every
// language the families write (« b lghalat », « po oshibke », « kwa
// makosa », « nhầm », « greška »), where the lexicon reads too few words
// for the credential rule (credreq.go). A code, a phone, an SMS or a
// number, and a word for the mistake, together: on the sets, some 150 such
// messages, all of them lures. A lesson on a program's errors or on the
// highway code is not one.

var (
	// codeForwardCode: the word for the code, in the scripts and
	// transliterations seen (code, kod, kodo, mã, код, كود, رمز, کد…).
	codeForwardCode = regexp.MustCompile(`(?i)(^|[^\pL])(code|codes|kod|kodo|kodi|kodu|kodê|kodun|kodas|kods|kodet|codigo|código|codice|codul|mã|код|кода|коды|kód|كود|الكود|رمز|کد|کوډ|验证码|코드)([^\pL]|$)`)
	// codeForwardPhone: the phone, the SMS or the number it came to.
	codeForwardPhone = regexp.MustCompile(`(?i)sms|texto|t[ée]l[ée]phone|phone|telefon|simu|máy|num[ée]r|number|numer|rakam|nomer|hamar|broj|номер|телефон|6 ?(chiffres|digits|ar9am|số|cifre|cyfr)|tarakimu|6-?digit`)
	// codeForwardMistake: the mistake the story turns on.
	codeForwardMistake = regexp.MustCompile(`(?i)erreur|mistake|accidental|greška|greske|gre[sș]eal|ghalat|lghalat|makosa|oshibk|ошибк|diso|nhầm|galti|sxal|fehler|error|hata|yanl[ıi]ş|slučajno|sluchajno|engano|sbaglio|equivoc|pomyłk|pomylk|omyłk`)
	// codeForwardNot: a program, a law or a place: the code is no
	// credential there.
	codeForwardNot = regexp.MustCompile(`(?i)python|html|javascript|scratch|programm|compil|algorithm|variable|fonction|function|ligne \d|line \d|bug|code (de la route|postal|barre|civil|p[ée]nal|vestimentaire|couleur|source)|code[- ]barre`)
)

// codeForwardRisk is its risk: the hold line.
const codeForwardRisk = 0.5

// textCodeForward returns the risk of a request to forward a code sent
// by mistake in s, or 0.
func textCodeForward(s string) float64 {
	if codeForwardCode.MatchString(s) && codeForwardPhone.MatchString(s) && codeForwardMistake.MatchString(s) &&
		!codeForwardNot.MatchString(s) {
		return codeForwardRisk
	}
	return 0
}

// mayNameCode reports whether s names a code in the words its keys do
// not tell apart (« mã » folds to « ma ») or a script the tokens do not
// split (验证码): the engine reads the others by their keys (lureCode).
func mayNameCode(s string) bool {
	return strings.Contains(s, "mã") || strings.Contains(s, "Mã") || strings.Contains(s, "验证码")
}
