package drill

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var subjects = []string{"Mathématiques", "Français", "Histoire-géographie", "SVT", "Anglais", "Physique-chimie", "Technologie"}

func homework(r *rand.Rand) string {
	return fmt.Sprintf("Bonjour à tous, pour %s en %s : exercices %d à %d page %d, et relire la leçon %d. Bonne soirée.",
		[]string{"lundi", "mardi", "jeudi", "vendredi"}[r.IntN(4)], subjects[r.IntN(len(subjects))], 1+r.IntN(5), 6+r.IntN(6), 20+r.IntN(200), 1+r.IntN(12))
}

func question(r *rand.Rand) string {
	return []string{
		"Bonjour, pourriez-vous me dire quel livre acheter pour le prochain trimestre ? Merci d'avance.",
		"Bonjour, mon fils n'a pas compris l'exercice %d, est-il possible d'en reparler en classe ? Cordialement.",
		"Bonjour, ma fille a oublié son cahier en classe hier, pouvez-vous le garder jusqu'à demain ? Merci.",
		"Bonjour, je souhaiterais vous rencontrer au sujet des résultats du trimestre %d. Quelles sont vos disponibilités ?",
	}[r.IntN(4)]
}

// The letter every head forwards the same morning.
const rectoratLetter = "Madame, Monsieur, des messages menaçants ont été envoyés ce matin à de nombreux établissements par des comptes piratés. " +
	"La police est saisie et des plaintes ont été déposées. Ne répondez pas à ces messages et signalez-les à l'établissement. " +
	"Les cours sont maintenus. Consignes : https://www.education.gouv.fr/securite"

// ordinaryEvent draws one ordinary message of the morning.
func (d *drill) ordinaryEvent() event {
	r := d.rng
	i := r.IntN(d.o.Establishments)
	u := uai(i)
	c := 1 + r.IntN(2)
	switch x := r.IntN(100); {
	case x < 30:
		t := 1 + r.IntN(3)
		if t < 3 {
			c = t
		}
		return event{kind: ordinary, from: fmt.Sprintf("t.%d.%d", i, t), fresh: r.IntN(20) == 0, to: []string{fmt.Sprintf("class:%s/C%d", u, c)}, subject: "Devoirs", body: homework(r)}
	case x < 42:
		return event{kind: ordinary, from: fmt.Sprintf("t.%d.%d", i, c), fresh: r.IntN(20) == 0, to: []string{fmt.Sprintf("parents:%s/C%d", u, c)}, subject: "Information",
			body: museumNote(r)}
	case x < 62:
		// The same absence note from many parents, word for word.
		return event{kind: ordinary, from: fmt.Sprintf("p.%d.%d.%d", i, c, 1+r.IntN(8)), fresh: r.IntN(20) == 0, to: []string{fmt.Sprintf("user:t.%d.%d", i, c), fmt.Sprintf("user:s.%d", i)},
			subject: "Absence", body: absenceNote}
	case x < 75:
		return event{kind: ordinary, from: fmt.Sprintf("p.%d.%d.%d", i, c, 1+r.IntN(8)), fresh: r.IntN(20) == 0, to: []string{fmt.Sprintf("user:t.%d.%d", i, c)}, subject: "Question",
			body: fmt.Sprintf(question(r), 1+r.IntN(3))}
	case x < 83:
		return event{kind: ordinary, from: fmt.Sprintf("h.%d", i), fresh: r.IntN(5) == 0, to: []string{"parents:" + u + "/C1", "parents:" + u + "/C2", "staff:" + u},
			subject: "Message du recteur", body: rectoratLetter}
	case x < 93:
		return event{kind: ordinary, from: fmt.Sprintf("s.%d", i), to: []string{fmt.Sprintf("parents:%s/C%d", u, c)}, subject: "Vie scolaire",
			body: fmt.Sprintf("Bonjour, nous vous rappelons que le carnet de correspondance doit être signé avant le %d. La vie scolaire.", 1+r.IntN(28))}
	default:
		return event{kind: ordinary, from: fmt.Sprintf("t.%d.3", i), to: []string{fmt.Sprintf("teachers:%s/C%d", u, c)}, subject: "Conseil de classe",
			body: fmt.Sprintf("Bonjour à tous, le conseil de classe aura lieu le %d à 17h30 en salle des professeurs.", 1+r.IntN(28))}
	}
}

