package auth

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/frdate"
	"github.com/bouclier/bouclier/internal/store"
)

// Notices tell people what happened to their account: a login from a new
// device, a session used from elsewhere, a changed password or factor.
// They are shown in the app and, when the account has an email address,
// left with email_status "pending" for the alert worker to send, with a
// "ce n'était pas moi" link (NotMeToken) that needs no login.

func (s *Service) insertNotice(ctx context.Context, tx *store.Tx, u bouclier.User, kind, text string, c Client, now time.Time) (int64, error) {
	n := store.Notice{UserID: u.ID, Kind: kind, Message: text, Source: c.Address, UserAgent: truncate(c.UserAgent, 256), CreatedAt: store.Micros(now)}
	if u.Email != "" {
		n.EmailStatus = "pending"
	}
	return tx.InsertNotice(ctx, n)
}

func (s *Service) notify(ctx context.Context, u bouclier.User, kind, text string, c Client, now time.Time) {
	if err := s.db.InTx(ctx, func(tx *store.Tx) error {
		_, err := s.insertNotice(ctx, tx, u, kind, text, c, now)
		return err
	}); err != nil {
		s.log.Error("notice", "kind", kind, "err", err)
	}
}

func newDeviceText(c Client, now time.Time) string {
	return fmt.Sprintf("Nouvelle connexion à votre compte le %s depuis %s (%s). Si ce n’était pas vous, utilisez «\u00a0Ce n’était pas moi\u00a0»\u00a0: le compte sera verrouillé et toutes ses sessions fermées.",
		frenchDate(now), c.Address, truncate(c.UserAgent, 80))
}

func frenchDate(t time.Time) string {
	if loc, err := time.LoadLocation("Europe/Paris"); err == nil {
		t = t.In(loc)
	}
	return frdate.DateTime(t)
}

func itoa(n int) string { return strconv.Itoa(n) }

// Notice is a notice as shown to its user.
type Notice struct {
	ID        int64
	Kind      string
	Message   string
	Source    string
	CreatedAt time.Time
	Read      bool
	Acted     bool
}

// Notices returns the caller's latest notices, newest first, and marks
// them read. Errors: none of the contract's.
func (s *Service) Notices(ctx context.Context, sess Session) ([]Notice, error) {
	list, err := s.db.Notices(ctx, sess.User.ID, 50)
	if err != nil {
		return nil, err
	}
	out := make([]Notice, 0, len(list))
	for _, n := range list {
		out = append(out, Notice{ID: n.ID, Kind: n.Kind, Message: n.Message, Source: n.Source, CreatedAt: time.UnixMicro(n.CreatedAt),
			Read: n.ReadAt != 0, Acted: n.ActedAt != 0})
	}
	if err := s.db.MarkNoticesRead(ctx, sess.User.ID, store.Micros(s.now())); err != nil {
		s.log.Warn("mark notices read", "err", err)
	}
	return out, nil
}

// NotMeToken returns the token of a notice's "ce n'était pas moi" link,
// derived with the server's key so that nothing needs storing.
func (s *Service) NotMeToken(noticeID int64) string {
	return b64(s.keys.sum("notme", strconv.FormatInt(noticeID, 10))[:18])
}

// NotMe is the "ce n'était pas moi" action of one of the caller's notices:
// the account is locked until an administrator unlocks it, and every one
// of its sessions, this one included, is revoked. Errors: not_found.
func (s *Service) NotMe(ctx context.Context, sess Session, noticeID int64, c Client) error {
	n, err := s.db.Notice(ctx, noticeID)
	if err != nil || n.UserID != sess.User.ID {
		return bouclier.Errorf(bouclier.ErrNotFound, "Notification inconnue.")
	}
	return s.notMe(ctx, n, c)
}

// NotMeByToken is NotMe from the emailed link, without a session.
// Errors: not_found (unknown notice or wrong token, alike).
func (s *Service) NotMeByToken(ctx context.Context, noticeID int64, token string, c Client) error {
	want := s.NotMeToken(noticeID)
	if !equalHash([]byte(want), []byte(token)) {
		return bouclier.Errorf(bouclier.ErrNotFound, "Lien invalide.")
	}
	n, err := s.db.Notice(ctx, noticeID)
	if err != nil {
		return bouclier.Errorf(bouclier.ErrNotFound, "Lien invalide.")
	}
	return s.notMe(ctx, n, c)
}

func (s *Service) notMe(ctx context.Context, n store.Notice, c Client) error {
	u, err := s.db.UserByID(ctx, n.UserID)
	if err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		first, err := tx.ActOnNotice(ctx, n.ID, store.Micros(now))
		if err != nil {
			return err
		}
		sec, err := tx.AccountSecurity(ctx, u.ID)
		if err != nil {
			return err
		}
		sec.LockedUntil, sec.LockReason = math.MaxInt64/2, "not me: notice "+strconv.FormatInt(n.ID, 10)
		if err := tx.PutAccountSecurity(ctx, sec); err != nil {
			return err
		}
		// As the notice promises, the establishment (or whoever has
		// authority over the account) unlocks it once the owner is known.
		if err := tx.SetLockBy(ctx, u.ID, u.Scope()); err != nil {
			return err
		}
		revoked, err := tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), "reported by the user as not them")
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "account.not_me", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address, Detail: fmt.Sprintf("notice=%d kind=%s first=%t sessions revoked=%d", n.ID, n.Kind, first, revoked)})
	})
}

// AcknowledgeSecurity records that the caller read the security
// instructions required after a reset. Errors: none of the contract's.
func (s *Service) AcknowledgeSecurity(ctx context.Context, sess Session, c Client) error {
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		sec, err := tx.AccountSecurity(ctx, sess.User.ID)
		if err != nil {
			return err
		}
		sec.MustAck = false
		if err := tx.PutAccountSecurity(ctx, sec); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: sess.User.Username, Action: "security.ack", Target: "user:" + sess.User.Username,
			Scope: sess.User.Scope(), Source: c.Address})
	})
}

// SecurityInstructions are the instructions a user acknowledges after a
// mass reset, in French.
const SecurityInstructions = `Consignes de sécurité :
1. Ne communiquez jamais votre mot de passe ni vos codes, même à quelqu’un qui se présente comme l’établissement.
2. Utilisez un mot de passe que vous n’utilisez nulle part ailleurs (une phrase de plusieurs mots convient).
3. Vérifiez que l’ordinateur ou le téléphone utilisé est à jour et protégé : les logiciels espions volent mots de passe et sessions.
4. Si une notification signale une connexion que vous n’avez pas faite, utilisez « Ce n’était pas moi ».`
