package screen

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// extractLinksRef is ExtractLinks as it was before it jumped from dot to
// dot (one field at a time over the whole message, refang on any bracket):
// the reference the fast version must equal.
func extractLinksRef(s string) []Link {
	if !mayHaveLink(s) {
		return nil
	}
	s = refangRef(s)
	var out []Link
	var seen map[string]bool
	for i := 0; i < len(s); {
		// Next field between delimiters, without allocating a slice of them.
		r, n := utf8.DecodeRuneInString(s[i:])
		if isLinkDelim(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isLinkDelim(r) {
				break
			}
			j += n
		}
		f := s[i:j]
		i = j
		if strings.IndexByte(f, '.') < 0 {
			continue
		}
		f = strings.TrimRight(f, ".,;:!?…")
		f = strings.TrimLeft(f, ".,;:!?")
		if len(f) < 4 || len(f) > 2048 {
			continue
		}
		l, ok := parseLink(f)
		if !ok || seen[l.Raw] {
			continue
		}
		if seen == nil {
			seen = map[string]bool{}
		}
		seen[l.Raw] = true
		out = append(out, l)
		if len(out) >= 100 {
			break
		}
	}
	return out
}

func refangRef(s string) string {
	if !strings.ContainsAny(s, "[({．。｡․") && !strings.Contains(s, "xx") && !strings.Contains(s, "XX") {
		return unspell(s)
	}
	return unspell(refanger.Replace(s))
}

var linkSeeds = []string{
	"", "a.b", "Voir https://pronote.fr/login, et www.ac-rouen.tk !",
	"evil[.]com hxxp://evil(dot)com/x evil{point}fr", "demain.Il pleut. Fin.", "notes.md video.mov v1.2.3 10.5",
	"«www.exemple.fr» (ent.fr) [pronote.fr] “a.bc”", "prof@ac-versailles.fr https://x@evil.example/",
	"http://192.168.4.21/login 192.168.1.1", "ｅｖｉｌ．com evil。com evil｡com evil․com", "....", ". . .",
	"https://a.b/" + strings.Repeat("x", 3000), "é.é ü.fr xn--bcher-kva.de bücher.de",
	"\xff.\xfe evil.com\x00a.b", "a.b.c.d.e.f.g.h", "hXXps://évil.com/…", "(http://a.fr)", "…a.fr…",
	"mediafire point com slash x", "un point net", "evil . com", "fin. fr", "https://a-\nb.fr", "x-\ny.com", "https://a.fr\nMerci",
}

func TestExtractLinksMatchesReference(t *testing.T) {
	for _, s := range append(linkSeeds, benchMessages...) {
		if got, want := ExtractLinks(s), extractLinksRef(s); !reflect.DeepEqual(got, want) {
			t.Errorf("ExtractLinks(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// FuzzExtractLinks: the fast scan finds exactly the reference's links, and
// never panics; every link's raw text is in the (refanged) input.
func FuzzExtractLinks(f *testing.F) {
	for _, s := range linkSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ExtractLinks(s)
		if want := extractLinksRef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("ExtractLinks(%q) = %+v, want %+v", s, got, want)
		}
		r := refang(s)
		for _, l := range got {
			if !strings.Contains(r, l.Raw) || l.Host == "" || !utf8.ValidString(l.Host) {
				t.Fatalf("link %+v not from %q", l, s)
			}
		}
	})
}

func BenchmarkExtractLinks(b *testing.B) {
	for _, ref := range []bool{false, true} {
		name := "fast"
		fn := ExtractLinks
		if ref {
			name, fn = "reference", extractLinksRef
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				fn(benchMessages[i%len(benchMessages)])
			}
		})
	}
}
