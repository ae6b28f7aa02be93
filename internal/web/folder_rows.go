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
	// Pieces are written one by one: concatenating them first made
	// temporary strings, a third of this function's cost.
	w := b.WriteString
	b.WriteString(`<ul class="messages">`)
	var idBuf [20]byte
	for i := range entries {
		e := &entries[i]
		id := strconv.AppendInt(idBuf[:0], e.ID, 10)
		w("\n  <li class=\"")
		switch {
		case !e.Read && bulk:
			w("unread selectable")
		case !e.Read:
			w("unread")
		case bulk:
			w("selectable")
		}
		w("\">")
		if bulk {
			w(`<input type="checkbox" name="id" value="`)
			b.Write(id)
			w(`" id="sel-`)
			b.Write(id)
			w(`" aria-label="Sélectionner «&nbsp;`)
			escapeTo(&b, e.Subject)
			w(`&nbsp;»">`)
		}
		w(`<a href="/messages/`)
		b.Write(id)
		w(`"><span class="subject">`)
		if !e.Read {
			w(`<span class="dot" aria-hidden="true"></span><span class="sr-only">Non lu&nbsp;: </span>`)
		}
		escapeTo(&b, e.Subject)
		w(`</span> <span class="meta">`)
		if f == store.FolderSent {
			w("À&nbsp;: ")
			for j, t := range e.To {
				if j > 0 {
					w(", ")
				}
				escapeTo(&b, p.Recipient(t))
			}
		} else {
			w("De&nbsp;: ")
			escapeTo(&b, p.Who(e.SenderID, e.SenderName, e.SenderRole, e.Sender))
		}
		w(" · ")
		w(p.When(e.SentAt))
		if e.HasAttachments {
			w(" · pièce jointe")
		}
		switch e.Status {
		case bouclier.StatusHeld:
			w(` · <span class="tag">en vérification</span>`)
		case bouclier.StatusRejected:
			w(` · <span class="tag">non distribué</span>`)
		case bouclier.StatusDeferred:
			w(` · <span class="tag long">programmé pour le `)
			w(p.When(e.DeliverAt))
			w(`</span>`)
		}
		w("</span></a></li>")
	}
	w("\n</ul>")
	return template.HTML(b.String()) // #nosec G203 -- every value escaped above
}

// escapeTo writes s escaped as html.EscapeString does (text and quoted
// attributes), without a copy when s has nothing to escape.
func escapeTo(b *strings.Builder, s string) {
	if !strings.ContainsAny(s, `<>&'"`) {
		b.WriteString(s)
		return
	}
	b.WriteString(html.EscapeString(s))
}
