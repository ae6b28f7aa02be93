package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// An urgent send that reaches beyond one establishment (from a national or
// académie officer, or to several establishments) is confirmed like the
// other wide actions (confirm.go): the first post keeps the message as a
// draft and shows a summary; the summary's form posts the same text values
// again with the draft's id and confirm=1, and Messaging.Send, which
// checks the sender as on any send, sends that draft. A refusal keeps the
// draft, as any refused send does.
//
// A confirmation page cannot post files again, so the attachments wait in
// this process's memory, bound to the draft, its owner and the session
// that wrote it, for heldTTL. The store has no table for a draft's files
// (a migration, 0017_draft_attachments, would keep them across restarts
// and processes): a confirmation that reaches another process or comes
// after a restart is refused with the draft kept and the user asked to
// attach the files again, never sent without them.

const (
	heldTTL   = 30 * time.Minute
	heldMax   = 32       // drafts waiting at once
	heldBytes = 64 << 20 // their files together
)

type heldEntry struct {
	user    int64
	session string
	files   []messaging.Attachment
	size    int
	until   time.Time
}

// heldFiles are the attachments of urgent sends awaiting confirmation.
type heldFiles struct {
	mu sync.Mutex
	m  map[int64]heldEntry // by draft id
}

func (f *heldFiles) expire(now time.Time) {
	for id, e := range f.m {
		if now.After(e.until) {
			delete(f.m, id)
		}
	}
}

// put keeps files for draft; false when the bounds are reached.
func (f *heldFiles) put(draft, user int64, session string, files []messaging.Attachment, now time.Time) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = map[int64]heldEntry{}
	}
	f.expire(now)
	delete(f.m, draft) // a second summary of the same draft replaces the first
	size, total := 0, 0
	for _, a := range files {
		size += len(a.Data)
	}
	for _, e := range f.m {
		total += e.size
	}
	if len(f.m) >= heldMax || total+size > heldBytes {
		return false
	}
	f.m[draft] = heldEntry{user: user, session: session, files: files, size: size, until: now.Add(heldTTL)}
	return true
}

// take removes and returns the files kept for draft if they belong to
// user and session.
func (f *heldFiles) take(draft, user int64, session string, now time.Time) ([]messaging.Attachment, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.m[draft]
	if !ok || e.user != user || e.session != session || now.After(e.until) {
		return nil, false
	}
	delete(f.m, draft)
	return e.files, true
}

// urgentReach is what a wide urgent send reaches.
type urgentReach struct {
	Recipients     int
	Establishments []string // names, sorted
}

// wideUrgent reports whether d is an urgent send to confirm, and what it
// reaches. A draft whose recipients cannot be resolved is not confirmed:
// the send refuses it with its reason, as any other.
func (h *handler) wideUrgent(ctx context.Context, u bouclier.User, d messaging.Draft) (urgentReach, bool, error) {
	// Without a reason the send refuses at once, with its own message.
	if !d.Urgent || strings.TrimSpace(d.UrgentReason) == "" || d.ParentID != 0 || h.d.Messaging == nil || h.d.Messaging.Directory() == nil {
		return urgentReach{}, false, nil
	}
	dir := h.d.Messaging.Directory()
	snd, err := dir.LoadSender(ctx, u)
	if err != nil {
		return urgentReach{}, false, nil
	}
	res, err := dir.Resolve(ctx, snd, d.To)
	if err != nil {
		return urgentReach{}, false, nil
	}
	uais := map[string]bool{}
	for _, r := range res.Users {
		if r.UAI != "" {
			uais[r.UAI] = true
		}
	}
	if !wideScope(u.Scope()) && len(uais) <= 1 {
		return urgentReach{}, false, nil
	}
	reach := urgentReach{Recipients: len(res.Users)}
	names := map[string]string{}
	if h.d.DB != nil {
		es, err := h.d.DB.Establishments(ctx, "")
		if err != nil {
			return urgentReach{}, false, fmt.Errorf("establishments for an urgent send: %w", err)
		}
		for _, e := range es {
			names[e.UAI] = e.Name
		}
	}
	for uai := range uais {
		n := names[uai]
		if n == "" {
			n = uai
		}
		reach.Establishments = append(reach.Establishments, n)
	}
	slices.Sort(reach.Establishments)
	return reach, true, nil
}

