package campaign_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

// sessionAs stores a session for name issued at created from network with
// a known or new browser, after the account's home (network, browser)
// was recorded a month before, and returns it as auth gives it.
func sessionAs(t *testing.T, e *apptest.Env, name, network string, known bool, created time.Time, moved bool) auth.Session {
	t.Helper()
	ctx := context.Background()
	u := user(t, e, name)
	h := sha256.Sum256([]byte("session:" + name + network))
	const ua = "Firefox"
	ss := store.Session{TokenHash: h[:], UserID: u.ID, CreatedAt: store.Micros(created), LastSeen: store.Micros(created), ExpiresAt: store.Micros(created.Add(24 * time.Hour)),
		PublicID: name, Network: network, UAFamily: ua, KnownDevice: known}
	if moved {
		ss.MovedAt = store.Micros(created.Add(time.Minute))
	}
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		home := "10.0.0.0/24"
		if err := tx.PutKnownDevice(ctx, u.ID, auth.NetworkBrowserKey(home, ua), home, ua, store.Micros(created.Add(-30*24*time.Hour))); err != nil {
			return err
		}
		return tx.CreateSession(ctx, ss)
	})
	if err != nil {
		t.Fatal(err)
	}
	now := e.Clock.Now()
	return auth.Session{TokenHash: h[:], User: u, CreatedAt: created, AuthAt: created, MFAAt: now, KnownDevice: known, Moved: moved}
}

// TestSessionSignals: four parents of four establishments send the same new
// text, one message each to their child's teacher. What the session says
// decides: a stolen device token from another network, a new browser 35
// minutes after the login are account signals for the session's life
// (contained); the owner's own network and browser are
// not (nothing happens, nothing waits).
func TestSessionSignals(t *testing.T) {
	for _, c := range []struct {
		name    string
		network string
		known   bool
		age     time.Duration
		moved   bool
		want    string
	}{
		{"stolen device token from another network", "198.51.100.0/24", true, 5 * time.Minute, false, "contain"},
		{"new browser 35 minutes after login", "203.0.113.0/24", false, 35 * time.Minute, false, "contain"},
		{"owner's network and browser", "10.0.0.0/24", true, 3 * time.Hour, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 4)
				ctx := context.Background()
				for i := 1; i <= 4; i++ {
					name := fmt.Sprintf("parent.%d.C1.1", i)
					sess := sessionAs(t, e, name, c.network, c.known, e.Clock.Now().Add(-c.age), c.moved)
					res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), sess.User,
						messaging.Draft{To: []string{fmt.Sprintf("user:prof.%d", i)}, Subject: "Convocation", Body: unseenVariants[i-1]}, "test")
					if err != nil {
						t.Fatalf("send as %s: %v", name, err)
					}
					if c.want == "" && res.Status != bouclier.StatusDelivered {
						t.Errorf("%s: %s %v", name, res.Status, reasonsOf(t, e, res))
					}
					if err := e.App.Campaign.Flush(ctx); err != nil {
						t.Fatal(err)
					}
					e.Clock.Advance(time.Second)
				}
				cs := incidents(t, e)
				if c.want == "" {
					if len(cs) != 0 {
						t.Errorf("incidents: %+v", cs)
					}
					return
				}
				if len(cs) != 1 || cs[0].Level != c.want || len(cs[0].Accounts) != 4 || (c.want == "contain") != (len(cs[0].Locked) == 4) {
					t.Fatalf("incidents: %+v", cs)
				}
			})
		})
	}
}

// TestSplitSends: a teacher who writes to five groups in five single-group
// messages is flagged as one who writes to five groups at once.
func TestSplitSends(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 1)
		ctx := context.Background()
		e.Clock.Advance(-24 * time.Hour)
		mustSend(t, e, sender{"prof.1", false}, []string{"class:0990001A/C1"}, "Devoirs", "Exercice 4 page 12.")
		e.Clock.Advance(24 * time.Hour)
		groups := []string{"class:0990001A/C1", "class:0990001A/C2", "parents:0990001A/C1", "parents:0990001A/C2", "staff:0990001A"}
		var flags []int64
		for i, g := range groups {
			res := mustSend(t, e, sender{"prof.1", false}, []string{g}, "Information", fmt.Sprintf("Rappel %d : rendez les autorisations signées.", i))
			o, err := e.App.DB.CampaignObsByID(ctx, res.ID)
			if err != nil {
				t.Fatal(err)
			}
			flags = append(flags, o.Flags)
			e.Clock.Advance(6 * time.Minute) // slow: one every six minutes
		}
		for i, f := range flags {
			if got, want := f&campaign.FlagVolume != 0, i == len(flags)-1; got != want {
				t.Errorf("send %d: volume flag %v, want %v", i+1, got, want)
			}
		}
	})
}
