package messaging_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

type nopGuard struct{}

func (nopGuard) CheckSend(context.Context, bouclier.User, directory.Resolved, *messaging.Draft) error {
	return nil
}

type nopRules struct{}

func (nopRules) Gate(context.Context, bouclier.User, time.Time, bool) (messaging.Decision, error) {
	return messaging.Decision{}, nil
}

func (nopRules) Receivers(context.Context, []bouclier.User, time.Time) ([]messaging.Decision, error) {
	return nil, nil
}

type nopScreen struct{}

func (nopScreen) Screen(messaging.ScreenInput) messaging.ScreenResult {
	return messaging.ScreenResult{Verdict: bouclier.VerdictHold}
}

type nopWatch struct{}

func (nopWatch) Watch(context.Context, *messaging.Observed) (bool, []string) { return true, nil }
func (nopWatch) Stored(context.Context, *messaging.Observed)                 {}
func (nopWatch) Record(context.Context, *messaging.Observed) func(context.Context, *store.Tx, int64) error {
	return func(context.Context, *store.Tx, int64) error { return nil }
}

// TestNewRefusesMissingPart: a send path without one of its stages is not
// built, rather than built with that stage switched off.
func TestNewRefusesMissingPart(t *testing.T) {
	tg := storetest.Targets(t)[0]
	db, err := store.Open(context.Background(), tg.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir := directory.New(db)
	all := messaging.Parts{Guard: nopGuard{}, Rules: nopRules{}, Screen: nopScreen{}, Watch: nopWatch{}}
	cases := []struct {
		name string
		edit func(p *messaging.Parts)
	}{
		{"guard", func(p *messaging.Parts) { p.Guard = nil }},
		{"rules", func(p *messaging.Parts) { p.Rules = nil }},
		{"screen", func(p *messaging.Parts) { p.Screen = nil }},
		{"campaign watch", func(p *messaging.Parts) { p.Watch = nil }},
	}
	for _, c := range cases {
		p := all
		c.edit(&p)
		if s, err := messaging.New(db, dir, p, messaging.Options{}); err == nil || s != nil || !strings.Contains(err.Error(), c.name) {
			t.Errorf("without %s: %v, %v", c.name, s, err)
		}
	}
	if _, err := messaging.New(nil, dir, all, messaging.Options{}); err == nil {
		t.Error("without a store: built")
	}
	s, err := messaging.New(db, dir, all, messaging.Options{})
	if err != nil {
		t.Fatalf("with every part: %v", err)
	}
	s.Close()
}

// blockedFile is an attachment the tests put on the blocklist.
var blockedFile = []byte("Liste des fournitures pour la sortie\u00a0: bottes, gourde, pique-nique.\n")

func blockFile(t *testing.T, e *apptest.Env) {
	t.Helper()
	sum := sha256.Sum256(blockedFile)
	if err := e.App.Moderation.BlockDigest(context.Background(), bouclier.SystemActor("test"), hex.EncodeToString(sum[:]), "fichier de la vague"); err != nil {
		t.Fatal(err)
	}
}

func sendAs(t *testing.T, e *apptest.Env, sess auth.Session, d messaging.Draft) (messaging.Result, error) {
	t.Helper()
	d.SessionID = sess.PublicID
	return e.App.Messaging.Send(auth.WithSession(context.Background(), sess), sess.User, d, "test")
}

// TestRefusedSenderLearnsNothing: a refused sender is told that the message
// was not delivered, never which detector, word or score stopped it; the
// moderators see the reasons.
func TestRefusedSenderLearnsNothing(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		blockFile(t, e)
		sess := e.Login(t, "prof.martin")
		d := messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Sortie", Body: "Voici la liste.",
			Attachments: []messaging.Attachment{{Name: "liste.txt", ContentType: "text/plain", Data: blockedFile}}}
		res, err := sendAs(t, e, sess, d)
		if bouclier.ErrorCode(err) != bouclier.ErrRejectedContent {
			t.Fatalf("blocked file: %+v %v", res, err)
		}
		msg := bouclier.ErrorMessage(err)
		if msg != "Votre message n’a pas été distribué. L’établissement a été informé." {
			t.Errorf("sender told %q", msg)
		}
		stored, err := e.App.DB.MessageByID(context.Background(), res.ID)
		if err != nil || len(stored.Reasons) == 0 {
			t.Errorf("moderators get no reason: %+v %v", stored.Reasons, err)
		}
	})
}

// TestRepeatedRefusalsHold: an account rejected again and again, as one
// rewriting a message until it passes would be, has its next sends held.
func TestRepeatedRefusalsHold(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		blockFile(t, e)
		sess := e.Login(t, "prof.martin")
		for i := 0; i < messaging.RefusalHold; i++ {
			d := messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Sortie", Body: "Voici la liste, version " + string(rune('A'+i)) + ".",
				Attachments: []messaging.Attachment{{Name: "liste.txt", ContentType: "text/plain", Data: blockedFile}}}
			if _, err := sendAs(t, e, sess, d); bouclier.ErrorCode(err) != bouclier.ErrRejectedContent {
				t.Fatalf("refusal %d: %v", i, err)
			}
		}
		res, err := sendAs(t, e, sess, messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Sortie", Body: "Rendez-vous à 8 h devant le collège."})
		if err != nil || res.Status != bouclier.StatusHeld {
			t.Fatalf("after %d refusals: %+v %v, want held", messaging.RefusalHold, res, err)
		}
		// Later, the account writes freely again.
		e.Clock.Advance(messaging.RefusalWindow + time.Minute)
		sess = e.Login(t, "prof.martin")
		res, err = sendAs(t, e, sess, messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Sortie", Body: "Rendez-vous à 8 h devant le collège."})
		if err != nil || res.Status != bouclier.StatusDelivered {
			t.Fatalf("after the window: %+v %v", res, err)
		}
	})
}

