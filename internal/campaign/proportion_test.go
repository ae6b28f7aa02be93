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

const (
	homeAgent  = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
	otherAgent = "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36"
)

// homeOf is an account's home address.
func homeOf(u bouclier.User) string { return fmt.Sprintf("10.1.%d.17", u.ID%250) }

// knowHome records an account's home browser on its home network a month ago.
func knowHome(t *testing.T, e *apptest.Env, name string) {
	t.Helper()
	ctx := context.Background()
	u := user(t, e, name)
	net, fam := auth.Network(homeOf(u)), auth.UAFamily(homeAgent)
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		return tx.PutKnownDevice(ctx, u.ID, auth.NetworkBrowserKey(net, fam), net, fam, store.Micros(e.Clock.Now().Add(-30*24*time.Hour)))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sendFrom sends as name from a session stored with its network and
// browser, as a server's would be, opened ten minutes before.
func sendFrom(t *testing.T, e *apptest.Env, name, addr, agent string, knownDevice bool, to []string, subject, body string) messaging.Result {
	t.Helper()
	ctx := context.Background()
	u := user(t, e, name)
	now := e.Clock.Now()
	created := now.Add(-10 * time.Minute)
	h := sha256.Sum256([]byte("test-session:" + name + addr + agent))
	ss := store.Session{TokenHash: h[:], UserID: u.ID, CreatedAt: store.Micros(created), LastSeen: store.Micros(now), ExpiresAt: store.Micros(now.Add(time.Hour)),
		AuthAt: store.Micros(created), MFAAt: store.Micros(now), Source: addr, UserAgent: agent, PublicID: fmt.Sprintf("t-%x", h[:6]),
		Network: auth.Network(addr), UAFamily: auth.UAFamily(agent), KnownDevice: knownDevice}
	if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error { return tx.CreateSession(ctx, ss) }); err != nil {
		t.Fatal(err)
	}
	sess := auth.Session{TokenHash: h[:], User: u, CreatedAt: created, AuthAt: created, MFAAt: now, KnownDevice: knownDevice}
	res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), u, messaging.Draft{To: to, Subject: subject, Body: body}, "test")
	if err != nil {
		t.Fatalf("send as %s: %v", name, err)
	}
	if err := e.App.Campaign.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	e.Clock.Advance(time.Second)
	return res
}

// TestStrongAccountSignal: the same wave from parents of four
// establishments is contained either way, but only a network new to the
// accounts (even with their known browser) locks them and recalls their
// copies; a new browser on their home network only has the copies held.
func TestStrongAccountSignal(t *testing.T) {
	for _, c := range []struct {
		name        string
		away        bool // from a network the account never used
		agent       string
		knownDevice bool
		wantLocked  bool
	}{
		{"new browser at home", false, otherAgent, false, false},
		{"known browser, new network", true, homeAgent, true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 4)
				var ids []int64
				for i := 1; i <= 4; i++ {
					name := fmt.Sprintf("parent.%d.C1.1", i)
					knowHome(t, e, name)
					addr := homeOf(user(t, e, name))
					if c.away {
						addr = fmt.Sprintf("198.51.%d.4", 100+i)
					}
					ids = append(ids, sendFrom(t, e, name, addr, c.agent, c.knownDevice, parentWide(i), "Convocation", unseenVariants[i-1]).ID)
				}
				if err := e.App.Campaign.Sweep(context.Background()); err != nil {
					t.Fatal(err)
				}
				if len(incidents(t, e)) == 0 {
					t.Fatal("no incident")
				}
				for i, id := range ids {
					m := message(t, e, id)
					if m.Status == bouclier.StatusDelivered && !m.Recalled {
						t.Errorf("copy %d visible", i+1)
					}
					if m.Recalled != c.wantLocked {
						t.Errorf("copy %d recalled: %v, want %v", i+1, m.Recalled, c.wantLocked)
					}
					if u := user(t, e, fmt.Sprintf("parent.%d.C1.1", i+1)); u.ReadOnly != c.wantLocked {
						t.Errorf("parent %d locked: %v, want %v", i+1, u.ReadOnly, c.wantLocked)
					}
				}
			})
		})
	}
}

// redAlertNotice is a head's alarming closure notice, which teachers pass on.
const redAlertNotice = "Alerte météo rouge : le collège sera fermé demain, aucun élève ne sera accueilli. Prévenez les autres familles de la classe qui n'auraient pas reçu ce message. Inutile d'appeler le secrétariat."

