package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
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
// A confirmation page cannot post files again, so the attachments are
// kept in the store with the draft (store.KeepDraftFiles), bound to the
// session that attached them, for heldTTL: a restart or another process
// behind the load balancer still sends them. A confirmation from another
// session, or too late, is refused with the draft kept and the user asked
// to attach the files again, never sent without them.

// heldTTL is how long an urgent send's files wait for their confirmation.
const heldTTL = 30 * time.Minute

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
	files := make([]store.DraftFile, len(d.Attachments))
	for i, a := range d.Attachments {
		files[i] = store.DraftFile{Name: a.Name, ContentType: a.ContentType, Data: a.Data}
	}
	if err := h.d.DB.KeepDraftFiles(ctx, s.User.ID, dr.ID, s.PublicID, files, store.Micros(now), store.Micros(now.Add(-heldTTL))); err != nil {
		h.fail(w, r, &s, fmt.Errorf("keep an urgent send's files: %w", err))
		return
	}
	to := frnum.Count(reach.Recipients, "destinataire", "destinataires") + " dans " +
		frnum.Count(len(reach.Establishments), "établissement", "établissements") + "\u00a0: " + namesList(reach.Establishments, 10) + "."
	sum := []string{"Envoi urgent, en passant outre la fermeture de la messagerie, à " + to}
	if h.urgentUnneeded(ctx, s.User, d.SendAt) {
		// Said before the confirmation: the override would change nothing.
		sum = []string{"Envoi à " + to, "L’envoi urgent n’est pas nécessaire\u00a0: la messagerie est ouverte. Le message partira comme les autres, sans signalement à l’académie."}
	}
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
// false when files were attached but are no longer kept for this session.
func (h *handler) heldAttachments(r *http.Request, s auth.Session, d *messaging.Draft) (bool, error) {
	n, err := strconv.Atoi(r.PostFormValue("pj_gardees"))
	if err != nil || n <= 0 || len(d.Attachments) > 0 {
		return true, nil
	}
	if h.d.DB == nil || d.DraftID == 0 {
		return false, nil
	}
	files, err := h.d.DB.DraftFiles(r.Context(), s.User.ID, d.DraftID, s.PublicID, store.Micros(h.d.Now().Add(-heldTTL)))
	if err != nil {
		return false, fmt.Errorf("an urgent send's kept files: %w", err)
	}
	if len(files) != n {
		return false, nil
	}
	for _, f := range files {
		d.Attachments = append(d.Attachments, messaging.Attachment{Name: f.Name, ContentType: f.ContentType, Data: f.Data})
	}
	return true, nil
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
	return strings.Join(names[:max], ", ") + " et " + frnum.Count(len(names)-max, "autre", "autres")
}
