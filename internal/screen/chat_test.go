package screen

import (
	"strings"
	"testing"
)

// chatForm prints the tokens the detectors read after the chat rewrite,
// elisions joined as Normalize joins them.
func chatForm(s string) string {
	nb := &nbufs{}
	a := nb.expandChat(nb.analyze(s))
	var b strings.Builder
	for i, t := range a.toks {
		if i > 0 {
			if a.toks[i-1].elided {
				b.WriteByte('\'')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.word)
	}
	return b.String()
}

func TestChatRewrite(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"jvais", "jvais te niquer", "je vais te niquer"},
		{"jte", "jte jure", "je te jure"},
		{"jte glued clitic", "jle savais", "je le savais"},
		{"je glued to a verb", "jramene un truc", "je ramene un truc"},
		{"j' glued to a verb", "jarrive", "j'arrive"},
		{"je and l' glued to a verb", "jlattends a la sortie", "je l'attends a la sortie"},
		{"je and t' glued to a verb", "jtaime", "je t'aime"},
		{"t' glued to a verb after its subject", "on tattend", "on t'attend"},
		{"t' glued after aller", "jvais tappeler", "je vais t'appeler"},
		{"t+vowel without a subject kept", "tattend", "tattend"},
		{"chui", "chui devant", "je suis devant"},
		{"t'es mort kept", "t'es mort", "t'es mort"},
		{"tes mort", "tes mort", "t'es mort"},
		{"tes possessive kept", "tes potes", "tes potes"},
		{"bare t", "t mort", "t'es mort"},
		{"tas vu", "tas vu", "t'as vu"},
		{"tas noun kept", "un tas de sable", "un tas de sable"},
		{"tu glued to a verb", "tvas voir", "tu vas voir"},
		{"ta gueule initials", "tg", "ta gueule"},
		{"ta gueule kept", "ta gueule", "ta gueule"},
		{"letter repetition", "t'es mooooort", "t'es mort"},
		{"k for qu", "kil vienne koi", "qu'il vienne quoi"},
		{"ki", "ki a fait ca", "qui a fait ca"},
		{"missing apostrophe jai", "jai un couteau", "j'ai un couteau"},
		{"missing apostrophe cest", "cest pas drole", "c'est pas drole"},
		{"missing apostrophe le", "devant lecole", "devant l'ecole"},
		{"ya", "ya un mec", "il y a un mec"},
		{"digits for letters", "2main a lecole", "demain a l'ecole"},
		{"digits 2m1", "a2m1", "a demain"},
		{"g for j'ai", "g cache un truc", "j'ai cache un truc"},
		{"class letter g kept", "la salle g est fermee", "la salle g est fermee"},
		{"class 5e c kept", "les 5e c sortent", "les 5e c sortent"},
		{"c for c'est", "c pas une blague", "c'est pas une blague"},
		{"vitamine c kept", "la vitamine c aide", "la vitamine c aide"},
		{"emoji as words", "🔪 demain", "couteau demain"},
		{"known word kept", "jaune trop lecture", "jaune trop lecture"},
		{"jamais kept", "jamais", "jamais"},
		{"elided half kept", "l'ya", "l'ya"},
		{"sms function words", "jvi1 ac mon frere pr vs voir pdt la recre", "je viens avec mon frere pour vous voir pendant la recre"},
		{"sms je + verb", "jvou previens jveu pas", "je vous previens je veux pas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chatForm(tt.in); got != tt.want {
				t.Errorf("chatForm(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// The rewrite does not change Normalize, whose output other packages hash.
func TestChatLeavesNormalize(t *testing.T) {
	if got := Normalize("jvais te niquer tes mort"); got != "jvais te niquer tes mort" {
		t.Fatalf("Normalize = %q", got)
	}
}

// A rewritten token keeps its source span, so reasons quote what was sent.
func TestChatSpans(t *testing.T) {
	src := "ok jvais venir"
	nb := &nbufs{}
	a := nb.expandChat(nb.analyze(src))
	if len(a.toks) != 4 || src[a.toks[1].start:a.toks[1].end] != "jvais" || src[a.toks[2].start:a.toks[2].end] != "jvais" {
		t.Fatalf("tokens %+v", a.toks)
	}
}

// FuzzChat: the rewrite never panics, its tokens keep spans inside the
// source in order, and the detectors and frames read them without
// failing (a rewritten word's two tokens share one span).
func FuzzChat(f *testing.F) {
	for _, s := range []string{"jvais te niquer", "tes mort 2main a lecole", "g cache un truc", "c pas une blague", "t mort",
		"kil vienne", "jramene un truc", "l'ya", "tg ftg", "« jte » , jvais", "", "j", "t t t", "ya ya"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nb := &nbufs{}
		a := nb.expandChat(nb.analyze(s))
		prev := 0
		for i, tk := range a.toks {
			if tk.start < prev || tk.start > tk.end || tk.end > len(s) || tk.word == "" {
				t.Fatalf("token %d %+v out of order or span (source %d bytes, previous start %d)", i, tk, len(s), prev)
			}
			prev = tk.start
		}
		for d, x := range textScores(s) {
			if x.score < 0 || x.score > 1 {
				t.Fatalf("detector %d score %v", d, x.score)
			}
		}
		_ = TextFeatures(s)
	})
}
