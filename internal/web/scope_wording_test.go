package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestWordingByScope: an académie officer or a national administrator has
// many establishments, not « votre établissement »: the pages that send a
// person to their administration name the one of their scope.
func TestWordingByScope(t *testing.T) {
	e, srv := env(t)
	for _, c := range []struct {
		user string
		want []string
	}{ // the first two work in one establishment
		{"prof.martin", []string{"les règles de votre établissement vous permettent", "(heure de votre établissement)"}},
		{"principal.moulin", []string{"les règles de votre établissement vous permettent", "contactez le RSSI de votre académie"}},
		{"rssi.versailles", []string{"les règles de votre académie vous permettent", "(heure de votre académie)", "prévenez l’administration nationale",
			"Adressez-vous d’abord à votre académie"}},
		{"admin", []string{"les règles de l’administration nationale vous permettent", "(heure de Paris)", "Adressez-vous d’abord à l’administration nationale"}},
	} {
		t.Run(c.user, func(t *testing.T) {
			b := newBrowser(t, srv)
			b.login(c.user, e.OTP(t, 0))
			var all strings.Builder
			for _, path := range []string{"/compose", "/account/notifications", "/account", "/admin", "/contact", "/accessibilite"} {
				p := b.get(path)
				if path == "/admin" && c.user == "prof.martin" {
					continue
				}
				if p.Status != 200 {
					t.Fatalf("%s: %d", path, p.Status)
				}
				all.WriteString(p.Body)
			}
			body := all.String()
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("pages lack %q", w)
				}
			}
			inSchool := c.user == "prof.martin" || c.user == "principal.moulin"
			if !inSchool && (strings.Contains(body, "votre établissement") || strings.Contains(body, "RSSI de votre académie")) {
				t.Errorf("« votre établissement » or « RSSI de votre académie » shown to %s", c.user)
			}
		})
	}
	// After « Ce n’était pas moi », the login page says who will unlock.
	anon := newBrowser(t, srv)
	for q, want := range map[string]string{
		"etablissement": "Votre établissement a été prévenu et le débloquera",
		"academie":      "Votre académie a été prévenue et le débloquera",
		"national":      "L’administration nationale a été prévenue et le débloquera",
	} {
		if p := anon.get("/login?protege=" + q); !strings.Contains(p.Body, want) {
			t.Errorf("login after not-me (%s) lacks %q", q, want)
		}
	}
}

// TestOfficerFindsAccountsWithTheirSchool: an académie officer searching
// « dupont » among 400 schools sees each account's establishment; a head,
// within one, does not need it.
func TestOfficerFindsAccountsWithTheirSchool(t *testing.T) {
	e, srv := env(t)
	for _, c := range []struct {
		user  string
		place bool
	}{{"rssi.versailles", true}, {"principal.moulin", false}} {
		b := newBrowser(t, srv)
		b.login(c.user, e.OTP(t, 0))
		p := b.get("/admin/accounts?nom=dupont")
		has := strings.Contains(p.Body, `Léa Dupont, élève de 4A</a> · Collège Jean Moulin (0780001A) <span class="meta">eleve.dupont</span>`)
		if has != c.place || !strings.Contains(p.Body, ">Léa Dupont, élève de 4A</a>") {
			t.Errorf("%s: establishment shown %v, want %v", c.user, has, c.place)
		}
	}
}

// TestEpiceneWording: the directory records no gender (no civility in the
// import), so the sentences addressed to a person do not agree with one:
// Marie Dupont is not told « Vous êtes déconnecté » nor « Être prévenu ».
func TestEpiceneWording(t *testing.T) {
	_, srv := env(t)
	b := newBrowser(t, srv)
	b.login("parent.dupont", "")
	body := b.get("/account").Body + newBrowser(t, srv).get("/login?bye=1").Body
	for _, w := range []string{"Un courriel peut vous signaler vos nouveaux messages", "Déconnexion effectuée. À bientôt."} {
		if !strings.Contains(body, w) {
			t.Errorf("lacks %q", w)
		}
	}
	for _, bad := range []string{"Être prévenu", "Vous êtes déconnecté"} {
		if strings.Contains(body, bad) {
			t.Errorf("says %q to Marie Dupont", bad)
		}
	}
}

// TestHeaderRoleNotRepeated: the header names the role beside the person
// unless the name says it already.
func TestHeaderRoleNotRepeated(t *testing.T) {
	e, srv := env(t)
	for _, c := range []struct{ user, want, not string }{
		{"admin", `<p class="who">Administration nationale</p>`, "(administration nationale)"},
		{"rssi.versailles", `<p class="who">RSSI de l’académie de Versailles</p>`, "(académie)"},
		{"prof.martin", `<p class="who">Sophie Martin <span class="role">(enseignante)</span></p>`, ""},
	} {
		b := newBrowser(t, srv)
		b.login(c.user, e.OTP(t, 0))
		body := b.get("/inbox").Body
		if !strings.Contains(body, c.want) || (c.not != "" && strings.Contains(body, c.not)) {
			t.Errorf("%s: header %q", c.user, regexp.MustCompile(`<p class="who">.*?</p>`).FindString(body))
		}
	}
}

// TestHeldNoticeByScope: the sender of a held message is told who reads
// it before it goes: their establishment, or for an académie officer
// their académie, not « l’établissement » they do not have.
func TestHeldNoticeByScope(t *testing.T) {
	e, srv := env(t)
	const threat = "Il y a des explosifs cachés dans les toilettes du bâtiment B."
	for _, c := range []struct{ user, want string }{
		{"prof.martin", "Votre message est en vérification&#x202F;: votre établissement le relit avant de le distribuer."},
		{"rssi.versailles", "Votre message est en vérification&#x202F;: votre académie le relit avant de le distribuer."},
	} {
		b := newBrowser(t, srv)
		b.login(c.user, e.OTP(t, 0))
		p := b.send([]string{"user:parent.dupont"}, "Information importante", threat)
		if p.Status == http.StatusSeeOther {
			p = b.get(p.Header.Get("Location"))
		}
		if !strings.Contains(p.Body, "en vérification") {
			t.Fatalf("%s: the message was not held: %d\n%s", c.user, p.Status, p.Body)
		}
		if !strings.Contains(p.Body, c.want) {
			i := strings.Index(p.Body, "en vérification")
			t.Errorf("%s: held notice lacks %q: %q", c.user, c.want, p.Body[max(0, i-40):min(len(p.Body), i+120)])
		}
	}
}