// The wave: the known texts (the screen catches them) and texts it has
// never seen (only the wave's signals can).
var waveTexts = []struct{ subject, body string }{
	{"URGENT", "Une bombe a été déposée dans le collège, elle explosera à 10h. Vous êtes prévenus, ce n'est pas une blague."},
	{"Allahu akbar", "Gloire aux moudjahidines qui ont frappé, ils ont eu raison de tuer ces mécréants. Le prochain attentat sera dans votre établissement."},
	{"Regardez", "Regardez la vidéo de la décapitation, c'est ce qui attend vos professeurs : https://videos-choc-ecole.ru/watch?v=12"},
	{"Information importante", "Message important de la vie scolaire : suite à un incident, les cours de demain sont annulés. Gardez vos enfants à la maison et ne contactez pas l'établissement, les lignes sont saturées."},
	{"Convocation", "Bonjour, votre enfant figure sur la liste des élèves convoqués demain matin devant le portail nord. Merci de confirmer sa présence en répondant à ce message avant ce soir, sans en parler à l'équipe."},
}

var synonyms = map[string]string{
	"bombe": "explosif", "collège": "bahut", "déposée": "posée", "prévenus": "avertis", "blague": "plaisanterie",
	"frappé": "attaqué", "vidéo": "séquence", "professeurs": "profs", "important": "urgent", "annulés": "supprimés",
	"maison": "domicile", "figure": "apparaît", "confirmer": "valider", "portail": "entrée", "incident": "problème",
}

var emoji = []string{"💣", "🔥", "😈", "⚠️", "🔪", "💀"}

// waveText draws one wave message with its variations.
func waveText(r *rand.Rand) (string, string) {
	t := waveTexts[r.IntN(len(waveTexts))]
	words := strings.Split(t.body, " ")
	for i, w := range words {
		bare := strings.Trim(w, ".,:!?")
		switch {
		case synonyms[bare] != "" && r.IntN(3) == 0:
			words[i] = strings.Replace(w, bare, synonyms[bare], 1)
		case len(bare) >= 6 && r.IntN(8) == 0:
			words[i] = strings.NewReplacer("o", "0", "e", "3", "i", "1", "a", "4").Replace(w) // leetspeak
		case len(bare) >= 5 && r.IntN(12) == 0:
			words[i] = strings.Join(strings.Split(w, ""), " ") // s p a c e d
		}
	}
	body := strings.Join(words, " ")
	if r.IntN(2) == 0 {
		body += " " + emoji[r.IntN(len(emoji))]
	}
	if r.IntN(4) == 0 {
		body = strings.ToUpper(body)
	}
	return t.subject, body
}

// The genuine templates: an absence note parents send every day, the
// PPMS notice heads send and teachers forward, a circular, the museum
// note teachers send to parents.
const (
	absenceNote = "Mon enfant sera absent demain pour raison médicale."
	ppmsNotice  = "Exercice PPMS confinement jeudi à 10 h : les élèves resteront en classe avec leur professeur jusqu'au signal de fin. " +
		"Aucune sortie ne sera possible pendant l'exercice. Merci de ne pas venir chercher vos enfants."
	circular = "Madame, Monsieur, vous trouverez ci-dessous la circulaire sur le calendrier des conseils de classe du deuxième trimestre " +
		"et les modalités de rencontre avec les professeurs principaux."
)

