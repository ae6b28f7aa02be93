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
		if h.pdfPreviewable(at.ContentType, at.Size) {
			h.servePDFPreview(w, r, at, data)
			return
		}
		httpx.ServePreview(w, at.Name, at.ContentType, data)
		return
	}
	httpx.ServeAttachment(w, at.Name, at.ContentType, data)
}

// maxImagePreview bounds the images shown inline in a message, for the
// same reason as maxPDFPreview.
const maxImagePreview = 5 << 20

// maxPDFPreview bounds the PDFs whose first page is rendered: a bigger one
// is only offered as a download, so that opening a message stays light.
const maxPDFPreview = 5 << 20

// pdfPreviewable reports whether an attachment is shown in the message as
// a PDF: only the detected type the screen let through, never what the
// sender's file name claims, and only where a renderer was given.
func (h *handler) pdfPreviewable(contentType string, size int64) bool {
	return h.d.PDF != nil && contentType == "application/pdf" && size <= maxPDFPreview
}
