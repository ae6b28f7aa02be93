package web

import (
	"net/http"
	"strings"

	"github.com/bouclier/bouclier"
)

// activateData is the activation form of a reset account: the name, the
// code of the letter and a new password.
type activateData struct {
	Token    string
	Username string
}

// activateShow shows the form; like the login form it has no session and
// uses the double-submit token.
func (h *handler) activateShow(w http.ResponseWriter, r *http.Request) {
	p := h.newPage(r.Context(), nil, "Activer mon compte", "login")
	p.Data = activateData{Token: h.loginToken(w, r), Username: strings.TrimSpace(r.URL.Query().Get("username"))}
	h.render(w, http.StatusOK, "activate", p)
}

// activateCreate sets the new password with the code (Auth.Activate).
func (h *handler) activateCreate(w http.ResponseWriter, r *http.Request) {
	if err := h.parseForm(w, r); err != nil {
		h.fail(w, r, nil, err)
		return
	}
	token, ok := h.checkLoginToken(r)
	if !ok {
		h.fail(w, r, nil, bouclier.Errorf(bouclier.ErrForbidden,
			"Formulaire expiré ou falsifié\u00a0: rechargez la page et recommencez. Les cookies doivent être autorisés."))
		return
	}
	d := activateData{Token: token, Username: strings.TrimSpace(r.PostFormValue("username"))}
	code := strings.TrimSpace(r.PostFormValue("code"))
	pw := r.PostFormValue("password")
	p := h.newPage(r.Context(), nil, "Activer mon compte", "login")
	if d.Username == "" {
		p.fieldError("username", "Saisissez votre identifiant.")
	}
	if code == "" {
		p.fieldError("code", "Saisissez le code d’activation de la lettre.")
	}
	if pw == "" {
		p.fieldError("password", "Choisissez un nouveau mot de passe.")
	} else if pw != r.PostFormValue("confirm") {
		p.fieldError("confirm", "Les deux saisies du nouveau mot de passe diffèrent.")
	}
	if p.HasFieldErrors() {
		p.Data = d
		h.render(w, http.StatusUnprocessableEntity, "activate", p)
		return
	}
	err := h.d.Auth.Activate(r.Context(), d.Username, code, pw, clientOf(r))
	if err == nil {
		http.Redirect(w, r, "/login?active=1", http.StatusSeeOther)
		return
	}
	if bouclier.ErrorCode(err) == bouclier.ErrInternal {
		h.fail(w, r, nil, err)
		return
	}
	switch bouclier.ErrorCode(err) {
	case bouclier.ErrInvalidCredentials:
		p.fieldError("code", "Identifiant ou code d’activation incorrect, ou code expiré. Vérifiez la lettre qui vous a été remise.")
	case bouclier.ErrInvalidRequest:
		// The service refuses a password too weak or too long.
		p.fieldError("password", userMessage(err))
	default:
		p.Error = userMessage(err)
	}
	p.Data = d
	h.render(w, statusOf(err), "activate", p)
}
