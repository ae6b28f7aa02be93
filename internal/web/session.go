package web

import (
	"errors"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/textcheck"
)

// authedFunc is a handler for a signed-in user.
type authedFunc func(w http.ResponseWriter, r *http.Request, s auth.Session)

// authed authenticates the session cookie and, on POST, reads the form and
// checks its anti-CSRF token before calling f.
func (h *handler) authed(f authedFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := h.session(r)
		if err != nil {
			if bouclier.ErrorCode(err) != bouclier.ErrUnauthenticated {
				h.fail(w, r, nil, err)
				return
			}
			h.clearCookie(w, h.cookie)
			target := "/login"
			if r.Method == http.MethodGet && r.URL.Path != "/" {
				target += "?next=" + url.QueryEscape(r.URL.RequestURI())
			} else {
				target += "?expired=1"
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := h.parseForm(w, r); err != nil {
				h.fail(w, r, &sess, err)
				return
			}
			if !auth.CheckCSRF(sess, r.PostFormValue("csrf")) {
				h.fail(w, r, &sess, csrfError())
				return
			}
		}
		// The send guard in messaging reads the session from the context.
		f(w, r.WithContext(auth.WithSession(r.Context(), sess)), sess)
	})
}

func csrfError() error {
	return bouclier.Errorf(bouclier.ErrForbidden,
		"Formulaire expiré ou falsifié\u00a0: rechargez la page et recommencez.")
}

// session returns the session of the request's cookie.
func (h *handler) session(r *http.Request) (auth.Session, error) {
	c, err := r.Cookie(h.cookie)
	if err != nil || c.Value == "" {
		return auth.Session{}, bouclier.Errorf(bouclier.ErrUnauthenticated, "Connectez-vous.")
	}
	// With the client, so that a session used from another network or
	// browser than its own is flagged (and must step up before sending).
	return h.d.Auth.AuthenticateClient(r.Context(), c.Value, clientOf(r))
}

// parseForm reads a urlencoded or multipart body within its size limit.
func (h *handler) parseForm(w http.ResponseWriter, r *http.Request) error {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	if ct == "multipart/form-data" {
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		// Up to 8 MiB in memory; larger parts spill to temporary files,
		// which net/http removes after the request.
		err = r.ParseMultipartForm(8 << 20)
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return textcheck.Form(r)
	case errors.As(err, &tooBig):
		return bouclier.Errorf(bouclier.ErrTooLarge, "Envoi trop volumineux (%d Mo au plus, pièces jointes comprises).", maxUpload>>20)
	}
	return bouclier.Errorf(bouclier.ErrInvalidRequest, "Formulaire illisible.")
}

func (h *handler) setCookie(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true,
		Secure: h.d.SecureCookie, SameSite: http.SameSiteStrictMode})
}

func (h *handler) clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: h.d.SecureCookie, SameSite: http.SameSiteStrictMode})
}

// clientOf returns where a request comes from, for the audit trail.
func clientOf(r *http.Request) auth.Client {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return auth.Client{Address: host, UserAgent: r.UserAgent()}
}

// localPath keeps next= redirects on this site: an absolute path with no
// scheme, host or user, never "//host" or "/\\host" (which browsers read
// as another origin), with no control or invisible formatting character
// (header splitting, spoofing) and not the login page itself. Anything
// else goes to the inbox.
func localPath(s string) string {
	const home = "/inbox"
	if len(s) > 2048 || !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/\\") ||
		!utf8.ValidString(s) {
		return home
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\\' {
			return home
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(u.Path, "//") || u.Path == "/login" || strings.HasPrefix(u.Path, "/login/") {
		return home
	}
	return s
}

func isAdmin(r bouclier.Role) bool {
	return r == bouclier.RoleHead || r == bouclier.RoleAcademyAdmin || r == bouclier.RoleNationalAdmin
}
