// Package drill replays a wave like the one of March 2024 against a whole
// Bouclier and measures what got through.
//
// The drill, in the order Run does it:
//
//  1. opens a Bouclier on a fresh store (a temporary SQLite directory by
//     default) with a simulated clock, and imports a directory of
//     Establishments establishments in Academies académies through the
//     importer: per establishment a head, a CPE, three teachers, two
//     classes of eight students and a parent per student;
//  2. replays the day before: every teacher writes to one class or its
//     parents three times, a third of the parents write to a teacher once,
//     so that everyone has a history;
//  3. replays ten minutes of a school morning: Ordinary ordinary messages
//     (homework, notes to parents, the same absence note from many parents,
//     the rectorat's letter forwarded by heads) at even times, and from
//     the second minute, Accounts hijacked accounts (two parents for one
//     teacher) that log in from new devices, five a second, and each send a burst of three
//     messages: the known wave texts (bomb threat, praise of terrorism,
//     beheading video) and texts the screen has never seen, each with
//     variations (leetspeak, spacing, emoji, synonyms);
//  4. lets the campaign detector work as a server does: what Stored
//     queued is recorded after every send (a server's worker does it
//     within milliseconds), and a sweep runs every simulated second;
//  5. reports the threat messages sent, ever visible in an inbox, still in
//     an inbox at the end, the time from the first threat to the moment
//     none is visible any more, and the ordinary messages held or delayed.
//
// Everything random comes from Seed: the same seed gives the same drill.
//
// Scenarios (scenarios.go) replay other waves, written as an attacker who
// read the detector would, and legitimate traffic, each on its own store,
// and measure per scenario the attack's copies ever visible and left, how
// long after the wave formed, and the genuine messages held, recalled or
// locked.
//
// With Options.URL the drill runs against a running server instead, on
// the server's machine and store (remote.go): steps 1 and 2 the same on
// the server's store, step 3 over HTTP in real time (Speed times faster),
// the server's own worker and sweeper doing step 4, and step 5 measured
// from the store, every 100 ms, in real seconds.
package drill

import (
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/store"
)

// Options size the drill.
type Options struct {
	Establishments int
	Academies      int
	Accounts       int // hijacked accounts
	Ordinary       int // ordinary messages during the wave's ten minutes
	Seed           uint64
	DataDir        string // "" for a temporary directory, removed after
	DatabaseURL    string // postgres://… instead of SQLite
	// URL, when set, is a running server's base URL: the drill imports
	// its directory into that server's store (DataDir or DatabaseURL, the
	// server's own) and replays the morning over HTTP in real time
	// (remote.go).
	URL string
	// Speed compresses the morning's ten minutes in remote mode: simulated
	// seconds per real second (0 for DefaultSpeed).
	Speed    float64
	Progress func(done, total int)
	Log      *slog.Logger
}

// DefaultOptions is the full-size drill.
func DefaultOptions() Options {
	return Options{Establishments: 400, Academies: 20, Accounts: 600, Ordinary: 6000, Seed: 2024}
}

// Report is what the drill measured.
type Report struct {
	Establishments   int `json:"establishments"`
	Academies        int `json:"academies"`
	HijackedAccounts int `json:"hijacked_accounts"`

	ThreatAttempts int `json:"threat_attempts"`       // sends the attackers tried
	ThreatSent     int `json:"threat_messages_sent"`  // accepted and stored, whatever their status
	ThreatRefused  int `json:"threat_refused"`        // refused: account locked, session revoked, second factor missing
	EverVisible    int `json:"threat_ever_visible"`   // threat messages a recipient could see at some point
	StillVisible   int `json:"threat_still_in_inbox"` // threat messages visible at the end
	// EverVisiblePercent is EverVisible over ThreatSent.
	EverVisiblePercent float64 `json:"threat_ever_visible_percent"`
	// ContainmentSeconds is the simulated time (real time against a
	// server) from the first threat
	// message to the moment no threat message is visible any more (or to
	// the first incident's containment when none ever was).
	ContainmentSeconds   float64 `json:"containment_seconds"`
	FirstIncidentSeconds float64 `json:"first_incident_seconds"`
	Incidents            int     `json:"incidents"`
	HijackedLocked       int     `json:"hijacked_accounts_locked"`
	OtherAccountsLocked  int     `json:"other_accounts_locked"`

	OrdinarySent     int `json:"ordinary_sent"`
	OrdinaryHeld     int `json:"ordinary_held"`
	OrdinaryDelayed  int `json:"ordinary_delayed"`
	OrdinaryRecalled int `json:"ordinary_recalled"`
	// OrdinaryRefused are the hijacked accounts' owners, locked out until
	// they reset their password.
	OrdinaryRefused int `json:"ordinary_refused_locked_owner"`
	// OrdinaryHeldHijacked are the hijacked accounts' owners' messages
	// held for review because their account sent the wave (refused
	// sends, a compromised session): the shield working on a compromised
	// account, not a false positive on a genuine one, so apart from
	// OrdinaryHeld.
	OrdinaryHeldHijacked int `json:"ordinary_held_hijacked_owner"`

	WallSeconds float64 `json:"wall_seconds"`
}

