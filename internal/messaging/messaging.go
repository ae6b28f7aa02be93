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
//     a rejected message, kept as evidence), its audit entry and what the
//     campaign detection keeps of it, in a transaction shared with
//     concurrent sends (group commit);
//  8. tell the campaign detection what was stored.
//
// A refused message is kept as a draft with the reason, so nothing typed is
// ever lost.
//
// Every part of the path is required (New refuses a missing one) and none
// has a default verdict: a send path without its guard, rules, screen or
// campaign watch cannot be built.
package messaging

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/frdate"
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
	// SessionID is the public id of the session that wrote the draft, and
	// Moved says that session was then used from another network or
	// browser than it was opened from (a replayed cookie). A step-up
	// approves only drafts written by the session being checked, unmoved.
	SessionID string
	Moved     bool
	// SendAt schedules the send ("envoyer plus tard"): the sender's rules
	// and the recipients' are those in force then. Zero: now.
	SendAt time.Time
	// Ack asks the recipients for a read acknowledgement and Form asks
	// them a question (ackforms.go); only personnel may ask.
	Ack  bool
	Form *Form
}

// Result is the outcome of a send.
// The screen's reasons are not in it: they go to moderators only.
type Result struct {
	ID        int64
	Status    bouclier.MessageStatus // of the copies delivered now
	DeliverAt time.Time              // for deferred messages
	DraftID   int64                  // when the send was refused and the draft kept
	// NotReached are the recipients who cannot receive it (students while
	// their messaging is closed…), with why; Later those who receive it
	// when their quiet hours end.
	NotReached []Unreached
	Later      []LaterRecipient
	// ReopenAt is, for a send refused because the sender's messaging is
	// closed, when it reopens (zero if unknown): the send may be scheduled
	// then.
	ReopenAt time.Time
}

// Unreached is a recipient left out of a send.
type Unreached struct {
	User   bouclier.User
	Reason string
}

// LaterRecipient is a recipient who receives a message later.
type LaterRecipient struct {
	User      bouclier.User
	DeliverAt time.Time
}

// plan is who receives a message when.
type plan struct {
	now        []int64
	later      []LaterRecipient
	notReached []Unreached
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

// Guard vets a send once its recipients are known, before the rules and
// the screen: account-security checks such as step-up authentication for
// wide or risky sends, and probation limits. ctx carries the sender's
// session. An error refuses the send.
type Guard interface {
	CheckSend(ctx context.Context, sender bouclier.User, r directory.Resolved, d *Draft) error
}

// Rules are the messaging rules (time windows, suspensions).
type Rules interface {
	// Gate decides whether sender may send now; urgent asks for the
	// emergency override.
	Gate(ctx context.Context, sender bouclier.User, now time.Time, urgent bool) (Decision, error)
	// Receivers decides for each recipient, in order: Allow (receives
	// now), Defer (receives at Until) or Refuse (cannot receive; the
	// reason says why).
	Receivers(ctx context.Context, recipients []bouclier.User, now time.Time) ([]Decision, error)
}

// Screener is the content screen.
type Screener interface {
	Screen(ScreenInput) ScreenResult
}

// Watcher is campaign detection. Watch sees every message after the
// screen and before it is stored, and may hold it (a campaign is under
// way); it must be fast, it runs on every send. Record is asked, before
// the send's transaction, for the write that keeps what detection needs
// of the message; that write runs inside the transaction, so an
// acknowledged message is never missing from detection and a send costs
// no transaction of its own for it. Stored is told of every message once
// committed, outside the send's transaction: containment acts from there.
type Watcher interface {
	Watch(ctx context.Context, o *Observed) (hold bool, reasons []string)
	// Record reads what it needs now, outside the transaction, and
	// returns the write to run in it with the message's id. The write may
	// run more than once (a group-commit retry) and must change nothing
	// outside tx; an error from it fails the send.
	Record(ctx context.Context, o *Observed) func(ctx context.Context, tx *store.Tx, messageID int64) error
	Stored(ctx context.Context, o *Observed)
}

// Observed is what campaign detection sees of each message.
type Observed struct {
	ID          int64 // set once stored (Stored hook only)
	Sender      bouclier.User
	Recipients  directory.Resolved
	Subject     string
	Body        string
	Fingerprint string
	Links       []string     // domains
	Digests     []string     // attachment SHA-256, hex
	Attachments []Attachment // as sent, in the order of Digests: for media likeness; read only
	// Documents are the words the screen read in each attachment (a PDF's
	// page text, an office document's, a text file), in the order of
	// Digests, "" where it read none: a document personalised per copy
	// shares no digest with its copies, only its words. Empty when the
	// screen gave none.
	Documents []string
	Verdict   bouclier.Verdict // the screen's
	Score     float64
	Reasons   []string
	Status    bouclier.MessageStatus // as stored (Record and Stored hooks only)
	At        time.Time
	// Recorded: the observation was written in the send's transaction
	// (Record); Stored has only to assess it.
	Recorded bool
	// Delivery: a deferred message at its delivery (ID set), watched as
	// a send; its observation at the send was written then.
	Delivery bool
}

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
	Verdict bouclier.Verdict
	Score   float64
	Reasons []string
	Types   []string // detected attachment types, in order
	// Documents are the words read in each attachment, in order, "" for
	// none (Observed.Documents).
	Documents []string
	Cleaned   map[int][]byte // attachments to store in place of the originals (metadata stripped)
	// Fingerprint identifies the message's normalised text, so that its
	// copies can be found (recall by likeness, campaigns).
	Fingerprint string
	// Links are the domains the message links to.
	Links []string
}

