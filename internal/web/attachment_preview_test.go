package web_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestAttachmentPreview shows a raster image inline, sandboxed, and never
// anything else: a PDF or a text asked as a preview is still a download.
func TestAttachmentPreview(t *testing.T) {
	e, srv := env(t)
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{0, 0, 145, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Photos de la sortie", "Ci-joint.",
		file{"photo.png", buf.String()}, file{"notes.txt", "Départ 8 h 30.\n"})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get(strings.TrimSuffix(p.Header.Get("Location"), "?envoye=1"))
	imgs := regexp.MustCompile(`<img class="preview" src="(/attachments/\d+)\?apercu=1" alt="Aperçu de photo.png"`).FindStringSubmatch(p.Body)
	if imgs == nil || strings.Count(p.Body, `class="preview"`) != 1 {
		t.Fatalf("one preview expected, for the image:\n%s", p.Body)
	}
	if !strings.Contains(p.Body, "(image PNG,") || !strings.Contains(p.Body, "(texte,") {
		t.Errorf("file kinds not named in French:\n%s", p.Body)
	}
	a := parent.get(imgs[1] + "?apercu=1")
	if a.Status != http.StatusOK || a.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(a.Header.Get("Content-Disposition"), "inline") ||
		!strings.Contains(a.Header.Get("Content-Security-Policy"), "sandbox") || a.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("preview: %d %v", a.Status, a.Header)
	}
	txt := regexp.MustCompile(`href="(/attachments/\d+)"[^>]*>notes.txt<`).FindStringSubmatch(p.Body)
	if txt == nil {
		t.Fatalf("no link to notes.txt:\n%s", p.Body)
	}
	if a := parent.get(txt[1] + "?apercu=1"); !strings.HasPrefix(a.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("a text asked as a preview is served inline: %v", a.Header)
	}
	other := newBrowser(t, srv)
	other.login("parent.hugo", "")
	if o := other.get(imgs[1] + "?apercu=1"); o.Status != http.StatusNotFound {
		t.Errorf("stranger's preview: %d", o.Status)
	}
}
