package web

import (
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/pdfpreview"
	"github.com/bouclier/bouclier/internal/store"
)

// pdfWait is how long a message page waits for its PDFs' first renders to
// say their page counts; past it the images come when ready.
const pdfWait = 1500 * time.Millisecond

// pdfView is a PDF attachment's preview as the message page shows it:
// Failed (« Aperçu indisponible »), or an image, with the page count once
// known.
type pdfView struct {
	Failed bool
	Pages  int
}

// attachmentView is an attachment on the message page.
type attachmentView struct {
	store.Attachment
	PDF *pdfView // for a PDF small enough to preview
}

// attachmentViews describes a message's attachments, rendering a PDF's
// first page if it was not yet, waiting for it until wait ends (pdfWait
// for the whole page). A preview is a courtesy: whatever fails, the
// download link stays.
func (h *handler) attachmentViews(ctx, wait context.Context, u bouclier.User, as []store.Attachment) []attachmentView {
	out := make([]attachmentView, len(as))
	for i, a := range as {
		out[i].Attachment = a
		if !h.pdfPreviewable(a.ContentType, a.Size) {
			continue
		}
		v := &pdfView{}
		out[i].PDF = v
		key := hex.EncodeToString(a.SHA256)
		p, err, ok := h.d.PDF.Cached(key)
		if !ok {
			_, data, derr := h.d.Messaging.Attachment(ctx, u, a.ID)
			if derr != nil {
				v.Failed = true
				continue
			}
			p, err = h.d.PDF.Render(wait, key, data)
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || errors.Is(err, pdfpreview.ErrBusy) {
				continue // not ready: the image arrives when it is
			}
		}
		v.Failed, v.Pages = err != nil, p.Pages
	}
	return out
}

// pdfPreviewWait bounds how long a preview request waits for its render.
const pdfPreviewWait = 5 * time.Second

// servePDFPreview sends a PDF's first page as a PNG rendered on the server
// (pdfpreview): the file itself never reaches the browser to be opened.
// A file that cannot be rendered gets 422 and no image.
func (h *handler) servePDFPreview(w http.ResponseWriter, r *http.Request, at store.Attachment, data []byte) {
	// A render not done within a few seconds (the first of a process
	// waits for PDFium's compilation: seconds, a minute on a loaded
	// machine) goes on without this request, which answers 503: the page
	// asks again (app.js) instead of keeping the reader's page loading.
	wait := h.d.PDFWait
	if wait <= 0 {
		wait = pdfPreviewWait
	}
	ctx, cancel := context.WithTimeout(r.Context(), wait)
	defer cancel()
	p, err := h.d.PDF.Render(ctx, hex.EncodeToString(at.SHA256), data)
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Cache-Control", "private, no-store")
	if err != nil && !errors.Is(err, pdfpreview.ErrUnavailable) {
		// Not ready (the first compilation, a queue): the render goes on
		// and its outcome is kept; asking again later gets it.
		h.d.Log.Warn("pdf preview", "attachment", at.ID, "err", err)
		hd.Set("Content-Type", "text/plain; charset=utf-8")
		hd.Set("Retry-After", "5")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("Aperçu en préparation\n"))
		return
	}
	if err != nil {
		hd.Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = w.Write([]byte("Aperçu indisponible\n"))
		return
	}
	hd.Set("Content-Type", "image/png")
	hd.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	hd.Set("Content-Disposition", "inline")
	hd.Set("Content-Length", strconv.Itoa(len(p.PNG)))
	_, _ = w.Write(p.PNG)
}
