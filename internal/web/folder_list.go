package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

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
	Older   string // link to the older page, if any
	Newer   string // link to the newer page, if any
	// The search: words, unread only, with attachments only.
	Query               string
	OnlyUnread, WithAtt bool
	Searching           bool
	// Recalled counts the messages the administration withdrew from this
	// mailbox: they are gone, and the user is told so.
	Recalled int
	// Rows is the list of messages, built by folderRows.
	Rows template.HTML
}

// flashes are the confirmations a redirect may ask for; only these keys
// are read, so no text from the URL reaches the page.
var flashes = map[string]string{
	"trashed":  "Le message a été placé dans la corbeille.",
	"restored": "Le message a été remis dans la boîte de réception.",
	"aucun":    "Aucun message sélectionné.",
}

// bulkDone says what a selection did, in the singular and the plural.
var bulkDone = map[string][2]string{
	"lus":       {"message marqué comme lu", "messages marqués comme lus"},
	"supprimes": {"message placé dans la corbeille", "messages placés dans la corbeille"},
	"restaures": {"message remis dans la boîte de réception", "messages remis dans la boîte de réception"},
}

// bulkFlash is the confirmation of a selection's action, with its count.
func bulkFlash(key, n string) string {
	forms, ok := bulkDone[key]
	c, err := strconv.Atoi(n)
	if !ok || err != nil || c < 0 {
		return ""
	}
	if c <= 1 {
		return strconv.Itoa(c) + "\u00a0" + forms[0] + "."
	}
	return strconv.Itoa(c) + "\u00a0" + forms[1] + "."
}

var folderTitles = map[store.Folder]string{
	store.FolderInbox: "Boîte de réception",
	store.FolderSent:  "Messages envoyés",
	store.FolderTrash: "Corbeille",
}

func (h *handler) folderList(f store.Folder) authedFunc {
	return func(w http.ResponseWriter, r *http.Request, s auth.Session) {
		q := r.URL.Query()
		var before, after int64
		for _, x := range []struct {
			key string
			v   *int64
		}{{"avant", &before}, {"apres", &after}} {
			if v := q.Get(x.key); v != "" {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || n <= 0 {
					h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Adresse de page invalide."))
					return
				}
				*x.v = n
			}
		}
		fl := store.FolderFilter{Query: strings.TrimSpace(q.Get("q")), Unread: q.Get("nonlus") != "", Attachments: q.Get("pj") != "", Summary: true}
		if len([]rune(fl.Query)) > 100 {
			fl.Query = string([]rune(fl.Query)[:100])
		}
		entries, err := h.d.Messaging.Search(r.Context(), s.User, f, fl, before, after, pageSize)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		p := h.newPage(r.Context(), &s, folderTitles[f], string(f))
		p.Flash = flashes[r.URL.Query().Get("ok")]
		if p.Flash == "" {
			p.Flash = bulkFlash(r.URL.Query().Get("ok"), r.URL.Query().Get("n"))
		}
		d := folderData{Folder: f, Entries: entries, Query: fl.Query, OnlyUnread: fl.Unread, WithAtt: fl.Attachments,
			Searching: fl.Query != "" || fl.Unread || fl.Attachments}
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
		page := func(key string, id int64) string {
			v := url.Values{key: {strconv.FormatInt(id, 10)}}
			if fl.Query != "" {
				v.Set("q", fl.Query)
			}
			if fl.Unread {
				v.Set("nonlus", "1")
			}
			if fl.Attachments {
				v.Set("pj", "1")
			}
			return "/" + string(f) + "?" + v.Encode()
		}
		if len(entries) > 0 && (len(entries) == pageSize || after > 0) {
			d.Older = page("avant", entries[len(entries)-1].ID)
		}
		if len(entries) > 0 && (before > 0 || (after > 0 && len(entries) == pageSize)) {
			d.Newer = page("apres", entries[0].ID)
		}
		var senders []bouclier.User
		for i := range entries {
			senders = addSender(senders, &entries[i].Message)
		}
		h.describeUsers(r.Context(), p, senders)
		d.Rows = p.folderRows(f, entries, f != store.FolderSent)
		p.Data = d
		h.render(w, http.StatusOK, "folder", p)
	}
}
