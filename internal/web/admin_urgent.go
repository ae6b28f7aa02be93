package web

import (
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/auth"
)

// urgentList is the académie's view of emergency-override sends: the
// audit entries "message.urgent" of the scopes the user administers
// (audit.List), newest first, 100 a page.
func (h *handler) urgentList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.DB == nil || h.d.Directory == nil {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrNotFound, "Le journal n’est pas disponible sur ce serveur."))
		return
	}
	var before int64
	if v := r.URL.Query().Get("avant"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Page invalide."))
			return
		}
		before = n
	}
	const limit = 100
	list, err := h.d.Auth.ReadAudit(r.Context(), actorOf(r, s), "message.urgent", before, limit)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	var next int64
	if len(list) == limit {
		next = list[len(list)-1].Seq
	}
	p := h.newPage(r.Context(), &s, "Envois d’urgence", "admin")
	p.Data = struct {
		List []audit.View
		Next int64
	}{list, next}
	h.render(w, http.StatusOK, "urgent", p)
}
