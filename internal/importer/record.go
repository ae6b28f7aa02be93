package importer

import (
	"strings"

	"github.com/bouclier/bouclier/internal/textfold"
)

// record is one directory record as a format parsed it, before it is
// checked and applied. Records travel through the store's staging table
// as JSON, so that a file set of any size is held on disk, not in memory.
type record struct {
	Kind  string `json:"-"`
	Pos   Pos    `json:"-"`
	Entry string `json:"-"` // the entry's identifier in its file (AAF)
	Key   string `json:"-"`

	Op       string `json:"op,omitempty"` // person: put|modify; sets: replace|add|delete
	ID       string `json:"id,omitempty"` // académie
	Name     string `json:"name,omitempty"`
	TimeZone string `json:"tz,omitempty"`
	UAI      string `json:"uai,omitempty"`
	Academie string `json:"academie,omitempty"`
	Ext      string `json:"ext,omitempty"`    // AAF joint key
	Struct   string `json:"struct,omitempty"` // AAF joint key of an establishment
	Class    string `json:"class,omitempty"`
	Username string `json:"username,omitempty"`
	Given    string `json:"given,omitempty"`
	Family   string `json:"family,omitempty"`
	Role     string `json:"role,omitempty"`
	Email    string `json:"email,omitempty"`
	// Civility: « M. », « Mme » or "" (unknown); nil when the file does
	// not say (a CSV without the civilite column, an AAF modification
	// that leaves personalTitle alone), so what is stored is kept.
	Civility *string  `json:"civ,omitempty"`
	Func     string   `json:"functions,omitempty"`
	Fields   []string `json:"fields,omitempty"` // modify: the fields it sets
	Parent   string   `json:"parent,omitempty"`
	Child    string   `json:"child,omitempty"`
	Teacher  string   `json:"teacher,omitempty"`
	Items    []string `json:"items,omitempty"` // parents' joint keys, or STRUCT$CLASS[$SUBJECT]
}

// Record kinds, and the order in which they are applied: everything a
// record refers to is applied before it.
const (
	kStructure     = "structure" // AAF alias: joint key → UAI; not applied
	kAcademie      = "academie"
	kEstablishment = "establishment"
	kClass         = "class"
	kPerson        = "person"
	kLink          = "link"      // CSV: one parent-child link
	kParents       = "parents"   // AAF: a pupil's parents with authority
	kTeaching      = "teaching"  // CSV: one teacher-class record
	kTeachings     = "teachings" // AAF: a teacher's classes and subjects
	kClose         = "close"     // AAF: an account the directory removed
)

var kindRank = map[string]int{
	kStructure: 0, kAcademie: 1, kEstablishment: 2, kClass: 3, kPerson: 4,
	kLink: 5, kParents: 5, kTeaching: 6, kTeachings: 6, kClose: 7,
}

// has reports whether a modify record sets field f (a put sets them all).
func (r *record) has(f string) bool {
	if r.Op != "modify" {
		return true
	}
	for _, x := range r.Fields {
		if x == f {
			return true
		}
	}
	return false
}

// userKey is the staging key of a person known by username (CSV).
func userKey(name string) string { return "u:" + name }

// extKey is the staging key of a person known by AAF joint key.
func extKey(ext string) string { return "x:" + ext }

// sanitize turns s into a name Bouclier accepts (bouclier.ValidName):
// accents stripped, other characters replaced by sep, at most max bytes.
// keepCase keeps upper-case letters (class codes).
func sanitize(s string, sep rune, keepCase bool, max int) string {
	var b strings.Builder
	last := sep
	src := textfold.Fold(s)
	if keepCase {
		src = strings.ToUpper(src)
	}
	for _, r := range src {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' || keepCase && r >= 'A' && r <= 'Z'
		if !ok {
			r = sep
		}
		if r == sep && last == sep {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	out := strings.Trim(b.String(), string(sep))
	if len(out) > max {
		out = strings.TrimRight(out[:max], string(sep))
	}
	return out
}

// civility maps a civility as directories write it to the stored one:
// « M. », « Mme » (« Mlle », « Mademoiselle » and « Madame » too), or ""
// for an empty value. ok is false for anything else.
func civility(s string) (c string, ok bool) {
	switch strings.TrimSuffix(textfold.Fold(strings.TrimSpace(s)), ".") {
	case "":
		return "", true
	case "m", "mr", "monsieur":
		return "M.", true
	case "mme", "madame", "mlle", "mademoiselle":
		return "Mme", true
	}
	return "", false
}
