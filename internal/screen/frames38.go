package screen

import "strings"

// Violent media sent to shock (the thirty-third round). In March 2024 a
// beheading video went to whole schools; pupils pass round the video of a
// classmate beaten in the toilets. The sender names no act of his own:
// the act is what the video shows, and what makes the message harmful is
// that he spreads it, or bids others to, for the shock. violentMedia reads
// the frame from its parts:
//
//   - a video or picture (the exposure reader's media words, or « regarde »);
//   - violence it shows: someone « se fait » beaten, stabbed, slapped,
//     beheaded (not « défoncer » or « éclater », a score's words), or a
//     beheading, an execution, a lynching, « la tête qui tombe », « du
//     sang partout »;
//   - the speaker spreads it (« je l'envoie à toute la classe », « je
//     l'ai mise sur le groupe ») or bids others to (« envoyez-la »,
//     « partagez », « faites tourner »), or sends it for the shock
//     (« regardez jusqu'au bout », « âmes sensibles », a laugh).
//
// Who warns, reports or teaches is not spreading it: a negation (« ne la
// partagez pas »), a report (« on m'a envoyé », « signalez », « Pharos »,
// « la faire retirer »), a lesson or a film.

// The violent-media word classes (keyInfo.vm), computed once per key.
const (
	vmHarmVerb uint8 = 1 << iota // after « se fait »: égorger, tabasser, gifler
	vmFaire                      // fait, faire, font
	vmHarmNoun                   // décapitation, exécution, lynchage
	vmShare                      // envoyez, partagez, faites (tourner)
	vmShock                      // sensibles, choc, bout, mdr, prochain
	vmReport                     // signalez, Pharos, retirer, reçu, film, cours
	vmSent                       // mise, envoyée, postée (after « je l'ai »)
)

var vmWords = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(b uint8, words string) {
		for w := range keySet(words) {
			m[w] |= b
		}
	}
	add(vmHarmVerb, `egorger egorge egorgee egorges tabasser tabasse tabassee tabasses frapper frappe frappee
		frappes planter plante plantee taillader taillade tailladee gifler gifle giflee decapiter decapite decapitee
		tuer tue tuee buter bute butee lyncher lynche lynchee poignarder poignarde poignardee executer execute
		executee torturer torture torturee violer viole violee bruler brule brulee agresser agresse agressee
		lapider lapide lapidee trancher tranche tranchee cramer crame cramee ramasser ramasse ramassee defoncer
		defonce defoncee massacrer massacre massacree`)
	add(vmFaire, "fait faire font faisait faisaient fera feront")
	add(vmHarmNoun, `decapitation decapitations egorgement egorgements execution executions lynchage lynchages
		tabassage tabassages torture tortures decapite decapitee egorge egorgee execute executee beheading
		beheadings gore`)
	add(vmShare, `envoyez envoie envoies partagez partage partages transferez transfere balancez balance
		diffusez diffuse postez poste mettez faites fais tourner tournez`)
	add(vmShock, "sensibles choc bout mdr lol ptdr jpp ouf prochain gore direct dormir pleurer hihi")
	add(vmReport, "signale signalez signaler pharos retirer supprimer supprimez choque choquee recu recue documentaire film cours extrait police plainte")
	add(vmSent, "mise mis envoye envoyee envoyees postee poste balancee balance partagee partage")
	return m
}()

// vmTraitor are those a warning video is sent to: « ce qui arrive aux
// balances ».
var vmTraitor = keySet("balances balance traitres traitre mouchards mouchard cafteurs cafteuses snitchs mecreants")

func vmOf(t *dtok) uint8 {
	if t.info == nil {
		return 0
	}
	return t.info.vm
}

func vmDeictic(k string) bool { return k == "la" || k == "l" || k == "les" }

// vmInfinitive reports whether a send verb's key is its infinitive
// (envoyer, balancer, poster, mettre, partager, diffuser).
func vmInfinitive(k string) bool { return strings.HasSuffix(k, "er") || k == "metre" }

func vmNeg(k string) bool { return k == "ne" || k == "pas" || k == "jamais" }

