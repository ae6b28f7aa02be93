package screen

import (
	"strings"
	"testing"
)

// TestMailQuoteLine48: a line opened by '>' is an earlier message quoted in
// a reply or a forward, a mention as inside quotation marks; the sender's
// own lines around it, and a '>' inside a line, quote nothing. The
// sentences were written for this test, not taken from a set.
func TestMailQuoteLine48(t *testing.T) {
	for _, c := range []struct {
		text, word string
		quoted     bool
	}{
		{"mon fils a reçu ceci :\n> je te tue lundi\nque faire ?", "tue", true},
		{"mon fils a reçu ceci :\n> je te tue lundi\nque faire ?", "faire", false},
		{"mon fils a reçu ceci :\n> je te tue lundi\nque faire ?", "fils", false},
		{"> la bombe est prête", "bombe", true},
		{"vu ton message\n   >> on brûle tout vendredi", "brule", true},
		{"3 > 2 donc je te tue", "tue", false},
		{"-> je te tue", "tue", false},
	} {
		a := analyze(c.text)
		found := false
		for _, tk := range a.toks {
			if tk.word == c.word {
				found = true
				if got := tk.flags&tQuoted != 0; got != c.quoted {
					t.Errorf("%q: %q quoted %v, want %v", c.text, c.word, got, c.quoted)
				}
			}
		}
		if !found {
			t.Errorf("%q: no word %q in %v", c.text, c.word, a.toks)
		}
	}
}

// TestUnreadModelLine48: a text the screen cannot read, or half of whose
// words it does not know, with no word of harm the cross-language lexicon
// knows, is held when the learned layer reads it as harmful at
// UnreadModelLine, under its own line; an ordinary text in the same
// languages is delivered. Written for this test; a case of the unread
// line checks first that the model reads it in that band, so that a new
// model cannot make it pass for another reason.
//
// « Pas op jij, morgen om vier uur wacht ik op jou bij het hek. Niemand
// gaat jou helpen. » and « Morgen na school ben jij aan de beurt, vuile
// verrader. Je gaat bloeden. » were here: the fiftieth round's model
// reads them at p 0.56 and 0.49 (violent), under UnreadModelLine (then
// 0.6), and delivers them, a miss of the model recorded in
// docs/screen/NOTES.md. The fifty-first round's reads them at 0.51
// (violent) and 0.495 (threat): the first is held at the unread line,
// now 0.5, too near it to be a case here; the second is still delivered.
func TestUnreadModelLine48(t *testing.T) {
	e := New(Config{})
	for _, c := range []struct {
		text   string
		held   bool
		unread bool // held by the unread model line, not a head's own
	}{
		{"Nach der Pause bist du fällig. Ich warte am Tor auf dich.", true, true},
		// A blow and « you » in Dutch: the cross-language lexicon's words
		// of harm hold it (unreadFinding), whatever the model reads.
		{"Morgen na school sla ik je in elkaar. Niemand gaat jou helpen.", true, false},
		{"Liebe Eltern, der Ausflug nach Straßburg findet am Donnerstag statt. Bitte eine Regenjacke mitbringen.", false, false},
		{"Beste ouders, morgen om vier uur is de oudercontactavond in het lokaal van meester Jan.", false, false},
	} {
		if c.unread {
			x := e.Explain(Input{Text: c.text})
			if p := x.Probs[x.Head]; p < UnreadModelLine || p >= x.Threshold {
				t.Fatalf("%q: head %s p %.3f, want in [%.2f, %.3f): pick another sentence", c.text, x.Head, p, UnreadModelLine, x.Threshold)
			}
		}
		r := e.Check(Input{Text: c.text})
		if held := r.Verdict != Deliver; held != c.held {
			t.Errorf("%q: verdict %s %v, want held %v", c.text, r.Verdict, r.Reasons, c.held)
		}
		if c.unread && !strings.Contains(strings.Join(r.Reasons, " "), "que le modèle lit comme nuisible") {
			t.Errorf("%q: reasons %v, want the unread model line", c.text, r.Reasons)
		}
	}
}

// TestDislocatedThing48: the pronoun object of an act verb stands for a
// thing named ahead of the subject (« ce DM de maths je vais le tuer »):
// a hyperbole, no act; a person named there keeps the act. Written for
// this test.
func TestDislocatedThing48(t *testing.T) {
	wantActs(t, []actCase{
		{"ce DM de maths je vais le tuer ce soir", actNone},
		{"le brevet blanc de lundi on va le défoncer", actNone},
		{"mon voisin je vais le tuer ce soir", actKill},
		{"ce prof je vais le tuer demain", actKill},
		{"je vais le tuer", actKill},
	})
}

