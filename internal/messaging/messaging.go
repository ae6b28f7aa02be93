// Package messaging is the one path every message takes, whether it comes
// from the web form, the API or the drill:
//
//  1. check the draft (sizes, fields) and the sender (not read-only);
//  2. resolve the recipients with the directory's reach rules (all or none);
//  3. the account-security guard (step-up, enrolment, probation);
//  4. ask the rules whether the sender may send now (allow, defer, refuse)
//     and whether every recipient may receive (refuse, or defer to when all
//     can);
//  5. screen the text and attachments (deliver, hold, reject);
//  6. the campaign watch, which may hold a message the screen let through;
//  7. store the message once with one delivery row per recipient (none for
//     a rejected message, kept as evidence) and its audit entry, in a
//     transaction shared with concurrent sends (group commit);
//  8. tell the campaign detection what was stored.
//
// A refused message is kept as a draft with the reason, so nothing typed is
// ever lost.
package messaging

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

// Limits bound what one message may carry.
type Limits struct {
	Subject        int // characters
	Body           int // characters
	Attachments    int // count
	AttachmentSize int // bytes, each, for adults
	StudentSize    int // bytes, each, for students
}

// DefaultLimits are the production limits.
var DefaultLimits = Limits{Subject: 200, Body: 20000, Attachments: 5, AttachmentSize: 10 << 20, StudentSize: 2 << 20}

// Attachment is a file as submitted.
type Attachment struct {
	Name        string
	ContentType string // as declared; never trusted
	Data        []byte
}

// Draft is what a sender submits.
type Draft struct {
	To           []string
	Subject      string
	Body         string
	ParentID     int64 // reply to this message
	DraftID      int64 // the stored draft this send comes from, if any
	Attachments  []Attachment
	Urgent       bool   // emergency override, for authorised people only
	UrgentReason string //
}

// Result is the outcome of a send.
type Result struct {
	ID        int64
	Status    bouclier.MessageStatus
	DeliverAt time.Time // for deferred messages
	Reasons   []string  // for held messages
	DraftID   int64     // when the send was refused and the draft kept
}

// Action is a policy answer.
type Action int

// Policy answers.
const (
	Allow Action = iota
	Defer
	Refuse
)

// Decision is the policy's answer for a sender at an instant.
type Decision struct {
	Action Action
	Until  time.Time // Refuse: when sending reopens (zero: unknown); Defer: delivery instant
	Reason string    // in French
	Urgent bool      // the emergency override let this send through a closure
}

// PolicyFunc decides whether sender may send now. urgent asks for the
// emergency override.
type PolicyFunc func(ctx context.Context, sender bouclier.User, now time.Time, urgent bool) (Decision, error)

// ReceiveFunc decides whether recipients may receive now: Refuse if one
// may not receive at all (the reason names who), Defer to the instant all
// can, or Allow.
type ReceiveFunc func(ctx context.Context, recipients []bouclier.User, now time.Time) (Decision, error)

// GuardFunc vets a send once its recipients are known, before the rules
// and the screen: account-security checks such as step-up authentication
// for wide or risky sends, and probation limits. ctx carries the sender's
// session (auth.SessionFrom). An error refuses the send.
type GuardFunc func(ctx context.Context, sender bouclier.User, r directory.Resolved, d *Draft) error

// Observed is what campaign detection sees of each message.
type Observed struct {
	ID          int64 // set once stored (Stored hook only)
	Sender      bouclier.User
	Recipients  directory.Resolved
	Subject     string
	Body        string
	Fingerprint string
	Links       []string // domains
	Digests     []string // attachment SHA-256, hex
	Verdict     string   // the screen's
	Score       float64
	Reasons     []string
	Status      bouclier.MessageStatus // as stored (Stored hook only)
	At          time.Time
}

// WatchFunc sees every message after the screen and before it is stored,
// and may hold it (a campaign is under way). It must be fast: it runs on
// every send.
type WatchFunc func(ctx context.Context, o *Observed) (hold bool, reasons []string)

