package screen

import (
	"strings"
	"testing"
)

// The twelfth round's rules (lexicon.go, « The twelfth round », and
// textfiles.go), each checked on the rules alone (textScores: the model
// cannot hide a broken rule) with its benign neighbours checked through
// Check. None of these sentences is in a test set.
func TestTwelfthRoundRules(t *testing.T) {
	for _, c := range []struct {
		text string
		det  detector
	}{
		// the outcome told by what it calls for
		{"Réservez les corbillards pour le lycée vendredi.", detThreat},
		{"prevoyez des sacs mortuaires pour la cantine demain", detThreat},
		// the school's end as an outcome
		{"Jeudi la cantine partira en fumée.", detThreat},
		{"Lundi le bahut ne sera plus debout.", detThreat},
		{"demain il ne restera rien du gymnase", detThreat},
		{"vendredi le self part en fumée avec toute la 4e B dedans", detThreat},
		// the means brought for a massacre
		{"Mardi j'amène de quoi faire une boucherie à la cantine", detThreat},
		// poison or gas spread in a place
		{"Du poison sera versé dans les repas de la cantine vendredi.", detThreat},
		{"on va empoisonner l'eau du collège demain", detThreat},
		{"Le cyanure est déjà dans les bouteilles du self.", detThreat},
		// approval without a praise word, the attack named
		{"Le gars de Conflans a fait ce qu'il fallait.", detApology},
		{"Les frères de Charlie Hebdo, faites comme eux !", detApology},
		{"Samuel Paty, on devrait tous faire la même chose à nos profs", detApology},
		{"Charlie Hebdo, ils ont eu ce qu'ils cherchaient.", detApology},
		// a named attack wished again
		{"vivement un nouveau Bataclan", detApology},
		// the fate of a murdered teacher wished on another
		{"Cette prof finira comme Paty.", detApology},
		{"j'espère que le principal aura le même sort que Samuel Paty", detApology},
		// blasphemers as a target, with a call
		{"Quelqu'un devrait punir ceux qui caricaturent le prophète.", detApology},
		// a code announced, then asked back by a pronoun
		{"Tu vas recevoir un code sur ton téléphone, renvoie-le-moi vite stp", detPhishing},
		{"Un code de sécurité va vous parvenir, merci de nous le communiquer.", detPhishing},
		// free V-Bucks (tokenised « v bucks »), a QR code to scan
		{"V-Bucks illimités pour toute la classe, scannez le QR code", detPhishing},
	} {
		if s := textScores(c.text)[c.det].score; s < 0.5 {
			t.Errorf("%s %.2f, want ≥ 0.5: %q", detectorNames[c.det], s, c.text)
		}
	}
	e := New(DefaultConfig())
	for _, text := range []string{
		"Le SAMU a envoyé deux ambulances au stade pour le cross.",
		"Mes économies sont parties en fumée avec ce téléphone.",
		"En raison de la grève, gardez vos enfants à la maison jeudi.",
		"Les élèves de 3e ont bien rangé la salle, faites pareil !",
		"Pour que plus jamais un enseignant ne subisse le même sort que Samuel Paty, minute de silence lundi.",
		"Ton code de cantine est sur ta carte, ne le donne à personne.",
		"Ce soir on fera sauter des champignons dans la poêle au foyer.",
		"Il faudrait un nouveau gymnase dans notre collège, l'ancien est trop petit.",
		"Plus jamais un nouveau Bataclan : minute de silence au lycée vendredi à 11h.",
		"Dans Roméo et Juliette, le poison est déjà dans la fiole quand Juliette se réveille : analysez la scène.",
		"Scanne le QR code sur la fiche pour répondre au questionnaire de la cantine.",
		"L'école ne sera plus ouverte la semaine prochaine à cause de la grève.",
		"Ma fille a peur depuis l'alerte à la bombe de lundi, que fait l'établissement ?",
		"Le gymnase part en travaux cet été avec tout le matériel dedans.",
	} {
		if r := e.Check(Input{Text: text}); r.Verdict != Deliver {
			t.Errorf("benign %s (%.2f) %v: %q", r.Verdict, r.Score, r.Reasons, text)
		}
	}
	// Known false positives, held for a moderator, never refused. The
	// first since blind24 and blind25 (praise of attackers in those words)
	// were training rows: its words are those of « il a fait ce qu'il
	// fallait » said of an attacker, and only its subject tells them apart.
	// The other two, contrastive twins of threats written for this round,
	// since the model's line fell from 0.925 to 0.767 (calibrated on the
	// outsider-written benign messages, docs/screen/NOTES.md « Nineteenth
	// round »): held by the model alone at p 0.77–0.80. The last two since
	// the line fell to 0.713 (blind58–61 as training rows, « Twentieth
	// round »): terror apology at p 0.79 (« ils l’ont cherché » said of
	// victims is one of the forms blind59 taught it) and phishing at p 0.75
	// (an executable named in the text).
	for _, text := range []string{
		"Le pompier a fait ce qu'il fallait, bravo à lui.",
		"La cantine ne sera plus là l'an prochain, elle sera démolie pour construire un self neuf.",
		"Le car part du collège avec les bagages dedans à 7h.",
		"Le joueur a eu ce qu'il cherchait : un carton rouge.",
		"Installez GeoGebra depuis le site officiel, le fichier s'appelle geogebra-setup.exe.",
	} {
		r := e.Check(Input{Text: text})
		if r.Verdict == Reject {
			t.Errorf("benign refused (%.2f) %v: %q", r.Score, r.Reasons, text)
		}
		t.Logf("known: %s (%.2f): %q", r.Verdict, r.Score, text)
	}
}

// TestTextFileRisk checks the reader of file names in prose.
func TestTextFileRisk(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64
	}{
		{"ouvre devoir.docx.scr avant demain", 0.8},
		{"la photo est ici: photo_classe.JPG.js", 0.8},
		{"Resultats (resultats.xlsx.exe).", 0.8},
		{"lance setup.exe puis redémarre", 0.35},
		{"tout est sur Node.js et Vue.js", 0},
		{"télécharge https://exemple.fr/outil.exe", 0},
		{"télécharge le .exe ici", 0},
		{"Rendez-vous sur www.site.com. Merci.", 0},
		{"Fin de la phrase.Exemple sans espace", 0},
	} {
		if got, name := textFileRisk(c.text); got != c.want {
			t.Errorf("%q: %.2f (%q), want %.2f", c.text, got, name, c.want)
		}
	}
	r := New(DefaultConfig()).Check(Input{Text: "Voici les résultats du bac, ouvre resultats.xlsx.exe"})
	if r.Verdict == Deliver {
		t.Errorf("double extension in the text delivered: %v", r.Reasons)
	}
}

func FuzzTextFileRisk(f *testing.F) {
	for _, s := range []string{"a.pdf.exe", "x.exe", ".exe", "a..exe", "é.pdf.exé", "a.b.c.d.exe/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, name := textFileRisk(s)
		if r < 0 || r > 0.8 || (r > 0) != (name != "") {
			t.Fatalf("%q: %v %q", s, r, name)
		}
	})
}

// TestNonIsNoTime: « non » is no time of day. Keys squeeze doubled
// letters, so « noon » in the time class made every « Non, … » a time
// (the context of a threat).
func TestNonIsNoTime(t *testing.T) {
	if lx.classOf(keyOf("non"))&clTime != 0 {
		t.Error("« non » is in the time class")
	}
	if s := textScores("bomb at school at noon")[detThreat]; !strings.Contains(s.reason, "moment") {
		t.Errorf("« at noon » lost its time: %q", s.reason)
	}
}
