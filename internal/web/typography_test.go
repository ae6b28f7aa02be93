package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// French typography in the interface: a typographic apostrophe in
// elisions (« l’établissement »), a non-breaking space before « : ; ! ? »
// and inside « ». The test reads the templates and the French string
// literals of the packages whose text people read.
var (
	straightElision = regexp.MustCompile(`(?i)\b(d|l|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|presqu|quelqu|aujourd)'(\pL|$)`)
	breakingBefore  = regexp.MustCompile(`(^|\S)\x{20}[:;!?](\s|$|<|"|\)|»)`)
	breakingInside  = regexp.MustCompile(`«\x{20}|\x{20}»`)
	lonePunct       = regexp.MustCompile(`(^|\pL)\x{20}[:;!?](\x{20}|$)`) // « Motif » + " : " + …
	frenchText      = regexp.MustCompile(`[àâçéèêëîïôûùüÿœÀÂÇÉÈÊÎÔÛ«»’]|\b(le|la|les|des|un|une|du|vous|votre|est|pour|avec|sur|aux|dans)\b`)
)

func typographyFaults(s string) []string {
	var out []string
	for _, re := range []*regexp.Regexp{straightElision, breakingBefore, breakingInside} {
		out = append(out, re.FindAllString(s, -1)...)
	}
	return out
}

func TestFrenchTypography(t *testing.T) {
	tmpls, err := filepath.Glob("templates/*.html")
	if err != nil || len(tmpls) == 0 {
		t.Fatalf("templates: %v", err)
	}
	for _, p := range tmpls {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if f := typographyFaults(line); len(f) > 0 {
				t.Errorf("%s:%d: %q in %q", p, i+1, f, strings.TrimSpace(line))
			}
		}
	}
	// Not ../screen nor ../drill: their French literals are sample attack
	// texts, typed as attackers type.
	for _, dir := range []string{".", "../messaging", "../rules", "../policy", "../moderation", "../auth", "../notify", "../ackforms", "../privacy",
		"../campaign", "../directory", "../alert", "../national", "../sso", "../importer", "../retention", "../textcheck", "../api", "../demo"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			if strings.HasSuffix(p, "_test.go") {
				continue // tests quote input as typed
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || !(frenchText.MatchString(s) || straightElision.MatchString(s) || lonePunct.MatchString(s)) {
					return true
				}
				if faults := typographyFaults(s); len(faults) > 0 {
					t.Errorf("%s: %q in %q", fset.Position(lit.Pos()), faults, s)
				}
				return true
			})
		}
	}
}
