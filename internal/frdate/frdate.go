// Package frdate writes dates and times as French readers expect them,
// in one format everywhere a person reads one: « 9 h 05 »,
// « 1er décembre 2026 », « jeudi 3 décembre ». Non-breaking spaces keep a
// time or a day and its month on one line.
//
// Machine formats (RFC 3339 in the API, form values, evidence manifests)
// are not this package's concern.
package frdate

import (
	"strconv"
	"time"
)

const nbsp = "\u00a0"

var (
	weekdays = [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	months   = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)

// Clock writes a time of day: « 9 h 05 », « 23 h 00 ».
func Clock(t time.Time) string {
	return string(appendClock(make([]byte, 0, 12), t.Hour(), t.Minute()))
}

// HourMinute writes a time of day given as hour and minute.
func HourMinute(hour, minute int) string {
	return string(appendClock(make([]byte, 0, 12), hour, minute))
}

// Date writes a day: « 1er décembre 2026 ».
func Date(t time.Time) string { return string(appendDate(make([]byte, 0, 24), t, true)) }

// DateTime writes a day and a time: « 3 décembre 2026 à 9 h 05 ».
// A page formats dozens of these, so it is built without fmt.
func DateTime(t time.Time) string {
	b := appendDate(make([]byte, 0, 40), t, true)
	b = append(b, " à "...)
	return string(appendClock(b, t.Hour(), t.Minute()))
}

// Day writes a day by its weekday, with the year only when it differs from
// now's: « jeudi 3 décembre », « lundi 4 janvier 2027 ».
func Day(t, now time.Time) string {
	b := append(make([]byte, 0, 40), weekdays[t.Weekday()]...)
	b = append(b, ' ')
	return string(appendDate(b, t, t.Year() != now.In(t.Location()).Year()))
}

func appendDate(b []byte, t time.Time, year bool) []byte {
	y, m, d := t.Date()
	if d == 1 {
		b = append(b, "1er"...)
	} else {
		b = strconv.AppendInt(b, int64(d), 10)
	}
	b = append(b, nbsp...)
	b = append(b, months[m-1]...)
	if year {
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(y), 10)
	}
	return b
}

func appendClock(b []byte, hour, minute int) []byte {
	b = strconv.AppendInt(b, int64(hour), 10)
	b = append(b, nbsp+"h"+nbsp...)
	if minute < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(minute), 10)
}