// StoredFunc is told of every message once committed, outside the send's
// transaction: campaign containment acts from here.
type StoredFunc func(ctx context.Context, o *Observed)

// ScreenInput is what the content screen sees.
type ScreenInput struct {
	Subject     string
	Body        string
	Attachments []Attachment
	Sender      bouclier.User
	ToStudents  bool
}

// ScreenResult is the content screen's verdict.
type ScreenResult struct {
	Verdict string // "deliver", "hold" or "reject"
	Score   float64
	Reasons []string
	Types   []string       // detected attachment types, in order
	Cleaned map[int][]byte // attachments to store in place of the originals (metadata stripped)
	// Fingerprint identifies the message's normalised text, so that its
	// copies can be found (recall by likeness, campaigns).
	Fingerprint string
	// Links are the domains the message links to.
	Links []string
}

// ScreenFunc screens a message.
type ScreenFunc func(ScreenInput) ScreenResult

// Service sends and reads messages.
type Service struct {
	db     *store.DB
	dir    *directory.Directory
	policy PolicyFunc
	recv   ReceiveFunc
	guard  GuardFunc
	watch  WatchFunc
	stored StoredFunc
	// listsChanged is told when a send added to the screen's lists.
	listsChanged func()
	screen       ScreenFunc
	limits       Limits
	now          func() time.Time
	log          *slog.Logger
	batch        *store.Batcher
}

// Options configure a Service; nil hooks allow everything.
type Options struct {
	Policy  PolicyFunc
	Receive ReceiveFunc
	Guard   GuardFunc
	Watch   WatchFunc
	Stored  StoredFunc
	// ListsChanged is called when a send adds to the screen's lists (a
	// domain seen in a held message), so this process re-reads them at once.
	ListsChanged func()
	Screen       ScreenFunc
	Limits       Limits
	Now          func() time.Time
	Log          *slog.Logger
}

// New returns a messaging service.
func New(db *store.DB, dir *directory.Directory, o Options) *Service {
	s := &Service{db: db, dir: dir, policy: o.Policy, recv: o.Receive, guard: o.Guard, watch: o.Watch, stored: o.Stored, listsChanged: o.ListsChanged, screen: o.Screen, limits: o.Limits, now: o.Now, log: o.Log, batch: db.NewBatcher(64)}
	if s.policy == nil {
		s.policy = func(context.Context, bouclier.User, time.Time, bool) (Decision, error) {
			return Decision{Action: Allow}, nil
		}
	}
	if s.screen == nil {
		s.screen = func(in ScreenInput) ScreenResult {
			r := ScreenResult{Verdict: "deliver"}
			for _, a := range in.Attachments {
				r.Types = append(r.Types, http.DetectContentType(a.Data))
			}
			return r
		}
	}
	if s.limits == (Limits{}) {
		s.limits = DefaultLimits
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	return s
}

// Close stops the service's writer after the sends already queued.
func (s *Service) Close() { s.batch.Close() }

// Directory returns the directory the service resolves with.
func (s *Service) Directory() *directory.Directory { return s.dir }

func (s *Service) validate(sender bouclier.User, d *Draft) error {
	d.Subject = strings.TrimSpace(d.Subject)
	switch {
	case !utf8.ValidString(d.Subject) || !utf8.ValidString(d.Body):
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le texte n'est pas en UTF-8 valide.")
	case d.Subject == "":
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "L'objet est obligatoire.")
	case utf8.RuneCountInString(d.Subject) > s.limits.Subject:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "L'objet dépasse %d caractères.", s.limits.Subject)
	case strings.TrimSpace(d.Body) == "":
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le message est vide.")
	case utf8.RuneCountInString(d.Body) > s.limits.Body:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le message dépasse %d caractères.", s.limits.Body)
	case len(d.Attachments) > s.limits.Attachments:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "%d pièces jointes au plus.", s.limits.Attachments)
	}
	max := s.limits.AttachmentSize
	if sender.Role == bouclier.RoleStudent {
		max = s.limits.StudentSize
	}
	for _, a := range d.Attachments {
		name := strings.TrimSpace(a.Name)
		if name == "" || len(name) > 200 || !utf8.ValidString(name) || strings.ContainsAny(name, "/\\\x00") {
			return bouclier.Errorf(bouclier.ErrInvalidRequest, "Nom de pièce jointe invalide.")
		}
		if len(a.Data) == 0 {
			return bouclier.Errorf(bouclier.ErrInvalidRequest, "La pièce jointe %q est vide.", name)
		}
		if len(a.Data) > max {
			return bouclier.Errorf(bouclier.ErrTooLarge, "La pièce jointe %q dépasse %d Mo.", name, max>>20)
		}
	}
	return nil
}

