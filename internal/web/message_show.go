package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

type threadData struct {
	Entry    store.Entry // the message opened
	Mine     bool        // the user sent it (no trash for one's own sent messages)
	Messages []threadMessage
	JustSent bool
	// UrgentUnneeded: sent with the emergency override while messaging
	// was open, so as any other message (urgentUnneeded).
	UrgentUnneeded bool
	Reply          replyForm
	// For its sender: the recipients who did not get it when it was
	// sent, by name and why, and how many never will and will later.
	Unreached, LaterGroups []unreachedGroup
	NotReached, Later      int
	Reported               bool // the user just reported it
	ReportReasons          []string
	Request                requestData // what the message asks of its reader (ackforms.go)
	Back                   backLink    // the folder the reader came from
	Report                 reportForm  // the report form sent back with its error
}

// backLink is the folder a message page leads back to. Key travels with
// a reply (the field de), so that after replying from the inbox the
// reader's own reply leads back to the inbox, not to « Messages
// envoyés ».
type backLink struct{ Key, Href, Label string }

var backLinks = map[string]backLink{
	"inbox": {"inbox", "/inbox", "Boîte de réception"},
	"sent":  {"sent", "/sent", "Messages envoyés"},
	"trash": {"trash", "/trash", "Corbeille"},
}

// threadBack is the page's back link: the trash for a message in it, the
// folder the reader came from when said (from), else the folder the
// message is in.
func threadBack(e store.Entry, mine bool, from string) backLink {
	switch b, ok := backLinks[from]; {
	case e.Trashed:
		return backLinks["trash"]
	case ok && from != "trash":
		return b
	case mine:
		return backLinks["sent"]
	}
	return backLinks["inbox"]
}

// withBack adds to a message's address the folder its page leads back
// to, when it is one of the known ones.
func withBack(location, from string) string {
	if _, ok := backLinks[from]; ok {
		return location + "&de=" + from
	}
	return location
}

// reportReasons are the reasons offered when reporting a message.
var reportReasons = []string{"Menace ou violence", "Harcèlement ou insulte", "Contenu choquant (image, vidéo)", "Hameçonnage ou lien suspect",
	"Apologie du terrorisme", "Autre"}

type threadMessage struct {
	bouclier.Message
	Attachments []attachmentView
	Mine        bool
	Current     bool
}

type replyForm struct {
	To      []string
	ReplyTo int64
	Subject string
	// FollowUp: nobody else wrote in the thread, so the form writes again
	// to its recipients: it is not a « réponse » to oneself.
	FollowUp bool
}

func (h *handler) messageShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	h.messagePage(w, r, s, http.StatusOK, nil)
}

// reportForm is the report form as sent back with its error: the
// comment typed is kept and the form shown open.
type reportForm struct {
	Open    bool
	Comment string
}

// messagePage shows the message of the request's path, with the report
// form's errors when it is shown again (fields).
func (h *handler) messagePage(w http.ResponseWriter, r *http.Request, s auth.Session, status int, fields []fieldError) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	ctx, u := r.Context(), s.User
	e, err := h.d.Messaging.Message(ctx, u, id)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	thread, err := h.d.Messaging.Thread(ctx, u, id)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	q := r.URL.Query()
	d := threadData{Entry: e, Mine: e.SenderID == u.ID, JustSent: q.Get("envoye") != "", Reported: q.Get("signale") != "",
		ReportReasons: reportReasons}
	d.UrgentUnneeded = d.JustSent && q.Get("urgent") == "inutile"
	// « Signaler », above the message, opens the report form at the
	// page's end, without JavaScript.
	d.Report.Open = q.Get("signaler") != ""
	d.Back = threadBack(e, d.Mine, q.Get("de"))
	if d.Mine {
		xs, err := h.d.Messaging.Unreached(ctx, u, id)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		for _, x := range xs {
			if x.DeliverAt == 0 {
				d.NotReached++
			} else {
				d.Later++
			}
		}
		for _, g := range h.unreachedView(ctx, h.location(u), xs) {
			if g.Later {
				d.LaterGroups = append(d.LaterGroups, g)
			} else {
				d.Unreached = append(d.Unreached, g)
			}
		}
	}
	// The page waits pdfWait at most for the PDFs' first renders, however
	// many it shows.
	wait, cancel := context.WithTimeout(ctx, pdfWait)
	defer cancel()
	for _, m := range thread {
		tm := threadMessage{Message: m, Mine: m.SenderID == u.ID, Current: m.ID == id}
		as, err := h.d.Messaging.Attachments(ctx, u, m.ID)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		tm.Attachments = h.attachmentViews(ctx, wait, u, as)
		d.Messages = append(d.Messages, tm)
	}
	d.Reply = replyTo(u, e.Message, thread)
	if d.Request, err = h.requestView(r, s, id); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(ctx, &s, e.Subject, "")
	h.describe(ctx, p, thread)
	p.Flash = requestFlash(q)
	if len(fields) > 0 {
		p.Fields = fields
		d.Report = reportForm{Open: true, Comment: r.PostFormValue("commentaire")}
	}
	p.Data = d
	h.render(w, status, "message", p)
}

// replyTo answers the last message someone else wrote in the thread, or,
// in a thread of one's own messages only, writes again to its recipients.
func replyTo(u bouclier.User, opened bouclier.Message, thread []bouclier.Message) replyForm {
	f := replyForm{To: opened.To, ReplyTo: opened.ID, Subject: replySubject(opened.Subject)}
	for i := len(thread) - 1; i >= 0; i-- {
		if m := thread[i]; m.SenderID != u.ID {
			f.To, f.ReplyTo = []string{"user:" + m.Sender}, m.ID
			return f
		}
	}
	if n := len(thread); n > 0 {
		f.ReplyTo = thread[n-1].ID
	}
	f.FollowUp, f.Subject = true, opened.Subject
	return f
}

func replySubject(s string) string {
	l := strings.ToLower(s)
	// « RE: », « RE : » as typed elsewhere, « RE : » as written here.
	if rest, ok := strings.CutPrefix(l, "re"); ok && strings.HasPrefix(strings.TrimLeft(rest, " \u00a0\u202f"), ":") {
		return s
	}
	return "RE\u00a0: " + s
}

// clipText cuts s to at most n runes.
func clipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// sentLocation is where a send leads: the message, which tells its
// sender who was left out (kept with it, unreached.go).
func sentLocation(id int64) string {
	return "/messages/" + strconv.FormatInt(id, 10) + "?envoye=1"
}

// messageReport reports a received message to the establishment
// (Moderation.Report), with a reason chosen from the list and an optional
// comment.
func (h *handler) messageReport(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("motif"))
	known := false
	for _, x := range reportReasons {
		known = known || x == reason
	}
	if !known {
		// The browser asks for a reason first (required); without it (an
		// older browser, a page changed), the message again with the
		// error on the reasons and the comment kept, not a bare error page.
		h.messagePage(w, r, s, http.StatusUnprocessableEntity, []fieldError{{"motif-0", "Choisissez le motif du signalement."}})
		return
	}
	if c := strings.TrimSpace(r.PostFormValue("commentaire")); c != "" {
		reason += "\u00a0: " + clipText(c, 800)
	}
	if err := h.d.Moderation.Report(r.Context(), actorOf(r, s), id, reason); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/messages/"+strconv.FormatInt(id, 10)+"?signale=1", http.StatusSeeOther)
}
