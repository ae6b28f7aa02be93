package api

import (
	"net/http"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/policy"
	"github.com/bouclier/bouclier/internal/rules"
)

// actorOf returns the actor of an authenticated request: the services
// check its session, factor and authority themselves.
func actorOf(r *http.Request) bouclier.Actor {
	return auth.ActorFrom(r.Context(), clientOf(r))
}

func (a *API) policyExplain(w http.ResponseWriter, r *http.Request) {
	e, err := a.svc.Rules.Explain(r.Context(), sessionFrom(r).User, a.svc.Now())
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (a *API) suspensionCreate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Scope  string     `json:"scope"`
		Roles  []string   `json:"roles"`
		Reason string     `json:"reason"`
		Until  *time.Time `json:"until"`
		// StopsReceiving stops receiving too (default: sending only).
		StopsReceiving bool `json:"stops_receiving"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	id, err := a.svc.Rules.Suspend(r.Context(), actorOf(r), rules.SuspensionInput{Scope: in.Scope, Roles: in.Roles, Reason: in.Reason, Until: in.Until,
		StopsReceiving: in.StopsReceiving})
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"id": id})
}

func (a *API) suspensionDelete(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Rules.Lift(r.Context(), actorOf(r), r.PathValue("id")); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) suspensionList(w http.ResponseWriter, r *http.Request) {
	if !isAdmin(sessionFrom(r).User) {
		a.writeError(w, r, bouclier.Errorf(bouclier.ErrForbidden, "Réservé à la direction et aux administrateurs."))
		return
	}
	rows, err := a.svc.Rules.Suspensions(r.Context(), actorOf(r))
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(rows))
	for _, s := range rows {
		m := map[string]any{"id": s.ID, "scope": s.Scope, "roles": s.Roles, "reason": s.Reason, "created_by": s.CreatedBy, "stops_receiving": s.StopsReceiving,
			"created_at": time.UnixMicro(s.CreatedAt).UTC().Format(time.RFC3339), "until": nil}
		if s.Until != 0 {
			m["until"] = time.UnixMicro(s.Until).UTC().Format(time.RFC3339)
		}
		out = append(out, m)
	}
	writeJSON(w, http.StatusOK, map[string]any{"suspensions": out})
}

func (a *API) ruleList(w http.ResponseWriter, r *http.Request) {
	rs, err := a.svc.Rules.Rules(r.Context())
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(rs))
	for _, x := range rs {
		out = append(out, map[string]any{"key": x.Key, "rule": x.Rule})
	}
	writeJSON(w, http.StatusOK, map[string]any{"rules": out, "presets": policy.Presets()})
}

func (a *API) ruleCreate(w http.ResponseWriter, r *http.Request) {
	var in policy.Rule
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Rules.AddRule(r.Context(), actorOf(r), in); err != nil {
		a.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"key": in.Scope.String() + "#" + in.ID})
}

func (a *API) ruleDelete(w http.ResponseWriter, r *http.Request) {
	if err := a.svc.Rules.DeleteRule(r.Context(), actorOf(r), r.PathValue("key")); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) presetApply(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name  string `json:"name"`
		Scope string `json:"scope"`
	}
	if !a.decode(w, r, &in) {
		return
	}
	if err := a.svc.Rules.ApplyPreset(r.Context(), actorOf(r), in.Name, in.Scope); err != nil {
		a.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func isAdmin(u bouclier.User) bool {
	return u.Role == bouclier.RoleHead || u.Role == bouclier.RoleAcademyAdmin || u.Role == bouclier.RoleNationalAdmin
}
