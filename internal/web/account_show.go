package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
)

// accountData is the account page: the profile, the password form, the
// second factors, the open sessions and the security notices.
type accountData struct {
	Session  auth.Session
	Factors  auth.FactorsInfo
	Sessions []auth.SessionInfo
	Notices  []auth.Notice
	Partial  bool // a listing failed to load
	// School and Academy name the user's establishment and académie
	// (« Collège Jean Moulin (0780001A) », « Académie de Versailles »).
	School, Academy string
	// Shown is how messages present the user to others (« Mme Marie
	// Dupont, responsable de Léa Dupont (4A) »): a parent sees the
	// children the directory links them to, a teacher their classes.
	Shown string
}

// profile fills what the page says of the user beyond the session.
func (h *handler) profile(ctx context.Context, d *accountData) {
	u := d.Session.User
	if u.UAI != "" {
		d.School = h.scopeTitles(ctx)("establishment:" + u.UAI)
	}
	if u.Academie != "" {
		d.Academy = h.scopeName(ctx, "academie:"+u.Academie)
	}
	d.Shown = h.labelUsers(ctx, []bouclier.User{u}, "account")[u.ID]
}

// accountShow renders the account page (Auth.Factors, Auth.Sessions,
// Auth.Notices).
func (h *handler) accountShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	d := accountData{Session: s}
	var err error
	if d.Factors, err = h.d.Auth.Factors(ctx, s); err != nil {
		h.d.Log.Warn("factors", "user", s.User.Username, "err", err)
		d.Partial = true
	}
	if d.Sessions, err = h.d.Auth.Sessions(ctx, s); err != nil {
		h.d.Log.Warn("sessions", "user", s.User.Username, "err", err)
		d.Partial = true
	}
	if d.Notices, err = h.d.Auth.Notices(ctx, s); err != nil {
		h.d.Log.Warn("notices", "user", s.User.Username, "err", err)
		d.Partial = true
	}
	h.profile(ctx, &d)
	p := h.newPage(ctx, &s, "Mon compte", "account")
	flash(p, r)
	if e := r.URL.Query().Get("erreur"); e != "" {
		if m, ok := accountErrors[e]; ok {
			p.Error = m
		}
	}
	p.Data = d
	h.render(w, http.StatusOK, "account", p)
}

var accountErrors = map[string]string{
	"cle": "La clé d’accès n’a pas pu être enregistrée. Réessayez, ou utilisez une application d’authentification.",
}

// micros is a time as the templates' When takes it.
func micros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

// passwordChange changes the password, the current one required
// (Auth.ChangePassword).
func (h *handler) passwordChange(w http.ResponseWriter, r *http.Request, s auth.Session) {
	cur, next := r.PostFormValue("current"), r.PostFormValue("new")
	var fields []fieldError
	if cur == "" {
		fields = append(fields, fieldError{"current", "Saisissez votre mot de passe actuel."})
	}
	if next == "" {
		fields = append(fields, fieldError{"new", "Choisissez un nouveau mot de passe."})
	} else if next != r.PostFormValue("confirm") {
		fields = append(fields, fieldError{"confirm", "Les deux saisies du nouveau mot de passe diffèrent."})
	}
	if len(fields) > 0 {
		h.accountFieldErrors(w, r, s, http.StatusUnprocessableEntity, fields)
		return
	}
	if err := h.d.Auth.ChangePassword(r.Context(), s, cur, next, clientOf(r)); err != nil {
		switch bouclier.ErrorCode(err) {
		case bouclier.ErrInvalidCredentials:
			h.accountFieldErrors(w, r, s, statusOf(err), []fieldError{{"current", "Mot de passe actuel incorrect."}})
		case bouclier.ErrInvalidRequest:
			h.accountFieldErrors(w, r, s, statusOf(err), []fieldError{{"new", userMessage(err)}})
		default:
			h.accountError(w, r, s, err)
		}
		return
	}
	back(w, r, "/account", "motdepasse")
}

