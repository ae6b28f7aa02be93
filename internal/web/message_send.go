package web

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/rules"
)

// composeData is the compose form. The recipients offered are exactly
// Messaging.Reachable: what the rules allow this sender.
type composeData struct {
	Selected    []choice // recipients already chosen
	Groups      []choice // the sender's groups, when few enough to list
	Query       string   // the picker's search, without JavaScript
	Found       []choice // what it found
	MoreFound   bool     // more matched than are shown
	Reachable   int      // how many recipients the sender may choose from
	Unavailable []string // submitted recipients the picker does not offer
	Subject     string
	Body        string
	ReplyTo     int64
	Back        string // a reply's folder to lead back to (backLink.Key)
	DraftID     int64
	LostFiles   bool // files were attached to a refused message
	Refused     bool
	SendAt      string // scheduled send, as the datetime-local field shows it
	// ReopenAt (in words) and ReopenValue (for the form) are set when the
	// sender's messaging is closed: the send can be scheduled then.
	ReopenAt, ReopenValue string
	// MayUrgent offers the emergency override to those who may use it;
	// Urgent and UrgentReason keep what was asked.
	MayUrgent    bool
	Urgent       bool
	UrgentReason string
	Request      requestForm // acknowledgement and question (ackforms.go)
}

type choice struct {
	ID, Expr, Label string
	Checked         bool
}

// composeForm builds the form with the recipients in to chosen and the
// picker's search q done.
func (h *handler) composeForm(ctx context.Context, u bouclier.User, to []string, q string) (composeData, error) {
	opts, err := h.d.Messaging.Reachable(ctx, u)
	if err != nil {
		return composeData{}, err
	}
	d := composeData{MayUrgent: rules.MayUseUrgent(u.Role), Reachable: len(opts), Query: q, Request: requestForm{MayRequest: messaging.MayRequest(u.Role)}}
	id := func() string { return "dest-" + strconv.Itoa(len(d.Selected)+len(d.Groups)+len(d.Found)) }
	var groups []directory.Option
	for _, o := range opts {
		if o.Group {
			groups = append(groups, o)
		}
	}
	for _, t := range to {
		i := slices.IndexFunc(opts, func(o directory.Option) bool { return o.Expr == t })
		switch {
		case i < 0:
			d.Unavailable = append(d.Unavailable, t)
		case !slices.ContainsFunc(d.Selected, func(c choice) bool { return c.Expr == t }):
			d.Selected = append(d.Selected, choice{ID: id(), Expr: t, Label: optionLabel(opts[i]), Checked: true})
		}
	}
	if len(groups) <= maxGroupsShown {
		for _, g := range groups {
			if !slices.Contains(to, g.Expr) {
				d.Groups = append(d.Groups, choice{ID: id(), Expr: g.Expr, Label: optionLabel(g)})
			}
		}
	}
	if q != "" {
		skip := slices.Clone(to)
		for _, g := range d.Groups {
			skip = append(skip, g.Expr)
		}
		found, more := searchOptions(opts, q, skip, maxFound)
		for _, o := range found {
			d.Found = append(d.Found, choice{ID: id(), Expr: o.Expr, Label: optionLabel(o)})
		}
		d.MoreFound = more
	}
	return d, nil
}

// composeShow shows an empty form, a draft (?draft=ID) or a form addressed
// to someone (?to=user:NAME).
func (h *handler) composeShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx, q := r.Context(), r.URL.Query()
	var to []string
	if t := q.Get("to"); t != "" {
		to = []string{t}
	}
	var (
		draftErr string
		dr       struct {
			id, parent    int64
			subject, body string
		}
	)
	if v := q.Get("draft"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrNotFound, "Brouillon introuvable."))
			return
		}
		x, err := h.d.Messaging.Draft(ctx, s.User, id)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		to, draftErr = x.To, x.LastError
		dr.id, dr.parent, dr.subject, dr.body = x.ID, x.ParentID, x.Subject, x.Body
	}
	d, err := h.composeForm(ctx, s.User, to, strings.TrimSpace(q.Get("q")))
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	d.DraftID, d.ReplyTo, d.Subject, d.Body = dr.id, dr.parent, dr.subject, dr.body
	if dr.id != 0 {
		if err := h.keepDraftRequest(ctx, s.User, dr.id, &d.Request); err != nil {
			h.fail(w, r, &s, err)
			return
		}
	}
	p := h.newPage(ctx, &s, "Écrire un message", "compose")
	if p.reopen != nil {
		// Offered before the send rather than learnt from a refusal.
		local := p.reopen.In(h.location(s.User))
		d.ReopenAt, d.ReopenValue = frenchDate(local), local.Format("2006-01-02T15:04")
	}
	if q.Get("confirme") != "" {
		p.Flash = "Identité confirmée. Joignez à nouveau vos pièces jointes, puis envoyez."
		draftErr = ""
	}
	if draftErr != "" {
		d.Refused = true
		p.Error = "Motif du refus précédent\u00a0: " + p.RecipientsNamed(draftErr)
	}
	p.Data = d
	h.render(w, http.StatusOK, "compose", p)
}

