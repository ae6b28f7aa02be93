package policy

import (
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/frdate"
)

// Explanation is what `bouclier policy explain --json` and the API print.
// Send is true when a message would be accepted (possibly deferred: quiet
// hours); Receive is true when messages are delivered now. Until is when
// that changes, null when it does not within Horizon.
type Explanation struct {
	Send    bool       `json:"send"`
	Receive bool       `json:"receive"`
	Reason  string     `json:"reason"`
	Until   *time.Time `json:"until"`
}

// Explain decides for subj at now, without the urgent override, and phrases
// the decision in French.
func (s *Set) Explain(subj Subject, now time.Time) Explanation {
	d := s.Decide(subj, now, false)
	e := Explanation{Send: d.Send != Refuse, Receive: d.Receive == Allow, Reason: d.Message(now)}
	if d.Send == Allow && d.Receive == Allow && d.RuleID == "" &&
		(subj.Role == bouclier.RoleAcademyAdmin || subj.Role == bouclier.RoleNationalAdmin) {
		e.Reason = "Messagerie ouverte (les administrateurs ne sont soumis qu’aux règles qui les nomment)"
	}
	if !d.Until.IsZero() {
		u := d.Until
		e.Until = &u
	}
	return e
}

// Message phrases the decision in French for a user, with the times of
// change in the subject's zone: "Heures calmes (droit à la déconnexion) :
// les messages seront remis à 07:00".
func (d Decision) Message(now time.Time) string {
	switch {
	case d.Urgent && d.Send == Allow:
		return "Envoi urgent autorisé par dérogation — " + d.Reason
	case d.Send == Refuse:
		if !d.ReopenAt.IsZero() {
			return d.Reason + " — réouverture " + when(d.ReopenAt, now)
		}
		return d.Reason
	case d.Send == Defer:
		if !d.DeliverAt.IsZero() {
			return d.Reason + "\u00a0: les messages seront remis " + when(d.DeliverAt, now)
		}
		return d.Reason + "\u00a0: la remise des messages est différée"
	case d.Receive == Defer:
		if !d.ReceiveAt.IsZero() {
			return d.Reason + "\u00a0: les messages reçus seront remis " + when(d.ReceiveAt, now)
		}
		return d.Reason + "\u00a0: la remise des messages reçus est différée"
	case d.Receive == Refuse:
		return d.Reason + " (réception fermée)"
	}
	if !d.Until.IsZero() {
		w := when(d.Until, now)
		if rest, ok := strings.CutPrefix(w, "le "); ok {
			return d.Reason + " jusqu’au " + rest
		}
		return d.Reason + " jusqu’" + w
	}
	return d.Reason
}

// Err returns the API error for a refused send (403 messaging_closed, with
// when it reopens), or nil when the send is accepted.
func (d Decision) Err(now time.Time) error {
	if d.Send != Refuse {
		return nil
	}
	return &bouclier.Error{Code: bouclier.ErrMessagingClosed, Message: d.Message(now)}
}

// when says t relative to now, in t's zone: "à 7 h 00" within a day,
// "le lundi 3 mars à 7 h 00" beyond, with the year when it differs.
func when(t, now time.Time) string {
	if t.Sub(now) < 24*time.Hour {
		return "à " + frdate.Clock(t)
	}
	return "le " + frdate.Day(t, now) + " à " + frdate.Clock(t)
}