// TestRelaysOfNotices: heads of four establishments send an alarming
// closure notice to their teachers, who pass it on widely with a word of
// their own (the first head from a new browser at home): no incident,
// nothing held. The same text sent by the
// teachers without their heads' notice is a wave to review.
func TestRelaysOfNotices(t *testing.T) {
	const notice = redAlertNotice
	for _, withNotice := range []bool{true, false} {
		t.Run(fmt.Sprint("notice=", withNotice), func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 4)
				var ids []int64
				for i := 1; i <= 4; i++ {
					uai := fmt.Sprintf("099%04dA", i)
					switch head := fmt.Sprintf("head.%d", i); {
					case withNotice && i == 1:
						// The first head on a new browser at home: a weak
						// signal, their notice is still theirs.
						knowHome(t, e, head)
						sendFrom(t, e, head, homeOf(user(t, e, head)), otherAgent, false, []string{"teachers:" + uai + "/C1", "teachers:" + uai + "/C2"}, "Alerte météo", notice)
					case withNotice:
						mustSend(t, e, sender{head, false}, []string{"teachers:" + uai + "/C1", "teachers:" + uai + "/C2"}, "Alerte météo", notice)
					}
					ids = append(ids, mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{"parents:" + uai + "/C1", "parents:" + uai + "/C2", "class:" + uai + "/C1"},
						"Tr : Alerte météo", "Bonjour, je vous transmets le message de la direction. "+notice).ID)
				}
				e.Clock.Advance(campaign.DefaultConfig().FormingFor)
				if err := e.App.Campaign.Sweep(context.Background()); err != nil {
					t.Fatal(err)
				}
				cs := incidents(t, e)
				if withNotice && len(cs) != 0 {
					t.Errorf("relays made an incident: %+v", cs)
				}
				if !withNotice && (len(cs) != 1 || cs[0].Level != "review" || len(cs[0].Locked) != 0) {
					t.Errorf("incidents without the notice: %+v", cs)
				}
				for i, id := range ids {
					if held := message(t, e, id).Status == bouclier.StatusHeld; held == withNotice {
						t.Errorf("teacher %d's copy held: %v", i+1, held)
					}
				}
			})
		})
	}
}

// TestRelayAddingAlarm: heads of four establishments send the strike
// notice, quiet, to their teachers, who pass it on to their classes'
// parents. With a word of introduction the copies are relays, delivered
// at once; with a line of alarm added (campaign10's
// relais-de-greve-alarmant: still as alike to the notice as a relay)
// they are not: each waits while the wave forms, which is reviewed, and
// no copy was delivered.
func TestRelayAddingAlarm(t *testing.T) {
	const notice = "Madame, Monsieur, en raison d'un mouvement de grève jeudi, les cours n'auront pas lieu pour les classes dont les professeurs seront absents. " +
		"Un accueil des élèves sera assuré au collège de 8 h à 17 h. Merci de votre compréhension."
	for _, c := range []struct {
		name, intro, line string
		relay             bool
	}{
		{"introduction", "Bonjour, je vous transmets le message de la direction. ", "", true},
		{"alarm added", "", " Urgence : collège fermé après une menace, n'appelez pas.", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 4)
				ctx := context.Background()
				var ids []int64
				for i := 1; i <= 4; i++ {
					uai := fmt.Sprintf("099%04dA", i)
					mustSend(t, e, sender{fmt.Sprintf("head.%d", i), false}, []string{"teachers:" + uai + "/C1", "teachers:" + uai + "/C2"}, "Grève du jeudi", notice)
					e.Clock.Advance(10 * time.Second)
					res := mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{"parents:" + uai + "/C1"}, "Tr : Grève du jeudi", c.intro+notice+c.line)
					if sent := res.Status == bouclier.StatusDelivered; sent != c.relay {
						t.Errorf("copy %d delivered at once: %v", i, sent)
					}
					ids = append(ids, res.ID)
					if err := e.App.Campaign.Sweep(ctx); err != nil {
						t.Fatal(err)
					}
				}
				reviewedOnce(t, e, ids, !c.relay)
			})
		})
	}
}