// Send runs a draft through the whole path and stores it.
//
// Errors: invalid_request, too_large, forbidden (read-only account),
// recipient_not_allowed, messaging_closed, rejected_content. On each of
// them the draft is kept (Result.DraftID) with the reason.
func (s *Service) Send(ctx context.Context, sender bouclier.User, d Draft, source string) (Result, error) {
	now := s.now()
	res, err := s.send(ctx, sender, &d, source, now)
	if err == nil {
		return res, nil
	}
	var be *bouclier.Error
	if !errors.As(err, &be) {
		return Result{}, err
	}
	// Keep what was typed, with why it was refused: as valid UTF-8 (a
	// database may refuse anything else) and within a bound.
	dr := store.Draft{ID: d.DraftID, UserID: sender.ID, To: d.To, Subject: clip(d.Subject, 4*s.limits.Subject),
		Body: clip(d.Body, 4*s.limits.Body), ParentID: d.ParentID, LastError: be.Message, UpdatedAt: store.Micros(now)}
	if derr := s.db.SaveDraft(ctx, &dr); errors.Is(derr, store.ErrNotFound) {
		dr.ID = 0
		derr = s.db.SaveDraft(ctx, &dr)
		if derr != nil {
			s.log.Error("save draft", "err", derr)
		}
	} else if derr != nil {
		s.log.Error("save draft", "err", derr)
	}
	res.DraftID = dr.ID
	if res.ID != 0 {
		return res, err // stored as rejected and audited with it
	}
	s.record(ctx, audit.Entry{At: now, Actor: sender.Username, Action: "message.refused", Target: "draft:" + fmt.Sprint(dr.ID),
		Scope: sender.Scope(), Source: source, Detail: string(be.Code) + ": " + be.Message})
	return res, err
}

