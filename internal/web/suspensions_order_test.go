package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSuspensionsInForceFirst: the suspensions page shows what is in force
// before the form to suspend, with a link down to the form; without any
// suspension, the empty state comes first and no link is needed.
func TestSuspensionsInForceFirst(t *testing.T) {
	e, srv := env(t)
	head := newBrowser(t, srv)
	head.login("principal.moulin", e.OTP(t, 0))
	order := func(body string) (inForce, form int) {
		return strings.Index(body, ">Suspensions en vigueur</h2>"), strings.Index(body, ">Suspendre la messagerie</h2>")
	}
	body := head.get("/admin/suspensions").Body
	if a, b := order(body); a < 0 || b < 0 || a > b || !strings.Contains(body, "Aucune suspension en vigueur.") || strings.Contains(body, `href="#suspendre"`) {
		t.Errorf("empty page: in force at %d, form at %d", a, b)
	}
	if p := head.post("/admin/suspensions", url.Values{"csrf": {head.csrf()}, "scope": {"establishment:0780001A"}, "reason": {"Alerte au collège"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("suspend: %d\n%s", p.Status, p.Body)
	}
	body = head.get("/admin/suspensions").Body
	a, b := order(body)
	listed := strings.LastIndex(body, "Alerte au collège") // the entry's reason, after the page's banner
	if a < 0 || listed < a || b < listed || !strings.Contains(body, `<a href="#suspendre">Nouvelle suspension</a>`) {
		t.Errorf("in force at %d, its entry at %d, form at %d", a, listed, b)
	}
}
