package screen

import "testing"

// heldCase is a sentence and whether it must be held.
type heldCase struct {
	text string
	held bool
}

// rulesHold checks each case on the engine's rules and frames alone (no
// model): held is a score of 0.5 or more.
func rulesHold(t *testing.T, cases []heldCase) {
	t.Helper()
	e := New(Config{NoTextModel: true})
	for _, c := range cases {
		r := e.Check(Input{Text: c.text})
		if held := r.Score >= 0.5; held != c.held {
			t.Errorf("%q: held %v (%.2f %v), want %v", c.text, held, r.Score, r.Reasons, c.held)
		}
	}
}

// readerHolds checks each case on one reader's score.
func readerHolds(t *testing.T, read func(string) (float64, string), cases []heldCase) {
	t.Helper()
	for _, c := range cases {
		if s, why := read(c.text); (s >= 0.5) != c.held {
			t.Errorf("%q: score %.2f (%s), want held=%v", c.text, s, why, c.held)
		}
	}
}

// onToks runs a reader of tokens on a text.
func onToks(read func([]dtok) (float64, string)) func(string) (float64, string) {
	return func(text string) (float64, string) {
		_, toks := tokensOf(text)
		return read(toks)
	}
}

// TestRealMarker checks the markers of frames39.go alone: a message that
// says what it announces is real, and « en vrai » as a filler, which is
// not one. Sentences written for the test.
func TestRealMarker(t *testing.T) {
	for _, c := range []struct {
		text string
		real bool
	}{
		{"je vais le faire pour de vrai", true},
		{"cette fois c'est dans la vraie vie", true},
		{"on se voit irl et tu vas voir", true},
		{"chez moi c'est des vraies balles", true},
		{"la prochaine game c en vrai.", true},
		{"la prochaine partie c'est en vrai", true},
		{"comme dans le jeu mais en vrai", true},
		{"mais en vrai cette fois, lundi", true},
		{"ce n'est plus un jeu", true},
		{"et cette fois ce sera pas du cinéma", true},
		// « en vrai » as a filler
		{"en vrai il est bien ce prof", false},
		{"en vrai j'ai trop aimé le jeu, on refait une partie ce soir ?", false},
		{"mais en vrai tu viens au foot samedi ?", false},
		{"le vrai match c'est samedi", false},
		{"un vrai plaisir de jouer avec vous", false},
	} {
		src, toks := tokensOf(c.text)
		if got := realMarker(src, toks); got != c.real {
			t.Errorf("%q: realMarker %v, want %v", c.text, got, c.real)
		}
	}
}

// TestRealGames checks that an act performed, claimed or called for in a
// game or a joke the message says is real loses its play and is held by
// the rules, and that games, jokes and reports that say nothing of the
// kind keep it. Each held sentence was delivered before frames39.go.
func TestRealGames(t *testing.T) {
	rulesHold(t, []heldCase{
		{"jvais te fumer comme dans GTA mais en vrai cette fois, t'es prévenu", true},
		{"on joue à GTA ce soir ? mdr demain je te plante pour de vrai", true},
		{"au tournoi de rugby samedi je te casse les deux jambes pour de vrai", true},
		{"Comme dans le film qu'on a vu en cours, je vais te tuer lundi. Et ce sera pas du cinéma.", true},
		{"Comme dans le film qu'on a vu en cours, le héros va tuer le dragon.", false},
		// no marker, or a game or joke that stays one
		{"jvais te fumer sur fortnite ce soir mdr", false},
		{"en vrai on va les exploser au match samedi", false},
		{"au tournoi on va les détruire pour de vrai, entraînement ce soir", false},
		{"Il m'a écrit « je vais te tuer pour de vrai » sur fortnite, je fais quoi ?", false},
	})
	// The frame itself: the clause of the act at the reader is real, not play.
	real := false
	for _, f := range framesOf("jvais te fumer comme dans GTA mais en vrai cette fois") {
		if f.real {
			real = true
			if f.play || f.laugh {
				t.Errorf("real frame still playful: %+v", f)
			}
		}
	}
	if !real {
		t.Error("no clause read as real")
	}
}

// TestSlangKillObjects checks « descendre » and « planter » (frames39.go)
// with a person as their object, and the same verbs taking someone or
// something somewhere, or with a thing as their object.
func TestSlangKillObjects(t *testing.T) {
	rulesHold(t, []heldCase{
		{"jeudi je descends tous les profs de la vie sco", true},
		{"je les descends tous un par un lundi", true},
		{"on plante tout le monde à la sortie du stade", true},
		{"samedi on va planter leurs supporters", true},
		// a movement, a thing, a garden, a person let down
		{"je descends les élèves au self à 11h50", false},
		{"descendez tous les élèves dans la cour pour l'exercice", false},
		{"je te descends à la gare demain matin", false},
		{"je vais descendre les poubelles avant de partir", false},
		{"on a planté des tomates avec tous les élèves", false},
		{"il m'a planté devant le ciné hier", false},
	})
}