// accountFieldErrors shows the account page again with errors tied to
// the fields of one of its forms.
func (h *handler) accountFieldErrors(w http.ResponseWriter, r *http.Request, s auth.Session, status int, fields []fieldError) {
	ctx := r.Context()
	d := accountData{Session: s}
	d.Factors, _ = h.d.Auth.Factors(ctx, s)
	d.Sessions, _ = h.d.Auth.Sessions(ctx, s)
	d.Notices, _ = h.d.Auth.Notices(ctx, s)
	h.profile(ctx, &d)
	p := h.newPage(ctx, &s, "Mon compte", "account")
	p.Fields = fields
	p.Data = d
	h.render(w, status, "account", p)
}

// accountError shows the account page again with what went wrong; errors
// that are not the user's go to the error page.
func (h *handler) accountError(w http.ResponseWriter, r *http.Request, s auth.Session, err error) {
	switch bouclier.ErrorCode(err) {
	case bouclier.ErrInvalidRequest, bouclier.ErrInvalidCredentials, bouclier.ErrConflict, bouclier.ErrNotFound:
	case bouclier.ErrStepUpRequired:
		http.Redirect(w, r, "/step-up?next=/account", http.StatusSeeOther)
		return
	default:
		h.fail(w, r, &s, err)
		return
	}
	ctx := r.Context()
	d := accountData{Session: s}
	d.Factors, _ = h.d.Auth.Factors(ctx, s)
	d.Sessions, _ = h.d.Auth.Sessions(ctx, s)
	d.Notices, _ = h.d.Auth.Notices(ctx, s)
	h.profile(ctx, &d)
	p := h.newPage(ctx, &s, "Mon compte", "account")
	p.Error = userMessageTo(p.User, err)
	p.Data = d
	h.render(w, statusOf(err), "account", p)
}

// sessionRevoke ends one of the user's sessions (Auth.RevokeSession).
func (h *handler) sessionRevoke(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if err := h.d.Auth.RevokeSession(r.Context(), s, r.PathValue("id"), clientOf(r)); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if r.PathValue("id") == s.PublicID {
		h.clearCookie(w, h.cookie)
		http.Redirect(w, r, "/login?bye=1", http.StatusSeeOther)
		return
	}
	back(w, r, "/account", "session")
}

// sessionRevokeOthers ends every other session (Auth.RevokeOtherSessions).
func (h *handler) sessionRevokeOthers(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if _, err := h.d.Auth.RevokeOtherSessions(r.Context(), s, clientOf(r)); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/account", "sessions")
}

// noticeNotMe is "ce n'était pas moi" (Auth.NotMe): the account is locked
// and every session, this one too, is closed.
func (h *handler) noticeNotMe(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if err == nil {
		err = h.d.Auth.NotMe(r.Context(), s, id, clientOf(r))
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	h.clearCookie(w, h.cookie)
	// The login page has no user left: it is told whom to expect help from.
	by := "etablissement"
	switch {
	case s.User.UAI != "":
	case s.User.Academie != "":
		by = "academie"
	default:
		by = "national"
	}
	http.Redirect(w, r, "/login?protege="+by, http.StatusSeeOther)
}

// securityShow shows the security instructions to acknowledge after a
// reset.
func (h *handler) securityShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	p := h.newPage(r.Context(), &s, "Consignes de sécurité", "account")
	lines := strings.Split(auth.SecurityInstructions, "\n")
	p.Data = struct {
		Head  string
		Items []string
		Next  string
	}{lines[0], trimNumbers(lines[1:]), localPath(r.URL.Query().Get("next"))}
	h.render(w, http.StatusOK, "security", p)
}

func trimNumbers(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if i := strings.Index(l, ". "); i > 0 && i < 4 {
			l = l[i+2:]
		}
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// securityAck acknowledges the instructions (Auth.AcknowledgeSecurity).
func (h *handler) securityAck(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if err := h.d.Auth.AcknowledgeSecurity(r.Context(), s, clientOf(r)); err != nil {
		h.fail(w, r, &s, err)
		return
	}
	next := localPath(r.PostFormValue("next"))
	if next == "/inbox" {
		next = "/account"
	}
	http.Redirect(w, r, next+sep(next)+"ok=consignes", http.StatusSeeOther)
}

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}
