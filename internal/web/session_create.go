package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
)

// loginData is the login form.
type loginData struct {
	Token    string // double-submit anti-CSRF token, also in the cookie
	Username string
	Next     string
	OTPStep  bool   // the password was right; ask for the code
	Pending  string // the first step, sealed (see sealPending)
}

// pendingTTL bounds the time between the password and the code.
const pendingTTL = 5 * time.Minute

func (h *handler) loginShow(w http.ResponseWriter, r *http.Request) {
	if _, err := h.session(r); err == nil {
		http.Redirect(w, r, "/inbox", http.StatusSeeOther)
		return
	}
	p := h.newPage(r.Context(), nil, "Connexion", "login")
	q := r.URL.Query()
	switch {
	case q.Get("bye") != "":
		p.Flash = "Vous êtes déconnecté. À bientôt."
	case q.Get("expired") != "":
		p.Flash = "Votre session a expiré : reconnectez-vous."
	}
	d := loginData{Token: h.loginToken(w, r), Next: localPath(q.Get("next"))}
	p.Data = d
	h.render(w, http.StatusOK, "login", p)
}

// loginToken returns the login form's double-submit token, setting the
// cookie if the browser has none yet.
func (h *handler) loginToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(h.loginCookie); err == nil && len(c.Value) == 43 {
		return c.Value
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	tok := base64.RawURLEncoding.EncodeToString(b)
	h.setCookie(w, h.loginCookie, tok)
	return tok
}

func (h *handler) loginCreate(w http.ResponseWriter, r *http.Request) {
	if err := h.parseForm(w, r); err != nil {
		h.fail(w, r, nil, err)
		return
	}
	c, err := r.Cookie(h.loginCookie)
	if err != nil || len(c.Value) != 43 || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue("csrf"))) != 1 {
		h.fail(w, r, nil, bouclier.Errorf(bouclier.ErrForbidden,
			"Formulaire de connexion expiré ou falsifié : rechargez la page et recommencez. Les cookies doivent être autorisés."))
		return
	}
	token := c.Value
	d := loginData{Token: token, Next: localPath(r.PostFormValue("next"))}
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	otp := strings.ReplaceAll(strings.TrimSpace(r.PostFormValue("otp")), " ", "")
	if sealed := r.PostFormValue("pending"); sealed != "" {
		var ok bool
		if username, password, ok = h.openPending(sealed, token); !ok {
			p := h.newPage(r.Context(), nil, "Connexion", "login")
			p.Error = "Le délai pour saisir le code est dépassé. Saisissez à nouveau votre identifiant et votre mot de passe."
			p.Data = d
			h.render(w, http.StatusUnauthorized, "login", p)
			return
		}
		d.OTPStep, d.Pending = true, sealed
		if otp == "" {
			// An empty code would only make Login say otp_required again.
			p := h.newPage(r.Context(), nil, "Code de vérification", "login")
			p.Error = "Saisissez le code à 6 chiffres."
			d.Username = username
			p.Data = d
			h.render(w, http.StatusUnprocessableEntity, "login", p)
			return
		}
	}
	d.Username = username

	tok, _, err := h.d.Auth.Login(r.Context(), username, password, otp, clientOf(r))
	if err == nil {
		h.setCookie(w, h.cookie, tok)
		h.clearCookie(w, h.loginCookie)
		http.Redirect(w, r, d.Next, http.StatusSeeOther)
		return
	}
	code := bouclier.ErrorCode(err)
	if code == bouclier.ErrInternal {
		h.fail(w, r, nil, err)
		return
	}
	p := h.newPage(r.Context(), nil, "Connexion", "login")
	status := http.StatusUnauthorized
	switch code {
	case bouclier.ErrOTPRequired:
		p.Title = "Code de vérification"
		d.OTPStep, d.Pending = true, h.sealPending(username, password, token)
		status = http.StatusOK // the next step, not a failure
	case bouclier.ErrInvalidCredentials:
		if d.OTPStep {
			p.Title = "Code de vérification"
			p.Error = "Code incorrect ou déjà utilisé. Attendez le code suivant de votre application et réessayez."
		} else {
			p.Error = "Identifiant ou mot de passe incorrect."
		}
	case bouclier.ErrThrottled:
		status = http.StatusTooManyRequests
		p.Error = "Trop de tentatives de connexion. " + bouclier.ErrorMessage(err)
		d.OTPStep, d.Pending = false, ""
	case bouclier.ErrLocked:
		status = http.StatusLocked
		p.Error = "Ce compte est verrouillé. " + bouclier.ErrorMessage(err)
		d.OTPStep, d.Pending = false, ""
	case bouclier.ErrPasswordResetRequired:
		status = http.StatusForbidden
		p.Error = bouclier.ErrorMessage(err) + " La page de changement de mot de passe n'est pas encore disponible : adressez-vous à votre établissement."
		d.OTPStep, d.Pending = false, ""
	default:
		status = statusOf(err)
		p.Error = userMessage(err)
	}
	p.Data = d
	h.render(w, status, "login", p)
}

// pendingLogin is the first login step, kept by the browser between the
// password and the code. It is sealed with a key that lives only in this
// process and bound to the browser's login cookie, so the password never
// appears in the page and the blob is useless anywhere else.
type pendingLogin struct {
	U string `json:"u"`
	P string `json:"p"`
	E int64  `json:"e"` // expiry, unix seconds
}

func (h *handler) sealPending(username, password, cookie string) string {
	b, _ := json.Marshal(pendingLogin{U: username, P: password, E: h.d.Now().Add(pendingTTL).Unix()})
	nonce := make([]byte, h.pending.NonceSize())
	_, _ = rand.Read(nonce)
	return base64.RawURLEncoding.EncodeToString(h.pending.Seal(nonce, nonce, b, []byte(cookie)))
}

func (h *handler) openPending(sealed, cookie string) (username, password string, ok bool) {
	raw, err := base64.RawURLEncoding.DecodeString(sealed)
	if err != nil || len(raw) < h.pending.NonceSize() {
		return "", "", false
	}
	n := h.pending.NonceSize()
	b, err := h.pending.Open(nil, raw[:n], raw[n:], []byte(cookie))
	if err != nil {
		return "", "", false
	}
	var pl pendingLogin
	if json.Unmarshal(b, &pl) != nil || h.d.Now().Unix() > pl.E {
		return "", "", false
	}
	return pl.U, pl.P, true
}
