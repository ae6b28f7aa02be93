package api

import (
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
)

func (a *API) auditList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, before := 100, int64(0)
	if s := q.Get("limit"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 || v > 500 {
			a.writeError(w, r, bouclier.Errorf(bouclier.ErrInvalidRequest, "Paramètre limit invalide (1 à 500)."))
			return
		}
		limit = v
	}
	if s := q.Get("before"); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 1 {
			a.writeError(w, r, bouclier.Errorf(bouclier.ErrInvalidRequest, "Paramètre before invalide."))
			return
		}
		before = v
	}
	entries, err := a.svc.Auth.ReadAudit(r.Context(), actorOf(r), q.Get("action"), before, limit)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	if entries == nil {
		entries = []audit.View{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": entries})
}
