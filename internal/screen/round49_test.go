package screen

import (
	"strings"
	"testing"
)

// TestMentionedRules49: a message-level rule (a murdered teacher's fate
// promised, a threat to expose) whose words stand inside a quotation of a
// message that is not all quoted is mentioned, not used: it counts half,
// as a quoted word of the lexicon does. The same words unquoted, or a
// whole message in quotation marks, keep their score. Written for this
// test.
func TestMentionedRules49(t *testing.T) {
	e := New(Config{})
	for _, c := range []struct {
		text, reason string
		full         bool
	}{
		{"Bonjour, un élève m'a écrit hier soir « tu vas finir comme le prof d'Arras ». J'ai gardé la capture pour la direction.", "sort d'un enseignant", false},
		{"tu vas finir comme le prof d'Arras", "sort d'un enseignant", true},
		{"« tu vas finir comme le prof d'Arras »", "sort d'un enseignant", true},
		{"Lors de l'intervention on lira des exemples anonymes, du genre « si tu paies pas je balance tes photos sur insta ». Prévenez les élèves concernés.", "sextortion", false},
		{"si tu paies pas je balance tes photos sur insta", "sextortion", true},
	} {
		r := e.Check(Input{Text: c.text})
		why := strings.Join(r.Reasons, " | ")
		cited := strings.Contains(why, "cité")
		if c.full && (r.Verdict == Deliver || cited || !strings.Contains(why, c.reason)) {
			t.Errorf("%q: %s %v, want held by %q at full score", c.text, r.Verdict, r.Reasons, c.reason)
		}
		if !c.full && strings.Contains(why, c.reason) && !cited {
			t.Errorf("%q: %v, want %q read as cited", c.text, r.Reasons, c.reason)
		}
	}
}

// TestCredentialNeverAsked49: « je ne vous demanderai jamais … de
// transmettre des codes reçus par SMS » is a security notice, however
// long its list; a request with « ne … pas » in a condition before it
// is still a request. Written for this test.
func TestCredentialNeverAsked49(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Rappel : le secrétariat ne vous demandera jamais de payer par carte cadeau, de cliquer sur un lien inconnu ou de transmettre votre code reçu par SMS.", false},
		{"Si vous ne voulez pas perdre l'accès, transmettez votre code reçu par SMS à ce numéro.", true},
		{"Envoie-moi ton mot de passe Pronote stp", true},
		// « stp » becomes three words on one span: the comma test must
		// not slice across them.
		{"stp tu peux m'envoyer le code que tu vas recevoir, c'est pour mon compte", true},
	} {
		s := textScores(c.text)[detPhishing].score
		if got := s >= credRequestScore; got != c.want {
			t.Errorf("%q: phishing score %.2f, held %v, want %v", c.text, s, got, c.want)
		}
	}
}

// TestFigureObjects49: the figures one makes explode and the budget one
// massacres are things, not people; a person in the same slot keeps the
// act. Written for this test.
func TestFigureObjects49(t *testing.T) {
	wantActs(t, []actCase{
		{"on va faire exploser les compteurs de participation lundi", actNone},
		{"la direction a massacré notre budget sorties", actNone},
		{"on va massacrer les profs lundi", actKill},
	})
}

// TestKnifeWordsAndDumping49: a folding knife named by its brand or its
// slang is a weapon, and a body dumped in a canal or the Seine is the
// outcome of a harm. Written for this test.
func TestKnifeWordsAndDumping49(t *testing.T) {
	wantHeld(t, []heldCase{
		{"demain à la grille je te plante, j'ai mon canif dans la trousse", true},
		{"ouvre ta gueule encore une fois et tu finis dans la Seine", true},
		{"Pour l'atelier bois, chaque élève apporte un canif et des gants.", false},
		{"La péniche de la sortie de fin d'année part du canal Saint-Martin à 10 h.", false},
	})
}

// TestNegationInItsClause49: a negation negates the act of its own
// clause; a condition's negation before a comma negates nothing after it.
// Written for this test.
func TestNegationInItsClause49(t *testing.T) {
	for _, c := range []struct {
		text string
		det  detector
		held bool
	}{
		{"Si la pièce jointe ne s'ouvre pas, cliquez sur « Activer le contenu » en haut de la fenêtre.", detPhishing, true},
		{"Si la pièce jointe ne s'ouvre pas, activez les macros dans Excel.", detPhishing, true},
		{"N'activez jamais les macros d'un document reçu par mail.", detPhishing, false},
		{"Ne cliquez pas sur « Activer le contenu » si un document vous le demande.", detPhishing, false},
		{"Le fichier joint est un simple PDF, rien à activer.", detPhishing, false},
	} {
		s := textScores(c.text)[c.det].score
		if held := s >= 0.5; held != c.held {
			t.Errorf("%q: %s score %.2f, want held %v", c.text, detectorNames[c.det], s, c.held)
		}
	}
}

