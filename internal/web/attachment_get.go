package web

import (
	"net/http"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/httpx"
)

// attachmentGet sends an attachment as a download with its detected type,
// never rendered in the page's origin (api.ServeAttachment sets
// Content-Disposition: attachment and a sandboxing CSP).
func (h *handler) attachmentGet(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	at, data, err := h.d.Messaging.Attachment(r.Context(), s.User, id)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if r.URL.Query().Get("apercu") == "1" {
		httpx.ServePreview(w, at.Name, at.ContentType, data)
		return
	}
	httpx.ServeAttachment(w, at.Name, at.ContentType, data)
}
