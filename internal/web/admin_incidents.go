package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/store"
)

func noIncidents() error {
	return bouclier.Errorf(bouclier.ErrNotFound, "Le suivi des incidents n’est pas disponible sur ce serveur.")
}

// incidentList lists the incidents in the user's scope
// (Campaign.Incidents).
func (h *handler) incidentList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	var list []store.Campaign
	if h.d.Campaign != nil {
		var err error
		if list, err = h.d.Campaign.Incidents(r.Context(), actorOf(r, s)); err != nil {
			h.fail(w, r, &s, err)
			return
		}
	}
	p := h.newPage(r.Context(), &s, "Incidents", "admin")
	flash(p, r)
	p.Data = struct {
		Available bool
		List      []store.Campaign
	}{h.d.Campaign != nil, list}
	h.render(w, http.StatusOK, "incidents", p)
}

// incidentShow shows one incident with its timeline (Campaign.Incident).
func (h *handler) incidentShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Campaign == nil {
		h.fail(w, r, &s, noIncidents())
		return
	}
	id, err := pathID(r)
	var in campaign.Incident
	if err == nil {
		in, err = h.d.Campaign.Incident(r.Context(), actorOf(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	d, err := h.incidentSummary(r.Context(), r, s.User, in)
	if err == nil && in.Status == "open" {
		err = h.incidentSuspendState(r, s, in, &d)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(r.Context(), &s, "Incident n°\u00a0"+strconv.FormatInt(in.ID, 10), "admin")
	flash(p, r)
	p.Data = d
	h.render(w, http.StatusOK, "incident", p)
}

// incidentSuspendState says which of the user's establishments the
// incident's suspension holds, and how many are left to suspend.
func (h *handler) incidentSuspendState(r *http.Request, s auth.Session, in campaign.Incident, d *incidentData) error {
	mine, err := h.incidentScope(r.Context(), s.User, in)
	if err != nil {
		return err
	}
	ids, done, since, err := h.incidentSuspensions(r.Context(), rulesActor(r, s), in, mine)
	if err != nil {
		return err
	}
	d.SuspendedIDs, d.SuspendedSince, d.Suspended = ids, since, len(done)
	d.SuspendedLabel = frnum.Count(len(done), "établissement", "établissements")
	d.LiftLabel = frnum.Count(len(ids), "établissement", "établissements")
	d.ToSuspend = len(mine) - len(done)
	d.ToSuspendLabel = frnum.Count(d.ToSuspend, "établissement", "établissements")
	d.CanAct = d.CanAct || len(ids) > 0
	// The accounts already in read-only (contained, or by hand): the
	// containment is offered for the others only.
	if h.d.DB != nil && len(in.Accounts) > 0 {
		found, err := h.d.DB.UsersNamed(r.Context(), in.Accounts)
		if err != nil {
			return err
		}
		for _, u := range found {
			if u.ReadOnly || u.Disabled {
				d.Contained++
			}
		}
	}
	d.ToContainLabel = frnum.Count(len(in.Accounts)-d.Contained, "compte", "comptes")
	return nil
}

// incidentClose closes an incident with a note (Campaign.Close).
func (h *handler) incidentClose(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Campaign == nil {
		h.fail(w, r, &s, noIncidents())
		return
	}
	id, err := pathID(r)
	if err == nil && r.PostFormValue("confirm") != "1" {
		// The summary is read with the actor's rights: someone outside the
		// incident's scope gets its refusal, not its figures.
		var in campaign.Incident
		if in, err = h.d.Campaign.Incident(r.Context(), actorOf(r, s), id); err == nil {
			h.confirmed(w, r, s, "Confirmer la clôture de l’incident n°\u00a0"+strconv.FormatInt(id, 10), closeSummary(in, r.PostFormValue("note")))
			return
		}
	}
	if err == nil {
		err = h.d.Campaign.Close(r.Context(), actorOf(r, s), id, r.PostFormValue("note"))
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/incidents/"+strconv.FormatInt(id, 10), "clos")
}

// incidentEvidence downloads an incident's evidence archive
// (Campaign.Evidence).
func (h *handler) incidentEvidence(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Campaign == nil {
		h.fail(w, r, &s, noIncidents())
		return
	}
	id, err := pathID(r)
	var buf bytes.Buffer
	if err == nil {
		err = h.d.Campaign.Evidence(r.Context(), actorOf(r, s), id, &buf)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	download(w, "application/zip", "preuves-incident-"+strconv.FormatInt(id, 10)+".zip", buf.Bytes())
}

// closeSummary says what closing an incident ends.
func closeSummary(in campaign.Incident, note string) confirmData {
	id := strconv.FormatInt(in.ID, 10)
	d := confirmData{Button: "Clore l’incident", Cancel: "/admin/incidents/" + id}
	d.Summary = append(d.Summary, "L’incident n°\u00a0"+id+" sera clos\u00a0: "+frnum.Count(in.Messages, "message", "messages")+", "+
		frnum.Count(len(in.Accounts), "compte", "comptes")+", "+frnum.Count(len(in.Establishments), "établissement", "établissements")+".",
		"La surveillance renforcée de ses textes s’arrête\u00a0: un nouvel envoi semblable ouvrira un nouvel incident.")
	if n := strings.TrimSpace(note); n != "" {
		d.Summary = append(d.Summary, "Note de clôture\u00a0: "+n)
	} else {
		d.Summary = append(d.Summary, "Aucune note de clôture.")
	}
	return d
}
