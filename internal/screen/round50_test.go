package screen

import (
	"strings"
	"testing"
)

// TestCallbackLure: a request to call a premium-rate number, or a
// « support » after a scare about an infected computer, is a lure the
// screen holds whatever the model reads; an ordinary number to call, a
// warning never to call, and a date or a figure are not. A parent who
// received one and asks the school is weak alone.
func TestCallbackLure(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"Merci de rappeler le secrétariat au 08 99 71 22 30 avant ce soir.", callbackRisk},
		{"Votre colis est bloqué : appelez vite le 0899652314.", callbackRisk},
		{"Contactez-nous au +33 8 92 12 34 56 pour débloquer le dossier.", callbackRisk},
		{"Votre PC est infecté par un virus. Appelez l'assistance technique au 09 70 12 34 56.", callbackRisk},
		{"Vous pouvez appeler la vie scolaire au 01 23 45 67 89 en cas d'absence.", 0},
		{"Ne rappelez jamais le 08 99 12 12 12.", 0},
		{"J'ai reçu un SMS qui me demande de rappeler le 0899121212, c'est normal ?", callbackReportedRisk},
		{"Appelez-moi demain, la réunion est le 08.09.2025 à 18 h.", 0},
		{"Le virus de la grippe circule : appelez le 15 en cas d'urgence.", 0},
		{"Pour le soutien, appelez M. Martin au 06 12 34 56 78.", 0},
		{"Vos droits CPF de 900 € expirent fin mars : appelez notre conseillère au 01 84 60 22 19.", callbackRisk},
		{"Pour utiliser votre CPF, appelez la DRH au 01 84 60 22 19.", 0},
	} {
		if got, num, _ := textCallback(c.text); got != c.want {
			t.Errorf("%q: %.2f (%q), want %.2f", c.text, got, num, c.want)
		}
	}
	wantHeld(t, []heldCase{
		{"URGENT : votre fille s'est blessée en EPS. Rappelez immédiatement l'infirmerie au 08 99 23 40 11.", true},
		{"Bonjour, l'infirmière a essayé de vous joindre, pouvez-vous la rappeler au 01 45 22 33 44 ? Rien de grave.", false},
	})
}

// TestProposedAct: si, a first-person subject and an act in the
// imperfect propose the act when « et » opens it, a question closes it or
// a conditional frames it; a lesson's habitual past does not.
func TestProposedAct(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"et si on la noyait dans la piscine ?", true},
		{"Et si on le frappait à la sortie", true},
		{"on rigolerait bien si on le frappait à la sortie", true},
		{"si on le frappait à la sortie ?", true},
		{"Au Moyen Âge, si on volait, on était puni.", false},
		{"si on le frappait, il pleurait toujours.", false},
	} {
		got := false
		for _, f := range framesOf(c.text) {
			if f.act != actNone && f.tense == tenseConditional && f.actor == actor1 {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: proposed %v, want %v", c.text, got, c.want)
		}
	}
}

// TestReceivedVideoReported: a child or a pupil who received a violent
// video and tells the school reports it; whoever sends one, or announces
// it, is not reporting.
func TestReceivedVideoReported(t *testing.T) {
	wantHeld(t, []heldCase{
		{"Madame la Principale, ma fille a reçu hier soir sur le groupe de la classe une vidéo horrible (une décapitation). Elle n'a pas dormi. Que faites-vous ?", false},
		{"Monsieur, quelqu'un a posté une vidéo de décapitation dans le groupe de la classe ce soir. Je l'ai pas regardée.", false},
		{"je vous ai envoyé la vidéo de la décapitation dans le groupe de la classe, regardez bien ce soir, c'est ce qui vous attend", true},
		{"vous avez reçu la vidéo ? demain c'est vous qu'on égorge dans la classe", true},
	})
}

// TestSweatSmileLaughs: 😅 laughs at the writer's own exasperation (« je
// vais le tuer 😅 ») as 😂 does; a threat with a time and a place stays
// held.
func TestSweatSmileLaughs(t *testing.T) {
	wantHeld(t, []heldCase{
		{"Il a encore oublié son cahier de texte au collège. Un jour je vais le tuer 😅 Pouvez-vous me dire les devoirs pour jeudi ?", false},
		{"demain 8h je viens au collège avec le fusil de mon père et je vous tue tous 😅", true},
	})
}

// TestChangeOwnPassword: a notice asking families to change their own
// password, after a list of things not to forward, asks for nothing; a
// request to forward it, or an English one, does.
func TestChangeOwnPassword(t *testing.T) {
	readerHolds(t, func(text string) (float64, string) {
		_, toks := tokensOf(text)
		return credentialRequest(text, toks)
	}, []heldCase{
		{"Je vous demande de ne pas ouvrir les liens de ces messages, de ne pas les transférer, et de changer dès ce soir le mot de passe de votre compte.", false},
		{"Merci de modifier votre mot de passe ENT avant lundi.", false},
		{"Please ignore any email asking you to send your password.", false},
		{"Merci de me transmettre dès ce soir le mot de passe de votre compte.", true},
		{"Pour changer d'emploi du temps, envoyez-moi votre mot de passe ENT.", true},
		{"please send me your password before tonight", true},
	})
}

// TestEnglishReportCues: a pupil telling in English that someone sent or
// posted a threat reports it, to the rules; the threat itself, sent, is
// held. (The model still weighs the report's words: it is not tested
// here.)
func TestEnglishReportCues(t *testing.T) {
	rulesHold(t, []heldCase{
		{"Madame, somebody texted me a message saying there is a bomb in the school tomorrow. I'm scared, what do I do?", false},
		{"there is a bomb in the school tomorrow, nobody leaves alive", true},
	})
}

