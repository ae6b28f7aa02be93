package api_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/api"
)

// TestOpenAPIMatchesRoutes keeps the document in step with the route table:
// every route is described and nothing else is.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	raw, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
			if _, ok := op["responses"]; !ok {
				t.Errorf("%s %s: no responses", method, path)
			}
		}
	}
	routes := api.Routes()
	slices.Sort(documented)
	slices.Sort(routes)
	if !slices.Equal(documented, routes) {
		for _, r := range routes {
			if !slices.Contains(documented, r) {
				t.Errorf("route not documented: %s", r)
			}
		}
		for _, d := range documented {
			if !slices.Contains(routes, d) {
				t.Errorf("documented but not routed: %s", d)
			}
		}
	}
}
