package screen

import "sync"

// The text readers of call-back lures (callback.go), codes sent by
// mistake (codeforward.go) and the unreachable boss (bossfraud.go) read
// the raw text, and a search of every message for their words cost 4 %
// of Check. The words' keys carry a bit each instead (keyInfo.lure); the
// analysis ORs the bits of a message's tokens (featureVec.lure), and the
// engine runs a reader only when its words are there.

const (
	lureCall    uint8 = 1 << iota // a verb of calling: appelez, rappeler, composez…
	lureCode                      // a word for a code: code, kod, код, كود…
	lureMeeting                   // réunion, conférence, séminaire, meeting
	lureSecret                    // discret, confidentiel, n'en parlez…
	lureAll     = lureCall | lureCode | lureMeeting | lureSecret
)

// lureWords are the keys of those words and their bits. Built on first
// use, as sendLemmas: keys need the accent folding the package's init
// builds.
var lureWords = sync.OnceValue(func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(b uint8, words string) {
		for w := range keySet(words) {
			m[w] |= b
		}
	}
	add(lureCall, `appelez appeler appelle appelles appel rappelez rappeler rappelle rappelles rappel composez composer
		contactez contacter joindre joignez telephonez telephoner call`)
	add(lureCode, `code codes kod kodo kodi kodu kodê kodun kodas kods kodet codigo código codice codul код кода коды kód
		كود الكود رمز کد کوډ 코드`)
	add(lureMeeting, `reunion reunions conference conferences seminaire seminaires meeting meetings`)
	add(lureSecret, `discret discrete discrets discretes discretion discreet confidentiel confidentielle confidentiels
		confidential parlez`)
	return m
})
