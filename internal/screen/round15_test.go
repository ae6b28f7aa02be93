package screen

import "testing"

// The fifteenth round's classes (frames15.go, the attackers' names in
// frames.go, the sound spellings in repair.go and frames.go), each read by
// the rules and frames alone on sentences written for this test from the
// class's lexicon, not from any set: positives and hard negatives.
func checkRules(t *testing.T, class string, tests []struct {
	text string
	held bool
}) {
	t.Helper()
	e := New(Config{NoTextModel: true})
	for _, tc := range tests {
		r := e.Check(Input{Text: tc.text})
		if held := r.Score >= 0.5; held != tc.held {
			t.Errorf("%s: %q: held %v (%.2f %v), want %v", class, tc.text, held, r.Score, r.Reasons, tc.held)
		}
	}
}

func TestFifteenthRoundArson(t *testing.T) {
	checkRules(t, "arson", []struct {
		text string
		held bool
	}{
		{"on va asperger la prof d'essence et allumer le briquet", true},
		{"je ramène l'alcool à brûler et un briquet pour le bureau du principal", true},
		{"verse l'essence dans le couloir et craque l'allumette", true},
		{"on va vous arroser d'essence à la sortie", true},
		{"j'imbibe le rideau de la salle 12 de gasoil, une allumette et c'est fini", true},
		{"le surveillant, un jerrican de kérosène et une mèche, on s'en occupe jeudi", true},
		// Hard negatives: a fuel or a lighter with no act on a person or
		// the school, a lab, a barbecue, a drill, the past.
		{"en sciences on a fait brûler de l'alcool à brûler dans une coupelle", false},
		{"n'oubliez pas vos allumettes pour le TP de chimie lundi en salle 12", false},
		{"je vais allumer le barbecue ce soir avec des allumettes", false},
		{"je vais mettre de l'essence dans le scooter demain", false},
		{"la prof a dit de ramener un briquet pour allumer les bougies de la classe", false},
		{"on va faire un feu de camp avec le briquet de mon père", false},
		{"pendant l'exercice incendie on a évacué le gymnase", false},
		{"je te pique ton briquet", false},
	})
}

func TestFifteenthRoundOutcome(t *testing.T) {
	checkRules(t, "outcome", []struct {
		text string
		held bool
	}{
		{"vendredi en cours de maths y aura plus personne de vivant dans la salle 204", true},
		{"vous vivez vos derniers jours, lundi le collège", true},
		{"vous vivez vos dernières heures", true},
		{"demain plus personne de vivant au bâtiment B", true},
		{"jeudi au lycée y aura aucun rescapé", true},
		{"profitez de vos derniers instants, toi et ta classe", true},
		// Hard negatives: the end of holidays or of the year, history,
		// films, games, a day off.
		{"profitez bien de vos derniers jours de vacances !", false},
		{"à la fin de l'année vous vivez vos derniers jours au collège, profitez", false},
		{"à Verdun il n'y a eu aucun survivant dans certaines tranchées", false},
		{"dans le film il n'y a aucun survivant à la fin", false},
		{"dans le jeu y a plus personne de vivant sur la carte", false},
		{"il n'y aura plus personne au collège demain, c'est férié", false},
		{"c'est mon dernier jour au collège demain, je vais pleurer", false},
		{"en histoire on a vu les derniers jours de Pompéi", false},
	})
}

func TestFifteenthRoundAttackers(t *testing.T) {
	checkRules(t, "attackers", []struct {
		text string
		held bool
	}{
		{"Tarrant est un saint", true},
		{"Abballa est un héros", true},
		{"Breivik avait compris avant tout le monde, ses actes sont une inspiration.", true},
		{"Columbine c'était magnifique", true},
		{"le Bataclan c'était beau", true},
		{"faut refaire Columbine au lycée", true},
		{"Klebold et Harris sont des légendes", true},
		{"Mogouchkov est un exemple", true},
		// Hard negatives: tributes, lessons, trials, condemnation, the
		// concert hall, a documentary.
		{"hommage à Samuel Paty ce vendredi à 11h", false},
		{"minute de silence pour Dominique Bernard", false},
		{"en EMC on a étudié l'attentat du Bataclan", false},
		{"Breivik a été condamné à 21 ans de prison", false},
		{"Breivik est un monstre", false},
		{"Merah est un assassin, pas un héros", false},
		{"Le Bataclan c'était horrible, je pense aux victimes", false},
		{"Le concert au Bataclan c'était trop beau hier soir", false},
		{"Bowling for Columbine c'était génial, Michael Moore est trop fort", false},
		{"je vais refaire l'exposé sur Merah pour le cours d'EMC", false},
	})
}

