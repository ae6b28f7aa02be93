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
		{"Envoie 20 balles sur mon lydia ou ta vidéo tourne dans tout le bahut demain", true},
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
