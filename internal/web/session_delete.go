package web

import (
	"net/http"

	"github.com/bouclier/bouclier/internal/auth"
)

func (h *handler) logout(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if err := h.d.Auth.Logout(r.Context(), s, clientOf(r)); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	h.clearCookie(w, h.cookie)
	http.Redirect(w, r, h.ssoLogoutURL(w, r), http.StatusSeeOther)
}