// TestFinishPerson48: finir and achever with te, or vous after a subject,
// and no object of their own finish off the reader; with an object, or
// with vous as the subject, they finish a task. Written for this test.
func TestFinishPerson48(t *testing.T) {
	wantActs(t, []actCase{
		{"quand je reviens je te finis", actKill},
		{"je vais vous achever à la sortie", actKill},
		{"on te finit demain", actKill},
		{"je te finis ton dessin ce soir", actNone},
		{"attends je te finis ça demain", actNone},
		{"vous finissez tard le mardi", actNone},
	})
}

// TestGameClausesBefore48: a sports message names the match, then the
// meeting, then the boast; the game two or three clauses before the act
// still softens the lexicon's reading of it: each text scores under the
// same text without the game. Written for this test.
func TestGameClausesBefore48(t *testing.T) {
	for _, c := range []struct{ game, bare string }{
		{"Match de foot samedi : départ du car à 13h. On va les massacrer !", "Samedi : départ du car à 13h. On va les massacrer !"},
		{"Tournoi de hand jeudi contre la 4e B : rendez-vous 14h au gymnase. On va les massacrer", "Jeudi contre la 4e B : rendez-vous 14h au gymnase. On va les massacrer"},
	} {
		g, b := textScores(c.game)[detThreat], textScores(c.bare)[detThreat]
		if !(g.score < b.score) {
			t.Errorf("%q: threat %v, not under %v without the game (%q)", c.game, g.score, b.score, g.reason)
		}
	}
}

// TestNotJokingAffair48: « je ne plaisante pas » says the act is meant, so
// it is no joke's discount; « cette histoire » is an affair, not the
// school subject, so it is no lesson's. Written for this test.
func TestNotJokingAffair48(t *testing.T) {
	for _, c := range []struct {
		text, discount string
		want           bool
	}{
		{"on met le feu à votre établissement demain. Je ne plaisante pas.", "plaisanterie", false},
		{"on met le feu à votre établissement demain, je rigole pas", "plaisanterie", false},
		{"on met le feu à votre établissement demain, je plaisante", "plaisanterie", true},
		{"pour cette histoire on met le feu à votre établissement demain", "enseignement", false},
		{"après toute cette histoire on met le feu à votre établissement demain", "enseignement", false},
		{"dans mon histoire on met le feu à un établissement", "enseignement", true},
		{"en histoire on a vu comment on met le feu à un établissement", "enseignement", true},
	} {
		r := textScores(c.text)[detThreat].reason
		if got := strings.Contains(r, c.discount); got != c.want {
			t.Errorf("%q: reason %q, want %q %v", c.text, r, c.discount, c.want)
		}
	}
}

// TestViolentMediaSpread48: the speaker who says he will send the video
// (« je vais envoyer ») spreads it, as « je l'envoie » does; a harm done to
// someone « qu'on égorge » is what the video shows, as « se fait
// égorger » is. Who will not send it, or sends it to the police, does not
// spread it. Written for this test.
func TestViolentMediaSpread48(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"je vais envoyer à toute la 4e B la vidéo de la décapitation ce soir", true},
		{"on va balancer la vidéo du lynchage sur le groupe", true},
		{"j'ai une vidéo d'un mec qu'on tabasse dans le bus, faites tourner", true},
		{"je vais pas envoyer la vidéo de la décapitation, c'est trop grave", false},
		{"je vais envoyer la vidéo de la décapitation à la police", false},
		{"j'ai une vidéo d'un mec qu'on tabasse dans le bus, je l'ai signalée", false},
	} {
		s, why := violentMediaOf(c.text)
		if (s >= 0.5) != c.held {
			t.Errorf("%q: score %.2f (%s), want held=%v", c.text, s, why, c.held)
		}
	}
}

// actCase is a text and the act of its first frame with one.
type actCase struct {
	text string
	act  actClass
}

// wantActs checks the act of each case's first frame with an act.
func wantActs(t *testing.T, cases []actCase) {
	t.Helper()
	for _, c := range cases {
		if f, _ := actFrame(c.text); f.act != c.act {
			t.Errorf("%q: act %q, want %q", c.text, actNames[f.act], actNames[c.act])
		}
	}
}
