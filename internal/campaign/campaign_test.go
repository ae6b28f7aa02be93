package campaign_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

func TestSignatureVariants(t *testing.T) {
	base := campaign.Sign(unseenVariants[0])
	for i, v := range unseenVariants[1:] {
		if s := campaign.Similarity(base, campaign.Sign(v)); s < 0.4 {
			t.Errorf("variant %d: similarity %.2f, want ≥ 0.4", i+1, s)
		}
	}
	other := campaign.Sign("Pour jeudi : exercices 3 à 7 page 112, et relire le chapitre sur les fractions. Bonne soirée à tous.")
	if s := campaign.Similarity(base, other); s > 0.2 {
		t.Errorf("unrelated texts: similarity %.2f", s)
	}
	if campaign.Sign("Merci beaucoup") != nil {
		t.Error("a two-word text got a signature")
	}
	if got := campaign.ParseSignature(base.Bytes()); campaign.Similarity(got, base) != 1 {
		t.Error("signature does not survive storage")
	}
}

func TestPoints(t *testing.T) {
	for _, c := range []struct {
		flags int64
		want  int
	}{
		{0, 0},
		{campaign.FlagAccount, 1},
		{campaign.FlagAccount | campaign.FlagFanout, 2},
		{campaign.FlagFanout | campaign.FlagVolume, 1},
		{campaign.FlagAccount | campaign.FlagOffHours, 2},
		{campaign.FlagScreenWeak | campaign.FlagScreenStrong, 2},
		{campaign.FlagScreenHeld | campaign.FlagClosed, 3},
		{campaign.FlagReported, 2},
		{campaign.FlagBroadcaster | campaign.FlagAccount, 1},
	} {
		if got := campaign.Points(c.flags); got != c.want {
			t.Errorf("Points(%b) = %d, want %d", c.flags, got, c.want)
		}
	}
}

// TestNearDuplicatesFromSuspiciousSenders: a text the screen lets through,
// with variations, sent by parents of several establishments who just
// logged in from new devices and write wider than parents do, is a wave:
// every copy is held, the third opens an incident, the copies are
// recalled, the accounts are read-only and their sessions gone, and
// later copies are held everywhere, even from an ordinary account.
func TestNearDuplicatesFromSuspiciousSenders(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 4)
		ctx := context.Background()
		// A session row for each sender, to see containment revoke it.
		for i := 1; i <= 3; i++ {
			u := user(t, e, fmt.Sprintf("parent.%d.C1.1", i))
			if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
				return tx.CreateSession(ctx, store.Session{TokenHash: []byte(fmt.Sprintf("token-%d-xxxxxxxxxxxxxxxxxxxxxxxxx", i)), UserID: u.ID,
					CreatedAt: store.Micros(e.Clock.Now()), LastSeen: store.Micros(e.Clock.Now()), ExpiresAt: store.Micros(e.Clock.Now()) + 1e10, PublicID: fmt.Sprint(i)})
			}); err != nil {
				t.Fatal(err)
			}
		}
		var ids []int64
		for i := 1; i <= 3; i++ {
			res := mustSend(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), true}, parentWide(i), "Convocation", unseenVariants[i-1])
			ids = append(ids, res.ID)
			// Parents worth 2 points are held from the first copy.
			if res.Status != bouclier.StatusHeld {
				t.Fatalf("copy %d: %s (%v)", i, res.Status, reasonsOf(t, e, res))
			}
		}
		cs := incidents(t, e)
		if len(cs) != 1 {
			t.Fatalf("%d incidents, want 1", len(cs))
		}
		c := cs[0]
		if c.Messages != 3 || len(c.Accounts) != 3 || len(c.Locked) != 3 || c.ContainedAt == 0 || len(c.Academies) != 2 {
			t.Fatalf("incident: %+v", c)
		}
		// The timeline counts in French: « 3 messages retirés », never
		// « message(s) ».
		evs, err := e.App.DB.CampaignEvents(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		recalled := false
		for _, ev := range evs {
			if strings.Contains(ev.Detail, "(s)") {
				t.Errorf("event %s: %q", ev.Kind, ev.Detail)
			}
			recalled = recalled || ev.Kind == "recalled" && strings.Contains(ev.Detail, "3\u00a0messages retirés de toutes les boîtes")
		}
		if !recalled {
			t.Errorf("no event says the 3 messages were recalled: %+v", evs)
		}
		for _, id := range ids {
			if m := message(t, e, id); !m.Recalled {
				t.Errorf("message %d not recalled", id)
			}
			if n, _ := e.App.DB.VisibleCopies(ctx, id); n != 0 {
				t.Errorf("message %d: %d visible copies", id, n)
			}
		}
		for i := 1; i <= 3; i++ {
			u := user(t, e, fmt.Sprintf("parent.%d.C1.1", i))
			if !u.ReadOnly {
				t.Errorf("%s not read-only", u.Username)
			}
			if ss, _ := e.App.DB.UserSessions(ctx, u.ID); len(ss) != 0 {
				t.Errorf("%s still has %d sessions", u.Username, len(ss))
			}
		}
		// A read-only account cannot send any more.
		if _, err := send(t, e, sender{"parent.1.C1.1", true}, parentWide(1), "Encore", unseen); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("locked sender: %v", err)
		}
		// A further copy is held, whoever sends it.
		res := mustSend(t, e, sender{"parent.4.C2.2", false}, []string{"user:prof.4"}, "Fwd", unseenVariants[3])
		if res.Status != bouclier.StatusHeld || !strings.Contains(strings.Join(reasonsOf(t, e, res), " "), "incident") {
			t.Errorf("later copy: %s %v, want held for the incident", res.Status, reasonsOf(t, e, res))
		}
		// Ordinary traffic goes on.
		if res := mustSend(t, e, sender{"prof.4", false}, []string{"class:0990004A/C1"}, "Devoirs", "Pour jeudi : exercices 3 à 7 page 112, et relire le chapitre sur les fractions."); res.Status != bouclier.StatusDelivered {
			t.Errorf("ordinary message: %s %v", res.Status, reasonsOf(t, e, res))
		}
	})
}