// Service sends and reads messages.
type Service struct {
	db     *store.DB
	dir    *directory.Directory
	guard  Guard
	rules  Rules
	screen Screener
	watch  Watcher
	// listsChanged is told when a send added to the screen's lists.
	listsChanged func()
	limits       Limits
	now          func() time.Time
	log          *slog.Logger
	batch        *store.Batcher
	refusals     *refusalLog
}

// Parts are the stages of the send path. Every one is required.
type Parts struct {
	Guard  Guard
	Rules  Rules
	Screen Screener
	Watch  Watcher
}

// Options configure a Service.
type Options struct {
	// ListsChanged is called when a send adds to the screen's lists (a
	// domain seen in a held message), so this process re-reads them at once.
	ListsChanged func()
	Limits       Limits
	Now          func() time.Time
	Log          *slog.Logger
}

// New returns a messaging service. It refuses a missing part: there is no
// default guard, rule, screen or watch, so a caller that forgets one gets
// an error, not a shield that is off.
func New(db *store.DB, dir *directory.Directory, p Parts, o Options) (*Service, error) {
	var missing []string
	for name, ok := range map[string]bool{"store": db != nil, "directory": dir != nil, "guard": p.Guard != nil,
		"rules": p.Rules != nil, "screen": p.Screen != nil, "campaign watch": p.Watch != nil} {
		if !ok {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("messaging: missing %s", strings.Join(missing, ", "))
	}
	s := &Service{db: db, dir: dir, guard: p.Guard, rules: p.Rules, screen: p.Screen, watch: p.Watch, listsChanged: o.ListsChanged,
		limits: o.Limits, now: o.Now, log: o.Log, batch: db.NewBatcher(64), refusals: newRefusalLog()}
	if s.limits == (Limits{}) {
		s.limits = DefaultLimits
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	return s, nil
}

// Close stops the service's writer after the sends already queued.
func (s *Service) Close() { s.batch.Close() }

// Directory returns the directory the service resolves with.
func (s *Service) Directory() *directory.Directory { return s.dir }

func (s *Service) validate(sender bouclier.User, d *Draft) error {
	d.Subject = strings.TrimSpace(d.Subject)
	switch {
	case !utf8.ValidString(d.Subject) || !utf8.ValidString(d.Body):
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le texte n’est pas en UTF-8 valide.")
	case d.Subject == "":
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "L’objet est obligatoire.")
	case utf8.RuneCountInString(d.Subject) > s.limits.Subject:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "L’objet dépasse %d caractères.", s.limits.Subject)
	case strings.TrimSpace(d.Body) == "":
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le message est vide.")
	case utf8.RuneCountInString(d.Body) > s.limits.Body:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Le message dépasse %d caractères.", s.limits.Body)
	case len(d.Attachments) > s.limits.Attachments:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "%d pièces jointes au plus.", s.limits.Attachments)
	}
	if !d.SendAt.IsZero() && (d.SendAt.Before(s.now().Add(-time.Minute)) || d.SendAt.After(s.now().AddDate(0, 0, 92))) {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "La date d’envoi programmé doit être dans les trois prochains mois.")
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

