package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
)

// The account page of the administration: find an account, see whether it
// is locked or in read-only and where its sessions come from, and lock,
// unlock, put in or out of read-only, or end its sessions. The auth
// service checks the actor's authority and freshness for each action.

type adminAccountPage struct {
	Query string
	// Found lists the accounts whose name or login contains Query when
	// it is not a login, each by its directory label.
	Found []foundAccount
	More  bool // more accounts match than Found shows
	State *auth.AccountState
	// LockBy and ReadOnlyBy name, in French, who imposed the sanctions.
	LockBy, ReadOnlyBy string
	// Who is the account as a person (« Marie Dupont, responsable de Léa
	// Dupont (4A) »), Place its establishment: who is about to be locked.
	Who, Place string
}

// adminAccountShow shows the search form and, with ?nom=, the account.
func (h *handler) adminAccountShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	p, ok := h.adminAccountPage(w, r, s, strings.TrimSpace(r.URL.Query().Get("nom")))
	if !ok {
		return
	}
	if done := r.URL.Query().Get("fait"); done != "" {
		p.Flash = accountDone(done, r.URL.Query().Get("n"))
	}
	h.render(w, http.StatusOK, "accounts", p)
}

// adminAccountPage builds the page for the account name ("" for the
// search form alone); false when it has already answered with an error.
func (h *handler) adminAccountPage(w http.ResponseWriter, r *http.Request, s auth.Session, name string) (*page, bool) {
	d := adminAccountPage{Query: name}
	p := h.newPage(r.Context(), &s, "Comptes", "admin")
	if d.Query != "" {
		st, err := h.d.Auth.Account(r.Context(), actorOf(r, s), d.Query)
		if bouclier.ErrorCode(err) == bouclier.ErrNotFound {
			// Not a login: people are known by their names.
			if st, err = h.findAccount(r, s, &d); err == nil && len(d.Found) == 0 && st.User.ID == 0 {
				p.Error = "Aucun compte de votre périmètre ne correspond à «\u00a0" + d.Query + "\u00a0»."
			}
		}
		if err != nil && bouclier.ErrorCode(err) == bouclier.ErrInvalidRequest {
			p.fieldError("nom", bouclier.ErrorMessage(err))
		} else if err != nil {
			h.fail(w, r, &s, err)
			return nil, false
		} else if st.User.ID != 0 {
			d.State = &st
			d.LockBy, d.ReadOnlyBy = h.imposerLabel(r.Context(), st.LockBy), h.imposerLabel(r.Context(), st.ReadOnlyBy)
			d.Who, d.Place = h.accountIdentity(r, st.User)
		}
	}
	p.Data = d
	return p, true
}

// accountIdentity labels an account as the directory does, and names its
// establishment; a label is a courtesy, a failure falls back to the name
// and role.
func (h *handler) accountIdentity(r *http.Request, u bouclier.User) (who, place string) {
	who = h.labelUsers(r.Context(), []bouclier.User{u}, "account")[u.ID]
	if u.UAI != "" {
		place = h.scopeTitles(r.Context())("establishment:" + u.UAI)
	}
	return who, place
}

// foundAccount is an account in the search's answer. Place is its
// establishment, for an officer over many (« élève de 4A » alone does not
// say which school's 4A).
type foundAccount struct{ Username, Label, Place string }

// maxAccountsFound is how many accounts a search lists.
const maxAccountsFound = 30

// findAccount searches the accounts by name (Auth.FindAccounts, which
// checks the actor): one match is shown at once, several are listed.
func (h *handler) findAccount(r *http.Request, s auth.Session, d *adminAccountPage) (auth.AccountState, error) {
	ctx, a := r.Context(), actorOf(r, s)
	found, err := h.d.Auth.FindAccounts(ctx, a, d.Query, maxAccountsFound+1)
	if err != nil {
		return auth.AccountState{}, err
	}
	if len(found) == 1 {
		return h.d.Auth.Account(ctx, a, found[0].Username)
	}
	if len(found) > maxAccountsFound {
		found, d.More = found[:maxAccountsFound], true
	}
	labels := h.labelUsers(ctx, found, "accounts found")
	var place func(string) string
	if s.User.UAI == "" {
		place = h.scopeTitles(ctx)
	}
	for _, u := range found {
		f := foundAccount{Username: u.Username, Label: labels[u.ID]}
		if place != nil && u.UAI != "" {
			f.Place = place("establishment:" + u.UAI)
		}
		d.Found = append(d.Found, f)
	}
	return auth.AccountState{}, nil
}

// imposerLabel says who imposed a sanction, from their authority scope:
// « la direction de l’établissement » (the account's own, named on the
// line above), « l’académie de Versailles » by its name, never its
// identifier.
func (h *handler) imposerLabel(ctx context.Context, scope string) string {
	kind, _, _ := strings.Cut(scope, ":")
	switch kind {
	case "establishment":
		return "la direction de l’établissement"
	case "academie":
		name := h.scopeName(ctx, scope)
		if rest, ok := strings.CutPrefix(name, "Académie "); ok {
			return "l’académie " + rest
		}
		return "l’" + name
	case "national":
		return "l’administration nationale"
	}
	return ""
}

// lockReasonLabel says why an account is locked, in words: the auth
// service records « admin: <motif> » for a lock an administrator decided
// and « not me: notice <n> » for one its owner asked for from a sign-in
// notice.
func lockReasonLabel(reason string) string {
	switch {
	case strings.HasPrefix(reason, "admin: "):
		return strings.TrimPrefix(reason, "admin: ")
	case strings.HasPrefix(reason, "not me:"):
		return "la personne a signalé une connexion qui n’était pas la sienne («\u00a0Ce n’était pas moi\u00a0»)"
	}
	return reason
}

