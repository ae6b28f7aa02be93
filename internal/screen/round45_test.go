package screen

import (
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEnglish45 checks this round's English readings: a death promised
// to the reader (« ur gonna die »), « finish » with a person, « smash »
// with a body part a few words on, an outcome in blood or in a box; and
// the look-alikes that share their words. Sentences written for the
// test.
func TestEnglish45(t *testing.T) {
	checkEnglish(t, []enCase{
		{"ur gonna die slowly", wantViolence},
		{"you're going to die on friday, i promise", wantViolence},
		{"u will die after school behind the gym", wantViolence},
		{"we finish him at the bus stop tomorrow", wantViolence},
		{"me and my cousins are gonna finish you off tonight", wantViolence},
		{"let's smash that kid's stupid face in at lunch", wantViolence},
		{"keep talking and you'll go home in a box", wantViolence},
		{"the leavers party on the 30th will end in blood", wantThreat},
		{"ur gonna die laughing at this video", wantNone},
		{"you'll die of shame when you see the photos from the trip lol", wantNone},
		{"u gonna die when u see what mum got for your birthday", wantNone},
		{"we finish the project tomorrow at lunch", wantNone},
		{"I can't wait to finish this book", wantNone},
		{"my phone is gonna die, can I charge it in class?", wantNone},
		{"the presents came in a box from my aunt", wantNone},
		{"we smashed the quiz, the whole class got full marks", wantNone},
		{"The choir will sing at the end-of-year concert on 20 June at 19h in the gym.", wantNone},
		{"For Monday: finish Lord of the Flies chapters 9 and 10.", wantNone},
		{"Could you send the reference by the end of September, sir?", wantNone},
		{"For Monday: finish the last chapter and the questions on page 40.", wantNone},
	})
}

// TestSlangActs45 checks this round's act verbs: those the dictionary
// does not hold, whose forms are made by rule (rafaler, schlasser), the
// unambiguous ones (lapider, dézinguer), and the slang ones that are acts
// only with a person as object (trouer, plomber, cartonner). Sentences
// written for the test.
func TestSlangActs45(t *testing.T) {
	for _, c := range []struct {
		text string
		act  actClass
	}{
		{"on va les rafaler à la sortie", actShoot},
		{"je vais te rafaler demain", actShoot},
		{"ils rafaleront tout le monde", actShoot},
		{"je vais te schlasser à la récré", actStab},
		{"il va se faire lapider", actAttack},
		{"on va les dézinguer un par un", actKill},
		{"je vais te trouer", actStab},
		{"je vais te plomber devant le lycée", actShoot},
		{"demain je vous cartonne tous", actShoot},
		{"on a troué le ballon en sport", actNone},
		{"le dentiste va plomber ma dent", actNone},
		{"on va cartonner au bac", actNone},
		{"il faut sulfater la vigne avant la pluie", actNone},
	} {
		got := actNone
		for _, fr := range framesOf(c.text) {
			if fr.act != actNone && fr.act != actHarm {
				got = fr.act
			}
		}
		if got != c.act {
			t.Errorf("%q: act %v, want %v", c.text, got, c.act)
		}
	}
	for _, w := range []string{"rafaler", "rafalerai", "rafalez", "schlasse", "chlassé"} {
		if ms := Analyse(w); len(ms) != 1 || ms[0].POS != POSVerb {
			t.Errorf("Analyse(%q) = %+v, want one verb", w, ms)
		}
	}
}

// TestRunOnVous45 checks that a clause whose subject is « vous » or
// « nous » ends where a new subject pronoun opens a run-on clause, so a
// threat after a condition is not read as what was reported: « si vous
// dites que vous avez vu la photo je vous casse la gueule ». Sentences
// written for the test.
func TestRunOnVous45(t *testing.T) {
	for _, c := range []struct {
		text   string
		report bool
	}{
		{"Si vous dites au proviseur que vous avez vu la photo sur mon téléphone je vous casse la gueule.", false},
		{"si vous racontez que nous avons pris les clés je vous défonce", false},
		{"il a dit qu'il allait frapper le prof", true},
	} {
		f, ok := actFrame(c.text)
		if !ok {
			t.Errorf("%q: no act", c.text)
			continue
		}
		if f.report != c.report {
			t.Errorf("%q: report %v, want %v", c.text, f.report, c.report)
		}
	}
}

// TestNickObject45 checks that a nickname ending its noun phrase is a
// person object of a slang verb (« défoncer le gros de la 4eC ») and a
// nickname before a noun is not (« fumer le gros joint »). Sentences
// written for the test.
func TestNickObject45(t *testing.T) {
	for _, c := range []struct {
		text string
		act  bool
	}{
		{"qui vient avec moi défoncer le gros de la 4eC à la sortie", true},
		{"on va choper le nouveau demain", true},
		{"je vais fumer la balance", true},
		{"on va fumer le gros joint ce soir", false},
		{"il faut défoncer le petit mur du jardin", false},
	} {
		_, got := actFrame(c.text)
		if got != c.act {
			t.Errorf("%q: act %v, want %v", c.text, got, c.act)
		}
	}
}

// TestExposure45 checks two readings of a threat to expose the reader:
// a publication in the passive under an ultimatum names no audience
// (« sinon elles seront publiées avec ton nom »), and a demonstrative
// after the verb takes the pictures up (« on envoie celles qu'on a »).
// Sentences written for the test, with their look-alikes.
func TestExposure45(t *testing.T) {
	for _, c := range []struct {
		text string
		held bool
	}{
		{"On a tes photos de la piscine. Tu paies 100 euros avant lundi, sinon elles seront publiées avec ton nom.", true},
		{"Envoie encore des photos ce soir ou on envoie celles qu'on a déjà à toute ta classe.", true},
		{"Tes photos de classe seront publiées vendredi sur l'ENT.", false},
		{"Les photos de la sortie seront publiées avec le nom de chaque classe.", false},
		{"Envoie-moi les photos du voyage, j'envoie celles de Lucas à la prof.", false},
	} {
		s, why := exposureThreat(tokensOf(c.text))
		if (s >= 0.5) != c.held {
			t.Errorf("%q: sextortion %.2f (%s), want held %v", c.text, s, why, c.held)
		}
	}
}

// TestCutPiece45 checks that a piece of a word cut by hyphens or dots is
// not read as a chat spelling before the split word is joined (« sil » in
// « fu-sil-ler » is no « s'il »), and that the slang verbs' made forms
// join too. Sentences written for the test.
func TestCutPiece45(t *testing.T) {
	nb := getBufs()
	defer putBufs(nb)
	for _, c := range []struct {
		text string
		want string
	}{
		{"je vais vous fu-sil-ler demain", "je vais vous fusiller demain"},
		{"je vais vous ra.fa.ler demain", "je vais vous rafaler demain"},
		{"sil pleut on reste en classe", "s il pleut on reste en clase"},
		{"peut-être qu'on ira au cinéma, a-t-il dit", "peut etre qu on ira au cinema a t il dit"},
	} {
		a := nb.repairWords(nb.expandChat(nb.analyze(c.text)), nil)
		var keys []string
		for _, tk := range a.toks {
			keys = append(keys, tk.key)
		}
		if got := strings.Join(keys, " "); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestMishap45 checks the reading of a mishap wished on someone, apart
// from the safety notice's condition and a parent's report. Sentences
// written for the test.
func TestMishap45(t *testing.T) {
	for _, c := range []struct {
		text        string
		found, cond bool
	}{
		{"ce serait dommage qu'il arrive quelque chose au car de la sortie", true, false},
		{"fais attention, il pourrait t'arriver un malheur", true, false},
		{"un accident arrive vite à la sortie du parking, ma grande", true, false},
		{"S'il arrive quelque chose à votre enfant pendant la sortie, appelez le 15.", true, true},
		{"En cas d'accident arrivé à un élève, prévenez l'infirmière.", true, true},
		{"il est arrivé quelque chose à mon fils hier à la récré", false, false},
		{"le car arrive à 17h au collège", false, false},
		{"Accident arrive vite au parking, fais gaffe à toi", true, false},
		{"Tu connais le cas. Il arrive quelque chose au car demain", true, false},
	} {
		_, toks := tokensOf(c.text)
		found, cond := mishapOf(toks)
		if found != c.found || cond != c.cond {
			t.Errorf("%q: found %v cond %v, want %v %v", c.text, found, cond, c.found, c.cond)
		}
	}
}

// constModel is a learned layer that reads every text at probability p,
// on every head, and holds nothing by itself (line 0.99).
func constModel(p float64) *Model {
	b := math.Log(p / (1 - p))
	m := &Model{Meta: ModelMeta{Heads: ModelHeads, Bias: []float64{b, b, b, b}, HoldAt: 0.99, Student: 0.99}}
	m.W = make([][]float32, len(ModelHeads))
	for i := range m.W {
		m.W[i] = make([]float32, modelSize)
	}
	return m
}

// TestRejectConfirm45 checks the model's confirmation of the rules' holds
// with a model that reads every text alike: at RuleConfirm (0.5) the
// rules hold and reject; between RejectConfirm (0.15) and RuleConfirm
// they reject from their reject line and hold nothing under it; under
// RejectConfirm they hold nothing; without the model they hold on their
// own. The sentence is written for the test: the rules reject it.
func TestRejectConfirm45(t *testing.T) {
	const text = "Je vais poser une bombe au collège demain à 10h, tout va exploser."
	rules := New(Config{NoTextModel: true}).Check(Input{Text: text})
	if rules.Verdict != Reject {
		t.Fatalf("rules alone: %v %.2f %v, want reject", rules.Verdict, rules.Score, rules.Reasons)
	}
	for _, c := range []struct {
		p    float64
		want Verdict
	}{
		{0.6, Reject},
		{0.3, Reject},
		{RejectConfirm + 0.01, Reject},
		{RejectConfirm - 0.01, Deliver},
		{0.02, Deliver},
	} {
		got := New(Config{TextModel: constModel(c.p)}).Check(Input{Text: text})
		if got.Verdict != c.want {
			t.Errorf("model at %.2f: %v %.2f %v, want %v", c.p, got.Verdict, got.Score, got.Reasons, c.want)
		}
	}
	// Under the reject line (a hold by the rules), RuleConfirm still
	// decides.
	const weaker = "je vais le planter demain à la sortie"
	base := New(Config{NoTextModel: true}).Check(Input{Text: weaker})
	if base.Verdict != Hold {
		t.Fatalf("rules alone on %q: %v %.2f, want hold", weaker, base.Verdict, base.Score)
	}
	for _, c := range []struct {
		p    float64
		want Verdict
	}{{0.6, Hold}, {0.3, Deliver}} {
		if got := New(Config{TextModel: constModel(c.p)}).Check(Input{Text: weaker}); got.Verdict != c.want {
			t.Errorf("model at %.2f on %q: %v %.2f %v, want %v", c.p, weaker, got.Verdict, got.Score, got.Reasons, c.want)
		}
	}
}

// TestSegmentsWith45 checks the choice of the segments the one-pass gate
// has read: those that hold the sentence that opened it, spaced as
// Segments spaces words, or every segment when none does.
func TestSegmentsWith45(t *testing.T) {
	text := "Bonjour à tous.\nLe cours de demain est annulé. Il faut que je tue   le temps avant le bus. Merci !"
	segs := Segments(text)
	got := segmentsWith(segs, "Il faut que je tue le\ntemps avant le bus")
	if len(got) != 1 || !strings.Contains(got[0], "tue le temps") {
		t.Errorf("segmentsWith: %q, want the one sentence (of %q)", got, segs)
	}
	if got := segmentsWith(segs, "une phrase absente"); len(got) != len(segs) {
		t.Errorf("segmentsWith on an absent sentence: %d segments, want all %d", len(got), len(segs))
	}
}

// TestSplitSentences checks splitSentences against the regular expression
// it replaces, on sentences written for the test and on every text of the
// sets in testdata.
func TestSplitSentences(t *testing.T) {
	re := regexp.MustCompile(`[.!?…]+\s+`)
	texts := []string{"", ".", ". ", "a. b", "a.b. c", "Quoi ?! Non…  Si.\tFin", "…  début", "fin. ", "a ... b", "a.\u00a0b", "x!\f\ry", "é. ü", "a.. . b"}
	paths, _ := filepath.Glob("testdata/*.jsonl")
	for _, p := range paths {
		for _, m := range readCorpus(t, p) {
			texts = append(texts, strings.Split(m.Text, "\n")...)
		}
	}
	for _, s := range texts {
		if got, want := splitSentences(s), re.Split(s, -1); !slices.Equal(got, want) {
			t.Fatalf("splitSentences(%q) = %q, want %q", s, got, want)
		}
	}
}
