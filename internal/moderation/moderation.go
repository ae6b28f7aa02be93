// Package moderation is what people do with what the shield caught: the
// quarantine queue and its decisions (the "levée de doute"), recipients'
// reports, the recall of delivered messages from every mailbox, the lists
// administrators extend for the screen, and evidence for the police.
//
// Authority: a head moderates the messages sent from their establishment,
// an académie admin those of their académie, a national admin all. Every
// decision is audited in the transaction that makes it.
package moderation

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

// Authorizer decides whether an actor may use a power over a scope
// (auth.Service.Authorize): session, second factor, freshness, authority.
type Authorizer interface {
	Authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, scope string) error
}

// Service moderates messages.
type Service struct {
	db    *store.DB
	dir   *directory.Directory
	authz Authorizer
	now   func() time.Time
	log   *slog.Logger

	// ListsChanged, if set, is called after a change to the screen's lists
	// (blocked digests, allowed domains), so that this process applies it
	// at once; other processes see the version bump within their interval.
	ListsChanged func()
}

// New returns the moderation service. Every part is required: without an
// authorizer nothing could be decided, so New refuses to build one.
func New(db *store.DB, dir *directory.Directory, authz Authorizer, now func() time.Time, log *slog.Logger) (*Service, error) {
	if db == nil || dir == nil || authz == nil || now == nil {
		return nil, errors.New("moderation: store, directory, authorizer and clock are required")
	}
	if log == nil {
		log = slog.Default()
	}
	return &Service{db: db, dir: dir, authz: authz, now: now, log: log}, nil
}

func forbidden() error {
	return bouclier.Errorf(bouclier.ErrForbidden, "Réservé à la direction de l’établissement et aux administrateurs de l’académie.")
}

// scopeOf is the scope a message's moderation belongs to.
func scopeOf(uai, academie string) string {
	switch {
	case uai != "":
		return "establishment:" + uai
	case academie != "":
		return "academie:" + academie
	}
	return "national"
}

// ownScope is the scope an actor's powers are first checked against.
func ownScope(a bouclier.Actor) string {
	if a.IsSystem() {
		return "national"
	}
	return a.User.AuthorityScope()
}

// authorize checks that a may use action at level, then loads message id
// and checks that it lies within a's authority. A message outside it is
// not_found, so ids reveal nothing.
func (s *Service) authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, id int64) (store.Entry, error) {
	if err := s.authz.Authorize(ctx, a, action, level, ownScope(a)); err != nil {
		return store.Entry{}, err
	}
	e, err := s.db.MessageByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return e, bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	}
	if err != nil {
		return e, err
	}
	if a.IsSystem() {
		return e, nil
	}
	ok, err := s.dir.HasAuthority(ctx, a.User, scopeOf(e.UAI, e.Academie))
	if err != nil {
		return e, err
	}
	if !ok {
		return e, bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	}
	return e, nil
}

// queueScope returns the filters of a moderator's queue.
func queueScope(u bouclier.User) (uai, academie string) {
	switch u.Role {
	case bouclier.RoleHead:
		return u.UAI, ""
	case bouclier.RoleAcademyAdmin:
		return "", u.Academie
	}
	return "", ""
}

// Queue lists the held messages a may decide on, oldest first. Reading
// held bodies is a sensitive read (bouclier.PrivRead, audited).
// Errors: forbidden and the codes of Authorize.
func (s *Service) Queue(ctx context.Context, a bouclier.Actor) ([]store.HeldItem, error) {
	if err := s.authz.Authorize(ctx, a, "moderation.queue", bouclier.PrivRead, ownScope(a)); err != nil {
		return nil, err
	}
	uai, aca := queueScope(a.User)
	if a.User.Role == bouclier.RoleHead && uai == "" {
		return nil, forbidden()
	}
	return s.db.Held(ctx, uai, aca, 500)
}

// Release delivers a held message: it opens the way to inboxes, so it needs
// a fresh second factor (bouclier.PrivLoosen). Errors: forbidden,
// not_found, conflict (not held any more) and the codes of Authorize.
func (s *Service) Release(ctx context.Context, a bouclier.Actor, id int64) error {
	return s.decide(ctx, a, id, bouclier.StatusDelivered, false)
}