// adminAccountAct performs one action on an account and comes back to it.
func (h *handler) adminAccountAct(w http.ResponseWriter, r *http.Request, s auth.Session) {
	name := r.PathValue("name")
	ctx, a := r.Context(), actorOf(r, s)
	var err error
	switch r.PathValue("action") {
	case "lock":
		reason := strings.TrimSpace(r.PostFormValue("reason"))
		if reason == "" {
			// Shown again with the error under the field; the account is
			// read through the service, which checks the actor's scope.
			p, ok := h.adminAccountPage(w, r, s, name)
			if !ok {
				return
			}
			p.fieldError("reason", "Indiquez le motif du verrouillage\u00a0: il figure au journal d’audit et sur la page du compte.")
			h.render(w, http.StatusUnprocessableEntity, "accounts", p)
			return
		}
		err = h.d.Auth.Lock(ctx, a, name, reason)
	case "unlock":
		err = h.d.Auth.Unlock(ctx, a, name)
	case "read-only":
		err = h.d.Auth.SetReadOnly(ctx, a, name, true)
	case "read-write":
		err = h.d.Auth.SetReadOnly(ctx, a, name, false)
	case "sessions":
		var n int64
		n, err = h.d.Auth.RevokeUserSessions(ctx, a, name)
		if err == nil {
			http.Redirect(w, r, "/admin/accounts?"+url.Values{"nom": {name}, "fait": {"sessions"}, "n": {strconv.FormatInt(n, 10)}}.Encode(), http.StatusSeeOther)
			return
		}
	case "reset":
		h.adminAccountReset(w, r, s, name)
		return
	case "local-password":
		err = h.d.Auth.AllowLocalPassword(ctx, a, name, true)
	case "no-local-password":
		err = h.d.Auth.AllowLocalPassword(ctx, a, name, false)
	default:
		err = bouclier.Errorf(bouclier.ErrNotFound, "Action inconnue.")
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	http.Redirect(w, r, "/admin/accounts?"+url.Values{"nom": {name}, "fait": {r.PathValue("action")}}.Encode(), http.StatusSeeOther)
}

// accountDone says what an action on an account did, for the page it
// comes back to: the head in a crisis reads that the account is locked,
// not « C’est fait ». n is the number of sessions closed.
func accountDone(action, n string) string {
	const audit = " L’action est enregistrée dans le journal d’audit."
	switch action {
	case "lock":
		return "Compte verrouillé\u00a0: il ne peut plus se connecter et ses sessions ouvertes sont fermées." + audit
	case "unlock":
		return "Compte déverrouillé\u00a0: il peut de nouveau se connecter." + audit
	case "read-only":
		return "Compte mis en lecture seule\u00a0: il lit ses messages mais ne peut plus en envoyer." + audit
	case "read-write":
		return "Envoi rétabli\u00a0: le compte peut de nouveau envoyer des messages." + audit
	case "sessions":
		if c, err := strconv.Atoi(n); err == nil && c > 0 {
			return frnum.Count(c, "session fermée", "sessions fermées") + "\u00a0: la personne devra se reconnecter." + audit
		}
		return "Aucune session n’était ouverte." + audit
	case "local-password":
		return "Mot de passe local autorisé pour ce compte." + audit
	case "no-local-password":
		return "Mot de passe local retiré\u00a0: le compte se connecte par son fournisseur d’identité." + audit
	}
	return "C’est fait." + audit
}

// adminAccountReset resets one account (Auth.ResetAccount) after a
// confirmation page, and answers its activation letter at once, as a PDF:
// the code is stored nowhere else. An account an identity provider vouches
// for gets no code: the page says what to ask of the provider's operator.
func (h *handler) adminAccountReset(w http.ResponseWriter, r *http.Request, s auth.Session, name string) {
	ctx := r.Context()
	if r.PostFormValue("confirm") != "1" {
		// Read through the service, which checks the actor's authority
		// before anything of the account is shown.
		st, err := h.d.Auth.Account(ctx, actorOf(r, s), name)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		who := st.User.Username
		if st.User.DisplayName != "" {
			who = st.User.DisplayName + " (" + st.User.Username + ")"
		}
		d := confirmData{Button: "Réinitialiser et télécharger la lettre", Danger: true,
			Cancel: "/admin/accounts?" + url.Values{"nom": {name}}.Encode()}
		d.Summary = []string{
			"Le compte de " + who + " sera réinitialisé.",
			"Toutes ses sessions seront fermées et ses seconds facteurs retirés, immédiatement.",
		}
		if st.SSO && st.LocalPasswordBy == "" {
			d.Summary = append(d.Summary, "Ce compte se connecte par un fournisseur d’identité\u00a0: pas de code d’activation, mais une note à transmettre à l’opérateur du fournisseur d’identité.")
		} else {
			d.Summary = append(d.Summary, "Un code d’activation à usage unique remplacera son mot de passe\u00a0: il ne sera montré qu’une fois, dans la lettre à imprimer téléchargée.")
		}
		h.confirmed(w, r, s, "Confirmer la réinitialisation", d)
		return
	}
	res, err := h.d.Auth.ResetAccount(ctx, actorOf(r, s), name)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if len(res.Letters) == 0 {
		p, ok := h.adminAccountPage(w, r, s, name)
		if !ok {
			return
		}
		p.Flash = "Compte réinitialisé. " + res.IdPNote
		h.render(w, http.StatusOK, "accounts", p)
		return
	}
	download(w, "application/pdf", "reinitialisation-"+strconv.FormatInt(res.ID, 10)+".pdf", auth.LettersPDF(res, h.d.PublicURL))
}
