package api

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bouclier/bouclier"
)

func modActor(r *http.Request) bouclier.Actor {
	return actorOf(r)
}

func (a *API) moderationQueue(w http.ResponseWriter, r *http.Request) {
	items, err := a.svc.Moderation.Queue(r.Context(), modActor(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		out = append(out, map[string]any{"id": strconv.FormatInt(it.ID, 10), "from": it.Sender, "to": it.To, "subject": it.Subject, "body": it.Body,
			"reasons": nonNilStrings(it.Reasons), "score": it.Score, "sent_at": time.UnixMicro(it.SentAt).UTC().Format(time.RFC3339),
			"establishment": it.UAI, "academie": it.Academie, "recipients": it.Recipients})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (a *API) moderationRelease(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = a.svc.Moderation.Release(r.Context(), modActor(r), id)
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// optionalBody decodes a JSON body if there is one; the contract's calls
// that take no body must keep working without one.
func (a *API) optionalBody(w http.ResponseWriter, r *http.Request, v any) bool {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		a.badRequest(w, "Corps de requête illisible.")
		return false
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return true
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return a.decode(w, r, v)
}

func (a *API) moderationReject(w http.ResponseWriter, r *http.Request) {
	var in struct {
		LockSender bool `json:"lock_sender"`
	}
	if !a.optionalBody(w, r, &in) {
		return
	}
	id, err := pathID(r)
	if err == nil {
		err = a.svc.Moderation.Reject(r.Context(), modActor(r), id, in.LockSender)
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) moderationReports(w http.ResponseWriter, r *http.Request) {
	rs, err := a.svc.Moderation.Reports(r.Context(), modActor(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(rs))
	for _, x := range rs {
		out = append(out, map[string]any{"id": strconv.FormatInt(x.ID, 10), "message_id": strconv.FormatInt(x.MessageID, 10), "reporter": x.Reporter,
			"reason": x.Reason, "establishment": x.UAI, "created_at": time.UnixMicro(x.CreatedAt).UTC().Format(time.RFC3339)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"reports": out})
}

func (a *API) messageReport(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Reason string `json:"reason"`
	}
	if !a.optionalBody(w, r, &in) {
		return
	}
	id, err := pathID(r)
	if err == nil {
		err = a.svc.Moderation.Report(r.Context(), modActor(r), id, in.Reason)
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) messageRecall(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = a.svc.Moderation.Recall(r.Context(), modActor(r), id)
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) recallMany(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Sender string    `json:"sender"`
		From   time.Time `json:"from"`
		To     time.Time `json:"to"`
		Like   string    `json:"like"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	var (
		n   int
		err error
	)
	switch {
	case in.Like != "" && in.Sender == "":
		var id int64
		if id, err = optionalID(in.Like, "like"); err == nil {
			n, err = a.svc.Moderation.RecallLike(r.Context(), modActor(r), id)
		}
	case in.Sender != "" && in.Like == "":
		if in.To.IsZero() {
			in.To = a.svc.Now()
		}
		if !in.From.Before(in.To) {
			err = bouclier.Errorf(bouclier.ErrInvalidRequest, "Période invalide\u00a0: from doit précéder to.")
		} else {
			n, err = a.svc.Moderation.RecallFrom(r.Context(), modActor(r), in.Sender, in.From, in.To)
		}
	default:
		err = bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez soit sender (avec from et to), soit like.")
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"recalled": n})
}

func (a *API) messageEvidence(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := a.svc.Moderation.Evidence(r.Context(), modActor(r), id, &buf); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", "attachment; filename=\"preuves-message-"+strconv.FormatInt(id, 10)+".zip\"")
	_, _ = w.Write(buf.Bytes())
}

func (a *API) blockDigest(w http.ResponseWriter, r *http.Request) {
	var in struct {
		SHA256 string `json:"sha256"`
		Label  string `json:"label"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Moderation.BlockDigest(r.Context(), modActor(r), in.SHA256, in.Label); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) allowDomain(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Domain string `json:"domain"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Moderation.AllowDomain(r.Context(), modActor(r), in.Domain); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// screenLabels exports the moderators' decisions as training data for the
// screen (JSON lines).
func (a *API) screenLabels(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	if _, err := a.svc.Moderation.ExportLabels(r.Context(), actorOf(r), &buf); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="decisions.jsonl"`)
	_, _ = w.Write(buf.Bytes())
}