// Reject refuses a held message for good; with lock, the sender's account
// is also put in read-only and their sessions revoked
// (bouclier.PrivTighten). Errors: as Release.
func (s *Service) Reject(ctx context.Context, a bouclier.Actor, id int64, lock bool) error {
	return s.decide(ctx, a, id, bouclier.StatusRejected, lock)
}

func (s *Service) decide(ctx context.Context, a bouclier.Actor, id int64, to bouclier.MessageStatus, lock bool) error {
	level, action := bouclier.PrivTighten, "moderation.reject"
	if to == bouclier.StatusDelivered {
		level, action = bouclier.PrivLoosen, "moderation.release"
	}
	e, err := s.authorize(ctx, a, action, level, id)
	if err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.Decide(ctx, id, string(to), a.Name(), store.Micros(now))
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrConflict, "Ce message n’est plus en attente de vérification.")
		}
		action := "moderation.release"
		if to == bouclier.StatusRejected {
			action = "moderation.reject"
		}
		if lock {
			by := a.User.AuthorityScope()
			if a.IsSystem() {
				by = scopeOf("", e.Academie)
			}
			if err := tx.LockSender(ctx, e.SenderID, by, store.Micros(now), action); err != nil {
				return err
			}
			action += "_lock"
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: action, Target: fmt.Sprintf("message:%d", id),
			Scope: scopeOf(e.UAI, e.Academie), Source: a.Source, Detail: "sender=" + e.Sender})
	})
}

// Report records that a recipient reports a message; it reaches the head of
// the sender's establishment (the reports list) and counts as a signal for
// campaign detection. Errors: not_found (not a message the user received),
// invalid_request.
func (s *Service) Report(ctx context.Context, a bouclier.Actor, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if len(reason) > 1000 {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le motif dépasse 1000 caractères.")
	}
	e, err := s.db.MessageFor(ctx, a.User.ID, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && e.SenderID == a.User.ID) {
		return bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	}
	if err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		fresh, err := tx.AddReport(ctx, store.Report{MessageID: id, ReporterID: a.User.ID, Reason: reason, UAI: e.UAI, CreatedAt: store.Micros(now)})
		if err != nil || !fresh {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.User.Username, Action: "message.report", Target: fmt.Sprintf("message:%d", id),
			Scope: scopeOf(e.UAI, e.Academie), Source: a.Source, Detail: reason})
	})
}

// Reports lists the reports a may see (bouclier.PrivRead). Errors:
// forbidden and the codes of Authorize.
func (s *Service) Reports(ctx context.Context, a bouclier.Actor) ([]store.Report, error) {
	if err := s.authz.Authorize(ctx, a, "moderation.reports", bouclier.PrivRead, ownScope(a)); err != nil {
		return nil, err
	}
	uai, aca := queueScope(a.User)
	return s.db.Reports(ctx, uai, aca, 500)
}

// DismissReport closes a report without recalling its message (« classer
// sans suite »): the head has read it and found nothing to act on. It
// leaves the moderation page and the pending count; the report, who
// closed it and when stay in the store and the audit. Closing lowers the
// guard, like releasing a held message, so it needs a fresh second factor
// (bouclier.PrivLoosen), over the message's scope. Errors: not_found (also
// outside a's authority), conflict (already closed) and the codes of
// Authorize.
func (s *Service) DismissReport(ctx context.Context, a bouclier.Actor, reportID int64) error {
	r, err := s.db.ReportByID(ctx, reportID)
	if errors.Is(err, store.ErrNotFound) {
		// Authorised first, so an outsider learns nothing of which ids exist.
		if err := s.authz.Authorize(ctx, a, "report.dismiss", bouclier.PrivLoosen, ownScope(a)); err != nil {
			return err
		}
		return bouclier.Errorf(bouclier.ErrNotFound, "Signalement introuvable.")
	}
	if err != nil {
		return err
	}
	e, err := s.authorize(ctx, a, "report.dismiss", bouclier.PrivLoosen, r.MessageID)
	if err != nil {
		if bouclier.ErrorCode(err) == bouclier.ErrNotFound {
			return bouclier.Errorf(bouclier.ErrNotFound, "Signalement introuvable.")
		}
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.CloseReport(ctx, reportID, a.Name(), store.Micros(now))
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrConflict, "Ce signalement est déjà classé.")
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "report.dismiss", Target: fmt.Sprintf("report:%d", reportID),
			Scope: scopeOf(e.UAI, e.Academie), Source: a.Source, Detail: fmt.Sprintf("message:%d reporter:%s", r.MessageID, r.Reporter)})
	})
}

