package web_test

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bouclier/bouclier/internal/auth"
)

// TestBrowserTOTPEnrolmentByQRCode: a parent starts the second factor's
// setup in Chromium; the QR code, as the browser decoded it (drawn on a
// canvas), decodes to an otpauth key; a wrong code keeps the same
// key on the page; the code made from the decoded key activates the factor.
func TestBrowserTOTPEnrolmentByQRCode(t *testing.T) {
	e := startE2E(t)
	// As in TestTOTPEnrolmentByQRCode: the account is first used from the
	// family's usual computer (another browser context), as the setup
	// from an account's very first session asks for a step-up.
	e.login(e.tab(t), "parent.durand", false)
	tab := e.tab(t)
	e.login(tab, "parent.durand", false)
	e.do(tab, chromedp.Navigate(e.url+"/account"), chromedp.WaitVisible(chromedp.CSS(`form[action="/account/totp"] button`)))
	e.submit(tab, `form[action="/account/totp"] button`)
	e.do(tab, chromedp.WaitVisible(chromedp.CSS("#totp-qr")))
	// The image as the browser decoded it, drawn on a canvas with a white
	// margin (a scanner's quiet zone).
	dataURL, err := chromedp.Run(tab, chromedp.Evaluate[string](`(() => {
		const img = document.getElementById("totp-qr"), m = 32;
		const c = document.createElement("canvas");
		c.width = img.naturalWidth + 2 * m; c.height = img.naturalHeight + 2 * m;
		const g = c.getContext("2d");
		g.fillStyle = "#fff"; g.fillRect(0, 0, c.width, c.height);
		g.drawImage(img, m, m);
		return c.toDataURL("image/png");
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(dataURL, "data:image/png;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	secret := qrSecret(t, shot)
	e.shoot(tab, "totp-qr")
	e.axe(tab, "second factor's setup")

	e.do(tab, chromedp.SendKeys(chromedp.CSS("#code"), "000000"))
	e.submit(tab, "#code")
	if got := text(t, tab, "main"); !strings.Contains(got, "La clé reste la même") || !strings.Contains(strings.ReplaceAll(got, " ", ""), secret) {
		t.Fatalf("after a wrong code the key is gone: %q", got)
	}
	code, err := auth.TOTPCode(secret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	e.do(tab, chromedp.Clear(chromedp.CSS("#code")), chromedp.SendKeys(chromedp.CSS("#code"), code))
	e.submit(tab, "#code")
	if got := text(t, tab, "main"); !strings.Contains(got, "activée") {
		t.Fatalf("after the right code: %q", got)
	}
}
