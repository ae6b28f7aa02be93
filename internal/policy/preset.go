package policy

import (
	"time"

	"github.com/bouclier/bouclier"
)

// PresetInfo names a preset (Name is the key scripts use, Label what
// people read) and describes it in French.
type PresetInfo struct {
	Name        string `json:"name"`
	Label       string `json:"label"`
	Description string `json:"description"`
}

// The preset names.
const (
	PresetCircular2024   = "circular-2024"
	PresetDisconnect2025 = "disconnect-2025"
	PresetOpen           = "open"
)

var presets = []struct {
	PresetInfo
	rules func() []Rule
}{
	{PresetInfo{PresetCircular2024, "Circulaire de mars 2024",
		"Messagerie fermée aux élèves en permanence, et aux adultes de 23\u00a0h à 7\u00a0h " +
			"(heure locale de l’établissement). Fermeture de sécurité, non assouplissable aux niveaux inférieurs."},
		circular2024},
	{PresetInfo{PresetDisconnect2025, "Droit à la déconnexion (circulaire de 2025)",
		"Heures calmes de 20\u00a0h à 7\u00a0h du lundi au jeudi, et du vendredi " +
			"20\u00a0h au lundi 7\u00a0h\u202f; les messages sont acceptés et remis à la fin des heures calmes. Adaptable localement."},
		disconnect2025},
	{PresetInfo{PresetOpen, "Messagerie ouverte",
		"Aucune fenêtre horaire à ce niveau\u00a0: la messagerie est ouverte, sous réserve des règles des niveaux supérieurs."},
		func() []Rule { return []Rule{} }},
}

// Presets lists the presets, in a stable order.
func Presets() []PresetInfo {
	out := make([]PresetInfo, len(presets))
	for i, p := range presets {
		out[i] = p.PresetInfo
	}
	return out
}

// Preset returns the rules of a named preset at the national scope, as a
// fresh slice the caller may modify. "open" is the empty set: applying it
// at a scope removes that scope's own windows, it does not lift wider ones.
func Preset(name string) ([]Rule, error) {
	for _, p := range presets {
		if p.Name == name {
			return p.rules(), nil
		}
	}
	return nil, bouclier.Errorf(bouclier.ErrInvalidRequest, "préréglage inconnu\u00a0: %q (circular-2024, disconnect-2025 ou open)", name)
}

// PresetAt returns the rules of a named preset applied at scope sc.
func PresetAt(name string, sc Scope) ([]Rule, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	rules, err := Preset(name)
	for i := range rules {
		rules[i].Scope = sc
	}
	return rules, err
}

func circular2024() []Rule {
	return []Rule{
		{
			ID:      "circular-2024/students",
			Scope:   National,
			Roles:   []bouclier.Role{bouclier.RoleStudent},
			Mode:    ModeClosed,
			Closure: ClosureSecurity,
			Reason:  "Messagerie fermée aux élèves (circulaire de mars 2024)",
		},
		{
			ID:      "circular-2024/night",
			Scope:   National,
			Roles:   []bouclier.Role{bouclier.RoleParent, bouclier.RoleTeacher, bouclier.RoleStaff, bouclier.RoleHead},
			Mode:    ModeClosed,
			Closure: ClosureSecurity,
			Windows: []Window{Daily(At(23, 0), At(7, 0))},
			Reason:  "Messagerie fermée de 23\u00a0h à 7\u00a0h (circulaire de mars 2024)",
		},
	}
}

func disconnect2025() []Rule {
	return []Rule{{
		ID:      "disconnect-2025/evenings-weekends",
		Scope:   National,
		Mode:    ModeClosed,
		Closure: ClosureQuiet,
		Windows: []Window{
			Daily(At(20, 0), At(7, 0), time.Monday, time.Tuesday, time.Wednesday, time.Thursday),
			{Days: []time.Weekday{time.Friday}, Start: At(20, 0), End: At(7, 0), Nights: 3},
		},
		Adjustable: true,
		Reason:     "Heures calmes (droit à la déconnexion)",
	}}
}
