package screen

import "strings"

// The unreachable boss (« fraude au président »): a message in a head's
// or a manager's name says they are in a meeting and cannot telephone,
// and asks for something urgent and discreet, to be answered only there
// (« Êtes-vous disponible ? Je suis en réunion au rectorat et j'ai
// besoin d'un service rapide et discret. Répondez-moi ici uniquement,
// pas par téléphone. »). The first message often asks for nothing yet:
// the gift cards or the transfer come in the reply. Whoever writes it,
// the three together cut the reader off from checking by phone; the
// message holds on its own, as a lure file does.

// bossMeeting, bossNoPhone and bossSecret are the three parts (lower-case,
// accents as typed or folded). The writer is the one who cannot be
// called: « merci de ne pas téléphoner pendant la réunion
// confidentielle » is a rule for the reader, not this.
var (
	bossMeeting = []string{"réunion", "reunion", "conférence", "conference", "séminaire", "seminaire",
		"in a meeting", "in meetings"}
	bossNoPhone = []string{"peux pas téléphoner", "peux pas telephoner", "peux pas appeler", "peux pas prendre d",
		"peux pas prendre les appels", "peux pas parler", "pourrai pas téléphoner", "pourrai pas appeler",
		"pas joignable", "injoignable", "pas par téléphone", "pas par telephone", "uniquement ici", "ici uniquement",
		"seulement ici", "uniquement par mail", "uniquement par écrit", "can't talk", "cannot talk", "can't call",
		"cannot call", "can't take calls", "unable to call"}
	bossSecret = []string{"discret", "discrète", "discrétion", "discreet", "confidenti", "n'en parlez", "n’en parlez"}
)

// bossFraudRisk is its risk: the hold line.
const bossFraudRisk = 0.5

// textBossFraud returns the risk of an unreachable boss's discreet
// request in s, or 0. The engine runs it on a message whose tokens name
// a meeting and a secret (lurewords.go).
func textBossFraud(s string) float64 {
	lower := strings.ToLower(s)
	if containsAny(lower, bossMeeting) && containsAny(lower, bossNoPhone) && containsAny(lower, bossSecret) {
		return bossFraudRisk
	}
	return 0
}
