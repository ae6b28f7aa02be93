package web

import (
	"html"
	"html/template"
	"strings"
)

// A form's errors are tied to their fields: the field says aria-invalid
// and points (aria-describedby) to its message written under it; a summary
// at the top of the page lists them with links to the fields; the first
// field in error takes the focus (autofocus, and static/app.js where the
// page loads without it). What was typed is kept by the handlers.

// fieldError is one field's error.
type fieldError struct {
	ID      string // the field's id in the page
	Message string // in French
}

// fieldError records an error on the field id; the first one recorded is
// the one focused, so handlers record them in the page's order.
func (p *page) fieldError(id, msg string) {
	p.Fields = append(p.Fields, fieldError{ID: id, Message: msg})
}

// HasFieldErrors reports whether the form is shown again with errors:
// the templates then leave their usual autofocus to the first error.
func (p *page) HasFieldErrors() bool { return len(p.Fields) > 0 }

func (p *page) errorOf(id string) (string, int) {
	for i, f := range p.Fields {
		if f.ID == id {
			return f.Message, i
		}
	}
	return "", -1
}

// Invalid gives a field's state attributes: aria-invalid and its error's
// id first in aria-describedby (then the field's own hints, given as
// hints), and autofocus on the first field in error.
func (p *page) Invalid(id string, hints ...string) template.HTMLAttr {
	var b strings.Builder
	described := hints
	if _, i := p.errorOf(id); i >= 0 {
		b.WriteString(`aria-invalid="true" `)
		described = append([]string{id + "-erreur"}, hints...)
		if i == 0 {
			b.WriteString("autofocus ")
		}
	}
	if len(described) > 0 {
		b.WriteString(`aria-describedby="` + html.EscapeString(strings.Join(described, " ")) + `"`)
	}
	// Ids come from the templates, never from a request.
	return template.HTMLAttr(strings.TrimSpace(b.String())) // #nosec G203 -- escaped above
}

// FieldError writes a field's error under it, or nothing.
func (p *page) FieldError(id string) template.HTML {
	msg, i := p.errorOf(id)
	if i < 0 {
		return ""
	}
	return template.HTML(`<p class="field-error" id="` + html.EscapeString(id) + `-erreur"><span class="sr-only">Erreur` + "\u00a0" + `: </span>` +
		html.EscapeString(msg) + `</p>`) // #nosec G203 -- escaped
}
