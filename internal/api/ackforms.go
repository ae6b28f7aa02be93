package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/ackforms"
	"github.com/bouclier/bouclier/internal/store"
)

// Read acknowledgements and forms (issue 16). A send asks for them with
// "ack": true and "form": {"question", "choices"?} on POST /messages; the
// routes below answer, report, remind and export. ackforms decides who may
// do what on each message.

func (a *API) ackForms(w http.ResponseWriter, r *http.Request) bool {
	if a.svc.AckForms == nil {
		a.writeError(w, r, bouclier.Errorf(bouclier.ErrInternal, "Service indisponible."))
		return false
	}
	return true
}

func formJSON(req store.AckRequest) map[string]any {
	if !req.HasForm() {
		return nil
	}
	return map[string]any{"question": req.Question, "kind": req.Kind, "choices": req.Choices}
}

func answerJSON(ans *store.FormAnswer, lbl string) map[string]any {
	if ans == nil {
		return nil
	}
	return map[string]any{"choice": ans.Choice, "label": lbl, "by": ans.ByUsername, "by_name": ans.ByName,
		"at": time.UnixMicro(ans.At).UTC().Format(time.RFC3339)}
}

func stampOrNil(us int64) any {
	if us == 0 {
		return nil
	}
	return time.UnixMicro(us).UTC().Format(time.RFC3339)
}

// ackRequestGet is what a message asks of the caller.
func (a *API) ackRequestGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil || !a.ackForms(w, r) {
		if err != nil {
			a.writeError(w, r, err)
		}
		return
	}
	v, err := a.svc.AckForms.View(r.Context(), actorOf(r), id)
	if err == nil && !v.Asked {
		err = bouclier.Errorf(bouclier.ErrNotFound, "Ce message ne demande rien.")
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	fams := []map[string]any{}
	for _, s := range v.Slots {
		fams = append(fams, map[string]any{"child_id": strconv.FormatInt(s.Child.ID, 10), "child": s.Child.Username,
			"child_name": s.Child.DisplayName, "class": s.Child.Class, "answer": answerJSON(s.Answer, s.Label)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"ack": v.Request.Ack, "sender": v.Sender, "acknowledged": v.Acked,
		"acknowledged_at": stampOrNil(v.AckedAt), "form": formJSON(v.Request), "families": fams})
}

func (a *API) ackCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil && a.ackForms(w, r) {
		if err = a.svc.AckForms.Acknowledge(r.Context(), actorOf(r), id); err == nil {
			w.WriteHeader(http.StatusNoContent)
			return
		}
	} else if err == nil {
		return
	}
	a.writeError(w, r, err)
}

func (a *API) answerCreate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		ChildID string `json:"child_id"`
		Choice  *int   `json:"choice"`
	}
	if !a.decode(w, r, &in) || !a.ackForms(w, r) {
		return
	}
	id, err := pathID(r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	child, perr := strconv.ParseInt(in.ChildID, 10, 64)
	if perr != nil || child <= 0 || in.Choice == nil {
		a.writeError(w, r, bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez child_id et choice."))
		return
	}
	if err := a.svc.AckForms.Answer(r.Context(), actorOf(r), id, child, *in.Choice); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) resultsGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil || !a.ackForms(w, r) {
		if err != nil {
			a.writeError(w, r, err)
		}
		return
	}
	res, err := a.svc.AckForms.Results(r.Context(), actorOf(r), id)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	classes := []map[string]any{}
	for _, c := range res.Classes {
		people, fams := []map[string]any{}, []map[string]any{}
		for _, p := range c.People {
			people = append(people, map[string]any{"username": p.User.Username, "name": p.User.DisplayName, "role": p.User.Role,
				"children": p.Children, "acknowledged": p.Acked, "acknowledged_at": stampOrNil(p.AckedAt)})
		}
		for _, f := range c.Families {
			fams = append(fams, map[string]any{"child": f.Child.Username, "child_name": f.Child.DisplayName, "answer": answerJSON(f.Answer, f.Label)})
		}
		classes = append(classes, map[string]any{"class": c.Name, "people": people, "families": fams, "acknowledged": c.Acked,
			"answered": c.Answered, "counts": c.Counts})
	}
	pending := []string{}
	for _, u := range res.Pending {
		pending = append(pending, u.Username)
	}
	out := map[string]any{"id": strconv.FormatInt(id, 10), "subject": res.Message.Subject, "ack": res.Request.Ack, "form": formJSON(res.Request),
		"recipients": res.People, "acknowledged": res.Acked, "families": res.Families, "answered": res.Answered, "counts": res.Counts,
		"classes": classes, "pending": pending, "reminders": res.Request.Reminders, "next_reminder": nil}
	if !res.NextReminder.IsZero() {
		out["next_reminder"] = res.NextReminder.UTC().Format(time.RFC3339)
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) resultsCSV(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil || !a.ackForms(w, r) {
		if err != nil {
			a.writeError(w, r, err)
		}
		return
	}
	kind := r.URL.Query().Get("kind")
	if kind == "" {
		kind = ackforms.ExportAnswers
	}
	b, err := a.svc.AckForms.CSV(r.Context(), actorOf(r), id, kind)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="message-`+strconv.FormatInt(id, 10)+`-`+kind+`.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
}

func (a *API) remindCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil || !a.ackForms(w, r) {
		if err != nil {
			a.writeError(w, r, err)
		}
		return
	}
	res, n, err := a.svc.AckForms.Remind(r.Context(), actorOf(r), id)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": strconv.FormatInt(res.ID, 10), "status": res.Status, "recipients": n})
}

// formIn is the question of a send: no choices for yes or no.
type formIn struct {
	Question string   `json:"question"`
	Choices  []string `json:"choices"`
}
