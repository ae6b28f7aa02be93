package web_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAttachmentPreview shows a raster image inline and a PDF in an
// <iframe sandbox>, each served inline in a sandbox of its own, and never
// anything else: a text asked as a preview is still a download. Another
// user gets neither.
func TestAttachmentPreview(t *testing.T) {
	e, srv := env(t)
	buf := testPNG(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Photos de la sortie", "Ci-joint.",
		file{"photo.png", buf.String()}, file{"notes.txt", "Départ 8 h 30.\n"}, file{"programme.pdf", minimalPDF})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get(strings.TrimSuffix(p.Header.Get("Location"), "?envoye=1"))
	imgs := regexp.MustCompile(`<img class="preview" src="(/attachments/\d+)\?apercu=1" alt="Aperçu de photo.png"`).FindStringSubmatch(p.Body)
	if imgs == nil || strings.Count(p.Body, `class="preview"`) != 1 {
		t.Fatalf("one image preview expected, for the image:\n%s", p.Body)
	}
	pdf := regexp.MustCompile(`<iframe class="preview pdf" sandbox src="(/attachments/\d+)\?apercu=1" title="Aperçu de programme.pdf"`).FindStringSubmatch(p.Body)
	if pdf == nil || strings.Count(p.Body, "<iframe") != 1 {
		t.Fatalf("one sandboxed frame expected, for the PDF:\n%s", p.Body)
	}
	if !regexp.MustCompile(`href="` + pdf[1] + `" download>programme.pdf<`).MatchString(p.Body) {
		t.Errorf("the PDF's download link is gone:\n%s", p.Body)
	}
	a := parent.get(pdf[1] + "?apercu=1")
	if a.Status != http.StatusOK || a.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(a.Header.Get("Content-Disposition"), "inline") ||
		!strings.Contains(a.Header.Get("Content-Security-Policy"), "sandbox") || !strings.Contains(a.Header.Get("Content-Security-Policy"), "frame-ancestors 'self'") ||
		a.Header.Get("X-Frame-Options") != "SAMEORIGIN" || a.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("PDF preview: %d %v", a.Status, a.Header)
	}
	if a := parent.get(pdf[1]); !strings.HasPrefix(a.Header.Get("Content-Disposition"), "attachment") || a.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("the PDF's download is framable or inline: %v", a.Header)
	}
	if !strings.Contains(p.Body, "(image PNG,") || !strings.Contains(p.Body, "(texte,") {
		t.Errorf("file kinds not named in French:\n%s", p.Body)
	}
	a = parent.get(imgs[1] + "?apercu=1")
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
	for _, u := range []string{imgs[1] + "?apercu=1", pdf[1] + "?apercu=1", pdf[1]} {
		if o := other.get(u); o.Status != http.StatusNotFound || strings.Contains(o.Body, "%PDF") {
			t.Errorf("stranger's %s: %d", u, o.Status)
		}
	}
}

// testPNG is a small image with a blue diagonal.
func testPNG(t *testing.T) *bytes.Buffer {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range 48 {
		img.Set(i, i, color.RGBA{0, 0, 145, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return &buf
}

// TestBrowserAttachmentPreview: a teacher attaches an image and a PDF in
// the compose form; the parent's message page shows the image (decoded by
// the browser) and the PDF's sandboxed frame, download links kept, and
// passes axe.
func TestBrowserAttachmentPreview(t *testing.T) {
	e := startE2E(t)
	dir := t.TempDir()
	photo, prog := filepath.Join(dir, "photo.png"), filepath.Join(dir, "programme.pdf")
	if err := os.WriteFile(photo, testPNG(t).Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(prog, []byte(minimalPDF), 0o600); err != nil {
		t.Fatal(err)
	}
	prof := e.tab(t)
	e.login(prof, "prof.martin", false)
	e.do(prof, chromedp.Navigate(e.url+"/compose?to=user:parent.dupont"), chromedp.WaitVisible(chromedp.CSS("#subject")),
		chromedp.SendKeys(chromedp.CSS("#subject"), "Photos de la sortie"),
		chromedp.SendKeys(chromedp.CSS("#body"), "Ci-joint la photo et le programme."),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{photo, prog}))
	e.submit(prof, "#subject")
	if got := text(t, prof, ".flash"); !strings.Contains(got, "Message envoyé") {
		t.Fatalf("after sending: %q", got)
	}

	parent := e.tab(t)
	e.login(parent, "parent.dupont", false)
	e.do(parent, chromedp.Click(chromedp.CSS(".messages a")), chromedp.WaitVisible(chromedp.CSS("img.preview")))
	var shown bool
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && !shown; time.Sleep(100 * time.Millisecond) {
		shown, _ = chromedp.Run(parent, chromedp.Evaluate[bool](`(() => { const i = document.querySelector("img.preview"); return i.complete && i.naturalWidth === 64 && i.naturalHeight === 48; })()`))
	}
	if !shown {
		t.Fatal("the image preview was not decoded by the browser")
	}
	frame, err := chromedp.Run(parent, chromedp.Evaluate[string](`(() => { const f = document.querySelector("iframe.preview.pdf"); return f ? f.getAttribute("sandbox") + "|" + f.title : "none"; })()`))
	if err != nil || frame != "|Aperçu de programme.pdf" {
		t.Fatalf("PDF frame: %q %v", frame, err)
	}
	links, err := chromedp.Run(parent, chromedp.Evaluate[int](`document.querySelectorAll(".files a[download]").length`))
	if err != nil || links != 2 {
		t.Fatalf("download links: %d %v", links, err)
	}
	e.shoot(parent, "message-preview")
	e.axe(parent, "message with previews")
}

// minimalPDF is a one-page PDF saying « Programme de la sortie ».
const minimalPDF = "%PDF-1.4\n" +
	"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
	"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
	"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n" +
	"4 0 obj << /Length 52 >> stream\nBT /F1 18 Tf 20 70 Td (Programme de la sortie) Tj ET\nendstream endobj\n" +
	"5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n" +
	"trailer << /Root 1 0 R >>\n%%EOF\n"