// Recall removes a message from every mailbox, the sender's too
// (bouclier.PrivTighten). Errors: forbidden, not_found and the codes of
// Authorize.
func (s *Service) Recall(ctx context.Context, a bouclier.Actor, id int64) error {
	e, err := s.authorize(ctx, a, "message.recall", bouclier.PrivTighten, id)
	if err != nil {
		return err
	}
	if e.Recalled {
		return nil
	}
	_, err = s.recall(ctx, a, []int64{id}, "by message")
	return err
}

// RecallFrom recalls every message a sender sent in [from, to). Errors:
// forbidden, not_found (unknown sender or outside a's authority).
func (s *Service) RecallFrom(ctx context.Context, a bouclier.Actor, sender string, from, to time.Time) (int, error) {
	if err := s.authz.Authorize(ctx, a, "message.recall_from", bouclier.PrivTighten, ownScope(a)); err != nil {
		return 0, err
	}
	u, err := s.db.UserByName(ctx, sender)
	if errors.Is(err, store.ErrNotFound) {
		return 0, bouclier.Errorf(bouclier.ErrNotFound, "Expéditeur introuvable.")
	}
	if err != nil {
		return 0, err
	}
	if ok, err := s.dir.HasAuthority(ctx, a.User, u.Scope()); !a.IsSystem() && (err != nil || !ok) {
		if err != nil {
			return 0, err
		}
		return 0, bouclier.Errorf(bouclier.ErrNotFound, "Expéditeur introuvable.")
	}
	ids, err := s.db.MessagesFrom(ctx, u.ID, store.Micros(from), store.Micros(to))
	if err != nil {
		return 0, err
	}
	return s.recall(ctx, a, ids, fmt.Sprintf("sender=%s from=%s to=%s", sender, from.UTC().Format(time.RFC3339), to.UTC().Format(time.RFC3339)))
}

// RecallLike recalls every message whose normalised text is the same as
// message id's (the copies of a held or reported message), within a's
// authority. Errors: forbidden, not_found.
func (s *Service) RecallLike(ctx context.Context, a bouclier.Actor, id int64) (int, error) {
	e, err := s.authorize(ctx, a, "message.recall_like", bouclier.PrivTighten, id)
	if err != nil {
		return 0, err
	}
	ids, err := s.db.MessagesLike(ctx, e.Fingerprint)
	if err != nil {
		return 0, err
	}
	var mine []int64
	for _, m := range ids {
		if s.within(ctx, a, m) {
			mine = append(mine, m)
		}
	}
	return s.recall(ctx, a, mine, fmt.Sprintf("like message:%d", id))
}

// within reports whether message id lies within a's authority.
func (s *Service) within(ctx context.Context, a bouclier.Actor, id int64) bool {
	if a.IsSystem() {
		return true
	}
	e, err := s.db.MessageByID(ctx, id)
	if err != nil {
		return false
	}
	ok, err := s.dir.HasAuthority(ctx, a.User, scopeOf(e.UAI, e.Academie))
	return err == nil && ok
}

