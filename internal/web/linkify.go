package web

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/bouclier/bouclier/internal/screen"
)

// linkify renders a message's text with its web links clickable. Only
// links written with http or https, that parse and have none of the
// screen's findings become links; they open in a new tab without the
// referrer. Everything else is escaped text.
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
		b.WriteString(template.HTMLEscapeString(rest[:i]))
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || screen.LinkRisky(l) {
			b.WriteString(`<span class="link-text">` + template.HTMLEscapeString(raw) + `</span>`)
		} else {
			b.WriteString(`<a href="` + template.HTMLEscapeString(u.String()) + `" rel="noopener noreferrer nofollow ugc" target="_blank">` +
				template.HTMLEscapeString(raw) + `<span class="sr-only"> (nouvel onglet)</span></a>`)
		}
		rest = rest[i+len(raw):]
	}
	b.WriteString(template.HTMLEscapeString(rest))
	return template.HTML(b.String())
}
