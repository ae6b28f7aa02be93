package retention_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/retention"
	"github.com/bouclier/bouclier/internal/store"
)

var paris = func() *time.Location {
	l, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return l
}()

func TestCutoffs(t *testing.T) {
	c := retention.DefaultConfig()
	for _, tc := range []struct {
		now      time.Time
		messages time.Time
	}{
		// A message of 2026-2027 lives to the end of 2027-2028.
		{time.Date(2027, 6, 30, 12, 0, 0, 0, paris), time.Date(2025, 9, 1, 0, 0, 0, 0, paris)},
		{time.Date(2027, 8, 31, 23, 59, 0, 0, paris), time.Date(2025, 9, 1, 0, 0, 0, 0, paris)},
		{time.Date(2027, 9, 1, 0, 0, 0, 0, paris), time.Date(2026, 9, 1, 0, 0, 0, 0, paris)},
		{time.Date(2028, 9, 1, 0, 30, 0, 0, paris), time.Date(2027, 9, 1, 0, 0, 0, 0, paris)},
		{time.Date(2028, 1, 15, 8, 0, 0, 0, paris), time.Date(2026, 9, 1, 0, 0, 0, 0, paris)},
	} {
		got := c.CutoffsAt(tc.now)
		if !got.Messages.Equal(tc.messages) {
			t.Errorf("at %v: messages before %v, want %v", tc.now, got.Messages, tc.messages)
		}
		if want := tc.now.AddDate(0, -3, 0); !got.Accounts.Equal(want) {
			t.Errorf("at %v: accounts before %v, want %v", tc.now, got.Accounts, want)
		}
		if want := tc.now.AddDate(-1, 0, 0); !got.Logs.Equal(want) {
			t.Errorf("at %v: logs before %v, want %v", tc.now, got.Logs, want)
		}
	}
}

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		env map[string]string
		ok  bool
	}{
		{map[string]string{}, true},
		{map[string]string{"BOUCLIER_RETENTION_SCHOOL_YEAR_END": "07-14", "BOUCLIER_RETENTION_MESSAGE_YEARS": "3"}, true},
		{map[string]string{"BOUCLIER_RETENTION_SCHOOL_YEAR_END": "02-30"}, false},
		{map[string]string{"BOUCLIER_RETENTION_SCHOOL_YEAR_END": "août"}, false},
		{map[string]string{"BOUCLIER_RETENTION_MESSAGE_YEARS": "0"}, false},
		{map[string]string{"BOUCLIER_RETENTION_LOG_MONTHS": "24"}, false},
		{map[string]string{"BOUCLIER_RETENTION_ACCOUNT_MONTHS": "trois"}, false},
		{map[string]string{"BOUCLIER_RETENTION_TIME_ZONE": "Mars/Olympus"}, false},
	} {
		c, err := retention.FromEnv(func(k string) string { return tc.env[k] })
		if (err == nil) != tc.ok {
			t.Errorf("%v: err %v", tc.env, err)
		}
		if tc.ok && tc.env["BOUCLIER_RETENTION_MESSAGE_YEARS"] == "3" && (c.MessageYears != 3 || c.SchoolYearEndMonth != time.July || c.SchoolYearEndDay != 14) {
			t.Errorf("%v: read %+v", tc.env, c)
		}
	}
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func user(t *testing.T, e *apptest.Env, name string) bouclier.User {
	t.Helper()
	u, err := e.App.DB.UserByName(context.Background(), name)
	if err != nil {
		t.Fatalf("user %s: %v", name, err)
	}
	return u
}

func send(t *testing.T, e *apptest.Env, sess auth.Session, to, subject, body string, atts ...messaging.Attachment) int64 {
	t.Helper()
	d := messaging.Draft{To: []string{"user:" + to}, Subject: subject, Body: body, Attachments: atts, SessionID: sess.PublicID}
	res, err := e.App.Messaging.Send(auth.WithSession(context.Background(), sess), sess.User, d, "test")
	if err != nil || res.Status != bouclier.StatusDelivered {
		t.Fatalf("send %q: %+v %v", subject, res, err)
	}
	return res.ID
}

