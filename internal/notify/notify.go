// Package notify tells people by e-mail that something waits for them in
// Bouclier: a message they received, or a security notice about their
// account. It is never on the send path: messaging.Send commits and
// returns without knowing about e-mail; a worker, which every server
// process runs, finds what is new afterwards and sends it through the SMTP
// relay.
//
// A pass of the worker (RunOnce) does, in this order:
//
//  1. Collect: read the messages committed since the cursor, and those
//     still watched (held for moderation, or waiting for recipients' quiet
//     hours to end), and record one pending event per recipient who now
//     sees the message unread; turn pending security notices into urgent
//     events. Events have a unique key, so several processes collect the
//     same message harmlessly. The cursor passes a message only once it is
//     older than Config.Settle, so that a transaction committed late (a
//     lower id after a higher one, possible on PostgreSQL) is still read.
//  2. Dispatch: for each person with events due, in this order: no
//     account, a disabled account or no valid address → skipped; security
//     notices → one e-mail each, at once (urgent: a « ce n'était pas moi »
//     must not wait for the morning); notifications off → skipped; a
//     digest reader's events wait for the next digest time; outside urgent
//     messages, nothing goes out while the person may not receive
//     messages (closed hours, quiet hours, a suspension, in their
//     establishment's time zone; the rules package decides): the events
//     wait for the next opening, checked at least hourly so that a change
//     of rules is seen. Then one e-mail per message (immediate) or one
//     for all (digest) is queued in the outbox, in the transaction that
//     marks the events queued: if another process took them first,
//     nothing is queued.
//  3. Deliver: each due e-mail of the outbox is leased by one process
//     (an atomic update), checked once more against quiet hours, and
//     handed to the relay; a failure (refusal 4xx/5xx, unreachable relay)
//     is tried again after Backoff, doubling up to MaxBackoff, and given up
//     after MaxAttempts. A process that dies holding a lease leaves the
//     e-mail to another once the lease ends.
//
// Pupils, and anyone receiving a message that was held or flagged by the
// screen, get no content: only « Vous avez un nouveau message de … » and
// a link. Notification e-mails carry one-click unsubscribe headers
// (RFC 8058) whose link holds an HMAC token: nothing secret is stored.
package notify

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/policy"
	"github.com/bouclier/bouclier/internal/store"
)

// Mode is how a person wants to be told of new messages.
type Mode string

// The modes.
const (
	Immediate Mode = "immediate" // one e-mail per message, as soon as they may receive
	Digest    Mode = "digest"    // one e-mail a day listing the new messages
	None      Mode = "none"      // no e-mail about messages (security notices still go)
)

// Valid reports whether m is one of the modes.
func (m Mode) Valid() bool { return m == Immediate || m == Digest || m == None }

// DefaultMode is the mode of someone who chose none: parents and the
// personnel are told at once (families rely on being told, that is the
// point); pupils get at most one digest a day, without content, so that
// a minor's mailbox is not a second messaging channel.
func DefaultMode(r bouclier.Role) Mode {
	if r == bouclier.RoleStudent {
		return Digest
	}
	return Immediate
}

// Config configures the notifications.
type Config struct {
	SMTPAddr string // relay host:port; empty turns the e-mails off
	From     string // sender address
	// BaseURL is how recipients reach the server (the public URL), for
	// the links and the unsubscribe address; RFC 8058 wants https.
	BaseURL string
	// Key signs the unsubscribe tokens; at least 16 bytes.
	Key        []byte
	DigestHour int // local hour of the daily digest, 1–23; 0 means 17
	Timeout    time.Duration
	// Backoff is the wait after the first failure, doubled at each
	// failure up to MaxBackoff; MaxAttempts gives up.
	Backoff     time.Duration
	MaxBackoff  time.Duration
	MaxAttempts int
	// Settle is how old a message must be before the cursor passes it.
	Settle time.Duration
	// MaxAge drops events not sent after this long, and messages older
	// than this are never notified (a relay configured late does not
	// send years of mail).
	MaxAge time.Duration
}

// String redacts the key.
func (c Config) String() string {
	return fmt.Sprintf("notify.Config{SMTP:%q From:%q BaseURL:%q Key:REDACTED DigestHour:%d}", c.SMTPAddr, c.From, c.BaseURL, c.DigestHour)
}

