package screen

import "testing"

// TestExposureDemand checks the thirty-third round's additions to the
// blackmail-by-exposure reader (frames10.go): a payment asked is the
// condition; the reader's thing may be « de vous » a word later or « que
// tu m'as envoyées »; the thing itself may go to an audience (« elle part
// chez tes parents »), an audience may see it (« tout le lycée verra tes
// photos »), and the speaker may take it up by a pronoun (« je les
// transmets »). The sentences are written for the test, not taken from a
// set; the benign ones share their words.
func TestExposureDemand(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"J'ai ta vidéo de l'autre soir. 50 euros sur mon Paypal avant vendredi sinon elle part chez tes parents.", true},
		{"tu m'envoies 100 euros en carte PCS d'ici demain ou tes photos finissent sur le groupe de la classe", true},
		{"Je possède des images compromettantes de vous. Versez 500 euros en bitcoin sous 48 h ou je les transmets à vos collègues.", true},
		{"Envoie 20 € sur mon lydia ou ta vidéo tourne dans tout le bahut demain", true},
		{"si tu reviens pas avec moi tout le lycée verra tes photos", true},
		{"les photos que tu m'as envoyées, si tu m'en envoies pas d'autres je les mets sur snap", true},
		// the same words, no blackmail
		{"Les photos de la sortie au musée sont en ligne sur l'ENT, les parents peuvent les télécharger.", false},
		{"Merci d'envoyer 15 euros pour la photo de classe avant vendredi, sinon la commande ne sera pas passée.", false},
		{"Les photos de vos enfants au carnaval circulent sur le groupe des parents, elles sont superbes.", false},
		{"La vidéo de ton exposé tourne en boucle au CDI, bravo !", false},
		{"Si tu veux, je transmets tes photos du voyage à tes parents.", false},
		{"Tes photos de vacances arrivent sur le groupe quand ?", false},
		{"Si quelqu'un te demande de l'argent en menaçant de diffuser tes photos, parle à un adulte.", false},
		{"Vous recevrez les photos de classe avant vendredi, 12 euros la pochette.", false},
	} {
		s, why := exposureOf(c.text)
		if (s >= 0.5) != c.held {
			t.Errorf("%q: score %.2f (%s), want held=%v", c.text, s, why, c.held)
		}
	}
}

// violentMediaOf runs the detection path up to the tokens and returns
// violentMedia's score.
func violentMediaOf(text string) (float64, string) {
	_, toks := tokensOf(text)
	return violentMedia(toks)
}

// TestViolentMedia checks the reader of violent media spread to shock
// (frames38.go) on sentences written for the test: the video, the
// violence it shows, the spreading or the shock; and those who warn,
// report, teach or talk of a match.
func TestViolentMedia(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"Regardez la vidéo jusqu'au bout, on voit le gars se faire égorger 😂 envoyez-la à toute la classe", true},
		{"VIDEO CHOC : un otage exécuté, la tête qui tombe à la fin. Partagez à tous vos contacts.", true},
		{"La vidéo où Enzo se fait frapper dans les toilettes, je l'ai mise sur le groupe de la 4eB mdr", true},
		{"Tiens regarde ça 🩸 la tête qui tombe à la fin c'est ouf", true},
		{"vidéo de la décapitation, faites tourner", true},
		// the same words, not spreading violence
		{"Une vidéo violente d'une décapitation circule : ne la partagez pas et signalez-la sur Pharos.", false},
		{"Quelqu'un m'a envoyé une vidéo d'une décapitation, je fais quoi ?", false},
		{"En cours d'histoire nous regarderons un extrait du film sur la décapitation de Louis XVI.", false},
		{"La vidéo du match d'hier est sur le groupe, on les a défoncés 5-0, regardez jusqu'au bout mdr", false},
		{"Madame, la vidéo où mon fils se fait frapper tourne sur Snapchat, il faut la faire retirer.", false},
		{"Regardez la vidéo de la sortie au musée, envoyez-la à vos grands-parents !", false},
	} {
		s, why := violentMediaOf(c.text)
		if (s >= 0.5) != c.held {
			t.Errorf("%q: score %.2f (%s), want held=%v", c.text, s, why, c.held)
		}
	}
}
