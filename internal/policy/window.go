package policy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
)

const (
	minutesPerDay  = 24 * 60
	minutesPerWeek = 7 * minutesPerDay
)

// Clock is a local wall-clock time of day in minutes after midnight,
// from 0 (00:00) to 1440 (24:00, allowed as a window's end).
type Clock int16

// At returns the clock time h:m.
func At(h, m int) Clock { return Clock(h*60 + m) }

// ParseClock parses "HH:MM" (00:00 to 24:00).
func ParseClock(s string) (Clock, error) {
	hs, ms, ok := strings.Cut(strings.TrimSpace(s), ":")
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if !ok || err1 != nil || err2 != nil || !digits(hs, 1, 2) || !digits(ms, 2, 2) || h > 24 || m > 59 || (h == 24 && m != 0) {
		return 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "heure invalide\u00a0: %q (HH:MM attendu)", s)
	}
	return At(h, m), nil
}

func digits(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// String returns "HH:MM".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// MarshalText implements encoding.TextMarshaler.
func (c Clock) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Window is a weekly recurring period in the subject's local wall-clock time.
// It opens on each of Days (every day when empty) at Start and closes at End,
// Nights midnights later. Nights 0 means "automatic": the same day when End is
// after Start, otherwise the next day, so 23:00–07:00 crosses midnight and
// 00:00–00:00 is a whole day. Friday 20:00 → Monday 07:00 is
// {Days: Friday, Start: 20:00, End: 07:00, Nights: 3}.
//
// Its text form, used in JSON, is "[DAYS ]HH:MM-[DAY ]HH:MM[+N]":
// "23:00-07:00", "mon-thu 20:00-07:00", "fri 20:00-mon 07:00",
// "sat,sun 00:00-00:00", "mon,wed 22:00-06:00+2". Day names are English or
// French three-letter abbreviations (mon…sun, lun…dim).
type Window struct {
	Days   []time.Weekday
	Start  Clock
	End    Clock
	Nights int
}

// Daily returns a window opening every day (or on days) at start, closing at end.
func Daily(start, end Clock, days ...time.Weekday) Window {
	return Window{Days: days, Start: start, End: end}
}

// nights returns the number of midnights the window crosses.
func (w Window) nights() int {
	if w.Nights == 0 && w.End <= w.Start {
		return 1
	}
	return w.Nights
}

// minutes returns the window's length in wall-clock minutes.
func (w Window) minutes() int {
	return w.nights()*minutesPerDay + int(w.End) - int(w.Start)
}

func (w Window) check() error {
	if w.Start < 0 || w.Start >= minutesPerDay || w.End < 0 || w.End > minutesPerDay || w.Nights < 0 || w.Nights > 7 {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "fenêtre horaire invalide\u00a0: %s", w.String())
	}
	for _, d := range w.Days {
		if d < time.Sunday || d > time.Saturday {
			return bouclier.Errorf(bouclier.ErrInvalidRequest, "jour invalide dans la fenêtre %s", w.String())
		}
	}
	if w.minutes() <= 0 {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "fenêtre horaire vide\u00a0: %s", w.String())
	}
	return nil
}

// mark sets in mask the minutes of the week (Sunday 00:00 = 0) the window covers.
func (w Window) mark(mask *[minutesPerWeek]bool) {
	n := w.minutes()
	if n >= minutesPerWeek {
		n = minutesPerWeek
	}
	mark1 := func(d time.Weekday) {
		start := int(d)*minutesPerDay + int(w.Start)
		for i := 0; i < n; i++ {
			mask[(start+i)%minutesPerWeek] = true
		}
	}
	if len(w.Days) == 0 {
		for d := time.Sunday; d <= time.Saturday; d++ {
			mark1(d)
		}
		return
	}
	for _, d := range w.Days {
		mark1(d)
	}
}

var dayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

var dayByName = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
	"dim": time.Sunday, "lun": time.Monday, "mar": time.Tuesday, "mer": time.Wednesday,
	"jeu": time.Thursday, "ven": time.Friday, "sam": time.Saturday,
}

// String returns the text form ParseWindow reads.
func (w Window) String() string {
	var b strings.Builder
	if len(w.Days) > 0 {
		b.WriteString(formatDays(w.Days))
		b.WriteByte(' ')
	}
	b.WriteString(w.Start.String())
	b.WriteByte('-')
	auto := w.Nights == 0 || (w.Nights == 1 && w.End <= w.Start)
	switch {
	case auto:
		b.WriteString(w.End.String())
	case len(w.Days) == 1 && w.Nights < 7:
		end := (w.Days[0] + time.Weekday(w.Nights)) % 7
		b.WriteString(dayNames[end] + " " + w.End.String())
	default:
		fmt.Fprintf(&b, "%s+%d", w.End, w.Nights)
	}
	return b.String()
}