func (s *Service) send(ctx context.Context, sender bouclier.User, d *Draft, source string, now time.Time) (Result, error) {
	if err := s.validate(sender, d); err != nil {
		return Result{}, err
	}
	if sender.ReadOnly || sender.Disabled {
		return Result{}, bouclier.Errorf(bouclier.ErrForbidden, "Votre compte est en lecture seule : vous ne pouvez pas envoyer de message.")
	}
	snd, err := s.dir.LoadSender(ctx, sender)
	if err != nil {
		return Result{}, err
	}
	resolved, err := s.dir.Resolve(ctx, snd, d.To)
	if err != nil {
		return Result{}, err
	}
	if s.guard != nil {
		if err := s.guard(ctx, sender, resolved, d); err != nil {
			return Result{}, err
		}
	}
	var threadID int64
	if d.ParentID != 0 {
		parent, err := s.db.MessageFor(ctx, sender.ID, d.ParentID)
		if errors.Is(err, store.ErrNotFound) {
			return Result{}, bouclier.Errorf(bouclier.ErrNotFound, "Le message auquel vous répondez n'existe pas.")
		}
		if err != nil {
			return Result{}, err
		}
		threadID = parent.ThreadID
	}
	dec, err := s.policy(ctx, sender, now, d.Urgent)
	if err != nil {
		return Result{}, err
	}
	if dec.Action == Refuse {
		return Result{}, &bouclier.Error{Code: bouclier.ErrMessagingClosed, Message: dec.Reason}
	}
	if s.recv != nil && !dec.Urgent {
		rd, err := s.recv(ctx, resolved.Users, now)
		if err != nil {
			return Result{}, err
		}
		switch {
		case rd.Action == Refuse:
			return Result{}, &bouclier.Error{Code: bouclier.ErrMessagingClosed, Message: rd.Reason}
		case rd.Action == Defer && (dec.Action != Defer || rd.Until.After(dec.Until)):
			dec.Action, dec.Until = Defer, rd.Until
		}
	}
	if dec.Urgent && strings.TrimSpace(d.UrgentReason) == "" {
		return Result{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "Un envoi urgent pendant une fermeture doit indiquer sa raison.")
	}
	verdict := s.screen(ScreenInput{Subject: d.Subject, Body: d.Body, Attachments: d.Attachments, Sender: sender, ToStudents: resolved.ToStudents})
	m := &bouclier.Message{ThreadID: threadID, ParentID: d.ParentID, SenderID: sender.ID, Subject: d.Subject, Body: d.Body,
		To: d.To, Status: bouclier.StatusDelivered, Score: verdict.Score, Reasons: verdict.Reasons, SentAt: store.Micros(now),
		UAI: sender.UAI, Academie: sender.Academie, Fingerprint: verdict.Fingerprint}
	obs := &Observed{Sender: sender, Recipients: resolved, Subject: d.Subject, Body: d.Body, Fingerprint: verdict.Fingerprint,
		Links: verdict.Links, Verdict: verdict.Verdict, Score: verdict.Score, Reasons: verdict.Reasons, At: now}
	sums := make([][32]byte, len(d.Attachments))
	for i, a := range d.Attachments {
		sums[i] = sha256.Sum256(a.Data)
		obs.Digests = append(obs.Digests, hex.EncodeToString(sums[i][:]))
	}
	if s.watch != nil && verdict.Verdict == "deliver" {
		if hold, why := s.watch(ctx, obs); hold {
			verdict.Verdict = "hold"
			m.Reasons = append(m.Reasons, why...)
			verdict.Reasons = m.Reasons
		}
	}
	recipients := resolved.Recipients
	switch {
	case verdict.Verdict == "reject":
		// Kept, undelivered and with no delivery rows, as evidence and as a
		// campaign signal; the sender is refused and keeps a draft.
		m.Status, recipients = bouclier.StatusRejected, nil
	case verdict.Verdict == "hold":
		m.Status = bouclier.StatusHeld
	case dec.Action == Defer:
		m.Status = bouclier.StatusDeferred
		m.DeliverAt = store.Micros(dec.Until)
	}
	// The job may run again after a rolled-back batch: it changes nothing
	// outside the transaction and returns what it stored.
	type stored struct {
		id          int64
		newSuspects bool
	}
	st, err := store.Submit(ctx, s.batch, func(ctx context.Context, tx *store.Tx) (stored, error) {
		var out stored
		id, err := tx.InsertMessage(ctx, m, recipients)
		if err != nil {
			return out, err
		}
		out.id = id
		for i, a := range d.Attachments {
			sum := sums[i]
			if clean, ok := verdict.Cleaned[i]; ok {
				a.Data, sum = clean, sha256.Sum256(clean)
			}
			if err := tx.PutBlob(ctx, sum[:], a.Data); err != nil {
				return out, err
			}
			ct := ""
			if i < len(verdict.Types) {
				ct = verdict.Types[i]
			}
			if ct == "" {
				ct = http.DetectContentType(a.Data)
			}
			if _, err := tx.InsertAttachment(ctx, store.Attachment{MessageID: id, Name: strings.TrimSpace(a.Name), ContentType: ct, Size: int64(len(a.Data)), SHA256: sum[:]}); err != nil {
				return out, err
			}
		}
		if m.Status == bouclier.StatusHeld || m.Status == bouclier.StatusRejected {
			// A domain in a held message is suspect for every later message.
			for _, host := range verdict.Links {
				added, err := tx.AddSuspectDomain(ctx, host, id, m.SentAt)
				if err != nil {
					return out, err
				}
				out.newSuspects = out.newSuspects || added
			}
		}
		if d.DraftID != 0 && m.Status != bouclier.StatusRejected {
			if err := tx.DeleteDraft(ctx, sender.ID, d.DraftID); err != nil {
				return out, err
			}
		}
		detail := fmt.Sprintf("status=%s recipients=%d groups=%d", m.Status, len(resolved.Recipients), resolved.Groups)
		action := "message.sent"
		if m.Status == bouclier.StatusRejected {
			action, detail = "message.rejected", detail+" reasons="+strconv.Quote(strings.Join(verdict.Reasons, "; "))
		}
		if dec.Urgent {
			// Shown to the académie: the override is accountable.
			action, detail = "message.urgent", detail+" reason="+strconv.Quote(d.UrgentReason)
		}
		return out, audit.Append(ctx, tx, audit.Entry{At: now, Actor: sender.Username, Action: action, Target: fmt.Sprintf("message:%d", id),
			Scope: sender.Scope(), Source: source, Detail: detail})
	})
	if err != nil {
		return Result{}, fmt.Errorf("store message: %w", err)
	}
	m.ID = st.id
	if st.newSuspects && s.listsChanged != nil {
		s.listsChanged() // the next message is screened with the new domain
	}
	if s.stored != nil {
		obs.ID, obs.Status = m.ID, m.Status
		s.stored(ctx, obs)
	}
	if m.Status == bouclier.StatusRejected {
		return Result{ID: m.ID, Status: m.Status}, &bouclier.Error{Code: bouclier.ErrRejectedContent,
			Message: "Ce message a été refusé par le filtre de sécurité : " + strings.Join(verdict.Reasons, " ; ")}
	}
	r := Result{ID: m.ID, Status: m.Status}
	if m.Status == bouclier.StatusDeferred {
		r.DeliverAt = dec.Until
	}
	if m.Status == bouclier.StatusHeld {
		r.Reasons = verdict.Reasons
	}
	return r, nil
}