// TestRelayRightAfterNoNotice: a teacher's copy of the head's alarming
// closure notice, which would wait out its probation were it not a relay,
// is delivered at once though the establishment was found a moment
// before to have sent no notice (notices.go remembers that for
// NoticeFor): the head's message forgets what was remembered.
func TestRelayRightAfterNoNotice(t *testing.T) {
	const notice = redAlertNotice
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 4)
		ctx := context.Background()
		var ids []int64
		for i := 1; i <= 4; i++ {
			uai := fmt.Sprintf("099%04dA", i)
			e.App.Campaign.PrimeNotices(uai, e.Clock.Now())
			if _, err := sendQueued(t, e, sender{fmt.Sprintf("head.%d", i), false}, []string{"teachers:" + uai + "/C1", "teachers:" + uai + "/C2"}, "Alerte météo", notice); err != nil {
				t.Fatal(err)
			}
			if err := e.App.Campaign.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			e.Clock.Advance(campaign.NoticeFor / 2)
			res, err := sendQueued(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{"parents:" + uai + "/C1", "parents:" + uai + "/C2", "class:" + uai + "/C1"},
				"Tr : Alerte météo", "Bonjour, je vous transmets le message de la direction. "+notice)
			if err != nil || res.Status != bouclier.StatusDelivered {
				t.Errorf("copy %d: %s (%v), want delivered at once", i, res.Status, err)
			}
			ids = append(ids, res.ID)
			if err := e.App.Campaign.Sweep(ctx); err != nil {
				t.Fatal(err)
			}
			e.Clock.Advance(time.Second)
		}
		reviewedOnce(t, e, ids, false)
	})
}

// reviewedOnce sweeps once FormingFor is over and checks that the copies
// ids made one incident to review, every copy held (wave), or none, every
// copy delivered.
func reviewedOnce(t *testing.T, e *apptest.Env, ids []int64, wave bool) {
	t.Helper()
	e.Clock.Advance(campaign.DefaultConfig().FormingFor)
	if err := e.App.Campaign.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	if cs := incidents(t, e); (wave && (len(cs) != 1 || cs[0].Level != "review")) || (!wave && len(cs) != 0) {
		t.Errorf("incidents (wave %v): %+v", wave, cs)
	}
	for i, id := range ids {
		if held := message(t, e, id).Status == bouclier.StatusHeld; held != wave {
			t.Errorf("copy %d held: %v", i+1, held)
		}
	}
}

// TestOneSchoolStolenPasswords: three parents of one establishment send
// its teacher and head paraphrases of a closure hoax. From browsers and
// networks none of them ever used (stolen passwords: campaign10's
// parents-d-un-seul-college) it is a wave to review though it never
// leaves the establishment: every copy held, nobody locked. From their
// own phones on a mobile network (a strong signal too) it is no wave:
// the copies go out once their probation is over.
func TestOneSchoolStolenPasswords(t *testing.T) {
	texts := []string{
		// « Le collège sera fermé demain suite à une alerte, prévenez les autres
		// familles… » is held by the screen since the model of 6 December,
		// early morning (p 0.85).
		"Le collège restera fermé demain suite à une alerte, merci de prévenir les autres familles, ne contactez pas le secrétariat.",
		"Fermeture du collège demain pour raison de sécurité, transmettez aux autres familles, le standard ne répond plus.",
		"Pas de cours demain, l'établissement est fermé après un problème grave, faites passer aux autres parents.",
	}
	parents := []string{"parent.1.C1.1", "parent.1.C1.2", "parent.1.C2.1"}
	for _, c := range []struct {
		name        string
		stolen      bool
		agent       string
		knownDevice bool
	}{
		{"stolen passwords", true, otherAgent, false},
		{"own phones on a mobile network", false, homeAgent, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 1)
				var ids []int64
				for i, p := range parents {
					knowHome(t, e, p)
					res := sendFrom(t, e, p, fmt.Sprintf("100.64.%d.9", 10+i), c.agent, c.knownDevice, []string{"user:prof.1", "user:head.1"}, "Information", texts[i])
					ids = append(ids, res.ID)
					e.Clock.Advance(20 * time.Second)
				}
				reviewedOnce(t, e, ids, c.stolen)
				for _, p := range parents {
					if user(t, e, p).ReadOnly {
						t.Errorf("%s locked", p)
					}
				}
			})
		})
	}
}

