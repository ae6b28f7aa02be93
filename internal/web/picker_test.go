package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
)

// TestPickerSearch covers the picker's two paths: the JSON suggestions the
// combobox asks for, and the form's own search without JavaScript. Both
// offer only what the rules allow.
func TestPickerSearch(t *testing.T) {
	e, srv := env(t)

	type result struct {
		Results []struct {
			Expr, Label string
			Group       bool
		}
		More bool
	}
	suggest := func(b *browser, q string) result {
		t.Helper()
		p := b.get("/compose/destinataires?q=" + url.QueryEscape(q))
		if p.Status != http.StatusOK {
			t.Fatalf("suggestions for %q: %d %s", q, p.Status, p.Body)
		}
		var r result
		if err := json.Unmarshal([]byte(p.Body), &r); err != nil {
			t.Fatalf("suggestions for %q: %v\n%s", q, err, p.Body)
		}
		return r
	}

	teacher := newBrowser(t, srv)
	teacher.login("prof.martin", e.OTP(t, 0))
	cases := []struct {
		q        string
		want     []string // labels that must be among the results
		wantNone bool
	}{
		{q: "dupont", want: []string{"Mme\u00a0Marie Dupont, responsable de Léa Dupont (4A)", "Léa Dupont, élève de 4A"}},
		{q: "DUPONT lea", want: []string{"Léa Dupont, élève de 4A"}}, // case and accents folded, words in any order
		{q: "parents 4a", want: []string{"Parents de 4A"}},
		{q: "personne-inconnue", wantNone: true},
		{q: "", wantNone: true},
	}
	for _, c := range cases {
		r := suggest(teacher, c.q)
		if c.wantNone && len(r.Results) != 0 {
			t.Errorf("%q: want nothing, got %+v", c.q, r.Results)
		}
		for _, w := range c.want {
			found := false
			for _, x := range r.Results {
				found = found || x.Label == w
			}
			if !found {
				t.Errorf("%q: %q not among %+v", c.q, w, r.Results)
			}
		}
		for i := 1; i < len(r.Results); i++ {
			if r.Results[i].Group && !r.Results[i-1].Group {
				t.Errorf("%q: groups must come first: %+v", c.q, r.Results)
			}
		}
	}
	// Already chosen recipients are not suggested again.
	if r := suggest(teacher, "dupont&choisi=user:parent.dupont"); strings.Contains(fmt.Sprint(r), "parent.dupont") {
		t.Errorf("a chosen recipient is suggested again: %+v", r)
	}

	// A student is never offered a whole class, by either path.
	student := newBrowser(t, srv)
	student.login("eleve.dupont", "")
	for _, x := range suggest(student, "4A").Results {
		if strings.HasPrefix(x.Expr, "class:") || strings.HasPrefix(x.Expr, "parents:") {
			t.Errorf("student offered %s", x.Expr)
		}
	}

	// Without JavaScript: « Chercher » shows the results and keeps what was
	// typed, and sends nothing.
	p := teacher.postMultipart("/compose", url.Values{"csrf": {teacher.csrf()}, "action": {"chercher"}, "q": {"Dupont"},
		"to": {"class:0780001A/4A"}, "subject": {"Sortie"}, "body": {"Texte gardé"}})
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Résultats pour") || !strings.Contains(p.Body, "Marie Dupont, responsable de Léa Dupont (4A)") {
		t.Fatalf("form search: %d\n%s", p.Status, p.Body)
	}
	if !strings.Contains(p.Body, `value="Sortie"`) || !strings.Contains(p.Body, "Texte gardé</textarea>") ||
		!strings.Contains(p.Body, `name="to" value="class:0780001A/4A" checked`) {
		t.Fatalf("form search lost what was typed or chosen:\n%s", p.Body)
	}
	if s := teacher.get("/sent"); strings.Contains(s.Body, "Sortie") {
		t.Fatal("the search sent the message")
	}
	// Unauthenticated: no suggestions.
	anon := newBrowser(t, srv)
	if p := anon.get("/compose/destinataires?q=dupont"); p.Status == http.StatusOK && strings.Contains(p.Body, "Dupont") {
		t.Fatalf("suggestions without a session: %d %s", p.Status, p.Body)
	}
}

// TestPickerSaysWhoReceivesNow: the picker offers pupils under the
// circular and parents in quiet hours, and says before the send that the
// pupils will not receive it and when the parents will, in both paths
// (suggestions and the form's groups).
func TestPickerSaysWhoReceivesNow(t *testing.T) {
	e, srv := env(t)
	ctx, actor := context.Background(), bouclier.SystemActor("test")
	if err := e.App.Rules.ApplyPreset(ctx, actor, "disconnect-2025", "national"); err != nil {
		t.Fatal(err)
	}
	closePupils(t, e.App.Rules)
	e.Clock.Set(time.Date(2026, 11, 24, 20, 30, 0, 0, time.UTC)) // Tuesday, 21 h 30 in Paris: quiet hours
	teacher := newBrowser(t, srv)
	teacher.login("prof.martin", e.OTP(t, 0))
	p := teacher.get("/compose/destinataires?q=" + url.QueryEscape("4A"))
	var r struct {
		Results []struct{ Expr, Label string }
	}
	if err := json.Unmarshal([]byte(p.Body), &r); err != nil {
		t.Fatalf("%v\n%s", err, p.Body)
	}
	labels := map[string]string{}
	for _, x := range r.Results {
		labels[x.Expr] = strings.ReplaceAll(x.Label, "\u00a0", " ")
	}
	for expr, want := range map[string]string{
		"class:0780001A/4A":   "Élèves de 4A (ne peuvent pas recevoir de messages en ce moment)",
		"parents:0780001A/4A": "Parents de 4A (recevront le message le 25 novembre 2026 à 7 h 00)",
		"user:eleve.dupont":   "Léa Dupont, élève de 4A (ne peut pas recevoir de messages en ce moment)",
	} {
		if labels[expr] != want {
			t.Errorf("%s: %q, want %q", expr, labels[expr], want)
		}
	}
	if p := teacher.get("/compose"); !strings.Contains(p.Body, "Élèves de 4A (ne peuvent pas recevoir de messages en ce moment)") {
		t.Errorf("the form's groups do not say it:\n%s", p.Body)
	}
}