// messageSend sends the compose or reply form through Messaging.Send. A
// refusal shows the form again, filled from what was kept as a draft, with
// the reason and the status that fits it.
func (h *handler) messageSend(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	d := messaging.Draft{SessionID: s.PublicID, Moved: s.Moved, To: r.PostForm["to"], Subject: r.PostFormValue("subject"),
		// Browsers submit CRLF line ends; store what people typed.
		Body: strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")}
	var err error
	if d.ParentID, err = formID(r, "reply_to"); err == nil {
		d.DraftID, err = formID(r, "draft_id")
	}
	if err == nil {
		d.Attachments, err = uploads(r)
	}
	d.Urgent, d.UrgentReason = r.PostFormValue("urgent") != "", strings.TrimSpace(r.PostFormValue("urgent_reason"))
	d.Ack, d.Form = requestFromForm(r)
	// The fields' errors in the page's order: the first one takes the focus.
	var fields, later []fieldError
	if v := strings.TrimSpace(r.PostFormValue("send_at")); v != "" && err == nil {
		d.SendAt, later = h.sendAt(v, s.User)

	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if r.PostFormValue("action") == "chercher" {
		h.composeSearch(w, r, s, d)
		return
	}
	if d.ParentID == 0 && len(d.To) == 0 {
		fields = append(fields, fieldError{"dest-q", "Choisissez au moins un destinataire."})
	}
	if strings.TrimSpace(d.Subject) == "" && d.ParentID == 0 {
		fields = append(fields, fieldError{"subject", "Indiquez l’objet du message."})
	}
	if strings.TrimSpace(d.Body) == "" {
		fields = append(fields, fieldError{"body", "Écrivez le message."})
	}
	if d.Urgent && d.UrgentReason == "" && d.ParentID == 0 {
		// Asked here, on its field, rather than refused by the service
		// after the whole form: the reason goes to the académie.
		fields = append(fields, fieldError{"urgent_reason", "Indiquez le motif de l’urgence\u00a0: il est transmis à l’académie avec l’envoi."})
	}
	fields = append(fields, later...)
	if len(fields) > 0 && d.ParentID != 0 {
		// A reply's form is on the message page: say it on its own page.
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "%s", fields[0].Message))
		return
	}
	if len(fields) > 0 {
		// Nothing sent and nothing kept yet: the form again, as typed.
		form, ferr := h.composeForm(ctx, s.User, d.To, "")
		if ferr != nil {
			h.fail(w, r, &s, ferr)
			return
		}
		form.Subject, form.Body, form.LostFiles = d.Subject, d.Body, len(d.Attachments) > 0
		form.Urgent, form.UrgentReason = d.Urgent, d.UrgentReason
		form.Request.keep(d)
		form.SendAt = r.PostFormValue("send_at")
		p := h.newPage(ctx, &s, "Écrire un message", "compose")
		p.Fields = fields
		p.Data = form
		h.render(w, http.StatusUnprocessableEntity, "compose", p)
		return
	}
	if r.PostFormValue("confirm") != "1" {
		reach, wide, err := h.wideUrgent(ctx, s.User, d)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		if wide {
			h.urgentSummary(w, r, s, d, reach)
			return
		}
	} else if ok, err := h.heldAttachments(r, s, &d); err != nil {
		h.fail(w, r, &s, err)
		return
	} else if !ok {
		// The files are not held here any more (restart, another
		// process, expiry): never send without them.
		form, ferr := h.composeForm(ctx, s.User, d.To, "")
		if ferr != nil {
			h.fail(w, r, &s, ferr)
			return
		}
		form.Subject, form.Body, form.DraftID, form.LostFiles = d.Subject, d.Body, d.DraftID, true
		form.Urgent, form.UrgentReason = d.Urgent, d.UrgentReason
		form.Request.keep(d)
		p := h.newPage(ctx, &s, "Message non envoyé", "compose")
		p.Error = "Les pièces jointes de ce message ne sont plus conservées : joignez-les à nouveau, puis envoyez. Le texte est gardé dans vos brouillons."
		p.Data = form
		h.render(w, http.StatusConflict, "compose", p)
		return
	}
	unneeded := d.Urgent && h.urgentUnneeded(ctx, s.User, d.SendAt)
	res, err := h.d.Messaging.Send(ctx, s.User, d, clientOf(r).Address)
	if err == nil {
		to := sentLocation(res.ID)
		if unneeded {
			to += "&urgent=inutile"
		}
		http.Redirect(w, r, withBack(to, r.PostFormValue("de")), http.StatusSeeOther)
		return
	}
	if res.DraftID == 0 {
		h.fail(w, r, &s, err)
		return
	}
	if bouclier.ErrorCode(err) == bouclier.ErrStepUpRequired {
		// Confirm with a second factor, then the kept draft is sent.
		target := "/step-up?draft=" + strconv.FormatInt(res.DraftID, 10)
		if len(d.Attachments) > 0 {
			target += "&pj=1"
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
		return
	}
	form, ferr := h.composeForm(ctx, s.User, d.To, "")
	if ferr != nil {
		h.fail(w, r, &s, ferr)
		return
	}
	form.Subject, form.Body, form.ReplyTo, form.DraftID = d.Subject, d.Body, d.ParentID, res.DraftID
	if _, ok := backLinks[r.PostFormValue("de")]; ok {
		form.Back = r.PostFormValue("de")
	}
	form.LostFiles, form.Refused = len(d.Attachments) > 0, true
	form.Urgent, form.UrgentReason = d.Urgent, d.UrgentReason
	form.Request.keep(d)
	if !d.SendAt.IsZero() {
		form.SendAt = d.SendAt.In(h.location(s.User)).Format("2006-01-02T15:04")
	}
	if bouclier.ErrorCode(err) == bouclier.ErrMessagingClosed && !res.ReopenAt.IsZero() {
		local := res.ReopenAt.In(h.location(s.User))
		form.ReopenAt, form.ReopenValue = frenchDate(local), local.Format("2006-01-02T15:04")
	}
	p := h.newPage(ctx, &s, "Message non envoyé", "compose")
	p.Error = "Motif\u00a0: " + p.RecipientsNamed(userMessageTo(p.User, err))
	p.Data = form
	h.render(w, statusOf(err), "compose", p)
}

// urgentUnneeded reports whether u's messaging is open at the send's
// instant (now, or when it is scheduled): the emergency override then
// changes nothing, the message goes as any other and is not reported to
// the académie, and the sender is told so rather than left to believe it
// was.
func (h *handler) urgentUnneeded(ctx context.Context, u bouclier.User, sendAt time.Time) bool {
	if h.d.Explain == nil {
		return false
	}
	at := h.d.Now()
	if sendAt.After(at) {
		at = sendAt
	}
	b, err := h.d.Explain(ctx, u, at)
	return err == nil && b.Send
}

func formID(r *http.Request, field string) (int64, error) {
	v := r.PostFormValue(field)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Formulaire invalide.")
	}
	return id, nil
}

