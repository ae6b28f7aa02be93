package screen

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"golang.org/x/net/idna"
)

func TestExtractLinks(t *testing.T) {
	tests := []struct {
		in    string
		hosts []string
	}{
		{"voir http://educonnect-verification.com/login.", []string{"educonnect-verification.com"}},
		{"cliquez sur bit.ly/ent-maj et saisissez", []string{"bit.ly"}},
		{"allez sur pronote-connexion.fr/login", []string{"pronote-connexion.fr"}},
		{"hxxps://evil[.]ru/a et www.monlycee.net", []string{"evil.ru", "www.monlycee.net"}},
		{"(https://a.example.com:8443/x?y=1)", []string{"a.example.com"}},
		{"http://192.168.1.10/ent", []string{"192.168.1.10"}},
		{"http://pronote.fr@evil.example/", []string{"evil.example"}},
		{"écrivez à prof.martin@ac-versailles.fr", nil},
		{"le fichier devoir.pdf et la version 1.2.3", nil},
		{"Fin.Les élèves sont partis. M.Dupont arrive", nil},
		{"https://xn--pronte-1ya.fr/", []string{"xn--pronte-1ya.fr"}},
		// Bare domains and risky top-level domains without a scheme.
		{"connectez-vous sur www.ac-rouen.tk avant lundi", []string{"www.ac-rouen.tk"}},
		{"le site ac-versailles-fr.com demande vos codes", []string{"ac-versailles-fr.com"}},
		{"educonnect-gouv.fr.xyz, puis pronote.login-secure.top", []string{"educonnect-gouv.fr.xyz", "pronote.login-secure.top"}},
		{"jeux gratuits sur free-vbucks.monster/generateur", []string{"free-vbucks.monster"}},
		{"nouveau site : mon-ent.cyou", []string{"mon-ent.cyou"}},
		// Defanged forms.
		{"evil[.]com et evil2(dot)net et evil3[dot]org", []string{"evil.com", "evil2.net", "evil3.org"}},
		{"pronote (point) fr-login (point) com/a", []string{"pronote.fr-login.com"}},
		{"ac-lyon．fr-verif．com", []string{"ac-lyon.fr-verif.com"}},
		// Sentences and file names are not links.
		{"Rendez-vous demain.Il fera beau.La sortie est maintenue", nil},
		{"lisez notes.md et lancez build.sh puis ouvrez film.mov", nil},
		{"le fichier devoirs-maths.zip est dans le casier", []string{"devoirs-maths.zip"}},
	}
	for _, tt := range tests {
		var hosts []string
		for _, l := range ExtractLinks(tt.in) {
			hosts = append(hosts, l.Host)
		}
		if strings.Join(hosts, ",") != strings.Join(tt.hosts, ",") {
			t.Errorf("ExtractLinks(%q) hosts = %v, want %v", tt.in, hosts, tt.hosts)
		}
	}
}

func TestLinkRisk(t *testing.T) {
	suspect := func(d string) bool { return d == "seen-before.com" }
	tests := []struct {
		url     string
		risky   bool
		contain string
	}{
		{"https://pronote-securite.net/", true, "pronote"},
		{"http://monlycee-net.support-login.ru", true, "monlycee"},
		{"https://educonect.fr/reset", true, "distance 1"},
		{"https://ecoledirrecte.com/", true, "ecoledirecte"},
		{"https://pr0note.fr/", true, "pronote"},
		{"https://ac-versai11es.fr/", true, "ac-versailles.fr"},
		{"https://ac-versailles.fr.secure-mail.com/", true, "académique"},
		{"http://10.0.0.1/login", true, "adresse IP"},
		{"https://xn--pronte-1ya.fr/", true, "punycode"},
		{"https://tinyurl.com/abc", true, "raccourcisseur"},
		{"https://seen-before.com/x", true, "déjà vu"},
		{"https://pronote.fr@evil.example/", true, "user@"},
		{"www.ac-rouen.tk", true, "ac-rouen.fr"},
		{"ac-versailles-fr.com", true, "ac-versailles.fr"},
		{"https://ac-creteill.net/", true, "ac-creteil.fr"},
		{"ac-nancymetz-fr.com", true, "ac-nancy-metz.fr"},
		{"educonnect-gouv.fr.xyz", true, "educonnect"},
		{"pronote.login-secure.top", true, "pronote"},
		{"https://education-gouv-fr.info/", true, "gouv"},
		{"https://portail.gouv-fr.net/", true, "gouv.fr"},
		{"https://index-educatoin.com/", true, "education"},
		{"https://mon-educonect.net/", true, "distance 1"},
		{"http://185.12.4.9/cheat.exe", true, "adresse IP"},
		{"https://fr.wikipedia.org/wiki/Guerre_froide", false, ""},
		{"https://www.mediafire.com/file/abc/cheats.zip", false, "hébergement de fichiers"},
		{"https://cdn.discordapp.com/attachments/1/2/FortniteHack.exe", true, "exécutable"},
		{"https://www.education.gouv.fr.secure-login.app/", true, "educationgouv"},
		{"https://www.sncf-connect.com/", false, ""},
		{"https://www.service-public.fr/particuliers", false, ""},
		{"https://www.lumni.fr/video", false, ""},
	}
	for _, tt := range tests {
		ls := ExtractLinks(tt.url)
		if len(ls) != 1 {
			t.Fatalf("%s: %d links", tt.url, len(ls))
		}
		risk, why := linkRisk(ls[0], suspect)
		if (risk >= 0.5) != tt.risky || !strings.Contains(strings.Join(why, ";"), tt.contain) {
			t.Errorf("%s: risk %.2f %v, want risky=%v with %q", tt.url, risk, why, tt.risky, tt.contain)
		}
	}
}

