package screen

import (
	"strings"
	"testing"
	"unicode"

	"github.com/bouclier/bouclier"
)

// glueTokens returns the detection path's tokens of text (after the chat
// rewrite and the repair, glued runs cut), joined by spaces.
func glueTokens(text string) string {
	nb := &nbufs{}
	var kc keyCache
	a := nb.repairWords(nb.expandChat(nb.analyze(text)), &kc)
	ws := make([]string, len(a.toks))
	for i, t := range a.toks {
		ws[i] = t.key
		if t.elided {
			ws[i] += "'"
		}
	}
	return strings.Join(ws, " ")
}

func TestSegmentGlued(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Glued threats, in small letters, capitals, without accents.
		{"jevaistetuerdemainalasortie", "je vais te tuer demain a la sortie"},
		{"UNEBOMBEVAEXPLOSERAUCOLLEGEDEMAIN", "une bombe va exploser au college demain"},
		{"onvatecasserlesdentsalasortie", "on va te caser les dents a la sortie"},
		{"vivelecalifat", "vive le califat"},
		{"jvaisfaireexploserlelyceedemain", "je vais faire exploser le lycee demain"},
		{"jvaistousvousbutermardiaucollege", "je vais tous vous buter mardi au college"},
		{"Jevaistousvoustuer", "je vais tous vous tuer"},
		// With accents, and with them missing.
		{"unebombeaucollègedemain", "une bombe au college demain"},
		// SMS spelling: a chat word inside the run is read as it is.
		{"jvaistetuerdemain", "je vais te tuer demain"},
		{"jvaitetuerdemain", "je vais te tuer demain"},
		// Glued ordinary French.
		{"jevaisfairemesdevoirsavantlecontrole", "je vais faire mes devoirs avant le controle"},
		{"bonjourmadamejenaipasfaitmesdevoirs", "bonjour madame j' en ai pas fait mes devoirs"},
		{"onsevoitdemainalarecre", "on se voit demain a la recre"},
		{"jetaimemamanbisous", "je t' aime maman bisous"},
		{"lecoleestfermeedemain", "l' ecole est fermee demain"},
		// Camel case: cut at the writer's capitals.
		{"#ViveLeCalifat", "vive le califat"},
		{"#VivaLeCalifat", "viva le califat"},
		{"JeVaisTeTuerDemain", "je vais te tuer demain"},
	} {
		got := glueTokens(c.in)
		if got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.in, got, c.want)
		}
	}
	// Runs that stay whole: words of the tables, typos, names, brands,
	// foreign words, codes, links, addresses, base64.
	for _, in := range []string{
		"bombardement", "parapluie", "anticonstitutionnellement", "déclanchement",
		"descendence", "sextorsion", "bleuisses", "stephenson", "youtuber",
		"rendez-vous avec Delacourtois demain", "le lycée Descartes",
		"merci Monsieur Lemaitredesecole", "connectez vous sur EcoleDirecte ou OneDrive",
		"BonjourMadame", "RespectKarim",
		"Donaudampfschiffahrtsgesellschaft",
		"The headmaster says the school was evacuated, nobody detonated anything, understanding is absolutely needed",
		"I will be there absolutely tomorrow",
		"Estimados padres, la dirección informa que mañana no habrá clases",
		"voir https://www.jevaistetuerdemain.fr/unebombeaucollege",
		"voir www.unebombeaucollege.fr",
		"ecrire a jevaistetuerdemain@gmail.com",
		"@jevaistetuerdemain", "ref jevaistetuerdemain_2024", "ref: JEVAISTETUERDEMAIN2024",
		"token dGhpc2lzYXRlc3Q aGVsbG93b3JsZA", "cle VGVzdEJvbWJlQ29sbGVnZQ", "aGVsbG9qZXZhaXN0ZXR1ZXI",
		"fichier unebombeaucollege.pdf",
	} {
		nb := &nbufs{}
		a := nb.expandChat(nb.analyze(in))
		ws := make([]string, len(a.toks))
		for i, t := range a.toks {
			ws[i] = t.key
			if t.elided {
				ws[i] += "'"
			}
		}
		if got, want := glueTokens(in), strings.Join(ws, " "); got != want {
			t.Errorf("%q was cut:\n got  %q\n want %q", in, got, want)
		}
	}
}

