// Package ackforms is what a message asks of its recipients once sent: a
// read acknowledgement (« accusé de lecture ») and a question answered once
// per family (permission slip, poll, meeting slot).
//
// The request travels with the message (messaging.Draft.Ack and Form) and
// is stored in the send's transaction; this package answers, reports and
// reminds. Every method decides here who may act on which message, and
// the store's queries enforce it again:
//
//   - only a recipient to whom the message was delivered acknowledges or
//     answers (anyone else gets not_found, as for the message itself);
//   - a family answers once: the answer is keyed by the pupil, whoever of
//     the pupil or their parents gives it; the others see it and who gave
//     it, and cannot change it (a permission slip is a commitment: a
//     change goes through a reply to the sender);
//   - only the sender and the head of the message's establishment see the
//     results and export them; only the sender reminds, at most once per
//     RemindEvery.
//
// A family is a pupil and the parents the directory links to them
// (parent_links). A parent answers for each of their children in the
// establishment the message comes from; a pupil answers for themself.
// Personnel among the recipients acknowledge but answer no form.
package ackforms

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// Sender sends the reminders, through the whole send path (rules,
// screen, campaign watch): a reminder is a message like any other.
type Sender interface {
	Send(ctx context.Context, sender bouclier.User, d messaging.Draft, source string) (messaging.Result, error)
}

// DefaultRemindEvery is the least time between two reminders of a message.
const DefaultRemindEvery = 24 * time.Hour

// Options configure a Service.
type Options struct {
	RemindEvery time.Duration // DefaultRemindEvery when zero
	Now         func() time.Time
	Log         *slog.Logger
}

// Service answers, reports on and reminds the requests of messages.
type Service struct {
	db          *store.DB
	send        Sender
	remindEvery time.Duration
	now         func() time.Time
	log         *slog.Logger
}

