package screen

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"case and accents", "Élève À l'ÉCOLE", "eleve a l'ecole"},
		{"ligatures", "Œuvre, cœur", "oeuvre coeur"},
		{"leet interior", "b0mb3 3xpl0s1f", "bombe explosif"},
		{"leet symbols", "b@mbe a$$a$$in", "bambe assassin"},
		{"spelt with spaces", "u n e   b o m b e", "une bombe"},
		{"spelt with dots", "b.o.m.b.e", "bombe"},
		{"spelt with dashes", "t-u-e-r", "tuer"},
		{"acronym with dots", "le C.D.I. ferme", "le cdi ferme"},
		{"spelt with leet digit", "b 0 m b e", "bombe"},
		{"repeated letters", "bommmbe vouuuus", "bombe vous"},
		{"doubles kept", "attentat salle comme", "attentat salle comme"},
		{"zero width", "bo\u200bm\u200db\u2060e", "bombe"},
		{"soft hyphen", "ex\u00adplo\u00adsif", "explosif"},
		{"fullwidth", "ｂｏｍｂｅ ＣＤＩ", "bombe cdi"},
		{"math letters", "𝐛𝐨𝐦𝐛𝐞", "bombe"},
		{"cyrillic homoglyphs", "bоmbе", "bombe"},
		{"all-cyrillic lookalike", "ѕсоре", "scope"},
		{"greek homoglyphs", "εxρlοsif", "explosif"},
		{"real russian kept", "Привет", "привет"},
		{"lone greek letter kept", "particule α", "particule α"},
		{"emoji", "💣 au 🏫 🔫", "bombe au ecole arme"},
		{"laugh emoji", "je te tue 😂", "je te tue mdr"},
		{"times and classes kept", "10h30 14:00 4A 2nde1 3e 1ere", "10h30 14:00 4a 2nde1 3e 1ere"},
		{"numbers kept", "3,5 et 10.5 et 1000", "3,5 et 10.5 et 1000"},
		{"mp3 covid19 kept", "mp3 covid19 h1n1", "mp3 covid19 hini"},
		{"elisions kept", "n'y a-t-il pas aujourd'hui", "n'y a t il pas aujourd'hui"},
		{"email not leet", "prof@ac-versailles.fr", "prof ac versailles fr"},
		{"punctuation", "Quoi ?! Non... «oui»", "quoi non oui"},
		{"short singles kept", "il y a à", "il y a a"},
		{"regional indicators", "🇧🇴🇲🇧🇪", "bombe"},
		{"invalid utf8", "bo\xffmbe", "bo mbe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestObfuscationFlag(t *testing.T) {
	for _, s := range []string{"b0mbe", "b o m b e", "bоmbе", "bo\u200bmbe", "ｂｏｍｂｅ", "bommmbe"} {
		a := analyze(s)
		if len(a.toks) != 1 || a.toks[0].flags&tObf == 0 {
			t.Errorf("%q: want one obfuscated token, got %+v", s, a.toks)
		}
	}
	for _, s := range []string{"bombe", "Bombe", "bombé"} {
		a := analyze(s)
		if len(a.toks) != 1 || a.toks[0].flags&tObf != 0 {
			t.Errorf("%q: want one plain token, got %+v", s, a.toks)
		}
	}
}

func TestLeetAlternative(t *testing.T) {
	for in, want := range map[string]string{"3xplosif": "explosif", "bomb3": "bombe", "3eme": "", "10h": "", "5min": ""} {
		a := analyze(in)
		if got := a.toks[0].alt; got != want {
			t.Errorf("%q alt = %q, want %q", in, got, want)
		}
	}
}

func TestQuotedMention(t *testing.T) {
	a := analyze(`quelqu'un a écrit 'bombe' sur le mur, « tuer » aussi`)
	quoted := map[string]bool{}
	for _, tk := range a.toks {
		if tk.flags&tQuoted != 0 {
			quoted[tk.word] = true
		}
	}
	if !quoted["bombe"] || !quoted["tuer"] || quoted["quelqu"] || quoted["mur"] {
		t.Errorf("quoted = %v", quoted)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"u n e   b o m b e", "b.o.m.b.e", "b0mb3", "💣💣", "ｂｏｍｂｅ", "n'y a-t-il", "a b c d e", "l'a b c d", "x y   a   b   c   d   z w", "1 0 h", "\xff\xfe", "bоmbе", "'a' 'b'", "C1,0A0", "Ѿ0о", "2Ծ00е"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, n2)
		}
		if strings.Contains(n, "  ") || strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") {
			t.Fatalf("spacing: %q → %q", s, n)
		}
		_ = textScores(s)
	})
}

// The key cache is shared by concurrent Checks: keys looked up from many
// goroutines while snapshots are published read the same analysis as a
// fresh computation (run with -race).
func TestInfoCacheConcurrent(t *testing.T) {
	const workers, keys = 8, 300
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < keys; i++ {
				k := fmt.Sprintf("zzcache%dx%d", i, (i*7+w)%keys)
				ki := lx.info(k)
				if want := lx.computeInfo(k); ki.class != want.class || len(ki.cands) != len(want.cands) || ki.lf != want.lf {
					t.Errorf("%s: cached %+v, computed %+v", k, ki, want)
					return
				}
				if lx.info(k) != ki {
					t.Errorf("%s: two analyses cached", k)
					return
				}
			}
		}(w)
	}
	wg.Wait()
}
