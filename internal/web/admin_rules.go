package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/policy"
)

// rulesData is the messaging-rules page: the presets and the stored rules
// of the scopes that bind or concern the user, grouped by scope.
type rulesData struct {
	Presets []policy.PresetInfo
	Scopes  []scopeOption
	Groups  []ruleGroup
}

type ruleGroup struct {
	Scope string // label
	Rules []ruleRow
}

type ruleRow struct {
	ID, Roles, Mode, When, Reason string
}

// ruleList shows the presets and the stored rules (Rules.Rules).
func (h *handler) ruleList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	stored, err := h.d.Rules.Rules(ctx)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	d := rulesData{Presets: policy.Presets(), Scopes: h.scopeOptions(ctx, s.User, r.URL.Query().Get("portee"))}
	idx := map[string]int{}
	title := h.scopeTitles(ctx)
	for _, x := range stored {
		sc := x.Rule.Scope.String()
		if !h.concerns(r, s.User, sc) {
			continue
		}
		i, ok := idx[sc]
		if !ok {
			i = len(d.Groups)
			idx[sc] = i
			d.Groups = append(d.Groups, ruleGroup{Scope: title(sc)})
		}
		d.Groups[i].Rules = append(d.Groups[i].Rules, ruleRowOf(x.Rule))
	}
	p := h.newPage(ctx, &s, "Règles de messagerie", "admin")
	flash(p, r)
	p.Data = d
	h.render(w, http.StatusOK, "rules", p)
}

// concerns reports whether a scope's rules or suspensions are shown to u:
// those binding them from above and those of the scopes they administer.
func (h *handler) concerns(r *http.Request, u bouclier.User, scope string) bool {
	if scope == "national" || scope == "academie:"+u.Academie || scope == u.Scope() {
		return true
	}
	if h.d.Directory == nil {
		return false
	}
	ok, err := h.d.Directory.HasAuthority(r.Context(), u, scope)
	return err == nil && ok
}

var modeLabels = map[string]string{"open": "ouvert", "closed": "fermé", "receive_only": "réception seule"}

var closureLabels = map[string]string{"security": "fermeture de sécurité", "quiet": "heures calmes\u00a0: envoi différé"}

func ruleRowOf(x policy.Rule) ruleRow {
	row := ruleRow{ID: x.ID, Reason: x.Reason}
	if len(x.Roles) == 0 {
		row.Roles = "tous (sauf administrateurs)"
	} else {
		var rs []string
		for _, ro := range x.Roles {
			rs = append(rs, roleName(ro))
		}
		row.Roles = strings.Join(rs, ", ")
	}
	row.Mode = string(x.Mode)
	if l, ok := modeLabels[row.Mode]; ok {
		row.Mode = l
	}
	if x.Closure != "" {
		c := string(x.Closure)
		if l, ok := closureLabels[c]; ok {
			c = l
		}
		row.Mode += " (" + c + ")"
	}
	var when []string
	for _, win := range x.Windows {
		when = append(when, win.String())
	}
	for _, dr := range x.Ranges {
		t := "du " + dr.Start.String() + " au " + dr.End.String()
		if dr.Zone != "" {
			t += " (zone " + dr.Zone + ")"
		}
		when = append(when, t)
	}
	if len(when) == 0 {
		row.When = "en permanence"
	} else {
		row.When = strings.Join(when, "\u202f; ")
	}
	return row
}

func roleName(r bouclier.Role) string {
	if l := directory.RoleLabels[r]; l != "" {
		return l
	}
	return string(r)
}

// presetApply replaces a scope's rules with a preset (Rules.ApplyPreset).
func (h *handler) presetApply(w http.ResponseWriter, r *http.Request, s auth.Session) {
	name, scope := r.PostFormValue("preset"), r.PostFormValue("scope")
	i := slices.IndexFunc(policy.Presets(), func(p policy.PresetInfo) bool { return p.Name == name })
	if i < 0 {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Choisissez un modèle de règles."))
		return
	}
	if wideScope(scope) && r.PostFormValue("confirm") != "1" {
		if err := h.authority(r.Context(), s, scope); err != nil {
			h.fail(w, r, &s, err)
			return
		}
	}
	if wideScope(scope) && !h.confirmed(w, r, s, "Confirmer le changement de règles", h.presetSummary(r, scope, policy.Presets()[i])) {
		return
	}
	if err := h.d.Rules.ApplyPreset(r.Context(), rulesActor(r, s), name, scope); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/rules", "preset")
}

// presetSummary says what applying a preset to a wide scope replaces.
func (h *handler) presetSummary(r *http.Request, scope string, preset policy.PresetInfo) confirmData {
	d := confirmData{Button: "Remplacer les règles", Danger: true, Cancel: "/admin/rules"}
	where := h.where(r.Context(), scope)
	d.Summary = append(d.Summary, "Les règles de messagerie de "+where+" seront remplacées par le modèle «\u00a0"+preset.Label+"\u00a0»\u00a0: "+preset.Description)
	if stored, err := h.d.Rules.Rules(r.Context()); err == nil {
		n := 0
		for _, x := range stored {
			if x.Rule.Scope.String() == scope {
				n++
			}
		}
		switch n {
		case 0:
			d.Summary = append(d.Summary, "Aucune règle propre à cette portée n’est en vigueur aujourd’hui.")
		case 1:
			d.Summary = append(d.Summary, "La règle en vigueur pour cette portée sera supprimée.")
		default:
			d.Summary = append(d.Summary, "Les "+thousands(n)+"\u00a0règles en vigueur pour cette portée seront supprimées.")
		}
	}
	d.Summary = append(d.Summary, "Le changement s’applique immédiatement à tous les comptes concernés.")
	return d
}
