package screen

import "testing"

// TestNamedDativeBlow: a blow the speaker gives to a person named after
// « à » or « au » (a capitalised name, a title) is a threat as « jte mets
// une droite » is; a blow with no person after it, or a word that is no
// blow, is not. Written for the test.
func TestNamedDativeBlow(t *testing.T) {
	framesHave(t, "a blow by the speaker", func(f *frame) bool { return f.pupil && f.act == actHarm && f.actor == actor1 }, []heldCase{
		{"demain je mets une droite à Mme Garnier devant tout le monde", true},
		{"je vais coller une baffe à Kevin à la récré", true},
		{"je mets une droite au prof de maths s'il me redonne une colle", true},
		{"demain je mets une patate au surveillant devant le self", true},
		{"en maths je mets une droite à la règle sur le graphique", false},
		{"je mets une croix à Mme Garnier sur la liste des sorties", false},
	})
}

// TestAnimalSacrifice: an animal slaughtered for a feast (the Aïd, the
// Tabaski) is no person's throat; « comme un mouton » said to a person,
// and a class called by its name, stay threats. Written for the test.
func TestAnimalSacrifice(t *testing.T) {
	framesHave(t, "an act of throat-cutting", func(f *frame) bool { return f.act == actBehead }, []heldCase{
		{"Aliou sera absent lundi pour la Tabaski, on égorge le mouton chez son oncle.", false},
		{"Pour l'Aïd mon père égorge l'agneau dans la ferme de mon oncle.", false},
		{"je vais t'égorger comme un mouton", true},
		{"demain j'égorge les élèves de la 6eB", true},
	})
}

// TestPraiseAsked: a praise word asked about (a definition, a debate's
// question) or the law's « légitime défense » approves nothing; the same
// words said of someone do. Written for the test.
func TestPraiseAsked(t *testing.T) {
	framesHave(t, "approval", func(f *frame) bool { return f.approve }, []heldCase{
		{"La violence peut-elle être légitime ?", false},
		{"c'est quoi un martyr exactement ?", false},
		{"qu'est-ce qu'un héros pour toi ?", false},
		{"il a plaidé la légitime défense", false},
		{"ce qu'ils ont fait était légitime", true},
		{"les frères sont des héros", true},
		{"c'est un martyr, respect", true},
	})
}

// TestAnonymityAsked: a pupil who tells an adult what others plan and asks
// not to be named reports their act; the rules do not hold it as a
// threat. The writer's own threat, or one aimed at the reader, stays
// held with the same request. Written for the test.
func TestAnonymityAsked(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Monsieur, ils font un vote pour frapper Ilyes vendredi. Dites pas que c'est moi svp.", true},
		{"je veux pas qu'on sache que c'est moi qui vous l'ai envoyé", true},
		{"please don't say it was me", true},
		{"dis pas de bêtises, c'est moi qui ai gagné", false},
		{"tout le monde sait que c'est moi qui ai gagné", false},
		{"dites-moi si vous venez", false},
	} {
		_, toks := tokensOf(c.text)
		if got := anonymityAsked(toks); got != c.want {
			t.Errorf("%q: anonymity asked %v, want %v", c.text, got, c.want)
		}
	}
	rulesHold(t, []heldCase{
		{"Monsieur, dans le groupe de la classe ils font un vote pour frapper Ilyes vendredi à la sortie. Dites pas que c'est moi svp.", false},
		{"vendredi à la sortie je vais frapper Ilyes devant le collège. Dites pas que c'est moi svp.", true},
		{"Monsieur, dans le groupe de la classe ils font un vote pour frapper Ilyes vendredi à la sortie.", true},
	})
}

// TestBombPraise: « c'était une bombe » said of a cake, a show or a
// party is praise, not a device; a bomb made, placed or « vraie » stays
// one. Written for the test.
func TestBombPraise(t *testing.T) {
	framesHave(t, "a device", func(f *frame) bool { return f.act == actExplode }, []heldCase{
		{"ton gâteau c'était une bombe", false},
		{"Le spectacle de fin d'année va être une bombe 🎭 venez nombreux samedi", false},
		{"la soirée d'hier c'était une bombe, merci les pions", false},
		{"dans le casier c'est une bombe artisanale", true},
		{"la dernière balise c une bombe dans la salle des profs", true},
		{"La prochaine fois ce sera une vraie bombe", true},
		{"c'est une bombe qui va exploser à 10h", true},
	})
}

// TestStartingShot: the starting pistol of a race is no shooting; a
// pistol shot aimed at someone stays one. Written for the test.
func TestStartingShot(t *testing.T) {
	framesHave(t, "a shooting", func(f *frame) bool { return f.act == actShoot }, []heldCase{
		{"Cross du collège vendredi : départ au coup de pistolet à 9h30 !", false},
		{"le coup de pistolet du départ sera donné par M. Morel à 10h", false},
		{"vendredi au cross je lui mets un coup de pistolet", true},
	})
}

// TestKinObjects: a slang verb of beating aimed at someone's son,
// daughter, brother, sister or cousin is an act, as it is aimed at a
// teacher; aimed at a thing it is not. Written for the test.
func TestKinObjects(t *testing.T) {
	framesHave(t, "an attack", func(f *frame) bool { return f.act == actAttack }, []heldCase{
		{"si on défonce le fils du prof de musique demain", true},
		{"on va défoncer la sœur de Kevin à la sortie", true},
		{"on va défoncer le mur de la cabane", false},
	})
}

// TestViolentMediaShapes51: a video of someone burnt alive, or of a
// pupil « qu'on a ramassé », offered to a group, « à envoyer à tous », or
// « envoyée à toute la 3e2 », is violent media spread to shock; the same
// video reported, or a parent warning not to share it, is not. Written
// for the test.
func TestViolentMediaShapes51(t *testing.T) {
	readerHolds(t, onToks(violentMedia), []heldCase{
		{"ki veut voir un mec se faire cramer vivant ? jenvoie dans 5 min dans la conv de la classe", true},
		{"Voilà la vidéo du mec qu'on a ramassé hier, faites tourner", true},
		{"VIDÉO EXCLUSIVE de l'égorgement, à envoyer à tous les élèves de vos classes", true},
		{"vidéo de l'exécution de l'otage ici, envoyée à toute la 3e2 hihi bonne nuit", true},
		{"Mon fils a reçu la vidéo d'un homme qu'on a égorgé, envoyée à toute la 3e2. Je l'ai signalé.", false},
		{"Une vidéo d'une élève qui se fait tabasser circule : ne la partagez pas.", false},
	})
}

// framesHave checks that a frame of each case's text has what pred
// looks for (what names it in a failure) exactly when the case is held.
func framesHave(t *testing.T, what string, pred func(*frame) bool, cases []heldCase) {
	t.Helper()
	for _, c := range cases {
		got := false
		for _, f := range framesOf(c.text) {
			got = got || pred(&f)
		}
		if got != c.held {
			t.Errorf("%q: %s %v, want %v", c.text, what, got, c.held)
		}
	}
}