// weatherNotice is a head's closure notice for a storm, with alarm words
// of its own, that teachers pass on.
const weatherNotice = "Alerte météo rouge : le collège sera fermé demain, aucun élève ne sera accueilli. Prévenez les autres familles de la classe " +
	"qui n'auraient pas reçu ce message. Inutile d'appeler le secrétariat, les informations seront mises à jour sur l'ENT."

func museumNote(r *rand.Rand) string {
	return fmt.Sprintf("Madame, Monsieur, la sortie au musée de la classe aura lieu le %d. Merci de rendre l'autorisation signée avant vendredi.", 1+r.IntN(28))
}

// attackTexts are the attackers' texts as clauses, each with the ways an
// attacker words it: a paraphrasing attacker picks one per clause and
// shuffles the clauses, each sender their own way.
var attackTexts = map[Text][][]string{
	TextHoax: {
		{"Le collège sera fermé demain", "Demain l'établissement restera fermé", "Fermeture du collège demain", "Pas de cours demain, le bahut est fermé"},
		{"suite à une alerte", "à cause d'une alerte", "pour raison de sécurité", "après un problème grave"},
		{"prévenez les autres familles", "faites passer aux autres parents", "transmettez aux autres familles", "merci d'avertir les autres parents"},
		{"ne contactez pas le secrétariat", "inutile d'appeler l'administration", "le standard ne répond plus"},
	},
	TextVeiled: {
		{"Vous avez de la chance que rien ne soit encore arrivé", "Profitez bien, rien n'est encore arrivé", "Pour l'instant rien ne s'est passé"},
		{"mais ça ne va pas durer", "mais cela ne durera pas", "ça ne va pas rester comme ça"},
		{"on sait où se trouve votre classe", "nous savons où est votre salle", "on connaît votre salle de classe"},
		{"à très bientôt", "on se verra bientôt", "vous aurez bientôt de nos nouvelles"},
	},
	TextPhishing: {
		{"Bonjour, la facture de cantine du mois n'a pas été réglée", "Votre paiement de la restauration scolaire est en attente",
			"Il reste un impayé sur le compte cantine de votre enfant", "Le service de restauration n'a pas reçu votre règlement"},
		{"merci de régulariser avant vendredi", "réglez-le sous 48 heures", "sans paiement l'accès au self sera suspendu", "merci de payer rapidement"},
		{"sur le portail de paiement", "via l'espace familles", "en ligne avec votre carte bancaire"},
	},
	TextPhishingDomains: {
		{"Bonjour, la facture de cantine du mois n'a pas été réglée", "Votre paiement de la restauration scolaire est en attente",
			"Il reste un impayé sur le compte cantine de votre enfant", "Le service de restauration n'a pas reçu votre règlement"},
		{"merci de régulariser avant vendredi", "réglez-le sous 48 heures", "sans paiement l'accès au self sera suspendu", "merci de payer rapidement"},
		{"sur le portail de paiement", "via l'espace familles", "en ligne avec votre carte bancaire"},
	},
	TextIntrusion: {
		{"Alerte intrusion en cours dans l'établissement", "Un individu armé a été signalé près du collège", "Situation de crise au collège ce matin"},
		{"venez chercher vos enfants immédiatement", "récupérez votre enfant au plus vite", "les familles doivent venir chercher les élèves tout de suite"},
		{"n'appelez surtout pas le collège", "ne téléphonez pas, les lignes doivent rester libres", "inutile de contacter la vie scolaire"},
		{"faites suivre à tous les parents", "partagez ce message aux autres familles", "prévenez les parents que vous connaissez"},
	},
	TextAcademyPrefix: {
		{"Bonjour, la facture de cantine du mois est disponible", "Votre facture de restauration scolaire est disponible", "Le relevé de cantine de votre enfant est en ligne"},
		{"merci de la régler avant vendredi", "règlement avant la fin du mois", "à régler sur l'espace familles"},
		{"sur le portail de la régie", "via l'espace familles", "en ligne par carte bancaire"},
	},
	TextQuietHoax: {
		{"Les cours de demain n'auront pas lieu", "Demain il n'y aura pas cours", "Pas de classe demain pour les élèves", "Les élèves n'auront pas cours demain"},
		{"gardez vos enfants à la maison", "merci de garder votre enfant chez vous", "votre enfant reste à la maison toute la journée"},
		{"la direction nous l'a confirmé ce matin", "c'est la direction qui l'a annoncé", "information donnée par la principale"},
		{"bonne journée", "merci de votre compréhension", "cordialement"},
	},
	TextInvite: {
		{"Bonjour, les rendez-vous parents-professeurs du trimestre se prennent en ligne cette année", "Les rencontres parents-professeurs se réservent désormais en ligne",
			"La prise de rendez-vous avec les professeurs se fait sur le nouveau site"},
		{"merci de choisir un créneau avant vendredi", "pensez à réserver votre créneau cette semaine", "les créneaux sont ouverts jusqu'à vendredi"},
	},
	TextLink: {
		{"Bonjour, les photos de la sortie sont en ligne", "Les photos du voyage scolaire sont disponibles", "Voici l'album de la classe"},
		{"pensez à vous connecter avec vos identifiants ENT", "connectez-vous avec votre compte de l'ENT pour les voir", "identifiez-vous avec vos codes ENT"},
	},
}

