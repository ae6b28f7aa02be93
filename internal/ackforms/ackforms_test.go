package ackforms_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/ackforms"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// who is a signed-in person: the actor for ackforms, the context carrying
// the session for sends.
type who struct {
	ctx   context.Context
	actor bouclier.Actor
	sess  auth.Session
}

func signIn(t *testing.T, e *apptest.Env, username string) who {
	t.Helper()
	e.Actor(t, username) // gives fixture accounts a password first
	sess := e.Login(t, username)
	a := auth.ActorFor(sess, apptest.TestClient)
	return who{ctx: auth.WithSession(context.Background(), sess), actor: a, sess: sess}
}

func (w who) send(t *testing.T, e *apptest.Env, d messaging.Draft) (messaging.Result, error) {
	t.Helper()
	d.SessionID = w.sess.PublicID
	return e.App.Messaging.Send(w.ctx, w.sess.User, d, "test")
}

// secondParent links a second parent to eleve.dupont: one family, two
// parents.
func secondParent(t *testing.T, e *apptest.Env) {
	t.Helper()
	ctx := context.Background()
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.UpsertUser(ctx, bouclier.User{Username: "parent2.dupont", DisplayName: "Jean Dupont", Role: bouclier.RoleParent,
			Academie: "versailles", UAI: "0780001A"}, "", e.Clock.Now())
		if err != nil {
			return err
		}
		child, err := tx.UserIDByName(ctx, "eleve.dupont")
		if err != nil {
			return err
		}
		return tx.LinkParent(ctx, id, child)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func userID(t *testing.T, e *apptest.Env, name string) int64 {
	t.Helper()
	u, err := e.App.DB.UserByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// TestOnlyPersonnelMayAsk: the send path itself refuses a request from
// someone without authority, whatever the handler did; nothing is stored.
func TestOnlyPersonnelMayAsk(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		cases := []struct {
			name, sender, to string
			ack              bool
			form             *messaging.Form
			code             bouclier.Code
		}{
			{"parent asks ack", "parent.dupont", "user:prof.martin", true, nil, bouclier.ErrForbidden},
			{"parent asks question", "parent.dupont", "user:prof.martin", false, &messaging.Form{Question: "Rendez-vous\u202f?"}, bouclier.ErrForbidden},
			{"student asks ack", "eleve.dupont", "user:prof.martin", true, nil, bouclier.ErrForbidden},
			{"teacher with empty question", "prof.martin", "parents:0780001A/4A", false, &messaging.Form{Question: "  "}, bouclier.ErrInvalidRequest},
			{"teacher with one choice", "prof.martin", "parents:0780001A/4A", false, &messaging.Form{Question: "Créneau\u202f?", Choices: []string{"Lundi", " "}}, bouclier.ErrInvalidRequest},
			{"teacher with repeated choice", "prof.martin", "parents:0780001A/4A", false, &messaging.Form{Question: "Créneau\u202f?", Choices: []string{"Lundi", "lundi"}}, bouclier.ErrInvalidRequest},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				w := signIn(t, e, c.sender)
				before, err := e.App.DB.CountMessages(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				_, err = w.send(t, e, messaging.Draft{To: []string{c.to}, Subject: "Question", Body: "Bonjour.", Ack: c.ack, Form: c.form})
				if got := bouclier.ErrorCode(err); got != c.code {
					t.Fatalf("code %s (%v), want %s", got, err, c.code)
				}
				after, err := e.App.DB.CountMessages(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if after != before {
					t.Fatalf("a refused request stored a message: %d → %d", before, after)
				}
			})
		}
	})
}

