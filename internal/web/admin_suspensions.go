package web

import (
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/rules"
)

// suspensionsData is the suspensions page: the form and those in force.
type suspensionsData struct {
	Scopes []scopeOption
	Roles  []roleOption
	Reason string
	Until  string
	Stops  bool // « Bloquer aussi la réception » was ticked
	List   []suspensionRow
	fields []fieldError // the form's errors, tied to its fields
}

type roleOption struct {
	Value, Label string
	Checked      bool
}

type suspensionRow struct {
	ID, Scope, Roles, Reason, CreatedBy string
	What                                string // « Envoi suspendu pour les élèves »
	CreatedAt, Until                    int64
	Mine                                bool // within the user's authority: may lift
}

func roleOptions(checked []string) []roleOption {
	var out []roleOption
	for _, r := range roleChoices {
		out = append(out, roleOption{Value: string(r), Label: roleGroupName(r), Checked: contains(checked, string(r))})
	}
	return out
}

// roleGroupName names the people of a role as a choice in a list,
// « Élèves », « Enseignants », « Vie scolaire »: the roles' checkboxes
// choose groups of people, not one person's role (« enseignant »).
func roleGroupName(r bouclier.Role) string {
	l := rolePlurals[r]
	if l == "" {
		return roleName(r)
	}
	for _, article := range []string{"les ", "la ", "l’"} {
		l = strings.TrimPrefix(l, article)
	}
	c, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(c)) + l[n:]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suspensionList shows the form and the suspensions in force
// (Rules.Suspensions).
func (h *handler) suspensionList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	h.suspensionPage(w, r, s, http.StatusOK, "", suspensionsData{Scopes: h.scopeOptions(r.Context(), s.User, ""), Roles: roleOptions(nil)})
}

func (h *handler) suspensionPage(w http.ResponseWriter, r *http.Request, s auth.Session, status int, errMsg string, d suspensionsData) {
	ctx := r.Context()
	list, err := h.d.Rules.Suspensions(ctx, rulesActor(r, s))
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	title := h.scopeTitles(ctx)
	for _, x := range list {
		roles := rolesLabel(x.Roles)
		mine := false
		if h.d.Directory != nil {
			mine, _ = h.d.Directory.HasAuthority(ctx, s.User, x.Scope)
		}
		what := "Envoi suspendu pour "
		if x.StopsReceiving {
			what = "Envoi et réception suspendus pour "
		}
		d.List = append(d.List, suspensionRow{ID: x.ID, Scope: title(x.Scope), Roles: roles, Reason: x.Reason, What: what + rolesPhrase(x.Roles),
			CreatedBy: x.CreatedBy, CreatedAt: x.CreatedAt, Until: x.Until, Mine: mine})
	}
	p := h.newPage(ctx, &s, "Suspensions", "admin")
	flash(p, r)
	p.Error = errMsg
	p.Fields = d.fields
	p.Data = d
	h.render(w, status, "suspensions", p)
}

// suspensionCreate suspends messaging (Rules.Suspend). The end is typed in
// the user's local time.
func (h *handler) suspensionCreate(w http.ResponseWriter, r *http.Request, s auth.Session) {
	in := rules.SuspensionInput{Scope: r.PostFormValue("scope"), Roles: r.PostForm["roles"], Reason: r.PostFormValue("reason"),
		StopsReceiving: r.PostFormValue("stops_receiving") != ""}
	d := suspensionsData{Scopes: h.scopeOptions(r.Context(), s.User, in.Scope), Roles: roleOptions(in.Roles),
		Reason: in.Reason, Until: r.PostFormValue("until"), Stops: in.StopsReceiving}
	if v := strings.TrimSpace(d.Until); v != "" {
		t, msg := h.suspensionEnd(v, s.User)
		if msg != "" {
			d.fields = []fieldError{{"until", msg}}
			h.suspensionPage(w, r, s, http.StatusUnprocessableEntity, "", d)
			return
		}
		in.Until = &t
	}
	if strings.TrimSpace(in.Reason) == "" {
		// Asked before any confirmation: the reason is shown to those
		// suspended.
		d.fields = []fieldError{{"reason", "Indiquez le motif\u00a0: il est affiché aux personnes concernées."}}
		h.suspensionPage(w, r, s, http.StatusUnprocessableEntity, "", d)
		return
	}
	if wideScope(in.Scope) && r.PostFormValue("confirm") != "1" {
		if err := h.authority(r.Context(), s, in.Scope); err != nil {
			h.fail(w, r, &s, err)
			return
		}
	}
	if wideScope(in.Scope) && !h.confirmed(w, r, s, "Confirmer la suspension", h.suspendSummary(r, in)) {
		return
	}
	if _, err := h.d.Rules.Suspend(r.Context(), rulesActor(r, s), in); err != nil {
		if bouclier.ErrorCode(err) == bouclier.ErrInvalidRequest {
			h.suspensionPage(w, r, s, statusOf(err), userMessageTo(&s.User, err), d)
			return
		}
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/suspensions", "suspendu")
}

// suspensionLift lifts a suspension (Rules.Lift).
func (h *handler) suspensionLift(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id := r.PathValue("id")
	if r.PostFormValue("confirm") != "1" {
		list, err := h.d.Rules.Suspensions(r.Context(), rulesActor(r, s))
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		for _, x := range list {
			if x.ID == id && wideScope(x.Scope) {
				if err := h.authority(r.Context(), s, x.Scope); err != nil {
					h.fail(w, r, &s, err)
					return
				}
				d := confirmData{Button: "Lever la suspension", Cancel: "/admin/suspensions"}
				where := h.where(r.Context(), x.Scope)
				d.Summary = []string{"La suspension de " + where + " pour " + rolesPhrase(x.Roles) + " sera levée\u00a0: les messages circuleront de nouveau selon les règles en vigueur.",
					"Motif de la suspension\u00a0: " + x.Reason}
				h.confirmed(w, r, s, "Confirmer la levée de la suspension", d)
				return
			}
		}
	}
	if err := h.d.Rules.Lift(r.Context(), rulesActor(r, s), id); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/suspensions", "leve")
}

// rolesLabel names the roles a suspension stops, « tous les rôles » when
// it names none.
func rolesLabel(roles []string) string {
	if len(roles) == 0 {
		return "tous les rôles"
	}
	ls := make([]string, len(roles))
	for i, ro := range roles {
		ls[i] = roleName(bouclier.Role(ro))
	}
	return strings.Join(ls, ", ")
}

// suspendSummary says what a wide suspension stops, and until when.
func (h *handler) suspendSummary(r *http.Request, in rules.SuspensionInput) confirmData {
	d := confirmData{Button: "Suspendre", Danger: true, Cancel: "/admin/suspensions"}
	where := h.where(r.Context(), in.Scope)
	what := "L’envoi de messages"
	if in.StopsReceiving {
		what = "L’envoi et la réception de messages"
	}
	d.Summary = append(d.Summary, what+" sera suspendu pour "+rolesPhrase(in.Roles)+" dans "+where+", dès la confirmation.")
	if in.Until != nil {
		d.Summary = append(d.Summary, "Fin prévue le "+frenchDate(*in.Until)+".")
	} else {
		d.Summary = append(d.Summary, "Sans date de fin\u00a0: la suspension dure jusqu’à sa levée.")
	}
	d.Summary = append(d.Summary, "Motif affiché aux personnes concernées\u00a0: "+strings.TrimSpace(in.Reason))
	return d
}