// Targets checks the targets and returns what misses them.
func (r Report) Targets() error {
	var errs []error
	if r.StillVisible != 0 {
		errs = append(errs, fmt.Errorf("%d threat messages still in an inbox", r.StillVisible))
	}
	if r.ContainmentSeconds > 10 {
		errs = append(errs, fmt.Errorf("containment after %.1f s (target 10 s)", r.ContainmentSeconds))
	}
	if r.EverVisiblePercent >= 1 {
		errs = append(errs, fmt.Errorf("%.2f %% of the wave visible (target under 1 %%)", r.EverVisiblePercent))
	}
	if r.OrdinaryHeld+r.OrdinaryRecalled != 0 {
		errs = append(errs, fmt.Errorf("%d ordinary messages held, %d recalled", r.OrdinaryHeld, r.OrdinaryRecalled))
	}
	if r.Incidents == 0 {
		errs = append(errs, errors.New("no incident opened"))
	}
	return errors.Join(errs...)
}

// clock is the drill's simulated time.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }

// start is a Tuesday morning in March, 9:00 in Paris.
var start = time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)

// Run runs the drill.
func Run(ctx context.Context, o Options) (Report, error) {
	if err := o.check(); err != nil {
		return Report{}, err
	}
	if o.URL != "" {
		return runRemote(ctx, o)
	}
	wall := time.Now()
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	dir := o.DataDir
	if dir == "" && o.DatabaseURL == "" {
		tmp, err := os.MkdirTemp("", "bouclier-drill-")
		if err != nil {
			return Report{}, fmt.Errorf("drill: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	clk := &clock{t: start.Add(-24 * time.Hour)}
	cfg := config.Default()
	cfg.DataDir, cfg.DatabaseURL = dir, o.DatabaseURL
	app, err := server.Open(ctx, cfg, o.Log, server.Options{Now: clk.Now, Alert: &alert.Config{}})
	if err != nil {
		return Report{}, fmt.Errorf("drill: open: %w", err)
	}
	defer app.Close()
	if n, err := app.DB.CountUsers(ctx); err != nil || n > 0 {
		if err == nil {
			err = fmt.Errorf("the store already has %d users: the drill needs an empty one", n)
		}
		return Report{}, fmt.Errorf("drill: %w", err)
	}
	d := newDrill(o, app, clk)
	if err := d.directory(ctx); err != nil {
		return d.rep, err
	}
	if err := d.history(ctx); err != nil {
		return d.rep, err
	}
	if err := d.morning(ctx); err != nil {
		return d.rep, err
	}
	d.rep.WallSeconds = time.Since(wall).Seconds()
	return d.rep, nil
}

func newDrill(o Options, app *server.App, clk *clock) *drill {
	d := &drill{o: o, app: app, clk: clk, rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x5eed)), users: map[string]bouclier.User{}, hijacked: map[string]bool{},
		totp: "JBSWY3DPEHPK3PXP", origin: start}
	d.rep.Establishments, d.rep.Academies, d.rep.HijackedAccounts = o.Establishments, o.Academies, o.Accounts
	return d
}

// check validates the sizes.
func (o Options) check() error {
	if o.Establishments <= 0 || o.Academies <= 0 || o.Academies > o.Establishments || o.Accounts < 0 || o.Ordinary < 0 {
		return fmt.Errorf("invalid sizes: %d establishments, %d académies, %d accounts, %d ordinary", o.Establishments, o.Academies, o.Accounts, o.Ordinary)
	}
	if o.Accounts > 5*o.Establishments {
		return fmt.Errorf("at most %d hijacked accounts for %d establishments", 5*o.Establishments, o.Establishments)
	}
	if o.Speed < 0 {
		return fmt.Errorf("invalid speed %v", o.Speed)
	}
	return nil
}

type drill struct {
	o        Options
	app      *server.App
	clk      *clock
	rng      *rand.Rand
	rep      Report
	users    map[string]bouclier.User
	hijacked map[string]bool
	totp     string                  // the personnel's TOTP secret
	sessions map[string]auth.Session // scenarios: username|how → session
	origin   time.Time               // the morning's start (start in process)
	// owns, when set, says which académies (by index) this store holds:
	// one deployment's part of the directory (deployments.go).
	owns func(academie int) bool
	// The pictures the scenarios attach (images.go), drawn once.
	posterImg, photoImg, flyerImg, letterImg *image.RGBA
}

func uai(i int) string      { return fmt.Sprintf("%07d%c", 9000000+i, 'A'+rune(i%26)) }
func academie(i int) string { return fmt.Sprintf("aca-%02d", i) }

// directory imports the establishments and their people, and gives the
// personnel their second factor.
func (d *drill) directory(ctx context.Context) error {
	var b importer.Batch
	pos := importer.Pos{File: "drill", Line: 1}
	for a := 0; a < d.o.Academies; a++ {
		if d.owns != nil && !d.owns(a) {
			continue
		}
		b.Academies = append(b.Academies, struct {
			importer.Pos
			bouclier.Academie
		}{pos, bouclier.Academie{ID: academie(a), Name: demo.AcademieName(a), TimeZone: "Europe/Paris"}})
		b.People = append(b.People, importer.Person{Pos: pos, User: bouclier.User{Username: "rssi." + academie(a), DisplayName: "RSSI de l’a" + strings.TrimPrefix(demo.AcademieName(a), "A"), Role: bouclier.RoleAcademyAdmin,
			Academie: academie(a), Email: "rssi." + academie(a) + "@example.org"}})
	}
	for i := 0; i < d.o.Establishments; i++ {
		if d.owns != nil && !d.owns(i%d.o.Academies) {
			continue
		}
		u, aca := uai(i), academie(i%d.o.Academies)
		b.Establishments = append(b.Establishments, struct {
			importer.Pos
			bouclier.Establishment
		}{pos, bouclier.Establishment{UAI: u, Name: demo.SchoolName(i), Academie: aca}})
		// People are named as in a school (demo.Person), the same each run:
		// the n-th person of establishment i is fixture person i*100+n,
		// a parent shares their child's family name, pupils have no
		// civility.
		person := func(name string, n int, role bouclier.Role, class string) {
			display, civility := demo.PersonName(i*100+n), ""
			switch role {
			case bouclier.RoleStudent:
			case bouclier.RoleParent:
				display, civility = demo.ParentOf(i*100 + n)
			default:
				_, _, civility = demo.Person(i*100 + n)
			}
			b.People = append(b.People, importer.Person{Pos: pos, User: bouclier.User{Username: name, DisplayName: display, Civility: civility, Role: role,
				Academie: aca, UAI: u, Class: class, Email: name + "@example.org"}, HasCivility: civility != ""})
		}
		person(fmt.Sprintf("h.%d", i), 0, bouclier.RoleHead, "")
		person(fmt.Sprintf("s.%d", i), 1, bouclier.RoleStaff, "")
		for t := 1; t <= 3; t++ {
			person(fmt.Sprintf("t.%d.%d", i, t), 1+t, bouclier.RoleTeacher, "")
		}
		for c := 1; c <= 2; c++ {
			class := fmt.Sprintf("C%d", c)
			b.Classes = append(b.Classes, importer.Class{Pos: pos, UAI: u, Code: class})
			b.Teachings = append(b.Teachings, importer.Teaching{Pos: pos, Teacher: fmt.Sprintf("t.%d.%d", i, c), UAI: u, Class: class},
				importer.Teaching{Pos: pos, Teacher: fmt.Sprintf("t.%d.3", i), UAI: u, Class: class})
			for k := 1; k <= 8; k++ {
				n := 10 + (c-1)*8 + k
				person(fmt.Sprintf("e.%d.%d.%d", i, c, k), n, bouclier.RoleStudent, class)
				person(fmt.Sprintf("p.%d.%d.%d", i, c, k), n, bouclier.RoleParent, "")
				b.Links = append(b.Links, importer.Link{Pos: pos, Parent: fmt.Sprintf("p.%d.%d.%d", i, c, k), Child: fmt.Sprintf("e.%d.%d.%d", i, c, k)})
			}
		}
	}
	if err := importer.Apply(ctx, d.app.DB, &b, "drill", d.clk.Now(), d.o.Progress); err != nil {
		return fmt.Errorf("drill: import: %w", err)
	}
	users, err := d.app.DB.Users(ctx, "")
	if err != nil {
		return err
	}
	mine := map[string]bool{}
	for _, p := range b.People {
		mine[p.Username] = true
	}
	err = d.app.DB.InTx(ctx, func(tx *store.Tx) error {
		for _, u := range users {
			if !mine[u.Username] {
				continue // a server's own accounts, in remote mode
			}
			d.users[u.Username] = u
			if u.Role.IsPersonnel() {
				if err := tx.SetTOTPSecret(ctx, u.ID, d.totp); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("drill: second factors: %w", err)
	}
	return nil
}

// kind says whose message it is, for the report.
type kind int

const (
	ordinary kind = iota
	threat
	history
)

type event struct {
	at      time.Duration // since the morning's start
	kind    kind
	from    string
	fresh   bool
	to      []string
	subject string
	body    string
	burst   time.Time // hijacked: when the attacker logged in
}

// send sends one message as a person through the whole path, with the
// session their browser would have, and lets the detector's worker run.
func (d *drill) send(ctx context.Context, e event) (messaging.Result, error) {
	u, err := d.app.DB.UserByName(ctx, e.from) // what authentication would load
	if err != nil {
		return messaging.Result{}, err
	}
	now := d.clk.Now()
	sess := auth.Session{User: u, CreatedAt: now.Add(-3 * time.Hour), AuthAt: now, MFAAt: now, KnownDevice: true}
	if e.fresh {
		sess.CreatedAt, sess.KnownDevice = e.burst, false
	}
	if u.ReadOnly {
		return messaging.Result{}, bouclier.Errorf(bouclier.ErrUnauthenticated, "session révoquée")
	}
	res, err := d.app.Messaging.Send(auth.WithSession(ctx, sess), u, messaging.Draft{To: e.to, Subject: e.subject, Body: e.body}, "drill")
	if ferr := d.app.Campaign.Flush(ctx); ferr != nil {
		return res, ferr
	}
	return res, err
}

// history replays the day before, so that everyone has a usual.
func (d *drill) history(ctx context.Context) error {
	var evs []event
	for i := 0; i < d.o.Establishments; i++ {
		if d.owns != nil && !d.owns(i%d.o.Academies) {
			continue
		}
		for t := 1; t <= 3; t++ {
			for n := 0; n < 3; n++ {
				c := 1 + d.rng.IntN(2)
				if t < 3 {
					c = t
				}
				to := fmt.Sprintf("class:%s/C%d", uai(i), c)
				if n == 2 {
					to = fmt.Sprintf("parents:%s/C%d", uai(i), c)
				}
				evs = append(evs, event{kind: history, from: fmt.Sprintf("t.%d.%d", i, t), to: []string{to}, subject: "Devoirs", body: homework(d.rng)})
			}
		}
		// The day's templates: the absence note, the museum note, the
		// class council.
		for c := 1; c <= 2; c++ {
			evs = append(evs, event{kind: history, from: fmt.Sprintf("p.%d.%d.%d", i, c, 1+d.rng.IntN(8)), to: []string{fmt.Sprintf("user:t.%d.%d", i, c), fmt.Sprintf("user:s.%d", i)},
				subject: "Absence", body: absenceNote})
		}
		evs = append(evs, event{kind: history, from: fmt.Sprintf("t.%d.1", i), to: []string{fmt.Sprintf("parents:%s/C1", uai(i))}, subject: "Information", body: museumNote(d.rng)},
			event{kind: history, from: fmt.Sprintf("t.%d.3", i), to: []string{fmt.Sprintf("teachers:%s/C1", uai(i))}, subject: "Conseil de classe",
				body: fmt.Sprintf("Bonjour à tous, le conseil de classe aura lieu le %d à 17h30 en salle des professeurs.", 1+d.rng.IntN(28))})
		for c := 1; c <= 2; c++ {
			for k := 1; k <= 8; k++ {
				if d.rng.IntN(3) == 0 {
					evs = append(evs, event{kind: history, from: fmt.Sprintf("p.%d.%d.%d", i, c, k), to: []string{fmt.Sprintf("user:t.%d.%d", i, c)},
						subject: "Question", body: question(d.rng)})
				}
			}
		}
	}
	d.rng.Shuffle(len(evs), func(a, b int) { evs[a], evs[b] = evs[b], evs[a] })
	lastSweep := time.Time{}
	for n, e := range evs {
		d.clk.t = d.origin.Add(-20 * time.Hour).Add(time.Duration(n) * 4 * time.Hour / time.Duration(len(evs)+1))
		if d.clk.t.Sub(lastSweep) >= time.Minute {
			// A server sweeps every second; every minute is enough here
			// for the day's delayed messages to go out.
			lastSweep = d.clk.t
			if err := d.app.Campaign.Sweep(ctx); err != nil {
				return fmt.Errorf("drill: history: %w", err)
			}
		}
		if _, err := d.send(ctx, e); err != nil {
			return fmt.Errorf("drill: history: %s: %w", e.from, err)
		}
	}
	d.clk.t = d.clk.t.Add(2 * time.Minute)
	return d.app.Campaign.Sweep(ctx)
}

// morning plans and replays the wave amid ordinary traffic.
func (d *drill) morning(ctx context.Context) error {
	return d.morningReplay(ctx, d.plan(), map[int64]time.Duration{})
}

// plan draws the morning's events, in time order.
func (d *drill) plan() []event {
	const length = 10 * time.Minute
	const waveStart = 2 * time.Minute
	var evs []event
	for n := 0; n < d.o.Ordinary; n++ {
		e := d.ordinaryEvent()
		e.at = time.Duration(n) * length / time.Duration(d.o.Ordinary+1)
		evs = append(evs, e)
	}
	// Hijacked accounts: one parent per establishment, round the
	// establishments, then a teacher for every second parent.
	perm := d.rng.Perm(d.o.Establishments)
	// The attackers log in five accounts a second (ten seconds at least).
	loginSpread := max(10_000, d.o.Accounts*200)
	for n := 0; n < d.o.Accounts; n++ {
		i := perm[n%d.o.Establishments]
		login := waveStart + time.Duration(d.rng.IntN(loginSpread))*time.Millisecond
		var from string
		var to []string
		if n%3 == 2 {
			from = fmt.Sprintf("t.%d.3", i)
			u := uai(i)
			to = []string{"class:" + u + "/C1", "class:" + u + "/C2", "parents:" + u + "/C1", "parents:" + u + "/C2", "staff:" + u}
		} else {
			c, k := 1+n%2, 1+(n/d.o.Establishments)%8
			from = fmt.Sprintf("p.%d.%d.%d", i, c, k)
			to = []string{fmt.Sprintf("user:t.%d.%d", i, c), fmt.Sprintf("user:t.%d.3", i), fmt.Sprintf("user:s.%d", i), fmt.Sprintf("user:h.%d", i)}
		}
		d.hijacked[from] = true
		for b := 0; b < 3; b++ {
			subject, body := waveText(d.rng)
			evs = append(evs, event{at: login + time.Duration(b)*4*time.Second + time.Duration(d.rng.IntN(2000))*time.Millisecond, kind: threat, from: from, fresh: true,
				to: to, subject: subject, body: body, burst: start.Add(login - 30*time.Second)})
		}
	}
	sort.SliceStable(evs, func(a, b int) bool { return evs[a].at < evs[b].at })
	return evs
}

// morningReplay replays the events on the simulated clock; visible holds
// the threat messages visible in an inbox → since when.
func (d *drill) morningReplay(ctx context.Context, evs []event, visible map[int64]time.Duration) error {
	var hiddenAt []time.Duration
	var first time.Duration = -1
	var ordinaryIDs []int64
	lastSweep := time.Duration(-1)
	checkVisible := func(at time.Duration) error {
		for id := range visible {
			n, err := d.app.DB.VisibleCopies(ctx, id)
			if err != nil {
				return err
			}
			if n == 0 {
				hiddenAt = append(hiddenAt, at)
				delete(visible, id)
			}
		}
		return nil
	}
	for n, e := range evs {
		d.clk.t = start.Add(e.at)
		if sec := e.at.Truncate(time.Second); sec > lastSweep {
			lastSweep = sec
			if err := d.app.Campaign.Sweep(ctx); err != nil {
				return fmt.Errorf("drill: sweep: %w", err)
			}
			if err := checkVisible(e.at); err != nil {
				return err
			}
		}
		res, err := d.send(ctx, e)
		if d.o.Progress != nil && (n%50 == 0 || n == len(evs)-1) {
			d.o.Progress(n+1, len(evs))
		}
		code := bouclier.ErrorCode(err)
		switch e.kind {
		case threat:
			d.rep.ThreatAttempts++
			if first < 0 {
				first = e.at
			}
			switch {
			case err == nil || code == bouclier.ErrRejectedContent:
				d.rep.ThreatSent++
				if res.Status == bouclier.StatusDelivered {
					d.rep.EverVisible++
					visible[res.ID] = e.at
				}
			case code != bouclier.ErrInternal:
				// Locked account, revoked session, or the account-security
				// guard (a link or a group needs a second factor).
				d.rep.ThreatRefused++
			default:
				return fmt.Errorf("drill: threat from %s: %w", e.from, err)
			}
		case ordinary:
			if d.tallyOrdinary(e.from, res.Status, err) {
				ordinaryIDs = append(ordinaryIDs, res.ID)
			}
		}
		if err := checkVisible(e.at); err != nil {
			return err
		}
	}
	// The wave is over: sweeps until every probation is over.
	end := evs[len(evs)-1].at + time.Second
	for k := 0; k < 62; k++ {
		d.clk.t = start.Add(end + time.Duration(k)*time.Second)
		if err := d.app.Campaign.Sweep(ctx); err != nil {
			return fmt.Errorf("drill: sweep: %w", err)
		}
		if err := checkVisible(end + time.Duration(k)*time.Second); err != nil {
			return err
		}
	}
	return d.measure(ctx, start, first, hiddenAt, len(visible), ordinaryIDs)
}

// measure completes the report; times are durations since origin.
func (d *drill) measure(ctx context.Context, origin time.Time, first time.Duration, hiddenAt []time.Duration, stillVisible int, ordinaryIDs []int64) error {
	r := &d.rep
	r.StillVisible = stillVisible
	if r.ThreatSent > 0 {
		r.EverVisiblePercent = 100 * float64(r.EverVisible) / float64(r.ThreatSent)
	}
	cs, err := d.app.DB.Campaigns(ctx, "", "", 1000)
	if err != nil {
		return err
	}
	r.Incidents = len(cs)
	firstContained := time.Duration(-1)
	involved := map[string]bool{}
	for _, c := range cs {
		if c.ContainedAt != 0 {
			at := time.UnixMicro(c.ContainedAt).Sub(origin)
			if firstContained < 0 || at < firstContained {
				firstContained = at
			}
		}
		for _, a := range c.Locked {
			involved[a] = true
		}
	}
	if first >= 0 && firstContained >= 0 {
		r.FirstIncidentSeconds = (firstContained - first).Seconds()
	}
	last := firstContained
	for _, h := range hiddenAt {
		if h > last {
			last = h
		}
	}
	if first >= 0 && last >= 0 {
		r.ContainmentSeconds = (last - first).Seconds()
	}
	for name := range d.hijacked {
		if u, err := d.app.DB.UserByName(ctx, name); err == nil && u.ReadOnly {
			r.HijackedLocked++
		}
	}
	for name := range involved {
		if !d.hijacked[name] {
			r.OtherAccountsLocked++
		}
	}
	// Held is the final status: a new text from a new device waits a
	// minute on probation, then goes out.
	r.OrdinaryHeld, r.OrdinaryHeldHijacked = 0, 0
	for _, id := range ordinaryIDs {
		m, err := d.app.DB.MessageByID(ctx, id)
		if err != nil {
			return err
		}
		if m.Recalled {
			r.OrdinaryRecalled++
		}
		if m.Status == bouclier.StatusHeld && !m.Recalled && d.hijacked[m.Sender] {
			r.OrdinaryHeldHijacked++
			d.o.Log.Debug("hijacked owner's message held", "id", id, "from", m.Sender, "reasons", m.Reasons)
		} else if m.Status == bouclier.StatusHeld && !m.Recalled {
			r.OrdinaryHeld++
			d.o.Log.Warn("ordinary message held", "id", id, "from", m.Sender, "subject", m.Subject, "body", m.Body, "reasons", m.Reasons)
		}
	}
	return nil
}

// tallyOrdinary counts the outcome of an ordinary message in the report and
// says whether it was stored.
func (d *drill) tallyOrdinary(from string, status bouclier.MessageStatus, err error) bool {
	if err != nil {
		d.rep.OrdinaryRefused++
		d.o.Log.Warn("ordinary message refused", "from", from, "err", err)
		return false
	}
	d.rep.OrdinarySent++
	switch status {
	case bouclier.StatusHeld:
		d.rep.OrdinaryHeld++
	case bouclier.StatusDeferred:
		d.rep.OrdinaryDelayed++
	}
	return true
}
