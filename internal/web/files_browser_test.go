package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserFileFieldInFrench: the attachment field reads French in an
// English or headless Chromium (« Joindre des fichiers », « Aucun fichier
// choisi. », then the names chosen), not « Choose files / No file
// chosen »; the native field stays keyboard-reachable with a visible
// focus on the button, passes axe, and the files it holds are sent. The
// field is the browser's own without JavaScript.
func TestBrowserFileFieldInFrench(t *testing.T) {
	e := startE2E(t)
	dir := t.TempDir()
	var paths []string
	for _, n := range []string{"autorisation.pdf", "plan d’accès.pdf"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte(minimalPDF), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	ctx := e.tab(t)
	e.login(ctx, "prof.martin", false)
	e.do(ctx, chromedp.Navigate(e.url+"/compose?to=user:parent.dupont"), chromedp.WaitVisible(chromedp.CSS(".file-button")))
	if got := text(t, ctx, ".file-button"); got != "Joindre des fichiers" {
		t.Errorf("button %q", got)
	}
	if got := text(t, ctx, ".file-names"); got != "Aucun fichier choisi." {
		t.Errorf("before choosing: %q", got)
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("#files").getBoundingClientRect().width`))
	if err != nil || width > 1 {
		t.Errorf("the native field is shown (%v px, %v)", width, err)
	}
	// From the text, Tab reaches the field; the button shows the focus.
	e.do(ctx, chromedp.Focus(chromedp.CSS("#body")), chromedp.KeyEvent(kb.Tab))
	focus, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id + " " + getComputedStyle(document.querySelector(".file-button")).outlineStyle`))
	if err != nil || focus != "files solid" {
		t.Errorf("after Tab from the text: %q, %v", focus, err)
	}
	e.do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#files"), paths), chromedp.WaitVisible(chromedp.CSS(".file-names")))
	if got := text(t, ctx, ".file-names"); got != "2\u00a0fichiers choisis\u202f: autorisation.pdf, plan d’accès.pdf" {
		t.Errorf("after choosing: %q", got)
	}
	e.shoot(ctx, "compose-files")
	e.axe(ctx, "compose with files chosen")
	e.do(ctx, chromedp.SendKeys(chromedp.CSS("#subject"), "Sortie au musée"), chromedp.SendKeys(chromedp.CSS("#body"), "Les documents sont joints."))
	e.submit(ctx, "#subject")
	if got := text(t, ctx, "main"); !strings.Contains(got, "autorisation.pdf") || !strings.Contains(got, "plan d’accès.pdf") {
		t.Errorf("the files were not sent: %q", got)
	}

	// Without JavaScript: the browser's own field, nothing added.
	bare := e.tab(t)
	e.login(bare, "parent.dupont", false)
	noScript := func(c context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(c, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	}
	e.do(bare, noScript, chromedp.Navigate(e.url+"/compose"), chromedp.WaitVisible(chromedp.CSS("#files")))
	n, err := chromedp.Run(bare, chromedp.Evaluate[int](`document.querySelectorAll(".file-button").length`))
	if err != nil || n != 0 {
		t.Errorf("without JavaScript: %d buttons, %v", n, err)
	}
}