// violentMedia returns the violence score and reason of violent media
// spread to shock (see the comment at the top of the file).
func violentMedia(toks []dtok) (float64, string) {
	// Most messages name no video: one cheap pass first.
	media := false
	for i := range toks {
		if toks[i].info != nil && toks[i].info.expo&exMedia != 0 || toks[i].key == "regarde" || toks[i].key == "regardez" {
			media = true
			break
		}
	}
	if !media {
		return 0, ""
	}
	harm, share, shock, menace := false, false, false, false
	for i := range toks {
		k := toks[i].key
		if vmOf(&toks[i])&vmReport != 0 {
			return 0, ""
		}
		// « on m'a envoyé », « il m'a montré »: the speaker received it.
		if k == "m" && i+2 < len(toks) && toks[i+1].key == "a" && toks[i+2].info != nil && toks[i+2].info.expo&(exSend|exPublic) != 0 {
			return 0, ""
		}
		// « quelqu'un a posté », « quelqu'un a envoyé »: someone else
		// spread it, the writer tells.
		if k == "quelqu" || k == "quelquun" {
			j := i + 1
			if j < len(toks) && toks[j].key == "un" {
				j++
			}
			if j+1 < len(toks) && toks[j].key == "a" && toks[j+1].info != nil && toks[j+1].info.expo&(exSend|exPublic) != 0 {
				return 0, ""
			}
		}
		if vmOf(&toks[i])&vmHarmNoun != 0 {
			harm = true
		}
		// « se fait égorger », « se faire tabasser »; « un homme qu'on
		// égorge », « un chat qu'on brûle ».
		// « le mec qu'on a ramassé hier »: told in the past too.
		if k == "se" && i+2 < len(toks) && vmOf(&toks[i+1])&vmFaire != 0 && vmOf(&toks[i+2])&vmHarmVerb != 0 ||
			k == "qu" && i+2 < len(toks) && toks[i+1].key == "on" && vmOf(&toks[i+2])&vmHarmVerb != 0 ||
			k == "qu" && i+3 < len(toks) && toks[i+1].key == "on" && toks[i+2].key == "a" && vmOf(&toks[i+3])&vmHarmVerb != 0 {
			harm = true
		}
		// « à envoyer à tous les élèves », « envoyée à toute la 3e2 »: a
		// video to spread, or spread to a whole group.
		if k == "a" && i+1 < len(toks) && toks[i+1].info != nil && toks[i+1].info.expo&(exPublic|exSend) != 0 && vmInfinitive(toks[i+1].key) ||
			vmOf(&toks[i])&vmSent != 0 && i+2 < len(toks) && toks[i+1].key == "a" && (toks[i+2].key == "toute" || toks[i+2].key == "tous" || toks[i+2].key == "toutes") {
			share = true
		}
		// « la tête qui tombe », « tête coupée », « sang partout ».
		if k == "tete" && i+1 < len(toks) && (toks[i+1].key == "coupee" || toks[i+1].key == "tombe" || toks[i+1].key == "tomber" || toks[i+1].key == "eclatee" ||
			toks[i+1].key == "qui" && i+2 < len(toks) && (toks[i+2].key == "tombe" || toks[i+2].key == "roule")) {
			harm = true
		}
		if k == "sang" && i+1 < len(toks) && toks[i+1].key == "partout" {
			harm = true
		}
		if vmOf(&toks[i])&vmShare != 0 {
			// « ne la partagez pas »: a negation close before or after.
			neg := false
			for j := i - 3; j <= i+1 && j < len(toks); j++ {
				if j >= 0 && j != i && vmNeg(toks[j].key) {
					neg = true
				}
			}
			if neg {
				return 0, ""
			}
			if k != "faites" && k != "fais" || i+1 < len(toks) && (toks[i+1].key == "tourner" || toks[i+1].key == "tourne") {
				share = true
			}
		}
		// « je l'envoie », « je la mets », « je vous balance »: the
		// speaker spreads it.
		if toks[i].info != nil && toks[i].info.expo&(exPublic|exSend|exPut) != 0 && i >= 2 &&
			(vmDeictic(toks[i-1].key) || toks[i-1].key == "vous" || toks[i-1].key == "ai" && vmDeictic(toks[i-2].key)) {
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if toks[j].key == "je" || toks[j].key == "j" || toks[j].key == "on" {
					share = true
				}
			}
		}
		// « je vais envoyer à toute la classe la vidéo », « on va la
		// balancer »: the speaker's send verb in the infinitive after
		// aller.
		if toks[i].info != nil && toks[i].info.expo&(exPublic|exSend|exPut) != 0 && vmInfinitive(k) {
			for j := i - 1; j >= 1 && j >= i-3; j-- {
				if vmNeg(toks[j].key) {
					break
				}
				if (toks[j].key == "vais" || toks[j].key == "va") && (toks[j-1].key == "je" || toks[j-1].key == "j" || toks[j-1].key == "on") {
					share = true
				}
			}
		}
		// « je l'ai mise sur le groupe », « je les ai envoyées ».
		if k == "ai" && i >= 2 && i+1 < len(toks) && vmDeictic(toks[i-1].key) && vmOf(&toks[i+1])&vmSent != 0 &&
			(toks[i-2].key == "je" || toks[i-2].key == "j") {
			share = true
		}
		if vmOf(&toks[i])&vmShock != 0 {
			shock = true
		}
		// « regardez jusqu'à la fin » (« jusqu'au bout » is vmShock's « bout »).
		if k == "fin" && i >= 2 && toks[i-1].key == "la" && (toks[i-2].key == "a" || toks[i-2].key == "jusqu") {
			shock = true
		}
		// « c'est ce qui vous attend », « voilà ce qui t'attend »: the video
		// promised to its reader.
		if k == "atend" && i >= 3 && (toks[i-1].key == "vous" || toks[i-1].key == "t" || toks[i-1].key == "te") && toks[i-2].key == "qui" && toks[i-3].key == "ce" {
			menace = true
		}
		// « ce qui arrive aux balances », « ce qu'on fait aux traîtres »:
		// the video as a warning to those who speak.
		if (k == "arive" || k == "fait") && i+2 < len(toks) && (toks[i+1].key == "aux" || toks[i+1].key == "a") && vmTraitor[toks[i+2].key] {
			share, harm = true, true
		}
	}
	if !harm || !share && !shock && !menace {
		return 0, ""
	}
	if menace {
		// A beheading or a beating promised to the reader is a death
		// threat: the rules' reject line.
		return 0.86, "violence : images violentes promises au destinataire"
	}
	s := 0.55
	if share && shock {
		s = 0.65
	}
	return s, "violence : diffusion d'images violentes"
}
