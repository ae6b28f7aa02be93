package web

import (
	"bytes"
	"net/http"
	"time"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

type accountData struct {
	Session      auth.Session
	HasSessions  bool // whether the listing service is wired
	Sessions     []sessionRow
	SessionsFail bool
}

type sessionRow struct {
	Created, LastSeen, Expires int64
	Source, UserAgent          string
	MFA, Current               bool
}

func (h *handler) accountShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	p := h.newPage(r.Context(), &s, "Mon compte", "account")
	d := accountData{Session: s, HasSessions: h.d.Sessions != nil}
	if h.d.Sessions != nil {
		list, err := h.d.Sessions(r.Context(), s.User)
		if err != nil {
			h.d.Log.Warn("list sessions", "user", s.User.Username, "err", err)
			d.SessionsFail = true
		}
		for _, x := range list {
			d.Sessions = append(d.Sessions, rowOf(x, s))
		}
	}
	p.Data = d
	h.render(w, http.StatusOK, "account", p)
}

func rowOf(x store.Session, cur auth.Session) sessionRow {
	return sessionRow{Created: x.CreatedAt, LastSeen: x.LastSeen, Expires: x.ExpiresAt, Source: x.Source,
		UserAgent: x.UserAgent, MFA: x.MFAAt != 0, Current: bytes.Equal(x.TokenHash, cur.TokenHash)}
}

// micros is a time as the templates' When takes it.
func micros(t time.Time) int64 { return t.UnixMicro() }
