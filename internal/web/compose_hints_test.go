package web_test

import (
	"html"
	"strings"
	"testing"
)

// TestComposeFileLimitForTheReader: the compose form gives each reader
// their own attachment limit, unbreakable from its unit, rather than
// everyone's (« 10 Mo au plus par fichier (2 Mo pour les élèves) » shown
// to a parent).
func TestComposeFileLimitForTheReader(t *testing.T) {
	_, srv := env(t)
	for _, c := range []struct{ user, want, not string }{
		{"parent.dupont", "10\u00a0Mo au plus par fichier.", "2\u00a0Mo"},
		{"eleve.dupont", "2\u00a0Mo au plus par fichier.", "10\u00a0Mo"},
	} {
		b := newBrowser(t, srv)
		b.login(c.user, "")
		body := html.UnescapeString(b.get("/compose").Body)
		if !strings.Contains(body, c.want) || strings.Contains(body, c.not) || strings.Contains(body, "pour les élèves)") {
			t.Errorf("%s: the file limit is not theirs alone (want %q)", c.user, c.want)
		}
	}
}
