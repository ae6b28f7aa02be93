package web

import (
	"bytes"
	"context"
	"net/http"
	"strconv"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/store"
)

// moderationData is the moderation page: held messages with the screen's
// reasons, and recipients' reports.
type moderationData struct {
	Queue   []store.HeldItem
	Groups  []heldGroup // the queue by identical text
	Reports []reportRow
}

// reportRow is a report with what lets the head recognise it: the
// message's subject and sender, the reporter by name (not « n° 4 » and a
// login name).
type reportRow struct {
	store.Report
	Subject, From, By string
	// Body is the reported message's text: the head decides on what was
	// written, not on its subject.
	Body string
}

// heldGroup is one text of the queue and how many held copies it has: a
// campaign sends the same text to hundreds of mailboxes, which are refused
// together rather than one by one.
type heldGroup struct {
	store.HeldItem     // the oldest copy, shown
	Copies         int // held copies of the text in the moderator's scope
	Senders        int // distinct senders, within the queue's page
}

// groupHeld groups the queue by text: the body's fingerprint (the
// screen's key) and the subject, in the order of each text's oldest copy.
// A message without a fingerprint is a group of its own.
func groupHeld(q []store.HeldItem) []heldGroup {
	var out []heldGroup
	idx := map[string]int{}
	senders := map[string]map[int64]bool{}
	for _, m := range q {
		key := m.Fingerprint + "\x00" + m.Subject
		if i, ok := idx[key]; ok && m.Fingerprint != "" {
			out[i].Copies++
			if !senders[key][m.SenderID] {
				senders[key][m.SenderID] = true
				out[i].Senders++
			}
			continue
		}
		idx[key] = len(out)
		senders[key] = map[int64]bool{m.SenderID: true}
		out = append(out, heldGroup{HeldItem: m, Copies: 1, Senders: 1})
	}
	return out
}

// queueCap is the moderation queue's page (moderation.Service.Queue): a
// text may have more copies than the page shows.
const queueCap = 500