// urgentSummary shows what a wide urgent send will do and keeps it as a
// draft, its files in memory, until it is confirmed.
func (h *handler) urgentSummary(w http.ResponseWriter, r *http.Request, s auth.Session, d messaging.Draft, reach urgentReach) {
	ctx := r.Context()
	if h.d.DB == nil {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrInternal, "Brouillons indisponibles."))
		return
	}
	now := h.d.Now()
	dr := store.Draft{ID: d.DraftID, UserID: s.User.ID, To: d.To, Subject: d.Subject, Body: d.Body, UpdatedAt: store.Micros(now)}
	err := h.d.DB.SaveDraft(ctx, &dr)
	if errors.Is(err, store.ErrNotFound) { // not this user's draft: a new one
		dr.ID = 0
		err = h.d.DB.SaveDraft(ctx, &dr)
	}
	if err == nil {
		sid := s.PublicID
		if s.Moved {
			sid = "" // written from elsewhere: no step-up sends it
		}
		err = h.d.DB.SetDraftSession(ctx, s.User.ID, dr.ID, sid)
	}
	if err != nil {
		h.fail(w, r, &s, fmt.Errorf("keep an urgent send's draft: %w", err))
		return
	}
	if len(d.Attachments) > 0 && !h.held.put(dr.ID, s.User.ID, s.PublicID, d.Attachments, now) {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrThrottled,
			"Trop d’envois attendent une confirmation sur ce serveur. Votre message est gardé dans vos brouillons\u00a0; réessayez dans quelques minutes."))
		return
	}
	sum := []string{"Envoi urgent, en passant outre la fermeture de la messagerie, à " +
		countOf(reach.Recipients, "destinataire", "destinataires") + " dans " +
		countOf(len(reach.Establishments), "établissement", "établissements") + "\u00a0: " + namesList(reach.Establishments, 10) + "."}
	sum = append(sum, "Au nom de\u00a0: "+h.scopeName(ctx, s.User.Scope())+".")
	sum = append(sum, "Objet\u00a0: «\u00a0"+d.Subject+"\u00a0».")
	if len(d.Attachments) == 0 {
		sum = append(sum, "Aucune pièce jointe.")
	} else {
		var files []string
		for _, a := range d.Attachments {
			files = append(files, a.Name+" ("+sizeLabel(int64(len(a.Data)))+")")
		}
		sum = append(sum, "Pièces jointes\u00a0: "+strings.Join(files, ", ")+".")
	}
	sum = append(sum, "Motif de l’urgence\u00a0: "+d.UrgentReason)
	if !d.SendAt.IsZero() {
		sum = append(sum, "Envoi programmé le "+frenchDate(d.SendAt.In(h.location(s.User)))+".")
	}
	fields := formFields(r.PostForm)
	fields = slices.DeleteFunc(fields, func(f confirmField) bool { return f.Name == "draft_id" })
	fields = append(fields, confirmField{"draft_id", strconv.FormatInt(dr.ID, 10)},
		confirmField{"pj_gardees", strconv.Itoa(len(d.Attachments))})
	p := h.newPage(ctx, &s, "Confirmer l’envoi urgent", "compose")
	p.Data = confirmData{Action: r.URL.Path, Summary: sum, Fields: fields, Button: "Confirmer l’envoi", Danger: true,
		Cancel: "/compose?draft=" + strconv.FormatInt(dr.ID, 10), CancelLabel: "Modifier"}
	h.render(w, http.StatusOK, "confirm", p)
}

// heldAttachments gives a confirmed urgent send its files back. ok is
// false when files were attached but are no longer held here.
func (h *handler) heldAttachments(r *http.Request, s auth.Session, d *messaging.Draft) bool {
	n, err := strconv.Atoi(r.PostFormValue("pj_gardees"))
	if err != nil || n <= 0 || len(d.Attachments) > 0 {
		return true
	}
	files, ok := h.held.take(d.DraftID, s.User.ID, s.PublicID, h.d.Now())
	if !ok || len(files) != n {
		return false
	}
	d.Attachments = files
	return true
}

// scopeName names an authority scope for a summary: « Académie de
// Versailles » from the directory, « administration nationale ».
func (h *handler) scopeName(ctx context.Context, scope string) string {
	kind, id, _ := strings.Cut(scope, ":")
	switch kind {
	case "national":
		return "administration nationale"
	case "academie":
		if h.d.DB != nil {
			if list, err := h.d.DB.Academies(ctx); err == nil {
				for _, a := range list {
					if a.ID == id && a.Name != "" {
						return a.Name
					}
				}
			}
		}
		return "académie " + id
	case "establishment":
		return "établissement " + id
	}
	return scope
}

// namesList lists names, the first max of them and how many more.
func namesList(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:max], ", ") + " et " + countOf(len(names)-max, "autre", "autres")
}
