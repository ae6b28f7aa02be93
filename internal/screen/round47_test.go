package screen

import (
	"strings"
	"testing"
)

// TestArticleAfterIntransitive47: « la » after burn, explode or die is an
// article when a noun follows it, so the verb has an object and the
// speaker is not the one who burns; folded « là » at the end or before a
// laugh still leaves the speaker's own state. The sentences were written
// for this test, not taken from a set.
func TestArticleAfterIntransitive47(t *testing.T) {
	for _, c := range []struct {
		text string
		act  actClass
	}{
		{"je vais brûler la maison de Kevin", actBurn},
		{"je vais cramer la voiture du CPE ce soir", actBurn},
		{"je vais brûler la grange de Lucas", actBurn},
		{"je vais exploser là", actNone},
		{"je vais exploser la mdr", actNone},
		{"je vais crever là sérieux", actNone},
	} {
		f, _ := actFrame(c.text)
		if f.act != c.act {
			t.Errorf("%q: act %q, want %q", c.text, actNames[f.act], actNames[c.act])
		}
	}
}

// TestTeacherSubjectIsNoLesson47: the subject a teacher teaches names the
// teacher (« le prof d'histoire »), so it frames no lesson; the subject of
// a lesson still does.
func TestTeacherSubjectIsNoLesson47(t *testing.T) {
	e := New(Config{NoTextModel: true})
	for _, c := range []struct {
		text   string
		lesson bool
	}{
		{"je vais foutre le feu à la voiture du prof d'histoire", false},
		{"je vais foutre le feu à la voiture de la professeure de physique", false},
		{"en cours d'histoire on a vu comment on met le feu à une ville", true},
	} {
		got := strings.Contains(strings.Join(e.Check(Input{Text: c.text}).Reasons, " "), "enseignement")
		if got != c.lesson {
			t.Errorf("%q: lesson discount %v, want %v", c.text, got, c.lesson)
		}
	}
	for _, c := range []struct {
		noun, prep string
		want       bool
	}{
		{"prof", "d", true}, {"profs", "de", true}, {"enseignante", "de", true}, {"cours", "d", false}, {"prof", "a", false},
	} {
		if got := teacherOf(keyOf(c.noun), c.prep); got != c.want {
			t.Errorf("teacherOf(%q, %q) = %v", c.noun, c.prep, got)
		}
	}
}

// TestArmedWithNoWeapon47: armed with patience or courage is no weapon,
// also after a comic pause; armed with a knife, or armed and then a new
// sentence, is.
func TestArmedWithNoWeapon47(t *testing.T) {
	for _, c := range []struct {
		text  string
		armed bool
	}{
		{"je suis armé de patience", false},
		{"je suis armée d'un grand sourire pour la rentrée", false},
		{"jsuis armé... de courage 😂", false},
		{"je suis armé d'un couteau", true},
		{"je suis armé de mon flingue", true},
		{"je suis armé. De toute façon vous allez tous comprendre", true},
	} {
		got := false
		for _, f := range framesOf(c.text) {
			got = got || f.act == actArm
		}
		if got != c.armed {
			t.Errorf("%q: armed %v, want %v", c.text, got, c.armed)
		}
	}
}
