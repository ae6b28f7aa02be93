package web_test

import (
	"strings"
	"testing"
)

// TestRoleCheckboxesNameGroups: the suspension and mass-reset forms offer
// groups of people (« Enseignants »), not one person's role
// (« enseignant »).
func TestRoleCheckboxesNameGroups(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	for path, id := range map[string]string{"/admin/suspensions": "role-", "/admin/resets": "reset-role-"} {
		body := head.get(path).Body
		for _, want := range []string{`<label for="` + id + `teacher">Enseignants</label>`, `<label for="` + id + `student">Élèves</label>`, `<label for="` + id + `staff">Vie scolaire</label>`} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
	}
}
