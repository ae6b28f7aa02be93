package web

import (
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/policy"
)

// TestRuleLabels: the rules in force read in French, with the presets'
// names and « 23 h 00 » times, not the rules' own notation (« mon-thu
// 20:00-07:00 », « circular-2024/night »).
func TestRuleLabels(t *testing.T) {
	for _, c := range []struct {
		w    policy.Window
		want string
	}{
		{policy.Daily(policy.At(23, 0), policy.At(7, 0)), "chaque jour de 23\u00a0h\u00a000 à 7\u00a0h\u00a000"},
		{policy.Daily(policy.At(20, 0), policy.At(7, 0), time.Monday, time.Tuesday, time.Wednesday, time.Thursday),
			"du lundi au jeudi, de 20\u00a0h\u00a000 à 7\u00a0h\u00a000"},
		{policy.Window{Days: []time.Weekday{time.Friday}, Start: policy.At(20, 0), End: policy.At(7, 0), Nights: 3},
			"du vendredi 20\u00a0h\u00a000 au lundi 7\u00a0h\u00a000"},
		{policy.Daily(policy.At(12, 30), policy.At(13, 45), time.Saturday, time.Sunday), "samedi, dimanche, de 12\u00a0h\u00a030 à 13\u00a0h\u00a045"},
		{policy.Daily(policy.At(8, 0), policy.At(9, 0), time.Monday, time.Wednesday), "lundi, mercredi, de 8\u00a0h\u00a000 à 9\u00a0h\u00a000"},
		{policy.Window{Days: []time.Weekday{time.Monday, time.Tuesday}, Start: policy.At(8, 0), End: policy.At(9, 0), Nights: 1},
			"lundi, mardi, de 8\u00a0h\u00a000 au lendemain 9\u00a0h\u00a000"},
		{policy.Window{Days: []time.Weekday{time.Monday, time.Tuesday}, Start: policy.At(8, 0), End: policy.At(9, 0), Nights: 2},
			"lundi, mardi, de 8\u00a0h\u00a000 à 9\u00a0h\u00a000, 2\u00a0nuits plus tard"},
	} {
		if got := ruleWindow(c.w); got != c.want {
			t.Errorf("ruleWindow(%s) = %q, want %q", c.w, got, c.want)
		}
	}
	// Every rule has a French name: its preset's, or what it does (who,
	// what, when), never its identifier.
	for _, c := range []struct {
		rule policy.Rule
		want string
	}{
		{policy.Rule{ID: "circular-2024/night", Mode: policy.ModeClosed}, "Circulaire de mars 2024"},
		{policy.Rule{ID: "disconnect-2025/evenings-weekends", Mode: policy.ModeClosed, Closure: policy.ClosureQuiet},
			"Droit à la déconnexion (circulaire de 2025)"},
		{policy.Rule{ID: "local/cantine", Mode: policy.ModeClosed, Roles: []bouclier.Role{bouclier.RoleStudent},
			Windows: []policy.Window{policy.Daily(policy.At(12, 0), policy.At(13, 30), time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)}},
			"Messagerie fermée pour les élèves, du lundi au vendredi, de 12\u00a0h\u00a000 à 13\u00a0h\u00a030"},
		{policy.Rule{ID: "r-8f2c", Mode: policy.ModeReceiveOnly, Roles: []bouclier.Role{bouclier.RoleParent, bouclier.RoleStudent}},
			"Réception seule pour les parents et les élèves, en permanence"},
		{policy.Rule{ID: "api-7", Mode: policy.ModeClosed, Closure: policy.ClosureQuiet, Windows: []policy.Window{policy.Daily(policy.At(20, 0), policy.At(7, 0))}},
			"Heures calmes, envoi différé pour tous sauf les administrateurs, chaque jour de 20\u00a0h\u00a000 à 7\u00a0h\u00a000"},
		{policy.Rule{ID: "open-ce", Mode: policy.ModeOpen, Roles: []bouclier.Role{bouclier.RoleTeacher}},
			"Messagerie ouverte pour les enseignants, en permanence"},
	} {
		if got := ruleRowOf(c.rule).Name; got != c.want {
			t.Errorf("name of %s = %q, want %q", c.rule.ID, got, c.want)
		}
	}
	if got := ruleDate(policy.Date{Year: 2026, Month: time.December, Day: 19}); got != "19\u00a0décembre 2026" {
		t.Errorf("ruleDate = %q", got)
	}
}
