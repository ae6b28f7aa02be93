package web

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/frdate"
)

// Date and time fields (« Envoyer plus tard », the end of a suspension)
// are datetime-local fields: a French browser shows them as « jj/mm/aaaa
// --:-- » with its own picker, and sends 2026-12-05T14:30. A browser in
// another language shows its own order (mm/dd/yyyy), and one without the
// field shows a plain text box. So the page says the expected format in
// French under the field (tied to it by aria-describedby), static/app.js
// reads the chosen moment back in words (« vendredi 5 décembre 2026 à
// 14 h 30 »), and the server reads both what the field sends and what a
// person types in a text box the French way, with a French error tied to
// the field when it cannot.

// timeFormatHint is said under every date and time field. It names no
// order for the browser's own date field, which shows the order of the
// browser's language resources, not of navigator.language (a French
// Chromium without them shows mm/dd/yyyy): the format is for a browser
// that shows a plain text box, which the server reads the French way.
// With JavaScript, static/app.js says which case holds and reads the
// date back in French words.
const timeFormatHint = "Si le champ ne propose pas de calendrier, écrivez la date et l’heure sous la forme jj/mm/aaaa hh:mm, par exemple 24/03/2027 14:30."

// timeUnreadable is the error of a date and time the server cannot read.
const timeUnreadable = "Date ou heure illisible\u00a0: écrivez-les sous la forme jj/mm/aaaa hh:mm, par exemple 24/03/2027 14:30."

// frenchTyped is a date and time typed the French way: 05/12/2026 14:30,
// 5/12/2026 à 14 h 30, 05.12.2026 14h30, 05-12-2026 9:05.
var frenchTyped = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}),?\s*(?:à\s*)?(\d{1,2})\s*(?:h|:)\s*(\d{2})?$`)

// parseLocalTime reads a date and time from a form field in loc; false
// when it is neither what a datetime-local field sends nor a French
// date and time. A date without its time is not read: guessing midnight
// would send a message in the night.
func parseLocalTime(v string, loc *time.Location) (time.Time, bool) {
	v = strings.Join(strings.FieldsFunc(v, func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\t'
	}), " ")
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return t, true
		}
	}
	m := frenchTyped.FindStringSubmatch(strings.ToLower(v))
	if m == nil {
		return time.Time{}, false
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1]) // digits only; "" (no minutes) is 0
	}
	day, month, year, hour, minute := n[0], n[1], n[2], n[3], n[4]
	if month < 1 || month > 12 || hour > 23 || minute > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, 0, 0, loc)
	if t.Day() != day { // 31/02 is not 3 March
		return time.Time{}, false
	}
	return t, true
}

// nowLabel is « nous sommes le 4 décembre 2026 à 0 h 05 », for an error
// about a moment already past: the day as well as the hour, since the
// moment chosen may be days ago.
func nowLabel(now time.Time, loc *time.Location) string {
	return "nous sommes le " + frdate.DateTime(now.In(loc))
}

// maxScheduleDays is how far ahead a message may be scheduled, as the
// messaging service allows (about three months).
const maxScheduleDays = 92

// sendAt reads « Envoyer plus tard »: the moment, or the field's error —
// unreadable, already past, or beyond three months — tied to the field
// rather than a refusal of the whole message.
func (h *handler) sendAt(v string, u bouclier.User) (time.Time, []fieldError) {
	loc := h.location(u)
	t, ok := parseLocalTime(v, loc)
	now := h.d.Now()
	switch {
	case !ok:
		return time.Time{}, []fieldError{{"send_at", timeUnreadable}}
	case t.Before(now.Add(-time.Minute)):
		return time.Time{}, []fieldError{{"send_at", "Date déjà passée (" + nowLabel(now, loc) +
			")\u00a0: choisissez un moment à venir, ou videz le champ pour envoyer maintenant."}}
	case t.After(now.AddDate(0, 0, maxScheduleDays)):
		return time.Time{}, []fieldError{{"send_at", "Un envoi se programme au plus trois mois à l’avance, jusqu’au " +
			frdate.Date(now.AddDate(0, 0, maxScheduleDays).In(loc)) + "."}}
	}
	return t, nil
}

// suspensionEnd reads the planned end of a suspension, or its error.
func (h *handler) suspensionEnd(v string, u bouclier.User) (time.Time, string) {
	loc := h.location(u)
	t, ok := parseLocalTime(v, loc)
	if !ok {
		return time.Time{}, timeUnreadable
	}
	if now := h.d.Now(); !t.After(now) {
		return time.Time{}, "Date déjà passée (" + nowLabel(now, loc) + ")\u00a0: la fin prévue doit être à venir, ou laissez le champ vide."
	}
	return t, ""
}
