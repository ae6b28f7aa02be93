package web

import (
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestBrowserLabel names sessions' browsers as people know them, whatever
// the order of the tokens that browsers copy from one another.
func TestBrowserLabel(t *testing.T) {
	for _, c := range []struct{ ua, want string }{
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox sur Windows"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "Chrome sur Windows"},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0", "Edge sur Windows"},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari sur macOS"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari sur iPhone"},
		{"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0 Mobile Safari/537.36", "Samsung Internet sur Android"},
		{"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 OPR/115.0", "Opera sur Linux"},
		{"Go-http-client/1.1", "Navigateur inconnu"},
		{"", "Navigateur inconnu"},
	} {
		if got := browserLabel(c.ua); got != c.want {
			t.Errorf("browserLabel(%q) = %q, want %q", c.ua, got, c.want)
		}
	}
}

// TestFolderRowsEscape: the rows built outside html/template escape what
// senders typed, in text and in attributes.
func TestFolderRowsEscape(t *testing.T) {
	p := &page{loc: time.UTC}
	evil := `"><script>alert(1)</script>&`
	rows := string(p.folderRows(store.FolderInbox, []store.Entry{{Message: bouclier.Message{ID: 7, Subject: evil, SenderName: evil, Sender: "x",
		To: []string{"user:" + evil}, Status: bouclier.StatusDeferred, DeliverAt: 1}}}, true))
	rows += string(p.folderRows(store.FolderSent, []store.Entry{{Message: bouclier.Message{ID: 8, Subject: "s", To: []string{"user:" + evil}}}}, false))
	if strings.Contains(rows, "<script>") || strings.Contains(rows, "</script>") || strings.Contains(rows, `"><script`) {
		t.Fatalf("unescaped:\n%s", rows)
	}
	for _, want := range []string{`&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;`, `class="unread selectable"`, `href="/messages/7"`, "programmé pour le", `À&nbsp;: `} {
		if !strings.Contains(rows, want) {
			t.Errorf("rows lack %q:\n%s", want, rows)
		}
	}
}

func TestFrenchDate(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 12, 1, 9, 4, 0, 0, paris), "1er\u00a0décembre 2026 à 9\u00a0h\u00a004"},
		{time.Date(2026, 3, 15, 23, 59, 59, 0, paris), "15\u00a0mars 2026 à 23\u00a0h\u00a059"},
		{time.Date(2027, 8, 31, 0, 10, 0, 0, paris), "31\u00a0août 2027 à 0\u00a0h\u00a010"},
		{time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC).In(paris), "2\u00a0janvier 2026 à 13\u00a0h\u00a000"},
	} {
		if got := frenchDate(c.t); got != c.want {
			t.Errorf("frenchDate(%s) = %q, want %q", c.t, got, c.want)
		}
	}
}

// TestSizeLabel: sizes with a decimal comma, a non-breaking space before
// the unit and « octet » agreeing with the number.
func TestSizeLabel(t *testing.T) {
	for n, want := range map[int64]string{0: "0\u00a0octet", 1: "1\u00a0octet", 512: "512\u00a0octets", 12 << 10: "12\u00a0ko",
		3 << 19: "1,5\u00a0Mo"} {
		if got := sizeLabel(n); got != want {
			t.Errorf("sizeLabel(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestChartNumbers: the dashboard's axis writes thousands as the rest of
// the page does (« 1 000 » with a narrow no-break space, not « 1000 »).
func TestChartNumbers(t *testing.T) {
	c := hourChart([]hourRow{{Label: "9\u00a0h", Held: 720}, {Label: "10\u00a0h", Sent: 3}})
	var labels []string
	for _, tk := range c.Ticks {
		labels = append(labels, tk.Label)
	}
	if got := strings.Join(labels, "|"); got != "0|250|500|750|1\u202f000" {
		t.Errorf("axis labels %q", got)
	}
}

// TestScreenReason: the screen's reasons read French on the moderation
// page: categories by name, decimal commas, a non-breaking space before
// the colon; the rest kept.
func TestScreenReason(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"threat (modèle, p 1.00) : règle threat ≥ 0,5, acte : poser un engin (score 0.83)",
			"Menace (modèle, probabilité 1,00)\u00a0: règle menace ≥ 0,5, acte\u00a0: poser un engin (score 0,83)"},
		{"threat: cadre acte « poser un engin » à la 3e personne (passif) + lieu (score 0.74)",
			"Menace\u00a0: cadre acte « poser un engin » à la 3e personne (passif) + lieu (score 0,74)"},
		{"terror_apology: cadre éloge ; atténué : citation (score 0.55)", "Apologie du terrorisme\u00a0: cadre éloge\u00a0; atténué\u00a0: citation (score 0,55)"},
		{"phishing + lien suspect (score 0.60)", "Hameçonnage + lien suspect (score 0,60)"},
		{"pièce jointe refusée\u00a0: exécutable", "Pièce jointe refusée\u00a0: exécutable"},
	} {
		if got := screenReason(c.in); got != c.want {
			t.Errorf("screenReason(%q)\n = %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestRoleGroupName: the roles' checkboxes (suspensions, mass resets)
// name groups of people, capitalised, not one person's role.
func TestRoleGroupName(t *testing.T) {
	for r, want := range map[bouclier.Role]string{bouclier.RoleStudent: "Élèves", bouclier.RoleParent: "Parents", bouclier.RoleTeacher: "Enseignants",
		bouclier.RoleStaff: "Vie scolaire", bouclier.RoleHead: "Direction", bouclier.RoleAcademyAdmin: "Personnels d’académie"} {
		if got := roleGroupName(r); got != want {
			t.Errorf("roleGroupName(%s) = %q, want %q", r, got, want)
		}
	}
}
