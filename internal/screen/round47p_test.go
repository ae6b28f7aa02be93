package screen

import (
	"strings"
	"testing"
)

// The forty-fifth round's phishing aimed at school staff and parents.
// The sentences and domains were written for these tests, not taken from
// a set.

// TestServiceNameOnForeignDomain47p: the name of an institution or a
// service in a label of a domain that is not its own is a lure; the
// service's own domains, official ones and ordinary words that are also
// a service's name stay clean.
func TestServiceNameOnForeignDomain47p(t *testing.T) {
	for _, c := range []struct {
		url     string
		risky   bool
		contain string
	}{
		{"https://yousign-academie.net/doc/12", true, "yousign"},
		{"https://zoom-us.visio-conseil.com/j/1234", true, "zoom.us"},
		{"https://iprof-mutation.fr", true, "iprof"},
		{"https://rectorat-avancement.com/dossier", true, "rectorat"},
		{"https://ameli-fr.remboursement.info", true, "ameli.fr"},
		{"https://paypal-verification-compte.net", true, "paypal"},
		{"https://monoffice365login.com", true, "office365"},
		{"https://amazon-retour-colis.com", true, "amazon"},
		{"https://fonctionpublique-prime.fr", true, "fonctionpublique"},
		{"https://mgen-remboursements.fr", true, "mgen"},
		{"https://www.docusign.net/signing", false, ""},
		{"https://us02web.zoom.us/j/88", false, ""},
		{"https://www.amazon.fr/dp/B0", false, ""},
		{"https://www.ameli.fr/assure", false, ""},
		{"https://drive.google.com/file/d/x", false, ""},
		{"https://lycee-jean-moulin.sharepoint.com/sites/cdi", false, ""},
		{"https://www.office-tourisme-annecy.fr/visites", false, ""},
		{"https://zoom-sur-les-metiers.fr", false, ""},
		{"https://www.amelie-nothomb-lectures.fr", false, ""},
		{"https://drive-fermier-du-pays.fr", false, ""},
		{"https://fonts.googleapis.com/css2?family=Lato", false, ""},
		{"https://m.media-amazon.com/images/I/71.jpg", false, ""},
		{"https://scontent.cdninstagram.com/v/t51.jpg", false, ""},
	} {
		ls := ExtractLinks(c.url)
		if len(ls) != 1 {
			t.Fatalf("%s: %d links", c.url, len(ls))
		}
		risk, why := linkRisk(ls[0], nil)
		if (risk >= 0.5) != c.risky || c.contain != "" && !strings.Contains(strings.Join(why, ";"), c.contain) {
			t.Errorf("%s: risk %.2f %v, want risky=%v with %q", c.url, risk, why, c.risky, c.contain)
		}
	}
	for _, h := range []string{"ac-lyon.fr", "education.gouv.fr", "www.impots.gouv.fr"} {
		if !isOfficial(h) {
			t.Errorf("%s should be official", h)
		}
	}
}

// TestLureFileNamed47p: a web page with a document's name presented as
// a file to open or log into, an archive whose password the message
// gives and one named as a program to install are lures; a page named in
// a lesson, an archive without its password and a page in a link's path
// are not.
func TestLureFileNamed47p(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"Votre avis de paiement est en pièce jointe : Avis_paiement_juin.htm", 0.5},
		{"Ouvrez le fichier Attestation_employeur.shtml et connectez-vous avec votre compte académique.", 0.6},
		{"Le courrier du service RH (Courrier_RH_0612.svg) est joint à ce message.", 0.5},
		{"Le devis est dans Devis_sortie_ski.7z, mot de passe : ski2025", 0.5},
		{"Commande_fournitures.rar (mdp 4471)", 0.5},
		{"Pour le TP de NSI, ouvrez index.html dans le navigateur et connectez-vous à l'ENT pour rendre le travail.", 0},
		{"Le style est dans style.svg en pièce jointe.", 0},
		{"Les photos de la sortie sont dans photos_sortie.zip, le mot de passe vous sera donné en réunion.", 0},
		{"Le relevé est sur https://exemple.fr/releve_notes.html", 0},
		{"Convocation_parents.html", 0},
		// an archive named as a player or an installer, offered to
		// download or open, is the payload (forty-eighth round)
		{"Pour regarder la vidéo de la sortie, téléchargez le lecteur joint : Video_Player.zip", 0.5},
		{"Installez la mise à jour de l'ENT : ENT_Update_Setup.7z (ci-joint).", 0.5},
		{"Les photos de la sortie sont dans photos_sortie.zip en pièce jointe.", 0},
		{"Le dossier du TP est dans TP_Lecteur_audio.zip.", 0},
	} {
		if got, name, _ := textLureFile(c.text); got != c.want {
			t.Errorf("%q: %.2f (%q), want %.2f", c.text, got, name, c.want)
		}
	}
	r := New(DefaultConfig()).Check(Input{Text: "Vous avez un nouveau fax. Consultez la pièce jointe Fax_0412.html pour le lire."})
	if r.Verdict == Deliver {
		t.Errorf("a page presented as a fax delivered: %v", r.Reasons)
	}
}