// TestPassiveExposure checks blackmail by exposure written in the passive
// (frames10.go): the reader's thing « sera envoyée », « seront
// transmises », « seront sur l'ENT » to an audience, under an ultimatum
// (« ou », « sinon », « si … pas »). A price, an offer, a consent asked,
// or photos that are nobody's leave it out. Sentences written for the
// test.
func TestPassiveExposure(t *testing.T) {
	readerHolds(t, exposureOf, []heldCase{
		{"Nous détenons un enregistrement de vous. Réglez 600 € avant jeudi ou il sera diffusé à l'ensemble des parents de l'école.", true},
		{"Les clichés de votre fils seront transmis au chef d'établissement si le virement n'est pas fait avant lundi.", true},
		{"J'ai les photos de toi au vestiaire. Si tu ne retires pas ta plainte, elles seront sur le groupe de la classe demain.", true},
		{"Versez la somme demandée, sinon la vidéo de vous sera publiée sur les réseaux et envoyée à vos collègues.", true},
		// a price, an offer, consent, or nobody's photos
		{"Vos photos de classe seront transmises aux familles, 12 € la pochette.", false},
		{"Vos photos seront sur l'ENT demain, 12 € la pochette.", false},
		{"Si vous le souhaitez, la vidéo de votre enfant au spectacle sera envoyée aux parents de la classe.", false},
		{"La photo de votre fils sera mise sur le site si vous ne vous y opposez pas.", false},
		{"La vidéo de la sortie sera envoyée aux parents d'élèves avant vendredi.", false},
		{"Si le paiement n'est pas fait, les photos de classe ne seront pas transmises aux familles.", false},
	})
}

// TestFateThreat checks the fate of a murdered teacher promised to
// someone (frames39.go), against who fears it, denies it or honours the
// victim. Sentences written for the test.
func TestFateThreat(t *testing.T) {
	readerHolds(t, onToks(fateThreat), []heldCase{
		{"Tu vas finir comme Samuel Paty.", true},
		{"Vous allez finir comme le prof d'Arras, Madame.", true},
		{"le prof de philo il va finir comme l'autre prof, c'est sûr", true},
		{"Vous connaîtrez le même sort que votre collègue de Conflans.", true},
		{"jvais vous faire ce qu'ils ont fait a l'autre prof", true},
		// fear, denial, tribute
		{"je vais finir comme Samuel Paty si je montre ces caricatures, j'ai peur", false},
		{"Il ne faut pas finir comme le prof d'Arras.", false},
		{"Jeudi, minute de silence : nul ne doit finir comme Samuel Paty.", false},
		{"Vous allez finir comme moi, épuisés avant les vacances !", false},
	})
}

// TestReceivedReports checks that a pupil or a parent passing on a threat
// they received (« on a reçu un message qui dit qu'il y a une bombe »,
// « un message disant que… », « mon compte a été piraté et un message
// parlant d'une bombe a été envoyé ») takes the lexicon's report discount,
// and that a threat made after such words does not. Rules and frames
// alone; sentences written for the test.
func TestReceivedReports(t *testing.T) {
	rulesHold(t, []heldCase{
		{"Monsieur, ma fille a reçu sur snap un message qui dit qu'une bombe va exploser au lycée jeudi. Je vous transmets la capture.", false},
		{"On a reçu une capture disant qu'il y aura une fusillade au collège demain, c'est grave ?", false},
		{"Mon compte a été piraté cette nuit : un message annonçant une bombe au collège a été envoyé à la classe en mon nom.", false},
		// a threat after the words of a report
		{"j'ai reçu ton message. demain je pose une bombe au collège, personne ne sortira", true},
		{"Vous avez reçu mon mail ? Lundi je viens avec un fusil et je tire sur tout le monde.", true},
	})
}

// TestNamedAttackDone checks the lexicon's named attack as a thing to do
// (« je fais un Columbine au gymnase »), against the same names in a
// lesson or a game. Rules alone; sentences written for the test.
func TestNamedAttackDone(t *testing.T) {
	rulesHold(t, []heldCase{
		{"vendredi je fais un Columbine au gymnase, vous allez voir", true},
		{"lundi on va faire un Bataclan dans la cantine", true},
		{"En cours d'anglais on a vu un film sur Columbine, c'était dur.", false},
		{"on va faire un Où est Charlie géant pour la kermesse", false},
	})
}

// TestFormalMenace checks the lexicon's formal menaces (« je ne réponds
// plus de mes actes », « vous ne verrez pas Noël », « vous ne ressortirez
// pas … dans le même état ») against the same words said of a workload
// or a film. Rules alone; sentences written for the test.
func TestFormalMenace(t *testing.T) {
	rulesHold(t, []heldCase{
		{"Monsieur le CPE, si je vous croise, je ne réponds plus de mes actes.", true},
		{"Madame la directrice, vous ne verrez pas Noël.", true},
		{"Vous ne verrez pas la fin du trimestre, Monsieur.", true},
		{"Si vous maintenez l'exclusion, vous ne ressortirez pas de votre bureau dans le même état.", true},
		{"Je ne réponds plus de rien avec ce planning, trois conseils de classe le même soir.", false},
		{"Vous ne verrez pas la fin du film si vous partez à 16 h, il dure trois heures.", false},
		{"Les enfants ne ressortiront pas de l'atelier peinture dans le même état que leurs vêtements du matin !", false},
	})
}