// Send runs a draft through the whole path and stores it, in this order:
//
//  1. validate the draft (sizes, fields, valid UTF-8) → invalid_request,
//     too_large; a read-only or disabled sender → forbidden;
//  2. resolve the recipients with the reach rules → recipient_not_allowed,
//     not_found (a reply to a message the sender cannot see);
//  3. the guard (session, step-up, enrolment, probation, fan-out budget)
//     → unauthenticated, step_up_required, mfa_enrolment_required,
//     security_ack_required, forbidden, throttled;
//  4. the sender's rules (refuse, defer, or the urgent override) and the
//     recipients' (refuse if one may not receive at all, else defer to
//     when all can) → messaging_closed; an urgent send without a reason
//     → invalid_request;
//  5. the screen: reject → rejected_content (kept undelivered as
//     evidence), hold → stored held;
//  6. repeated rejections from the account within RefusalWindow hold its
//     next sends for a person's review;
//  7. the campaign watch, which may hold what the screen let through;
//  8. one batched transaction: the message, its delivery rows (none when
//     rejected), attachments, audit entry and campaign observation;
//  9. the campaign is told what was stored.
//
// A refused sender keeps a draft (Result.DraftID): one per identical
// content, so a loop of refusals does not flood the store. The sender is
// never told why the screen stopped a message: moderators are.
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
	res.DraftID = s.keepDraft(ctx, sender, &d, be.Message, now)
	if res.ID != 0 {
		return res, err // stored as rejected and audited with it
	}
	if suppressed, ok := s.refusals.allow(sender.ID, now); ok {
		detail := string(be.Code) + ": " + be.Message
		if suppressed > 0 {
			detail += fmt.Sprintf(" (+%d refus non journalisés)", suppressed)
		}
		s.record(ctx, audit.Entry{At: now, Actor: sender.Username, Action: "message.refused", Target: "draft:" + fmt.Sprint(res.DraftID),
			Scope: sender.Scope(), Source: source, Detail: detail})
	}
	return res, err
}

// keepDraft saves what was typed, with why it was refused, as valid UTF-8
// (a database may refuse anything else) and within a bound, in the draft
// the send came from, else in an identical draft already kept, else in a
// new one; it returns the draft's id (0 if it could not be kept).
func (s *Service) keepDraft(ctx context.Context, sender bouclier.User, d *Draft, why string, now time.Time) int64 {
	dr := store.Draft{ID: d.DraftID, UserID: sender.ID, To: d.To, Subject: clip(d.Subject, 4*s.limits.Subject),
		Body: clip(d.Body, 4*s.limits.Body), ParentID: d.ParentID, LastError: why, UpdatedAt: store.Micros(now)}
	// A new draft identical to one kept already updates it (SaveDraft).
	err := s.db.SaveDraft(ctx, &dr)
	if errors.Is(err, store.ErrNotFound) {
		dr.ID = 0
		err = s.db.SaveDraft(ctx, &dr)
	}
	if err != nil {
		s.log.Error("save draft", "err", err)
		return 0
	}
	sid := d.SessionID
	if d.Moved {
		sid = "" // written from elsewhere: no step-up sends it
	}
	if err := s.db.SetDraftSession(ctx, sender.ID, dr.ID, sid); err != nil {
		s.log.Error("draft session", "err", err)
	}
	keepDraftRequest(ctx, s, dr.ID, d)
	return dr.ID
}

// RefusalWindow and RefusalHold: after RefusalHold rejections within
// RefusalWindow, an account's next sends are held for review. Someone
// rewriting a threat until it passes is a campaign signal, not a user.
const (
	RefusalWindow = 15 * time.Minute
	RefusalHold   = 3
)

// refusedNotice is all a sender learns of a rejection: no detector, word
// or score that would help rewrite the message until it passes.
const refusedNotice = "Votre message n’a pas été distribué. L’établissement a été informé."