// clip makes s valid UTF-8 and cuts it to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func (s *Service) record(ctx context.Context, e audit.Entry) {
	if err := s.db.InTx(ctx, func(tx *store.Tx) error { return audit.Append(ctx, tx, e) }); err != nil {
		s.log.Error("audit append failed", "action", e.Action, "err", err)
	}
}

// Folder lists a user's folder, newest first.
func (s *Service) Folder(ctx context.Context, u bouclier.User, f store.Folder, before int64, limit int) ([]store.Entry, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	return s.db.Folder(ctx, u.ID, f, before, limit)
}

// Message returns a message the user sent or received and marks it read.
// Errors: not_found, for any message the user may not see.
func (s *Service) Message(ctx context.Context, u bouclier.User, id int64) (store.Entry, error) {
	e, err := s.db.MessageFor(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return e, bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	}
	if err != nil {
		return e, err
	}
	if !e.Read {
		if _, err := s.db.MarkRead(ctx, u.ID, id, store.Micros(s.now())); err != nil {
			return e, err
		}
	}
	return e, nil
}

// Thread returns the messages of the thread of message id that u may see.
func (s *Service) Thread(ctx context.Context, u bouclier.User, id int64) ([]bouclier.Message, error) {
	e, err := s.Message(ctx, u, id)
	if err != nil {
		return nil, err
	}
	return s.db.Thread(ctx, u.ID, e.ThreadID)
}

