package api

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/httpx"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

type userJSON struct {
	Username      string        `json:"username"`
	DisplayName   string        `json:"display_name"`
	Role          bouclier.Role `json:"role"`
	Academie      string        `json:"academie,omitempty"`
	Establishment string        `json:"establishment,omitempty"`
	Class         string        `json:"class,omitempty"`
	ReadOnly      bool          `json:"read_only"`
}

func toUserJSON(u bouclier.User) userJSON {
	return userJSON{Username: u.Username, DisplayName: u.DisplayName, Role: u.Role, Academie: u.Academie,
		Establishment: u.UAI, Class: u.Class, ReadOnly: u.ReadOnly}
}

func (a *API) sessionCreate(w http.ResponseWriter, r *http.Request) {
	var in loginJSON
	if !a.decode(w, r, &in) {
		return
	}
	a.login(w, r, in) // security.go
}

func (a *API) sessionDelete(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Auth.Logout(r.Context(), sessionFrom(r), clientOf(r)); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) me(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, toUserJSON(sessionFrom(r).User))
}

type attachmentIn struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Base64      string `json:"base64"`
}

func (a *API) messageSend(w http.ResponseWriter, r *http.Request) {
	var in struct {
		To           []string       `json:"to"`
		Subject      string         `json:"subject"`
		Body         string         `json:"body"`
		ReplyTo      string         `json:"reply_to"`
		DraftID      string         `json:"draft_id"`
		Attachments  []attachmentIn `json:"attachments"`
		Urgent       bool           `json:"urgent"`
		UrgentReason string         `json:"urgent_reason"`
		SendAt       *time.Time     `json:"send_at"`
		Ack          bool           `json:"ack"`  // ask for a read acknowledgement
		Form         *formIn        `json:"form"` // ask a question (ackforms)
	}
	if !a.decode(w, r, &in) {
		return
	}
	d := messaging.Draft{To: in.To, Subject: in.Subject, Body: in.Body, Urgent: in.Urgent, UrgentReason: in.UrgentReason, SessionID: sessionFrom(r).PublicID, Moved: sessionFrom(r).Moved}
	if in.SendAt != nil {
		d.SendAt = *in.SendAt
	}
	d.Ack = in.Ack
	if in.Form != nil {
		d.Form = &messaging.Form{Question: in.Form.Question, Choices: in.Form.Choices}
	}
	var err error
	if d.ParentID, err = optionalID(in.ReplyTo, "reply_to"); err != nil {
		a.writeError(w, r, err)
		return
	}
	if d.DraftID, err = optionalID(in.DraftID, "draft_id"); err != nil {
		a.writeError(w, r, err)
		return
	}
	for _, at := range in.Attachments {
		data, err := base64.StdEncoding.DecodeString(at.Base64)
		if err != nil {
			a.writeError(w, r, bouclier.Errorf(bouclier.ErrInvalidRequest, "Pièce jointe %q\u00a0: base64 invalide.", at.Name))
			return
		}
		d.Attachments = append(d.Attachments, messaging.Attachment{Name: at.Name, ContentType: at.ContentType, Data: data})
	}
	res, err := a.svc.Messaging.Send(r.Context(), sessionFrom(r).User, d, clientOf(r).Address)
	if err != nil {
		det := errorDetail{}
		if res.DraftID != 0 {
			det.DraftID = strconv.FormatInt(res.DraftID, 10)
		}
		if !res.ReopenAt.IsZero() {
			det.Until = res.ReopenAt.UTC().Format(time.RFC3339)
		}
		a.writeErrorDetail(w, r, err, det)
		return
	}
	out := map[string]any{"id": strconv.FormatInt(res.ID, 10), "status": res.Status}
	if !res.DeliverAt.IsZero() {
		out["deliver_at"] = res.DeliverAt.UTC().Format(time.RFC3339)
	}
	if len(res.NotReached) > 0 {
		nr := make([]map[string]string, len(res.NotReached))
		for i, u := range res.NotReached {
			nr[i] = map[string]string{"recipient": "user:" + u.User.Username, "reason": u.Reason}
		}
		out["not_reached"] = nr
	}
	if len(res.Later) > 0 {
		l := make([]map[string]string, len(res.Later))
		for i, u := range res.Later {
			l[i] = map[string]string{"recipient": "user:" + u.User.Username, "deliver_at": u.DeliverAt.UTC().Format(time.RFC3339)}
		}
		out["later"] = l
	}
	writeJSON(w, http.StatusCreated, out)
}

func optionalID(s, field string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Champ %s invalide.", field)
	}
	return id, nil
}