func (s *Service) send(ctx context.Context, sender bouclier.User, d *Draft, source string, now time.Time) (Result, error) {
	// 1. The draft and the sender.
	if err := s.validate(sender, d); err != nil {
		return Result{}, err
	}
	if err := checkRequest(sender, d); err != nil {
		return Result{}, err
	}
	if sender.ReadOnly || sender.Disabled {
		return Result{}, bouclier.Errorf(bouclier.ErrForbidden, "Votre compte est en lecture seule\u00a0: vous ne pouvez pas envoyer de message.")
	}
	// 2. The recipients.
	snd, err := s.dir.LoadSender(ctx, sender)
	if err != nil {
		return Result{}, err
	}
	resolved, err := s.dir.Resolve(ctx, snd, d.To)
	if err != nil {
		return Result{}, err
	}
	threadID, err := s.threadOf(ctx, sender, d.ParentID)
	if err != nil {
		return Result{}, err
	}
	// 3. The account's security.
	if err := s.guard.CheckSend(ctx, sender, resolved, d); err != nil {
		return Result{}, err
	}
	// 4. The rules, the sender's then the recipients'.
	dec, pl, err := s.decide(ctx, sender, resolved, d, now)
	if err != nil {
		return Result{ReopenAt: dec.Until}, err
	}
	// 5. The screen.
	verdict := s.screen.Screen(ScreenInput{Subject: d.Subject, Body: d.Body, Attachments: d.Attachments, Sender: sender, ToStudents: resolved.ToStudents})
	// The domains of a message the screen holds or rejects are suspect for
	// every later message; a hold by the refusal count or the campaign
	// watch (a wave forming, or a minute's probation for new content)
	// judges the sender or the traffic, not the links.
	var suspects []string
	if verdict.Verdict != bouclier.VerdictDeliver {
		suspects = verdict.Links
	}
	m := &bouclier.Message{ThreadID: threadID, ParentID: d.ParentID, SenderID: sender.ID, Subject: d.Subject, Body: d.Body,
		To: d.To, Status: bouclier.StatusDelivered, Score: verdict.Score, Reasons: verdict.Reasons, SentAt: store.Micros(now),
		UAI: sender.UAI, Academie: sender.Academie, Fingerprint: verdict.Fingerprint}
	// 6. An account that keeps being refused is held.
	if verdict.Verdict == bouclier.VerdictDeliver {
		n, err := s.db.CountRejectedSince(ctx, sender.ID, store.Micros(now.Add(-RefusalWindow)))
		if err != nil {
			return Result{}, fmt.Errorf("count refusals: %w", err)
		}
		if n >= RefusalHold {
			verdict.Verdict = bouclier.VerdictHold
			m.Reasons = append(m.Reasons, fmt.Sprintf("compte\u00a0: %d messages refusés en %d min", n, int(RefusalWindow/time.Minute)))
		}
	}
	// 7. The campaign watch.
	obs := &Observed{Sender: sender, Recipients: resolved, Subject: d.Subject, Body: d.Body, Fingerprint: verdict.Fingerprint,
		Links: verdict.Links, Attachments: d.Attachments, Documents: verdict.Documents, Verdict: verdict.Verdict, Score: verdict.Score, Reasons: m.Reasons, At: now}
	sums := make([][32]byte, len(d.Attachments))
	for i, a := range d.Attachments {
		sums[i] = sha256.Sum256(a.Data)
		obs.Digests = append(obs.Digests, hex.EncodeToString(sums[i][:]))
	}
	if verdict.Verdict == bouclier.VerdictDeliver {
		if hold, why := s.watch.Watch(ctx, obs); hold {
			verdict.Verdict = bouclier.VerdictHold
			m.Reasons = append(m.Reasons, why...)
		}
	}
	verdict.Reasons = m.Reasons
	recipients := pl.now
	switch {
	case verdict.Verdict == bouclier.VerdictReject:
		// Kept, undelivered and with no delivery rows, as evidence and as a
		// campaign signal; the sender is refused and keeps a draft.
		m.Status, recipients, pl.later = bouclier.StatusRejected, nil, nil
	case verdict.Verdict == bouclier.VerdictHold:
		m.Status = bouclier.StatusHeld
	case dec.Action == Defer:
		m.Status = bouclier.StatusDeferred
	}
	if dec.Action == Defer && m.Status != bouclier.StatusRejected {
		// Kept on a held message too: released, it waits for its time.
		m.DeliverAt = store.Micros(dec.Until)
	}
	// 8. Stored once, with its deliveries, audit entry and campaign
	// observation.
	obs.Status = m.Status
	observe := s.watch.Record(ctx, obs)
	newSuspects, err := s.store(ctx, sender, d, m, recipients, pl, verdict, suspects, sums, resolved, dec, source, now, observe)
	if err != nil {
		return Result{}, fmt.Errorf("store message: %w", err)
	}
	if newSuspects && s.listsChanged != nil {
		s.listsChanged() // the next message is screened with the new domain
	}
	// 9. The campaign sees what was stored.
	obs.ID, obs.Recorded = m.ID, true
	s.watch.Stored(ctx, obs)
	if m.Status == bouclier.StatusRejected {
		return Result{ID: m.ID, Status: m.Status}, &bouclier.Error{Code: bouclier.ErrRejectedContent, Message: refusedNotice}
	}
	r := Result{ID: m.ID, Status: m.Status, NotReached: pl.notReached, Later: pl.later}
	if m.Status == bouclier.StatusDeferred {
		r.DeliverAt = dec.Until
	}
	return r, nil
}