// TestTeacherWave: teachers who just logged in from new devices and write
// far wider than they ever did (their accounts' very first sessions, so
// nothing waits on probation): the third copy makes the cluster a wave,
// every copy is recalled, the accounts locked.
func TestTeacherWave(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 3)
		for i := 1; i <= 3; i++ { // a history of single-class messages
			for n := 0; n < 3; n++ {
				mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{fmt.Sprintf("class:099%04dA/C1", i)}, "Devoirs", fmt.Sprintf("Exercice %d page %d.", n, 10*i))
			}
		}
		var ids []int64
		for i := 1; i <= 3; i++ {
			uai := fmt.Sprintf("099%04dA", i)
			res := mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), true}, []string{"class:" + uai + "/C1", "class:" + uai + "/C2", "parents:" + uai + "/C1", "parents:" + uai + "/C2", "staff:" + uai},
				"Information", unseenVariants[i-1])
			if res.Status != bouclier.StatusDelivered {
				t.Fatalf("copy %d: %s %v", i, res.Status, reasonsOf(t, e, res))
			}
			ids = append(ids, res.ID)
		}
		cs := incidents(t, e)
		if len(cs) != 1 || len(cs[0].Accounts) != 3 || len(cs[0].Locked) != 3 || cs[0].Level != "contain" {
			t.Fatalf("incidents: %+v", cs)
		}
		for _, id := range ids {
			if m := message(t, e, id); !m.Recalled {
				t.Errorf("message %d not recalled", id)
			}
			if n, _ := e.App.DB.VisibleCopies(context.Background(), id); n != 0 {
				t.Errorf("message %d: %d copies still visible", id, n)
			}
		}
	})
}

