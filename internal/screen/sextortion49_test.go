package screen

import "testing"

// TestSextortion49 checks the widened exposure reader (frames10.go): a
// thing the speaker holds or recorded, a definite thing under an
// ultimatum, conditions without « si », verbs of circulation with no
// audience, and the school's benign look-alikes (image rights, a
// photographer, a report, a parent sharing the show).
func TestSextortion49(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		// the speaker holds the thing, no possessive
		{"j'ai la vidéo de la soirée d'intégration. si tu veux pas qu'elle circule, tu passes me voir ce soir", true},
		{"on a les captures. tu retires ta plainte ou on envoie les captures à tous tes contacts", true},
		{"j'ai gardé les screens de samedi, 80 euros avant lundi ou je les balance dans le groupe de la promo", true},
		{"j'ai fait des captures de ton appel. si tu paies pas, elles sortent", true},
		// the speaker recorded the reader
		{"Je vous ai filmée à votre insu. Versez 600 € ou j'envoie la vidéo à vos collègues et à votre chef.", true},
		{"j'ai enregistré notre visio d'hier. soit tu me paies soit je l'envoie à ta famille", true},
		// a definite thing under an ultimatum
		{"si tu me rebloques je fais tourner la vidéo dans tout le collège", true},
		{"soit tu lâches l'affaire soit lundi la photo est sur le groupe de ta classe", true},
		{"si tu me réponds pas ce soir, je poste la vidéo sur insta", true},
		// a refusal as condition, without « si »
		{"J'ai les captures de ta conversation avec le surveillant. Tu me soutiens pas au conseil, je les imprime et je les affiche sur la porte du CDI.", true},
		{"tu me rends pas mon téléphone, je diffuse tes messages sur le groupe de la classe", true},
		// « à quelqu'un » is the one not to tell
		{"si tu parles à quelqu'un de ce qui s'est passé, je publie tes photos sur insta", true},

		// benign: the show, the trip, image rights, a photographer
		{"j'ai la vidéo du spectacle de Noël, je l'envoie à tous les parents de la classe ce soir", false},
		{"J'ai les photos de la sortie au zoo. Si vous voulez, je les mets sur l'ENT demain.", false},
		{"Si vous ne souhaitez pas que la photo de votre enfant soit publiée sur le site du collège, merci de nous le signaler.", false},
		{"Vos photos de classe sont sur l'ENT : la pochette est à 15 €, à régler avant vendredi.", false},
		{"Bonjour, pourriez-vous m'envoyer la vidéo de la chorale ? Mon fils était absent et sa grand-mère aimerait la voir.", false},
		{"J'ai la photo de groupe du voyage à Rome, je la colle dans le journal du lycée si personne ne s'y oppose.", false},
		// benign: a report and a prevention workshop
		{"Madame, un garçon m'a écrit qu'il a la vidéo et que si je paie pas il l'envoie à mes contacts. J'ai peur, je fais quoi ?", false},
		{"Atelier prévention : « j'ai ta vidéo, paie ou je l'envoie à tes contacts » est un chantage, il faut le signaler.", false},
		{"si tu viens pas samedi, je mets les photos de la kermesse sur l'ENT", false},
		{"Vous n'étiez pas là mardi, je mets vos photos de classe sur l'ENT demain.", false},
		{"J'ai gardé la capture du message qu'il m'a envoyé, je peux vous la montrer demain ?", false},
	} {
		s, why := exposureOf(c.text)
		if got := s >= 0.5; got != c.held {
			t.Errorf("exposureOf(%q) = %.2f (%s), want held=%v", c.text, s, why, c.held)
		}
	}
}
