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
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

// Service moderates messages.
type Service struct {
	db  *store.DB
	dir *directory.Directory
	now func() time.Time
	log *slog.Logger

	// ListsChanged, if set, is called after a change to the screen's lists
	// (blocked digests, allowed domains), so that this process applies it
	// at once; other processes see the version bump within their interval.
	ListsChanged func()
}

// New returns the moderation service.
func New(db *store.DB, dir *directory.Directory, now func() time.Time, log *slog.Logger) *Service {
	return &Service{db: db, dir: dir, now: now, log: log}
}

// Actor is who acts, and from where.
type Actor struct {
	User   bouclier.User
	Source string
}

// IsModerator reports whether a role moderates at all.
func IsModerator(r bouclier.Role) bool {
	return r == bouclier.RoleHead || r == bouclier.RoleAcademyAdmin || r == bouclier.RoleNationalAdmin
}

func forbidden() error {
	return bouclier.Errorf(bouclier.ErrForbidden, "Réservé à la direction de l'établissement et aux administrateurs de l'académie.")
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

// authorize loads message id and checks that a may moderate it. A message
// outside a's authority is not_found, so ids reveal nothing.
func (s *Service) authorize(ctx context.Context, a Actor, id int64) (store.Entry, error) {
	if !IsModerator(a.User.Role) {
		return store.Entry{}, forbidden()
	}
	e, err := s.db.MessageByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return e, bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	}
	if err != nil {
		return e, err
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

// Queue lists the held messages a may decide on, oldest first. Errors: forbidden.
func (s *Service) Queue(ctx context.Context, a Actor) ([]store.HeldItem, error) {
	if !IsModerator(a.User.Role) {
		return nil, forbidden()
	}
	uai, aca := queueScope(a.User)
	if a.User.Role == bouclier.RoleHead && uai == "" {
		return nil, forbidden()
	}
	return s.db.Held(ctx, uai, aca, 500)
}

// Release delivers a held message. Errors: forbidden, not_found, conflict
// (not held any more).
func (s *Service) Release(ctx context.Context, a Actor, id int64) error {
	return s.decide(ctx, a, id, bouclier.StatusDelivered, false)
}

// Reject refuses a held message for good; with lock, the sender's account
// is also put in read-only and their sessions revoked. Errors: as Release.
func (s *Service) Reject(ctx context.Context, a Actor, id int64, lock bool) error {
	return s.decide(ctx, a, id, bouclier.StatusRejected, lock)
}

func (s *Service) decide(ctx context.Context, a Actor, id int64, to bouclier.MessageStatus, lock bool) error {
	e, err := s.authorize(ctx, a, id)
	if err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.Decide(ctx, id, string(to), a.User.Username, store.Micros(now))
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrConflict, "Ce message n'est plus en attente de vérification.")
		}
		action := "moderation.release"
		if to == bouclier.StatusRejected {
			action = "moderation.reject"
		}
		if lock {
			if err := tx.LockSender(ctx, e.SenderID, store.Micros(now), action); err != nil {
				return err
			}
			action += "_lock"
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.User.Username, Action: action, Target: fmt.Sprintf("message:%d", id),
			Scope: scopeOf(e.UAI, e.Academie), Source: a.Source, Detail: "sender=" + e.Sender})
	})
}