// TestWaveLevels: the same new text from four parents of four
// establishments, one message each to their child's teacher: with account
// signals (new devices) it is contained, with behaviour signals alone
// (fan-out) it is held for review and nobody is locked, without any
// signal it is only recorded.
func TestWaveLevels(t *testing.T) {
	for _, c := range []struct {
		name        string
		fresh, wide bool
		level       string
		locked      int
	}{
		{"account signals", true, false, "contain", 4},
		{"fan-out only", false, true, "review", 0},
		{"account and fan-out", true, true, "contain", 4},
		{"no signal", false, false, "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 4)
				var ids []int64
				for i := 1; i <= 4; i++ {
					to := []string{fmt.Sprintf("user:prof.%d", i)}
					if c.wide {
						to = parentWide(i)
					}
					ids = append(ids, mustSend(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), c.fresh}, to, "Convocation", unseenVariants[i-1]).ID)
				}
				cs := incidents(t, e)
				if c.level == "" {
					if len(cs) != 0 {
						t.Fatalf("incidents: %+v", cs)
					}
					return
				}
				if len(cs) != 1 || cs[0].Level != c.level {
					t.Fatalf("incidents: %+v, want one at level %s", cs, c.level)
				}
				locked := 0
				for i := 1; i <= 4; i++ {
					if user(t, e, fmt.Sprintf("parent.%d.C1.1", i)).ReadOnly {
						locked++
					}
				}
				if locked != c.locked {
					t.Errorf("%d accounts locked, want %d", locked, c.locked)
				}
				for _, id := range ids {
					if n, _ := e.App.DB.VisibleCopies(context.Background(), id); n != 0 {
						t.Errorf("message %d: %d copies visible", id, n)
					}
				}
			})
		})
	}
}

// TestScreenSignal: the known wave texts, which the screen itself holds
// or rejects, make a wave even from known devices.
func TestScreenSignal(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 3)
		screenWave(t, e)
		// Known devices: the académie reviews, nobody is locked.
		cs := incidents(t, e)
		if len(cs) != 1 || len(cs[0].Locked) != 0 || len(cs[0].Accounts) != 3 || cs[0].Level != "review" {
			t.Fatalf("incidents: %+v", cs)
		}
	})
}

// screenWave sends three variants of a bomb threat from three parents of
// three establishments, from known devices: an incident held for review.
func screenWave(t *testing.T, e *apptest.Env) {
	t.Helper()
	texts := []string{
		"Une bombe va exploser demain au collège à 10h, vous êtes prévenus. Ce n'est pas une blague.",
		"Une b0mbe va exploser demain au collège à 10h, vous êtes prévenus. Ce n'est pas une blague !",
		"Une bombe 💣 va exploser demain au collège vers 10h, vous êtes prévenus. Ce n'est pas une blague.",
	}
	for i := 1; i <= 3; i++ {
		_, _ = send(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), false}, []string{fmt.Sprintf("user:prof.%d", i)}, "Alerte", texts[i-1])
	}
}

// TestAttachmentAndLinkSignals: different texts are one wave when they
// carry the same attachment, one document whose copies differ by a
// number, or a link to the same unknown domain.
func TestAttachmentAndLinkSignals(t *testing.T) {
	texts := []string{
		"Bonjour, voici le document demandé pour la sortie de vendredi, merci de le lire attentivement.",
		"Madame, Monsieur, vous trouverez ci-joint les informations sur la réunion de rentrée des familles.",
		"Bonsoir, le planning des examens blancs est disponible, pensez à le consulter avant lundi matin.",
	}
	for _, c := range []struct {
		name  string
		extra func(i int) (string, []messaging.Attachment)
		want  int
	}{
		{"same attachment", func(i int) (string, []messaging.Attachment) {
			return "", []messaging.Attachment{{Name: "info.txt", ContentType: "text/plain", Data: []byte("Document commun de la vague, identique partout.\n")}}
		}, 1},
		{"different attachments", func(i int) (string, []messaging.Attachment) {
			// Their words differ: a document's words are keyed as a body's
			// (documents.go), so copies differing by a number alone are one.
			own := []string{"Liste des fournitures de mathématiques pour le trimestre.", "Menu de la cantine pour la semaine prochaine.",
				"Horaires du club de théâtre après les vacances."}[i-1]
			return "", []messaging.Attachment{{Name: "info.txt", ContentType: "text/plain", Data: []byte(own + "\n")}}
		}, 0},
		{"one document numbered per copy", func(i int) (string, []messaging.Attachment) {
			return "", []messaging.Attachment{{Name: "info.txt", ContentType: "text/plain", Data: []byte(fmt.Sprintf("Document propre à l'expéditeur %d.\n", i))}}
		}, 1},
		// An unknown domain the screen delivers: this test is of the
		// grouping; a « family portal » .com (the earlier fixture) reads as
		// phishing to the model, and a held message is a signal of its own.
		{"same link domain", func(i int) (string, []messaging.Attachment) {
			return fmt.Sprintf(" Lien : https://album-classe-verte.fr/doc/%d", i), nil
		}, 1},
		{"rotating subdomains", func(i int) (string, []messaging.Attachment) {
			return fmt.Sprintf(" Lien : https://x%d.album-classe-verte.fr/doc", i*7919), nil
		}, 1},
		{"official link", func(i int) (string, []messaging.Attachment) {
			return fmt.Sprintf(" Lien : https://www.ac-versailles.fr/doc/%d", i), nil
		}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 3)
				for i := 1; i <= 3; i++ {
					suffix, atts := c.extra(i)
					_, _ = send(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), true}, parentWide(i), "Information", texts[i-1]+suffix, atts...)
				}
				if cs := incidents(t, e); len(cs) != c.want {
					t.Errorf("%d incidents, want %d: %+v", len(cs), c.want, cs)
				}
			})
		})
	}
}

