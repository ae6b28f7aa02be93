package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/sso"
)

// loginData is the login form.
type loginData struct {
	Token    string // double-submit anti-CSRF token, also in the cookie
	Username string
	Next     string
	OTPStep  bool   // the password was right; ask for the code
	Pending  string // the first step, sealed (see sealPending)
	Reset    bool   // the account was reset: show how to activate it
	// Providers are the identity providers offered (sso_login.go).
	Providers []sso.ProviderInfo
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
		p.Flash = "Déconnexion effectuée. À bientôt."
	case q.Get("expired") != "":
		p.Flash = "Votre session a expiré\u00a0: reconnectez-vous."
	case q.Get("active") != "":
		p.Flash = "Compte activé\u00a0: connectez-vous avec votre nouveau mot de passe."
	case q.Get("protege") != "":
		who := "Votre établissement a été prévenu"
		switch q.Get("protege") {
		case "academie":
			who = "Votre académie a été prévenue"
		case "national":
			who = "L’administration nationale a été prévenue"
		}
		p.Flash = "Votre compte est verrouillé et toutes ses sessions sont fermées. " + who + " et le débloquera après vérification."
	}
	d := loginData{Token: h.loginToken(w, r), Next: localPath(q.Get("next")), Providers: h.ssoProviders()}
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
	token, ok := h.checkLoginToken(r)
	if !ok {
		h.fail(w, r, nil, bouclier.Errorf(bouclier.ErrForbidden,
			"Formulaire de connexion expiré ou falsifié\u00a0: rechargez la page et recommencez. Les cookies doivent être autorisés."))
		return
	}
	d := loginData{Token: token, Next: localPath(r.PostFormValue("next"))}
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	otp := strings.ReplaceAll(strings.TrimSpace(r.PostFormValue("otp")), " ", "")
	if sealed := r.PostFormValue("pending"); sealed != "" {
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
			p.fieldError("otp", "Saisissez le code à 6 chiffres.")
			d.Username = username
			p.Data = d
			h.render(w, http.StatusUnprocessableEntity, "login", p)
			return
		}
	}
	d.Username = username
	if !d.OTPStep && (username == "" || password == "") {
		// Nothing to check: say which field is missing, without a try
		// counted against the account.
		p := h.newPage(r.Context(), nil, "Connexion", "login")
		if username == "" {
			p.fieldError("username", "Saisissez votre identifiant.")
		}
		if password == "" {
			p.fieldError("password", "Saisissez votre mot de passe.")
		}
		p.Data = d
		h.render(w, http.StatusUnprocessableEntity, "login", p)
		return
	}

	in := auth.LoginRequest{Username: username, Password: password, Client: clientOf(r)}
	if otp != "" && !isOTP(otp) {
		in.RecoveryCode = otp
	} else {
		in.OTP = otp
	}
	res, err := h.d.Auth.LoginWith(r.Context(), in)
	if err == nil {
		http.Redirect(w, r, h.loggedIn(w, res, d.Next), http.StatusSeeOther)
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
		sealed, err := h.sealPending(username, password, token)
		if err != nil {
			h.fail(w, r, nil, err)
			return
		}
		p.Title = "Code de vérification"
		d.OTPStep, d.Pending = true, sealed
		status = http.StatusOK // the next step, not a failure
	case bouclier.ErrInvalidCredentials:
		if d.OTPStep {
			p.Title = "Code de vérification"
			p.fieldError("otp", "Code incorrect ou déjà utilisé. Attendez le code suivant de votre application et réessayez.")
		} else {
			p.fieldError("password", "Identifiant ou mot de passe incorrect.")
		}
	case bouclier.ErrThrottled, bouclier.ErrLocked:
		status = http.StatusTooManyRequests
		p.Error = "Trop de tentatives de connexion. " + bouclier.ErrorMessage(err)
		if code == bouclier.ErrLocked {
			status = http.StatusLocked
			p.Error = "Ce compte est verrouillé. " + bouclier.ErrorMessage(err)
		}
		d.OTPStep, d.Pending = false, ""
		var ra auth.RetryAfter
		if errors.As(err, &ra) {
			w.Header().Set("Retry-After", strconv.Itoa(ra.Seconds()))
		}
		if auth.IsAccountHeld(err) && otp == "" {
			// Failures from elsewhere hold the account: its owner still
			// passes with a second factor. The password is not checked
			// yet; it will be, with the code.
			sealed, err := h.sealPending(username, password, token)
			if err != nil {
				h.fail(w, r, nil, err)
				return
			}
			p.Title = "Code de vérification"
			p.Error = "De nombreuses tentatives de connexion ont visé ce compte. Si vous utilisez une application d’authentification ou une clé d’accès, confirmez avec elle pour vous connecter\u00a0; sinon, réessayez plus tard."
			d.OTPStep, d.Pending = true, sealed
		}
	case bouclier.ErrPasswordResetRequired:
		status = http.StatusForbidden
		p.Error = bouclier.ErrorMessage(err)
		d.OTPStep, d.Pending, d.Reset = false, "", true
	default:
		status = statusOf(err)
		p.Error = userMessage(err)
	}
	p.Data = d
	h.render(w, status, "login", p)
}