type messageJSON struct {
	ID          string   `json:"id"`
	ThreadID    string   `json:"thread_id"`
	ReplyTo     string   `json:"reply_to,omitempty"`
	From        string   `json:"from"`
	FromName    string   `json:"from_name,omitempty"`
	FromRole    string   `json:"from_role,omitempty"`
	To          []string `json:"to"`
	Subject     string   `json:"subject"`
	Body        string   `json:"body"`
	SentAt      string   `json:"sent_at"`
	Status      string   `json:"status,omitempty"`
	Read        bool     `json:"read"`
	Attachments bool     `json:"has_attachments"`
}

func toMessageJSON(m bouclier.Message) messageJSON {
	j := messageJSON{ID: strconv.FormatInt(m.ID, 10), ThreadID: strconv.FormatInt(m.ThreadID, 10), From: m.Sender, FromName: m.SenderName, FromRole: string(m.SenderRole), To: m.To,
		Subject: m.Subject, Body: m.Body, SentAt: time.UnixMicro(m.SentAt).UTC().Format(time.RFC3339), Status: string(m.Status)}
	if m.ParentID != 0 {
		j.ReplyTo = strconv.FormatInt(m.ParentID, 10)
	}
	return j
}

func entryJSON(e store.Entry, withStatus bool) messageJSON {
	j := toMessageJSON(e.Message)
	j.Read, j.Attachments = e.Read, e.HasAttachments
	if !withStatus {
		j.Status = ""
	}
	return j
}

func (a *API) folder(f store.Folder) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var before int64
		limit := 50
		if s := q.Get("before"); s != "" {
			v, err := strconv.ParseInt(s, 10, 64)
			if err != nil || v <= 0 {
				a.writeError(w, r, bouclier.Errorf(bouclier.ErrInvalidRequest, "Paramètre before invalide."))
				return
			}
			before = v
		}
		if s := q.Get("limit"); s != "" {
			v, err := strconv.Atoi(s)
			if err != nil || v <= 0 || v > 200 {
				a.writeError(w, r, bouclier.Errorf(bouclier.ErrInvalidRequest, "Paramètre limit invalide (1 à 200)."))
				return
			}
			limit = v
		}
		entries, err := a.svc.Messaging.Folder(r.Context(), sessionFrom(r).User, f, before, limit)
		if err != nil {
			a.writeError(w, r, err)
			return
		}
		out := make([]messageJSON, 0, len(entries))
		for _, e := range entries {
			out = append(out, entryJSON(e, f == store.FolderSent))
		}
		writeJSON(w, http.StatusOK, map[string]any{"messages": out})
	}
}

func (a *API) messageGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	u := sessionFrom(r).User
	e, err := a.svc.Messaging.Message(r.Context(), u, id)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	thread, err := a.svc.Messaging.Thread(r.Context(), u, id)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	atts, err := a.svc.Messaging.Attachments(r.Context(), u, id)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := struct {
		messageJSON
		Thread      []messageJSON `json:"thread"`
		Attachments []any         `json:"attachments"`
	}{messageJSON: entryJSON(e, e.SenderID == u.ID)}
	out.messageJSON.Read = true
	for _, m := range thread {
		out.Thread = append(out.Thread, toMessageJSON(m))
	}
	out.Attachments = []any{}
	for _, at := range atts {
		out.Attachments = append(out.Attachments, map[string]any{"id": strconv.FormatInt(at.ID, 10), "name": at.Name, "content_type": at.ContentType, "size": at.Size})
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) messageTrash(w http.ResponseWriter, r *http.Request)   { a.trash(w, r, true) }
func (a *API) messageRestore(w http.ResponseWriter, r *http.Request) { a.trash(w, r, false) }

func (a *API) trash(w http.ResponseWriter, r *http.Request, trashed bool) {
	id, err := pathID(r)
	if err == nil {
		err = a.svc.Messaging.Trash(r.Context(), sessionFrom(r).User, id, trashed)
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) drafts(w http.ResponseWriter, r *http.Request) {
	ds, err := a.svc.Messaging.Drafts(r.Context(), sessionFrom(r).User)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(ds))
	for _, d := range ds {
		out = append(out, map[string]any{"id": strconv.FormatInt(d.ID, 10), "to": d.To, "subject": d.Subject, "body": d.Body,
			"error": d.LastError, "updated_at": time.UnixMicro(d.UpdatedAt).UTC().Format(time.RFC3339)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"drafts": out})
}

func (a *API) attachmentGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	at, data, err := a.svc.Messaging.Attachment(r.Context(), sessionFrom(r).User, id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			err = bouclier.Errorf(bouclier.ErrNotFound, "Pièce jointe introuvable.")
		}
		a.writeError(w, r, err)
		return
	}
	httpx.ServeAttachment(w, at.Name, at.ContentType, data)
}