// TestClosedHoursAttempts: an attempt to send during closed hours earlier
// is a signal: four parents of known devices who tried at night make the
// same new text a wave to review; without the attempts it is nothing.
func TestClosedHoursAttempts(t *testing.T) {
	for _, closed := range []bool{false, true} {
		t.Run(fmt.Sprint("closed=", closed), func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 4)
				ctx := context.Background()
				for i := 1; i <= 4; i++ {
					u := user(t, e, fmt.Sprintf("parent.%d.C1.1", i))
					if closed {
						if err := e.App.DB.RecordClosedAttempt(ctx, u.ID, store.Micros(e.Clock.Now().Add(-8*60*60e9))); err != nil {
							t.Fatal(err)
						}
					}
				}
				for i := 1; i <= 4; i++ {
					_, _ = send(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), false}, []string{fmt.Sprintf("user:prof.%d", i)}, "Convocation", unseenVariants[i-1])
				}
				want := 0
				if closed {
					want = 1
				}
				if n := len(incidents(t, e)); n != want {
					t.Errorf("%d incidents, want %d", n, want)
				}
			})
		})
	}
}

// TestReports: copies that went out unnoticed, from accounts without any
// signal, are held for review once their recipients report them; nobody
// is locked on reports.
func TestReports(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 3)
		ctx := context.Background()
		var ids []int64
		for i := 1; i <= 3; i++ {
			res := mustSend(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), false}, []string{fmt.Sprintf("user:prof.%d", i)}, "Convocation", unseenVariants[i-1])
			if res.Status != bouclier.StatusDelivered {
				t.Fatalf("copy %d: %s", i, res.Status)
			}
			ids = append(ids, res.ID)
		}
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		if n := len(incidents(t, e)); n != 0 {
			t.Fatalf("%d incidents before any report", n)
		}
		for i, id := range ids {
			prof := user(t, e, fmt.Sprintf("prof.%d", i+1))
			if err := e.App.Moderation.Report(ctx, bouclier.Actor{User: prof, Source: "test"}, id, "message bizarre"); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		cs := incidents(t, e)
		if len(cs) == 0 {
			t.Fatal("no incident after reports")
		}
		for _, id := range ids {
			m := message(t, e, id)
			if m.Recalled || m.Status != bouclier.StatusHeld {
				t.Errorf("message %d: recalled %v, status %s; want held", id, m.Recalled, m.Status)
			}
		}
		for i := 1; i <= 3; i++ {
			if user(t, e, fmt.Sprintf("parent.%d.C1.1", i)).ReadOnly {
				t.Errorf("parent.%d.C1.1 locked on reports", i)
			}
		}
	})
}