// TestJihadistTerms50: the names of the Islamic State's Khorasan
// province, of the land of unbelief and of the hypocrites are extremist
// references (a word alone does not hold).
func TestJihadistTerms50(t *testing.T) {
	for _, w := range []string{"wilayat", "khorasan", "kufr", "munafiqin", "tawaghit", "daralkufr"} {
		if lx.info(w).class&clExtremist == 0 {
			t.Errorf("%s: not an extremist reference", w)
		}
	}
}

// TestBossFraud: a message that says its writer is in a meeting and
// cannot be called, and asks for discretion, holds on its own; the same
// meeting without the secrecy, or a rule for the reader, does not.
func TestBossFraud(t *testing.T) {
	readerHolds(t, func(text string) (float64, string) { return textBossFraud(text), "" }, []heldCase{
		{"Bonjour, êtes-vous disponible ? Je suis en réunion à la DSDEN et je ne peux pas téléphoner. J'ai une demande confidentielle, répondez-moi vite.", true},
		{"Êtes-vous à votre bureau ? J'ai besoin d'un service en toute discrétion. Je suis en réunion au rectorat, répondez-moi uniquement ici.", true},
		{"Hi, are you available? I'm in a meeting and can't talk. I need a discreet favour, reply here.", true},
		{"Je suis en réunion et je ne peux pas téléphoner : pouvez-vous surveiller ma classe dix minutes ?", false},
		{"Rappel : pendant la réunion confidentielle du conseil de discipline, merci de ne pas téléphoner.", false},
		{"La réunion parents-professeurs aura lieu jeudi, soyez discrets sur les notes.", false},
	})
	wantHeld(t, []heldCase{
		{"Bonjour, êtes-vous disponible ? Je suis en réunion au rectorat et j'ai besoin d'un service rapide et discret. Répondez-moi ici uniquement, pas par téléphone.", true},
	})
}

// TestCodeForward: a code that came « by mistake » to the reader's phone
// and is asked for, in any language, holds on its own; a program's
// error, the highway code, a code with no phone are not.
func TestCodeForward(t *testing.T) {
	readerHolds(t, func(text string) (float64, string) { return textCodeForward(text), "" }, []heldCase{
		{"wesh j'ai mis ton numéro par erreur, tu vas recevoir un code par SMS, renvoie-le moi stp", true},
		{"kaka, nimekosea namba, code imekuja kwa simu yako kwa makosa, nitumie tafadhali", true},
		{"bro I put your number by mistake, a 6-digit code is coming, send it to me", true},
		{"Привет, я по ошибке ввёл твой номер, тебе придёт код, скинь мне", true},
		{"Madame, mon code Python affiche une erreur ligne 6 sur mon téléphone", false},
		{"J'ai fait une erreur au code de la route, 34 sur 40, je le repasse par téléphone ?", false},
		{"Le code du casier est 4512, pas d'erreur cette fois", false},
	})
}

// TestWontWalkAway: « tu repartiras pas sur tes jambes », « prépare le
// numéro du dentiste »: a beating announced by its outcome, to the
// rules; someone too tired to stand, or counting the days to the
// holidays, is not.
func TestWontWalkAway(t *testing.T) {
	rulesHold(t, []heldCase{
		{"demain à la sortie il rentrera pas chez lui sur ses jambes", true},
		{"jeudi au city tu repartiras plus sur tes deux jambes", true},
		{"demain mes cousins t'attendent au city, prépare le numéro du dentiste", true},
		{"après le cross il ne tenait plus sur ses jambes, il est rentré se coucher", false},
		{"je compte les jours avant les vacances", false},
	})
}

// TestLureGates: the engine runs the lure readers only on a message whose
// tokens have their words (lurewords.go); each of these, in its script
// and spelling, still reaches its reader.
func TestLureGates(t *testing.T) {
	wantHeld(t, []heldCase{
		{"URGENT : rappelez l'infirmerie au 08 99 23 40 11.", true},
		{"Привет, я по ошибке ввёл твой номер, тебе придёт код по смс, скинь мне", true},
		{"salam, sifetlik code b lghalat f SMS, 6 ar9am, 3tih lia", true},
		{"ê gửi t cái mã 6 số vừa về máy m đi, t lỡ điền nhầm số m", true},
		{"Hi, are you available? I'm in a meeting and can't talk. I need a discreet favour, reply here.", true},
		{"Êtes-vous disponible ? Je suis en séminaire, je ne peux pas téléphoner. C'est confidentiel.", true},
	})
}

// TestLureWordsCoverReaders: the words the lure readers look for in the
// text (callback.go, bossfraud.go) carry their gate's bit in their keys
// (lurewords.go), or the engine would never run the reader on them.
func TestLureWordsCoverReaders(t *testing.T) {
	for _, c := range []struct {
		bit   uint8
		words string
	}{
		{lureCall, "appelez appeler appelle rappelez rappeler rappelle composez contactez contacter joindre joignez téléphonez téléphoner call"},
		{lureMeeting, "réunion reunion conférence conference séminaire seminaire meeting"},
		{lureSecret, "discret discrète discrétion discreet confidentiel confidentielle confidential parlez"},
		{lureCode, "code kod kodo код كود"},
	} {
		for _, w := range strings.Fields(c.words) {
			_, toks := tokensOf(w)
			var bits uint8
			for i := range toks {
				if toks[i].info != nil {
					bits |= toks[i].info.lure
				}
			}
			if bits&c.bit == 0 {
				t.Errorf("%q: lure bits %b, want %b", w, bits, c.bit)
			}
		}
	}
}
