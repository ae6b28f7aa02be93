package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/ackforms"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
)

// Read acknowledgements and forms on a message (issue 16): the compose
// options, the button and the question on the message page, the results
// page with its reminder and exports. ackforms decides who may do what.

// requestForm is what the compose form asks of the recipients.
type requestForm struct {
	MayRequest bool // personnel who may ask (messaging.MayRequest)
	Ack        bool
	Question   string
	Multiple   bool   // several choices rather than yes or no
	Choices    string // one per line
}

// requestFromForm reads the compose form's acknowledgement and question.
func requestFromForm(r *http.Request) (bool, *messaging.Form) {
	ack := r.PostFormValue("ack") != ""
	q := strings.TrimSpace(r.PostFormValue("question"))
	if q == "" {
		return ack, nil
	}
	f := &messaging.Form{Question: q}
	if r.PostFormValue("form_kind") == "choice" {
		f.Choices = strings.Split(strings.ReplaceAll(r.PostFormValue("choices"), "\r\n", "\n"), "\n")
	}
	return ack, f
}

// keep refills the form after a refused send.
func (f *requestForm) keep(d messaging.Draft) {
	f.Ack = d.Ack
	if d.Form != nil {
		f.Question, f.Multiple, f.Choices = d.Form.Question, len(d.Form.Choices) > 0, strings.Join(d.Form.Choices, "\n")
	}
}

// requestData is the message page's part on the request.
type requestData struct {
	ackforms.View
}

// requestView gives the message page what the message asks of its reader.
func (h *handler) requestView(r *http.Request, s auth.Session, id int64) (requestData, error) {
	if h.d.AckForms == nil {
		return requestData{}, nil // the page works without; nothing is asked
	}
	v, err := h.d.AckForms.View(r.Context(), actorOf(r, s), id)
	return requestData{View: v}, err
}

// requestFlash is the confirmation after acknowledging or answering.
func requestFlash(q url.Values) string {
	switch {
	case q.Get("accuse") != "":
		return "Merci, votre accusé de lecture est enregistré."
	case q.Get("repondu") != "":
		return "Merci, votre réponse est enregistrée."
	}
	return ""
}

func (h *handler) ackService(w http.ResponseWriter, r *http.Request, s auth.Session) (int64, bool) {
	id, err := pathID(r)
	if err == nil && h.d.AckForms == nil {
		err = bouclier.Errorf(bouclier.ErrInternal, "Service indisponible.")
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return 0, false
	}
	return id, true
}

// messageAck acknowledges a received message (Acknowledge).
func (h *handler) messageAck(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, ok := h.ackService(w, r, s)
	if !ok {
		return
	}
	if err := h.d.AckForms.Acknowledge(r.Context(), actorOf(r, s), id); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/messages/"+strconv.FormatInt(id, 10)+"?accuse=1", http.StatusSeeOther)
}

// messageAnswer answers a message's question for one family (Answer).
func (h *handler) messageAnswer(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, ok := h.ackService(w, r, s)
	if !ok {
		return
	}
	child, err := formID(r, "eleve")
	var choice int64
	if err == nil {
		choice, err = strconv.ParseInt(r.PostFormValue("reponse"), 10, 32)
		if err != nil || child == 0 {
			err = bouclier.Errorf(bouclier.ErrInvalidRequest, "Choisissez une réponse.")
		}
	}
	if err == nil {
		err = h.d.AckForms.Answer(r.Context(), actorOf(r, s), id, child, int(choice))
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/messages/"+strconv.FormatInt(id, 10)+"?repondu=1", http.StatusSeeOther)
}

// resultsData is the results page.
type resultsData struct {
	ackforms.Results
	NextReminder string // in words, when a reminder must wait
	Percent      []int  // of the families' answers, per choice
}

// resultsShow shows who acknowledged and how families answered, per class.
func (h *handler) resultsShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, ok := h.ackService(w, r, s)
	if !ok {
		return
	}
	res, err := h.d.AckForms.Results(r.Context(), actorOf(r, s), id)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	d := resultsData{Results: res}
	if !res.NextReminder.IsZero() {
		d.NextReminder = frenchDate(res.NextReminder.In(h.location(s.User)))
	}
	for _, n := range res.Counts {
		pc := 0
		if res.Families > 0 {
			pc = n * 100 / res.Families
		}
		d.Percent = append(d.Percent, pc)
	}
	p := h.newPage(r.Context(), &s, "Suivi\u00a0: "+res.Message.Subject, "")
	if n := r.URL.Query().Get("relance"); n != "" {
		if k, err := strconv.Atoi(n); err == nil && k > 0 {
			p.Flash = "Relance envoyée à " + strconv.Itoa(k) + "\u00a0destinataire" + plural(k) + "."
		}
	}
	p.Data = d
	h.render(w, http.StatusOK, "results", p)
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// resultsCSV exports the answers or the acknowledgements.
func (h *handler) resultsCSV(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, ok := h.ackService(w, r, s)
	if !ok {
		return
	}
	kind := r.URL.Query().Get("type")
	if kind == "" {
		kind = ackforms.ExportAnswers
	}
	b, err := h.d.AckForms.CSV(r.Context(), actorOf(r, s), id, kind)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="suivi-`+strconv.FormatInt(id, 10)+`-`+kind+`-`+h.d.Now().Format("20060102")+`.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
}

// messageRemind sends the reminder (Remind).
func (h *handler) messageRemind(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, ok := h.ackService(w, r, s)
	if !ok {
		return
	}
	_, n, err := h.d.AckForms.Remind(r.Context(), actorOf(r, s), id)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/messages/"+strconv.FormatInt(id, 10)+"/results?relance="+strconv.Itoa(n), http.StatusSeeOther)
}

// WhenShort formats unix microseconds for the results page.
func (p *page) WhenShort(us int64) string {
	if us == 0 {
		return ""
	}
	return frenchDate(time.UnixMicro(us).In(p.loc))
}

// keepDraftRequest refills the compose form with what draft id asked.
func (h *handler) keepDraftRequest(ctx context.Context, u bouclier.User, id int64, f *requestForm) error {
	ack, form, err := h.d.Messaging.DraftRequest(ctx, u, id)
	if err != nil {
		return err
	}
	f.keep(messaging.Draft{Ack: ack, Form: form})
	return nil
}
