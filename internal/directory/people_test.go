package directory_test

import (
	"testing"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

func TestPersonLabel(t *testing.T) {
	kids := func(c ...store.Child) store.Affiliation { return store.Affiliation{Children: c} }
	cases := []struct {
		u    bouclier.User
		a    store.Affiliation
		want string
	}{
		{bouclier.User{DisplayName: "Marie Dupont", Role: bouclier.RoleParent}, kids(store.Child{Name: "Léa Dupont", Class: "4A"}),
			"Marie Dupont, responsable de Léa Dupont (4A)"},
		{bouclier.User{DisplayName: "Marie Dupont", Role: bouclier.RoleParent},
			kids(store.Child{Name: "Léa Dupont", Class: "4A"}, store.Child{Name: "Tom Dupont", Class: "6B"}),
			"Marie Dupont, responsable de Léa Dupont (4A) et de Tom Dupont (6B)"},
		{bouclier.User{DisplayName: "Marie Dupont", Role: bouclier.RoleParent}, store.Affiliation{}, "Marie Dupont, parent"},
		{bouclier.User{DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, store.Affiliation{Classes: []string{"4A", "4B"}},
			"Sophie Martin, enseigne en 4A et 4B"},
		{bouclier.User{DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, store.Affiliation{Classes: []string{"6A", "6B", "5A", "5B", "4A", "4B"}},
			"Sophie Martin, enseigne en 6A, 6B, 5A, 5B et 2\u00a0autres classes"},
		{bouclier.User{DisplayName: "Léa Dupont", Role: bouclier.RoleStudent, Class: "4A"}, store.Affiliation{}, "Léa Dupont, élève de 4A"},
		{bouclier.User{DisplayName: "Karim CPE", Role: bouclier.RoleStaff}, store.Affiliation{}, "Karim CPE, vie scolaire"},
		{bouclier.User{Username: "prof.x", Role: bouclier.RoleTeacher}, store.Affiliation{}, "prof.x, équipe enseignante"},
		// With the directory's civility: named with it, agreement follows.
		{bouclier.User{DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher, Civility: "Mme"}, store.Affiliation{Classes: []string{"4A", "4B"}},
			"Mme\u00a0Sophie Martin, professeure (4A, 4B)"},
		{bouclier.User{DisplayName: "Luc Bernard", Role: bouclier.RoleTeacher}, store.Affiliation{Classes: []string{"4A"}, Civility: "M."},
			"M.\u00a0Luc Bernard, professeur (4A)"},
		{bouclier.User{DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher, Civility: "Mme"}, store.Affiliation{Classes: []string{"6A", "6B", "5A", "5B", "4A", "4B"}},
			"Mme\u00a0Sophie Martin, professeure (6A, 6B, 5A, 5B et 2\u00a0autres classes)"},
		{bouclier.User{DisplayName: "Anne Hugo", Role: bouclier.RoleTeacher, Civility: "Mme"}, store.Affiliation{}, "Mme\u00a0Anne Hugo, enseignante"},
		{bouclier.User{DisplayName: "Karim Benali", Role: bouclier.RoleParent, Civility: "M."}, kids(store.Child{Name: "Léa Dupont", Class: "4A"}),
			"M.\u00a0Karim Benali, responsable de Léa Dupont (4A)"},
		{bouclier.User{DisplayName: "Claire Principal", Role: bouclier.RoleHead}, store.Affiliation{Civility: "Mme"}, "Mme\u00a0Claire Principal, direction"},
		// Pupils are named without one; an unknown value is not shown.
		{bouclier.User{DisplayName: "Léa Dupont", Role: bouclier.RoleStudent, Class: "4A", Civility: "Mme"}, store.Affiliation{}, "Léa Dupont, élève de 4A"},
		{bouclier.User{DisplayName: "Karim CPE", Role: bouclier.RoleStaff, Civility: "Dr"}, store.Affiliation{}, "Karim CPE, vie scolaire"},
	}
	for _, c := range cases {
		if got := directory.PersonLabel(c.u, c.a); got != c.want {
			t.Errorf("PersonLabel(%+v) = %q, want %q", c.u, got, c.want)
		}
	}
}

func TestRoleLabelAgrees(t *testing.T) {
	for _, c := range []struct {
		civ, want string
	}{{"Mme", "enseignante"}, {"M.", "enseignant"}, {"", "enseignant"}} {
		if got := directory.RoleLabel(bouclier.RoleTeacher, c.civ); got != c.want {
			t.Errorf("RoleLabel(teacher, %q) = %q, want %q", c.civ, got, c.want)
		}
	}
	if got := directory.RoleLabel(bouclier.RoleHead, "Mme"); got != "direction" {
		t.Errorf("RoleLabel(head, Mme) = %q", got)
	}
}

// TestNamedWithRole: the name and role shown when no label is at hand,
// agreeing with the civility; the login when no name is known; no
// civility for a pupil.
func TestNamedWithRole(t *testing.T) {
	for _, c := range []struct {
		u    bouclier.User
		want string
	}{
		{bouclier.User{Username: "prof.martin", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher, Civility: "Mme"}, "Mme\u00a0Sophie Martin (enseignante)"},
		{bouclier.User{Username: "prof.martin", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher}, "Sophie Martin (enseignant)"},
		{bouclier.User{Username: "prof.x", Role: bouclier.RoleTeacher, Civility: "M."}, "M.\u00a0prof.x (enseignant)"},
		{bouclier.User{Username: "eleve.dupont", DisplayName: "Léa Dupont", Role: bouclier.RoleStudent, Civility: "Mme"}, "Léa Dupont (élève)"},
	} {
		if got := directory.NamedWithRole(c.u); got != c.want {
			t.Errorf("NamedWithRole(%+v) = %q, want %q", c.u, got, c.want)
		}
	}
}
