package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
)

// A wide action (a national or académie scope, an incident) is done in two
// steps: the form posts to the action, which, without confirm=1, does
// nothing and shows what it would do; the confirmation page posts the same
// values again with confirm=1. The CSRF token is checked on both posts
// (authed), and the service checks the actor on the second as on any call.

// confirmData is the confirmation page.
type confirmData struct {
	Action  string   // where the confirmed form posts
	Summary []string // what will happen, sentence by sentence
	Fields  []confirmField
	Button  string
	Danger  bool
	Cancel  string // back, without acting
	// CancelLabel names that link when it does more than cancel
	// (« Modifier »); « Annuler » otherwise.
	CancelLabel string
}

type confirmField struct{ Name, Value string }

// confirmed reports whether the request carries the confirmation; when it
// does not, it renders the confirmation page re-posting the form's values
// (except the token, which the page adds) and the caller does nothing.
func (h *handler) confirmed(w http.ResponseWriter, r *http.Request, s auth.Session, title string, d confirmData) bool {
	if r.PostFormValue("confirm") == "1" {
		return true
	}
	d.Action = r.URL.Path
	d.Fields = formFields(r.PostForm)
	p := h.newPage(r.Context(), &s, title, "admin")
	p.Data = d
	h.render(w, http.StatusOK, "confirm", p)
	return false
}

// formFields lists a form's values in a stable order, without the token
// and the confirmation itself.
func formFields(form url.Values) []confirmField {
	names := make([]string, 0, len(form))
	for k := range form {
		if k != "csrf" && k != "confirm" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var out []confirmField
	for _, k := range names {
		for _, v := range form[k] {
			out = append(out, confirmField{k, v})
		}
	}
	return out
}

// authority refuses, before any summary is shown, a scope the user does
// not administer: the summary's figures are not for them. The service
// checks again when the action is confirmed.
func (h *handler) authority(ctx context.Context, s auth.Session, scope string) error {
	if h.d.Directory == nil {
		return nil // the service alone decides
	}
	ok, err := h.d.Directory.HasAuthority(ctx, s.User, scope)
	if err != nil {
		return fmt.Errorf("authority over %s: %w", scope, err)
	}
	if !ok {
		return bouclier.Errorf(bouclier.ErrForbidden, "Cette portée dépasse votre périmètre d’administration.")
	}
	return nil
}

// wideScope reports whether a scope reaches beyond one establishment.
func wideScope(scope string) bool {
	return scope == "national" || strings.HasPrefix(scope, "academie:")
}

// scopeReach says how many establishments a wide scope covers, « dans
// 412 établissements », or "" when unknown.
func (h *handler) scopeReach(ctx context.Context, scope string) string {
	if h.d.DB == nil || !wideScope(scope) {
		return ""
	}
	acad := strings.TrimPrefix(scope, "academie:")
	if scope == "national" {
		acad = ""
	}
	es, err := h.d.DB.Establishments(ctx, acad)
	if err != nil {
		h.d.Log.Warn("establishments for a confirmation", "scope", scope, "err", err)
		return ""
	}
	return frnum.Count(len(es), "établissement", "établissements")
}

// where names a scope inside a summary's sentence, with its reach:
// « l’académie de Versailles (2 établissements) », « toutes les
// académies (412 établissements) », « l’établissement Collège Jean Moulin ».
func (h *handler) where(ctx context.Context, scope string) string {
	kind, id, _ := strings.Cut(scope, ":")
	var out string
	switch kind {
	case "national":
		out = "toutes les académies"
	case "academie":
		out = "l’académie " + id
		if name := h.scopeName(ctx, scope); strings.HasPrefix(name, "Académie ") {
			out = "l’académie " + strings.TrimPrefix(name, "Académie ")
		}
	case "establishment":
		out = "l’établissement " + id
		if h.d.DB != nil {
			if es, err := h.d.DB.Establishments(ctx, ""); err == nil {
				for _, e := range es {
					if e.UAI == id && e.Name != "" {
						out = "l’établissement " + e.Name
					}
				}
			}
		}
	default:
		out = scopeLabel(scope)
	}
	if reach := h.scopeReach(ctx, scope); reach != "" {
		out += " (" + reach + ")"
	}
	return out
}

// rolePlurals name the people of a role inside a sentence.
var rolePlurals = map[bouclier.Role]string{
	bouclier.RoleStudent: "les élèves", bouclier.RoleParent: "les parents", bouclier.RoleTeacher: "les enseignants",
	bouclier.RoleStaff: "la vie scolaire", bouclier.RoleHead: "la direction", bouclier.RoleAcademyAdmin: "les personnels d’académie",
	bouclier.RoleNationalAdmin: "l’administration nationale",
}

// rolesPhrase names roles inside a sentence: « les parents et les élèves ».
func rolesPhrase(roles []string) string {
	if len(roles) == 0 {
		return "tous les rôles"
	}
	ls := make([]string, len(roles))
	for i, ro := range roles {
		if ls[i] = rolePlurals[bouclier.Role(ro)]; ls[i] == "" {
			ls[i] = roleName(bouclier.Role(ro))
		}
	}
	if len(ls) == 1 {
		return ls[0]
	}
	return strings.Join(ls[:len(ls)-1], ", ") + " et " + ls[len(ls)-1]
}
