package screen

import "testing"

// englishOf runs the detection path up to the tokens and returns the
// English reader's scores.
func englishOf(text string) enScores {
	src, toks := tokensOf(text)
	return englishThreat(src, toks)
}

// The detectors an English sentence is meant to raise.
const (
	wantNone = iota
	wantThreat
	wantViolence
	wantSextortion
	wantApology
)

// enCase is a sentence and the detector it is meant to raise.
type enCase struct {
	text string
	want int
}

// checkEnglish runs the English reader on cases: the harmful ones reach
// 0.5 on the detector meant, the look-alikes stay under it on every
// detector.
func checkEnglish(t *testing.T, cases []enCase) {
	t.Helper()
	for _, c := range cases {
		e := englishOf(c.text)
		got := map[int]detectorScore{wantThreat: e.threat, wantViolence: e.violence, wantSextortion: e.sextortion, wantApology: e.apology}
		if c.want == wantNone {
			for _, d := range got {
				if d.score >= 0.5 {
					t.Errorf("%q: held (%.2f %s), want delivered", c.text, d.score, d.reason)
				}
			}
			continue
		}
		if d := got[c.want]; d.score < 0.5 {
			t.Errorf("%q: detector %d %.2f (%+v), want ≥ 0.5", c.text, c.want, d.score, e)
		}
	}
}

// englishCases are sentences written for the test, not taken from a set:
// the harmful ones name each mechanism of english.go, the benign ones
// share their words.
var englishCases = []enCase{
	// the speaker, an act, a group or a place, a time
	{"I'm gonna shoot everyone in the canteen tomorrow at lunch", wantThreat},
	{"im going to shoot up this school on friday, u have been warned", wantThreat},
	{"we're gonna blow up the science block monday morning", wantThreat},
	{"ima set fire to the gym after school with all of them inside", wantThreat},
	{"I will stab as many people as i can in the yard at break", wantThreat},
	{"gonna poison the water in the canteen on thursday", wantThreat},
	// a claim with a place or a time
	{"theres a bomb in the B building, it goes off at 2pm", wantThreat},
	{"i have a gun in my bag and im in the building right now", wantThreat},
	{"A device has been placed in the main hall. It will detonate at 11.", wantThreat},
	// an outcome with no act verb
	{"everyone in 4C, you'll all be dead by friday", wantThreat},
	{"nobody leaves alive tomorrow, the whole year is finished", wantThreat},
	{"the next one won't be a drill. see you all monday", wantThreat},
	// a weapon brought with a time
	{"im bringing my uncle's shotgun tomorrow. dont come in", wantThreat},
	// one person
	{"I'll kill you after school, watch", wantViolence},
	{"ill shank u on the way home tmrw", wantViolence},
	{"I swear on my life I'll drown you at the piscine next Tuesday", wantViolence},
	{"i'm gonna strangle you after class", wantViolence},
	{"my mum is gonna drown me in homework lol", wantNone},
	{"we're drowning in homework this week", wantNone},
	{"im gonna break your jaw at the gates tomorrow", wantViolence},
	{"I swear I'm going to glass Kieran when I see him", wantViolence},
	{"me and the boys gonna merk him friday", wantViolence},
	{"ur getting jumped at the bus stop tomorrow", wantViolence},
	{"you're dead tmrw, i mean it", wantViolence},
	{"im gonna beat him up so bad after maths", wantViolence},
	{"I'll pay your mum a visit tonight, sir", wantViolence},
	// a call
	{"lets all jump Tyler on the way home today", wantViolence},
	{"whos in for battering the new kid at lunch", wantViolence},
	// a game or a joke said to be real
	{"not in fortnite, irl. im gonna stab you monday", wantViolence},
	// sextortion
	{"if u dont pay 150 quid by friday ur nudes go to everyone in your year", wantSextortion},
	{"I recorded the call. Send me 200 euros or it goes to your parents and all your followers", wantSextortion},
	{"do my homework for the rest of term or your pics end up on the year page", wantSextortion},
	// violent media
	{"watch this vid of Sam getting battered behind the gym 💀 send it to everyone", wantViolence},
	{"here's the beheading video lol pass it round", wantViolence},

	// a place or a group promised its fate
	{"the college is gonna blow up on monday at 9, stay home", wantThreat},
	{"u all gonna die friday, every single one of you", wantThreat},
	{"We have placed two devices in the science labs. Pay or they go off at noon.", wantThreat},
	{"scrap at lunch behind the canteen, im putting him in hospital", wantViolence},
	{"send more pics or i post the ones i have to the whole school", wantSextortion},

	// look-alikes: games, sport, photography
	{"gonna kill you in fortnite tonight, respawn and cry", wantNone},
	{"we killed it at the concert!! so proud", wantNone},
	{"we smashed them 3-0 on saturday", wantNone},
	{"shooting portraits in the park on sunday for my photography project", wantNone},
	{"shoot me a text when you're home", wantNone},
	{"Shooting practice is at the gym at 4pm, bring water", wantNone},
	{"I'll shoot you an email about the trip tomorrow", wantNone},
	{"im gonna destroy you at fifa after school lol", wantNone},
	// jokes about family and chores, hyperbole
	{"im gonna kill my sister if she takes my charger again lol", wantNone},
	{"my mum is going to kill me when she sees my report", wantNone},
	{"Mr Dubois is gonna murder us if we forget the homework again", wantNone},
	{"this heat is killing me, can we open a window", wantNone},
	{"gonna murder a burger after this revision session", wantNone},
	{"I'm dead 💀 that video was so funny", wantNone},
	{"I bombed my history test so badly", wantNone},
	// reports and quotations
	{"Someone sent me a message saying he's gonna shoot everyone tomorrow, what do I do?", wantNone},
	{"This is the message pupils received last night: \"there is a bomb in the school\". It has been reported to the police.", wantNone},
	{"My son received a text saying \"you're dead tomorrow\". Could the CPE call me?", wantNone},
	// films, books, lessons, drills
	{"the bomb scene in Oppenheimer was insane, we watched it in class", wantNone},
	{"In the novel the boys kill Piggy with a rock, why does Golding do that?", wantNone},
	{"Lockdown drill tomorrow at 10am: pupils will hide in their classrooms and stay silent.", wantNone},
	{"Fire drill on Monday morning, please bring a coat.", wantNone},
	// negation, questions, regret
	{"I would never hurt you, you know that", wantNone},
	{"sorry if I hurt you yesterday, I didn't mean it", wantNone},
	// ordinary school life with the same words
	{"Dear parents, the photos of the school trip will be posted on the ENT tomorrow.", wantNone},
	{"Please pay 15 euros for the class photos by Friday, or order them online.", wantNone},
	{"I'm in the building for the parents' meeting, which room is it?", wantNone},
	{"My daughter needs a vegetable knife for the cooking workshop on Friday, is that ok?", wantNone},
	{"Your order has been placed and will be delivered tomorrow.", wantNone},
	{"Someone posted a video of a fight in our class group, I didn't watch it. Can I talk to you at break?", wantNone},
	{"If someone threatens to share your photos, talk to an adult and report it.", wantNone},
	{"You're dead to me if you spoil the final episode", wantNone},
	{"the canteen prices are going up next week", wantNone},
	{"I'll bring my device tomorrow for the ICT lesson", wantNone},
	{"Miss placed us in groups of four for the project on Monday", wantNone},
	{"my nan is in hospital so I'll miss school tomorrow", wantNone},
	{"I hope you don't die of boredom in the meeting lol", wantNone},
	{"the volcano in our science fair project will explode at 2pm, come and see!", wantNone},
}

