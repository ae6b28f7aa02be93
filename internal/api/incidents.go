package api

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

func incidentTime(micros int64) any {
	if micros == 0 {
		return nil
	}
	return time.UnixMicro(micros).UTC().Format(time.RFC3339)
}

func incidentJSON(c store.Campaign) map[string]any {
	return map[string]any{"id": strconv.FormatInt(c.ID, 10), "status": c.Status, "reason": c.Reason,
		"accounts": nonNilStrings(c.Accounts), "locked_accounts": nonNilStrings(c.Locked), "establishments": nonNilStrings(c.Establishments), "academies": nonNilStrings(c.Academies),
		"messages": c.Messages, "opened_at": incidentTime(c.OpenedAt), "contained_at": incidentTime(c.ContainedAt), "closed_at": incidentTime(c.ClosedAt),
		"closed_by": c.ClosedBy}
}

func (a *API) incidentList(w http.ResponseWriter, r *http.Request) {
	cs, err := a.svc.Campaign.Incidents(r.Context(), actorOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(cs))
	for _, c := range cs {
		out = append(out, incidentJSON(c))
	}
	writeJSON(w, http.StatusOK, map[string]any{"incidents": out})
}

func (a *API) incidentGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	in, err := a.svc.Campaign.Incident(r.Context(), actorOf(r), id)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := incidentJSON(in.Campaign)
	tl := make([]map[string]any, 0, len(in.Timeline))
	for _, e := range in.Timeline {
		tl = append(tl, map[string]any{"at": incidentTime(e.At), "kind": e.Kind, "detail": e.Detail})
	}
	ids := make([]string, 0, len(in.MessageIDs))
	for _, m := range in.MessageIDs {
		ids = append(ids, strconv.FormatInt(m, 10))
	}
	out["timeline"], out["message_ids"] = tl, ids
	writeJSON(w, http.StatusOK, out)
}

func (a *API) incidentClose(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Note string `json:"note"`
	}
	if !a.optionalBody(w, r, &in) {
		return
	}
	id, err := pathID(r)
	if err == nil {
		err = a.svc.Campaign.Close(r.Context(), actorOf(r), id, in.Note)
	}
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) incidentEvidence(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := a.svc.Campaign.Evidence(r.Context(), actorOf(r), id, &buf); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", "attachment; filename=\"preuves-incident-"+strconv.FormatInt(id, 10)+".zip\"")
	_, _ = w.Write(buf.Bytes())
}
