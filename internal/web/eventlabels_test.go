package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestIncidentEventLabels: every kind of event the campaign package writes
// to an incident's timeline has a French label, and the incident page
// shows labels, never the stored kinds (« review », « contain »…). The
// kinds are read from the campaign package's source, so a new kind
// without a label fails here.
func TestIncidentEventLabels(t *testing.T) {
	files, err := filepath.Glob("../campaign/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("campaign sources: %v %v", files, err)
	}
	fset := token.NewFileSet()
	kinds := map[string]string{} // kind → where
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "AddCampaignEvent" || len(call.Args) < 4 {
				return true
			}
			lit, ok := call.Args[3].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: event kind is not a literal; give it a label and list it here", fset.Position(call.Pos()))
				return true
			}
			k, _ := strconv.Unquote(lit.Value)
			kinds[k] = fset.Position(call.Pos()).String()
			return true
		})
	}
	if len(kinds) < 5 {
		t.Fatalf("found only %d event kinds: %v", len(kinds), kinds)
	}
	for k, where := range kinds {
		l := incidentEventLabel(k)
		if _, ok := incidentEventLabels[k]; !ok || l == k || strings.TrimSpace(l) == "" {
			t.Errorf("event kind %q (%s) has no French label: %q", k, where, l)
		}
	}
	if got := incidentEventLabel("review"); got != "Événement" {
		t.Errorf("unknown kind shown as %q", got)
	}
	tpl, err := os.ReadFile("templates/incident.html")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(tpl), "{{.Kind}}") || !strings.Contains(string(tpl), "{{eventkind .Kind}}") {
		t.Error("the incident page shows the raw event kind")
	}
}

// TestIncidentEventDetail: a timeline event listing many accounts shows
// the first five and a count, not a wall of logins; short ones are kept.
func TestIncidentEventDetail(t *testing.T) {
	long := "comptes en lecture seule, sessions révoquées, par rssi\u00a0: a1, a2, a3, a4, a5, a6, a7, a8"
	for in, want := range map[string]string{
		long: "comptes en lecture seule, sessions révoquées, par rssi\u00a0: a1, a2, a3, a4, a5 et 3\u00a0autres",
		"comptes bloqués\u00a0: a1, a2, a3, a4, a5, a6": "comptes bloqués\u00a0: a1, a2, a3, a4, a5, a6",
		"copies retenues ou retirées":                   "copies retenues ou retirées",
	} {
		if got := incidentEventDetail(in); got != want {
			t.Errorf("incidentEventDetail(%q) = %q, want %q", in, got, want)
		}
	}
}