// TestAcknowledgeAnswerRemind runs a permission slip from the head to the
// parents of 4A and 4B and to the pupils of 4A, through every refusal.
func TestAcknowledgeAnswerRemind(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		secondParent(t, e)
		ctx := context.Background()
		head := signIn(t, e, "principal.moulin")
		res, err := head.send(t, e, messaging.Draft{To: []string{"parents:0780001A/4A", "parents:0780001A/4B", "class:0780001A/4A"},
			Subject: "Sortie au musée", Body: "La sortie a lieu jeudi.", Ack: true, Form: &messaging.Form{Question: "Autorisez-vous la sortie\u202f?"}})
		if err != nil {
			t.Fatal(err)
		}
		id := res.ID
		dupont, dupont2 := signIn(t, e, "parent.dupont"), signIn(t, e, "parent2.dupont")
		lea, hugo := userID(t, e, "eleve.dupont"), userID(t, e, "eleve.durand")

		// Refusals, each by code.
		prof, outsider := signIn(t, e, "prof.bernard"), signIn(t, e, "parent.hugo")
		refusals := []struct {
			name string
			do   func() error
			code bouclier.Code
		}{
			{"non-recipient acknowledges", func() error { return e.App.AckForms.Acknowledge(ctx, outsider.actor, id) }, bouclier.ErrNotFound},
			{"non-recipient answers", func() error { return e.App.AckForms.Answer(ctx, outsider.actor, id, lea, 0) }, bouclier.ErrNotFound},
			{"teacher not recipient answers", func() error { return e.App.AckForms.Answer(ctx, prof.actor, id, lea, 0) }, bouclier.ErrNotFound},
			{"sender answers", func() error { return e.App.AckForms.Answer(ctx, head.actor, id, lea, 0) }, bouclier.ErrForbidden},
			{"parent answers for another's child", func() error { return e.App.AckForms.Answer(ctx, dupont.actor, id, hugo, 0) }, bouclier.ErrForbidden},
			{"unknown choice", func() error { return e.App.AckForms.Answer(ctx, dupont.actor, id, lea, 2) }, bouclier.ErrInvalidRequest},
			{"system actor", func() error { return e.App.AckForms.Acknowledge(ctx, bouclier.SystemActor("x"), id) }, bouclier.ErrUnauthenticated},
			{"results by a parent", func() error { _, err := e.App.AckForms.Results(ctx, dupont.actor, id); return err }, bouclier.ErrNotFound},
			{"results by another teacher", func() error { _, err := e.App.AckForms.Results(ctx, prof.actor, id); return err }, bouclier.ErrNotFound},
			{"export by a parent", func() error { _, err := e.App.AckForms.CSV(ctx, dupont.actor, id, ackforms.ExportAnswers); return err }, bouclier.ErrNotFound},
			{"remind by a parent", func() error { _, _, err := e.App.AckForms.Remind(ctx, dupont.actor, id); return err }, bouclier.ErrNotFound},
		}
		for _, r := range refusals {
			if got := bouclier.ErrorCode(r.do()); got != r.code {
				t.Errorf("%s: %s, want %s", r.name, got, r.code)
			}
		}

		// One family, two parents: the first answers, the second sees it
		// and cannot answer again.
		if err := e.App.AckForms.Acknowledge(ctx, dupont.actor, id); err != nil {
			t.Fatal(err)
		}
		if err := e.App.AckForms.Acknowledge(ctx, dupont.actor, id); err != nil {
			t.Fatalf("acknowledging twice: %v", err)
		}
		if err := e.App.AckForms.Answer(ctx, dupont.actor, id, lea, 0); err != nil {
			t.Fatal(err)
		}
		err = e.App.AckForms.Answer(ctx, dupont2.actor, id, lea, 1)
		if bouclier.ErrorCode(err) != bouclier.ErrConflict || !strings.Contains(bouclier.ErrorMessage(err), "Marie Dupont") {
			t.Fatalf("second parent's answer: %v", err)
		}
		// The pupil is of the same family.
		leaW := signIn(t, e, "eleve.dupont")
		if got := bouclier.ErrorCode(e.App.AckForms.Answer(ctx, leaW.actor, id, lea, 1)); got != bouclier.ErrConflict {
			t.Fatalf("pupil's answer after a parent's: %s", got)
		}
		v, err := e.App.AckForms.View(ctx, dupont2.actor, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Slots) != 1 || v.Slots[0].Answer == nil || v.Slots[0].Label != "Oui" || v.Slots[0].ByMe || v.Slots[0].Answer.ByName != "Marie Dupont" {
			t.Fatalf("second parent's view: %+v", v.Slots)
		}

		// Results per class: 4A has Léa's family (answered) and her two
		// parents and herself; 4B has Hugo's (not answered).
		r, err := e.App.AckForms.Results(ctx, head.actor, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.People != 4 || r.Acked != 1 || r.Families != 2 || r.Answered != 1 || r.Counts[0] != 1 || r.Counts[1] != 0 {
			t.Fatalf("totals: people %d acked %d families %d answered %d counts %v", r.People, r.Acked, r.Families, r.Answered, r.Counts)
		}
		classes := map[string]ackforms.Class{}
		for _, c := range r.Classes {
			classes[c.Name] = c
		}
		if c := classes["4A"]; len(c.People) != 3 || c.Acked != 1 || len(c.Families) != 1 || c.Answered != 1 {
			t.Fatalf("4A: %+v", c)
		}
		if c := classes["4B"]; len(c.People) != 1 || c.People[0].User.Username != "parent.durand" || len(c.People[0].Children) != 1 || c.Answered != 0 {
			t.Fatalf("4B: %+v", c)
		}
		var pending []string
		for _, u := range r.Pending {
			pending = append(pending, u.Username)
		}
		// Marie Dupont acknowledged and her family answered; Jean Dupont and
		// Léa did not acknowledge; the Durand family did neither.
		if got := strings.Join(pending, ","); got != "eleve.dupont,parent.durand,parent2.dupont" {
			t.Fatalf("pending: %s", got)
		}

		// The reminder reaches them only, as a reply in the thread; a
		// second one within the day is throttled; after, it goes again.
		sent, n, err := e.App.AckForms.Remind(head.ctx, head.actor, id)
		if err != nil {
			t.Fatal(err)
		}
		if n != 3 {
			t.Fatalf("reminded %d", n)
		}
		got, err := e.App.DB.Recipients(ctx, sent.ID)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range got {
			names = append(names, u.Username)
		}
		if strings.Join(names, ",") != "eleve.dupont,parent.durand,parent2.dupont" {
			t.Fatalf("reminder went to %v", names)
		}
		rm, err := e.App.DB.MessageByID(ctx, sent.ID)
		if err != nil || rm.ThreadID != id || !strings.HasPrefix(rm.Subject, "Rappel\u00a0: ") {
			t.Fatalf("reminder message %+v %v", rm.Message, err)
		}
		if _, _, err := e.App.AckForms.Remind(head.ctx, head.actor, id); bouclier.ErrorCode(err) != bouclier.ErrThrottled {
			t.Fatalf("second reminder: %v", err)
		}
		e.Clock.Advance(25 * time.Hour)
		head = signIn(t, e, "principal.moulin")
		if _, _, err := e.App.AckForms.Remind(head.ctx, head.actor, id); err != nil {
			t.Fatalf("reminder the next day: %v", err)
		}
		r, err = e.App.AckForms.Results(ctx, head.actor, id)
		if err != nil || r.Request.Reminders != 2 {
			t.Fatalf("reminders counted: %d %v", r.Request.Reminders, err)
		}
	})
}