// threadOf returns the thread a reply joins (a new thread for a message
// that is no reply). Errors: not_found.
func (s *Service) threadOf(ctx context.Context, sender bouclier.User, parentID int64) (int64, error) {
	if parentID == 0 {
		return 0, nil
	}
	parent, err := s.db.MessageFor(ctx, sender.ID, parentID)
	if errors.Is(err, store.ErrNotFound) {
		return 0, bouclier.Errorf(bouclier.ErrNotFound, "Le message auquel vous répondez n’existe pas.")
	}
	if err != nil {
		return 0, err
	}
	return parent.ThreadID, nil
}

// decide asks the rules for the sender, then for each recipient (unless
// the urgent override let the sender through): who receives now, who
// later, who not at all. Errors: messaging_closed (the sender may not
// send, or no recipient may receive), invalid_request (urgent without a
// reason).
func (s *Service) decide(ctx context.Context, sender bouclier.User, resolved directory.Resolved, d *Draft, now time.Time) (Decision, plan, error) {
	var p plan
	at := now
	if d.SendAt.After(now) {
		at = d.SendAt
	}
	dec, err := s.rules.Gate(ctx, sender, at, d.Urgent)
	if err != nil {
		return Decision{}, p, err
	}
	if dec.Action == Refuse {
		return dec, p, &bouclier.Error{Code: bouclier.ErrMessagingClosed, Message: dec.Reason}
	}
	if dec.Urgent && strings.TrimSpace(d.UrgentReason) == "" {
		return Decision{}, p, bouclier.Errorf(bouclier.ErrInvalidRequest, "Un envoi urgent pendant une fermeture doit indiquer sa raison.")
	}
	if dec.Urgent {
		p.now = resolved.Recipients
		return dec, p, nil
	}
	ds, err := s.rules.Receivers(ctx, resolved.Users, at)
	if err != nil {
		return Decision{}, p, err
	}
	if len(ds) != len(resolved.Users) {
		return Decision{}, p, fmt.Errorf("receivers: %d decisions for %d recipients", len(ds), len(resolved.Users))
	}
	for i, u := range resolved.Users {
		switch ds[i].Action {
		case Allow:
			p.now = append(p.now, u.ID)
		case Defer:
			p.later = append(p.later, LaterRecipient{User: u, DeliverAt: ds[i].Until})
		default:
			p.notReached = append(p.notReached, Unreached{User: u, Reason: ds[i].Reason})
		}
	}
	if len(p.now) == 0 && len(p.later) == 0 {
		return Decision{}, p, &bouclier.Error{Code: bouclier.ErrMessagingClosed,
			Message: "Aucun destinataire ne peut recevoir ce message actuellement\u00a0: " + p.notReached[0].Reason}
	}
	if at.After(now) && (dec.Action != Defer || at.After(dec.Until)) {
		dec.Action, dec.Until = Defer, at
	}
	if len(p.now) == 0 || dec.Action == Defer {
		// Nobody receives now: the whole message waits until every
		// remaining recipient may receive it.
		for _, l := range p.later {
			if dec.Action != Defer || l.DeliverAt.After(dec.Until) {
				dec.Action, dec.Until = Defer, l.DeliverAt
			}
			p.now = append(p.now, l.User.ID)
		}
		p.later = nil
	}
	return dec, p, nil
}

