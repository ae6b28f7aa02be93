package importer

import (
	"testing"

	"github.com/bouclier/bouclier"
)

func TestCategorize(t *testing.T) {
	for in, want := range map[string]aafCategory{
		"Eleve": aafPupil, "ENTEleve": aafPupil, "élève": aafPupil,
		"PersRelEleve": aafParent, "ENTPersRelEleve": aafParent,
		"PersEducNat": aafPersonnel, "ENTAuxEnseignant": aafPersonnel, "Enseignant": aafPersonnel,
		"ENTAuxNonEnsEtab": aafNonTeaching, "Non enseignant établissement": aafNonTeaching,
		"EtabEducNat": aafStructure, "ENTEtablissement": aafStructure,
		"": aafUnknown, "Martien": aafUnknown,
	} {
		if got := categorize(in); got != want {
			t.Errorf("categorize(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestAcademieID(t *testing.T) {
	for in, want := range map[string]string{
		"VERSAILLES": "versailles", "ACADEMIE DE VERSAILLES": "versailles", "Académie de La Réunion": "la-reunion",
		"ac-rouen": "rouen", "Académie d'Aix-Marseille": "aix-marseille", "GUADELOUPE": "guadeloupe",
	} {
		if got := academieID(in); got != want {
			t.Errorf("academieID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassCode(t *testing.T) {
	for in, want := range map[string]string{
		"6A": "6A", "1TES 2": "1TES_2", "2nde 3": "2NDE_3", "TERM  S/SI": "TERM_S_SI", "  ": "", "ÉCO-1": "ECO-1",
	} {
		if got := classCode(in); got != want || got != "" && !bouclier.ValidName(got) {
			t.Errorf("classCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPersonnelRole(t *testing.T) {
	cases := []struct {
		cat      aafCategory
		fns      []string
		presence string
		role     bouclier.Role
		funcs    string
	}{
		{aafPersonnel, []string{"S$ENS$ENSEIGNEMENT$L0202$MATHS"}, "O", bouclier.RoleTeacher, "ENS:ENSEIGNEMENT"},
		{aafPersonnel, []string{"S$DIR$DIRECTION", "S$ENS$ENSEIGNEMENT"}, "O", bouclier.RoleHead, "DIR:DIRECTION,ENS:ENSEIGNEMENT"},
		{aafPersonnel, []string{"S$EDU$EDUCATION"}, "N", bouclier.RoleStaff, "EDU:EDUCATION"},
		{aafPersonnel, nil, "O", bouclier.RoleTeacher, ""},
		{aafPersonnel, nil, "N", bouclier.RoleStaff, ""},
		{aafNonTeaching, nil, "O", bouclier.RoleStaff, ""},
		{aafPersonnel, []string{"malformed"}, "N", bouclier.RoleStaff, ""},
	}
	for _, c := range cases {
		role, funcs := personnelRole(c.cat, c.fns, []string{c.presence})
		if role != c.role || funcs != c.funcs {
			t.Errorf("personnelRole(%v, %q, %s) = %s %q, want %s %q", c.cat, c.fns, c.presence, role, funcs, c.role, c.funcs)
		}
	}
}