// TestExportNeutralisesFormulas: a choice written as a formula comes out
// of the export as text, and the export lists every family of the class.
func TestExportNeutralisesFormulas(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		prof := signIn(t, e, "prof.martin")
		res, err := prof.send(t, e, messaging.Draft{To: []string{"parents:0780001A/4A", "parents:0780001A/4B"}, Subject: "Réunion",
			Body: "Choisissez un créneau.", Form: &messaging.Form{Question: "Quel créneau\u202f?", Choices: []string{"=HYPERLINK(\"http://x\")", "Mardi 17 h"}}})
		if err != nil {
			t.Fatal(err)
		}
		dupont := signIn(t, e, "parent.dupont")
		if err := e.App.AckForms.Answer(ctx, dupont.actor, res.ID, userID(t, e, "eleve.dupont"), 0); err != nil {
			t.Fatal(err)
		}
		b, err := e.App.AckForms.CSV(ctx, prof.actor, res.ID, ackforms.ExportAnswers)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.AckForms.CSV(ctx, prof.actor, res.ID, ackforms.ExportAcks); bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
			t.Fatalf("acks export of a message without acknowledgement: %v", err)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[0][0] != "Classe" {
			t.Fatalf("rows: %q", rows)
		}
		if rows[1][1] != "Léa Dupont" || rows[1][4] != "'=HYPERLINK(\"http://x\")" || rows[1][5] != "Marie Dupont" {
			t.Fatalf("answered row: %q", rows[1])
		}
		if rows[2][1] != "Hugo Durand" || rows[2][4] != "" {
			t.Fatalf("unanswered row: %q", rows[2])
		}
	})
}