func (c *Config) defaults() {
	if c.From == "" {
		c.From = "bouclier@localhost"
	}
	if c.DigestHour == 0 {
		c.DigestHour = 17
	}
	if c.Timeout == 0 {
		c.Timeout = 10 * time.Second
	}
	if c.Backoff == 0 {
		c.Backoff = time.Minute
	}
	if c.MaxBackoff == 0 {
		c.MaxBackoff = 6 * time.Hour
	}
	if c.MaxAttempts == 0 {
		c.MaxAttempts = 10
	}
	if c.Settle == 0 {
		c.Settle = 30 * time.Second
	}
	if c.MaxAge == 0 {
		c.MaxAge = 7 * 24 * time.Hour
	}
}

// Windows decides whether a person may receive messages at an instant and
// when that changes (rules.Service.Decide).
type Windows interface {
	Decide(ctx context.Context, u bouclier.User, now time.Time, urgent bool) (policy.Decision, error)
}

// Service collects, dispatches and delivers notifications.
type Service struct {
	db  *store.DB
	win Windows
	cfg Config
	now func() time.Time
	log *slog.Logger

	mu    sync.Mutex
	zones map[string]*time.Location
}

// New returns the service. The store, the rules and a key are required;
// with no relay configured, Enabled is false and the worker does nothing.
func New(db *store.DB, win Windows, cfg Config, now func() time.Time, log *slog.Logger) (*Service, error) {
	switch {
	case db == nil:
		return nil, errors.New("notify: no store")
	case win == nil:
		return nil, errors.New("notify: no messaging rules")
	case len(cfg.Key) < 16:
		return nil, errors.New("notify: unsubscribe key shorter than 16 bytes")
	case cfg.DigestHour < 0 || cfg.DigestHour > 23:
		return nil, fmt.Errorf("notify: digest hour %d not in 0–23", cfg.DigestHour)
	case strings.ContainsAny(cfg.From, "\r\n<>"):
		return nil, fmt.Errorf("notify: invalid sender address %q", cfg.From)
	}
	cfg.defaults()
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if !strings.HasPrefix(cfg.BaseURL, "https://") && !strings.HasPrefix(cfg.BaseURL, "http://") {
		return nil, fmt.Errorf("notify: base URL %q is not an absolute http(s) URL", cfg.BaseURL)
	}
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	return &Service{db: db, win: win, cfg: cfg, now: now, log: log, zones: map[string]*time.Location{}}, nil
}

// Enabled reports whether a relay is configured.
func (s *Service) Enabled() bool { return s.cfg.SMTPAddr != "" }