// New returns the service; the store and the sender are required.
func New(db *store.DB, send Sender, o Options) (*Service, error) {
	if db == nil || send == nil {
		return nil, errors.New("ackforms: missing store or sender")
	}
	s := &Service{db: db, send: send, remindEvery: o.RemindEvery, now: o.Now, log: o.Log}
	if s.remindEvery <= 0 {
		s.remindEvery = DefaultRemindEvery
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	return s, nil
}

var errNotFound = bouclier.Errorf(bouclier.ErrNotFound, "Message introuvable.")

// person returns the user an actor acts for; the system and the zero
// actor answer nothing.
func person(a bouclier.Actor) (bouclier.User, error) {
	if a.IsSystem() || a.User.ID == 0 {
		return bouclier.User{}, bouclier.Errorf(bouclier.ErrUnauthenticated, "Connectez-vous.")
	}
	if a.User.Disabled {
		return bouclier.User{}, bouclier.Errorf(bouclier.ErrForbidden, "Ce compte est désactivé.")
	}
	return a.User, nil
}

// Slot is one family a recipient answers for: the pupil, and the answer
// given if any.
type Slot struct {
	Child  bouclier.User
	Answer *store.FormAnswer // nil: not answered yet
	Label  string            // the answer's label
	ByMe   bool              // the one looking gave it
}

// View is what a message's page shows its reader of the request.
type View struct {
	Request store.AckRequest
	Asked   bool // the message asks something
	Sender  bool // the reader sent it (and sees the results)
	// Results: the reader may open the results page, as its sender or as
	// the head of the message's establishment (the same check as Results).
	Results bool
	// For a recipient: whether an acknowledgement is asked and given, and
	// the families they answer for.
	Acked   bool
	AckedAt int64
	Slots   []Slot
}

// View returns what message id asks of u, and where u stands. A message
// that asks nothing gives a View with Asked false. Errors: not_found (the
// reader may not see the message).
func (s *Service) View(ctx context.Context, a bouclier.Actor, id int64) (View, error) {
	u, err := person(a)
	if err != nil {
		return View{}, err
	}
	e, err := s.db.MessageFor(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return View{}, errNotFound
	}
	if err != nil {
		return View{}, err
	}
	req, err := s.db.AckRequest(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return View{}, nil
	}
	if err != nil {
		return View{}, err
	}
	v := View{Request: req, Asked: true, Sender: e.SenderID == u.ID, Results: mayReadResults(u, e.SenderID, e.UAI)}
	if v.Sender {
		return v, nil
	}
	if req.Ack {
		acks, err := s.db.Acks(ctx, id)
		if err != nil {
			return v, err
		}
		v.AckedAt, v.Acked = acks[u.ID], acks[u.ID] != 0
	}
	if req.HasForm() {
		kids, err := s.families(ctx, u, e.UAI)
		if err != nil {
			return v, err
		}
		answers, err := s.db.FormAnswers(ctx, id)
		if err != nil {
			return v, err
		}
		for _, k := range kids {
			sl := Slot{Child: k}
			if ans, ok := answers[k.ID]; ok {
				sl.Answer, sl.Label, sl.ByMe = &ans, label(req, ans.Choice), ans.AnsweredBy == u.ID
			}
			v.Slots = append(v.Slots, sl)
		}
	}
	return v, nil
}

// families lists the pupils u answers for on a message from establishment
// uai: themself for a pupil, their children there for a parent, nobody
// for personnel.
func (s *Service) families(ctx context.Context, u bouclier.User, uai string) ([]bouclier.User, error) {
	switch u.Role {
	case bouclier.RoleStudent:
		return []bouclier.User{u}, nil
	case bouclier.RoleParent:
		kids, err := s.db.Children(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		return slices.DeleteFunc(kids, func(k bouclier.User) bool {
			return k.Role != bouclier.RoleStudent || (uai != "" && k.UAI != uai)
		}), nil
	}
	return nil, nil
}

func label(r store.AckRequest, choice int) string {
	if choice >= 0 && choice < len(r.Choices) {
		return r.Choices[choice]
	}
	return "?"
}

// received returns message id if u received it (not as its sender) and
// what it asks. Errors: not_found (u cannot see it), forbidden (u sent
// it), invalid_request (it asks nothing).
func (s *Service) received(ctx context.Context, u bouclier.User, id int64) (store.Entry, store.AckRequest, error) {
	e, err := s.db.MessageFor(ctx, u.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		return e, store.AckRequest{}, errNotFound
	}
	if err != nil {
		return e, store.AckRequest{}, err
	}
	if e.SenderID == u.ID {
		return e, store.AckRequest{}, bouclier.Errorf(bouclier.ErrForbidden, "Vous êtes l’expéditeur de ce message.")
	}
	req, err := s.db.AckRequest(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return e, req, bouclier.Errorf(bouclier.ErrInvalidRequest, "Ce message ne demande ni accusé de lecture ni réponse.")
	}
	return e, req, err
}

// Acknowledge records that the actor read message id; doing it again
// changes nothing. Errors: not_found (not a recipient), forbidden (the
// sender), invalid_request (no acknowledgement asked).
func (s *Service) Acknowledge(ctx context.Context, a bouclier.Actor, id int64) error {
	u, err := person(a)
	if err != nil {
		return err
	}
	_, req, err := s.received(ctx, u, id)
	if err != nil {
		return err
	}
	if !req.Ack {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Ce message ne demande pas d’accusé de lecture.")
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		added, err := tx.Acknowledge(ctx, id, u.ID, store.Micros(now))
		if err != nil || !added {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "message.acknowledged",
			Target: fmt.Sprintf("message:%d", id), Scope: u.Scope(), Source: a.Source})
	})
}

// Answer records the actor's answer for pupil childID to message id's
// question. Errors: not_found (not a recipient), forbidden (the sender, or
// a pupil the actor does not answer for), invalid_request (no question, an
// unknown choice), conflict (the family has answered already; the message
// says who and what).
func (s *Service) Answer(ctx context.Context, a bouclier.Actor, id, childID int64, choice int) error {
	u, err := person(a)
	if err != nil {
		return err
	}
	e, req, err := s.received(ctx, u, id)
	if err != nil {
		return err
	}
	if !req.HasForm() {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Ce message ne pose pas de question.")
	}
	if choice < 0 || choice >= len(req.Choices) {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Choisissez une des réponses proposées.")
	}
	kids, err := s.families(ctx, u, e.UAI)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(kids, func(k bouclier.User) bool { return k.ID == childID })
	if i < 0 {
		return bouclier.Errorf(bouclier.ErrForbidden, "Vous ne pouvez pas répondre pour cet élève.")
	}
	child, now := kids[i], s.now()
	var stored bool
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		stored, err = tx.AnswerForm(ctx, store.FormAnswer{MessageID: id, ChildID: childID, Choice: choice, AnsweredBy: u.ID, At: store.Micros(now)})
		if err != nil || !stored {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "form.answered",
			Target: fmt.Sprintf("message:%d", id), Scope: u.Scope(), Source: a.Source,
			Detail: fmt.Sprintf("child=%s choice=%d", child.Username, choice)})
	})
	if err != nil {
		return err
	}
	if !stored {
		answers, err := s.db.FormAnswers(ctx, id)
		if err != nil {
			return err
		}
		prev, ok := answers[childID]
		if !ok { // the delivery went away (recall) between the checks
			return errNotFound
		}
		return bouclier.Errorf(bouclier.ErrConflict, "%s a déjà répondu pour %s\u00a0: «\u00a0%s\u00a0». Pour changer cette réponse, écrivez à l’expéditeur.",
			prev.ByName, child.DisplayName, label(req, prev.Choice))
	}
	return nil
}