// lookalikeAcademies name the lookalike domains (« ac-versailles-regie.fr »).
var lookalikeAcademies = []string{"versailles-regie", "creteil-cantine", "paris-famille", "lyon-paiement", "lille-services"}

// synonymPool is unused words an attacker pads a paraphrase with.
var synonymPool = []string{"vraiment", "sérieusement", "urgent", "attention", "important", "rapidement", "svp", "bien"}

// style is how one sender of a mixed wave writes: the share of clauses
// in English, the share of words in leetspeak.
type style struct{ english, leet float64 }

var noStyle = style{}

// englishTexts are clauses of attackTexts in English, for senders who mix
// languages.
var englishTexts = map[Text][][]string{
	TextHoax: {
		{"The school will be closed tomorrow", "No school tomorrow, the college is shut", "Tomorrow the school stays closed"},
		{"after a security alert", "because of a serious problem", "for safety reasons"},
		{"tell the other families", "pass it on to the other parents", "warn the other parents"},
		{"do not call the office", "no point calling the school", "the switchboard is down"},
	},
	TextIntrusion: {
		{"Intruder alert at the school right now", "An armed man was reported near the school", "Crisis situation at the college this morning"},
		{"come and pick up your kids now", "fetch your child as fast as you can", "parents must collect the pupils immediately"},
		{"do not call the school", "don't phone, the lines must stay free", "no use calling the office"},
		{"forward this to all parents", "share this with the other families", "warn every parent you know"},
	},
}

// imageWords are what an image-only wave writes beside its picture.
var imageWords = []struct{ subject, body string }{
	{"Regardez", "👀"}, {"!!!", "regardez ça"}, {"Photo", "⚠️⚠️"}, {"À voir", "..."}, {"IMG", "😱"}, {"Urgent", "vu ce matin"},
}

// photoSubjects and photoNotes are what parents write with the sports
// day's photo.
var (
	photoSubjects = []string{"Photo du cross", "Cross du district", "Photo", "La photo de la journée sportive"}
	photoNotes    = []string{"Bonjour, voici la photo du cross prise par les parents accompagnateurs. Bonne journée.",
		"Merci pour l'organisation du cross ! La photo de la classe en pièce jointe.",
		"Bonjour, je vous transmets la photo du groupe au cross du district.", "Pour le journal de la classe, la photo d'hier."}
)

// classPhotoCaptions are what teachers write beside their class's photo
// (subject, body).
var classPhotoCaptions = [][2]string{{"Photo de classe", "La photo !"}, {"Photo", "Photo de classe"}, {"Photo de la classe", "Bonne soirée"}, {"Souvenir", "Photo de classe"}}