// The capitals inside a camel-case brand are not the segmenter's doing:
// the tokenizer already reads « EcoleDirecte » so on main; the segmenter
// must only not cut further. TestSegmentGluedNoChangeOnPlainText pins the
// rest: a message without a long unknown run is read as before.
func TestSegmentGluedNoChangeOnPlainText(t *testing.T) {
	for _, s := range []string{
		"Bonjour, la réunion parents-professeurs aura lieu jeudi à 18h en salle B12.",
		"N'oubliez pas le contrôle de mathématiques demain, chapitres 3 et 4.",
		"je vais te tuer demain a la sortie",
		"Merci de consulter https://www.ac-paris.fr/actualites pour le calendrier.",
	} {
		nb := &nbufs{}
		var kc keyCache
		a := nb.expandChat(nb.analyze(s))
		n := len(a.toks)
		if b := nb.repairWords(a, &kc); len(b.toks) != n {
			t.Errorf("%q: %d tokens became %d", s, n, len(b.toks))
		}
	}
}

func FuzzSegmentGlued(f *testing.F) {
	for _, s := range []string{"jevaistetuerdemainalasortie", "vivelecalifat", "unebombeaucollege", "aaaaaaaaaaaa", "jjjjjjjj", "lecoleestfermee", "qu", "jvaistetuer", "bonjourmadamejenaipasfait", "#ViveLeCalifat", "JeVaisTeTuer", "aGVsbG9qZXZhaXN0ZXR1ZXI", "x@jevaistetuerdemain.fr", "ceabacacetadlaaba"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		glueTokens(s) // the whole path (camel case, chunks, names): no panic
		k := strings.Map(func(r rune) rune {
			r = unicode.ToLower(r)
			if r < 'a' || r > 'z' {
				return -1
			}
			return r
		}, s)
		ps, toks := lx.segmentGluedPieces(k)
		if ps == nil {
			if toks != nil {
				t.Fatalf("%q: tokens %q without pieces", k, toks)
			}
			return
		}
		// The pieces spell the key letter for letter; the tokens they
		// stand for (an elision's apostrophe, a lone j read as je, a
		// chat word's standard tokens) are as many or more.
		if got := strings.Join(ps, ""); got != k {
			t.Fatalf("%q: pieces %q spell %q", k, ps, got)
		}
		if len(toks) < len(ps) || len(ps) < glueMinPieces {
			t.Fatalf("%q: pieces %q, tokens %q", k, ps, toks)
		}
	})
}

func TestGlueScreen(t *testing.T) {
	e := New(DefaultConfig())
	check := func(text string) Verdict {
		return e.Check(Input{Text: text, SenderRole: bouclier.RoleParent}).Verdict
	}
	for _, c := range []struct {
		text, spaced string
		hold         bool
	}{
		// Glued threats and praise of terrorism: held as their spaced form.
		{"jevaistetuerdemainalasortie", "je vais te tuer demain a la sortie", true},
		{"UNEBOMBEVAEXPLOSERAUCOLLEGEDEMAIN", "UNE BOMBE VA EXPLOSER AU COLLEGE DEMAIN", true},
		{"onvatecasserlesdentsalasortie", "on va te casser les dents a la sortie", true},
		{"vivelecalifat", "vive le califat", true},
		{"#ViveLeCalifat", "#Vive Le Califat", true},
		{"jvaisfaireexploserlelyceedemain", "jvais faire exploser le lycee demain", true},
		{"attention UNEBOMBEVAEXPLOSERAULYCEECEMIDI", "attention UNE BOMBE VA EXPLOSER AU LYCEE CE MIDI", true},
		// Glued ordinary messages: delivered as their spaced form.
		{"jevaisfairemesdevoirsavantlecontrole", "je vais faire mes devoirs avant le controle", false},
		{"bonjourmadamejenaipasfaitmesdevoirs", "bonjour madame je n'ai pas fait mes devoirs", false},
		{"onsevoitdemainalarecre", "on se voit demain a la recre", false},
		{"lesprofsontenreunioncetapresmidi", "les profs sont en reunion cet apres midi", false},
		{"#JeSuisEnVacances", "#Je Suis En Vacances", false},
		// Links, addresses and codes holding glued words are not read
		// as phrases (the link rules judge links).
		{"ecrivez a unebombeaucollegedemain@gmail.com", "", false},
		{"code: dGhpc2lzYXRlc3Q aGVsbG93b3JsZA", "", false},
	} {
		v := check(c.text)
		if held := v != Deliver; held != c.hold {
			r := e.Check(Input{Text: c.text, SenderRole: bouclier.RoleParent})
			t.Errorf("%q: verdict %s (score %.2f), want held=%v: %v", c.text, v, r.Score, c.hold, r.Reasons)
		}
		if c.spaced != "" {
			if w := check(c.spaced); w != v {
				t.Errorf("%q: verdict %s, its spaced form %q: %s", c.text, v, c.spaced, w)
			}
		}
	}
}
