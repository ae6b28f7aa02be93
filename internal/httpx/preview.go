package httpx

import (
	"net/http"
	"net/url"
	"strconv"
)

// Previewable lists the raster image types a page may show inline. SVG
// is not among them: it can carry script.
var Previewable = map[string]bool{"image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true}

// ServePreview sends a raster image for an <img> on the page: inline, with
// the same sandboxing policy and nosniff as a download. Other types are
// sent as downloads.
func ServePreview(w http.ResponseWriter, name, contentType string, data []byte) {
	if !Previewable[contentType] {
		ServeAttachment(w, name, contentType, data)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", "inline; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
}
