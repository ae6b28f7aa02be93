package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
)

// The step-up page: a send refused with step_up_required (or an account
// action that needs a recent check) asks for a second factor, then the
// kept draft is sent again (or the user goes back where they were).

type stepUpData struct {
	DraftID int64
	Files   bool // the refused send had attachments, which drafts do not keep
	Next    string
	Subject string
	Body    string
	To      []string
	// Elsewhere is set when the draft was not written from this session:
	// it is not sent after the check, only shown in the compose form.
	Elsewhere bool
	// IdP names the identity provider the session came from, which can
	// confirm the person instead (sso_stepup.go); "" for none.
	IdP, IdPLabel string
}

// stepUpTarget reads what to do after the check, from the query or form.
func stepUpTarget(get func(string) string) stepUpData {
	d := stepUpData{Next: localPath(get("next")), Files: get("pj") == "1"}
	if v, err := strconv.ParseInt(get("draft"), 10, 64); err == nil && v > 0 {
		d.DraftID = v
	}
	return d
}

// stepUpShow shows the form.
func (h *handler) stepUpShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	d := stepUpTarget(r.URL.Query().Get)
	if d.DraftID != 0 {
		dr, err := h.d.Messaging.Draft(r.Context(), s.User, d.DraftID)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		mine, err := h.d.Messaging.DraftFromSession(r.Context(), s.User, d.DraftID, s.PublicID)
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		// The whole message and its recipients: the check approves
		// exactly what it shows.
		d.Subject, d.Body, d.To, d.Elsewhere = dr.Subject, dr.Body, dr.To, !mine
	}
	h.stepUpPage(w, r, s, http.StatusOK, "", d)
}

func (h *handler) stepUpPage(w http.ResponseWriter, r *http.Request, s auth.Session, status int, msg string, d stepUpData) {
	h.stepUpPageField(w, r, s, status, "", msg, d)
}

// stepUpPageField shows the form again with msg under the field id, or
// at the top of the page when id is "".
func (h *handler) stepUpPageField(w http.ResponseWriter, r *http.Request, s auth.Session, status int, id, msg string, d stepUpData) {
	d = h.stepUpData(r, d)
	p := h.newPage(r.Context(), &s, "Confirmer votre identité", "compose")
	if id != "" {
		p.fieldError(id, msg)
	} else {
		p.Error = msg
	}
	p.Data = d
	h.render(w, status, "stepup", p)
}

// stepUpCreate checks the code (Auth.StepUp), swaps the session cookie
// for the new session, then resends the draft.
func (h *handler) stepUpCreate(w http.ResponseWriter, r *http.Request, s auth.Session) {
	d := stepUpTarget(r.PostFormValue)
	code := strings.ReplaceAll(strings.TrimSpace(r.PostFormValue("code")), " ", "")
	in := auth.StepUpRequest{Password: r.PostFormValue("password")}
	if isOTP(code) {
		in.OTP = code
	} else {
		in.RecoveryCode = code
	}
	tok, err := h.d.Auth.StepUp(r.Context(), s, in, clientOf(r))
	if err != nil {
		switch bouclier.ErrorCode(err) {
		case bouclier.ErrInvalidCredentials, bouclier.ErrOTPRequired, bouclier.ErrForbidden, bouclier.ErrThrottled:
			msg := "Code incorrect ou déjà utilisé. Attendez le code suivant et réessayez."
			if c := bouclier.ErrorCode(err); c != bouclier.ErrInvalidCredentials {
				msg = userMessage(err)
				if c == bouclier.ErrOTPRequired {
					msg = "Saisissez le code à 6 chiffres de votre application, ou un code de secours."
				}
			}
			if c := bouclier.ErrorCode(err); c == bouclier.ErrInvalidCredentials || c == bouclier.ErrOTPRequired {
				// About what was typed: tied to the code field.
				h.stepUpPageField(w, r, s, statusOf(err), "code", msg, d)
				return
			}
			h.stepUpPage(w, r, s, statusOf(err), msg, d)
		default:
			h.fail(w, r, &s, err)
		}
		return
	}
	http.Redirect(w, r, h.afterStepUp(w, r, s, tok, d), http.StatusSeeOther)
}

func isOTP(code string) bool {
	if len(code) != 6 {
		return false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// afterStepUp installs the new session and resends the draft if, and only
// if, the checked session (old) wrote it; any other draft opens in the
// compose form for the user to read. It returns where to go next.
func (h *handler) afterStepUp(w http.ResponseWriter, r *http.Request, old auth.Session, tok string, d stepUpData) string {
	h.setCookie(w, h.cookie, tok)
	if d.DraftID == 0 {
		return d.Next
	}
	draft := "/compose?draft=" + strconv.FormatInt(d.DraftID, 10)
	if d.Files {
		return draft + "&confirme=1"
	}
	ctx := r.Context()
	if mine, err := h.d.Messaging.DraftFromSession(ctx, old.User, d.DraftID, old.PublicID); err != nil || !mine {
		return draft
	}
	sess, err := h.d.Auth.AuthenticateClient(ctx, tok, clientOf(r))
	if err != nil {
		return draft
	}
	dr, err := h.d.Messaging.Draft(ctx, sess.User, d.DraftID)
	if err != nil {
		return draft
	}
	// What the draft asked of its recipients (ackforms.go) is asked again.
	ack, form, err := h.d.Messaging.DraftRequest(ctx, sess.User, d.DraftID)
	if err != nil {
		return draft
	}
	res, err := h.d.Messaging.Send(auth.WithSession(ctx, sess), sess.User, messaging.Draft{To: dr.To, Subject: dr.Subject,
		Body: dr.Body, ParentID: dr.ParentID, DraftID: dr.ID, SessionID: sess.PublicID, Ack: ack, Form: form}, clientOf(r).Address)
	if err != nil {
		return draft
	}
	return sentLocation(res.ID)
}

// stepUpOptions starts a passkey check for the step-up (JSON).
func (h *handler) stepUpOptions(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, opts, err := h.d.Auth.BeginStepUpPasskey(r.Context(), s)
	h.ceremony(w, id, opts, err)
}

// stepUpPasskey finishes it (JSON): {"next": URL}.
func (h *handler) stepUpPasskey(w http.ResponseWriter, r *http.Request, s auth.Session) {
	d := stepUpTarget(r.PostFormValue)
	tok, err := h.d.Auth.StepUp(r.Context(), s, auth.StepUpRequest{WebAuthn: &auth.Assertion{
		ChallengeID: r.PostFormValue("challenge_id"), Credential: []byte(r.PostFormValue("credential"))}}, clientOf(r))
	if err != nil {
		jsonError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"next": h.afterStepUp(w, r, s, tok, d)})
}
