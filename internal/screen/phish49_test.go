package screen

import (
	"testing"
)

// TestBrandFamilies49: loose and misspelt forms of the services lures
// imitate (OneDrive's 1drv.ms, DocSend, Leetchi, Lydia, Snapchat « snap »
// with a viewer word, Discord, a misspelt Steam), and the services' own
// domains and ordinary words that stay clean. Domains written for this
// test.
func TestBrandFamilies49(t *testing.T) {
	for _, c := range []struct {
		url  string
		hold bool
	}{
		{"https://1drv.ms-partage.net/f/Zx81", true},
		{"https://rapport.docsend-lecture.com/v/12", true},
		{"https://leetchi-pot-commun.fr/fete-ecole", true},
		{"https://lydia-remboursement.net/r/4", true},
		{"https://snap-photos-viewer.com/u/amelie", true},
		{"https://discord-nitro-offert.com/claim", true},
		{"https://steamcommunlty.ru/tradeoffer/77", true},
		{"https://instagrarn.com/login", true},
		{"https://helloasso-reglement.com/kermesse", true},
		{"https://zoom-meeting-join.net/j/55", true},
		{"https://unss-adhesion-reglement.fr/judo", true},
		{"https://parcoursup-dossier.com/voeux", true},
		// The services' own domains.
		{"https://www.unss.org/sports", false},
		{"https://www.parcoursup.gouv.fr", false},
		{"https://1drv.ms/w/s!AbcD", false},
		{"https://docsend.com/view/q7", false},
		{"https://www.leetchi.com/c/voyage-3e", false},
		{"https://lydia-app.com/collect/kermesse", false},
		{"https://www.snapchat.com/add/college", false},
		{"https://discord.gg/clubinfo", false},
		{"https://store.steampowered.com/app/10", false},
		{"https://www.helloasso.com/associations/ape-du-college", false},
		// Ordinary words next to a loose name.
		{"https://www.snapshot-photo-lyon.fr", false},
		{"https://office-tourisme-annecy.fr/visites", false},
		{"https://lydia-fleurs.fr", false},
	} {
		ls := ExtractLinks("voir " + c.url)
		if len(ls) != 1 {
			t.Fatalf("%s: %d links", c.url, len(ls))
		}
		r, why := linkRisk(ls[0], nil)
		if IsOfficial(ls[0].Host) {
			r, why = 0, nil // the screen does not score official links
		}
		if got := r >= 0.5; got != c.hold {
			t.Errorf("%s: risk %.2f %v, want held %v", c.url, r, why, c.hold)
		}
	}
}

// TestPublicDomains49: the public services' and regional ENTs' domains
// are trusted; their names are no brands, so a look-alike of an ordinary
// word near them stays unread by them.
func TestPublicDomains49(t *testing.T) {
	for _, h := range []string{"www.gouvernement.fr", "eduscol.education.fr", "apps.education.fr", "www.service-public.fr",
		"mon.lyceeconnecte.fr", "ent.auvergnerhonealpes.fr", "www.toutatice.fr"} {
		if !IsOfficial(h) {
			t.Errorf("%s: not official", h)
		}
	}
	for _, h := range []string{"gouvernement-aides.com", "education-fr.net", "lyceeconnecte.fr.verif.top"} {
		if IsOfficial(h) {
			t.Errorf("%s: official", h)
		}
	}
}

// TestWrittenOutLinks49: links written to slip past a filter (the dot
// spelt out without brackets, spaces around the dots, a link cut over two
// lines) are read as links; prose with « point » or a full stop, and a
// whole link followed by a word on the next line, are left as they are.
// Messages written for this test.
func TestWrittenOutLinks49(t *testing.T) {
	for _, c := range []struct {
		text, want string // want: the first link's raw text, "" for none
	}{
		{"le patch est sur gofile point io slash d slash aimbot", "gofile.io/d/aimbot"},
		{"connecte-toi vite sur cantine-solde dot com", "cantine-solde.com"},
		{"va sur ent-recuperation POINT fr avant ce soir", "ent-recuperation.fr"},
		{"réactive ton compte sur pronote-aide . com", "pronote-aide.com"},
		{"le formulaire est sur www .bourse-lycee .fr", "www.bourse-lycee.fr"},
		{"Ton compte expire, clique :\nhttps://educonnect-renouv\nellement.fr/login", "https://educonnect-renouvellement.fr/login"},
		{"paiement du voyage ici : voyage-scolaire-\nreglement.com", "voyage-scolaire-reglement.com"},
		{"c'est un point net, on en reparle demain", ""},
		{"On a fait le point. Com et moi venons jeudi.", ""},
		{"Dernier point de la réunion : rendez-vous au stand point info du parc.", ""},
		{"Le lien est https://www.ac-lyon.fr\nmerci de le noter", "https://www.ac-lyon.fr"},
	} {
		ls := ExtractLinks(c.text)
		got := ""
		if len(ls) > 0 {
			got = ls[0].Raw
		}
		if got != c.want {
			t.Errorf("%q: first link %q, want %q", c.text, got, c.want)
		}
	}
}