// TestRefusedSendKeepsRequest: a refused send keeps with its draft what it
// asked, for its writer only, so that sending the draft later (after a
// second-factor check, or from the drafts) asks the same.
func TestRefusedSendKeepsRequest(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		prof := signIn(t, e, "prof.martin")
		res, err := prof.send(t, e, messaging.Draft{To: []string{"user:eleve.hugo"}, Subject: "Sortie", Body: "Jeudi.", Ack: true,
			Form: &messaging.Form{Question: "Quel créneau\u202f?", Choices: []string{"Lundi", "Mardi"}}})
		if bouclier.ErrorCode(err) != bouclier.ErrRecipientNotAllowed || res.DraftID == 0 {
			t.Fatalf("send: %v draft %d", err, res.DraftID)
		}
		ack, form, err := e.App.Messaging.DraftRequest(ctx, prof.sess.User, res.DraftID)
		if err != nil || !ack || form == nil || form.Question != "Quel créneau\u202f?" || strings.Join(form.Choices, ",") != "Lundi,Mardi" {
			t.Fatalf("kept request: %v %+v %v", ack, form, err)
		}
		other := signIn(t, e, "prof.bernard")
		if ack, form, err := e.App.Messaging.DraftRequest(ctx, other.sess.User, res.DraftID); err != nil || ack || form != nil {
			t.Fatalf("another's draft request read: %v %+v %v", ack, form, err)
		}
		// Sent again from the draft, as the step-up does: it asks the same.
		sent, err := prof.send(t, e, messaging.Draft{To: []string{"parents:0780001A/4A"}, Subject: "Sortie", Body: "Jeudi.", DraftID: res.DraftID, Ack: ack, Form: form})
		if err != nil {
			t.Fatal(err)
		}
		req, err := e.App.DB.AckRequest(ctx, sent.ID)
		if err != nil || !req.Ack || req.Kind != messaging.FormChoice || len(req.Choices) != 2 {
			t.Fatalf("request sent: %+v %v", req, err)
		}
		// A new draft that asks nothing does not inherit the request of a
		// deleted draft whose id it may reuse.
		res2, err := prof.send(t, e, messaging.Draft{To: []string{"user:eleve.hugo"}, Subject: "Autre", Body: "Rien."})
		if bouclier.ErrorCode(err) != bouclier.ErrRecipientNotAllowed {
			t.Fatal(err)
		}
		if ack, form, err := e.App.Messaging.DraftRequest(ctx, prof.sess.User, res2.DraftID); err != nil || ack || form != nil {
			t.Fatalf("new draft %d (old %d) inherited: %v %+v %v", res2.DraftID, res.DraftID, ack, form, err)
		}
	})
}

// TestHeldMessageAsksNothingYet: while the screen holds a message, its
// recipients can neither acknowledge nor answer it, and no reminder tells
// them of it.
func TestHeldMessageAsksNothingYet(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		prof := signIn(t, e, "prof.martin")
		res, err := prof.send(t, e, messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Information importante",
			Body: "Il y a des explosifs cachés dans les toilettes du bâtiment B.", Ack: true, Form: &messaging.Form{Question: "Reçu\u202f?"}})
		if err != nil || res.Status != bouclier.StatusHeld {
			t.Fatalf("send: %v %s", err, res.Status)
		}
		parent := signIn(t, e, "parent.dupont")
		if got := bouclier.ErrorCode(e.App.AckForms.Acknowledge(ctx, parent.actor, res.ID)); got != bouclier.ErrNotFound {
			t.Fatalf("acknowledging a held message: %s", got)
		}
		if got := bouclier.ErrorCode(e.App.AckForms.Answer(ctx, parent.actor, res.ID, userID(t, e, "eleve.dupont"), 0)); got != bouclier.ErrNotFound {
			t.Fatalf("answering a held message: %s", got)
		}
		if _, _, err := e.App.AckForms.Remind(prof.ctx, prof.actor, res.ID); bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
			t.Fatalf("reminding of a held message: %v", err)
		}
	})
}