// attackText draws an attack message; words is the sender's own order.
func attackText(t Text, r *rand.Rand, paraphrase bool, words []int, seq int, st style) (string, string) {
	switch t {
	case TextMarch:
		return waveText(r)
	case TextTemplate:
		return "Absence", absenceNote
	case TextImage:
		w := imageWords[r.IntN(len(imageWords))]
		return w.subject, w.body
	case TextPDF:
		w := pdfNotes[r.IntN(len(pdfNotes))]
		return w.subject, w.body
	case TextMuseumIBAN:
		return "Sortie", museumNote(r) + " Participation de 12 euros par virement : IBAN FR94 3000 4028 3798 7654 3210 943."
	case TextPDFPlain:
		return "Facture", "Bonjour, veuillez trouver ci-joint la facture. Cordialement."
	case TextRelayAlarm:
		// Kept as alike to the notice as a relay (RelayLikeness): a short
		// introduction or none, one short line.
		intro := []string{"", "Bonjour à tous, pour information : ", "Bonjour, je vous transmets le message de la direction. "}[r.IntN(3)]
		return "Tr : Grève du jeudi", intro + strikeNotice + relayAlarms[r.IntN(len(relayAlarms))]
	case TextMuseumPoster:
		return "Sortie", museumNote(r)
	case TextPadded:
		_, body := attackText(TextIntrusion, r, paraphrase, words, seq, st)
		return "URGENT", paddedIntrusion(r, body)
	case TextVideo:
		w := videoWords[r.IntN(len(videoWords))]
		return w[0], w[1]
	case TextKnownLink:
		return "Cantine", knownLinkBill
	case TextKnownPicture:
		w := videoWords[r.IntN(len(videoWords))] // emoji, no word
		return w[0], w[1]
	case TextPhotoCaption:
		return "Photo", "📷"
	case TextPDFLetter, TextPDFScan:
		w := videoWords[r.IntN(len(videoWords))] // emoji, no word: the words are in the document
		return w[0], w[1]
	case TextTemplateLink:
		return "Sortie", museumNote(r) + fmt.Sprintf(" Autorisation à remplir en ligne : https://autorisation.sortie-%x.fr/classe?id=%d", r.Uint32(), seq)
	}
	clauses := attackTexts[t]
	if t == TextAcademyLookalike {
		clauses = attackTexts[TextPhishing]
	}
	parts := make([]string, len(clauses))
	for i, alts := range clauses {
		if en := englishTexts[t]; st.english > 0 && i < len(en) && r.Float64() < st.english {
			alts = en[i]
		}
		parts[i] = alts[0]
		if paraphrase {
			parts[i] = alts[r.IntN(len(alts))]
		}
		if st.leet > 0 {
			ws := strings.Split(parts[i], " ")
			for k, w := range ws {
				if len(w) >= 4 && r.Float64() < st.leet {
					ws[k] = strings.NewReplacer("o", "0", "e", "3", "i", "1", "a", "4", "s", "5", "t", "7").Replace(w)
				}
			}
			parts[i] = strings.Join(ws, " ")
		}
	}
	if paraphrase {
		r.Shuffle(len(parts)-1, func(a, b int) { parts[a+1], parts[b+1] = parts[b+1], parts[a+1] })
		parts = append(parts, synonymPool[words[0]])
	}
	body := strings.Join(parts, ", ") + "."
	subject := map[Text]string{TextInvite: "Rencontres parents-professeurs", TextHoax: "Information importante", TextVeiled: "Pour vous", TextLink: "Photos", TextPhishing: "Cantine",
		TextIntrusion: "URGENT", TextPhishingDomains: "Cantine", TextAcademyLookalike: "Cantine", TextAcademyPrefix: "Cantine", TextQuietHoax: "Information"}[t]
	switch t {
	case TextLink:
		body += fmt.Sprintf(" https://a%x%d.photos-sortie-college.fr/album/%d", r.Uint32(), seq, r.IntN(1000))
	case TextInvite:
		body += fmt.Sprintf(" https://rdv%x.reservation-creneaux.fr/rencontres/%d", r.Uint32(), r.IntN(1000))
	case TextPhishing:
		body += fmt.Sprintf(" https://paiement-%x.restauration-scolaire-famille.fr/regler?ref=%d", r.Uint32(), seq)
	case TextPhishingDomains:
		body += fmt.Sprintf(" https://paiement.cantine-%x.fr/regler?ref=%d", r.Uint32(), seq)
	case TextAcademyPrefix:
		body += fmt.Sprintf(" https://paiement.ac-regie-%x.fr/regler?ref=%d", r.Uint32()%4096, seq)
	case TextAcademyLookalike:
		// A registered domain of its own for each copy, named like an
		// académie's (« ac-versailles.fr »).
		body += fmt.Sprintf(" https://paiement.ac-%s-%x.fr/regler?ref=%d", lookalikeAcademies[r.IntN(len(lookalikeAcademies))], r.Uint32()%4096, seq)
	}
	return subject, body
}

