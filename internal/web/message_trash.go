package web

import (
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
)

// messageTrash moves a received message to the trash, or back.
func (h *handler) messageTrash(trashed bool) authedFunc {
	return func(w http.ResponseWriter, r *http.Request, s auth.Session) {
		id, err := pathID(r)
		if err == nil {
			err = h.d.Messaging.Trash(r.Context(), s.User, id, trashed)
		}
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		if trashed {
			http.Redirect(w, r, "/inbox?ok=trashed", http.StatusSeeOther)
			return
		}
		http.Redirect(w, r, "/trash?ok=restored", http.StatusSeeOther)
	}
}

// pathID parses the {id} path value.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, bouclier.Errorf(bouclier.ErrNotFound, "Cette page n’existe pas.")
	}
	return id, nil
}
