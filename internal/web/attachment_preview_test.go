package web_test

import (
	"bytes"
	"fmt"
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

	"github.com/bouclier/bouclier/internal/pdftest"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/chromedp/chromedp"
)

// TestAttachmentPreview shows a raster image inline and a PDF's first page
// rendered on the server as a PNG (the file itself is never served
// inline), with its page count, and never anything else: a text asked as
// a preview is still a download. A PDF that cannot be rendered never
// fails the page: « Aperçu indisponible » and the download link (a PDF
// with a script is refused by the screen before; pdfpreview's own tests
// render one without running it). Another user gets none of it.
func TestAttachmentPreview(t *testing.T) {
	e, srv := env(t)
	buf := testPNG(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	p := prof.send([]string{"user:parent.dupont"}, "Photos de la sortie", "Ci-joint.",
		file{"photo.png", buf.String()}, file{"notes.txt", "Départ 8 h 30.\n"}, file{"programme.pdf", string(testPDF(2, ""))},
		file{"casse.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage\x00\xff"})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	msg := strings.TrimSuffix(p.Header.Get("Location"), "?envoye=1")
	parent := newBrowser(t, srv)
	parent.login("parent.dupont", "")
	p = parent.get(msg)
	if p.Status != http.StatusOK {
		t.Fatalf("message page: %d\n%s", p.Status, p.Body)
	}
	imgs := regexp.MustCompile(`<img class="preview" src="(/attachments/\d+)\?apercu=1" alt="Aperçu de photo.png"`).FindStringSubmatch(p.Body)
	if imgs == nil || strings.Count(p.Body, `class="preview"`) != 1 {
		t.Fatalf("one image preview expected, for the image:\n%s", p.Body)
	}
	if strings.Contains(p.Body, "<iframe") || strings.Contains(p.Body, "<embed") || strings.Contains(p.Body, "<object") {
		t.Errorf("a PDF is given to the browser to open:\n%s", p.Body)
	}
	pdfPage := regexp.MustCompile(`<img class="preview pdf" src="(/attachments/\d+)\?apercu=1" alt="Aperçu de la première page de programme.pdf"`).FindStringSubmatch(p.Body)
	if pdfPage == nil {
		t.Fatalf("no first page for the PDF:\n%s", p.Body)
	}
	for _, name := range []string{"programme.pdf", "casse.pdf"} {
		if !regexp.MustCompile(`href="/attachments/\d+" download>` + name + `<`).MatchString(p.Body) {
			t.Errorf("the download link of %s is gone:\n%s", name, p.Body)
		}
	}
	// The first preview waits for PDFium's compilation, in a child (minutes
	// under the race detector on a loaded machine): « en préparation »
	// until then.
	a := parent.get(pdfPage[1] + "?apercu=1")
	for deadline := time.Now().Add(4 * time.Minute); a.Status == http.StatusServiceUnavailable && time.Now().Before(deadline); {
		time.Sleep(time.Second)
		a = parent.get(pdfPage[1] + "?apercu=1")
	}
	if a.Status != http.StatusOK || a.Header.Get("Content-Type") != "image/png" || a.Header.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.Contains(a.Header.Get("Content-Security-Policy"), "sandbox") {
		t.Fatalf("PDF preview: %d %v %.200q", a.Status, a.Header, a.Body)
	}
	if img, err := png.Decode(strings.NewReader(a.Body)); err != nil || img.Bounds().Dx() < 100 || img.Bounds().Dy() < 100 {
		t.Fatalf("PDF preview is no page image: %v", err)
	}
	if a := parent.get(pdfPage[1]); !strings.HasPrefix(a.Header.Get("Content-Disposition"), "attachment") || a.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("the PDF's download is framable or inline: %v", a.Header)
	}
	// The broken file's render (queued behind the first, in a child of its
	// own) fails: no image.
	broken := regexp.MustCompile(`href="(/attachments/\d+)" download>casse.pdf<`).FindStringSubmatch(p.Body)
	a = parent.get(broken[1] + "?apercu=1")
	for deadline := time.Now().Add(2 * time.Minute); a.Status == http.StatusServiceUnavailable && time.Now().Before(deadline); {
		time.Sleep(time.Second)
		a = parent.get(broken[1] + "?apercu=1")
	}
	if a.Status != http.StatusUnprocessableEntity || strings.Contains(a.Header.Get("Content-Type"), "pdf") ||
		strings.Contains(a.Body, "%PDF") {
		t.Errorf("the broken PDF's preview: %d %v", a.Status, a.Header)
	}
	// Rendered once: the page now says how many pages it has, and the
	// broken file has no image.
	p = parent.get(msg)
	if !strings.Contains(p.Body, "(document PDF, 2&nbsp;pages, ") {
		t.Errorf("no page count:\n%s", p.Body)
	}
	if !regexp.MustCompile(`Aperçu indisponible</p>\s*<a href="/attachments/\d+" download>casse.pdf<`).MatchString(p.Body) {
		t.Errorf("the broken PDF is not said unavailable:\n%s", p.Body)
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
	for _, u := range []string{imgs[1] + "?apercu=1", pdfPage[1] + "?apercu=1", pdfPage[1]} {
		if o := other.get(u); o.Status != http.StatusNotFound || strings.Contains(o.Body, "%PDF") || strings.Contains(o.Body, "PNG") {
			t.Errorf("stranger's %s: %d", u, o.Status)
		}
	}
}

// testPDF is a PDF of pages A4 pages, each with a dark band and « Programme
// de la sortie », with a correct cross-reference table; catalog adds to
// its catalog (a script run on opening).
func testPDF(pages int, catalog string) []byte {
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 3+2*i)
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R " + catalog + " >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages)}
	for i := range pages {
		content := fmt.Sprintf("0 0 0.57 rg 0 700 600 60 re f BT /F1 28 Tf 72 600 Td (Programme de la sortie, page %d) Tj ET", i+1)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", 4+2*i, 3+2*pages),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	return pdftest.Build("1.4", objs...)
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
// the browser) and the PDF's first page as an image the browser decodes
// (naturalWidth > 0), download links kept, and passes axe. The server
// waits 1 ms for a render: the first image answers 503 « en préparation »
// and the page must ask again (app.js) until it gets the page.
func TestBrowserAttachmentPreview(t *testing.T) {
	e := startE2EOpts(t, 5*time.Minute, server.Options{PDFWait: time.Millisecond})
	dir := t.TempDir()
	photo, prog := filepath.Join(dir, "photo.png"), filepath.Join(dir, "programme.pdf")
	if err := os.WriteFile(photo, testPNG(t).Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(prog, testPDF(2, ""), 0o600); err != nil {
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
	// The PDF's first page, rendered on the server, is decoded by the
	// browser (it may take the first render's compilation).
	var page []int
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		// « Aperçu indisponible » in its place (app.js) ends the wait.
		page, _ = chromedp.Run(parent, chromedp.Evaluate[[]int](`(() => { const i = document.querySelector("img.preview.pdf");
			if (!i) { return document.querySelector(".preview-none") ? [-1, -1] : [0, 0]; }
			return i.complete ? [i.naturalWidth, i.naturalHeight] : [0, 0]; })()`))
		if len(page) == 2 && page[0] != 0 {
			break
		}
	}
	if len(page) != 2 || page[0] < 100 || page[1] <= page[0] {
		t.Fatalf("the PDF's first page was not shown: %v", page)
	}
	if n, err := chromedp.Run(parent, chromedp.Evaluate[int](`document.querySelectorAll("iframe, embed, object").length`)); err != nil || n != 0 {
		t.Fatalf("the PDF is given to the browser to open: %d %v", n, err)
	}
	links, err := chromedp.Run(parent, chromedp.Evaluate[int](`document.querySelectorAll(".files a[download]").length`))
	if err != nil || links != 2 {
		t.Fatalf("download links: %d %v", links, err)
	}
	e.shoot(parent, "message-preview")
	e.axe(parent, "message with previews")
}

// minimalPDF is a one-page PDF saying « Programme de la sortie ».
var minimalPDF = string(testPDF(1, ""))