// denialNotice is a head's denial of a hoax that is going round: it
// names the hoax, so it shares words with it.
const denialNotice = "Madame, Monsieur, un message annonçant la fermeture du collège demain circule depuis ce matin : il est faux. " +
	"Le collège sera ouvert demain et les cours auront lieu normalement. Ne le transférez pas et signalez-le s'il vous parvient. La direction."

// relayIntro is what a teacher writes above a notice they pass on.
var relayIntro = []string{
	"Bonjour, je vous transmets le message de la direction. ",
	"Bonjour à tous, pour information : ",
	"Chers parents, voici le message de Mme la Principale. ",
	"",
}

// obfuscate dresses a text the way a wave does to slip past word lists:
// leetspeak, spaced letters, emoji between words.
func obfuscate(r *rand.Rand, body string) string {
	words := strings.Split(body, " ")
	for i, w := range words {
		switch bare := strings.Trim(w, ".,:!?'"); {
		case len(bare) >= 5 && r.IntN(4) == 0:
			words[i] = strings.NewReplacer("o", "0", "e", "3", "i", "1", "a", "4", "s", "5").Replace(w)
		case len(bare) >= 5 && r.IntN(8) == 0:
			words[i] = strings.Join(strings.Split(w, ""), " ")
		case r.IntN(6) == 0:
			words[i] = w + " " + emoji[r.IntN(len(emoji))]
		}
	}
	return strings.Join(words, " ")
}

// relayAlarms are the lines a hijacked teacher adds to the strike notice
// they pass on: alarming, and short enough to keep the relay alike to the
// notice.
var relayAlarms = []string{
	" Urgence : collège fermé après une menace, n'appelez pas.",
	" Attention : menace sur le collège, gardez vos enfants.",
	" Attention : danger signalé, restez chez vous.",
}

// worriedSubjects and worriedNote are what parents write to the head
// after a rumour about the collège, each their own way: alarm words of
// their own (fear, an alert), no threat.
var worriedSubjects = []string{"Question", "Inquiétude", "Demain ?", "Rumeur"}

func worriedNote(r *rand.Rand) string {
	opening := []string{"Bonjour Madame,", "Bonjour Monsieur le Principal,", "Bonsoir,", "Madame, Monsieur,"}[r.IntN(4)]
	heard := []string{"on parle d'une alerte au collège sur les réseaux", "mon fils a entendu parler d'une menace contre le collège",
		"plusieurs parents évoquent un problème de sécurité au collège", "une rumeur d'alerte circule entre les élèves"}[r.IntN(4)]
	feel := []string{"et ma fille a peur", "et nous sommes inquiets", "et mon enfant est angoissé", "et je ne sais pas quoi en penser"}[r.IntN(4)]
	ask := []string{"Les cours sont-ils maintenus demain ?", "Pouvez-vous nous dire si tout est normal ?", "Faut-il le garder à la maison demain ?",
		"Merci de nous tenir informés."}[r.IntN(4)]
	return fmt.Sprintf("%s %s %s. %s Cordialement.", opening, heard, feel, ask)
}