// store writes the message, its deliveries, attachments, audit entry and
// campaign observation (observe) in a transaction shared with concurrent
// sends, and reports whether a domain became suspect. The job may run
// again after a rolled-back batch: it changes nothing outside the
// transaction, and m gets its id only once committed.
func (s *Service) store(ctx context.Context, sender bouclier.User, d *Draft, m *bouclier.Message, recipients []int64, pl plan,
	verdict ScreenResult, suspects []string, sums [][32]byte, resolved directory.Resolved, dec Decision, source string, now time.Time,
	observe func(context.Context, *store.Tx, int64) error) (bool, error) {
	type stored struct {
		id          int64
		newSuspects bool
	}
	later := pl.later
	// Who did not get it now, and why, for its sender to see by name
	// afterwards (the rules' reasons only: a rejected message keeps none).
	var unreached []store.Unreached
	if m.Status != bouclier.StatusRejected {
		for _, u := range pl.notReached {
			unreached = append(unreached, store.Unreached{User: u.User, Reason: u.Reason})
		}
		for _, l := range later {
			unreached = append(unreached, store.Unreached{User: l.User, DeliverAt: store.Micros(l.DeliverAt)})
		}
	}
	st, err := store.Submit(ctx, s.batch, func(ctx context.Context, tx *store.Tx) (stored, error) {
		var out stored
		id, err := tx.InsertMessage(ctx, m, recipients)
		if err != nil {
			return out, err
		}
		out.id = id
		if err := storeRequest(ctx, tx, id, d); err != nil {
			return out, err
		}
		for _, l := range later {
			if err := tx.AddPending(ctx, id, []int64{l.User.ID}, store.Micros(l.DeliverAt)); err != nil {
				return out, err
			}
		}
		if err := tx.AddUnreached(ctx, id, unreached); err != nil {
			return out, err
		}
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
		for _, host := range suspects {
			added, err := tx.AddSuspectDomain(ctx, host, id, m.SentAt)
			if err != nil {
				return out, err
			}
			out.newSuspects = out.newSuspects || added
		}
		if err := observe(ctx, tx, id); err != nil {
			return out, fmt.Errorf("campaign observation: %w", err)
		}
		if d.DraftID != 0 && m.Status != bouclier.StatusRejected {
			if err := tx.DeleteDraft(ctx, sender.ID, d.DraftID); err != nil {
				return out, err
			}
		}
		detail := fmt.Sprintf("status=%s recipients=%d later=%d not_reached=%d groups=%d", m.Status, len(recipients), len(later),
			len(resolved.Recipients)-len(recipients)-len(later), resolved.Groups)
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
		return false, err
	}
	m.ID = st.id
	if m.ThreadID == 0 {
		m.ThreadID = st.id
	}
	return st.newSuspects, nil
}

// refusalLog bounds the audit entries of refused sends per account: a loop
// of refusals must not flood the trail. Past the bound in a window, the
// entries are counted and the count goes with the next one recorded.
type refusalLog struct {
	mu sync.Mutex
	by map[int64]*refusalCount
}

type refusalCount struct {
	start      time.Time
	n          int
	suppressed int
}

// refusalAudits is how many refused sends per account and minute are
// recorded one by one.
const refusalAudits = 10

func newRefusalLog() *refusalLog { return &refusalLog{by: map[int64]*refusalCount{}} }

// allow reports whether a refusal of userID at now is recorded, and how
// many were left out before it.
func (l *refusalLog) allow(userID int64, now time.Time) (suppressed int, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.by) > 100000 {
		l.by = map[int64]*refusalCount{} // bounded memory; forgetting is safe
	}
	c := l.by[userID]
	if c == nil || now.Sub(c.start) >= time.Minute {
		prev := 0
		if c != nil {
			prev = c.suppressed
		}
		l.by[userID] = &refusalCount{start: now, n: 1}
		return prev, true
	}
	if c.n < refusalAudits {
		c.n++
		return 0, true
	}
	c.suppressed++
	return 0, false
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

// Unreached lists the recipients of message id who did not get it when it
// was sent, and why; only its sender may see them. Errors: not_found.
func (s *Service) Unreached(ctx context.Context, u bouclier.User, id int64) ([]store.Unreached, error) {
	e, err := s.db.MessageFor(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && e.SenderID != u.ID) {
		return nil, bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")
	}
	if err != nil {
		return nil, err
	}
	return s.db.UnreachedOf(ctx, id)
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
	opts, err := s.dir.Reachable(ctx, snd)
	if err != nil || len(opts) == 0 {
		return opts, err
	}
	// Say now who will not get it now: the picker offers pupils under the
	// circular (the rest of a class-and-parents message still goes), and
	// the sender should know before sending, not only after.
	members := make([]bouclier.User, len(opts))
	for i, o := range opts {
		members[i] = o.Member
	}
	now := s.now()
	ds, err := s.rules.Receivers(ctx, members, now)
	if err != nil {
		return nil, fmt.Errorf("reachable: %w", err)
	}
	for i, d := range ds {
		opts[i].Note = receiveNote(d, opts[i].Group)
	}
	return opts, nil
}

// receiveNote says when a recipient (a group's members when group) will
// receive a message sent now, or "" for now.
func receiveNote(d Decision, group bool) string {
	switch {
	case d.Action == Defer && group:
		return "recevront le message le " + frdate.DateTime(d.Until)
	case d.Action == Defer:
		return "recevra le message le " + frdate.DateTime(d.Until)
	case d.Action == Refuse && group:
		return "ne peuvent pas recevoir de messages en ce moment"
	case d.Action == Refuse:
		return "ne peut pas recevoir de messages en ce moment"
	}
	return ""
}

// Draft returns one of u's drafts. Errors: not_found.
func (s *Service) Draft(ctx context.Context, u bouclier.User, id int64) (store.Draft, error) {
	d, err := s.db.Draft(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return d, bouclier.Errorf(bouclier.ErrNotFound, "Brouillon introuvable.")
	}
	return d, err
}

// DraftFromSession reports whether draft id of u's was written by the
// session whose public id is sessionID: a second-factor check approves
// only what its own session wrote, never a draft planted by a stolen
// cookie. Errors: not_found.
func (s *Service) DraftFromSession(ctx context.Context, u bouclier.User, id int64, sessionID string) (bool, error) {
	sid, err := s.db.DraftSession(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return false, bouclier.Errorf(bouclier.ErrNotFound, "Brouillon introuvable.")
	}
	if err != nil {
		return false, err
	}
	return sid != "" && subtle.ConstantTimeCompare([]byte(sid), []byte(sessionID)) == 1, nil
}

// DeliverDue delivers the deferred messages whose time has come and
// returns how many it delivered. Each is screened again first, whole (text
// and attachments), and shown to the campaign watch, since the lists and
// the wave may have changed while it waited. Several processes may run
// this at once: a message moves from deferred to delivered once, in the
// transaction that makes its deliveries visible.
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
			to, err := s.rescreen(ctx, id, now)
			if err != nil {
				return delivered, err
			}
			var moved bool
			err = s.db.InTx(ctx, func(tx *store.Tx) error {
				moved, err = tx.SetStatusFrom(ctx, id, string(bouclier.StatusDeferred), string(to.status))
				if err != nil || !moved {
					return err
				}
				return audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system:deferred", Action: "message.deferred_" + string(to.status), Target: fmt.Sprintf("message:%d", id),
					Scope: to.sender.Scope(), Detail: strings.Join(to.reasons, "; ")})
			})
			if err != nil {
				return delivered, err
			}
			if moved {
				progress = true
				if to.status == bouclier.StatusDelivered {
					delivered++
				}
				to.obs.Status = to.status
				s.watch.Stored(ctx, to.obs)
			}
		}
		if !progress {
			n, err := s.releasePending(ctx, now)
			return delivered + n, err
		}
	}
}

