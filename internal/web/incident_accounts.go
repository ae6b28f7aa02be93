package web

import (
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
)

// incidentContain puts the incident's accounts in read-only and ends their
// sessions (Campaign.ContainAccounts), after a confirmation.
func (h *handler) incidentContain(w http.ResponseWriter, r *http.Request, s auth.Session) {
	in, ok := h.incidentFor(w, r, s)
	if !ok {
		return
	}
	id := strconv.FormatInt(in.ID, 10)
	d := confirmData{Button: "Mettre les comptes en lecture seule", Danger: true, Cancel: "/admin/incidents/" + id}
	d.Summary = []string{
		"Parmi les " + frnum.Count(len(in.Accounts), "compte", "comptes") + " de l’incident, ceux qui peuvent encore envoyer seront mis en lecture seule, toutes leurs sessions fermées, immédiatement.",
		"Les chefs d’établissement, personnels et administrateurs ne sont pas concernés\u00a0: verrouillez-les depuis leur page de compte.",
		"Seul un administrateur de votre niveau pourra rétablir l’envoi pour ces comptes.",
	}
	if !h.confirmed(w, r, s, "Confirmer le confinement des comptes de l’incident n°\u00a0"+id, d) {
		return
	}
	n, err := h.d.Campaign.ContainAccounts(r.Context(), actorOf(r, s), in.ID)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if n == 0 { // said as such, not « the accounts are now read-only »
		back(w, r, "/admin/incidents/"+id, "incidentdejaconfine")
		return
	}
	back(w, r, "/admin/incidents/"+id, "incidentconfine")
}

// incidentReset resets the incident's accounts within the officer's scope
// (Auth.ResetAccounts), after a confirmation, and answers their activation
// codes and letters at once, as a mass reset does.
func (h *handler) incidentReset(w http.ResponseWriter, r *http.Request, s auth.Session) {
	in, ok := h.incidentFor(w, r, s)
	if !ok {
		return
	}
	id := strconv.FormatInt(in.ID, 10)
	n := len(in.Accounts)
	d := confirmData{Button: "Réinitialiser et télécharger", Danger: true, Cancel: "/admin/incidents/" + id}
	d.Summary = []string{
		frnum.Count(n, "compte de l’incident sera réinitialisé", "comptes de l’incident seront réinitialisés") + " (le vôtre excepté)\u00a0: toutes leurs sessions fermées et leurs seconds facteurs retirés, immédiatement.",
		"Des codes d’activation à usage unique remplaceront leurs mots de passe\u00a0: ils ne seront montrés qu’une fois, dans le fichier téléchargé (codes et lettres à imprimer).",
		"Les comptes qui se connectent par un fournisseur d’identité n’ont pas de code\u00a0: une note pour l’opérateur du fournisseur d’identité est jointe.",
	}
	if !h.confirmed(w, r, s, "Confirmer la réinitialisation des comptes de l’incident n°\u00a0"+id, d) {
		return
	}
	res, err := h.d.Auth.ResetAccounts(r.Context(), actorOf(r, s), in.Accounts, "incident:"+id)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	h.resetDownload(w, r, s, res, "zip")
}