// strikeNotice is the rectorat's notice of a strike, which every head
// passes on word for word and teachers relay: no alarm, no link.
const strikeNotice = "Madame, Monsieur, en raison d'un mouvement de grève jeudi, les cours n'auront pas lieu pour les classes dont les professeurs seront absents. " +
	"Un accueil des élèves sera assuré au collège de 8 h à 17 h. Merci de votre compréhension."

// stormSubjects and the clauses of stormNote are what parents write the
// evening before a storm day, each their own way.
var stormSubjects = []string{"Absence demain", "Demain", "Tempête", "Absence"}

func stormNote(r *rand.Rand) string {
	opening := []string{"Bonsoir,", "Bonsoir Madame,", "Bonsoir Monsieur,", "Bonjour,"}[r.IntN(4)]
	child := []string{"Léa", "Noah", "Inès", "Hugo", "notre fils", "notre fille", "mon enfant"}[r.IntN(7)]
	reason := []string{"avec l'alerte tempête", "vu la météo annoncée", "à cause de la tempête", "avec les routes fermées"}[r.IntN(4)]
	rest := []string{"restera à la maison demain", "ne viendra pas demain", "ne pourra pas venir en cours demain", "ne prendra pas le car demain"}[r.IntN(4)]
	end := []string{"Merci.", "Bonne soirée.", "Cordialement.", "Merci de votre compréhension."}[r.IntN(4)]
	return fmt.Sprintf("%s %s, %s %s. %s", opening, reason, child, rest, end)
}

// fragments are the quiet hoax cut into pieces of two terms each (under
// the signature's MinTokens), one a message, each with its wordings.
var fragments = [][]string{
	{"Collège fermé !", "Bahut fermé", "Établissement fermé"},
	{"Pas cours demain", "Ne venez pas demain", "Aucun cours demain"},
	{"Gardez vos enfants", "Gardez les enfants chez vous", "Prévenez les autres"},
}

// fragment returns a fragment message: the k-th piece.
func fragment(r *rand.Rand, paraphrase bool, k int) (string, string) {
	alts := fragments[k%len(fragments)]
	if paraphrase {
		return "!!", alts[r.IntN(len(alts))]
	}
	return "!!", alts[0]
}

// padding are the sentences of class life an attacker pads each copy of
// the intrusion alert with, six drawn for each copy (hash-busting): the
// alert is a few terms among forty that no other copy shares.
var padding = []string{
	"La kermesse de fin d'année aura lieu samedi sur le stade municipal.",
	"Le club théâtre répète chaque mardi midi dans la salle polyvalente.",
	"Pensez à rapporter les livres empruntés au centre de documentation.",
	"Les inscriptions à l'association sportive se font auprès du professeur d'EPS.",
	"La photo de classe sera prise jeudi matin devant le gymnase.",
	"Le menu de la cantine propose du poisson vendredi et des lasagnes lundi.",
	"La chorale prépare le concert de printemps avec l'école de musique.",
	"Les carnets de liaison doivent être couverts et étiquetés.",
	"La bourse aux fournitures se tiendra dans le hall mercredi après-midi.",
	"Le voyage en Espagne des quatrièmes partira le douze avril.",
	"Les délégués de parents se réuniront avant le conseil d'administration.",
	"Le foyer organise un tournoi de ping-pong pendant la pause méridienne.",
	"Merci de marquer les vêtements de sport au nom de votre enfant.",
	"La médiathèque du quartier accueille les élèves de sixième le lundi.",
	"Un atelier de jardinage commence au potager derrière le réfectoire.",
	"Les résultats du cross seront affichés au tableau de la vie scolaire.",
	"Le car de ramassage passera dix minutes plus tôt à partir de lundi.",
	"La vente de gâteaux financera la sortie au planétarium.",
	"Les calculatrices collège sont disponibles à la coopérative.",
	"Le brevet blanc se déroulera sur deux jours dans le réfectoire.",
	"Les objets trouvés seront donnés à une association à la fin du mois.",
	"Le concours de mathématiques kangourou approche, les sujets sont en ligne.",
	"L'infirmière rappelle que les vaccinations doivent être à jour.",
	"Les élèves de troisième visiteront le lycée professionnel voisin.",
	"La semaine du goût fera découvrir des fromages et des fruits anciens.",
	"Le journal du collège cherche des dessinateurs et des reporters.",
	"Les casiers seront vidés avant les vacances de printemps.",
	"La piscine intercommunale ferme pour travaux pendant deux semaines.",
	"Le tutorat entre élèves reprend le jeudi soir en salle d'étude.",
	"La course solidaire reversera ses dons à une association caritative.",
	"Les manuels numériques sont accessibles depuis la tablette prêtée.",
	"Une exposition sur la biodiversité est installée dans le couloir du bâtiment B.",
	"Le conseil municipal des jeunes recrute des candidats de cinquième.",
	"La sortie à vélo nécessite un casque et une autorisation parentale.",
	"Le forum des métiers réunira des artisans et des ingénieurs.",
	"Les parents volontaires peuvent accompagner la classe de neige.",
	"La rentrée des classes de septembre se fera par demi-journées.",
	"Le spectacle de danse contemporaine a enchanté les élèves de cinquième.",
	"Les cours d'allemand bilangue recrutent pour l'année prochaine.",
	"La collecte de bouchons plastiques continue près de l'accueil.",
}

