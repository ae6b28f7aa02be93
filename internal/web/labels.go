package web

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bouclier/bouclier/internal/frnum"
)

// browserLabel names a session's browser the way its owner knows it,
// « Firefox sur Windows », from its User-Agent; the raw string is not shown
// to people (it is in the audit). Order matters: Edge and Opera announce
// Chrome, Chrome announces Safari.
func browserLabel(ua string) string {
	if strings.TrimSpace(ua) == "" {
		return "Navigateur inconnu"
	}
	name := "Navigateur inconnu"
	for _, b := range []struct{ token, name string }{
		{"Edg/", "Edge"}, {"EdgA/", "Edge"}, {"OPR/", "Opera"}, {"SamsungBrowser/", "Samsung Internet"},
		{"Firefox/", "Firefox"}, {"FxiOS/", "Firefox"}, {"CriOS/", "Chrome"}, {"Chromium/", "Chromium"},
		{"HeadlessChrome/", "Chrome"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"},
	} {
		if strings.Contains(ua, b.token) {
			name = b.name
			break
		}
	}
	system := ""
	for _, o := range []struct{ token, name string }{
		{"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Android", "Android"}, {"CrOS", "ChromeOS"},
		{"Windows", "Windows"}, {"Macintosh", "macOS"}, {"Mac OS X", "macOS"}, {"Linux", "Linux"},
	} {
		if strings.Contains(ua, o.token) {
			system = o.name
			break
		}
	}
	if system == "" {
		return name
	}
	return name + " sur " + system
}

// incidentEventLabels names, in French, the kinds of event the campaign
// package writes to an incident's timeline (AddCampaignEvent); a kind
// without a label fails TestIncidentEventLabels.
var incidentEventLabels = map[string]string{
	"opened":    "Ouverture",
	"raised":    "Passage en confinement",
	"messages":  "Messages rattachés",
	"recalled":  "Messages retirés",
	"held":      "Messages retenus",
	"contained": "Confinement appliqué",
	"locked":    "Comptes bloqués",
	"alert":     "Alerte",
	"closed":    "Clôture",
}

// eventListShown is how many names of an event's list the timeline shows.
const eventListShown = 5

// incidentEventDetail shortens an event's list of accounts (« …, par X :
// eleve.a, eleve.b, … » for 120 accounts was a wall of logins) to its
// first names and a count; the evidence archive keeps the whole list.
func incidentEventDetail(detail string) string {
	i := strings.LastIndex(detail, "\u00a0: ")
	if i < 0 {
		return detail
	}
	head, list := detail[:i+len("\u00a0: ")], strings.Split(detail[i+len("\u00a0: "):], ", ")
	if len(list) <= eventListShown+1 {
		return detail
	}
	return head + strings.Join(list[:eventListShown], ", ") + " et " + frnum.Count(len(list)-eventListShown, "autre", "autres")
}

// eventActor is the author of an incident's action in an event's detail
// (« …, par rssi.versailles\u00a0: … »), a login.
var eventActor = regexp.MustCompile(`, par ([A-Za-z0-9._:@-]+)\x{a0}: `)

// EventDetail is an event's detail for the timeline: shortened
// (incidentEventDetail), its author named as a person (« par RSSI de
// l’académie de Versailles ») rather than by login.
func (p *page) EventDetail(detail string) string {
	return eventActor.ReplaceAllStringFunc(incidentEventDetail(detail), func(m string) string {
		login := eventActor.FindStringSubmatch(m)[1]
		return ", par " + p.Person(login) + "\u00a0: "
	})
}

// incidentEventLabel names an incident event's kind; an unknown kind is
// « Événement », never the stored value.
func incidentEventLabel(kind string) string {
	if l, ok := incidentEventLabels[kind]; ok {
		return l
	}
	return "Événement"
}

// screenCategories name the content screen's categories in its reasons.
var screenCategories = map[string]string{"threat": "menace", "violence": "violence", "violent": "violence",
	"terror_apology": "apologie du terrorisme", "sextortion": "sextorsion", "phishing": "hameçonnage"}

var (
	screenWord   = regexp.MustCompile(`\b(threat|violence|violent|terror_apology|sextortion|phishing)\b`)
	decimalPoint = regexp.MustCompile(`(\d)\.(\d)`)
	tightColon   = regexp.MustCompile(`([^\s\x{a0}]) ?([:;]) `)
)

// screenReason puts a reason of the content screen in French for the
// moderator who reads it: its categories by name (« Menace », not
// « threat »), « probabilité » for « p », decimal commas and a
// non-breaking space before « : » and « ; ». What it says is kept.
func screenReason(s string) string {
	s = screenWord.ReplaceAllStringFunc(s, func(w string) string { return screenCategories[w] })
	s = decimalPoint.ReplaceAllString(s, "$1,$2")
	s = strings.ReplaceAll(s, "(modèle, p ", "(modèle, probabilité ")
	s = tightColon.ReplaceAllString(s, "$1\u00a0$2 ")
	if r, n := utf8.DecodeRuneInString(s); n > 0 && unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}
