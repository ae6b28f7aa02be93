package screen

import (
	"strings"
	"testing"
	"unicode/utf8"
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
		{"https://ac-versai11es.fr/", true, "acversailles"},
		{"https://ac-versailles.fr.secure-mail.com/", true, "académique"},
		{"http://10.0.0.1/login", true, "adresse IP"},
		{"https://xn--pronte-1ya.fr/", true, "punycode"},
		{"https://tinyurl.com/abc", true, "raccourcisseur"},
		{"https://seen-before.com/x", true, "déjà vu"},
		{"https://pronote.fr@evil.example/", true, "user@"},
		{"https://fr.wikipedia.org/wiki/Guerre_froide", false, ""},
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