// TestRefusedLoopKeepsOneDraft: the same refused content sent again and
// again keeps one draft, and the trail records a bounded number of
// refusals.
func TestRefusedLoopKeepsOneDraft(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "circular-2024", "national"); err != nil {
			t.Fatal(err)
		}
		sess := e.Login(t, "eleve.dupont") // students may not send under the circular
		for i := 0; i < 40; i++ {
			if _, err := sendAs(t, e, sess, messaging.Draft{To: []string{"user:prof.martin"}, Subject: "Devoirs", Body: "Je n’ai pas compris l’exercice 3."}); err == nil {
				t.Fatal("student sent under the circular")
			}
		}
		drafts, err := e.App.DB.Drafts(ctx, sess.User.ID)
		if err != nil || len(drafts) != 1 {
			t.Fatalf("%d drafts (%v), want 1", len(drafts), err)
		}
		rows, err := e.App.DB.AuditRecent(ctx, "message.refused", 0, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) > 12 {
			t.Errorf("%d refusals recorded one by one in a minute, want at most ~10", len(rows))
		}
	})
}

// TestDeferredScreenedWhole: a message deferred to the morning is screened
// again with its attachments when it is delivered: a file blocked
// overnight does not arrive.
func TestDeferredScreenedWhole(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "disconnect-2025", "national"); err != nil {
			t.Fatal(err)
		}
		e.Clock.Set(time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)) // Tuesday 21:00 in Paris
		sess := e.Login(t, "prof.martin")
		res, err := sendAs(t, e, sess, messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Sortie", Body: "Voici la liste.",
			Attachments: []messaging.Attachment{{Name: "liste.txt", ContentType: "text/plain", Data: blockedFile}}})
		if err != nil || res.Status != bouclier.StatusDeferred {
			t.Fatalf("quiet hours: %+v %v", res, err)
		}
		blockFile(t, e) // overnight
		e.Clock.Set(res.DeliverAt.Add(time.Minute))
		if n, err := e.App.Messaging.DeliverDue(ctx); err != nil || n != 0 {
			t.Fatalf("delivered %d (%v), want 0", n, err)
		}
		m, err := e.App.DB.MessageByID(ctx, res.ID)
		if err != nil || m.Status != bouclier.StatusRejected {
			t.Fatalf("after the night: %s %v", m.Status, err)
		}
		parent, err := e.App.DB.UserByName(ctx, "parent.dupont")
		if err != nil {
			t.Fatal(err)
		}
		if es, err := e.App.Messaging.Folder(ctx, parent, store.FolderInbox, 0, 50); err != nil || len(es) != 0 {
			t.Errorf("parent's inbox: %d messages (%v)", len(es), err)
		}
	})
}

// TestScheduledSend: a message sent for later waits until then, under the
// rules in force then, and a date in the past is refused.
func TestScheduledSend(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		sess := e.Login(t, "prof.martin")
		at := e.Clock.Now().Add(2 * time.Hour)
		res, err := sendAs(t, e, sess, messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Rappel", Body: "Réunion parents-professeurs à 18 h.", SendAt: at})
		if err != nil || res.Status != bouclier.StatusDeferred || !res.DeliverAt.Equal(at) {
			t.Fatalf("scheduled: %+v %v", res, err)
		}
		parent, _ := e.App.DB.UserByName(ctx, "parent.dupont")
		inbox := func() int {
			es, err := e.App.Messaging.Folder(ctx, parent, store.FolderInbox, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			return len(es)
		}
		if n, _ := e.App.Messaging.DeliverDue(ctx); n != 0 || inbox() != 0 {
			t.Fatalf("delivered before its time")
		}
		e.Clock.Set(at.Add(time.Second))
		if n, err := e.App.Messaging.DeliverDue(ctx); err != nil || n != 1 || inbox() != 1 {
			t.Fatalf("at its time: %d %v, inbox %d", n, err, inbox())
		}
		if _, err := sendAs(t, e, sess, messaging.Draft{To: []string{"user:parent.dupont"}, Subject: "Rappel", Body: "Hier.", SendAt: e.Clock.Now().Add(-time.Hour)}); bouclier.ErrorCode(err) != bouclier.ErrInvalidRequest {
			t.Errorf("send in the past: %v", err)
		}
	})
}

// TestSearch: words find messages in the subject, text or sender's name,
// on both stores; % and _ are taken literally.
func TestSearch(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		prof, _ := e.App.DB.UserByName(ctx, "prof.martin")
		parent, _ := e.App.DB.UserByName(ctx, "parent.dupont")
		for _, b := range []string{"Sortie à Giverny jeudi.", "Remise de 50% sur la cantine.", "Devoirs pour lundi."} {
			if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
				_, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: prof.ID, Subject: "Info", Body: b, To: []string{"user:parent.dupont"},
					Status: bouclier.StatusDelivered, SentAt: store.Micros(e.Clock.Now())}, []int64{parent.ID})
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range []struct {
			q    string
			want int
		}{{"giverny", 1}, {"50%", 1}, {"%", 1}, {"sophie", 3}, {"introuvable", 0}, {"", 3}} {
			got, err := e.App.Messaging.Search(ctx, parent, store.FolderInbox, store.FolderFilter{Query: c.q}, 0, 0, 50)
			if err != nil || len(got) != c.want {
				t.Errorf("search %q: %d (%v), want %d", c.q, len(got), err, c.want)
			}
		}
	})
}
