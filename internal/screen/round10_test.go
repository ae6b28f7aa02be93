package screen

import (
	"strings"
	"testing"
)

// tokensOf runs the detection path up to the tokens; src is the text
// their offsets point into.
func tokensOf(text string) (src string, toks []dtok) {
	nb := getBufs()
	defer putBufs(nb)
	var sc scratch
	a := nb.repairWords(nb.expandChat(nb.analyze(text)), &sc.keys)
	return strings.Clone(a.src), buildTokensCached(a, nil, &sc.keys)
}

// exposureOf runs the detection path up to the tokens and returns
// exposureThreat's score.
func exposureOf(text string) (float64, string) {
	nb := getBufs()
	defer putBufs(nb)
	var sc scratch
	a := nb.repairWords(nb.expandChat(nb.analyze(text)), &sc.keys)
	toks := buildTokensCached(a, nil, &sc.keys)
	return exposureThreat(a.src, toks)
}

// TestExposureThreat checks the blackmail-by-exposure reader alone: the
// reader's thing, the act of making it public by the speaker or as an
// outcome, the condition, and what is not blackmail.
func TestExposureThreat(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		// the speaker publishes the reader's thing under a condition
		{"si tu le dis a ta mere je balance tes snaps a tout le college", true},
		{"tu me rends mon argent ou je poste tes photos sur tiktok", true},
		{"si t'arrête pas jvais publier la photo de toi a la piscine", true},
		{"t'as intérêt à te taire sinon je partage tes convs sur le groupe", true},
		// the outcome, said of an audience
		{"fais ce que je te dis sinon toute ta classe la verra", true},
		{"t'a photo va finir sur insta si tu continue", true},
		{"ta photo de la soirée va finir sur snapchat", true},
		{"ta photo va finir sur le site du collège avec celles de la classe", false},
		// without a verb: the reader's thing placed on a platform, under a condition
		{"tu paies sinon ta vidéo sur tiktok ce soir", true},
		// no condition, but a public and a consequence
		{"je vais afficher tes messages partout ta vie est finie", true},
		// coordinated verb sharing the first one's subject
		{"je vais raconter ta vie et balancer tes photos partout", true},
		// not blackmail: nobody's thing, an offer, praise, a negation,
		// a third party, sending to the reader
		{"je vais poster les photos du match sur le groupe", false},
		{"si tu veux je balance tes photos du voyage sur le groupe", false},
		{"si tu viens pas je poste les photos du match sur le groupe", false},
		{"je vais mettre ta photo de classe sur insta elle est magnifique", false},
		{"je vais pas poster ta vidéo t'inquiète", false},
		{"t'inquiète si tu dis rien je balance pas tes photos", false},
		{"je vais balancer ta vidéo de danse sur insta elle est trop belle", false},
		{"si on te menace de diffuser tes photos, signale-le", false},
		{"si quelqu'un menace de publier tes photos, parle à un adulte", false},
		{"je t'envoie tes photos ce soir", false},
		{"si tu ne rends pas ton exposé je mets un zéro", false},
		{"tu me montres tes photos de vacances ?", false},
	} {
		s, why := exposureOf(c.text)
		if (s >= 0.5) != c.held {
			t.Errorf("%q: score %.2f (%s), want held=%v", c.text, s, why, c.held)
		}
	}
}

// TestRound10Rules checks the tenth round's lexicon entries with the
// rules alone: retribution with its measure, and a meeting at the exit
// with an ordinary purpose.
func TestRound10Rules(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"toi tu vas me le payer cher", true},
		{"vous allez le payer très cher bande de bouffons", true},
		{"tu vas regretter d'être née", true},
		{"tu vas payer cher ton billet de train", false},
		{"on se retrouve devant la sortie pour aller au cinéma", false},
		{"je t'attends à la sortie pour rentrer ensemble", false},
		{"on se retrouve à la sortie et là tu vas pleurer", true},
	} {
		ds := textScores(c.text)
		best := 0.0
		for _, d := range ds {
			if d.score > best {
				best = d.score
			}
		}
		if (best >= 0.5) != c.held {
			t.Errorf("%q: rules %.2f %v, want held=%v", c.text, best, ds, c.held)
		}
	}
}

// TestUltimatumThreat checks the ultimatum reader alone: a condition on
// the reader, the speaker acting on the reader with a verb of menace.
func TestUltimatumThreat(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"tu parles encore de moi ou je te bouffe", true},
		{"si tu reviens ici on te roule dessus", true},
		{"la prochaine fois que tu me cherches je te fais goûter au bitume", true},
		{"t'as intérêt à te taire sinon je vais te calmer", true},
		{"si tu le redis je te fais ravaler tes mots", true},
		// favours, offers, teachers, negation, no condition
		{"si tu viens je te fais goûter mon gâteau", false},
		{"si tu veux je te roule une crêpe", false},
		{"si tu continues je te mets une heure de colle", false},
		{"si tu rates le bus je te ramène", false},
		{"tu fais ça ou je te mange pas", false},
		{"je te mange tout cru mon petit chou", false},
		{"on se retrouve au parc ou je te rejoins au ciné", false},
	} {
		src, toks := tokensOf(c.text)
		s, why := ultimatumThreat(src, toks)
		if (s >= 0.5) != c.held {
			t.Errorf("%q: score %.2f (%s), want held=%v", c.text, s, why, c.held)
		}
	}
}

// FuzzRound10Readers runs the exposure and ultimatum readers on any text:
// no panic, scores in [0, 1].
func FuzzRound10Readers(f *testing.F) {
	for _, s := range []string{"si tu parles je poste ta vidéo", "tu touches pas ou je te mange", "ta photo va finir sur", "sinon", "je te fais goûter au", "t a photo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, toks := tokensOf(s)
		for _, sc := range []float64{first(exposureThreat(src, toks)), first(ultimatumThreat(src, toks)), first(violentMedia(toks))} {
			if sc < 0 || sc > 1 {
				t.Fatalf("%q: score %v", s, sc)
			}
		}
	})
}

func first(s float64, _ string) float64 { return s }