// paddedIntrusion pads an intrusion alert (body) with padSentences
// sentences of padding of the copy's own, half before it, half after.
func paddedIntrusion(r *rand.Rand, body string) string {
	p := r.Perm(len(padding))[:padSentences]
	s := make([]string, 0, padSentences+1)
	for _, i := range p[:padSentences/2] {
		s = append(s, padding[i])
	}
	s = append(s, body)
	for _, i := range p[padSentences/2:] {
		s = append(s, padding[i])
	}
	return strings.Join(s, " ")
}

// padSentences is how many sentences of padding each copy carries.
const padSentences = 6

// videoWords are what the video wave writes beside each clip: no word
// at all, so that no text keys it.
var videoWords = [][2]string{{"!!!", "😱😱"}, {"👀", "👀👀👀"}, {"⚠️", "⚠️⚠️"}, {"?!", "💀"}, {"😨", "🔪"}, {"...", "😱"}}

// knownLinkBill is the canteen bill of a phishing wave that gave its
// text and its domain a history the day before: no alarm, the same
// link in every copy.
const knownLinkBill = "Bonjour, la facture de cantine du mois est disponible, merci de la régler avant vendredi sur l'espace familles : " +
	"https://regie-cantine-familles.fr/espace-familles"

// bookingLink is the museum's booking page, which teachers of several
// establishments linked to on the days before.
const bookingLink = " Réservation des groupes : https://www.musee-des-confluences.fr/groupes-scolaires"

// showNotes are what parents write beside their clip of the school show.
var showNotes = [][2]string{
	{"Spectacle", "Bonjour, voici la vidéo du spectacle de fin d'année, bravo aux enfants !"},
	{"Vidéo du spectacle", "Merci pour ce beau spectacle, je vous envoie ma vidéo pour la classe."},
	{"Spectacle de la classe", "Bonjour, la vidéo filmée hier soir au spectacle, bonne journée."},
	{"Vidéo", "Pour le blog de la classe, la vidéo de la chorale."},
}

// surveyNotice is the rectorat's survey heads pass on to families the
// same morning: a link to a domain the service never saw.
const surveyNotice = "Madame, Monsieur, le rectorat conduit cette semaine une enquête sur le climat scolaire auprès des familles. " +
	"Le questionnaire est anonyme et prend une dizaine de minutes : https://www.enquete-climat-scolaire.fr/familles " +
	"Merci de votre participation. La direction."
