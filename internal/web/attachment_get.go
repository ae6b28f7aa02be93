package web

import (
	"net/http"
	"net/url"
	"strconv"

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
		if pdfPreviewable(at.ContentType, at.Size) {
			servePDFPreview(w, at.Name, data)
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

// maxPDFPreview bounds the PDFs shown in the page: a bigger one is only
// offered as a download, so that opening a message stays light.
const maxPDFPreview = 5 << 20

// pdfPreviewable reports whether an attachment is shown in the message as
// a PDF: only the detected type the screen let through, never what the
// sender's file name claims.
func pdfPreviewable(contentType string, size int64) bool {
	return contentType == "application/pdf" && size <= maxPDFPreview
}

// servePDFPreview sends a PDF for the <iframe sandbox> of the message page:
// inline, in a sandbox of its own (no script, no form, no same-origin
// access even if the browser runs the file's JavaScript), framable only by
// Bouclier's own pages.
func servePDFPreview(w http.ResponseWriter, name string, data []byte) {
	hd := w.Header()
	hd.Set("Content-Type", "application/pdf")
	hd.Set("Content-Disposition", "inline; filename*=UTF-8''"+url.PathEscape(name))
	hd.Set("Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'self'")
	hd.Set("X-Frame-Options", "SAMEORIGIN")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Cache-Control", "private, no-store")
	hd.Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
}
