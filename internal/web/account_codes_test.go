package web_test

import (
	"html"
	"strings"
	"testing"
)

// TestRecoveryCodesWarnBeforeReplacing: the account page says, on the
// button that makes new recovery codes, that the old ones stop working
// (one click replaces them, without a confirmation).
func TestRecoveryCodesWarnBeforeReplacing(t *testing.T) {
	e, srv := env(t)
	prof := newBrowser(t, srv)
	prof.login("prof.martin", e.OTP(t, 0))
	body := html.UnescapeString(prof.get("/account").Body)
	if !strings.Contains(body, `<p class="hint" id="codes-aide">En créer de nouveaux rend inutilisables ceux que vous avez déjà notés.</p>`) ||
		!strings.Contains(body, `<button type="submit" aria-describedby="codes-aide">Créer de nouveaux codes de secours</button>`) {
		t.Errorf("the account page does not warn that new codes replace the old ones")
	}
}
