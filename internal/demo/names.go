package demo

import (
	"strconv"
	"strings"
)

// Fixtures at scale (the drill, the tests' drill-sized incident) name their
// people and places from these lists, deterministically, so that pages,
// screenshots and demonstrations read like a school's rather than
// « Élève 4 » in « Collège 9000004E ». The names are common French first
// and family names; none is anyone's in particular.

var (
	femaleFirst = []string{"Léa", "Chloé", "Emma", "Inès", "Jade", "Louise", "Manon", "Camille", "Sarah", "Zoé",
		"Lina", "Nora", "Hélène", "Amira", "Clara", "Élise", "Maëlle", "Anaïs", "Yasmine", "Juliette",
		"Sophie", "Nathalie", "Isabelle", "Aïcha", "Fatou", "Mélanie", "Céline", "Sandrine", "Valérie", "Audrey"}
	maleFirst = []string{"Hugo", "Lucas", "Adam", "Nathan", "Théo", "Louis", "Gabriel", "Noé", "Mathis", "Rayan",
		"Enzo", "Yanis", "Jules", "Léo", "Karim", "Mehdi", "Thomas", "Nicolas", "Julien", "Olivier",
		"Stéphane", "Éric", "Sébastien", "Moussa", "Antoine", "Vincent", "Ibrahim", "Frédéric", "Cédric", "Bruno"}
	familyNames = []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
		"Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
		"Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
		"Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Perrin",
		"Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Benali",
		"Diallo", "Nguyen", "Haddad", "Traoré", "Payet", "Hoarau", "Kowalski", "Da Silva", "Rakotomalala", "Lemaire"}
	patrons = []string{"Jean Moulin", "Marie Curie", "Victor Hugo", "Jules Ferry", "Louise Michel", "Albert Camus", "Simone Veil",
		"Jean Jaurès", "George Sand", "Paul Éluard", "Olympe de Gouges", "Jacques Prévert", "Pierre Mendès France",
		"Lucie Aubrac", "Jean de La Fontaine", "Rosa Parks", "Antoine de Saint-Exupéry", "Germaine Tillion",
		"Aimé Césaire", "Colette", "Louis Pasteur", "Joséphine Baker", "Émile Zola", "Marcel Pagnol", "Gisèle Halimi"}
	towns = []string{"Versailles", "Argenteuil", "Nanterre", "Évry", "Sartrouville", "Poissy", "Mantes-la-Jolie", "Rambouillet",
		"Cergy", "Pontoise", "Massy", "Saint-Germain-en-Laye", "Plaisir", "Trappes", "Houilles", "Chatou", "Étampes",
		"Palaiseau", "Sarcelles", "Rueil-Malmaison"}
	academieNames = []string{"Versailles", "Aix-Marseille", "Amiens", "Besançon", "Bordeaux", "Clermont-Ferrand", "Corse",
		"Créteil", "Dijon", "Grenoble", "Guadeloupe", "Guyane", "La Réunion", "Lille", "Limoges", "Lyon", "Martinique",
		"Mayotte", "Montpellier", "Nancy-Metz", "Nantes", "Nice", "Normandie", "Orléans-Tours", "Paris", "Poitiers",
		"Reims", "Rennes", "Strasbourg", "Toulouse"}
)

// Person is the i-th fixture person: a first name, a family name, and the
// civility that goes with the first name (given to adults only). Distinct
// for the first 3,600 indexes.
func Person(i int) (first, family, civility string) {
	if i < 0 {
		i = -i
	}
	a, b := i%60, i/60
	family = familyNames[(b+7*a)%len(familyNames)]
	if a%2 == 0 {
		return femaleFirst[a/2], family, "Mme"
	}
	return maleFirst[a/2], family, "M."
}

// PersonName is Person(i)'s full name: « Léa Martin ».
func PersonName(i int) string {
	first, family, _ := Person(i)
	return first + " " + family
}

// ParentOf is a parent of the pupil Person(child): the same family name, a
// first name of the other gender, and its civility.
func ParentOf(child int) (name, civility string) {
	_, family, _ := Person(child)
	other, _, civility := Person(child + 31) // the other parity, another first name
	return other + " " + family, civility
}

// SchoolName is the i-th fixture establishment's name, distinct for the
// first 500: « Collège Marie Curie, Argenteuil », one in three a lycée.
func SchoolName(i int) string {
	if i < 0 {
		i = -i
	}
	kind := "Collège "
	if i%3 == 2 {
		kind = "Lycée "
	}
	a, b := i%len(patrons), i/len(patrons)
	return kind + patrons[a] + ", " + towns[(b+a)%len(towns)]
}

// AcademieName is the i-th fixture académie's name: « Académie de Lyon »,
// « Académie d’Amiens »; past the real ones, numbered.
func AcademieName(i int) string {
	if i < 0 || i >= len(academieNames) {
		return "Académie n°\u00a0" + strconv.Itoa(i+1)
	}
	n := academieNames[i]
	if strings.ContainsRune("AEÉIOU", []rune(n)[0]) {
		return "Académie d’" + n
	}
	return "Académie de " + n
}
