package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// folderRows writes a folder page's list of messages. It is built here
// rather than in folder.html because a page holds fifty rows of a dozen
// values each: through html/template, whose every action is a reflective
// call and an escaper, the rows cost several times the rest of the page
// (BenchmarkInboxEmptyVsFull). Every value from the database goes through
// html.EscapeString, in text or in a quoted attribute, never in a URL,
// script or style; ids are integers.
func (p *page) folderRows(f store.Folder, entries []store.Entry, bulk bool) template.HTML {
	var b strings.Builder
	b.Grow(len(entries) * 640)
	b.WriteString(`<ul class="messages">`)
	for i := range entries {
		e := &entries[i]
		id := strconv.FormatInt(e.ID, 10)
		subject := html.EscapeString(e.Subject)
		b.WriteString("\n  <li class=\"")
		switch {
		case !e.Read && bulk:
			b.WriteString("unread selectable")
		case !e.Read:
			b.WriteString("unread")
		case bulk:
			b.WriteString("selectable")
		}
		b.WriteString("\">")
		if bulk {
			b.WriteString(`<input type="checkbox" name="id" value="` + id + `" id="sel-` + id + `" aria-label="Sélectionner «&nbsp;` + subject + `&nbsp;»">`)
		}
		b.WriteString(`<a href="/messages/` + id + `"><span class="subject">`)
		if !e.Read {
			b.WriteString(`<span class="dot" aria-hidden="true"></span><span class="sr-only">Non lu&nbsp;: </span>`)
		}
		b.WriteString(subject + `</span> <span class="meta">`)
		if f == store.FolderSent {
			b.WriteString("À&nbsp;: ")
			for j, t := range e.To {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(html.EscapeString(recipientLabel(t)))
			}
		} else {
			b.WriteString("De&nbsp;: " + html.EscapeString(p.Who(e.SenderID, e.SenderName, e.SenderRole, e.Sender)))
		}
		b.WriteString(" · " + p.When(e.SentAt))
		if e.HasAttachments {
			b.WriteString(" · pièce jointe")
		}
		switch e.Status {
		case bouclier.StatusHeld:
			b.WriteString(` · <span class="tag">en vérification</span>`)
		case bouclier.StatusRejected:
			b.WriteString(` · <span class="tag">non distribué</span>`)
		case bouclier.StatusDeferred:
			b.WriteString(` · <span class="tag">programmé pour le ` + p.When(e.DeliverAt) + `</span>`)
		}
		b.WriteString("</span></a></li>")
	}
	b.WriteString("\n</ul>")
	return template.HTML(b.String()) // #nosec G203 -- every value escaped above
}