// moderationList shows the queue (Moderation.Queue) and the reports
// (Moderation.Reports).
func (h *handler) moderationList(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	q, err := h.d.Moderation.Queue(ctx, modActor(r, s))
	var reps []store.Report
	if err == nil {
		reps, err = h.d.Moderation.Reports(ctx, modActor(r, s))
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	p := h.newPage(ctx, &s, "Modération", "admin")
	flash(p, r)
	msgs := make([]bouclier.Message, len(q))
	for i, m := range q {
		msgs[i] = m.Message
	}
	groups := groupHeld(q)
	if len(q) >= queueCap {
		// The page is full: count each repeated text's copies whole.
		for i := range groups {
			if groups[i].Copies < 2 {
				continue
			}
			c, err := h.d.Moderation.Copies(ctx, modActor(r, s), groups[i].ID)
			if err != nil {
				h.fail(w, r, &s, err)
				return
			}
			groups[i].Copies = len(c.IDs)
		}
	}
	p.Data = moderationData{Queue: q, Groups: groups, Reports: h.reportRows(ctx, p, msgs, reps)}
	h.render(w, http.StatusOK, "moderation", p)
}

// moderationRelease delivers a held message (Moderation.Release).
func (h *handler) moderationRelease(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if err == nil {
		err = h.d.Moderation.Release(r.Context(), modActor(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/moderation", "libere")
}

// moderationDismiss closes a report without recalling its message
// (Moderation.DismissReport).
func (h *handler) moderationDismiss(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if err == nil {
		err = h.d.Moderation.DismissReport(r.Context(), modActor(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/moderation", "classe")
}

// moderationReject refuses a held message, and with lock=1 locks its
// sender (Moderation.Reject).
func (h *handler) moderationReject(w http.ResponseWriter, r *http.Request, s auth.Session) {
	lock := r.PostFormValue("lock") == "1"
	id, err := pathID(r)
	if err == nil {
		err = h.d.Moderation.Reject(r.Context(), modActor(r, s), id, lock)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	if lock {
		back(w, r, "/admin/moderation", "verrouille")
		return
	}
	back(w, r, "/admin/moderation", "refuse")
}

// moderationRejectCopies refuses every held copy of a held message's text
// in the moderator's scope (Moderation.Copies, then Moderation.Reject for
// each), after a confirmation naming how many messages, mailboxes and
// establishments.
func (h *handler) moderationRejectCopies(w http.ResponseWriter, r *http.Request, s auth.Session) {
	ctx := r.Context()
	id, err := pathID(r)
	var c store.HeldCopies
	if err == nil {
		c, err = h.d.Moderation.Copies(ctx, modActor(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	d := confirmData{Button: "Refuser les " + frnum.Thousands(len(c.IDs)) + "\u00a0copies", Danger: true, Cancel: "/admin/moderation"}
	d.Summary = []string{
		frnum.Count(len(c.IDs), "message sera retiré", "messages seront retirés") + " de " + frnum.Count(c.Mailboxes, "boîte", "boîtes") +
			" dans " + frnum.Count(c.Establishments, "établissement", "établissements") + "\u00a0: ils ne seront jamais distribués.",
		"Tous portent le même texte que le message «\u00a0" + c.Subject + "\u00a0».",
		"Les expéditeurs voient «\u00a0Non distribué\u00a0», sans le motif.",
	}
	if !h.confirmed(w, r, s, "Confirmer le refus des copies", d) {
		return
	}
	for _, m := range c.IDs {
		err := h.d.Moderation.Reject(ctx, modActor(r, s), m, false)
		if err != nil && bouclier.ErrorCode(err) != bouclier.ErrConflict { // decided meanwhile
			h.fail(w, r, &s, err)
			return
		}
	}
	back(w, r, "/admin/moderation", "copies")
}

// messageRecall removes a message from every mailbox (Moderation.Recall).
// The id comes from the path, or from the form's "message" field.
func (h *handler) messageRecall(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	if r.PathValue("id") == "" {
		id, err = formID(r, "message")
		if err == nil && id == 0 {
			err = bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez le numéro du message à rappeler.")
		}
	}
	if err == nil {
		err = h.d.Moderation.Recall(r.Context(), modActor(r, s), id)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	back(w, r, "/admin/moderation", "rappele")
}

// messageEvidence downloads the evidence archive of a message
// (Moderation.Evidence).
func (h *handler) messageEvidence(w http.ResponseWriter, r *http.Request, s auth.Session) {
	id, err := pathID(r)
	var buf bytes.Buffer
	if err == nil {
		err = h.d.Moderation.Evidence(r.Context(), modActor(r, s), id, &buf)
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	download(w, "application/zip", "preuves-message-"+strconv.FormatInt(id, 10)+".zip", buf.Bytes())
}

// download sends a file to save.
func download(w http.ResponseWriter, ctype, name string, data []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(data)
}

// reportRows completes reports with their messages' subjects and senders
// and their reporters, and describes everyone on the page (msgs, the held
// messages, included) in one go. What cannot be read is left out: the
// report is still shown with its number.
func (h *handler) reportRows(ctx context.Context, p *page, msgs []bouclier.Message, reps []store.Report) []reportRow {
	rows := make([]reportRow, len(reps))
	people := msgs
	seenMsg, seenUser := map[int64]store.Entry{}, map[int64]bouclier.User{}
	for i, rep := range reps {
		rows[i].Report = rep
		if h.d.DB == nil {
			continue
		}
		m, ok := seenMsg[rep.MessageID]
		if !ok {
			var err error
			if m, err = h.d.DB.MessageByID(ctx, rep.MessageID); err != nil {
				h.d.Log.Warn("reported message", "id", rep.MessageID, "err", err)
			} else {
				people = append(people, m.Message)
			}
			seenMsg[rep.MessageID] = m
		}
		if _, ok := seenUser[rep.ReporterID]; !ok {
			u, err := h.d.DB.UserByID(ctx, rep.ReporterID)
			if err != nil {
				h.d.Log.Warn("reporter", "id", rep.ReporterID, "err", err)
			} else {
				people = append(people, bouclier.Message{SenderID: u.ID, Sender: u.Username, SenderName: u.DisplayName, SenderRole: u.Role})
			}
			seenUser[rep.ReporterID] = u
		}
	}
	h.describe(ctx, p, people)
	for i := range rows {
		if m := seenMsg[rows[i].MessageID]; m.ID != 0 {
			rows[i].Subject, rows[i].From, rows[i].Body = m.Subject, p.Who(m.SenderID, m.SenderName, m.SenderRole, m.Sender), m.Body
		}
		if u := seenUser[rows[i].ReporterID]; u.ID != 0 {
			rows[i].By = p.Who(u.ID, u.DisplayName, u.Role, u.Username)
		} else {
			rows[i].By = rows[i].Reporter
		}
	}
	return rows
}
