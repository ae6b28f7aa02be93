// Package web serves Bouclier's browser interface, in French.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
)

// Banner is what the banner on every page says when messaging is closed,
// deferred or suspended for the user.
type Banner struct {
	Send    bool       // may send now
	Receive bool       // may receive now
	Reason  string     // in French
	Until   *time.Time // when this changes, if known
}

// Deps are the services the pages call.
type Deps struct {
	Auth         *auth.Service
	Messaging    *messaging.Service
	Log          *slog.Logger
	Now          func() time.Time
	SecureCookie bool // __Host- prefixed Secure cookie (HTTPS); false for local http
	// Explain, when set, gives the messaging rules in force for a user now;
	// the banner shows it when sending or receiving is not open.
	Explain func(ctx context.Context, u bouclier.User, now time.Time) (Banner, error)
}

// New returns the browser handler, mounted at "/".
func New(d Deps) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>Bouclier</title><h1>Bouclier</h1></html>`))
	})
	return mux
}