// runs returns the retention.run audit entries, by period.
func runs(t *testing.T, db *store.DB) map[string][]retention.Report {
	t.Helper()
	out := map[string][]retention.Report{}
	err := db.EachAudit(context.Background(), func(r store.AuditRow) error {
		if r.Action != "retention.run" {
			return nil
		}
		var rep retention.Report
		if err := json.Unmarshal([]byte(r.Detail), &rep); err != nil {
			return err
		}
		if r.Target != "period:"+rep.Period || r.Actor != "system:retention" {
			t.Errorf("run entry %+v", r)
		}
		out[rep.Period] = append(out[rep.Period], rep)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func exists(t *testing.T, db *store.DB, id int64) bool {
	t.Helper()
	_, err := db.MessageByID(context.Background(), id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	return err == nil
}

// TestRetention walks two school years on both stores with the injected
// clock: a closed account is erased after three months (one under a legal
// hold is not until released), connection records go after a year, and
// messages at the end of the school year after the one they were sent in,
// except a copy of an open incident's wave, which goes once the incident
// is closed.
func TestRetention(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		db := e.App.DB
		job := e.App.Retention
		run := func(at time.Time) retention.Report {
			t.Helper()
			e.Clock.Set(at)
			rep, ran, err := job.RunOnce(ctx)
			if err != nil || !ran {
				t.Fatalf("run at %v: ran=%t %v", at, ran, err)
			}
			if _, again, err := job.RunOnce(ctx); err != nil || again {
				t.Fatalf("second run of the period at %v: ran=%t %v", at, again, err)
			}
			return rep
		}

		// 24 November 2026: a teacher writes two families, with an
		// attachment on the first.
		prof := e.Login(t, "prof.martin")
		file := []byte("Liste des accompagnateurs : M. et Mme Dupont.\n")
		a := send(t, e, prof, "parent.dupont", "Sortie au musée d'Orsay", "Bonjour, voici la liste des accompagnateurs pour jeudi.",
			messaging.Attachment{Name: "accompagnateurs.txt", ContentType: "text/plain", Data: file})
		b := send(t, e, prof, "parent.durand", "Réunion parents-professeurs", "La réunion aura lieu le 3 décembre à 18 h en salle 12.")
		sum := sha256.Sum256(file)
		if _, err := db.Blob(ctx, sum[:]); err != nil {
			t.Fatalf("attachment stored: %v", err)
		}
		// A parent's session, ended: a connection record.
		fam := e.Login(t, "parent.dupont")
		if err := e.App.Auth.Logout(ctx, fam, apptest.TestClient); err != nil {
			t.Fatal(err)
		}
		// The second message is a copy of a wave under an open incident.
		var incident int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if incident, _, err = tx.OpenCampaign(ctx, "retention-test", "review", "vague de test", store.Micros(e.Clock.Now())); err != nil {
				return err
			}
			_, err = tx.AddCampaignMember(ctx, incident, b, prof.User.ID, store.Micros(e.Clock.Now()))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		// Two pupils leave: the import closes their accounts at once; one
		// is under a legal hold.
		durand, hugo := user(t, e, "eleve.durand"), user(t, e, "eleve.hugo")
		if err := db.SaveDraft(ctx, &store.Draft{UserID: durand.ID, To: []string{"user:prof.martin"}, Subject: "brouillon de Durand", Body: "à finir"}); err != nil {
			t.Fatal(err)
		}
		err = db.InTx(ctx, func(tx *store.Tx) error {
			for _, id := range []int64{durand.ID, hugo.ID} {
				if _, err := tx.CloseUser(ctx, id, e.Clock.Now()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		admin := e.Actor(t, "admin")
		hold, err := e.App.Holds.Place(ctx, admin, "user", hugo.ID, "Plainte déposée le 20 novembre 2026")
		if err != nil {
			t.Fatal(err)
		}

		// 1 March 2027: the first account is erased, the held one kept;
		// nothing else is due.
		rep := run(time.Date(2027, 3, 1, 3, 0, 0, 0, paris))
		if rep.Accounts != 1 || rep.KeptAccounts != 1 || rep.Messages != 0 || rep.Sessions != 0 {
			t.Fatalf("March 2027: %+v", rep)
		}
		gone, err := db.UserByID(ctx, durand.ID)
		if err != nil {
			t.Fatal(err)
		}
		if gone.Username != store.ErasedUsername(durand.ID) || gone.DisplayName != store.ErasedDisplayName || gone.Email != "" || !gone.Disabled {
			t.Errorf("erased account: %+v", gone)
		}
		if _, err := db.UserByName(ctx, "eleve.durand"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the name stays: %v", err)
		}
		if ds, err := db.Drafts(ctx, durand.ID); err != nil || len(ds) != 0 {
			t.Errorf("drafts of the erased account: %v %v", ds, err)
		}
		if kept, err := db.UserByID(ctx, hugo.ID); err != nil || kept.Username != "eleve.hugo" {
			t.Errorf("held account: %+v %v", kept, err)
		}

		// 31 August 2028, 23:00 in Paris: the school year after the
		// messages' is not over; the parent's year-old session goes, the
		// teacher's (named by the open incident) stays.
		rep = run(time.Date(2028, 8, 31, 23, 0, 0, 0, paris))
		if rep.Messages != 0 || rep.Sessions == 0 {
			t.Fatalf("31 August 2028: %+v", rep)
		}
		if !exists(t, db, a) || !exists(t, db, b) {
			t.Fatal("messages deleted before the end of the school year after next")
		}
		if ss, err := db.RevokedSessions(ctx, fam.User.ID); err != nil || len(ss) != 0 {
			t.Errorf("parent's ended session: %d %v", len(ss), err)
		}
		if ss, err := db.SessionsForEvidence(ctx, prof.User.ID); err != nil || len(ss) == 0 {
			t.Errorf("evidence sessions of the incident's sender: %d %v", len(ss), err)
		}

		// 1 September 2028, 00:30 in Paris: the first message and its
		// attachment go; the incident's copy stays.
		rep = run(time.Date(2028, 9, 1, 0, 30, 0, 0, paris))
		if rep.Messages != 1 || rep.Attachments != 1 || rep.KeptMessages != 1 {
			t.Fatalf("1 September 2028: %+v", rep)
		}
		if exists(t, db, a) || !exists(t, db, b) {
			t.Fatalf("after the school year: first message exists=%t, evidence exists=%t", exists(t, db, a), exists(t, db, b))
		}
		if _, err := db.Blob(ctx, sum[:]); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("attachment bytes kept: %v", err)
		}
		if inbox, err := db.Folder(ctx, fam.User.ID, store.FolderInbox, 0, 50); err != nil || len(inbox) != 0 {
			t.Errorf("the parent's inbox still lists %d messages (%v)", len(inbox), err)
		}

		// The incident is closed and the hold released: the next day's
		// run deletes both.
		err = db.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CloseCampaign(ctx, incident, "test", store.Micros(e.Clock.Now()))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		admin = e.Actor(t, "admin")
		if err := e.App.Holds.Release(ctx, admin, hold); err != nil {
			t.Fatal(err)
		}
		rep = run(time.Date(2028, 9, 2, 3, 0, 0, 0, paris))
		if rep.Messages != 1 || rep.KeptMessages != 0 || rep.Accounts != 1 || rep.KeptAccounts != 0 {
			t.Fatalf("after the incident: %+v", rep)
		}
		if exists(t, db, b) {
			t.Error("the closed incident's copy is kept")
		}
		if u, err := db.UserByID(ctx, hugo.ID); err != nil || u.Username != store.ErasedUsername(hugo.ID) {
			t.Errorf("released account: %+v %v", u, err)
		}

		// Each run is in the audit trail once, with its counts.
		all := runs(t, db)
		if len(all) != 4 {
			t.Errorf("%d periods audited, want 4: %v", len(all), all)
		}
		for p, rs := range all {
			if len(rs) != 1 {
				t.Errorf("period %s audited %d times", p, len(rs))
			}
		}
		if r := all["2028-09-01"]; len(r) == 1 && (r[0].Messages != 1 || r[0].Attachments != 1 || r[0].KeptMessages != 1) {
			t.Errorf("audited counts: %+v", r[0])
		}
	})
}

// TestRunsOncePerPeriod races several jobs (as on several nodes) on one
// store: each period is run by exactly one.
func TestRunsOncePerPeriod(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		const nodes = 4
		jobs := make([]*retention.Job, nodes)
		for i := range jobs {
			j, err := retention.New(e.App.DB, retention.DefaultConfig(), e.Clock.Now, quiet())
			if err != nil {
				t.Fatal(err)
			}
			jobs[i] = j
		}
		days := []time.Time{time.Date(2027, 1, 4, 2, 0, 0, 0, paris), time.Date(2027, 1, 5, 2, 0, 0, 0, paris), time.Date(2027, 1, 6, 23, 30, 0, 0, paris)}
		for _, day := range days {
			e.Clock.Set(day)
			var wg sync.WaitGroup
			var mu sync.Mutex
			ran := 0
			start := make(chan struct{})
			for _, j := range jobs {
				wg.Go(func() {
					<-start
					_, ok, err := j.RunOnce(ctx)
					if err != nil {
						t.Errorf("run: %v", err)
					}
					if ok {
						mu.Lock()
						ran++
						mu.Unlock()
					}
				})
			}
			close(start)
			wg.Wait()
			if ran != 1 {
				t.Errorf("%s: run by %d nodes, want 1", day.Format("2006-01-02"), ran)
			}
		}
		all := runs(t, e.App.DB)
		for _, day := range days {
			if n := len(all[day.Format("2006-01-02")]); n != 1 {
				t.Errorf("%s audited %d times", day.Format("2006-01-02"), n)
			}
		}
	})
}