// RecallIDs recalls messages within a's authority: campaign containment
// (the system actor) or an officer acting on an incident
// (bouclier.PrivTighten). Errors: the codes of Authorize.
func (s *Service) RecallIDs(ctx context.Context, a bouclier.Actor, ids []int64, why string) (int, error) {
	if err := s.authz.Authorize(ctx, a, "message.recall_ids", bouclier.PrivTighten, ownScope(a)); err != nil {
		return 0, err
	}
	mine := ids[:0:0]
	for _, id := range ids {
		if s.within(ctx, a, id) {
			mine = append(mine, id)
		}
	}
	return s.recall(ctx, a, mine, why)
}

func (s *Service) recall(ctx context.Context, a bouclier.Actor, ids []int64, why string) (int, error) {
	now := s.now()
	n := 0
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			ok, err := tx.Recall(ctx, id, a.Name(), store.Micros(now))
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			n++
			if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "message.recall", Target: fmt.Sprintf("message:%d", id),
				Scope: ownScope(a), Source: a.Source, Detail: why}); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// BlockDigest adds an attachment digest (SHA-256, hex) to the blocklist
// every screen uses. Académie and national admins only
// (bouclier.PrivTighten). Errors: forbidden, invalid_request and the codes
// of Authorize.
func (s *Service) BlockDigest(ctx context.Context, a bouclier.Actor, hexSum, label string) error {
	if err := s.authz.Authorize(ctx, a, "screen.block_digest", bouclier.PrivTighten, ownScope(a)); err != nil {
		return err
	}
	if !a.IsSystem() && a.User.Role != bouclier.RoleAcademyAdmin && a.User.Role != bouclier.RoleNationalAdmin {
		return bouclier.Errorf(bouclier.ErrForbidden, "Réservé aux administrateurs d’académie et nationaux.")
	}
	hexSum = strings.ToLower(strings.TrimSpace(hexSum))
	if b, err := hex.DecodeString(hexSum); err != nil || len(b) != 32 {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Empreinte SHA-256 invalide (64 caractères hexadécimaux).")
	}
	label = strings.TrimSpace(label)
	if label == "" || len(label) > 200 {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez un libellé (200 caractères au plus).")
	}
	now := s.now()
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.AddBlockedDigest(ctx, hexSum, label, a.Name(), store.Micros(now)); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "screen.block_digest", Target: "sha256:" + hexSum,
			Scope: ownScope(a), Source: a.Source, Detail: label})
	})

	if err == nil && s.ListsChanged != nil {
		s.ListsChanged()
	}
	return err
}

// AllowDomain allowlists a link domain for the actor's académie (national
// admins: for everyone). It opens the screen, so it needs a fresh second
// factor (bouclier.PrivLoosen). Errors: forbidden, invalid_request and the
// codes of Authorize.
func (s *Service) AllowDomain(ctx context.Context, a bouclier.Actor, domain string) error {
	if err := s.authz.Authorize(ctx, a, "screen.allow_domain", bouclier.PrivLoosen, ownScope(a)); err != nil {
		return err
	}
	var aca string
	switch {
	case a.IsSystem():
	case a.User.Role == bouclier.RoleAcademyAdmin:
		aca = a.User.Academie
	case a.User.Role == bouclier.RoleNationalAdmin:
	default:
		return bouclier.Errorf(bouclier.ErrForbidden, "Réservé aux administrateurs d’académie et nationaux.")
	}
	domain = strings.ToLower(strings.TrimSpace(domain))
	if domain == "" || len(domain) > 253 || strings.ContainsAny(domain, "/ :@") || !strings.Contains(domain, ".") {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Nom de domaine invalide.")
	}
	now := s.now()
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.AddAllowedDomain(ctx, aca, domain, a.Name()); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "screen.allow_domain", Target: "domain:" + domain,
			Scope: ownScope(a), Source: a.Source})
	})

	if err == nil && s.ListsChanged != nil {
		s.ListsChanged()
	}
	return err
}

// WithinScope keeps the messages of ids that lie within a's authority, so
// that what a reads or exports about a wave spread over several
// establishments is only their own part.
func (s *Service) WithinScope(ctx context.Context, a bouclier.Actor, ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if s.within(ctx, a, id) {
			out = append(out, id)
		}
	}
	return out
}