func TestOfficialAndAllowlist(t *testing.T) {
	for _, h := range []string{"educonnect.education.gouv.fr", "0780001a.index-education.net", "www.monlycee.net", "ac-versailles.fr", "www.ecoledirecte.com"} {
		if !isOfficial(h) {
			t.Errorf("%s should be official", h)
		}
	}
	cfg := DefaultConfig()
	cfg.AllowedDomains = map[string][]string{"": {"bit.ly"}}
	r := New(cfg).Check(Input{Text: "le sondage : bit.ly/sondage-4a"})
	if r.Verdict != Deliver || len(r.Links) != 1 {
		t.Errorf("allowlisted shortener: %s %v %v", r.Verdict, r.Reasons, r.Links)
	}
	cfg = DefaultConfig()
	cfg.SuspectDomains = map[string]bool{"cantine-menu.fr": true}
	r = New(cfg).Check(Input{Text: "Le menu : https://cantine-menu.fr/semaine"})
	if r.Verdict == Deliver {
		t.Errorf("suspect domain delivered: %v", r.Reasons)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"pronote", "pronote", 0}, {"pronote", "pornote", 1}, {"pronote", "prnote", 1}, {"educonnect", "educonect", 1}, {"abc", "xyz", 3}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q,%q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func FuzzLinks(f *testing.F) {
	for _, s := range []string{"http://a.b/c", "hxxps://x[.]ru", "bit.ly/x", "http://[::1]:80/", "http://u@h.fr:99", "a.fr/b?c#d", "http://é.fr", "www.xn--80ak6aa92e.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := RegisteredDomain(s); d != "" && RegisteredDomain(d) != d {
			t.Fatalf("RegisteredDomain(%q) = %q, not stable: %q", s, d, RegisteredDomain(d))
		}
		for _, l := range ExtractLinks(s) {
			if l.Host == "" || !utf8.ValidString(l.Host) {
				t.Fatalf("bad host %q from %q", l.Host, s)
			}
			if r, _ := linkRisk(l, nil); r < 0 || r > 1 {
				t.Fatalf("risk %v", r)
			}
		}
	})
}

func TestLinkRiskPunycode(t *testing.T) {
	// Greek rho and Cyrillic o in place of Latin letters.
	for _, u := range []string{"ρronote.com", "pronоte-ent.fr", "еduconnect.net"} {
		ascii, err := idna.Lookup.ToASCII(u)
		if err != nil {
			t.Fatal(err)
		}
		ls := ExtractLinks("https://" + ascii + "/")
		if len(ls) != 1 {
			t.Fatalf("%s: %d links", ascii, len(ls))
		}
		risk, why := linkRisk(ls[0], nil)
		if risk < 0.85 || !strings.Contains(strings.Join(why, ";"), "punycode") || !strings.Contains(strings.Join(why, ";"), "marque") {
			t.Errorf("%s (%s): risk %.2f %v, want a brand look-alike in punycode", u, ascii, risk, why)
		}
	}
}

func TestRegisteredDomain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ent.ac-versailles.fr", "ac-versailles.fr"},
		{"https://a.b.example.co.uk:8443/x?y", "example.co.uk"},
		{"HTTP://User@WWW.Pronote-Login.TOP./a", "pronote-login.top"},
		{"hxxps://evil[.]com/x", "evil.com"},
		{"educonnect.education.gouv.fr", "education.gouv.fr"},
		{"login.github.io", "login.github.io"},
		{"ρronote.com", "xn--ronote-v0e.com"},
		{"http://10.0.0.1:8080/", "10.0.0.1"},
		{"http://[2001:db8::1]/", "2001:db8::1"},
		{"co.uk", ""},
		{"", ""},
		{"exa mple.com", ""},
	}
	for _, tt := range tests {
		if got := RegisteredDomain(tt.in); got != tt.want {
			t.Errorf("RegisteredDomain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// HasLink is what the send guard asks for accounts that may not send links.
func TestHasLink(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Bonjour, mon fils sera absent demain.", false},
		{"Réunion à 18 h. Merci.Bonne soirée", false},
		{"voir ac-versailles-fr.com", true},
		{"voir evil[.]com", true},
		{"voir evil(dot)tk", true},
		{"https://example.org", true},
		{"www.exemple.fr", true},
		{"ma fille (C.Dupont) rentre à 17.30", false},
		{"Bonjour.je voulais savoir si demain.la sortie est maintenue", false},
		{"connectez-vous sur pronote.me", true},
		{"voir ac-lyon.me et evil.la/connexion", true},
	}
	for _, tt := range tests {
		if got := HasLink(tt.in); got != tt.want {
			t.Errorf("HasLink(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// Lures of the 2024 vector reach moderators as link reasons in a full check.
func TestLureLinks(t *testing.T) {
	e := New(DefaultConfig())
	tests := []struct {
		text    string
		verdict Verdict
	}{
		{"Ta session ENT expire, reconnecte-toi sur www.ac-rouen.tk", Hold},
		{"Nouveau portail : ac-versailles-fr.com", Hold},
		{"Connexion : pronote.login-secure.top", Hold},
		{"Les photos de la sortie : https://www.ac-lyon.fr/actualites", Deliver},
	}
	for _, tt := range tests {
		r := e.Check(Input{Text: tt.text, SenderRole: bouclier.RoleTeacher})
		if r.Verdict == Deliver != (tt.verdict == Deliver) || (tt.verdict != Deliver && !strings.Contains(strings.Join(r.Reasons, ";"), "link:")) {
			t.Errorf("%q: %s %v, want %s with a link reason", tt.text, r.Verdict, r.Reasons, tt.verdict)
		}
	}
}