// TestImitateSame49: an attack named, then « faire pareil » or « la même
// chose » in its sentence, calls for imitating it; negated, or with no
// attack named, it does not. Written for this test.
func TestImitateSame49(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"après Conflans il faudrait faire pareil avec tous les profs d'histoire", true},
		{"ce qu'ils ont fait au Bataclan, faut refaire la même chose ici", true},
		{"après Conflans il ne faut surtout pas faire pareil, il faut parler", false},
		{"pour l'exposé on va faire pareil que l'an dernier", false},
	} {
		s, _ := recruitOrImitate(buildTokens(analyze(c.text), nil))
		if got := s > 0; got != c.want {
			t.Errorf("%q: imitation %v, want %v", c.text, got, c.want)
		}
	}
}

// TestExposeVerb49: « expose » after its subject is the verb exposer (a
// library exhibiting drawings), which frames no lesson; « mon exposé »
// still does. Written for this test.
func TestExposeVerb49(t *testing.T) {
	wantHeld(t, []heldCase{
		{"Le foyer qui expose les dessins des 6e va sauter cette nuit.", true},
		{"Pour mon exposé sur la Seconde Guerre mondiale je parle de la bombe atomique.", false},
	})
}

// TestPropagandaTitles49: the Islamic State's magazines and news agency
// are extremist words, as its name is.
func TestPropagandaTitles49(t *testing.T) {
	for _, k := range []string{"dabiq", "rumiyah", "amaq"} {
		if lx.info(k).class&clExtremist == 0 {
			t.Errorf("%q is not an extremist word", k)
		}
	}
}

// TestThreatModelLine49: an implied threat the model reads between the
// threat head's line (headLines) and the common line is held by the model, with the
// threat head's line in its explanation. Written for this test; the test
// checks first that the sentence still falls in that band, so that a new
// model cannot make it pass for another reason.
func TestThreatModelLine49(t *testing.T) {
	e := New(Config{})
	in := Input{Text: "demain on verra qui rigole encore"}
	x := e.Explain(in)
	if x.Error != "" {
		t.Fatal(x.Error)
	}
	p := x.Probs["threat"]
	line := headLines["threat"]
	if x.Head != "threat" || p < line || p >= e.model.Meta.HoldAt {
		t.Fatalf("%q: head %s p %.3f, want threat in [%.2f, %.3f): pick another sentence", in.Text, x.Head, p, line, e.model.Meta.HoldAt)
	}
	if x.Threshold != line {
		t.Errorf("explanation threshold %.3f, want %.2f", x.Threshold, line)
	}
	r := e.Check(in)
	if r.Verdict == Deliver || !strings.Contains(strings.Join(r.Reasons, " "), "modèle") {
		t.Errorf("%q: %s %v, want held by the model", in.Text, r.Verdict, r.Reasons)
	}
}

// TestReportVerbs49: « il a affirmé que "…" », « ils ont crié "…" » report
// what someone said: the segment reading blanks the quotation, as after
// « il a dit ». Written for this test.
func TestReportVerbs49(t *testing.T) {
	for _, text := range []string{
		"Ce matin il a affirmé que « les tueurs sont des héros » devant toute la classe.",
		"Dans le couloir ils ont crié « on va brûler le lycée », je vous préviens.",
	} {
		got := unquoteReported(text)
		if strings.Contains(got, "héros") || strings.Contains(got, "brûler") {
			t.Errorf("%q: segments read %q, want the quotation blanked", text, got)
		}
	}
}

// TestTimeBombMetaphor49: « c'est une bombe à retardement » says a
// situation will go wrong; a time bomb planted is still a bomb. Written
// for this test.
func TestTimeBombMetaphor49(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"cette réforme c'est une vraie bombe à retardement pour les lycées pros", false},
		{"j'ai posé une bombe à retardement dans le CDI, elle saute à 15h", true},
	} {
		s := textScores(c.text)[detThreat]
		if held := s.score >= 0.5; held != c.held {
			t.Errorf("%q: threat %.2f %q, want held %v", c.text, s.score, s.reason, c.held)
		}
	}
}

// wantHeld checks each case's verdict on the engine with its defaults
// (the model on), where rulesHold (round39_test.go) reads the rules alone.
func wantHeld(t *testing.T, cases []heldCase) {
	t.Helper()
	e := New(Config{})
	for _, c := range cases {
		r := e.Check(Input{Text: c.text})
		if held := r.Verdict != Deliver; held != c.held {
			t.Errorf("%q: %s %v, want held %v", c.text, r.Verdict, r.Reasons, c.held)
		}
	}
}