// Label is a moderator's decision as training data for the screen:
// "benign" for a release (the screen was wrong to hold it), "harmful" for
// a rejection.
type Label struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Label string `json:"label"`
}

// ExportLabels writes the moderators' decisions within a's scope as JSON
// lines ({"id", "text", "label"}), the format the screen's trainer reads:
// a sensitive read (bouclier.PrivRead, audited). Errors: forbidden and the
// codes of Authorize.
func (s *Service) ExportLabels(ctx context.Context, a bouclier.Actor, w io.Writer) (int, error) {
	if err := s.authz.Authorize(ctx, a, "screen.labels", bouclier.PrivRead, ownScope(a)); err != nil {
		return 0, err
	}
	uai, aca := queueScope(a.User)
	enc := json.NewEncoder(w)
	n := 0
	for after := int64(0); ; {
		list, err := s.db.DecidedMessages(ctx, uai, aca, after, 500)
		if err != nil {
			return n, err
		}
		if len(list) == 0 {
			return n, nil
		}
		for _, d := range list {
			after = d.ID
			l := Label{ID: "decision-" + strconv.FormatInt(d.ID, 10), Text: strings.TrimSpace(d.Subject + "\n" + d.Body), Label: "harmful"}
			if d.Status == string(bouclier.StatusDelivered) {
				l.Label = "benign"
			}
			if err := enc.Encode(l); err != nil {
				return n, err
			}
			n++
		}
	}
}

// Copies returns the held messages with the same text (body fingerprint
// and subject) as held message id,
// within a's queue (all of them, not a page), for refusing them together.
// Reading them is the queue's sensitive read. Errors: as Queue, and
// not_found for a message outside a's authority or not held.
func (s *Service) Copies(ctx context.Context, a bouclier.Actor, id int64) (store.HeldCopies, error) {
	e, err := s.authorize(ctx, a, "moderation.queue", bouclier.PrivRead, id)
	if err != nil {
		return store.HeldCopies{}, err
	}
	if e.Status != bouclier.StatusHeld {
		return store.HeldCopies{}, bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable parmi les messages retenus.")
	}
	uai, aca := queueScope(a.User)
	if a.IsSystem() {
		uai, aca = "", ""
	}
	c, err := s.db.HeldCopiesOf(ctx, uai, aca, e.Fingerprint, e.Subject)
	if err != nil {
		return c, err
	}
	c.Subject = e.Subject
	if len(c.IDs) == 0 { // a message without a fingerprint is its own group
		c.IDs, c.Establishments = []int64{id}, 1
		n, err := s.db.CountDeliveries(ctx, id)
		if err != nil {
			return c, err
		}
		c.Mailboxes = n
	}
	return c, nil
}

// PendingCounts is what awaits a moderator in their scope, for the admin
// home.
type PendingCounts struct {
	Held      int // held messages awaiting a decision
	Reports   int // reports on messages not recalled
	Incidents int // open incidents touching the scope
}

// Pending counts what awaits a's decision in a's scope: a head their
// establishment, an académie admin their académie, a national admin
// everything. It is checked like the queue it summarises (a session of an
// account with a second factor, used where it was opened, with authority
// over the scope) and audited as a read. Errors: as Queue.
func (s *Service) Pending(ctx context.Context, a bouclier.Actor) (PendingCounts, error) {
	if err := s.authz.Authorize(ctx, a, "moderation.pending", bouclier.PrivRead, ownScope(a)); err != nil {
		return PendingCounts{}, err
	}
	uai, aca := queueScope(a.User)
	if a.User.Role == bouclier.RoleHead && uai == "" {
		return PendingCounts{}, forbidden()
	}
	var p PendingCounts
	var err error
	if p.Held, err = s.db.CountHeld(ctx, uai, aca); err != nil {
		return PendingCounts{}, err
	}
	if p.Reports, err = s.db.CountOpenReports(ctx, uai, aca); err != nil {
		return PendingCounts{}, err
	}
	if p.Incidents, err = s.db.CountOpenIncidents(ctx, uai, aca); err != nil {
		return PendingCounts{}, err
	}
	return p, nil
}
