package web

import (
	"net/http"
)

// legalPage serves one of the pages the footer links to. They are public:
// a visitor must be able to read the accessibility statement and the legal
// notice before signing in. With a session, the page keeps the navigation.
func (h *handler) legalPage(name, title string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var p *page
		if s, err := h.session(r); err == nil {
			p = h.newPage(r.Context(), &s, title, "")
		} else {
			p = h.newPage(r.Context(), nil, title, "")
		}
		p.Data = h.d.PublicURL
		h.render(w, http.StatusOK, name, p)
	}
}