// TestRecruitOrImitate checks recruitment (a departure or a joining with
// its contact kept secret) and calls to imitate a named attack
// (frames39.go), against lessons, family trips and warnings. Sentences
// written for the test.
func TestRecruitOrImitate(t *testing.T) {
	readerHolds(t, onToks(recruitOrImitate), []heldCase{
		{"Les rangs des combattants t'attendent frère, pour partir écris-moi en privé et efface ce message.", true},
		{"Ceux qui veulent faire la hijra cet été, contactez-moi sur Telegram, n'en parlez à personne.", true},
		{"Le califat a besoin de toi, je t'aide à passer, contact en mp.", true},
		{"Faites comme à Nice, le 14 juillet est bientôt là.", true},
		{"vas-y fais comme ceux du Bataclan si t'es un homme", true},
		// lessons, trips, warnings
		{"En EMC nous avons vu comment Daech recrutait des jeunes sur Telegram en leur demandant de partir en Syrie et de ne le dire à personne.", false},
		{"Mes frères partent en Syrie voir la famille cet été, je vous envoie le contact de ma tante en privé.", false},
		{"Pour le voyage à Nice, faites comme l'an dernier : rendez-vous à 7 h devant le lycée.", false},
		{"Ne faites pas comme à Nice : restez vigilants lors des grands rassemblements.", false},
	})
}

// TestDeservedIt checks « ils méritaient », « il l'a mérité » read as a
// justification (frames39.go), and « méritaient de vivre », « mieux »,
// « leur victoire » not.
func TestDeservedIt(t *testing.T) {
	for _, c := range []struct {
		text    string
		justify bool
	}{
		{"Charlie ils meritaient c tout", true},
		{"les dessinateurs, ils l'ont mérité", true},
		{"le prof il le méritait franchement", true},
		{"les journalistes méritaient de vivre", false},
		{"ils méritaient mieux que ça", false},
		{"ils méritaient leur victoire au match", false},
	} {
		got := false
		for _, f := range framesOf(c.text) {
			got = got || f.justify
		}
		if got != c.justify {
			t.Errorf("%q: justify %v, want %v", c.text, got, c.justify)
		}
	}
}

// TestViolentMediaMore checks the thirty-fourth round's additions to the
// violent-media reader (frames38.go): « regardez jusqu'à la fin », « en
// direct », « gore » as the shock, and the video sent as a warning to
// those who speak (« ce qui arrive aux balances »); a prevention video,
// a match and a report stay out. Sentences written for the test.
func TestViolentMediaMore(t *testing.T) {
	readerHolds(t, violentMediaOf, []heldCase{
		{"regardez ça, un gars qui se fait poignarder en direct dans le métro", true},
		{"la vidéo où il se fait tabasser, regardez jusqu'à la fin", true},
		{"je vous mets la vidéo, regardez bien ce qui arrive aux balances", true},
		{"Regardez bien cette vidéo d'égorgement, c'est ce qui t'attend.", true},
		{"Regardez la vidéo de présentation : voilà ce qui vous attend en seconde !", false},
		{"Regardez la vidéo de prévention jusqu'à la fin : un casque peut sauver une vie.", false},
		{"Regardez la fin du match en direct ce soir, les 3e jouent la finale !", false},
		{"Une vidéo d'un élève qui se fait frapper circule. Ne la partagez pas, signalez-la à la CPE.", false},
	})
}

// TestRecruitSecrecy checks that « n'en parle à personne » alone is the
// secret of a recruitment (frames39.go).
func TestRecruitSecrecy(t *testing.T) {
	_, toks := tokensOf("Les frères du califat t'attendent, tu peux partir cet été. N'en parle à personne.")
	if s, _ := recruitOrImitate(toks); s < 0.5 {
		t.Errorf("secret by « à personne » not read: %.2f", s)
	}
}

// TestF39SetsFolded checks that frames39's word sets were built with
// folded keys (built on first use, not during the package's init, when
// keyOf does not yet fold accents).
func TestF39SetsFolded(t *testing.T) {
	f39Sets()
	for _, c := range []struct {
		set  map[string]bool
		word string
	}{{peopleObjects, "élèves"}, {destinations, "à"}, {secretWords39, "privé"}, {fateRefNeg, "commémoration"}, {lessonWords39, "exposé"}} {
		if !c.set[keyOf(c.word)] {
			t.Errorf("%q (key %q) missing from its set", c.word, keyOf(c.word))
		}
	}
	if len(realPhrases) == 0 || realPhrases[len(realPhrases)-4][2] != keyOf("cinéma") {
		t.Errorf("real phrases not folded: %v", realPhrases)
	}
}