func TestFifteenthRoundSpelling(t *testing.T) {
	checkRules(t, "spelling", []struct {
		text string
		held bool
	}{
		{"je vais explozer le lycée demain", true},
		{"on va faire explozer le collège lundi", true},
		{"je vais te tuai", true},
		{"je vais tous vous tuait", true},
		{"je vais te tuez demain", true},
		{"je vais brulé le collège", true},
		// A sound ending and one slip in the stem: two edits.
		{"je vais te pognardai", true},
		{"je vais t'egorjait", true},
		{"on va te tabacai à la sortie", true},
		// Ordinary words near an act verb are not pulled in.
		{"je vais exposer mon projet au lycée demain", false},
		{"je vais expliquer le cours au lycée demain", false},
		{"on va explorer le collège lundi", false},
		{"je vais tester le gymnase demain", false},
		{"je vais te tutoyer maintenant", false},
		{"je vais te prêter mon stylo demain", false},
		{"je vais bruler les étapes au lycée", false},
		{"je vais tuer le temps au cdi", false},
		{"je vais te checké demain", false},
		{"je vais te ghosté", false},
		{"je vais te crashé au jeu", false},
		{"je vais te taggé sur la photo", false},
		{"je vais te tacklé au foot", false},
		{"je vais te grattai une clope", false},
	})
	// Directly: the sound spelling, and its limits.
	for _, c := range []struct {
		key, lemma string
		want       bool
	}{
		{"tuai", "tuer", true}, {"tuait", "tuer", true}, {"tuez", "tuer", true}, {"tue", "tuer", true},
		{"tuer", "tuer", false}, {"tuons", "tuer", false}, {"poignardai", "poignarder", true}, {"finit", "finir", false},
	} {
		if got := soundsInfinitive(c.key, c.lemma); got != c.want {
			t.Errorf("soundsInfinitive(%q, %q) = %v", c.key, c.lemma, got)
		}
	}
}

func TestFifteenthRoundPoisonVehicle(t *testing.T) {
	checkRules(t, "poison/vehicle", []struct {
		text string
		held bool
	}{
		{"je vais mettre de la mort-aux-rats dans le repas du self", true},
		{"je vais mettre du poison dans ton verre", true},
		{"je vais verser de la javel dans la gourde de Léa", true},
		{"je vais foncer avec la voiture sur les élèves à la sortie", true},
		{"je vais prendre la voiture de mon père et foncer dans la foule devant le collège", true},
		{"on va écraser tout le monde avec le camion devant le lycée", true},
		{"je vais te foncer dessus avec le scooter demain", true},
		// Hard negatives: cleaning, a warning, driving, a video game.
		{"nous allons mettre de l'eau de javel dans les toilettes pour nettoyer", false},
		{"attention, la javel est un poison, ne la mettez pas dans une bouteille d'eau", false},
		{"mon frère va rouler en voiture jusqu'au lycée demain", false},
		{"on va écraser l'équipe du collège en voiture de course sur Mario Kart", false},
		{"le camion de livraison de la cantine arrive demain", false},
		{"je vais laver la voiture de mon père", false},
		{"on va rouler sur le parking du lycée en scooter", false},
		{"je vais rouler en voiture avec les élèves demain", false},
		{"je vais lancer la voiture télécommandée dans la cour", false},
		{"je vais prendre le camion de mon oncle pour amener les élèves", false},
	})
}

func TestFifteenthRoundCare(t *testing.T) {
	checkRules(t, "care", []struct {
		text string
		held bool
	}{
		{"vous allez avoir besoin d'un chirurgien demain", true},
		{"t'auras besoin de béquilles lundi si tu recommences", true},
		{"tu vas ramasser tes dents à la sortie", true},
		{"tu vas compter tes dents ce soir", true},
		{"si tu parles t'auras besoin d'un dentiste, je te jure", true},
		// Hard negatives: a real medical matter, a match, the speaker.
		{"tu vas avoir besoin d'un dentiste pour ta carie, prends rendez-vous", false},
		{"t'auras besoin de béquilles après ton opération du genou lundi", false},
		{"vous allez avoir besoin d'un chirurgien pour enlever les dents de sagesse", false},
		{"tu vas compter les points du match ce soir", false},
		{"Après ta chute au ski tu vas avoir besoin de béquilles pendant un mois", false},
		{"j'ai rdv chez le dentiste mercredi", false},
		{"je vais avoir besoin de béquilles demain", false},
	})
}