// formatDays writes days as "mon-fri", "sat,sun", "mon,wed-fri" (Monday first).
func formatDays(days []time.Weekday) string {
	var set [7]bool
	for _, d := range days {
		if d >= 0 && d < 7 {
			set[d] = true
		}
	}
	var parts []string
	// Walk Monday..Sunday so that "mon-sun" and "sat,sun" read naturally.
	order := [7]time.Weekday{1, 2, 3, 4, 5, 6, 0}
	for i := 0; i < 7; {
		if !set[order[i]] {
			i++
			continue
		}
		j := i
		for j+1 < 7 && set[order[j+1]] {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, dayNames[order[i]])
		case j == i+1:
			parts = append(parts, dayNames[order[i]], dayNames[order[j]])
		default:
			parts = append(parts, dayNames[order[i]]+"-"+dayNames[order[j]])
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// ParseWindow parses the text form described on Window.
func ParseWindow(s string) (Window, error) {
	bad := func() (Window, error) {
		return Window{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "fenêtre horaire invalide\u00a0: %q (ex. \"mon-fri 20:00-07:00\", \"fri 20:00-mon 07:00\")", s)
	}
	rest := strings.ToLower(strings.TrimSpace(s))
	var w Window
	if rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
		// Leading days: "mon-fri", "sat,sun".
		days, tail, ok := strings.Cut(rest, " ")
		if !ok {
			return bad()
		}
		d, err := parseDays(days)
		if err != nil {
			return bad()
		}
		w.Days, rest = d, strings.TrimSpace(tail)
	}
	from, to, ok := strings.Cut(rest, "-")
	if !ok {
		return bad()
	}
	var err error
	if w.Start, err = ParseClock(from); err != nil || w.Start == minutesPerDay {
		return bad()
	}
	to = strings.TrimSpace(to)
	if base, n, found := strings.Cut(to, "+"); found {
		nights, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil || nights < 1 || nights > 7 {
			return bad()
		}
		w.Nights, to = nights, strings.TrimSpace(base)
	}
	endDay, endClock, hasDay := strings.Cut(to, " ")
	if !hasDay {
		endDay, endClock = "", to
	}
	if w.End, err = ParseClock(endClock); err != nil {
		return bad()
	}
	if hasDay {
		d, ok := dayByName[strings.TrimSpace(endDay)]
		if !ok || len(w.Days) != 1 || w.Nights != 0 {
			return bad()
		}
		// "fri 20:00-mon 07:00": count the midnights from the opening day.
		w.Nights = (int(d) - int(w.Days[0]) + 7) % 7
		if w.Nights == 0 && w.End <= w.Start {
			w.Nights = 7
		}
	}
	if err := w.check(); err != nil {
		return bad()
	}
	return w, nil
}

func parseDays(s string) ([]time.Weekday, error) {
	var days []time.Weekday
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(strings.TrimSpace(part), "-")
		da, ok := dayByName[a]
		if !ok {
			return nil, fmt.Errorf("unknown day %q", a)
		}
		if !isRange {
			days = append(days, da)
			continue
		}
		db, ok := dayByName[b]
		if !ok {
			return nil, fmt.Errorf("unknown day %q", b)
		}
		for d := da; ; d = (d + 1) % 7 {
			days = append(days, d)
			if d == db {
				break
			}
		}
	}
	return days, nil
}

// MarshalText implements encoding.TextMarshaler.
func (w Window) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (w *Window) UnmarshalText(b []byte) error {
	v, err := ParseWindow(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// Date is a calendar day, without time zone: it is read in the subject's zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return Date{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "date invalide\u00a0: %q (AAAA-MM-JJ attendu)", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// String returns "YYYY-MM-DD".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// dayNumber is the number of days since 1970-01-01; ok is false for a date
// that does not exist (2025-02-30).
func (d Date) dayNumber() (n int64, ok bool) {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if t.Year() != d.Year || t.Month() != d.Month || t.Day() != d.Day {
		return 0, false
	}
	return floorDiv(t.Unix(), 86400), true
}

// DateRange is a period of whole local days: from Start at 00:00 up to End at
// 00:00, End excluded (for school holidays, End is the day classes resume,
// as in the ministry's calendar). Zone, when set, restricts the range to
// subjects of that school-holiday zone ("A", "B", "C", or an overseas
// académie's own calendar such as "reunion"); it is not a time zone.
type DateRange struct {
	Start Date   `json:"start"`
	End   Date   `json:"end"`
	Zone  string `json:"zone,omitempty"`
}

func (r DateRange) check() error {
	s, ok1 := r.Start.dayNumber()
	e, ok2 := r.End.dayNumber()
	if !ok1 || !ok2 || e <= s {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "période invalide\u00a0: du %s au %s (la fin, exclue, doit suivre le début)", r.Start, r.End)
	}
	return nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }
