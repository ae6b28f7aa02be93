package web

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/sso"
)

// Single sign-on (package sso proves who the person is; auth opens the
// same bound session as a password login).
//
// The flow state rides in its own cookie, sealed by the server. The SAML
// answer comes back by a cross-site POST, which a SameSite=Strict or Lax
// cookie does not follow: over HTTPS the flow cookie is SameSite=None;
// over plain HTTP (local tests) it is Lax and only the OpenID Connect
// callback, a top-level GET, carries it in a browser.

const ssoFlowTTL = int(sso.FlowTTL / 1e9)

func (h *handler) ssoFlowCookie() string {
	if h.d.SecureCookie {
		return "__Host-bouclier-sso"
	}
	return "bouclier-sso"
}

func (h *handler) ssoLogoutCookie() string {
	if h.d.SecureCookie {
		return "__Host-bouclier-idp"
	}
	return "bouclier-idp"
}

func (h *handler) setSSOCookie(w http.ResponseWriter, name, value string, maxAge int) {
	c := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, MaxAge: maxAge, Secure: h.d.SecureCookie, SameSite: http.SameSiteLaxMode}
	if h.d.SecureCookie {
		c.SameSite = http.SameSiteNoneMode
	}
	http.SetCookie(w, c)
}

// ssoProviders lists the providers for the login page.
func (h *handler) ssoProviders() []sso.ProviderInfo {
	if h.d.SSO == nil {
		return nil
	}
	return h.d.SSO.Providers()
}

// ssoBegin sends the browser to the chosen provider.
func (h *handler) ssoBegin(w http.ResponseWriter, r *http.Request) {
	if h.d.SSO == nil || h.d.SSO.Kind(r.PathValue("idp")) == "" {
		h.notFound(w, r)
		return
	}
	to, cookie, err := h.d.SSO.Begin(r.Context(), r.PathValue("idp"), localPath(r.URL.Query().Get("next")))
	if err != nil {
		h.fail(w, r, nil, err)
		return
	}
	h.setSSOCookie(w, h.ssoFlowCookie(), cookie, ssoFlowTTL)
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// ssoMetadata serves the service provider's SAML metadata for a provider.
func (h *handler) ssoMetadata(w http.ResponseWriter, r *http.Request) {
	if h.d.SSO == nil || h.d.SSO.Kind(r.PathValue("idp")) != sso.SAML {
		h.notFound(w, r)
		return
	}
	b, err := h.d.SSO.Metadata(r.PathValue("idp"))
	if err != nil {
		h.fail(w, r, nil, err)
		return
	}
	w.Header().Set("Content-Type", "application/samlmetadata+xml")
	_, _ = w.Write(b)
}

// ssoACS receives the SAML answer (HTTP-POST binding).
func (h *handler) ssoACS(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("idp")
	if h.d.SSO == nil || h.d.SSO.Kind(name) != sso.SAML {
		h.notFound(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	id, next, err := h.d.SSO.FinishSAML(r, name, h.cookieValue(r, h.ssoFlowCookie()))
	h.ssoFinish(w, r, id, next, err)
}

// ssoCallback receives the OpenID Connect answer.
func (h *handler) ssoCallback(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("idp")
	if h.d.SSO == nil || h.d.SSO.Kind(name) != sso.OIDC {
		h.notFound(w, r)
		return
	}
	id, next, err := h.d.SSO.FinishOIDC(r.Context(), name, r.URL.Query(), h.cookieValue(r, h.ssoFlowCookie()))
	h.ssoFinish(w, r, id, next, err)
}

// ssoLogout is what the logout cookie keeps: who the provider vouched
// for, to end its session too.
type ssoLogout struct {
	IdP, Subject, Index string
}

const ssoLogoutBinding = "sso-logout"

// ssoFinish opens the session for a checked identity. The answer arrived
// by a cross-site navigation, after which the browser would not send the
// SameSite=Strict session cookie on a redirect: a small page sends it on
// from this origin instead.
func (h *handler) ssoFinish(w http.ResponseWriter, r *http.Request, id sso.Identity, next string, err error) {
	h.setSSOCookie(w, h.ssoFlowCookie(), "", -1)
	if err != nil {
		if errors.Is(err, sso.ErrRefused) {
			h.d.Log.Warn("sso refused", "idp", r.PathValue("idp"), "err", err)
			err = bouclier.Errorf(bouclier.ErrUnauthenticated, "La connexion par le fournisseur d’identité a échoué ou a expiré. Recommencez depuis la page de connexion.")
		}
		h.fail(w, r, nil, err)
		return
	}
	if id.StepUp {
		h.ssoStepUpAnswer(w, r, id, next)
		return
	}
	res, err := h.d.Auth.LoginSSO(r.Context(), auth.SSOLogin{IdP: id.IdP, Subject: id.Subject, JointKey: id.JointKey,
		MFA: id.MFA, Method: id.Method, Client: clientOf(r)})
	if err != nil {
		h.fail(w, r, nil, err)
		return
	}
	if b, err := json.Marshal(ssoLogout{id.IdP, id.Subject, id.SessionIndex}); err == nil {
		if sealed, err := h.d.Auth.SealPending(b, ssoLogoutBinding); err == nil {
			h.setSSOCookie(w, h.ssoLogoutCookie(), sealed, 0)
		}
	}
	to := h.loggedIn(w, res, next)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_ = ssoDone.Execute(w, to)
}

var ssoDone = template.Must(template.New("sso").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={{.}}"><title>Connexion – Bouclier</title></head>
<body><p>Connexion réussie. <a href="{{.}}">Continuer</a></p></body></html>
`))

// ssoSLO handles the provider's single logout messages: its answer to a
// logout this server started, or its request to end a person's sessions.
func (h *handler) ssoSLO(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("idp")
	if h.d.SSO == nil || h.d.SSO.Kind(name) != sso.SAML {
		h.notFound(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	subject, respond, err := h.d.SSO.SLO(r, name, h.cookieValue(r, h.ssoFlowCookie()))
	if err != nil {
		if errors.Is(err, sso.ErrRefused) {
			h.d.Log.Warn("sso logout refused", "idp", name, "err", err)
			err = bouclier.Errorf(bouclier.ErrInvalidRequest, "Demande de déconnexion invalide.")
		}
		h.fail(w, r, nil, err)
		return
	}
	if subject == "" {
		h.setSSOCookie(w, h.ssoFlowCookie(), "", -1)
		http.Redirect(w, r, "/login?bye=1", http.StatusSeeOther)
		return
	}
	if _, err := h.d.Auth.EndSSOSessions(r.Context(), name, subject, clientOf(r)); err != nil {
		h.fail(w, r, nil, err)
		return
	}
	h.clearCookie(w, h.cookie)
	h.setSSOCookie(w, h.ssoLogoutCookie(), "", -1)
	http.Redirect(w, r, respond, http.StatusSeeOther)
}

// ssoLogoutURL returns where to go after a local logout: the provider's
// single logout when the session came from one, else the login page.
func (h *handler) ssoLogoutURL(w http.ResponseWriter, r *http.Request) string {
	const bye = "/login?bye=1"
	v := h.cookieValue(r, h.ssoLogoutCookie())
	if h.d.SSO == nil || v == "" {
		return bye
	}
	h.setSSOCookie(w, h.ssoLogoutCookie(), "", -1)
	b, err := h.d.Auth.OpenPending(v, ssoLogoutBinding)
	var l ssoLogout
	if err != nil || json.Unmarshal(b, &l) != nil {
		return bye
	}
	var to, flow string
	switch h.d.SSO.Kind(l.IdP) {
	case sso.SAML:
		to, flow, err = h.d.SSO.SAMLLogout(l.IdP, l.Subject, l.Index)
		if err == nil && flow != "" {
			h.setSSOCookie(w, h.ssoFlowCookie(), flow, ssoFlowTTL)
		}
	case sso.OIDC:
		to, err = h.d.SSO.OIDCLogout(l.IdP)
	}
	if err != nil || to == "" {
		if err != nil {
			h.d.Log.Warn("sso logout", "idp", l.IdP, "err", err)
		}
		return bye
	}
	// The logout form's answer may not redirect to another origin (CSP
	// form-action 'self' holds across redirects): the provider's URL is
	// kept sealed for a minute and /sso/logout sends the browser on.
	sealed, err := h.d.Auth.SealPending([]byte(to), ssoLeaveBinding)
	if err != nil {
		h.d.Log.Warn("sso logout", "idp", l.IdP, "err", err)
		return bye
	}
	h.setSSOCookie(w, h.ssoLeaveCookie(), sealed, 60)
	return "/sso/logout"
}

const ssoLeaveBinding = "sso-leave"

func (h *handler) ssoLeaveCookie() string {
	if h.d.SecureCookie {
		return "__Host-bouclier-leave"
	}
	return "bouclier-leave"
}

// ssoLeave sends the browser, after a local logout, to the provider's
// single logout by a page of this origin (a navigation, not a form's).
func (h *handler) ssoLeave(w http.ResponseWriter, r *http.Request) {
	v := h.cookieValue(r, h.ssoLeaveCookie())
	h.setSSOCookie(w, h.ssoLeaveCookie(), "", -1)
	b, err := h.d.Auth.OpenPending(v, ssoLeaveBinding)
	if v == "" || err != nil {
		http.Redirect(w, r, "/login?bye=1", http.StatusSeeOther)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_ = ssoLeaving.Execute(w, string(b))
}

var ssoLeaving = template.Must(template.New("sso-leave").Parse(`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={{.}}"><title>Déconnexion – Bouclier</title></head>
<body><p>Déconnexion de Bouclier effectuée. <a href="{{.}}">Se déconnecter aussi du fournisseur d’identité</a></p></body></html>
`))

func (h *handler) cookieValue(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}
