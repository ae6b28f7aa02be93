package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/textfold"
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
	// A group: the same suspension in several establishments (an
	// incident's), shown once with their names and lifted at once.
	IDs, Places []string
}

// groupFrom is how many establishments' identical suspensions are shown,
// and lifted, as one.
const groupFrom = 4

// groupSuspensions gathers the rows that suspend the same roles for the
// same reason, by the same person, until the same end, in groupFrom
// establishments or more (an incident's, one per establishment): an
// officer reads one entry and lifts it once, instead of 400 cards. The
// other rows stay as they are, in their order.
func groupSuspensions(rows []suspensionRow, scopes []string) []suspensionRow {
	type key struct {
		what, reason, by string
		until            int64
		mine             bool
	}
	keyOf := func(x suspensionRow) key { return key{x.What, x.Reason, x.CreatedBy, x.Until, x.Mine} }
	n := map[key]int{}
	for i, x := range rows {
		if strings.HasPrefix(scopes[i], "establishment:") {
			n[keyOf(x)]++
		}
	}
	var out []suspensionRow
	at := map[key]int{} // a group's index in out
	for i, x := range rows {
		k := keyOf(x)
		if !strings.HasPrefix(scopes[i], "establishment:") || n[k] < groupFrom {
			out = append(out, x)
			continue
		}
		j, ok := at[k]
		if !ok {
			g := x
			g.ID, g.Scope = "", frnum.Count(n[k], "établissement", "établissements")
			at[k], j = len(out), len(out)
			out = append(out, g)
		}
		g := &out[j]
		g.IDs, g.Places = append(g.IDs, x.ID), append(g.Places, x.Scope)
		g.CreatedAt = min(g.CreatedAt, x.CreatedAt)
	}
	for i := range out {
		slices.SortFunc(out[i].Places, func(a, b string) int { return strings.Compare(textfold.Fold(a), textfold.Fold(b)) })
	}
	return out
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
	var scopes []string
	for _, x := range list {
		scopes = append(scopes, x.Scope)
		roles := rolesLabel(x.Roles)
		mine := h.mayLift(ctx, s.User, x)
		what := "Envoi suspendu pour "
		if x.StopsReceiving {
			what = "Envoi et réception suspendus pour "
		}
		d.List = append(d.List, suspensionRow{ID: x.ID, Scope: title(x.Scope), Roles: roles, Reason: x.Reason, What: what + rolesPhrase(x.Roles),
			CreatedBy: x.CreatedBy, CreatedAt: x.CreatedAt, Until: x.Until, Mine: mine})
	}
	d.List = groupSuspensions(d.List, scopes)
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

// mayLift reports whether u may lift x, as Rules.Lift decides: authority
// over its scope and over the level that imposed it (a head does not lift
// what the académie decided; an unknown imposer is the national level).
// The form is offered only then.
func (h *handler) mayLift(ctx context.Context, u bouclier.User, x store.SuspensionRow) bool {
	if h.d.Directory == nil {
		return false
	}
	by := x.ImposedBy
	if by == "" {
		by = "national"
	}
	ok, err := h.d.Directory.HasAuthority(ctx, u, x.Scope)
	if err == nil && ok {
		ok, err = h.d.Directory.HasAuthority(ctx, u, by)
	}
	return err == nil && ok
}

// suspensionLiftGroup lifts several suspensions at once (a group of the
// list, groupSuspensions), after a confirmation that names the
// establishments. Each is one of the user's and within their authority,
// and the service checks the actor on each lift; the first refusal stops
// there and says so.
func (h *handler) suspensionLiftGroup(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	ids := r.PostForm["id"]
	if len(ids) == 0 {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Aucune suspension choisie."))
		return
	}
	list, err := h.d.Rules.Suspensions(ctx, rulesActor(r, s))
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	byID := map[string]int{}
	for i, x := range list {
		byID[x.ID] = i
	}
	title := h.scopeTitles(ctx)
	var places []string
	for _, id := range ids {
		i, ok := byID[id]
		if !ok {
			h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrNotFound, "Une de ces suspensions n’est plus en vigueur\u00a0: rechargez la liste."))
			return
		}
		if err := h.authority(ctx, s, list[i].Scope); err != nil {
			h.fail(w, r, &s, err)
			return
		}
		places = append(places, title(list[i].Scope))
	}
	slices.SortFunc(places, func(a, b string) int { return strings.Compare(textfold.Fold(a), textfold.Fold(b)) })
	first := list[byID[ids[0]]]
	d := confirmData{Button: "Lever les " + frnum.Count(len(ids), "suspension", "suspensions"), Cancel: "/admin/suspensions"}
	d.Summary = []string{"La suspension pour " + rolesPhrase(first.Roles) + " sera levée dans " + frnum.Count(len(ids), "établissement", "établissements") +
		"\u00a0: " + namesList(places, 10) + ". Les messages y circuleront de nouveau selon les règles en vigueur.",
		"Motif de la suspension\u00a0: " + first.Reason}
	if !h.confirmed(w, r, s, "Confirmer la levée de "+frnum.Count(len(ids), "suspension", "suspensions"), d) {
		return
	}
	for n, id := range ids {
		if err := h.d.Rules.Lift(ctx, rulesActor(r, s), id); err != nil {
			if n > 0 {
				err = fmt.Errorf("%d of %d lifted: %w", n, len(ids), err)
			}
			h.fail(w, r, &s, err)
			return
		}
	}
	back(w, r, "/admin/suspensions", "levees")
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
