// Package api serves Bouclier's JSON API under /api/v1. Handlers decode,
// call one service method and encode; errors leave as the contract's
// envelope {"error": {"code", "message"}} and never carry a cause.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/httpx"
	"github.com/bouclier/bouclier/internal/textcheck"
)

// MaxBody bounds a request body: five 10 MiB attachments in base64 and the text.
const MaxBody = 72 << 20

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    bouclier.Code `json:"code"`
	Message string        `json:"message"`
	DraftID string        `json:"draft_id,omitempty"`
	Until   string        `json:"until,omitempty"`
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError writes err as the contract's envelope. Causes go to the log.
func (a *API) writeError(w http.ResponseWriter, r *http.Request, err error) {
	a.writeErrorDetail(w, r, err, errorDetail{})
}

func (a *API) writeErrorDetail(w http.ResponseWriter, r *http.Request, err error, d errorDetail) {
	code := bouclier.ErrorCode(err)
	if code == bouclier.ErrInternal {
		if errors.Is(err, context.Canceled) {
			return
		}
		a.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	d.Code, d.Message = code, bouclier.ErrorMessage(err)
	var ra auth.RetryAfter
	if errors.As(err, &ra) && (code == bouclier.ErrThrottled || code == bouclier.ErrLocked) {
		w.Header().Set("Retry-After", strconv.Itoa(ra.Seconds()))
	}
	writeJSON(w, httpx.Status(code), errorBody{Error: d})
}

// badRequest is a 400 for bodies that cannot be read at all.
func (a *API) badRequest(w http.ResponseWriter, msg string) {
	writeJSON(w, http.StatusBadRequest, errorBody{Error: errorDetail{Code: bouclier.ErrInvalidRequest, Message: msg}})
}

// decode reads a JSON body strictly: one object, known fields, right types,
// within MaxBody. It writes the error and returns false on failure.
func (a *API) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	// The body is read as JSON whatever Content-Type says: scripts often
	// send JSON with curl's form default, and bearer tokens are not sent
	// by browsers on their own, so there is no CSRF to guard against here.
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if dec.More() {
			a.badRequest(w, "Un seul objet JSON est attendu.")
			return false
		}
		if _, err2 := dec.Token(); err2 != io.EOF {
			a.badRequest(w, "Un seul objet JSON est attendu.")
			return false
		}
		if err := textcheck.Value(v); err != nil {
			a.writeError(w, r, err)
			return false
		}
		return true
	}
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &tooBig):
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{Error: errorDetail{Code: bouclier.ErrTooLarge, Message: fmt.Sprintf("Requête trop volumineuse (%d Mo au plus).", MaxBody>>20)}})
	case errors.As(err, &typeErr):
		a.badRequest(w, fmt.Sprintf("Le champ %q n’a pas le bon type.", typeErr.Field))
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		a.badRequest(w, "JSON mal formé.")
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		a.badRequest(w, "Champ inconnu\u00a0: "+strings.TrimPrefix(err.Error(), "json: unknown field "))
	default:
		a.badRequest(w, "Corps de requête illisible.")
	}
	return false
}

// clientOf returns where a request comes from.
func clientOf(r *http.Request) auth.Client {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return auth.Client{Address: host, UserAgent: r.UserAgent()}
}

// pathID parses the {id} path value.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, bouclier.Errorf(bouclier.ErrNotFound, "Identifiant inconnu.")
	}
	return id, nil
}

// API holds the services the handlers call.
type API struct {
	svc Services
	log *slog.Logger
}

// New returns the API handler, mounted at /api/v1/.
func New(svc Services, log *slog.Logger) http.Handler {
	a := &API{svc: svc, log: log}
	return a.routes()
}

// sessionFrom returns the authenticated session of a request.
func sessionFrom(r *http.Request) auth.Session {
	s, _ := auth.SessionFrom(r.Context())
	return s
}

// authed wraps h with bearer-token authentication.
func (a *API) authed(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="bouclier"`)
			a.writeError(w, r, bouclier.Errorf(bouclier.ErrUnauthenticated, "Authentification requise (Authorization: Bearer)."))
			return
		}
		sess, err := a.svc.Auth.AuthenticateClient(r.Context(), strings.TrimSpace(tok), clientOf(r))
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="bouclier", error="invalid_token"`)
			a.writeError(w, r, err)
			return
		}
		h(w, r.WithContext(auth.WithSession(r.Context(), sess)))
	})
}
