package screen

import (
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

// Each detector: harmful variants written for these tests (other words,
// places, English, obfuscations) and benign look-alikes.
func TestDetectors(t *testing.T) {
	tests := []struct {
		det     detector
		harmful bool
		text    string
	}{
		// threat
		{detThreat, true, "Une bombe explosera dans la salle de permanence jeudi à 15h."},
		{detThreat, true, "On va faire sauter l'internat cette nuit, vous êtes prévenus."},
		{detThreat, true, "j'ai caché une b-o-m-b-e dans le préau, elle pète à midi"},
		{detThreat, true, "Ce n'est pas un exercice : un engin explosif est dans le hall du lycée."},
		{detThreat, true, "There is a bomb in the cafeteria, it will explode at 11am."},
		{detThreat, true, "demain je ramène une kalash et je tire sur les 6e dans la cour"},
		{detThreat, true, "L'école va cramer ce soir, j'ai ce qu'il faut."},
		{detThreat, true, "🔫🔫 lycée demain 8h, personne ne survivra"},
		{detThreat, false, "Exercice PPMS attentat-intrusion lundi 9h : confinement dans les salles."},
		{detThreat, false, "En TP, la bombe calorimétrique sert à mesurer l'énergie des aliments."},
		{detThreat, false, "Le cours d'histoire porte sur l'attentat de Sarajevo en 1914."},
		{detThreat, false, "La soirée de fin d'année c'était de la bombe !"},
		{detThreat, false, "Des messages annonçant une bombe ont été reçus ce matin ; la police a fait une levée de doute, aucun danger."},
		{detThreat, false, "Saut en hauteur demain au gymnase : il faudra sauter 1m20."},
		{detThreat, false, "Le club photo fait un shooting dans la cour mercredi."},
		// violence
		{detViolence, true, "je vais te buter à la sortie, je sais où tu habites"},
		{detViolence, true, "t'es un homme mort lundi"},
		{detViolence, true, "Suicide-toi, personne ne te regrettera."},
		{detViolence, true, "I know where you live, I will kill you."},
		{detViolence, false, "Je te tue au Fortnite ce soir 😂"},
		{detViolence, false, "Il faut que je tue le temps avant le bus."},
		{detViolence, false, "Tu vas te planter au contrôle si tu ne révises pas."},
		{detViolence, false, "Je suis mort de rire, ce prof est trop drôle."},
		// beating at the reader, intimidation without an act word
		{detViolence, true, "demain je vais te défigurer devant tout le monde"},
		{detViolence, true, "Attends ce qui va t'arriver lundi."},
		{detViolence, true, "t'as balancé, tu perds rien pour attendre"},
		{detViolence, false, "Fais attention à toi et rentre bien, bisous."},
		{detViolence, false, "Tu vas voir, le film est génial."},
		// a quoted threat and a sport clause are mentions, not threats
		{detViolence, false, "Écrire « je vais te frapper » à quelqu'un, c'est déjà du harcèlement : parlez-en."},
		{detThreat, false, "Samedi on va les exploser au tournoi de volley !"},
		{detThreat, false, "Prépare-toi pour la finale de basket, on va te massacrer 💪"},
		// terror apology
		{detApology, true, "Les frères Kouachi sont des héros, vive le djihad."},
		{detApology, true, "Samuel Paty l'a bien mérité, d'autres vont suivre."},
		{detApology, true, "Glory to the martyrs, join the Islamic State."},
		{detApology, true, "Le djihad vaincra, vous ne serez plus jamais en sécurité."},
		{detApology, false, "Minute de silence en hommage à Samuel Paty lundi à 11h."},
		{detApology, false, "Samuel Paty ne méritait pas ça, nous ne l'oublierons jamais."},
		{detApology, false, "Cours d'EMC : la prévention de la radicalisation et du djihadisme."},
		// sextortion
		{detSextortion, true, "Envoie-moi des photos de toi nue sinon je les diffuse à tout le collège."},
		{detSextortion, true, "Paie 200 euros ou tout le monde verra ta vidéo intime."},
		{detSextortion, false, "Merci d'envoyer les photos de la sortie au musée."},
		{detSextortion, false, "Ne partagez jamais de photos intimes : c'est un délit, parlez-en à un adulte."},
		// phishing
		{detPhishing, true, "Votre compte sera suspendu sous 48h : confirmez votre mot de passe en répondant à ce message."},
		{detPhishing, true, "L'équipe Pronote a besoin de vos identifiants pour la mise à jour."},
		{detPhishing, false, "Ne communiquez jamais votre mot de passe, même à un professeur."},
		{detPhishing, false, "Bravo à Inès qui a gagné le concours de nouvelles, son texte est au CDI."},
		{detPhishing, false, "Vous recevrez vos identifiants ENT par courrier la semaine prochaine."},
	}
	for _, tt := range tests {
		s := textScores(tt.text)[tt.det]
		if got := s.score >= 0.5; got != tt.harmful {
			t.Errorf("%s %q: score %.2f (%s), want harmful=%v", detectorNames[tt.det], tt.text, s.score, s.reason, tt.harmful)
		}
	}
}

// A prize lure with a bare link is held: the lure's words and the link's
// risk add up.
func TestPrizeLureWithBareLink(t *testing.T) {
	e := New(Config{NoTextModel: true})
	r := e.Check(Input{Text: "Bravo, tu as été sélectionné pour un bon d'achat, récupère ton cadeau ici : promo-eleves.click"})
	if r.Verdict == Deliver {
		t.Errorf("prize lure delivered: %+v", r)
	}
	r = e.Check(Input{Text: "Bravo à Inès qui a gagné le concours de nouvelles, son texte est au CDI."})
	if r.Verdict != Deliver {
		t.Errorf("congratulations held: %+v", r)
	}
}

func TestReasonsReadable(t *testing.T) {
	r := New(DefaultConfig()).Check(Input{Text: "Je vais poser une bombe au collège demain à 10h, vous êtes prévenus."})
	if r.Verdict != Reject {
		t.Fatalf("verdict %s (%.2f) %v", r.Verdict, r.Score, r.Reasons)
	}
	got := r.Reasons[0]
	for _, want := range []string{"threat:", `"bombe"`, `lieu "collège"`, `moment`, `urgence "vous êtes prévenus"`, "(score "} {
		if !strings.Contains(got, want) {
			t.Errorf("reason %q lacks %q", got, want)
		}
	}
}

func TestNegationAndMention(t *testing.T) {
	for _, s := range []string{
		"Il n'y a aucune bombe dans le collège, la police a vérifié.",
		"Quelqu'un a tagué « bombe » sur le portail du collège, la direction a porté plainte.",
	} {
		if sc := textScores(s)[detThreat].score; sc >= 0.5 {
			t.Errorf("%q: threat %.2f", s, sc)
		}
	}
}

func TestPolicyByRole(t *testing.T) {
	e := New(DefaultConfig())
	in := Input{Text: "Regarde ça https://www.youtube.com/watch?v=abc", SenderRole: bouclier.RoleStudent}
	if r := e.Check(in); r.Verdict != Hold {
		t.Errorf("student link: %s %v", r.Verdict, r.Reasons)
	}
	in.SenderRole = bouclier.RoleTeacher
	if r := e.Check(in); r.Verdict != Deliver {
		t.Errorf("teacher link: %s %v", r.Verdict, r.Reasons)
	}
	cfg := DefaultConfig()
	cfg.AllowedDomains = map[string][]string{"versailles": {"youtube.com"}}
	e = New(cfg)
	in.SenderRole, in.Academie = bouclier.RoleStudent, "versailles"
	if r := e.Check(in); r.Verdict != Deliver {
		t.Errorf("allowlisted student link: %s %v", r.Verdict, r.Reasons)
	}
	in.Academie = "creteil"
	if r := e.Check(in); r.Verdict != Hold {
		t.Errorf("other académie: %s %v", r.Verdict, r.Reasons)
	}
	// The policy alone: with it off, what the model makes of a bare link
	// at the student line is the model's business (p 0.57 on the model of
	// 5 December, afternoon; held anyway while the policy is on).
	cfg = DefaultConfig()
	cfg.StudentLinksHeld = false
	cfg.NoTextModel = true
	if r := New(cfg).Check(in); r.Verdict != Deliver {
		t.Errorf("policy off: %s %v", r.Verdict, r.Reasons)
	}
}

func TestConcurrentCheck(t *testing.T) {
	e := New(DefaultConfig())
	msgs := readCorpus(t, "testdata/dev.jsonl")
	want := make([]Verdict, len(msgs))
	for i, m := range msgs {
		want[i] = e.Check(Input{Text: m.Text}).Verdict
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for k := 0; k < 5; k++ {
				for i, m := range msgs {
					if v := e.Check(Input{Text: m.Text}).Verdict; v != want[i] {
						t.Errorf("%s: %s then %s", m.ID, want[i], v)
					}
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// Pupil chat: SMS spellings, euphemisms for a weapon, fire; and the false
// positives of « obligatoire » (not phishing urgency) and « la plante »
// (not planter). Each row: the detector's score reaches 0.5 or not.
func TestPupilChatDetectors(t *testing.T) {
	tests := []struct {
		det     detector
		harmful bool
		text    string
	}{
		{detThreat, true, "jvais ramener un truc au bahut demain"},
		{detThreat, true, "je ramene de quoi vous calmer demain au college"},
		{detThreat, true, "jvais tout cramer"},
		{detThreat, true, "jvais bruler ta baraque"},
		{detThreat, true, "je vais la planter demain"},
		{detThreat, true, "jvais le planter a la sortie"},
		{detViolence, true, "je vais te cramer"},
		{detViolence, true, "tu vas comprendre ta douleur"},
		{detViolence, true, "tes jours sont comptés"},
		{detViolence, true, "tes mort demain"},
		{detViolence, true, "jte defonce a la recre"},
		{detThreat, false, "jvais ramener les gâteaux demain au collège"},
		{detThreat, false, "j'apporte un truc pour le goûter de la classe demain"},
		{detThreat, false, "je vais mettre la plante au CDI demain"},
		{detThreat, false, "demain je ramène la plante en classe"},
		{detThreat, false, "je vais planter des tulipes devant le collège demain"},
		{detViolence, false, "tu vas comprendre la leçon demain"},
		{detViolence, false, "je vais te tuer au foot"},
		{detViolence, false, "t'es mort de rire"},
		{detViolence, true, "dis à Enzo qu'il est mort demain"},
		{detViolence, false, "dis à maman qu'elle va recevoir un colis"},
		{detThreat, false, "on met le feu à la soirée samedi"},
		{detThreat, false, "on va mettre le feu à la boum ce soir"},
		{detPhishing, false, "Réunion obligatoire : merci de confirmer votre présence sur votre compte ENT avant vendredi."},
		{detPhishing, false, "La visite médicale est obligatoire, cliquez sur le lien pour choisir un créneau."},
		{detPhishing, true, "Connexion obligatoire sous 24h : confirmez votre mot de passe ici sinon votre compte sera supprimé."},
	}
	for _, tt := range tests {
		s := textScores(tt.text)[tt.det]
		if got := s.score >= 0.5; got != tt.harmful {
			t.Errorf("%s %q: score %.2f (%s), want harmful=%v", detectorNames[tt.det], tt.text, s.score, s.reason, tt.harmful)
		}
	}
}