// Trash moves a received message to or from the trash. Errors: not_found.
func (s *Service) Trash(ctx context.Context, u bouclier.User, id int64, trashed bool) error {
	ok, err := s.db.SetTrashed(ctx, u.ID, id, trashed)
	if err != nil {
		return err
	}
	if !ok {
		return bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	}
	return nil
}

// Attachment returns an attachment's bytes if u may read its message.
func (s *Service) Attachment(ctx context.Context, u bouclier.User, id int64) (store.Attachment, []byte, error) {
	a, data, err := s.db.AttachmentData(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return a, nil, bouclier.Errorf(bouclier.ErrNotFound, "Pièce jointe introuvable.")
	}
	return a, data, err
}

// Attachments lists the attachments of a message u may see. Errors: not_found.
func (s *Service) Attachments(ctx context.Context, u bouclier.User, messageID int64) ([]store.Attachment, error) {
	if _, err := s.db.MessageFor(ctx, u.ID, messageID); errors.Is(err, store.ErrNotFound) {
		return nil, bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	} else if err != nil {
		return nil, err
	}
	return s.db.Attachments(ctx, messageID)
}

// Drafts lists u's drafts.
func (s *Service) Drafts(ctx context.Context, u bouclier.User) ([]store.Draft, error) {
	return s.db.Drafts(ctx, u.ID)
}

// Reachable lists the recipients u may pick.
func (s *Service) Reachable(ctx context.Context, u bouclier.User) ([]directory.Option, error) {
	snd, err := s.dir.LoadSender(ctx, u)
	if err != nil {
		return nil, err
	}
	return s.dir.Reachable(ctx, snd)
}

// Draft returns one of u's drafts. Errors: not_found.
func (s *Service) Draft(ctx context.Context, u bouclier.User, id int64) (store.Draft, error) {
	d, err := s.db.Draft(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return d, bouclier.Errorf(bouclier.ErrNotFound, "Brouillon introuvable.")
	}
	return d, err
}

// DeliverDue delivers the deferred messages whose time has come and
// returns how many it delivered. Each is screened again first, since the
// screen's rules may have changed while it waited. Several processes may
// run this at once: a message moves from deferred to delivered once, in
// the transaction that makes its deliveries visible.
func (s *Service) DeliverDue(ctx context.Context) (int, error) {
	now := s.now()
	delivered := 0
	for {
		ids, err := s.db.DueDeferred(ctx, store.Micros(now), 100)
		if err != nil || len(ids) == 0 {
			return delivered, err
		}
		progress := false
		for _, id := range ids {
			e, err := s.db.MessageByID(ctx, id)
			if err != nil {
				return delivered, err
			}
			sender, err := s.db.UserByID(ctx, e.SenderID)
			if err != nil {
				return delivered, err
			}
			v := s.screen(ScreenInput{Subject: e.Subject, Body: e.Body, Sender: sender})
			to := string(bouclier.StatusDelivered)
			switch v.Verdict {
			case "hold":
				to = string(bouclier.StatusHeld)
			case "reject":
				to = string(bouclier.StatusRejected)
			}
			var moved bool
			err = s.db.InTx(ctx, func(tx *store.Tx) error {
				moved, err = tx.SetStatusFrom(ctx, id, string(bouclier.StatusDeferred), to)
				if err != nil || !moved {
					return err
				}
				return audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system", Action: "message.deferred_" + to, Target: fmt.Sprintf("message:%d", id),
					Scope: sender.Scope(), Detail: strings.Join(v.Reasons, "; ")})
			})
			if err != nil {
				return delivered, err
			}
			if moved {
				progress = true
				if to == string(bouclier.StatusDelivered) {
					delivered++
				}
			}
		}
		if !progress {
			return delivered, nil
		}
	}
}

// RunDeliverer calls DeliverDue every interval until ctx ends.
func (s *Service) RunDeliverer(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := s.DeliverDue(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("deliver deferred messages", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