// Run runs a pass every interval until ctx ends. Errors are logged: the
// next pass tries again.
func (s *Service) Run(ctx context.Context, every time.Duration) {
	if !s.Enabled() {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if err := s.RunOnce(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("notifications", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunOnce collects, dispatches and delivers once (see the package
// documentation).
// A failing step does not stop the next: e-mails already queued go out
// even if collecting failed.
func (s *Service) RunOnce(ctx context.Context) error {
	return errors.Join(s.Collect(ctx), s.Dispatch(ctx), s.Deliver(ctx))
}

const batch = 500

// Collect records the events of what was delivered since the last pass.
func (s *Service) Collect(ctx context.Context) error {
	now := s.now()
	nowM, oldest := store.Micros(now), store.Micros(now.Add(-s.cfg.MaxAge))
	cursor, err := s.db.NotifyCursor(ctx)
	if err != nil {
		return err
	}
	msgs, err := s.db.NotifyMessagesAfter(ctx, cursor, batch)
	if err != nil {
		return err
	}
	advance, settled := cursor, true
	settleBefore := store.Micros(now.Add(-s.cfg.Settle))
	for _, m := range msgs {
		if m.SentAt >= oldest {
			if err := s.collect(ctx, m, nowM); err != nil {
				return err
			}
			if m.Status == string(bouclier.StatusHeld) || m.Status == string(bouclier.StatusDeferred) || m.Pending {
				if err := s.db.WatchNotify(ctx, m.ID, nowM); err != nil {
					return err
				}
			}
		}
		if settled && m.SentAt < settleBefore {
			advance = m.ID
		} else {
			settled = false
		}
	}
	if advance > cursor {
		if err := s.db.AdvanceNotifyCursor(ctx, advance); err != nil {
			return err
		}
	}
	// Messages watched longer than MaxAge never settled: dropped.
	if err := s.db.UnwatchNotify(ctx, 0, oldest); err != nil {
		return err
	}
	watched, err := s.db.NotifyWatched(ctx, batch)
	if err != nil {
		return err
	}
	for _, m := range watched {
		if err := s.collect(ctx, m, nowM); err != nil {
			return err
		}
		if m.Status != string(bouclier.StatusHeld) && m.Status != string(bouclier.StatusDeferred) && !m.Pending {
			if err := s.db.UnwatchNotify(ctx, m.ID, 0); err != nil {
				return err
			}
		}
	}
	notices, err := s.db.PendingNoticeEmails(ctx, batch)
	if err != nil {
		return err
	}
	for _, n := range notices {
		if _, err := s.db.CollectNoticeEvent(ctx, n, nowM); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) collect(ctx context.Context, m store.NotifyMessage, now int64) error {
	if m.Status != string(bouclier.StatusDelivered) && m.Status != string(bouclier.StatusDeferred) {
		return nil // held: nobody sees it yet; rejected: nobody ever will
	}
	_, err := s.db.CollectMessageEvents(ctx, m.ID, m.Urgent, now)
	return err
}

// Dispatch turns due events into queued e-mails (see the package
// documentation for the order of the checks).
func (s *Service) Dispatch(ctx context.Context) error {
	now := s.now()
	events, err := s.db.DueNotifyEvents(ctx, store.Micros(now), batch)
	if err != nil {
		return err
	}
	var errs []error
	for i := 0; i < len(events); {
		j := i
		for j < len(events) && events[j].UserID == events[i].UserID {
			j++
		}
		if err := s.dispatchUser(ctx, events[i].UserID, events[i:j], now); err != nil {
			errs = append(errs, fmt.Errorf("notify user %d: %w", events[i].UserID, err))
		}
		i = j
	}
	return errors.Join(errs...)
}

func ids(evs []store.NotifyEvent) []int64 {
	out := make([]int64, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

func (s *Service) dispatchUser(ctx context.Context, userID int64, evs []store.NotifyEvent, now time.Time) error {
	u, err := s.db.UserByID(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		return s.db.SkipNotifyEvents(ctx, ids(evs))
	}
	if err != nil {
		return err
	}
	addr, ok := validAddress(u.Email)
	if u.Disabled || !ok {
		return s.db.SkipNotifyEvents(ctx, ids(evs))
	}
	var notices, urgent, normal []store.NotifyEvent
	for _, e := range evs {
		switch {
		case e.Kind == "notice":
			notices = append(notices, e)
		case e.Urgent:
			urgent = append(urgent, e)
		default:
			normal = append(normal, e)
		}
	}
	for _, e := range notices {
		if err := s.queueNotice(ctx, u, addr, e, now); err != nil {
			return err
		}
	}
	if len(urgent)+len(normal) == 0 {
		return nil
	}
	mode, err := s.mode(ctx, u)
	if err != nil {
		return err
	}
	if mode == None {
		return s.db.SkipNotifyEvents(ctx, ids(append(urgent, normal...)))
	}
	for _, e := range urgent {
		if err := s.queueMessages(ctx, u, addr, []store.NotifyEvent{e}, true, now); err != nil {
			return err
		}
	}
	// Stale events are dropped; a digest reader's wait for their digest.
	var due, stale []store.NotifyEvent
	later := map[int64][]int64{}
	for _, e := range normal {
		switch {
		case e.CreatedAt < store.Micros(now.Add(-s.cfg.MaxAge)):
			stale = append(stale, e)
		case mode == Digest:
			slot := s.digestSlot(ctx, u, time.UnixMicro(e.CreatedAt))
			if slot.After(now) {
				later[store.Micros(slot)] = append(later[store.Micros(slot)], e.ID)
				continue
			}
			due = append(due, e)
		default:
			due = append(due, e)
		}
	}
	if err := s.db.SkipNotifyEvents(ctx, ids(stale)); err != nil {
		return err
	}
	for at, list := range later {
		if err := s.db.PostponeNotifyEvents(ctx, list, at); err != nil {
			return err
		}
	}
	if len(due) == 0 {
		return nil
	}
	open, next, err := s.mayReceive(ctx, u, now)
	if err != nil {
		return err
	}
	if !open {
		return s.db.PostponeNotifyEvents(ctx, ids(due), store.Micros(next))
	}
	if mode == Digest {
		return s.queueMessages(ctx, u, addr, due, false, now)
	}
	for _, e := range due {
		if err := s.queueMessages(ctx, u, addr, []store.NotifyEvent{e}, false, now); err != nil {
			return err
		}
	}
	return nil
}

// mayReceive reports whether u may receive messages now and, if not, when
// to look again: the next opening, or within an hour (a rule may change).
func (s *Service) mayReceive(ctx context.Context, u bouclier.User, now time.Time) (bool, time.Time, error) {
	d, err := s.win.Decide(ctx, u, now, false)
	if err != nil {
		return false, time.Time{}, err
	}
	if d.Receive == policy.Allow {
		return true, now, nil
	}
	next := d.ReceiveAt
	if next.IsZero() || (!d.Until.IsZero() && d.Until.Before(next)) {
		next = d.Until
	}
	if limit := now.Add(time.Hour); next.IsZero() || next.After(limit) {
		next = limit
	}
	if !next.After(now) {
		next = now.Add(time.Minute)
	}
	return false, next, nil
}

// mode returns u's choice, or the default of their role.
func (s *Service) mode(ctx context.Context, u bouclier.User) (Mode, error) {
	m, err := s.db.NotifyMode(ctx, u.ID)
	if err != nil {
		return "", err
	}
	if Mode(m).Valid() {
		return Mode(m), nil
	}
	return DefaultMode(u.Role), nil
}

// digestSlot is the first digest time at or after t, in u's time zone.
func (s *Service) digestSlot(ctx context.Context, u bouclier.User, t time.Time) time.Time {
	lt := t.In(s.location(ctx, u))
	slot := time.Date(lt.Year(), lt.Month(), lt.Day(), s.cfg.DigestHour, 0, 0, 0, lt.Location())
	if slot.Before(lt) {
		slot = time.Date(lt.Year(), lt.Month(), lt.Day()+1, s.cfg.DigestHour, 0, 0, 0, lt.Location())
	}
	return slot
}

// location is the time zone of u's académie (Europe/Paris by default), as
// for the messaging rules.
func (s *Service) location(ctx context.Context, u bouclier.User) *time.Location {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l, ok := s.zones[u.Academie]; ok {
		return l
	}
	if acs, err := s.db.Academies(ctx); err == nil {
		for _, a := range acs {
			if l, err := time.LoadLocation(a.TimeZone); err == nil {
				s.zones[a.ID] = l
			}
		}
	}
	if l, ok := s.zones[u.Academie]; ok {
		return l
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.UTC
	}
	return paris
}

// validAddress returns the bare address of a usable e-mail, or false.
func validAddress(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "\r\n<>") {
		return "", false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return "", false
	}
	return a.Address, true
}

func (s *Service) queue(ctx context.Context, evs []store.NotifyEvent, m store.OutboxMail) error {
	_, err := s.db.QueueMail(ctx, ids(evs), m)
	if errors.Is(err, store.ErrClaimed) {
		return nil // another process queued them
	}
	return err
}

func (s *Service) queueNotice(ctx context.Context, u bouclier.User, addr string, e store.NotifyEvent, now time.Time) error {
	n, err := s.db.Notice(ctx, e.RefID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && n.UserID != u.ID) {
		return s.db.SkipNotifyEvents(ctx, []int64{e.ID})
	}
	if err != nil {
		return err
	}
	subject, body := noticeMail(n, s.cfg.BaseURL)
	return s.queue(ctx, []store.NotifyEvent{e}, store.OutboxMail{UserID: u.ID, To: addr, Subject: subject, Body: body,
		Urgent: true, CreatedAt: store.Micros(now), NextAt: store.Micros(now)})
}

// queueMessages queues one e-mail about evs (one event: a notice of that
// message; several: a digest). Messages no longer visible to u (recalled,
// trashed, already read) are left out.
func (s *Service) queueMessages(ctx context.Context, u bouclier.User, addr string, evs []store.NotifyEvent, urgent bool, now time.Time) error {
	var keep, drop []store.NotifyEvent
	var entries []store.Entry
	for _, e := range evs {
		en, err := s.db.MessageFor(ctx, u.ID, e.RefID)
		if errors.Is(err, store.ErrNotFound) {
			drop = append(drop, e)
			continue
		}
		if err != nil {
			return err
		}
		if en.Read || en.Trashed || en.SenderID == u.ID {
			drop = append(drop, e)
			continue
		}
		keep, entries = append(keep, e), append(entries, en)
	}
	if err := s.db.SkipNotifyEvents(ctx, ids(drop)); err != nil {
		return err
	}
	if len(keep) == 0 {
		return nil
	}
	civ, err := s.civilities(ctx, entries)
	if err != nil {
		return err
	}
	var subject, body string
	if len(entries) == 1 {
		subject, body = messageMail(u, entries[0], civ[entries[0].Sender], s.cfg.BaseURL)
	} else {
		subject, body = digestMail(u, entries, civ, s.cfg.BaseURL)
	}
	return s.queue(ctx, keep, store.OutboxMail{UserID: u.ID, To: addr, Subject: subject, Body: body, Unsubscribe: true,
		Urgent: urgent, CreatedAt: store.Micros(now), NextAt: store.Micros(now)})
}

// civilities reads the civility of the senders of entries, by username:
// messages carry their sender's name and role, not the civility the
// e-mail's wording agrees with.
func (s *Service) civilities(ctx context.Context, entries []store.Entry) (map[string]string, error) {
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Sender)
	}
	users, err := s.db.UsersNamed(ctx, names)
	if err != nil {
		return nil, fmt.Errorf("senders of a notice: %w", err)
	}
	out := make(map[string]string, len(users))
	for name, u := range users {
		out[name] = u.Civility
	}
	return out, nil
}

// Deliver sends the due e-mails of the outbox.
func (s *Service) Deliver(ctx context.Context) error {
	if !s.Enabled() {
		return nil
	}
	now := s.now()
	due, err := s.db.DueMails(ctx, store.Micros(now), batch)
	if err != nil {
		return err
	}
	for _, d := range due {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := s.deliver(ctx, d, now); err != nil {
			return err
		}
	}
	return nil
}

// backoff is the wait after the attempt-th failure.
func (s *Service) backoff(attempt int) time.Duration {
	d := s.cfg.Backoff
	for i := 1; i < attempt && d < s.cfg.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, s.cfg.MaxBackoff)
}

func (s *Service) deliver(ctx context.Context, d store.DueMail, now time.Time) error {
	if !d.Urgent {
		u, err := s.db.UserByID(ctx, d.UserID)
		if errors.Is(err, store.ErrNotFound) {
			return s.db.MailFailed(ctx, d.ID, store.Micros(now), true, "account deleted")
		}
		if err != nil {
			return err
		}
		open, next, err := s.mayReceive(ctx, u, now)
		if err != nil {
			return err
		}
		if !open {
			return s.db.PostponeMail(ctx, d.ID, store.Micros(now), store.Micros(next))
		}
	}
	lease := max(3*s.cfg.Timeout, time.Minute)
	m, ok, err := s.db.ClaimMail(ctx, d.ID, store.Micros(now), store.Micros(now.Add(lease)))
	if err != nil || !ok {
		return err
	}
	msg, err := s.compose(m, now)
	if err == nil {
		err = sendMail(ctx, s.cfg.SMTPAddr, s.cfg.From, m.To, msg, s.cfg.Timeout)
	}
	// The outcome is recorded even if ctx ended meanwhile.
	rctx := context.WithoutCancel(ctx)
	if err == nil {
		return s.db.MailSent(rctx, m.ID, store.Micros(s.now()))
	}
	final := m.Attempts >= s.cfg.MaxAttempts
	msgErr := err.Error()
	if len(msgErr) > 500 {
		msgErr = msgErr[:500]
	}
	s.log.Warn("notification e-mail", "id", m.ID, "attempt", m.Attempts, "final", final, "err", msgErr)
	return s.db.MailFailed(rctx, m.ID, store.Micros(now.Add(s.backoff(m.Attempts))), final, msgErr)
}

// Token returns the unsubscribe token of a user: their id and an HMAC of
// it under the configured key, so that nothing needs storing and no one
// can forge another's.
func (s *Service) Token(userID int64) string {
	id := strconv.FormatInt(userID, 10)
	return id + "." + base64.RawURLEncoding.EncodeToString(s.mac(id))
}

func (s *Service) mac(id string) []byte {
	h := hmac.New(sha256.New, s.cfg.Key)
	h.Write([]byte("bouclier notify unsubscribe\x00" + id))
	return h.Sum(nil)[:24]
}

// userOfToken returns the user id a token was made for, or false.
func (s *Service) userOfToken(token string) (int64, bool) {
	id, sig, ok := strings.Cut(token, ".")
	if !ok || len(id) > 19 {
		return 0, false
	}
	uid, err := strconv.ParseInt(id, 10, 64)
	if err != nil || uid <= 0 || strconv.FormatInt(uid, 10) != id {
		return 0, false
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return 0, false
	}
	return uid, hmac.Equal(got, s.mac(id))
}

// UnsubscribeURL is the one-click unsubscribe address of a user.
func (s *Service) UnsubscribeURL(userID int64) string {
	return s.cfg.BaseURL + UnsubscribePath + "?t=" + s.Token(userID)
}

// Unsubscribe turns a user's message notifications off from the token of
// an e-mail's link, without a session (RFC 8058), and audits it. Errors:
// not_found (a wrong or unknown token, alike).
func (s *Service) Unsubscribe(ctx context.Context, token, source string) error {
	uid, ok := s.userOfToken(token)
	if !ok {
		return bouclier.Errorf(bouclier.ErrNotFound, "Lien de désabonnement invalide.")
	}
	u, err := s.db.UserByID(ctx, uid)
	if errors.Is(err, store.ErrNotFound) {
		return bouclier.Errorf(bouclier.ErrNotFound, "Lien de désabonnement invalide.")
	}
	if err != nil {
		return err
	}
	return s.setMode(ctx, u, None, u.Username, source, "one-click unsubscribe")
}

// Settings is what the account page shows.
type Settings struct {
	Mode     Mode
	Default  Mode // the mode of the role, when none was chosen
	Chosen   bool // Mode was chosen rather than the default
	Email    string
	Enabled  bool // a relay is configured
	Recent   []store.OutboxMail
	Digest   int // the digest hour
	NoBody   bool
	Disabled bool
}

// Settings returns the actor's own notification settings. Errors:
// unauthenticated (no user session).
func (s *Service) Settings(ctx context.Context, a bouclier.Actor) (Settings, error) {
	if a.IsSystem() || a.User.ID == 0 || len(a.SessionHash) == 0 {
		return Settings{}, bouclier.Errorf(bouclier.ErrUnauthenticated, "Connectez-vous.")
	}
	m, err := s.db.NotifyMode(ctx, a.User.ID)
	if err != nil {
		return Settings{}, err
	}
	recent, err := s.db.UserMails(ctx, a.User.ID, 5)
	if err != nil {
		return Settings{}, err
	}
	st := Settings{Mode: Mode(m), Default: DefaultMode(a.User.Role), Chosen: Mode(m).Valid(), Email: a.User.Email,
		Enabled: s.Enabled(), Recent: recent, Digest: s.cfg.DigestHour, NoBody: a.User.Role == bouclier.RoleStudent}
	if !st.Chosen {
		st.Mode = st.Default
	}
	return st, nil
}

// SetMode records the actor's own choice, audited. Errors:
// unauthenticated, invalid_request (unknown mode).
func (s *Service) SetMode(ctx context.Context, a bouclier.Actor, mode Mode) error {
	if a.IsSystem() || a.User.ID == 0 || len(a.SessionHash) == 0 {
		return bouclier.Errorf(bouclier.ErrUnauthenticated, "Connectez-vous.")
	}
	if !mode.Valid() {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Choix de notification inconnu.")
	}
	return s.setMode(ctx, a.User, mode, a.User.Username, a.Source, "account page")
}

func (s *Service) setMode(ctx context.Context, u bouclier.User, mode Mode, actor, source, via string) error {
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetNotifyMode(ctx, u.ID, string(mode), store.Micros(now)); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: actor, Action: "notify.mode", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: source, Detail: "mode=" + string(mode) + " via=" + via})
	})
}

// FromEnv reads BOUCLIER_SMTP_ADDR (the relay the alerts use too),
// BOUCLIER_NOTIFY_FROM (BOUCLIER_ALERT_FROM when unset) and
// BOUCLIER_NOTIFY_DIGEST_HOUR. The key and the base URL come from the
// server's configuration.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{SMTPAddr: getenv("BOUCLIER_SMTP_ADDR"), From: getenv("BOUCLIER_NOTIFY_FROM")}
	if c.From == "" {
		c.From = getenv("BOUCLIER_ALERT_FROM")
	}
	if h := getenv("BOUCLIER_NOTIFY_DIGEST_HOUR"); h != "" {
		n, err := strconv.Atoi(h)
		if err != nil || n < 1 || n > 23 {
			return c, fmt.Errorf("BOUCLIER_NOTIFY_DIGEST_HOUR %q: an hour from 1 to 23", h)
		}
		c.DigestHour = n
	}
	return c, nil
}