// TestFormingProbation: teachers whose sessions show nothing new send
// paraphrases of a veiled threat 45 seconds apart: the first
// copies wait while the wave forms (not released after ProbationFor),
// the third sender makes it a wave to review, and no copy was ever
// delivered. A single sender of such content waits ProbationFor only.
// The paraphrases are ones the screen delivers: it holds sharper ones
// (« nous savons où est votre salle ») since its nineteenth round, and
// the first under the subject « Pour vous » since the model of 5
// December, evening (p 0.66): the subject is « Information »; and « Vous
// avez de la chance que rien ne soit encore arrivé… » since the model of
// 6 December, night (p 0.80), replaced by a paraphrase it delivers.
func TestFormingProbation(t *testing.T) {
	texts := []string{
		"Tout est calme pour l'instant, mais cela ne va pas rester comme ça, on connaît votre classe.",
		"Profitez tant que tout est calme, ça ne durera pas, nous connaissons votre salle.",
		"Vous êtes tranquilles pour l'instant, mais plus pour longtemps, on connaît votre classe.",
	}
	for _, senders := range []int{1, 3} {
		t.Run(fmt.Sprint("senders=", senders), func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 3)
				ctx := context.Background()
				var ids []int64
				for i := 1; i <= senders; i++ {
					uai := fmt.Sprintf("099%04dA", i)
					res := mustSend(t, e, sender{fmt.Sprintf("prof.%d", i), false}, []string{"parents:" + uai + "/C1"}, "Information", texts[i-1])
					if res.Status != bouclier.StatusHeld {
						t.Fatalf("copy %d sent at once: %s", i, res.Status)
					}
					ids = append(ids, res.ID)
					for k := 0; k < 45; k += 5 {
						e.Clock.Advance(5 * time.Second)
						if err := e.App.Campaign.Sweep(ctx); err != nil {
							t.Fatal(err)
						}
						for j, id := range ids {
							if m := message(t, e, id); m.Status == bouclier.StatusDelivered && senders > 1 {
								t.Fatalf("copy %d delivered while the wave formed", j+1)
							}
						}
					}
				}
				e.Clock.Advance(campaign.DefaultConfig().ProbationFor)
				if err := e.App.Campaign.Sweep(ctx); err != nil {
					t.Fatal(err)
				}
				cs := incidents(t, e)
				if senders == 1 {
					if len(cs) != 0 || message(t, e, ids[0]).Status != bouclier.StatusDelivered {
						t.Errorf("a lone sender: incidents %+v, status %s", cs, message(t, e, ids[0]).Status)
					}
					return
				}
				if len(cs) != 1 || cs[0].Level != "review" {
					t.Errorf("incidents: %+v", cs)
				}
			})
		})
	}
}

// TestReporterHistory: a reporter's earlier reports count as founded when
// their message was rejected or recalled, unfounded when a person
// released it after review; undecided ones are neither.
func TestReporterHistory(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		world(t, e, 1)
		ctx := context.Background()
		to := []string{"parents:0990001A/C1"}
		var ids []int64
		for i := 0; i < 4; i++ {
			ids = append(ids, mustSend(t, e, sender{"prof.1", false}, to, "Sortie", fmt.Sprintf("La sortie au musée aura lieu le %d.", i+1)).ID)
		}
		parent := user(t, e, "parent.1.C1.1")
		for _, id := range ids {
			if err := e.App.Moderation.Report(ctx, bouclier.Actor{User: parent, Source: "test"}, id, "inquiétant"); err != nil {
				t.Fatal(err)
			}
		}
		now := store.Micros(e.Clock.Now())
		err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			for k, status := range []string{"rejected", "delivered"} {
				if _, err := tx.WithdrawToHeld(ctx, ids[k]); err != nil {
					return err
				}
				if _, err := tx.Decide(ctx, ids[k], status, "head.1", now); err != nil {
					return err
				}
			}
			_, err := tx.Recall(ctx, ids[2], "head.1", now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := e.App.DB.CampaignReporters(ctx, ids[3], now-int64(time.Hour/time.Microsecond), now-int64(campaign.ReportHistory/time.Microsecond))
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 || rs[0].Recent != 4 || rs[0].Founded != 2 || rs[0].Unfounded != 1 || rs[0].Role != bouclier.RoleParent {
			t.Errorf("reporters: %+v", rs)
		}
	})
}
