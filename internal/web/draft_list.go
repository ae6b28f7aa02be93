package web

import (
	"net/http"

	"github.com/bouclier/bouclier/internal/auth"
)

func (h *handler) draftList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	drafts, err := h.d.Messaging.Drafts(r.Context(), s.User)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(r.Context(), &s, "Brouillons", "drafts")
	p.Data = drafts
	h.render(w, http.StatusOK, "drafts", p)
}