// releasePending gives the recipients who could only receive later the
// messages whose time has come, and returns how many deliveries it made.
// The message was screened at its send and is watched since (a recall or
// a hold stops it); a message still held waits for the decision.
func (s *Service) releasePending(ctx context.Context, now time.Time) (int, error) {
	total := 0
	for {
		ids, err := s.db.DuePending(ctx, store.Micros(now), 100)
		if err != nil || len(ids) == 0 {
			return total, err
		}
		for _, id := range ids {
			err := s.db.InTx(ctx, func(tx *store.Tx) error {
				n, err := tx.ReleasePending(ctx, id, store.Micros(now))
				if err != nil || n == 0 {
					return err
				}
				total += int(n)
				return audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system:deferred", Action: "message.later_delivered",
					Target: fmt.Sprintf("message:%d", id), Scope: "national", Detail: fmt.Sprintf("recipients=%d", n)})
			})
			if err != nil {
				return total, err
			}
		}
	}
}

// rescreened is a deferred message's fate at delivery.
type rescreened struct {
	status  bouclier.MessageStatus
	reasons []string
	sender  bouclier.User
	obs     *Observed
}

// rescreen runs deferred message id through the screen with its
// attachments and through the campaign watch, as a send would.
func (s *Service) rescreen(ctx context.Context, id int64, now time.Time) (rescreened, error) {
	e, err := s.db.MessageByID(ctx, id)
	if err != nil {
		return rescreened{}, fmt.Errorf("deferred message %d: %w", id, err)
	}
	sender, err := s.db.UserByID(ctx, e.SenderID)
	if err != nil {
		return rescreened{}, fmt.Errorf("deferred message %d: %w", id, err)
	}
	users, err := s.db.Recipients(ctx, id)
	if err != nil {
		return rescreened{}, fmt.Errorf("deferred message %d: %w", id, err)
	}
	in := ScreenInput{Subject: e.Subject, Body: e.Body, Sender: sender}
	// What the send reached, as Resolve counted it, so that the watch
	// judges the delivery's fan-out as it judged the send's.
	res := directory.Resolved{Users: users}
	schools := map[string]bool{}
	for _, u := range users {
		res.Recipients = append(res.Recipients, u.ID)
		in.ToStudents = in.ToStudents || u.Role == bouclier.RoleStudent
		if u.UAI != "" && !schools[u.UAI] {
			schools[u.UAI] = true
			res.Schools = append(res.Schools, u.UAI)
		}
	}
	sort.Strings(res.Schools)
	for _, x := range e.To {
		if r, err := bouclier.ParseRecipient(x); err == nil && r.Kind != bouclier.ToUser {
			res.Groups++
		}
	}
	res.ToStudents = in.ToStudents
	atts, err := s.db.Attachments(ctx, id)
	if err != nil {
		return rescreened{}, fmt.Errorf("deferred message %d: %w", id, err)
	}
	var digests []string
	for _, a := range atts {
		data, err := s.db.Blob(ctx, a.SHA256)
		if err != nil {
			return rescreened{}, fmt.Errorf("deferred message %d attachment: %w", id, err)
		}
		in.Attachments = append(in.Attachments, Attachment{Name: a.Name, ContentType: a.ContentType, Data: data})
		digests = append(digests, hex.EncodeToString(a.SHA256))
	}
	v := s.screen.Screen(in)
	obs := &Observed{ID: id, Sender: sender, Recipients: res, Subject: e.Subject, Body: e.Body, Fingerprint: v.Fingerprint,
		Links: v.Links, Digests: digests, Attachments: in.Attachments, Documents: v.Documents, Verdict: v.Verdict, Score: v.Score, Reasons: v.Reasons, At: now, Delivery: true}
	if v.Verdict == bouclier.VerdictDeliver {
		if hold, why := s.watch.Watch(ctx, obs); hold {
			v.Verdict, v.Reasons = bouclier.VerdictHold, append(v.Reasons, why...)
		}
	}
	to := bouclier.StatusDelivered
	switch v.Verdict {
	case bouclier.VerdictHold:
		to = bouclier.StatusHeld
	case bouclier.VerdictReject:
		to = bouclier.StatusRejected
	}
	return rescreened{status: to, reasons: v.Reasons, sender: sender, obs: obs}, nil
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

// Search lists a user's folder narrowed by fl, newest first: below before,
// or the page just above after.
func (s *Service) Search(ctx context.Context, u bouclier.User, f store.Folder, fl store.FolderFilter, before, after int64, limit int) ([]store.Entry, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	return s.db.SearchFolder(ctx, u.ID, f, fl, before, after, limit)
}