// TestEnglishReader checks each mechanism of the English reader on the
// sentences above: the harmful ones reach 0.5 on the detector meant, the
// look-alikes stay under it on every detector.
func TestEnglishReader(t *testing.T) {
	checkEnglish(t, englishCases)
}

// TestEnglishReaderHolds checks that the engine's rules alone (no model)
// hold the harmful sentences: each reaches the hold line.
func TestEnglishReaderHolds(t *testing.T) {
	e := New(Config{NoTextModel: true})
	for _, c := range englishCases {
		if c.want == wantNone {
			continue
		}
		if r := e.Check(Input{Text: c.text}); r.Score < 0.5 {
			t.Errorf("%q: score %.2f %v, want held", c.text, r.Score, r.Reasons)
		}
	}
}

// TestEnglishGate checks that the reader does not read French (nor a
// French text with an English word or two): each scores 0.
func TestEnglishGate(t *testing.T) {
	for _, text := range []string{
		"je vais te tuer demain après les cours",
		"Il y a une bombe dans le collège, elle explose à 10h.",
		"on va tous les shooter à la récré demain",
		"Bonjour madame, mon fils est malade, il ne viendra pas en cours aujourd'hui.",
		"ya un contrôle de maths demain ou pas ?",
		"tu vas finir comme lui, je te le promets",
		"Les photos de la sortie sont en ligne sur l'ENT.",
		"jvais le kill ce soir sur fortnite mdr",
		"c'est le meilleur film de l'année, le kill de la fin est ouf",
		"si tu payes pas 50 euros tes nudes partent sur snap, everyone va les voir",
	} {
		e := englishOf(text)
		if e.any() {
			t.Errorf("%q: %+v, want 0 (not English)", text, e)
		}
	}
	for _, text := range []string{"ur dead tmrw", "I'll kill you", "say bye to ur kneecaps"} {
		src, toks := tokensOf(text)
		enSets()
		if !mostlyEnglish(toks) {
			t.Errorf("%q (%s): not read as English", text, src)
		}
	}
}