// Person is a recipient in the results.
type Person struct {
	User     bouclier.User
	Children []string // a parent's children's names, in this class
	Acked    bool
	AckedAt  int64
}

// Family is a pupil's family in the results.
type Family struct {
	Child  bouclier.User
	Answer *store.FormAnswer // nil: not answered
	Label  string
}

// Class is the results of one class. A pupil counts in their class, a
// parent in each of their children's classes, personnel under
// "Personnel".
type Class struct {
	Name     string
	People   []Person
	Families []Family
	Acked    int
	Answered int
	Counts   []int // answers per choice
}

// Results is what the sender sees of a request.
type Results struct {
	Message  bouclier.Message
	Request  store.AckRequest
	Sender   bool // the reader sent it (and may remind)
	Classes  []Class
	People   int // distinct recipients
	Acked    int
	Families int
	Answered int
	Counts   []int
	// Pending are the recipients a reminder would reach; NextReminder is
	// when the next one is allowed (zero: now).
	Pending      []bouclier.User
	NextReminder time.Time
}

// personnelClass is the group of recipients who are not families.
const personnelClass = "Personnel"

// Results returns who acknowledged and how families answered, per class.
// Only the sender and the head of the message's establishment may see
// them; a head's reading of another's results is audited. Errors:
// not_found (anyone else, or a message that asks nothing).
func (s *Service) Results(ctx context.Context, a bouclier.Actor, id int64) (Results, error) {
	u, err := person(a)
	if err != nil {
		return Results{}, err
	}
	e, err := s.db.MessageByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return Results{}, errNotFound
	}
	if err != nil {
		return Results{}, err
	}
	sender := e.SenderID == u.ID
	if !mayReadResults(u, e.SenderID, e.UAI) {
		return Results{}, errNotFound
	}
	req, err := s.db.AckRequest(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return Results{}, errNotFound
	}
	if err != nil {
		return Results{}, err
	}
	if !sender {
		now := s.now()
		if err := s.db.InTx(ctx, func(tx *store.Tx) error {
			return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "form.results_viewed",
				Target: fmt.Sprintf("message:%d", id), Scope: u.Scope(), Source: a.Source})
		}); err != nil {
			return Results{}, err
		}
	}
	r, err := s.compute(ctx, e.Message, req)
	r.Sender = sender
	return r, err
}

// mayReadResults reports whether u may see the results of a message sent
// by senderID from establishment uai: its sender, or the head of that
// establishment.
func mayReadResults(u bouclier.User, senderID int64, uai string) bool {
	if senderID == u.ID {
		return true
	}
	return u.Role == bouclier.RoleHead && u.UAI != "" && u.UAI == uai
}

