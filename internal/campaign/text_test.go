package campaign

import (
	"slices"
	"testing"
)

func TestFrenchModelTerms(t *testing.T) {
	tests := []struct {
		a, b string
	}{
		{"Le collège sera fermé demain", "Demain, l'établissement est FERMÉ"},
		{"Les professeurs", "le prof"},
		{"Une bombe explosera", "un explosif"},
	}
	for _, tt := range tests {
		a, b := FrenchModel{}.Terms(tt.a), FrenchModel{}.Terms(tt.b)
		for _, w := range b {
			if !slices.Contains(a, w) {
				t.Errorf("%q → %v, %q → %v: %q missing", tt.a, a, tt.b, b, w)
			}
		}
	}
}

func TestSimilarityParaphrase(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		alike bool
	}{
		{"word order and synonyms", "Le collège sera fermé demain, prévenez les autres familles.",
			"Prévenez les autres parents : demain l'établissement est fermé.", true},
		{"inflection and case", "ATTENTION les cours de demain sont annulés, gardez vos enfants à la maison",
			"Attention : cours annulé demain. Gardez votre enfant au domicile.", true},
		{"leetspeak and spacing", "Une bombe a été déposée dans le collège, elle explosera à 10h.",
			"Un expl0sif a été posé dans le b a h u, il va exploser à 11h !", true},
		{"unrelated school texts", "Le collège sera fermé demain, prévenez les autres familles.",
			"Bonjour, pour jeudi : exercices 3 à 7 page 112, et relire la leçon sur les fractions.", false},
		{"absence note and hoax", "Mon enfant sera absent demain pour raison médicale.",
			"Le collège sera fermé demain, prévenez les autres familles.", false},
		{"museum and meeting", "La sortie au musée de la classe aura lieu le 12. Merci de rendre l'autorisation signée avant vendredi.",
			"Le conseil de classe aura lieu le 12 à 17h30 en salle des professeurs.", false},
	}
	const line = 0.4
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Similarity(Sign(tt.a), Sign(tt.b))
			if (s >= line) != tt.alike {
				t.Errorf("similarity %.2f (terms %v / %v), want alike=%v", s, FrenchModel{}.Terms(tt.a), FrenchModel{}.Terms(tt.b), tt.alike)
			}
		})
	}
}

func TestRegisteredDomain(t *testing.T) {
	tests := map[string]string{
		"x7f3.videos-choc.fr":  "videos-choc.fr",
		"VIDEOS-CHOC.FR.":      "videos-choc.fr",
		"a.b.example.co.uk":    "example.co.uk",
		"cdn.site.github.io":   "site.github.io",
		"192.0.2.1":            "192.0.2.1",
		"watch.videos-choc.ru": "videos-choc.ru",
	}
	for host, want := range tests {
		if got := RegisteredDomain(host); got != want {
			t.Errorf("RegisteredDomain(%q) = %q, want %q", host, got, want)
		}
	}
}
