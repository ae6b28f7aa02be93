package web

import (
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// pageSize is the number of messages on one page of a folder.
const pageSize = 50

type folderData struct {
	Folder  store.Folder
	Entries []store.Entry
	Unread  int    // on this page
	Older   string // link to the next page, if any
	// Recalled counts the messages the administration withdrew from this
	// mailbox: they are gone, and the user is told so.
	Recalled int
}

// flashes are the confirmations a redirect may ask for; only these keys
// are read, so no text from the URL reaches the page.
var flashes = map[string]string{
	"trashed":  "Le message a été placé dans la corbeille.",
	"restored": "Le message a été remis dans la boîte de réception.",
}

var folderTitles = map[store.Folder]string{
	store.FolderInbox: "Boîte de réception",
	store.FolderSent:  "Messages envoyés",
	store.FolderTrash: "Corbeille",
}

func (h *handler) folderList(f store.Folder) authedFunc {
	return func(w http.ResponseWriter, r *http.Request, s auth.Session) {
		var before int64
		if v := r.URL.Query().Get("avant"); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Adresse de page invalide."))
				return
			}
			before = n
		}
		entries, err := h.d.Messaging.Folder(r.Context(), s.User, f, before, pageSize)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		p := h.newPage(r.Context(), &s, folderTitles[f], string(f))
		p.Flash = flashes[r.URL.Query().Get("ok")]
		d := folderData{Folder: f, Entries: entries}
		for _, e := range entries {
			if !e.Read {
				d.Unread++
			}
		}
		if f == store.FolderInbox && p.Unread < 0 && before == 0 {
			p.Unread = d.Unread // without the service's count, the first page's
		}
		if f == store.FolderInbox && before == 0 && h.d.DB != nil {
			n, err := h.d.DB.RecalledCount(r.Context(), s.User.ID)
			if err != nil {
				h.fail(w, r, &s, err)
				return
			}
			d.Recalled = n
		}
		if len(entries) == pageSize {
			d.Older = "/" + string(f) + "?avant=" + strconv.FormatInt(entries[len(entries)-1].ID, 10)
		}
		p.Data = d
		h.render(w, http.StatusOK, "folder", p)
	}
}
