package messaging_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// allowRules let everyone send and receive now.
type allowRules struct{}

func (allowRules) Gate(context.Context, bouclier.User, time.Time, bool) (messaging.Decision, error) {
	return messaging.Decision{}, nil
}

func (allowRules) Receivers(_ context.Context, us []bouclier.User, _ time.Time) ([]messaging.Decision, error) {
	return make([]messaging.Decision, len(us)), nil
}

type deliverScreen struct{}

func (deliverScreen) Screen(messaging.ScreenInput) messaging.ScreenResult {
	return messaging.ScreenResult{Verdict: bouclier.VerdictDeliver}
}

// recordingWatch keeps what the watch is shown, and holds at Watch when
// hold is set.
type recordingWatch struct {
	mu      sync.Mutex
	watched []messaging.Observed
	stored  []messaging.Observed
	hold    bool
}

func (w *recordingWatch) Watch(_ context.Context, o *messaging.Observed) (bool, []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.watched = append(w.watched, *o)
	return w.hold, []string{"test"}
}

func (w *recordingWatch) Stored(_ context.Context, o *messaging.Observed) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stored = append(w.stored, *o)
}

func (w *recordingWatch) Record(context.Context, *messaging.Observed) func(context.Context, *store.Tx, int64) error {
	return func(context.Context, *store.Tx, int64) error { return nil }
}

// TestDeliveryWatchedAsSend: a scheduled message is shown to the campaign
// watch at its delivery as at its send — marked as a delivery, with its
// id, at the delivery's instant, reaching the same groups and
// establishments — and the watch can hold it then; a message the watch
// held at its send keeps its time (released, it waits for it).
func TestDeliveryWatchedAsSend(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		w := &recordingWatch{}
		svc, err := messaging.New(e.App.DB, directory.New(e.App.DB), messaging.Parts{Guard: nopGuard{}, Rules: allowRules{}, Screen: deliverScreen{}, Watch: w},
			messaging.Options{Now: e.Clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		defer svc.Close()
		teacher, err := e.App.DB.UserByName(ctx, "prof.martin")
		if err != nil {
			t.Fatal(err)
		}
		at := e.Clock.Now().Add(10 * time.Hour)
		to := []string{"parents:0780001A/4A", "parents:0780001A/4B", "user:prof.bernard"}
		res, err := svc.Send(auth.WithSession(ctx, auth.Session{User: teacher}), teacher, messaging.Draft{To: to, Subject: "Rappel", Body: "Réunion à 18 h.", SendAt: at}, "test")
		if err != nil || res.Status != bouclier.StatusDeferred {
			t.Fatalf("scheduled: %+v %v", res, err)
		}
		sent := w.watched[0]
		if sent.Delivery || sent.Recipients.Groups != 2 {
			t.Fatalf("at the send: delivery %v, %d groups", sent.Delivery, sent.Recipients.Groups)
		}
		e.Clock.Set(at.Add(time.Second))
		w.hold = true
		if n, err := svc.DeliverDue(ctx); err != nil || n != 0 {
			t.Fatalf("delivered %d (%v), want 0: the watch holds it", n, err)
		}
		if len(w.watched) != 2 || len(w.stored) != 2 {
			t.Fatalf("watched %d, stored %d, want 2 and 2", len(w.watched), len(w.stored))
		}
		got := w.watched[1]
		if !got.Delivery || got.ID != res.ID || !got.At.Equal(e.Clock.Now()) {
			t.Errorf("at the delivery: delivery %v, id %d (want %d), at %v (want %v)", got.Delivery, got.ID, res.ID, got.At, e.Clock.Now())
		}
		if got.Recipients.Groups != sent.Recipients.Groups || len(got.Recipients.Recipients) != len(sent.Recipients.Recipients) ||
			len(got.Recipients.Schools) != len(sent.Recipients.Schools) || got.Recipients.Schools[0] != "0780001A" {
			t.Errorf("reach at the delivery %d groups, %d recipients, schools %v; at the send %d, %d, %v", got.Recipients.Groups, len(got.Recipients.Recipients),
				got.Recipients.Schools, sent.Recipients.Groups, len(sent.Recipients.Recipients), sent.Recipients.Schools)
		}
		if m, err := e.App.DB.MessageByID(ctx, res.ID); err != nil || m.Status != bouclier.StatusHeld {
			t.Errorf("after the watch held it at its delivery: %s %v", m.Status, err)
		}

		// Held at its send (the watch's probation), the message keeps its
		// delivery time.
		w.hold = false
		res2, err := svc.Send(auth.WithSession(ctx, auth.Session{User: teacher}), teacher, messaging.Draft{To: to, Subject: "Rappel", Body: "Sortie demain.", SendAt: at.Add(time.Hour)}, "test")
		if err != nil {
			t.Fatal(err)
		}
		w.hold = true
		res3, err := svc.Send(auth.WithSession(ctx, auth.Session{User: teacher}), teacher, messaging.Draft{To: to, Subject: "Rappel", Body: "Sortie jeudi.", SendAt: at.Add(time.Hour)}, "test")
		if err != nil || res3.Status != bouclier.StatusHeld {
			t.Fatalf("held at its send: %+v %v", res3, err)
		}
		for _, id := range []int64{res2.ID, res3.ID} {
			if m, err := e.App.DB.MessageByID(ctx, id); err != nil || m.DeliverAt != store.Micros(at.Add(time.Hour)) {
				t.Errorf("message %d (%s): deliver at %d, want %d (%v)", id, m.Status, m.DeliverAt, store.Micros(at.Add(time.Hour)), err)
			}
		}
	})
}
