package web

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"image/png"
	"net/http"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/skip2/go-qrcode"
)

// totpData is the TOTP enrolment page: the secret to type or the otpauth
// URI to paste into an authenticator app, and the code to confirm.
type totpData struct {
	Secret, URI string
	QR          template.URL // the URI as a QR code, a PNG data: URL
	QRSize      int          // its width and height in pixels
}

// qrMax is the most pixels the QR code takes on a side: it fits a phone's
// screen of 390 px beside the page's margins. Its modules are a whole
// number of pixels: drawn to a fixed 256 px, they fell across pixel edges
// and a scanner reading it as a bare code misjudged its dimension.
const qrMax = 256

// newTOTPData prepares the enrolment page: the key spaced for typing, the
// URI, and the URI as a QR code for the phone's camera.
func newTOTPData(secret, uri string) (totpData, error) {
	q, err := qrcode.New(uri, qrcode.Medium)
	if err != nil {
		return totpData{}, fmt.Errorf("totp qr code: %w", err)
	}
	img := q.Image(-max(2, qrMax/len(q.Bitmap())))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return totpData{}, fmt.Errorf("totp qr code: %w", err)
	}
	return totpData{Secret: groupsOf4(secret), URI: uri, QRSize: img.Bounds().Dx(),
		QR: template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))}, nil
}

// qrImages lets the page show the QR code, a data: image: the site's
// policy (csp) allows images from the site only, and browsers drew a
// broken image where the code should be.
func qrImages(w http.ResponseWriter) {
	w.Header().Set("Content-Security-Policy", cspQR)
}

// totpBegin draws a secret (Auth.BeginTOTP) and shows it once.
func (h *handler) totpBegin(w http.ResponseWriter, r *http.Request, s auth.Session) {
	secret, uri, err := h.d.Auth.BeginTOTP(r.Context(), s, clientOf(r))
	if err != nil {
		h.accountError(w, r, s, err)
		return
	}
	d, err := newTOTPData(secret, uri)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(r.Context(), &s, "Application d’authentification", "account")
	p.Data = d
	qrImages(w)
	h.render(w, http.StatusOK, "totp", p)
}

// groupsOf4 spaces a secret for reading aloud or typing.
func groupsOf4(s string) string {
	var b strings.Builder
	for i, c := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// totpConfirm activates the secret with a code (Auth.ConfirmTOTP) and
// shows the recovery codes if new ones were made.
func (h *handler) totpConfirm(w http.ResponseWriter, r *http.Request, s auth.Session) {
	code := strings.ReplaceAll(strings.TrimSpace(r.PostFormValue("code")), " ", "")
	codes, err := h.d.Auth.ConfirmTOTP(r.Context(), s, code, clientOf(r))
	if err != nil {
		if bouclier.ErrorCode(err) == bouclier.ErrInvalidCredentials {
			// Same key, another try: nothing to scan again.
			if secret, uri, perr := h.d.Auth.PendingTOTP(r.Context(), s); perr == nil {
				if d, derr := newTOTPData(secret, uri); derr == nil {
					p := h.newPage(r.Context(), &s, "Application d’authentification", "account")
					p.fieldError("code", "Code incorrect\u00a0: vérifiez l’heure de votre téléphone et saisissez le code suivant. La clé reste la même.")
					p.Data = d
					qrImages(w)
					h.render(w, http.StatusUnauthorized, "totp", p)
					return
				}
			}
			err = bouclier.Errorf(bouclier.ErrInvalidCredentials, "Code incorrect\u00a0: vérifiez l’heure de votre téléphone, puis recommencez l’activation.")
		}
		h.accountError(w, r, s, err)
		return
	}
	h.showCodes(w, r, s, "Application d’authentification activée.", codes)
}

// showCodes shows recovery codes, once.
func (h *handler) showCodes(w http.ResponseWriter, r *http.Request, s auth.Session, flash string, codes []string) {
	p := h.newPage(r.Context(), &s, "Codes de secours", "account")
	p.Flash = flash
	p.Data = codes
	h.render(w, http.StatusOK, "codes", p)
}

// totpRemove removes the TOTP factor (Auth.RemoveTOTP).
func (h *handler) totpRemove(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if err := h.d.Auth.RemoveTOTP(r.Context(), s, clientOf(r)); err != nil {
		h.accountError(w, r, s, err)
		return
	}
	back(w, r, "/account", "totp")
}

// recoveryCodes replaces the recovery codes (Auth.NewRecoveryCodes).
func (h *handler) recoveryCodes(w http.ResponseWriter, r *http.Request, s auth.Session) {
	codes, err := h.d.Auth.NewRecoveryCodes(r.Context(), s, clientOf(r))
	if err != nil {
		h.accountError(w, r, s, err)
		return
	}
	h.showCodes(w, r, s, "Nouveaux codes de secours créés\u00a0: les anciens ne servent plus.", codes)
}

// Passkey registration, driven by static/passkey.js: the options, then
// the authenticator's answer. Both answer JSON.

func (h *handler) passkeyOptions(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, opts, err := h.d.Auth.BeginPasskeyRegistration(r.Context(), s)
	h.ceremony(w, id, opts, err)
}

func (h *handler) ceremony(w http.ResponseWriter, id string, opts json.RawMessage, err error) {
	if err != nil {
		jsonError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"challenge_id": id, "options": opts})
}

// passkeyCreate stores the passkey (Auth.FinishPasskeyRegistration).
func (h *handler) passkeyCreate(w http.ResponseWriter, r *http.Request, s auth.Session) {
	name := strings.TrimSpace(r.PostFormValue("name"))
	if name == "" {
		name = "Clé d’accès"
	}
	_, codes, err := h.d.Auth.FinishPasskeyRegistration(r.Context(), s, r.PostFormValue("challenge_id"),
		[]byte(r.PostFormValue("credential")), name, clientOf(r))
	if err != nil {
		jsonError(w, err)
		return
	}
	next := "/account?ok=cle"
	if len(codes) > 0 {
		// Shown once: the page of codes is rendered from this answer.
		writeJSON(w, http.StatusCreated, map[string]any{"next": next, "recovery_codes": codes})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"next": next})
}

// passkeyRemove removes a passkey (Auth.RemovePasskey).
func (h *handler) passkeyRemove(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if err := h.d.Auth.RemovePasskey(r.Context(), s, r.PathValue("id"), clientOf(r)); err != nil {
		h.accountError(w, r, s, err)
		return
	}
	back(w, r, "/account", "cleretiree")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// jsonError answers the script with the code and the safe message.
func jsonError(w http.ResponseWriter, err error) {
	writeJSON(w, statusOf(err), map[string]any{"error": map[string]string{"code": string(bouclier.ErrorCode(err)), "message": userMessage(err)}})
}
