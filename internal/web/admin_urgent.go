package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/auth"
)

// urgentList is the académie's view of emergency-override sends: the
// audit entries "message.urgent" of the scopes the user administers
// (audit.List), newest first, 100 a page.
func (h *handler) urgentList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.DB == nil || h.d.Directory == nil {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrNotFound, "Le journal n’est pas disponible sur ce serveur."))
		return
	}
	var before int64
	if v := r.URL.Query().Get("avant"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInvalidRequest, "Page invalide."))
			return
		}
		before = n
	}
	const limit = 100
	list, err := h.d.Auth.ReadAudit(r.Context(), actorOf(r, s), "message.urgent", before, limit)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	var next int64
	if len(list) == limit {
		next = list[len(list)-1].Seq
	}
	p := h.newPage(r.Context(), &s, "Envois d’urgence", "admin")
	p.Data = struct {
		List []urgentRow
		Next int64
	}{h.urgentRows(r.Context(), p, list), next}
	h.render(w, http.StatusOK, "urgent", p)
}

// urgentRow is an urgent send as the académie reads it: the sender by
// name, the message by its subject, the establishment by its name and the
// sender's reason, not the audit entry's login, ids and key=value detail.
type urgentRow struct {
	At                     time.Time
	Sender, Subject, Scope string
	Reason                 string
	Recipients             int
}

// urgentRows labels the audit entries. A lookup that fails leaves the raw
// value: the journal is still worth showing.
func (h *handler) urgentRows(ctx context.Context, p *page, list []audit.View) []urgentRow {
	title := h.scopeTitles(ctx)
	users := map[string]bouclier.User{}
	var people []bouclier.User
	rows := make([]urgentRow, len(list))
	for i, v := range list {
		rows[i] = urgentRow{At: v.At, Sender: v.Actor, Subject: v.Target, Scope: title(v.Scope)}
		rows[i].Reason, rows[i].Recipients = urgentDetail(v.Detail)
		if id, ok := strings.CutPrefix(v.Target, "message:"); ok {
			rows[i].Subject = "message n°\u00a0" + id
			if n, err := strconv.ParseInt(id, 10, 64); err == nil {
				if m, err := h.d.DB.MessageByID(ctx, n); err == nil {
					rows[i].Subject = "«\u00a0" + m.Subject + "\u00a0»"
				}
			}
		}
		if _, ok := users[v.Actor]; !ok {
			u, err := h.d.DB.UserByName(ctx, v.Actor)
			if err != nil {
				h.d.Log.Warn("urgent sender", "err", err)
			} else {
				people = append(people, u)
			}
			users[v.Actor] = u
		}
	}
	h.describeUsers(ctx, p, people)
	for i := range rows {
		if u := users[list[i].Actor]; u.ID != 0 {
			rows[i].Sender = p.Who(u.ID, u.DisplayName, u.Role, u.Username)
		}
	}
	return rows
}

// urgentDetail reads the sender's reason and the number of recipients
// from the entry's detail (messaging: « … recipients=N … reason="…" »).
func urgentDetail(detail string) (reason string, recipients int) {
	if _, q, ok := strings.Cut(detail, " reason="); ok {
		if r, err := strconv.Unquote(q); err == nil {
			reason = r
		}
	}
	for _, f := range strings.Fields(detail) {
		if v, ok := strings.CutPrefix(f, "recipients="); ok {
			recipients, _ = strconv.Atoi(v)
		}
	}
	return reason, recipients
}
