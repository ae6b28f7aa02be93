package web

import (
	"bytes"
	"net/http"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/privacy"
)

// privacyShow is the « Données personnelles » page: what Bouclier
// processes, why, for how long, who sees what and how to exercise one's
// rights (docs/rgpd.md in short). It is public: a family reads it before
// its first login.
func (h *handler) privacyShow(w http.ResponseWriter, r *http.Request) {
	var sp *auth.Session
	if s, err := h.session(r); err == nil {
		sp = &s
	}
	p := h.newPage(r.Context(), sp, "Données personnelles", "")
	h.render(w, http.StatusOK, "privacy", p)
}

func noPrivacy() error {
	return bouclier.Errorf(bouclier.ErrInternal, "L’export des données n’est pas disponible sur ce serveur.")
}

// accountExport downloads the person's own data (Privacy.ExportOwn); a
// session not freshly checked goes through the step-up page first.
func (h *handler) accountExport(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Privacy == nil {
		h.fail(w, r, &s, noPrivacy())
		return
	}
	var buf bytes.Buffer
	if err := h.d.Privacy.ExportOwn(r.Context(), actorOf(r, s), &buf); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	download(w, "application/zip", privacy.FileName(s.User.Username, h.d.Now()), buf.Bytes())
}

// adminAccountExport downloads a person's data for an administrator
// answering their request (Privacy.ExportFor).
func (h *handler) adminAccountExport(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Privacy == nil {
		h.fail(w, r, &s, noPrivacy())
		return
	}
	name := r.PathValue("name")
	var buf bytes.Buffer
	err := h.d.Privacy.ExportFor(r.Context(), actorOf(r, s), name, &buf)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	download(w, "application/zip", privacy.FileName(name, h.d.Now()), buf.Bytes())
}
