package national_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/national"
	"github.com/bouclier/bouclier/internal/national/natstest"
	"github.com/bouclier/bouclier/internal/policy"
	"github.com/bouclier/bouclier/internal/store"
)

// deployment is one Bouclier of the shield in a test.
type deployment struct {
	name  string
	env   *apptest.Env
	node  *national.Node
	key   ed25519.PrivateKey
	proxy *proxy // between it and NATS, when it can be cut off
	cfg   national.Config
}

// shield is the NATS cluster, the operator and the deployments.
type shield struct {
	cluster  *natstest.Cluster
	admin    *nats.Conn
	js       jetstream.JetStream
	operator *national.OperatorClient
	opKey    ed25519.PrivateKey
	keyer    *national.Keyer
	deps     []*deployment

	mu       sync.Mutex
	payloads [][]byte // everything published on bouclier.>, as seen by the admin
}

var scopes = [][]string{{"aca-nord"}, {"aca-sud"}, {"aca-nord"}}

// newShield starts a three-node JetStream cluster (R3 stream) and three
// deployments on their own SQLite stores, each with its own NATS user and
// key; the second one reaches NATS through a proxy the test can cut.
func newShield(t *testing.T) *shield {
	t.Helper()
	ctx := context.Background()
	s := &shield{}
	pub, opKey, _ := ed25519.GenerateKey(rand.Reader)
	s.opKey = opKey
	sketchKey := make([]byte, 32)
	_, _ = rand.Read(sketchKey)
	var err error
	if s.keyer, err = national.NewKeyer(sketchKey); err != nil {
		t.Fatal(err)
	}
	names := []string{"d0", "d1", "d2"}
	users := []natstest.User{{Name: "admin", Password: "admin-pw"}}
	members := map[string]national.Member{}
	keys := map[string]ed25519.PrivateKey{}
	for i, n := range names {
		users = append(users, natstest.DeploymentUser(n, n+"-pw", "1"))
		p, k, _ := ed25519.GenerateKey(rand.Reader)
		keys[n] = k
		members[n] = national.Member{Key: p, Academies: scopes[i]}
	}
	if s.cluster, err = natstest.Start(t.TempDir(), 3, users); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.cluster.Close)
	if s.admin, err = nats.Connect(strings.Join(s.cluster.URLs, ","), nats.UserInfo("admin", "admin-pw"), nats.MaxReconnects(-1)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.admin.Close)
	if s.js, err = jetstream.New(s.admin); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(90 * time.Second)
	for {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err = national.EnsureStream(cctx, s.js, 3)
		cancel()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("stream: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if _, err := s.admin.Subscribe("bouclier.>", func(m *nats.Msg) {
		s.mu.Lock()
		s.payloads = append(s.payloads, m.Data)
		s.mu.Unlock()
	}); err != nil {
		t.Fatal(err)
	}
	s.operator = national.NewOperator(s.js, opKey)
	for i, n := range names {
		c := config.Default()
		c.DataDir, c.SecureCookie = t.TempDir(), false
		e := apptest.OpenConfig(t, n, c)
		world(t, e, 6)
		d := &deployment{name: n, env: e, key: keys[n]}
		urls := s.cluster.URLs
		if i == 1 {
			d.proxy = newProxy(t, strings.TrimPrefix(s.cluster.URLs[1], "nats://"))
			urls = []string{"nats://" + d.proxy.addr()}
		}
		d.cfg = national.Config{Deployment: n, Key: keys[n], SketchKey: sketchKey, Members: members, OperatorKey: pub, URLs: urls, User: n, Password: n + "-pw"}
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		if d.node, err = national.New(d.cfg, e.App.DB, e.App.Campaign, e.App.Rules, e.Clock.Now, log); err != nil {
			t.Fatal(err)
		}
		e.App.Campaign.SetPeers(d.node)
		if err := d.node.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(d.node.Close)
		s.deps = append(s.deps, d)
	}
	return s
}

