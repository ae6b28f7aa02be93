package web_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestGroupLabelOneWording: a group reads the same in the picker and in
// the message sent to it (« Parents de 4A » in both, not « Parents
// d’élèves de 4A » in one).
func TestGroupLabelOneWording(t *testing.T) {
	e, srv := env(t)
	teacher := newBrowser(t, srv)
	teacher.login("prof.martin", e.OTP(t, 0))
	var r struct {
		Results []struct{ Expr, Label string }
	}
	if err := json.Unmarshal([]byte(teacher.get("/compose/destinataires?q="+url.QueryEscape("parents 4a")).Body), &r); err != nil {
		t.Fatal(err)
	}
	picker := ""
	for _, x := range r.Results {
		if x.Expr == "parents:0780001A/4A" {
			picker = x.Label
		}
	}
	if picker == "" {
		t.Fatalf("the picker does not offer the parents of 4A: %+v", r.Results)
	}
	p := teacher.send([]string{"parents:0780001A/4A"}, "Sortie au musée", "Départ à 8 h 30.")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("send: %d\n%s", p.Status, p.Body)
	}
	body := html.UnescapeString(teacher.get(p.Header.Get("Location")).Body)
	if !strings.Contains(body, "À : "+picker+"\n") && !strings.Contains(body, "À\u00a0: "+picker) && !strings.Contains(body, "À : "+picker) {
		i := strings.Index(body, "À")
		t.Errorf("the picker says %q, the message says %q", picker, body[i:min(len(body), i+80)])
	}
}
