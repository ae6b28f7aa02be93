package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/sso"
)

// Step-up at the identity provider: a session an SSO login opened without
// a second factor confirms the person again at the provider (prompt=login,
// max_age=0, acr_values; SAML ForceAuthn and RequestedAuthnContext)
// instead of with Bouclier's own factor, which stays offered when enrolled.
//
// The provider's answer arrives by a cross-site navigation that carries
// no SameSite=Strict session cookie: the callback seals the checked answer
// into a two-minute cookie and sends the browser on, from this origin, to
// /sso/step-up/done, where the session is known again and replaced.

const (
	ssoStepUpTTL     = 120 // seconds
	ssoStepUpBinding = "sso-stepup"
	ssoStepUpDone    = "/sso/step-up/done"
)

func (h *handler) ssoStepUpCookie() string {
	if h.d.SecureCookie {
		return "__Host-bouclier-stepup"
	}
	return "bouclier-stepup"
}

// ssoSessionIdP returns the provider the session's login came through (the
// logout cookie), "" when none, no longer configured, or unable to assert
// a second factor.
func (h *handler) ssoSessionIdP(r *http.Request) (name, label string) {
	v := h.cookieValue(r, h.ssoLogoutCookie())
	if h.d.SSO == nil || v == "" {
		return "", ""
	}
	b, err := h.d.Auth.OpenPending(v, ssoLogoutBinding)
	var l ssoLogout
	if err != nil || json.Unmarshal(b, &l) != nil || h.d.SSO.Kind(l.IdP) == "" {
		return "", ""
	}
	for _, p := range h.d.SSO.Providers() {
		if p.Name == l.IdP && p.StepUp {
			return p.Name, p.Label
		}
	}
	return "", ""
}

// ssoStepUpBegin sends the browser to the session's provider for a new
// authentication with a second factor.
func (h *handler) ssoStepUpBegin(w http.ResponseWriter, r *http.Request, s auth.Session) {
	name, _ := h.ssoSessionIdP(r)
	if name == "" {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Cette session n’a pas été ouverte par un fournisseur d’identité."))
		return
	}
	d := stepUpTarget(r.PostFormValue)
	q := url.Values{"next": {d.Next}}
	if d.DraftID != 0 {
		q.Set("draft", strconv.FormatInt(d.DraftID, 10))
	}
	if d.Files {
		q.Set("pj", "1")
	}
	to, cookie, err := h.d.SSO.BeginStepUp(r.Context(), name, s.PublicID, ssoStepUpDone+"?"+q.Encode())
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	h.setSSOCookie(w, h.ssoFlowCookie(), cookie, ssoFlowTTL)
	// A form's answer may not redirect to another origin (CSP form-action
	// 'self' holds across redirects): a page sends the browser on.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_ = ssoToProvider.Execute(w, to)
}

var ssoConfirmed = template.Must(template.New("sso-confirmed").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={{.}}"><title>Confirmation – Bouclier</title></head>
<body><p>Confirmation reçue. <a href="{{.}}">Continuer</a></p></body></html>
`))

var ssoToProvider = template.Must(template.New("sso-stepup").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={{.}}"><title>Confirmation – Bouclier</title></head>
<body><p><a href="{{.}}">Continuer vers votre fournisseur d’identité</a></p></body></html>
`))

// ssoStepUpAnswer keeps a checked step-up answer for /sso/step-up/done.
func (h *handler) ssoStepUpAnswer(w http.ResponseWriter, r *http.Request, id sso.Identity, next string) {
	b, err := json.Marshal(auth.SSOStepUp{IdP: id.IdP, Subject: id.Subject, MFA: id.MFA, Method: id.Method, Binding: id.Binding})
	if err != nil {
		h.fail(w, r, nil, err)
		return
	}
	sealed, err := h.d.Auth.SealPending(b, ssoStepUpBinding)
	if err != nil {
		h.fail(w, r, nil, err)
		return
	}
	if !strings.HasPrefix(next, ssoStepUpDone+"?") {
		next = ssoStepUpDone
	}
	h.setSSOCookie(w, h.ssoStepUpCookie(), sealed, ssoStepUpTTL)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_ = ssoConfirmed.Execute(w, next)
}

// ssoStepUpFinish replaces the session after the provider's answer, then
// goes where the step-up page would have (the kept draft is sent).
func (h *handler) ssoStepUpFinish(w http.ResponseWriter, r *http.Request, s auth.Session) {
	v := h.cookieValue(r, h.ssoStepUpCookie())
	h.setSSOCookie(w, h.ssoStepUpCookie(), "", -1)
	var in auth.SSOStepUp
	b, err := h.d.Auth.OpenPending(v, ssoStepUpBinding)
	if v == "" || err != nil || json.Unmarshal(b, &in) != nil {
		h.d.Log.Warn("sso step-up: no valid answer cookie", "err", err)
		h.stepUpPage(w, r, s, http.StatusUnauthorized, "La confirmation auprès du fournisseur d’identité a échoué ou a expiré. Recommencez.", h.stepUpData(r, stepUpTarget(r.URL.Query().Get)))
		return
	}
	tok, err := h.d.Auth.StepUpSSO(r.Context(), s, in, clientOf(r))
	if err != nil {
		if bouclier.ErrorCode(err) == bouclier.ErrForbidden {
			h.stepUpPage(w, r, s, http.StatusForbidden, userMessage(err), h.stepUpData(r, stepUpTarget(r.URL.Query().Get)))
			return
		}
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, h.afterStepUp(w, r, s, tok, stepUpTarget(r.URL.Query().Get)), http.StatusSeeOther)
}

// stepUpData adds to the step-up page's data the provider that can
// confirm the person instead of Bouclier's own factor.
func (h *handler) stepUpData(r *http.Request, d stepUpData) stepUpData {
	d.IdP, d.IdPLabel = h.ssoSessionIdP(r)
	return d
}