// uploads reads the attached files. An empty file input still sends one
// nameless empty part, which is skipped.
func uploads(r *http.Request) ([]messaging.Attachment, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var out []messaging.Attachment
	for _, fh := range r.MultipartForm.File["attachments"] {
		if fh.Filename == "" && fh.Size == 0 {
			continue
		}
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, messaging.Attachment{Name: fh.Filename, ContentType: fh.Header.Get("Content-Type"), Data: data})
	}
	return out, nil
}

// composeSearch shows the form again with the picker's search done, as
// typed, without sending: the picker's fallback without JavaScript.
func (h *handler) composeSearch(w http.ResponseWriter, r *http.Request, s auth.Session, d messaging.Draft) {
	ctx := r.Context()
	q := strings.TrimSpace(r.PostFormValue("q"))
	if len([]rune(q)) > 100 {
		q = string([]rune(q)[:100])
	}
	form, err := h.composeForm(ctx, s.User, d.To, q)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	form.Subject, form.Body, form.ReplyTo, form.DraftID = d.Subject, d.Body, d.ParentID, d.DraftID
	form.Urgent, form.UrgentReason = d.Urgent, d.UrgentReason
	if !d.SendAt.IsZero() {
		form.SendAt = d.SendAt.In(h.location(s.User)).Format("2006-01-02T15:04")
	}
	p := h.newPage(ctx, &s, "Écrire un message", "compose")
	if len(d.Attachments) > 0 {
		p.Flash = "Joignez à nouveau vos pièces jointes avant d’envoyer."
	}
	p.Data = form
	h.render(w, http.StatusOK, "compose", p)
}
