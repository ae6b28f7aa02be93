package web

import (
	"html/template"
	"net/url"
	"regexp"
	"strings"

	"github.com/bouclier/bouclier/internal/screen"
)

// linkify renders a message's text with its web links clickable. Only
// links written with http or https, that parse and have none of the
// screen's findings become links; they open in a new tab without the
// referrer. Everything else is escaped text, with times and amounts kept
// on one line (keep).
func linkify(body string) template.HTML {
	var b strings.Builder
	rest := body
	for _, l := range screen.ExtractLinks(body) {
		raw := l.Raw
		if !strings.HasPrefix(strings.ToLower(raw), "http://") && !strings.HasPrefix(strings.ToLower(raw), "https://") {
			continue
		}
		i := strings.Index(rest, raw)
		if i < 0 {
			continue // refanged or rewritten: leave it as text
		}
		b.WriteString(keep(rest[:i]))
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || screen.LinkRisky(l) {
			b.WriteString(`<span class="link-text">` + template.HTMLEscapeString(raw) + `</span>`)
		} else {
			b.WriteString(`<a href="` + template.HTMLEscapeString(u.String()) + `" rel="noopener noreferrer nofollow ugc" target="_blank">` +
				template.HTMLEscapeString(raw) + `<span class="sr-only"> (nouvel onglet)</span></a>`)
		}
		rest = rest[i+len(raw):]
	}
	b.WriteString(keep(rest))
	return template.HTML(b.String())
}

// unbreakable matches what a narrow screen must not split over two lines
// at its spaces: times (« 8 h 30 », « 14 h »), amounts (« 12,50 € ») and
// dates (« 12 mars »).
var unbreakable = regexp.MustCompile(`\b\d{1,2}[ \x{a0}\x{202f}]?h(?:[ \x{a0}\x{202f}]?\d{2})?\b|\d[\d \x{a0}\x{202f}]*(?:,\d+)?[ \x{a0}\x{202f}]?€|\b\d{1,2}(?:er)?[ \x{a0}\x{202f}](?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b`)

// keep escapes text and wraps each unbreakable run that holds a space in
// a span that does not wrap; the text itself is not changed.
func keep(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range unbreakable.FindAllStringIndex(text, -1) {
		if !strings.ContainsAny(text[m[0]:m[1]], " \u00a0\u202f") {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[last:m[0]]))
		b.WriteString(`<span class="nowrap">` + template.HTMLEscapeString(text[m[0]:m[1]]) + `</span>`)
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return b.String()
}
