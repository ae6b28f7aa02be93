package web

import (
	"net/http"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

type threadData struct {
	Entry    store.Entry // the message opened
	Mine     bool        // the user sent it (no trash for one's own sent messages)
	Messages []threadMessage
	JustSent bool
	Reply    replyForm
}

type threadMessage struct {
	bouclier.Message
	Attachments []store.Attachment
	Mine        bool
	Current     bool
}

type replyForm struct {
	To      []string
	ReplyTo int64
	Subject string
}

func (h *handler) messageShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
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
	d := threadData{Entry: e, Mine: e.SenderID == u.ID, JustSent: r.URL.Query().Get("envoye") != ""}
	for _, m := range thread {
		tm := threadMessage{Message: m, Mine: m.SenderID == u.ID, Current: m.ID == id}
		if tm.Attachments, err = h.d.Messaging.Attachments(ctx, u, m.ID); err != nil {
			h.fail(w, r, &s, err)
			return
		}
		d.Messages = append(d.Messages, tm)
	}
	d.Reply = replyTo(u, e.Message, thread)
	p := h.newPage(ctx, &s, e.Subject, "")
	p.Data = d
	h.render(w, http.StatusOK, "message", p)
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
	return f
}

func replySubject(s string) string {
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "re :") || strings.HasPrefix(l, "re:") {
		return s
	}
	return "RE : " + s
}