// eventually waits for cond, failing after a generous bound: nothing is
// asserted on time, only on what happens.
func eventually(t *testing.T, what string, cond func() bool, diags ...func() string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	diag := func() string {
		var out []string
		for _, d := range diags {
			out = append(out, d())
		}
		return strings.Join(out, "; ")
	}
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never happened: %s (%s)", what, diag())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settled waits until every deployment received every signal the others
// published (no signal lost) and acted on it: no cluster left waiting for
// its reassessment.
func (s *shield) settled(t *testing.T, operator int64) {
	t.Helper()
	eventually(t, "every signal received by every deployment", func() bool {
		for i, d := range s.deps {
			want := operator
			for j, o := range s.deps {
				if j != i {
					want += o.node.Stats().Published + o.node.Stats().Shared
				}
			}
			st := d.node.Stats()
			if st.Backlog != 0 || st.Queued != st.Published || st.Received+st.Refused != want || st.Reassessing != 0 {
				return false
			}
		}
		return true
	}, func() string {
		var out []string
		for _, d := range s.deps {
			out = append(out, fmt.Sprintf("%s %+v", d.name, d.node.Stats()))
		}
		return strings.Join(out, " ")
	})
}

func world(t *testing.T, e *apptest.Env, n int) {
	t.Helper()
	ctx := context.Background()
	now := e.Clock.Now()
	err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
		for _, a := range []bouclier.Academie{{ID: "aca-nord", Name: "Académie Nord", TimeZone: "Europe/Paris"}, {ID: "aca-sud", Name: "Académie Sud", TimeZone: "Europe/Paris"}} {
			if err := tx.UpsertAcademie(ctx, a); err != nil {
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
				u.Academie, u.DisplayName = aca, "Personne "+u.Username
				u.Email = u.Username + "@example.org"
				id, err := tx.UpsertUser(ctx, u, "", now)
				if err != nil {
					return 0, err
				}
				return id, tx.SetTOTPSecret(ctx, id, apptest.TOTPSecret)
			}
			tid, err := add(bouclier.User{Username: fmt.Sprintf("prof.%d", i), Role: bouclier.RoleTeacher, UAI: uai})
			if err != nil {
				return err
			}
			if _, err := add(bouclier.User{Username: fmt.Sprintf("head.%d", i), Role: bouclier.RoleHead, UAI: uai}); err != nil {
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

// send sends as name (fresh: from a device never seen) and lets the
// detector record it, as a server's worker does within milliseconds.
func send(t *testing.T, e *apptest.Env, name string, fresh bool, to []string, subject, body string) (messaging.Result, error) {
	t.Helper()
	ctx := context.Background()
	u, err := e.App.DB.UserByName(ctx, name)
	if err != nil {
		t.Fatalf("user %s: %v", name, err)
	}
	now := e.Clock.Now()
	created := now.Add(-48 * time.Hour)
	if fresh {
		created = now.Add(-2 * time.Minute)
	}
	sess := auth.Session{User: u, CreatedAt: created, AuthAt: now, MFAAt: now, KnownDevice: !fresh}
	res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), u, messaging.Draft{To: to, Subject: subject, Body: body}, "test")
	if ferr := e.App.Campaign.Flush(ctx); ferr != nil {
		t.Fatalf("flush: %v", ferr)
	}
	e.Clock.Advance(time.Second)
	return res, err
}

// teacherOf is what a hijacked parent of establishment i writes to: one
// teacher, as parents do; the wave shows only in its spread.
func teacherOf(i int) []string { return []string{fmt.Sprintf("user:prof.%d", i)} }

func visible(t *testing.T, e *apptest.Env, id int64) int {
	t.Helper()
	n, err := e.App.DB.VisibleCopies(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waveTexts are wave texts no screen rule knows: only the shared picture
// can tie one deployment's copy to the others'.
var waveTexts = [][]string{{
	"Bonjour, votre enfant figure sur la liste des élèves convoqués demain matin devant le portail nord. Merci de confirmer sa présence en répondant avant ce soir, sans en parler à l'équipe.",
	"B0njour, v0tre enfant figure sur la l1ste des élèves convoqués demain  matin devant le portail nord. Merci de confirmer sa présence en répondant avant ce soir, sans en parler à l'équipe.",
	"Bonjour, votre enfant apparaît sur la liste des élèves convoqués demain matin devant le portail nord. Merci de valider sa présence en répondant avant ce soir, sans en parler à l'équipe !",
}, {
	"Urgent : les parents doivent récupérer le formulaire de sortie au gymnase municipal avant midi, la direction ne préviendra pas les professeurs de cette collecte exceptionnelle.",
	"URGENT : les parents doivent récupérer le formulaire de sortie au gymnase municipal avant midi, la direction ne préviendra pas les enseignants de cette collecte exceptionnelle.",
	"Urgent, les parents doivent récupérer le formulaire de sortie au gymnase municipal avant midi ; la direction ne préviendra pas les professeurs de cette collecte exceptionnelle.",
}}

// TestShield is the test: three deployments sharing one picture
// over a three-node JetStream cluster.
func TestShield(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a NATS cluster and three deployments")
	}
	s := newShield(t)
	ctx := context.Background()

	t.Run("a wave spread over the three is contained in all three", func(t *testing.T) {
		// One hijacked parent per deployment, each in its own
		// establishment: no deployment sees a wave on its own.
		var ids []int64
		for i, d := range s.deps {
			res, err := send(t, d.env, fmt.Sprintf("parent.%d.C1.1", i+1), true, teacherOf(i+1), "Convocation", waveTexts[0][i])
			if err != nil {
				t.Fatalf("%s: %v", d.name, err)
			}
			ids = append(ids, res.ID)
		}
		for i, d := range s.deps {
			eventually(t, d.name+" contains its copy", func() bool { return visible(t, d.env, ids[i]) == 0 })
			cs, err := d.env.App.DB.Campaigns(ctx, "", "", 10)
			if err != nil || len(cs) == 0 {
				t.Fatalf("%s: no incident (%v)", d.name, err)
			}
		}
		s.settled(t, 0)
		// The copies were joined by the others' evidence: reassessed, and
		// none left counted as waiting (settled).
		var reassessed int64
		for _, d := range s.deps {
			reassessed += d.node.Stats().Reassessed
		}
		if reassessed == 0 {
			t.Error("no local cluster reassessed on the others' evidence")
		}
	})

	t.Run("alone, a deployment sees no wave in one sender", func(t *testing.T) {
		// The control: the same single copy, on a deployment without peers.
		c := config.Default()
		c.DataDir, c.SecureCookie = t.TempDir(), false
		e := apptest.OpenConfig(t, "alone", c)
		world(t, e, 6)
		res, err := send(t, e, "parent.1.C1.1", true, teacherOf(1), "Convocation", waveTexts[0][0])
		if err != nil {
			t.Fatal(err)
		}
		if v := visible(t, e, res.ID); v == 0 {
			t.Fatal("a lone copy was held without any peer: the wave test above proves nothing")
		}
	})

	t.Run("a NATS node killed and a deployment cut off mid-wave lose no signal", func(t *testing.T) {
		before := make([]int64, len(s.deps))
		for i, d := range s.deps {
			before[i] = d.node.Stats().Received
		}
		var ids [][]int64
		for round := range 4 {
			switch round {
			case 1:
				s.cluster.Kill(0) // a NATS node dies mid-wave
				s.deps[1].proxy.cut()
			case 3:
				s.deps[1].proxy.restore() // d1 reconnects and catches up
			}
			var r []int64
			for i, d := range s.deps {
				// Each round its own accounts: the earlier ones are locked.
				name := fmt.Sprintf("parent.%d.C%d.%d", i+4, round/2+1, round%2+1)
				res, err := send(t, d.env, name, true, teacherOf(i+4), "Collecte", waveTexts[1][(i+round)%3])
				if err != nil {
					t.Fatalf("%s round %d: %v", d.name, round, err)
				}
				r = append(r, res.ID)
			}
			ids = append(ids, r)
		}
		s.settled(t, 0)
		for i, d := range s.deps {
			if got := d.node.Stats().Received - before[i]; got < 8 {
				t.Errorf("%s received %d signals of the wave, want at least the 8 observations of the others", d.name, got)
			}
			for _, r := range ids {
				id := r[i]
				eventually(t, d.name+" contains the second wave", func() bool { return visible(t, d.env, id) == 0 })
			}
		}
		if err := s.cluster.Restart(0); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("a national suspension is enforced by all three", func(t *testing.T) {
		// Each deployment watched at once from the operator's publication
		// to its rules refusing a teacher's send, several times: the
		// distribution is logged, never asserted (a shared machine).
		prof := make([]bouclier.User, len(s.deps))
		for i, d := range s.deps {
			u, err := d.env.App.DB.UserByName(ctx, "prof.1")
			if err != nil {
				t.Fatal(err)
			}
			prof[i] = u
		}
		watch := func(want bool) []time.Duration {
			start := time.Now()
			delays := make([]time.Duration, len(s.deps))
			errs := make([]error, len(s.deps))
			var wg sync.WaitGroup
			for i, d := range s.deps {
				wg.Go(func() {
					for time.Since(start) < 60*time.Second {
						dec, err := d.env.App.Rules.Decide(ctx, prof[i], d.env.Clock.Now(), false)
						if err != nil {
							errs[i] = err
							return
						}
						if (dec.Send == policy.Refuse) == want {
							delays[i] = time.Since(start)
							return
						}
						time.Sleep(2 * time.Millisecond)
					}
					errs[i] = fmt.Errorf("%s: never enforced", d.name)
				})
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatal(err)
			}
			return delays
		}
		var enforced, lifted []time.Duration
		for run := range 3 {
			sig, err := s.operator.Suspend(ctx, national.Suspension{Scope: "national", Roles: []string{"teacher"},
				Reason: fmt.Sprintf("Vague en cours : messagerie des enseignants suspendue (%d).", run)})
			if err != nil {
				t.Fatal(err)
			}
			enforced = append(enforced, watch(true)...)
			for _, d := range s.deps {
				_, err := send(t, d.env, "prof.1", false, []string{"class:0990001A/C1"}, "Devoirs", fmt.Sprintf("Les exercices %d et %d page 12 pour jeudi, merci.", run, run+1))
				if bouclier.ErrorCode(err) != bouclier.ErrMessagingClosed {
					t.Fatalf("%s lets a teacher send under a national suspension: %v", d.name, err)
				}
			}
			if err := s.operator.Lift(ctx, sig.Suspension.ID); err != nil {
				t.Fatal(err)
			}
			lifted = append(lifted, watch(false)...)
			for _, d := range s.deps {
				if _, err := send(t, d.env, "prof.1", false, []string{"class:0990001A/C1"}, "Devoirs", fmt.Sprintf("Les exercices %d et %d page 13 pour vendredi, merci.", run, run+1)); err != nil {
					t.Fatalf("%s still refuses after the lifting: %v", d.name, err)
				}
			}
		}
		t.Logf("national suspension enforced by each deployment (its rules refuse a teacher's send) after the operator's acknowledged publication, 3 runs × 3 deployments: %s", distribution(enforced))
		t.Logf("lifting enforced after: %s", distribution(lifted))
	})

	t.Run("duplicates are harmless", func(t *testing.T) {
		// Every signal published so far delivered once more under a new
		// Nats-Msg-Id (past JetStream's dedupe, as a sender's retry after
		// the dedupe window would be): each deployment counts them as
		// duplicates and changes nothing.
		s.settled(t, 6)
		s.mu.Lock()
		payloads := slices.Clone(s.payloads)
		s.mu.Unlock()
		type counts struct {
			st          national.Stats
			suspensions int
			incidents   int
		}
		snapshot := func() []counts {
			var out []counts
			for _, d := range s.deps {
				sus, err := d.env.App.DB.ActiveSuspensions(ctx, 0)
				if err != nil {
					t.Fatal(err)
				}
				cs, err := d.env.App.DB.Campaigns(ctx, "", "", 1000)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, counts{d.node.Stats(), len(sus), len(cs)})
			}
			return out
		}
		before := snapshot()
		again := map[string]int{}
		for i, p := range payloads {
			var env struct{ Body []byte }
			var sig national.Signal
			if json.Unmarshal(p, &env) != nil || json.Unmarshal(env.Body, &sig) != nil {
				t.Fatal("payload not a signal")
			}
			if _, err := s.js.Publish(ctx, national.Subject(sig.From, sig.Kind), p, jetstream.WithMsgID(fmt.Sprintf("again-%d", i))); err != nil {
				t.Fatal(err)
			}
			again[sig.From]++
		}
		for i, d := range s.deps {
			want := int64(len(payloads) - again[d.name])
			eventually(t, d.name+" sees every signal again", func() bool {
				st := d.node.Stats()
				return st.Duplicates+st.Refused-before[i].st.Duplicates-before[i].st.Refused >= want
			})
		}
		after := snapshot()
		for i, d := range s.deps {
			b, a := before[i], after[i]
			if a.st.Received != b.st.Received || a.st.Applied != b.st.Applied || a.st.Adopted != b.st.Adopted || a.suspensions != b.suspensions || a.incidents != b.incidents {
				t.Errorf("%s: a duplicate changed something: before %+v, after %+v", d.name, b, a)
			}
		}
	})

	t.Run("signals outside a deployment's authority are refused", func(t *testing.T) {
		d0 := s.deps[0]
		nc, err := nats.Connect(strings.Join(s.cluster.URLs, ","), nats.UserInfo("d0", "d0-pw"))
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		js, err := jetstream.New(nc)
		if err != nil {
			t.Fatal(err)
		}
		// d0 serves aca-nord: suspending aca-sud or the country is not its to do.
		for _, scope := range []string{"academie:aca-sud", "national"} {
			sig := national.Signal{ID: "d0-forged-" + scope, From: "d0", Kind: national.KindSuspend,
				Suspension: &national.Suspension{ID: "x-" + scope, Scope: scope, Roles: []string{"parent"}, Reason: "hors de portée"}}
			if err := national.Publish(ctx, js, d0.key, sig); err != nil {
				t.Fatalf("publish %s: %v", scope, err)
			}
		}
		// Posing as d1 on d1's subjects: NATS refuses d0's credentials.
		cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		err = national.Publish(cctx, js, d0.key, national.Signal{ID: "d0-as-d1", From: "d1", Kind: national.KindSuspend,
			Suspension: &national.Suspension{ID: "y", Scope: "academie:aca-sud", Reason: "usurpation"}})
		cancel()
		if err == nil {
			t.Error("d0 published on d1's subjects")
		}
		// d1's name, d0's key, d0's subject: refused on signature and subject.
		forged := national.Signal{ID: "d1-forged", From: "d1", Kind: national.KindSuspend, At: time.Now(),
			Suspension: &national.Suspension{ID: "z", Scope: "academie:aca-sud", Reason: "usurpation"}}
		b, _ := json.Marshal(forged)
		for _, d := range s.deps[1:] {
			if err := d.node.Receive(ctx, national.Subject("d1", national.KindSuspend), sealWith(t, b, d0.key)); !national.IsRefused(err) {
				t.Errorf("%s accepted a signal signed by another deployment's key: %v", d.name, err)
			}
		}
		for _, d := range s.deps[1:] {
			eventually(t, d.name+" refuses d0's out-of-scope suspensions", func() bool { return d.node.Stats().Refused >= 2 })
			sus, err := d.env.App.DB.ActiveSuspensions(ctx, store.Micros(d.env.Clock.Now()))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range sus {
				if strings.HasPrefix(r.CreatedBy, "national:d0") {
					t.Errorf("%s applied d0's suspension of %s", d.name, r.Scope)
				}
			}
		}
		// Within its scope, d0's suspension of aca-nord holds on d2,
		// which serves aca-nord too.
		if err := national.Publish(ctx, js, d0.key, national.Signal{ID: "d0-nord", From: "d0", Kind: national.KindSuspend,
			Suspension: &national.Suspension{ID: "nord", Scope: "academie:aca-nord", Roles: []string{"parent"}, Reason: "académie Nord"}}); err != nil {
			t.Fatal(err)
		}
		eventually(t, "d2 applies d0's suspension of its own académie", func() bool {
			sus, _ := s.deps[2].env.App.DB.ActiveSuspensions(ctx, store.Micros(s.deps[2].env.Clock.Now()))
			return slices.ContainsFunc(sus, func(r store.SuspensionRow) bool {
				return r.Scope == "academie:aca-nord" && r.CreatedBy == "national:d0"
			})
		})
	})

	t.Run("a signature confirmed by the operator holds matching messages everywhere", func(t *testing.T) {
		adopted := make([]int64, len(s.deps))
		for i, d := range s.deps {
			adopted[i] = d.node.Stats().Adopted
		}
		text := "Le lien suivant permet de consulter les notes du trimestre avant leur publication officielle, à ne pas transmettre aux professeurs."
		start := time.Now()
		if _, err := s.operator.Confirm(ctx, national.Incident{Sketches: [][]uint32{s.keyer.Sketch(campaign.Sign(text))}}); err != nil {
			t.Fatal(err)
		}
		var delays []time.Duration
		for i, d := range s.deps {
			eventually(t, d.name+" adopts the signature", func() bool { return d.node.Stats().Adopted > adopted[i] })
			delays = append(delays, time.Since(start))
			// A clean account, a known device, nothing else: held.
			res, err := send(t, d.env, "parent.3.C1.2", false, teacherOf(3), "Notes", text)
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != bouclier.StatusHeld {
				t.Errorf("%s: a message matching a confirmed signature is %s, want held", d.name, res.Status)
			}
		}
		t.Logf("confirmed signature adopted after: %v", delays)
	})

	t.Run("payloads carry no body, name or address", func(t *testing.T) {
		s.mu.Lock()
		payloads := slices.Clone(s.payloads)
		s.mu.Unlock()
		if len(payloads) < 10 {
			t.Fatalf("only %d payloads seen", len(payloads))
		}
		var forbidden []string
		for _, set := range waveTexts {
			for _, txt := range set {
				forbidden = append(forbidden, strings.Fields(txt)[2:5]...)
			}
		}
		forbidden = append(forbidden, "parent.", "prof.", "eleve.", "Personne ", "@example.org", "Convocation", "Collecte", "0990001A", "0990002A", "0990003A")
		size, count := map[string]int{}, map[string]int{}
		for _, p := range payloads {
			var env struct{ Body []byte }
			if err := json.Unmarshal(p, &env); err != nil {
				t.Fatalf("payload not an envelope: %v", err)
			}
			var sig national.Signal
			if err := json.Unmarshal(env.Body, &sig); err != nil {
				t.Fatalf("payload body: %v", err)
			}
			size[sig.Kind] += len(p)
			count[sig.Kind]++
			body := string(env.Body)
			for _, f := range forbidden {
				if len(f) > 3 && strings.Contains(body, f) {
					t.Errorf("a payload carries %q: %s", f, body)
				}
			}
		}
		for k, n := range count {
			t.Logf("%d %s signals, %d bytes each on average", n, k, size[k]/n)
		}
	})
}

// sealWith signs body with key as an envelope.
func sealWith(t *testing.T, body []byte, key ed25519.PrivateKey) []byte {
	t.Helper()
	b, err := json.Marshal(struct {
		Body []byte `json:"body"`
		Sig  []byte `json:"sig"`
	}{body, ed25519.Sign(key, body)})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// proxy forwards TCP to a NATS node; cut drops its connections and
// refuses new ones until restore: a deployment cut off from the network.
type proxy struct {
	l      net.Listener
	target string
	mu     sync.Mutex
	down   bool
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l, target: target}
	t.Cleanup(func() { l.Close(); p.cut() })
	go p.serve()
	return p
}

func (p *proxy) addr() string { return p.l.Addr().String() }

func (p *proxy) serve() {
	for {
		c, err := p.l.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			c.Close()
			continue
		}
		u, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, u)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(u, c); u.Close() }()
		go func() { _, _ = io.Copy(c, u); c.Close() }()
	}
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) restore() {
	p.mu.Lock()
	p.down = false
	p.mu.Unlock()
}
