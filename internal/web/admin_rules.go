package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/frdate"
	"github.com/bouclier/bouclier/internal/frnum"
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
	Name, Roles, Mode, When, Reason string
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
	row := ruleRow{Reason: x.Reason}
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
		when = append(when, ruleWindow(win))
	}
	for _, dr := range x.Ranges {
		t := "du " + ruleDate(dr.Start) + " au " + ruleDate(dr.End)
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
	row.Name = ruleName(x, row.When)
	return row
}

// ruleEffects say what a rule does, at the head of its name.
var ruleEffects = map[policy.Mode]string{policy.ModeOpen: "Messagerie ouverte", policy.ModeClosed: "Messagerie fermée",
	policy.ModeReceiveOnly: "Réception seule"}

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
			d.Summary = append(d.Summary, "Les "+frnum.Thousands(n)+"\u00a0règles en vigueur pour cette portée seront supprimées.")
		}
	}
	d.Summary = append(d.Summary, "Le changement s’applique immédiatement à tous les comptes concernés.")
	return d
}

// ruleName names a stored rule by the preset it comes from (« Circulaire
// de mars 2024 » for « circular-2024/night »; the Rôles and Quand columns
// tell a preset's rules apart), or, made by hand or through the API, by
// what it does (« Messagerie fermée pour les élèves, chaque jour de 23 h 00
// à 7 h 00 »): its identifier is a key nobody reads. when is the rule's
// « Quand », already in French.
func ruleName(x policy.Rule, when string) string {
	preset, _, _ := strings.Cut(x.ID, "/")
	for _, p := range policy.Presets() {
		if p.Name == preset {
			return p.Label
		}
	}
	what := ruleEffects[x.Mode]
	if what == "" {
		what = "Règle"
	}
	switch {
	case x.Mode == policy.ModeClosed && x.Closure == policy.ClosureQuiet:
		what = "Heures calmes, envoi différé"
	}
	who := "pour tous sauf les administrateurs"
	if len(x.Roles) > 0 {
		rs := make([]string, len(x.Roles))
		for i, r := range x.Roles {
			rs[i] = string(r)
		}
		who = "pour " + rolesPhrase(rs)
	}
	return what + " " + who + ", " + when
}

var weekdayNames = [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

func ruleClock(c policy.Clock) string { return frdate.HourMinute(int(c)/60, int(c)%60) }

// ruleWindow says in French when a rule's window applies: « chaque jour
// de 23 h 00 à 7 h 00 », « du lundi au jeudi, de 20 h 00 à 7 h 00 », « du
// vendredi 20 h 00 au lundi 7 h 00 » (policy.Window.String is the rules'
// own notation, « mon-thu 20:00-07:00 »).
func ruleWindow(w policy.Window) string {
	start, end := ruleClock(w.Start), ruleClock(w.End)
	overnightOnly := w.Nights == 0 || (w.Nights == 1 && w.End <= w.Start)
	switch {
	case len(w.Days) == 0 && overnightOnly:
		return "chaque jour de " + start + " à " + end
	case len(w.Days) == 1 && !overnightOnly && w.Nights < 7:
		last := (w.Days[0] + time.Weekday(w.Nights)) % 7
		return "du " + weekdayNames[w.Days[0]] + " " + start + " au " + weekdayNames[last] + " " + end
	case overnightOnly:
		return ruleDays(w.Days) + ", de " + start + " à " + end
	}
	if w.Nights == 1 {
		return ruleDays(w.Days) + ", de " + start + " au lendemain " + end
	}
	return ruleDays(w.Days) + ", de " + start + " à " + end + ", " + strconv.Itoa(w.Nights) + "\u00a0nuits plus tard"
}

// ruleDays names days Monday first: « du lundi au jeudi » for a run of
// consecutive days, « lundi, mercredi » otherwise, « chaque jour » for all.
func ruleDays(days []time.Weekday) string {
	var set [7]bool
	for _, d := range days {
		if d >= 0 && d < 7 {
			set[d] = true
		}
	}
	var order []time.Weekday // Monday first
	for i := 1; i <= 7; i++ {
		if d := time.Weekday(i % 7); set[d] {
			order = append(order, d)
		}
	}
	if len(order) == 0 || len(order) == 7 {
		return "chaque jour"
	}
	run := true
	for i := 1; i < len(order); i++ {
		if (order[i-1]+1)%7 != order[i] {
			run = false
		}
	}
	if run && len(order) > 2 {
		return "du " + weekdayNames[order[0]] + " au " + weekdayNames[order[len(order)-1]]
	}
	names := make([]string, len(order))
	for i, d := range order {
		names[i] = weekdayNames[d]
	}
	return strings.Join(names, ", ")
}

func ruleDate(d policy.Date) string {
	return frdate.Date(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC))
}
