package screen

import "testing"

// TestChatSound checks the chat readings of this round: je glued to a
// verb written without its silent ending, « ds » as dans and not a
// devoir surveillé, « o » as au before a place of the school.
func TestChatSound(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"jtir sur eux", "je tire sur eux"},
		{"jsor a 10h", "je sors a 10h"},
		{"jdepoz le sac", "je depose le sac"},
		{"jaune et bleu", "jaune et bleu"},
		{"jvien ds la cour", "je viens dans la cour"},
		{"g un ds de maths", "j' ai un ds de maths"},
		{"le ds la semaine pro", "le ds la semaine pro"},
		{"on se voit o cdi", "on se voit au cdi"},
		{"trop beau o", "trop beau o"},
		{"o non pas encore", "o non pas encore"},
	} {
		if got := glueTokens(c.text); got != c.want {
			t.Errorf("%q: tokens %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSoundSpelling checks that threats in the chat spellings of this
// round are held on the rules alone, and ordinary messages in the same
// spelling are not. Sentences written for the test.
func TestSoundSpelling(t *testing.T) {
	rulesHold(t, []heldCase{
		{"demain jtir sur tout le monde o self", true},
		{"jdepoz la bombe ds le hall a 10h", true},
		{"on se voit o cdi a 10h pr le ds d histoir", false},
		{"jai u 1 ds de maths tro dur jsui mort", false},
	})
}

// TestPeriodLesson checks that a class period named in an announced act's
// phrase (« en SVT », « en cours de maths ») says when, and no longer
// frames the act as a lesson; a lesson that studies an act still does.
// Sentences written for the test.
func TestPeriodLesson(t *testing.T) {
	for _, c := range []struct {
		text   string
		lesson bool
	}{
		{"mardi en SVT je vais planter tout le monde", false},
		{"demain en cours de maths je vais tous vous buter", false},
		{"en histoire on étudie les attentats de 2015", true},
		{"en cours d'histoire on étudie le massacre de la Saint-Barthélemy", true},
	} {
		frames := framesOf(c.text)
		lesson := false
		for _, f := range frames {
			lesson = lesson || f.act != actNone && f.lesson
		}
		if lesson != c.lesson {
			t.Errorf("%q: act framed as a lesson %v, want %v", c.text, lesson, c.lesson)
		}
	}
}

// TestPersonneNoun checks « personne » after a determiner as a noun (a
// victim), not the negation; « personne ne » still negates.
func TestPersonneNoun(t *testing.T) {
	rulesHold(t, []heldCase{
		{"une personne sera tuée vendredi au collège", true},
		{"toute personne présente au gymnase demain sera abattue", true},
		{"la première personne sera tuée demain au lycée", true},
		{"personne ne sera tué, c'était un exercice", false},
		{"il n'y aura personne au collège demain", false},
	})
}

// TestExtremistWords checks the words of jihadist culture pupils use
// (dawla, the black flag, nasheeds) as extremist references for an
// approval, and the approval words added; an approval with no such
// reference is not terror apology. Sentences written for the test.
func TestExtremistWords(t *testing.T) {
	rulesHold(t, []heldCase{
		{"je mets le drapeau noir en photo pour soutenir les frères", true},
		{"gloire à la dawla, elle reviendra", true},
		{"félicitations aux frères de la dawla", true},
		{"gloire aux frères du 7 octobre", true},
		{"respect aux frères du 11 septembre", true},
		{"félicitations pour ton brevet, le 11 septembre on fête ça", false},
		{"je suis fier de toi, courageux jusqu'au bout", false},
		{"le drapeau noir flotte sur le bateau pirate du spectacle", false},
	})
}

// TestJustifiedIt checks the justifications of this round with an attack
// named, and the same words with none. Sentences written for the test.
func TestJustifiedIt(t *testing.T) {
	rulesHold(t, []heldCase{
		{"ceux de Charlie, les frères ont eu bien raison", true},
		{"le type de Conflans avait ses raisons, faut le dire", true},
		{"ceux qui ont frappé le Bataclan étaient dans leur droit", true},
		{"l'attentat de Nice c'était légitime", true},
		{"t'as eu bien raison de lui parler", false},
		{"il avait ses raisons de partir plus tôt", false},
		{"la grève des profs est légitime", false},
	})
}

// TestStandIsNoPractice checks that a stall at a school fair (« stand
// crêpes ») is no shooting practice that excuses a device claimed beside
// it; « stand de tir » still is, by « tir ». Sentences written for the
// test.
func TestStandIsNoPractice(t *testing.T) {
	rulesHold(t, []heldCase{
		{"Stand crêpes tenu par les 5e. Une bombe artisanale sera sous la tonnelle, réglée pour 16h.", true},
		{"au stand de tir du club le fusil était lourd", false},
	})
}

// TestPoisonIsAnAct checks poisoning as an act of the frames: a report
// word in another sentence (« je tiens à signaler que les repas… ») no
// longer discounts it as a bare mention. Figurative poisoning is not held.
// Sentences written for the test.
func TestPoisonIsAnAct(t *testing.T) {
	rulesHold(t, []heldCase{
		{"Je tiens à signaler que les repas sont honteux. La semaine prochaine, quelqu'un va empoisonner toute la cantine.", true},
		{"je vais empoisonner le self vendredi", true},
		{"ce bruit m'empoisonne la vie depuis lundi", false},
		{"en SVT on a vu comment les plantes empoisonnent les insectes", false},
	})
}

// TestPresentOfATimeToCome checks a grave act in the present, by a third
// person, at a time to come and on the school or its people: a
// prediction, not a mention. A plot told in the present with no time of
// the reader's stays a mention. Sentences written for the test.
func TestPresentOfATimeToCome(t *testing.T) {
	for _, c := range []struct {
		text     string
		agentive bool
	}{
		{"il poignarde la CPE demain matin", true},
		{"mon cousin fait sauter le collège lundi", true},
		{"le méchant poignarde le policier dans la scène finale", false},
		{"il tue tout le monde à la fin du film", false},
	} {
		f, ok := actFrame(c.text)
		if !ok || f.agentive() != c.agentive {
			t.Errorf("%q: act %v, agentive %v, want %v", c.text, ok, f.agentive(), c.agentive)
		}
	}
}