// compute builds the results of message m's request.
func (s *Service) compute(ctx context.Context, m bouclier.Message, req store.AckRequest) (Results, error) {
	r := Results{Message: m, Request: req, Counts: make([]int, len(req.Choices))}
	users, err := s.db.Recipients(ctx, m.ID)
	if err != nil {
		return r, err
	}
	links, err := s.db.RecipientChildren(ctx, m.ID)
	if err != nil {
		return r, err
	}
	acks, err := s.db.Acks(ctx, m.ID)
	if err != nil {
		return r, err
	}
	answers, err := s.db.FormAnswers(ctx, m.ID)
	if err != nil {
		return r, err
	}
	className := func(k bouclier.User) string {
		c := k.Class
		if c == "" {
			c = "Sans classe"
		}
		if m.UAI != "" && k.UAI != m.UAI {
			c += " (" + k.UAI + ")"
		}
		return c
	}
	children := map[int64][]bouclier.User{}
	for _, l := range links {
		if m.UAI == "" || l.Child.UAI == m.UAI {
			children[l.ParentID] = append(children[l.ParentID], l.Child)
		}
	}
	classes := map[string]*Class{}
	class := func(name string) *Class {
		c := classes[name]
		if c == nil {
			c = &Class{Name: name, Counts: make([]int, len(req.Choices))}
			classes[name] = c
		}
		return c
	}
	// Families: the pupils among the recipients and the children of the
	// parents among them, each once.
	pupils := map[int64]bouclier.User{}
	var pending []bouclier.User
	pendingSet := map[int64]bool{}
	addPending := func(u bouclier.User) {
		if !pendingSet[u.ID] && !u.Disabled {
			pendingSet[u.ID] = true
			pending = append(pending, u)
		}
	}
	for _, u := range users {
		r.People++
		p := Person{User: u, AckedAt: acks[u.ID]}
		p.Acked = p.AckedAt != 0
		if p.Acked {
			r.Acked++
		} else if req.Ack {
			addPending(u)
		}
		var groups []string
		switch u.Role {
		case bouclier.RoleStudent:
			groups = []string{className(u)}
			pupils[u.ID] = u
		case bouclier.RoleParent:
			byClass := map[string][]string{}
			for _, k := range children[u.ID] {
				pupils[k.ID] = k
				byClass[className(k)] = append(byClass[className(k)], k.DisplayName)
			}
			for g := range byClass {
				groups = append(groups, g)
			}
			sort.Strings(groups)
			if len(groups) == 0 {
				groups = []string{"Sans classe"}
			}
			for _, g := range groups {
				q := p
				q.Children = byClass[g]
				c := class(g)
				c.People = append(c.People, q)
				if q.Acked {
					c.Acked++
				}
			}
			continue
		default:
			groups = []string{personnelClass}
		}
		c := class(groups[0])
		c.People = append(c.People, p)
		if p.Acked {
			c.Acked++
		}
	}
	if req.HasForm() {
		for _, k := range pupils {
			f := Family{Child: k}
			c := class(className(k))
			r.Families++
			if ans, ok := answers[k.ID]; ok {
				f.Answer, f.Label = &ans, label(req, ans.Choice)
				r.Answered++
				c.Answered++
				if ans.Choice >= 0 && ans.Choice < len(r.Counts) {
					r.Counts[ans.Choice]++
					c.Counts[ans.Choice]++
				}
			} else {
				// The family's recipients are reminded: the pupil if they
				// received it, and their parents who did.
				for _, u := range users {
					if u.ID == k.ID || (u.Role == bouclier.RoleParent && slices.ContainsFunc(children[u.ID], func(x bouclier.User) bool { return x.ID == k.ID })) {
						addPending(u)
					}
				}
			}
			c.Families = append(c.Families, f)
		}
	}
	for _, c := range classes {
		sort.Slice(c.People, func(i, j int) bool { return c.People[i].User.DisplayName < c.People[j].User.DisplayName })
		sort.Slice(c.Families, func(i, j int) bool { return c.Families[i].Child.DisplayName < c.Families[j].Child.DisplayName })
		r.Classes = append(r.Classes, *c)
	}
	sort.Slice(r.Classes, func(i, j int) bool {
		a, b := r.Classes[i].Name, r.Classes[j].Name
		if (a == personnelClass) != (b == personnelClass) {
			return b == personnelClass
		}
		return a < b
	})
	sort.Slice(pending, func(i, j int) bool { return pending[i].Username < pending[j].Username })
	r.Pending = pending
	if req.RemindedAt != 0 {
		if next := time.UnixMicro(req.RemindedAt).Add(s.remindEvery); next.After(s.now()) {
			r.NextReminder = next
		}
	}
	return r, nil
}

// maxReminded bounds the recipients of one reminder, as a wide send.
const maxReminded = 2000

