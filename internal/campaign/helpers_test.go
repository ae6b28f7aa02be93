package campaign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// world adds n establishments (UAI 0990001A, 0990002A, …) alternately in
// two académies, each with a head, a teacher of class C1 and C2, and per
// class two students and their parents. Everyone has a second factor so
// that group sends pass the account-security guard, and an email address.
func world(t *testing.T, e *apptest.Env, n int) {
	t.Helper()
	ctx := context.Background()
	now := e.Clock.Now()
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		for _, a := range []bouclier.Academie{{ID: "aca-nord", Name: "Académie Nord", TimeZone: "Europe/Paris"}, {ID: "aca-sud", Name: "Académie Sud", TimeZone: "Europe/Paris"}} {
			if err := tx.UpsertAcademie(ctx, a); err != nil {
				return err
			}
			if _, err := tx.UpsertUser(ctx, bouclier.User{Username: "rssi." + a.ID, DisplayName: "RSSI", Role: bouclier.RoleAcademyAdmin, Academie: a.ID,
				Email: "rssi." + a.ID + "@example.org"}, "", now); err != nil {
				return err
			}
		}
		for i := 1; i <= n; i++ {
			aca := []string{"aca-nord", "aca-sud"}[i%2]
			uai := fmt.Sprintf("099%04dA", i)
			if err := tx.UpsertEstablishment(ctx, bouclier.Establishment{UAI: uai, Name: "Collège " + uai, Academie: aca}); err != nil {
				return err
			}
			add := func(u bouclier.User) (int64, error) {
				u.Academie, u.DisplayName = aca, u.Username
				u.Email = u.Username + "@example.org"
				id, err := tx.UpsertUser(ctx, u, "", now)
				if err != nil {
					return 0, err
				}
				return id, tx.SetTOTPSecret(ctx, id, apptest.TOTPSecret)
			}
			if _, err := add(bouclier.User{Username: fmt.Sprintf("head.%d", i), Role: bouclier.RoleHead, UAI: uai}); err != nil {
				return err
			}
			tid, err := add(bouclier.User{Username: fmt.Sprintf("prof.%d", i), Role: bouclier.RoleTeacher, UAI: uai})
			if err != nil {
				return err
			}
			for _, c := range []string{"C1", "C2"} {
				if err := tx.UpsertClass(ctx, uai, c); err != nil {
					return err
				}
				if err := tx.AddTeaching(ctx, tid, uai, c); err != nil {
					return err
				}
				for k := 1; k <= 2; k++ {
					sid, err := add(bouclier.User{Username: fmt.Sprintf("eleve.%d.%s.%d", i, c, k), Role: bouclier.RoleStudent, UAI: uai, Class: c})
					if err != nil {
						return err
					}
					pid, err := add(bouclier.User{Username: fmt.Sprintf("parent.%d.%s.%d", i, c, k), Role: bouclier.RoleParent, UAI: uai})
					if err != nil {
						return err
					}
					if err := tx.LinkParent(ctx, pid, sid); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("world: %v", err)
	}
}

// sender is one account sending in a test.
type sender struct {
	name  string
	fresh bool // logged in just now from a device never seen
}

// send sends a message as name through the whole messaging path, with a
// session opened just now (fresh: from a new device), then lets the
// detector record what it observed.
func send(t *testing.T, e *apptest.Env, s sender, to []string, subject, body string, atts ...messaging.Attachment) (messaging.Result, error) {
	t.Helper()
	res, err := sendQueued(t, e, s, to, subject, body, atts...)
	if ferr := e.App.Campaign.Flush(context.Background()); ferr != nil {
		t.Fatalf("flush: %v", ferr)
	}
	e.Clock.Advance(time.Second)
	return res, err
}

// sendQueued is send without the detector's flush: what it observed stays
// in its queue, as with a burst of sends between two passes of its worker.
func sendQueued(t *testing.T, e *apptest.Env, s sender, to []string, subject, body string, atts ...messaging.Attachment) (messaging.Result, error) {
	t.Helper()
	ctx := context.Background()
	u, err := e.App.DB.UserByName(ctx, s.name)
	if err != nil {
		t.Fatalf("user %s: %v", s.name, err)
	}
	now := e.Clock.Now()
	created := now.Add(-2 * time.Minute)
	if !s.fresh {
		created = now.Add(-48 * time.Hour)
	}
	sess := auth.Session{User: u, CreatedAt: created, AuthAt: now, MFAAt: now, KnownDevice: !s.fresh}
	return e.App.Messaging.Send(auth.WithSession(ctx, sess), u, messaging.Draft{To: to, Subject: subject, Body: body, Attachments: atts}, "test")
}

func mustSend(t *testing.T, e *apptest.Env, s sender, to []string, subject, body string, atts ...messaging.Attachment) messaging.Result {
	t.Helper()
	res, err := send(t, e, s, to, subject, body, atts...)
	if err != nil {
		t.Fatalf("send as %s: %v", s.name, err)
	}
	return res
}

// parentWide is what a hijacked parent of establishment i sends to: the
// teachers of both classes and the staff, more than a parent's usual.
func parentWide(i int) []string {
	uai := fmt.Sprintf("099%04dA", i)
	return []string{"teachers:" + uai + "/C1", "staff:" + uai}
}

func incidents(t *testing.T, e *apptest.Env) []store.Campaign {
	t.Helper()
	cs, err := e.App.DB.Campaigns(context.Background(), "", "", 100)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func message(t *testing.T, e *apptest.Env, id int64) store.Entry {
	t.Helper()
	m, err := e.App.DB.MessageByID(context.Background(), id)
	if err != nil {
		t.Fatalf("message %d: %v", id, err)
	}
	return m
}

func user(t *testing.T, e *apptest.Env, name string) bouclier.User {
	t.Helper()
	u, err := e.App.DB.UserByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// unseen is a wave text the screen has never seen: nothing in it is a
// threat word, so only the wave's signals can catch it.
const unseen = "Bonjour, votre enfant figure sur la liste des élèves convoqués demain matin devant le portail nord. Merci de confirmer sa présence en répondant à ce message avant ce soir, sans en parler à l'équipe."

// variants of the unseen text: spacing, leetspeak, emoji, synonyms.
var unseenVariants = []string{
	unseen,
	"B0njour, v0tre enfant figure sur la l1ste des élèves convoqués demain  matin devant le portail nord 🙂. Merci de confirmer sa présence en répondant à ce message avant ce soir, sans en parler à l'équipe.",
	"Bonjour, votre enfant apparaît sur la liste des élèves convoqués demain matin devant le portail nord. Merci de valider sa présence en répondant à ce message avant ce soir, sans en parler à l'équipe !",
	"BONJOUR, votre enfant figure sur la liste des élèves convoqués demain matin devant l'entrée nord. Merci de confirmer sa présence en répondant à ce message avant ce soir, sans en parler aux professeurs.",
}

// reasonsOf returns the reasons stored with a sent message: the sender is
// not told them, moderators are.
func reasonsOf(t *testing.T, e *apptest.Env, res messaging.Result) []string {
	t.Helper()
	if res.ID == 0 {
		return nil
	}
	return message(t, e, res.ID).Reasons
}

// noneVisible fails t for each message of ids with a copy still visible
// in a mailbox.
func noneVisible(t *testing.T, e *apptest.Env, ids []int64) {
	t.Helper()
	for _, id := range ids {
		n, err := e.App.DB.VisibleCopies(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("message %d: %d copies visible", id, n)
		}
	}
}