// TestEnableMacros47p: an instruction to enable a document's macros or
// content is a malware lure; advice never to, and enabling editing of a
// shared table, are not.
func TestEnableMacros47p(t *testing.T) {
	for _, c := range []struct {
		text string
		lure bool
	}{
		{"Le planning des surveillances est joint : activez les macros à l'ouverture pour afficher vos créneaux.", true},
		{"Pensez à autoriser les macros, sinon le formulaire de remboursement reste vide.", true},
		{"Le bulletin s'affiche flouté : cliquez sur « Activer le contenu » en haut du document.", true},
		{"Please enable content to view the protected invoice.", true},
		{"Conseil de la DANE : n'activez jamais les macros d'un fichier reçu par courriel.", false},
		{"Ne cliquez pas sur « Activer le contenu » si un document inattendu vous le demande.", false},
		{"Pour modifier le tableau partagé, il faut activer la modification en haut de la page.", false},
		{"Les macros du tableur calculent les moyennes, rien à faire de votre côté.", false},
	} {
		s := textScores(c.text)[detPhishing]
		if (s.score >= 0.7) != c.lure {
			t.Errorf("%q: phishing %.2f %q, want lure=%v", c.text, s.score, s.reason, c.lure)
		}
	}
}

// TestVoucherCodeRequest47p: asking the reader to buy, scratch,
// photograph or send prepaid voucher or gift-card codes is a lure; a
// voucher given, won or sold, and a warning about the scam, are not.
func TestVoucherCodeRequest47p(t *testing.T) {
	for _, c := range []struct {
		text string
		lure bool
	}{
		{"Je suis en rendez-vous au rectorat. Pouvez-vous acheter 5 cartes Steam de 50 € ? Envoyez-moi ensuite les codes par mail.", true},
		{"Prends deux coupons Neosurf au bureau de tabac et photographie-les, c'est pour un dossier urgent.", true},
		{"Peux-tu me transmettre le code de la recharge Toneo ? Je te rembourse demain.", true},
		{"Il suffit de m'envoyer les numéros des tickets Paysafecard, je m'occupe du reste.", true},
		{"I'm in a meeting: please buy three Apple gift cards and send me the codes by email.", true},
		{"Never send gift card codes to anyone who asks by email: it is a scam.", false},
		{"Les parents délégués ont offert une carte cadeau Amazon à la maîtresse pour son départ.", false},
		{"Le gagnant du concours de nouvelles recevra une carte Steam de 20 €.", false},
		{"Le tabac en face du collège vend des recharges PCS et des tickets Transcash.", false},
		{"Attention à l'arnaque : on vous demandera d'acheter des cartes Google Play et d'envoyer les codes. Ne le faites pas.", false},
		{"N'envoyez pas de codes de recharge Neosurf à quelqu'un que vous ne connaissez pas.", false},
		{"Merci de m'envoyer le code de la salle pour la réunion de ce soir.", false},
		{"Les PCs de la salle 12 sont bloqués : merci de m'envoyer les codes d'accès du réseau.", false},
		{"Tu peux me prendre une recharge PCS au tabac ? Envoie-moi juste le code.", true},
	} {
		s := textScores(c.text)[detPhishing]
		if (s.score >= 0.7) != c.lure {
			t.Errorf("%q: phishing %.2f %q, want lure=%v", c.text, s.score, s.reason, c.lure)
		}
	}
}

// TestPaymentDiversion47p: the writer announcing new bank details of
// their own and asking the reader to pay to them or register them is a
// lure; the school asking a family for its RIB, a RIB joined for a
// payment with no change, and a family told to update its own details
// are not.
func TestPaymentDiversion47p(t *testing.T) {
	for _, c := range []struct {
		text string
		lure bool
	}{
		{"Suite au rachat de notre société, merci de régler désormais nos factures sur le nouveau RIB ci-joint.", true},
		{"Je change de banque ce mois-ci : pourriez-vous enregistrer mon nouvel IBAN pour le versement du salaire ?", true},
		{"Veuillez noter nos nouvelles coordonnées bancaires jointes et effectuer le virement du solde sur ce compte.", true},
		{"Bonjour, pouvez-vous mettre à jour mon RIB avant la paie ? Merci.", true},
		{"Merci de mettre à jour votre RIB sur le portail avant la paie.", false},
		{"Merci de nous transmettre votre RIB pour le remboursement de la sortie annulée.", false},
		{"Le paiement du voyage se fait par chèque ou par virement, RIB du lycée ci-joint.", false},
		{"Si vous avez changé de banque, merci de déposer votre nouveau RIB au service de gestion.", false},
		{"Nouvelle organisation de la cantine : les menus sont en ligne. Le RIB joint sert au prélèvement habituel.", false},
	} {
		s := textScores(c.text)[detPhishing]
		if (s.score >= 0.7) != c.lure {
			t.Errorf("%q: phishing %.2f %q, want lure=%v", c.text, s.score, s.reason, c.lure)
		}
	}
}
