package messaging

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// Form is a question asked with a message (permission slip, poll, meeting
// slot), answered once per family (package ackforms).
type Form struct {
	Question string
	// Choices are the answers offered; empty means yes or no.
	Choices []string
}

// The kinds of form, as stored.
const (
	FormYesNo  = "yesno"
	FormChoice = "choice"
)

// YesNo are the answers of a yes-or-no question.
var YesNo = []string{"Oui", "Non"}

// Form limits.
const (
	maxQuestion = 300
	maxChoice   = 100
	maxChoices  = 12
)

// MayRequest reports whether role may ask recipients for a read
// acknowledgement or a form: the establishment's personnel who write to
// families (teachers, staff, head).
func MayRequest(role bouclier.Role) bool {
	switch role {
	case bouclier.RoleTeacher, bouclier.RoleStaff, bouclier.RoleHead:
		return true
	}
	return false
}

// checkRequest vets what a draft asks of its recipients and normalises its
// form. Errors: forbidden (the sender has no authority to ask),
// invalid_request (an empty or oversized question, fewer than two or
// repeated choices).
func checkRequest(sender bouclier.User, d *Draft) error {
	if !d.Ack && d.Form == nil {
		return nil
	}
	if !MayRequest(sender.Role) {
		return bouclier.Errorf(bouclier.ErrForbidden, "Seuls les enseignants, la vie scolaire et la direction peuvent demander un accusé de lecture ou poser une question.")
	}
	if d.Form == nil {
		return nil
	}
	f := Form{Question: strings.TrimSpace(d.Form.Question)}
	switch {
	case f.Question == "":
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "La question est vide.")
	case !utf8.ValidString(f.Question) || utf8.RuneCountInString(f.Question) > maxQuestion:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "La question dépasse %d caractères.", maxQuestion)
	}
	seen := map[string]bool{}
	for _, c := range d.Form.Choices {
		c = strings.TrimSpace(c)
		if c == "" {
			continue // blank lines of the form
		}
		if !utf8.ValidString(c) || utf8.RuneCountInString(c) > maxChoice {
			return bouclier.Errorf(bouclier.ErrInvalidRequest, "Une réponse proposée dépasse %d caractères.", maxChoice)
		}
		if seen[strings.ToLower(c)] {
			return bouclier.Errorf(bouclier.ErrInvalidRequest, "La réponse «\u00a0%s\u00a0» est proposée deux fois.", c)
		}
		seen[strings.ToLower(c)] = true
		f.Choices = append(f.Choices, c)
	}
	switch {
	case len(d.Form.Choices) > 0 && len(f.Choices) < 2:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "Proposez au moins deux réponses, ou aucune pour une question oui/non.")
	case len(f.Choices) > maxChoices:
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "%d réponses proposées au plus.", maxChoices)
	}
	d.Form = &f
	return nil
}

// storeRequest writes what the draft asks with message id, in the send's
// transaction: a message is never stored without the request it carried.
func storeRequest(ctx context.Context, tx *store.Tx, id int64, d *Draft) error {
	if !d.Ack && d.Form == nil {
		return nil
	}
	r := store.AckRequest{Ack: d.Ack}
	if d.Form != nil {
		r.Question, r.Kind, r.Choices = d.Form.Question, FormYesNo, YesNo
		if len(d.Form.Choices) > 0 {
			r.Kind, r.Choices = FormChoice, d.Form.Choices
		}
	}
	return tx.InsertAckRequest(ctx, id, r)
}

// keepDraftRequest keeps with a draft what it asked, so that sending it
// after a second-factor check, or from the drafts, asks the same.
func keepDraftRequest(ctx context.Context, s *Service, draftID int64, d *Draft) {
	var q string
	var choices []string
	if d.Form != nil {
		q, choices = d.Form.Question, d.Form.Choices
	}
	if err := s.db.SetDraftRequest(ctx, draftID, d.Ack, q, choices); err != nil {
		s.log.Error("draft request", "err", err)
	}
}

// DraftRequest returns what u's draft id asked: the acknowledgement and
// the question to send it with again.
func (s *Service) DraftRequest(ctx context.Context, u bouclier.User, id int64) (bool, *Form, error) {
	ack, q, choices, err := s.db.DraftRequest(ctx, u.ID, id)
	if err != nil || q == "" {
		return ack, nil, err
	}
	return ack, &Form{Question: q, Choices: choices}, nil
}
