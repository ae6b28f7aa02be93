package web

import (
	"net/http"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
)

// adminShow is the administration home for heads and administrators. It
// lists only what exists; the rules, suspensions, moderation queue,
// incidents and dashboard pages come with the services behind them.
func (h *handler) adminShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if !isAdmin(s.User.Role) {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrForbidden,
			"Cette page est réservée aux chefs d'établissement et aux administrateurs."))
		return
	}
	p := h.newPage(r.Context(), &s, "Administration", "admin")
	p.Data = scopeLabel(s.User.Scope())
	h.render(w, http.StatusOK, "admin", p)
}

// scopeLabel names an administrative scope in French.
func scopeLabel(scope string) string {
	kind, id, _ := strings.Cut(scope, ":")
	switch kind {
	case "establishment":
		return "établissement " + id
	case "academie":
		return "académie " + id
	}
	return "national"
}