// TestLegitimateBroadcasts: the rectorat's letter forwarded by every head
// (some from new devices), the absence note (a template with a history)
// of many parents, some from new devices, teachers writing the same note
// to all their classes: nothing held, no incident.
func TestLegitimateBroadcasts(t *testing.T) {
	letter := "Madame, Monsieur, des messages menaçants ont été envoyés ces derniers jours à de nombreux établissements par des comptes piratés. " +
		"La police est saisie et des plaintes ont été déposées. Ne répondez pas à ces messages et signalez-les. Consignes : https://www.education.gouv.fr/securite"
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 8)
		check := func(res messaging.Result, err error, who string) {
			t.Helper()
			if err != nil || res.Status != bouclier.StatusDelivered {
				t.Errorf("%s: %v %s %v", who, err, res.Status, reasonsOf(t, e, res))
			}
		}
		for i := 1; i <= 8; i++ {
			uai := fmt.Sprintf("099%04dA", i)
			res, err := send(t, e, sender{fmt.Sprintf("head.%d", i), i%2 == 0}, []string{"parents:" + uai + "/C1", "parents:" + uai + "/C2", "staff:" + uai}, "Message du recteur", letter)
			check(res, err, fmt.Sprintf("head.%d", i))
		}
		// The absence note is a template: parents sent it on the days before.
		e.Clock.Advance(-72 * time.Hour)
		for i := 1; i <= 6; i++ {
			mustSend(t, e, sender{fmt.Sprintf("parent.%d.C1.2", i), false}, []string{fmt.Sprintf("user:prof.%d", i)}, "Absence", "Mon enfant sera absent demain pour raison médicale.")
		}
		e.Clock.Advance(72 * time.Hour)
		for i := 1; i <= 8; i++ {
			for _, c := range []string{"C1", "C2"} {
				res, err := send(t, e, sender{fmt.Sprintf("parent.%d.%s.1", i, c), i%4 == 0}, []string{fmt.Sprintf("user:prof.%d", i)}, "Absence",
					"Mon enfant sera absent demain pour raison médicale.")
				check(res, err, "parent")
			}
		}
		for i := 1; i <= 3; i++ {
			uai := fmt.Sprintf("099%04dA", i)
			res, err := send(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{"class:" + uai + "/C1", "class:" + uai + "/C2", "parents:" + uai + "/C1", "parents:" + uai + "/C2"},
				"Sortie au musée", "Bonjour à tous, la sortie au musée aura lieu jeudi. Rendez-vous à 8h devant le collège, retour vers 17h. Prévoir un pique-nique.")
			check(res, err, "teacher")
		}
		if err := e.App.Campaign.Sweep(context.Background()); err != nil {
			t.Fatal(err)
		}
		if cs := incidents(t, e); len(cs) != 0 {
			t.Errorf("incidents: %+v", cs)
		}
		if held, _ := e.App.DB.Held(context.Background(), "", "", 100); len(held) != 0 {
			t.Errorf("%d messages held", len(held))
		}
	})
}

// TestProbation: a new text from a browser new to an account that had
// known ones waits ProbationFor, then goes out when no wave formed; a new
// text from an account's very first session goes out at once.
func TestProbation(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 2)
		ctx := context.Background()
		sendAs := func(sess auth.Session, to, body string) messaging.Result {
			t.Helper()
			res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), sess.User, messaging.Draft{To: []string{to}, Subject: "Question", Body: body}, "test")
			if err != nil {
				t.Fatal(err)
			}
			if err := e.App.Campaign.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			return res
		}
		sess := sessionAs(t, e, "parent.1.C1.1", "203.0.113.0/24", false, e.Clock.Now().Add(-time.Hour), false)
		res := sendAs(sess, "user:prof.1", "Bonjour, la kermesse de juin aura-t-elle lieu dans la cour ou au gymnase cette année ?")
		if res.Status != bouclier.StatusHeld {
			t.Fatalf("new text from a new browser: %s %v", res.Status, reasonsOf(t, e, res))
		}
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		if m := message(t, e, res.ID); m.Status != bouclier.StatusHeld {
			t.Fatalf("released before its time: %s", m.Status)
		}
		e.Clock.Advance(campaign.DefaultConfig().ProbationFor + time.Second)
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		if m := message(t, e, res.ID); m.Status != bouclier.StatusDelivered {
			t.Errorf("after probation: %s", m.Status)
		}
		if n, _ := e.App.DB.VisibleCopies(ctx, res.ID); n != 1 {
			t.Errorf("%d visible copies after probation", n)
		}
		// An account's first session ever: no known device to compare with.
		if res := mustSend(t, e, sender{"parent.2.C1.1", true}, []string{"user:prof.2"}, "Question", "Bonjour, la fête de l'école aura-t-elle lieu samedi ?"); res.Status != bouclier.StatusDelivered {
			t.Errorf("first session: %s %v", res.Status, reasonsOf(t, e, res))
		}
	})
}

