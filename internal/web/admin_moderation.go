package web

import (
	"bytes"
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// moderationData is the moderation page: held messages with the screen's
// reasons, and recipients' reports.
type moderationData struct {
	Queue   []store.HeldItem
	Reports []store.Report
}

// moderationList shows the queue (Moderation.Queue) and the reports
// (Moderation.Reports).
func (h *handler) moderationList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	q, err := h.d.Moderation.Queue(ctx, modActor(r, s))
	var reps []store.Report
	if err == nil {
		reps, err = h.d.Moderation.Reports(ctx, modActor(r, s))
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(ctx, &s, "Modération", "admin")
	flash(p, r)
	msgs := make([]bouclier.Message, len(q))
	for i, m := range q {
		msgs[i] = m.Message
	}
	h.describe(ctx, p, msgs)
	p.Data = moderationData{Queue: q, Reports: reps}
	h.render(w, http.StatusOK, "moderation", p)
}

// moderationRelease delivers a held message (Moderation.Release).
func (h *handler) moderationRelease(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if err == nil {
		err = h.d.Moderation.Release(r.Context(), modActor(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/moderation", "libere")
}

// moderationReject refuses a held message, and with lock=1 locks its
// sender (Moderation.Reject).
func (h *handler) moderationReject(w http.ResponseWriter, r *http.Request, s auth.Session) {
	lock := r.PostFormValue("lock") == "1"
	id, err := pathID(r)
	if err == nil {
		err = h.d.Moderation.Reject(r.Context(), modActor(r, s), id, lock)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if lock {
		back(w, r, "/admin/moderation", "verrouille")
		return
	}
	back(w, r, "/admin/moderation", "refuse")
}

// messageRecall removes a message from every mailbox (Moderation.Recall).
// The id comes from the path, or from the form's "message" field.
func (h *handler) messageRecall(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if r.PathValue("id") == "" {
		id, err = formID(r, "message")
		if err == nil && id == 0 {
			err = bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez le numéro du message à rappeler.")
		}
	}
	if err == nil {
		err = h.d.Moderation.Recall(r.Context(), modActor(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/moderation", "rappele")
}

// messageEvidence downloads the evidence archive of a message
// (Moderation.Evidence).
func (h *handler) messageEvidence(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	var buf bytes.Buffer
	if err == nil {
		err = h.d.Moderation.Evidence(r.Context(), modActor(r, s), id, &buf)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	download(w, "application/zip", "preuves-message-"+strconv.FormatInt(id, 10)+".zip", buf.Bytes())
}

// download sends a file to save.
func download(w http.ResponseWriter, ctype, name string, data []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(data)
}
