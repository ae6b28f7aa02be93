package web

import (
	"context"
	"net/http"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/notify"
)

// NotifySettings are the e-mail notification settings of the account
// page (notify.Service).
type NotifySettings interface {
	Settings(ctx context.Context, a bouclier.Actor) (notify.Settings, error)
	SetMode(ctx context.Context, a bouclier.Actor, mode notify.Mode) error
}

// notifyChoice is one choice of the form, in French.
type notifyChoice struct {
	Mode  notify.Mode
	Label string
	Hint  string
}

var notifyChoices = []notifyChoice{
	{notify.Immediate, "À chaque nouveau message", "Un courriel par message, dès que la messagerie vous est ouverte (jamais pendant les heures de fermeture ou les heures calmes)."},
	{notify.Digest, "Un récapitulatif par jour", "Un seul courriel par jour listant vos nouveaux messages."},
	{notify.None, "Jamais", "Aucun courriel sur vos messages. Les avis de sécurité sur votre compte vous sont toujours envoyés."},
}

type notifyData struct {
	notify.Settings
	Choices []notifyChoice
}

// notificationsShow renders the « Notifications » page of the account
// (Notify.Settings).
func (h *handler) notificationsShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Notify == nil {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrNotFound, "Les notifications par courriel ne sont pas disponibles."))
		return
	}
	st, err := h.d.Notify.Settings(r.Context(), actorOf(r, s))
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(r.Context(), &s, "Notifications", "account")
	if r.URL.Query().Get("ok") == "notifications" {
		p.Flash = "Vos préférences de notification sont enregistrées."
	}
	p.Data = notifyData{Settings: st, Choices: notifyChoices}
	h.render(w, http.StatusOK, "notifications", p)
}

// notificationsSave records the choice (Notify.SetMode).
func (h *handler) notificationsSave(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.Notify == nil {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrNotFound, "Les notifications par courriel ne sont pas disponibles."))
		return
	}
	if err := h.d.Notify.SetMode(r.Context(), actorOf(r, s), notify.Mode(r.PostFormValue("mode"))); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/account/notifications?ok=notifications", http.StatusSeeOther)
}