// TestIncidentAuthority: heads see incidents touching their establishment,
// académie admins those of their académie; others are refused; closing
// stops the holding.
func TestIncidentAuthority(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 4)
		ctx := context.Background()
		for i := 1; i <= 3; i++ {
			mustSend(t, e, sender{fmt.Sprintf("parent.%d.C1.1", i), true}, parentWide(i), "Convocation", unseenVariants[i-1])
		}
		cs := incidents(t, e)
		if len(cs) != 1 {
			t.Fatalf("%d incidents", len(cs))
		}
		id := cs[0].ID
		d := e.App.Campaign
		for _, c := range []struct {
			user string
			want int
		}{{"head.1", 1}, {"head.4", 0}, {"rssi.aca-nord", 1}, {"rssi.versailles", 0}, {"admin", 1}} {
			got, err := d.Incidents(ctx, e.Actor(t, c.user))
			if err != nil || len(got) != c.want {
				t.Errorf("%s: %d incidents (%v), want %d", c.user, len(got), err, c.want)
			}
		}
		if _, err := d.Incidents(ctx, e.Actor(t, "prof.1")); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("teacher: %v", err)
		}
		if _, err := d.Incident(ctx, e.Actor(t, "head.4"), id); bouclier.ErrorCode(err) != bouclier.ErrNotFound {
			t.Errorf("head outside: %v", err)
		}
		in, err := d.Incident(ctx, e.Actor(t, "head.2"), id)
		if err != nil || len(in.Timeline) == 0 || in.Timeline[0].Kind != "opened" {
			t.Fatalf("incident view: %+v %v", in, err)
		}
		if err := d.Close(ctx, e.Actor(t, "rssi.aca-nord"), id, ""); bouclier.ErrorCode(err) != bouclier.ErrForbidden {
			t.Errorf("académie admin closing a two-académie incident: %v", err)
		}
		if err := d.Close(ctx, e.Actor(t, "admin"), id, "vague terminée"); err != nil {
			t.Fatal(err)
		}
		if err := d.Close(ctx, e.Actor(t, "admin"), id, ""); bouclier.ErrorCode(err) != bouclier.ErrConflict {
			t.Errorf("closing twice: %v", err)
		}
		res := mustSend(t, e, sender{"parent.4.C2.2", false}, []string{"user:prof.4"}, "Fwd", unseenVariants[3])
		if res.Status != bouclier.StatusDelivered {
			t.Errorf("after close: %s %v", res.Status, reasonsOf(t, e, res))
		}
	})
}

// TestTemplateWithSwitchedLink: hijacked teachers send the museum note
// (a template with a history) with its authorisation switched to a site
// of their own, a new domain each: their copies are held, while the same
// note sent as usual by other teachers, before and after, is not held
// with them (campaign6's modele-sortie-lien-change).
func TestTemplateWithSwitchedLink(t *testing.T) {
	const note = "Madame, Monsieur, la sortie au musée de la classe aura lieu le 12. Merci de rendre l'autorisation signée avant vendredi."
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 8)
		ctx := context.Background()
		parents := func(i int) []string { return []string{fmt.Sprintf("parents:099%04dA/C1", i)} }
		e.Clock.Advance(-72 * time.Hour)
		for i := 1; i <= 6; i++ {
			mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, parents(i), "Sortie", note)
		}
		e.Clock.Advance(72 * time.Hour)
		before := mustSend(t, e, sender{"prof.7", false}, parents(7), "Sortie", note)
		var attack []messaging.Result
		for i := 1; i <= 4; i++ {
			attack = append(attack, mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, parents(i), "Sortie",
				note+fmt.Sprintf(" Autorisation à remplir en ligne : https://autorisation.sortie-%d%d.fr/classe", i, 7*i)))
		}
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		if cs := incidents(t, e); len(cs) == 0 {
			t.Fatal("no incident for the switched links")
		}
		after := mustSend(t, e, sender{"prof.8", false}, parents(8), "Sortie", note)
		e.Clock.Advance(2 * time.Minute)
		if err := e.App.Campaign.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		for _, a := range attack {
			if m := message(t, e, a.ID); m.Status == bouclier.StatusDelivered && !m.Recalled {
				t.Errorf("switched link delivered: %d", a.ID)
			}
		}
		for _, r := range []messaging.Result{before, after} {
			if m := message(t, e, r.ID); m.Status != bouclier.StatusDelivered || m.Recalled {
				t.Errorf("the note as usual: %s %v", m.Status, m.Reasons)
			}
		}
	})
}