// Remind sends, from the sender, a reminder to the recipients who have not
// acknowledged or whose family has not answered, as a reply in the
// message's thread, through the whole send path. At most one reminder per
// RemindEvery; audited. It returns the reminder's send result. Errors:
// not_found (anyone but the sender and the establishment's head),
// forbidden (the head who did not send it), invalid_request (a message not
// delivered, or nobody left to remind), throttled (reminded too recently), and those of
// messaging.Send.
func (s *Service) Remind(ctx context.Context, a bouclier.Actor, id int64) (messaging.Result, int, error) {
	u, err := person(a)
	if err != nil {
		return messaging.Result{}, 0, err
	}
	res, err := s.Results(ctx, a, id)
	if err != nil {
		return messaging.Result{}, 0, err
	}
	if !res.Sender {
		return messaging.Result{}, 0, bouclier.Errorf(bouclier.ErrForbidden, "Seul l’expéditeur du message peut relancer ses destinataires.")
	}
	if res.Message.Status != bouclier.StatusDelivered || res.Message.Recalled {
		// Held, deferred, rejected or recalled: its recipients do not see
		// it, and a reminder would tell them of it.
		return messaging.Result{}, 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Ce message n’est pas distribué\u00a0: il n’y a rien à relancer.")
	}
	if len(res.Pending) == 0 {
		return messaging.Result{}, 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Tous les destinataires ont déjà répondu.")
	}
	if len(res.Pending) > maxReminded {
		return messaging.Result{}, 0, bouclier.Errorf(bouclier.ErrInvalidRequest, "Trop de destinataires à relancer (%d au plus).", maxReminded)
	}
	now := s.now()
	claimed := store.Micros(now)
	var prev int64
	var ok bool
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		prev, ok, err = tx.ClaimReminder(ctx, id, store.Micros(now.Add(-s.remindEvery)), claimed)
		return err
	})
	if err != nil {
		return messaging.Result{}, 0, err
	}
	if !ok {
		return messaging.Result{}, 0, bouclier.Errorf(bouclier.ErrThrottled, "Une relance a déjà été envoyée récemment\u00a0: une seule relance par %s.", every(s.remindEvery))
	}
	d := messaging.Draft{ParentID: id, SessionID: a.SessionID, Moved: a.Moved,
		Subject: reminderSubject(res.Message.Subject), Body: reminderBody(res.Message.Subject, res.Request)}
	for _, p := range res.Pending {
		d.To = append(d.To, "user:"+p.Username)
	}
	sent, err := s.send.Send(ctx, u, d, a.Source)
	if err != nil {
		if rerr := s.db.InTx(ctx, func(tx *store.Tx) error { return tx.ReleaseReminder(ctx, id, claimed, prev) }); rerr != nil {
			s.log.Error("release reminder claim", "message", id, "err", rerr)
		}
		return sent, 0, err
	}
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "message.reminded",
			Target: fmt.Sprintf("message:%d", id), Scope: u.Scope(), Source: a.Source,
			Detail: fmt.Sprintf("reminder=message:%d recipients=%d", sent.ID, len(res.Pending))})
	})
	return sent, len(res.Pending), err
}

func every(d time.Duration) string {
	if d >= time.Hour && d%time.Hour == 0 {
		if d == 24*time.Hour {
			return "jour"
		}
		return fmt.Sprintf("période de %d\u00a0h", int(d/time.Hour))
	}
	return fmt.Sprintf("période de %d\u00a0min", int(d/time.Minute))
}

func reminderSubject(subject string) string {
	s := "Rappel\u00a0: " + subject
	if r := []rune(s); len(r) > 200 {
		s = string(r[:199]) + "…"
	}
	return s
}

func reminderBody(subject string, req store.AckRequest) string {
	var b strings.Builder
	b.WriteString("Bonjour,\n\nSauf erreur, nous n’avons pas encore ")
	switch {
	case req.Ack && req.HasForm():
		b.WriteString("votre accusé de lecture ni votre réponse")
	case req.HasForm():
		b.WriteString("votre réponse")
	default:
		b.WriteString("votre accusé de lecture")
	}
	fmt.Fprintf(&b, " pour le message «\u00a0%s\u00a0».\n", subject)
	if req.HasForm() {
		fmt.Fprintf(&b, "Question\u00a0: «\u00a0%s\u00a0»\n", req.Question)
	}
	b.WriteString("Vous pouvez le faire depuis le message d’origine, dans ce fil de discussion.\n\nMerci.")
	return b.String()
}
