package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// Legal holds on an account (issue 16): its data is kept past retention
// for a complaint, the police or a court, until released. The retention
// service checks the actor's authority and freshness.

type holdsPage struct {
	User  bouclier.User
	Holds []store.LegalHold
}

func noHolds() error {
	return bouclier.Errorf(bouclier.ErrInternal, "La conservation des preuves n’est pas disponible sur ce serveur.")
}

// holdList shows an account's holds and the form to place one
// (Holds.OfAccount).
func (h *handler) holdList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Holds == nil {
		h.fail(w, r, &s, noHolds())
		return
	}
	name := strings.TrimSpace(r.URL.Query().Get("nom"))
	if name == "" {
		// The holds are an account's: without one, find it first rather
		// than read « Compte inconnu » on a page « introuvable ».
		http.Redirect(w, r, "/admin/accounts", http.StatusSeeOther)
		return
	}
	u, list, err := h.d.Holds.OfAccount(r.Context(), actorOf(r, s), name)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(r.Context(), &s, "Conservation des preuves", "admin")
	switch r.URL.Query().Get("ok") {
	case "place":
		p.Flash = "Conservation enregistrée\u00a0: les données du compte sont gardées au-delà des durées habituelles jusqu’à sa levée. L’action est enregistrée dans le journal d’audit."
	case "release":
		p.Flash = "Conservation levée\u00a0: les durées de conservation habituelles s’appliquent de nouveau. L’action est enregistrée dans le journal d’audit."
	}
	p.Data = holdsPage{User: u, Holds: list}
	h.render(w, http.StatusOK, "holds", p)
}

// holdCreate places a hold on an account (Holds.PlaceOnAccount).
func (h *handler) holdCreate(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Holds == nil {
		h.fail(w, r, &s, noHolds())
		return
	}
	name := strings.TrimSpace(r.PostFormValue("nom"))
	if strings.TrimSpace(r.PostFormValue("motif")) == "" {
		// The account's page again, the reason asked for by its field.
		u, list, err := h.d.Holds.OfAccount(r.Context(), actorOf(r, s), name)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		p := h.newPage(r.Context(), &s, "Conservation des preuves", "admin")
		p.fieldError("motif", "Indiquez le motif de la conservation\u00a0: il figure au journal d’audit.")
		p.Data = holdsPage{User: u, Holds: list}
		h.render(w, http.StatusUnprocessableEntity, "holds", p)
		return
	}
	if _, err := h.d.Holds.PlaceOnAccount(r.Context(), actorOf(r, s), name, r.PostFormValue("motif")); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/admin/holds?nom="+url.QueryEscape(name)+"&ok=place", http.StatusSeeOther)
}

// holdRelease releases a hold (Holds.Release).
func (h *handler) holdRelease(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Holds == nil {
		h.fail(w, r, &s, noHolds())
		return
	}
	id, err := pathID(r)
	if err == nil {
		err = h.d.Holds.Release(r.Context(), actorOf(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/admin/holds?nom="+url.QueryEscape(strings.TrimSpace(r.PostFormValue("nom")))+"&ok=release", http.StatusSeeOther)
}
