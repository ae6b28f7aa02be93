package web

import (
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
)

// bulkActions are the buttons of a folder's selection form, with where
// each goes back to and what it says.
var bulkActions = map[string]struct {
	action messaging.BulkAction
	back   string
	flash  string
}{
	"lu":        {messaging.BulkRead, "/inbox", "lus"},
	"corbeille": {messaging.BulkTrash, "/inbox", "supprimes"},
	"restaurer": {messaging.BulkRestore, "/trash", "restaures"},
}

// folderBulk applies one action to the messages ticked in a folder.
func (h *handler) folderBulk(w http.ResponseWriter, r *http.Request, s auth.Session) {
	a, ok := bulkActions[r.PostFormValue("action")]
	if !ok {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Action inconnue."))
		return
	}
	var ids []int64
	for _, v := range r.PostForm["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Formulaire invalide."))
			return
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		http.Redirect(w, r, a.back+"?ok=aucun", http.StatusSeeOther)
		return
	}
	n, err := h.d.Messaging.Bulk(r.Context(), s.User, a.action, ids)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, a.back+"?ok="+a.flash+"&n="+strconv.Itoa(n), http.StatusSeeOther)
}