// loggedIn installs the session of a successful login and returns where
// to go: the security instructions first after a reset.
func (h *handler) loggedIn(w http.ResponseWriter, res auth.LoginResult, next string) string {
	h.setCookie(w, h.cookie, res.Token)
	h.clearCookie(w, h.loginCookie)
	if res.MustAck {
		return "/account/security?next=" + url.QueryEscape(next)
	}
	return next
}

// checkLoginToken checks the login form's double-submit token and
// returns it.
func (h *handler) checkLoginToken(r *http.Request) (string, bool) {
	c, err := r.Cookie(h.loginCookie)
	if err != nil || len(c.Value) != 43 || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue("csrf"))) != 1 {
		return "", false
	}
	return c.Value, true
}

// loginPasskeyOptions starts the passkey check of the login's second step
// (JSON; static/passkey.js).
func (h *handler) loginPasskeyOptions(w http.ResponseWriter, r *http.Request) {
	if err := h.parseForm(w, r); err != nil {
		jsonError(w, err)
		return
	}
	token, ok := h.checkLoginToken(r)
	if !ok {
		jsonError(w, bouclier.Errorf(bouclier.ErrForbidden, "Formulaire de connexion expiré\u00a0: rechargez la page."))
		return
	}
	// Only the second step asks for a passkey: no options without the
	// first step's sealed state, and a few a minute per address.
	if _, _, ok := h.openPending(r.PostFormValue("pending"), token); !ok {
		jsonError(w, bouclier.Errorf(bouclier.ErrInvalidCredentials, "Le délai est dépassé\u00a0: reconnectez-vous."))
		return
	}
	id, opts, err := h.d.Auth.BeginPasskeyLoginFrom(r.Context(), clientOf(r))
	h.ceremony(w, id, opts, err)
}

// loginPasskey finishes the login with the passkey as second factor
// (Auth.LoginWith) and answers {"next": URL}.
func (h *handler) loginPasskey(w http.ResponseWriter, r *http.Request) {
	if err := h.parseForm(w, r); err != nil {
		jsonError(w, err)
		return
	}
	token, ok := h.checkLoginToken(r)
	if !ok {
		jsonError(w, bouclier.Errorf(bouclier.ErrForbidden, "Formulaire de connexion expiré\u00a0: rechargez la page."))
		return
	}
	username, password, ok := h.openPending(r.PostFormValue("pending"), token)
	if !ok {
		jsonError(w, bouclier.Errorf(bouclier.ErrInvalidCredentials, "Le délai est dépassé\u00a0: reconnectez-vous."))
		return
	}
	res, err := h.d.Auth.LoginWith(r.Context(), auth.LoginRequest{Username: username, Password: password, Client: clientOf(r),
		WebAuthn: &auth.Assertion{ChallengeID: r.PostFormValue("challenge_id"), Credential: []byte(r.PostFormValue("credential"))}})
	if err != nil {
		jsonError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"next": h.loggedIn(w, res, localPath(r.PostFormValue("next")))})
}

// pendingLogin is the first login step, kept by the browser between the
// password and the code. It is sealed with a key derived from the server's
// secret key (auth.Service.SealPending) and bound to the browser's login
// cookie, so the password never appears in the page, the blob is useless
// to anyone else, and the second step works on any node of the deployment
// and across restarts.
type pendingLogin struct {
	U string `json:"u"`
	P string `json:"p"`
	E int64  `json:"e"` // expiry, unix seconds
}

func (h *handler) sealPending(username, password, cookie string) (string, error) {
	b, err := json.Marshal(pendingLogin{U: username, P: password, E: h.d.Now().Add(pendingTTL).Unix()})
	if err != nil {
		return "", fmt.Errorf("pending login: %w", err)
	}
	return h.d.Auth.SealPending(b, cookie)
}

func (h *handler) openPending(sealed, cookie string) (username, password string, ok bool) {
	if sealed == "" {
		return "", "", false
	}
	b, err := h.d.Auth.OpenPending(sealed, cookie)
	if err != nil {
		return "", "", false
	}
	var pl pendingLogin
	if json.Unmarshal(b, &pl) != nil || h.d.Now().Unix() > pl.E || pl.U == "" {
		return "", "", false
	}
	return pl.U, pl.P, true
}