// Report records that a recipient reports a message; it reaches the head of
// the sender's establishment (the reports list) and counts as a signal for
// campaign detection. Errors: not_found (not a message the user received),
// invalid_request.
func (s *Service) Report(ctx context.Context, a Actor, id int64, reason string) error {
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

// Reports lists the reports a may see. Errors: forbidden.
func (s *Service) Reports(ctx context.Context, a Actor) ([]store.Report, error) {
	if !IsModerator(a.User.Role) {
		return nil, forbidden()
	}
	uai, aca := queueScope(a.User)
	return s.db.Reports(ctx, uai, aca, 500)
}

// Recall removes a message from every mailbox, the sender's too. Errors:
// forbidden, not_found.
func (s *Service) Recall(ctx context.Context, a Actor, id int64) error {
	e, err := s.authorize(ctx, a, id)
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
func (s *Service) RecallFrom(ctx context.Context, a Actor, sender string, from, to time.Time) (int, error) {
	if !IsModerator(a.User.Role) {
		return 0, forbidden()
	}
	u, err := s.db.UserByName(ctx, sender)
	if errors.Is(err, store.ErrNotFound) {
		return 0, bouclier.Errorf(bouclier.ErrNotFound, "Expéditeur introuvable.")
	}
	if err != nil {
		return 0, err
	}
	if ok, err := s.dir.HasAuthority(ctx, a.User, u.Scope()); err != nil || !ok {
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
func (s *Service) RecallLike(ctx context.Context, a Actor, id int64) (int, error) {
	e, err := s.authorize(ctx, a, id)
	if err != nil {
		return 0, err
	}
	ids, err := s.db.MessagesLike(ctx, e.Fingerprint)
	if err != nil {
		return 0, err
	}
	var mine []int64
	for _, m := range ids {
		if _, err := s.authorize(ctx, a, m); err == nil {
			mine = append(mine, m)
		}
	}
	return s.recall(ctx, a, mine, fmt.Sprintf("like message:%d", id))
}

// RecallIDs recalls messages chosen by the service itself (campaign
// containment), audited as the actor given.
func (s *Service) RecallIDs(ctx context.Context, a Actor, ids []int64, why string) (int, error) {
	return s.recall(ctx, a, ids, why)
}

func (s *Service) recall(ctx context.Context, a Actor, ids []int64, why string) (int, error) {
	now := s.now()
	n := 0
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			ok, err := tx.Recall(ctx, id, a.User.Username, store.Micros(now))
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			n++
			if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: actorName(a), Action: "message.recall", Target: fmt.Sprintf("message:%d", id),
				Scope: a.User.Scope(), Source: a.Source, Detail: why}); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

func actorName(a Actor) string {
	if a.User.Username == "" {
		return "system"
	}
	return a.User.Username
}

// BlockDigest adds an attachment digest (SHA-256, hex) to the blocklist
// every screen uses. Académie and national admins only. Errors: forbidden,
// invalid_request.
func (s *Service) BlockDigest(ctx context.Context, a Actor, hexSum, label string) error {
	if a.User.Role != bouclier.RoleAcademyAdmin && a.User.Role != bouclier.RoleNationalAdmin {
		return bouclier.Errorf(bouclier.ErrForbidden, "Réservé aux administrateurs d'académie et nationaux.")
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
		if err := tx.AddBlockedDigest(ctx, hexSum, label, a.User.Username, store.Micros(now)); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.User.Username, Action: "screen.block_digest", Target: "sha256:" + hexSum,
			Scope: a.User.Scope(), Source: a.Source, Detail: label})
	})

	if err == nil && s.ListsChanged != nil {
		s.ListsChanged()
	}
	return err
}

// AllowDomain allowlists a link domain for the actor's académie (national
// admins: for everyone). Errors: forbidden, invalid_request.
func (s *Service) AllowDomain(ctx context.Context, a Actor, domain string) error {
	var aca string
	switch a.User.Role {
	case bouclier.RoleAcademyAdmin:
		aca = a.User.Academie
	case bouclier.RoleNationalAdmin:
	default:
		return bouclier.Errorf(bouclier.ErrForbidden, "Réservé aux administrateurs d'académie et nationaux.")
	}
	domain = strings.ToLower(strings.TrimSpace(domain))
	if domain == "" || len(domain) > 253 || strings.ContainsAny(domain, "/ :@") || !strings.Contains(domain, ".") {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Nom de domaine invalide.")
	}
	now := s.now()
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.AddAllowedDomain(ctx, aca, domain, a.User.Username); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.User.Username, Action: "screen.allow_domain", Target: "domain:" + domain,
			Scope: a.User.Scope(), Source: a.Source})
	})

	if err == nil && s.ListsChanged != nil {
		s.ListsChanged()
	}
	return err
}
