// Package campaign sees a wave of messages across senders and
// establishments — the March 2024 kind, where hijacked accounts sent the
// same few threats to hundreds of schools within hours — and contains it
// on its own.
//
// Every message is observed twice: Watch sees it after the screen and
// before it is stored (and may hold it), Stored after commit (and records
// it). What is observed goes to the database, so that several server
// processes sharing one PostgreSQL see one wave; each process keeps only
// short-lived caches of it.
//
// # Signals, in the order the code computes them
//
//  1. Features of the message: a MinHash signature of the word bigrams of
//     its normalised text (Sign), cut into band keys; the SHA-256 of its
//     attachments; the domains it links to (but the ministry's, the
//     académies' and the ENTs').
//  2. Signals of the sender, each a flag worth points (Points):
//     the screen's score (held or rejected: 2; 0.3 and more: 2; above 0: 1);
//     a fresh access (1): a session opened less than FreshFor ago from a
//     device never seen (first login included) or moved to another
//     network, or an account activated after a reset less than FreshFor
//     ago; a fan-out out of character (1): more recipients, groups or
//     establishments than the role's baseline, unless the sender's own
//     history has as wide, or half again as many recipients or more groups
//     than that history when there is one; an attempt to send during closed hours in the last
//     ClosedWithin (1); a report by a recipient (2, found by Sweep).
//     Heads, staff and administrators are expected broadcasters: neither
//     their fan-out nor a mild screen score counts against them.
//  3. The neighbourhood of a message: the observations of the last Window
//     with a similar signature (estimated Jaccard ≥ Similar) or a shared
//     attachment digest or link domain.
//
// # Rules, in the order Watch runs them
//
//  1. A message that matches an open incident (signature, digest or
//     domain) is held.
//  2. While an incident is open, a message worth 2 points or more is held
//     too: the wave's other texts come from the same kind of accounts.
//  3. A message worth 2 points or more from a parent or a student is held:
//     family accounts, protected by a password alone, are the ones
//     infostealers hand over.
//  4. Another message worth 2 points or more is held when its
//     neighbourhood already holds another suspicious sender of another
//     establishment, or when two other suspicious senders of two other
//     establishments sent in the last BurstWindow: a wave's first copies
//     are held before any incident is opened.
//
// # Rules, in the order Stored and the sweeps run them
//
//  1. A message held by rule 1 or 2 joins its incident.
//  2. A message worth 2 points or more is recorded at once and its
//     neighbourhood assessed; others are recorded in the background.
//  3. A neighbourhood with MinSenders suspicious senders from MinSchools
//     establishments, making at least MinShare of its senders, is a wave:
//     an incident is opened (one per wave even when two processes see it
//     at once: its seed is the wave's first suspicious message), or the
//     open incident of one of its messages is extended.
//  4. Containment: every message of the incident is recalled from every
//     inbox (moderation.RecallIDs), the accounts worth 2 points or more are
//     put in read-only and their sessions revoked (store.LockSender) until
//     reset, the incident's signatures, digests and domains are held
//     against everywhere.
//  5. Sweep (every second in a server): reports become flags and their
//     neighbourhoods are assessed again; every open incident gathers the
//     matching messages other processes stored meanwhile and contains
//     them; alerts go to the académies' security officers and the heads
//     of the establishments touched (email) and to the webhook, each once
//     (package alert).
//
// The legitimate broadcasts pass because they lack the suspicious senders:
// a rectorat letter forwarded by hundreds of heads (expected broadcasters),
// the same absence note from many parents (short, benign, ordinary fan-out
// from known devices), a teacher writing to all her classes (one sender).
package campaign

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/store"
)

// Signal flags, stored with each observation.
const (
	FlagScreenWeak   int64 = 1 << iota // screen score above 0
	FlagScreenStrong                   // screen score of 0.3 or more
	FlagScreenHeld                     // held or rejected by the screen
	FlagFresh                          // first login, new device, moved session or reset
	FlagFanout                         // fan-out out of character
	FlagClosed                         // attempt during closed hours
	FlagReported                       // reported by a recipient
	FlagBroadcaster                    // head, staff or administrator
	FlagCampaign                       // held by an open incident
)

// Points is what a set of flags weighs; 2 makes a sender suspicious.
func Points(f int64) int {
	p := 0
	switch {
	case f&(FlagScreenHeld|FlagScreenStrong) != 0:
		p += 2
	case f&FlagScreenWeak != 0:
		p++
	}
	if f&FlagFresh != 0 {
		p++
	}
	if f&FlagFanout != 0 {
		p++
	}
	if f&FlagClosed != 0 {
		p++
	}
	if f&FlagReported != 0 {
		p += 2
	}
	return p
}

// Suspicious is the number of points that makes a sender suspicious.
const Suspicious = 2

// Config holds the thresholds.
type Config struct {
	Window       time.Duration // sliding window of a wave
	FreshFor     time.Duration // how long an access stays fresh
	ClosedWithin time.Duration // how far back closed-hours attempts count
	HistoryFor   time.Duration // how far back a sender's history goes
	MinSenders   int           // suspicious senders that make a wave
	MinSchools   int           // establishments they come from
	MinShare     float64       // share of the neighbourhood's senders they make
	Similar      float64       // estimated Jaccard that makes two texts alike
	BurstWindow  time.Duration // how recent other suspicious senders count for rule 4
	Refresh      time.Duration // how often a process reloads open incidents
	Neighbours   int           // observations read per neighbourhood
}

// DefaultConfig returns the production thresholds.
func DefaultConfig() Config {
	return Config{Window: 2 * time.Hour, FreshFor: 30 * time.Minute, ClosedWithin: 12 * time.Hour, HistoryFor: 30 * 24 * time.Hour,
		MinSenders: 3, MinSchools: 2, MinShare: 0.3, Similar: 0.4, BurstWindow: 10 * time.Minute, Refresh: 200 * time.Millisecond, Neighbours: 500}
}

// baseline is the widest send a role makes without it being unusual.
type baseline struct{ recipients, groups, schools int }

var baselines = map[bouclier.Role]baseline{
	bouclier.RoleStudent: {recipients: 3, groups: 0, schools: 1},
	bouclier.RoleParent:  {recipients: 3, groups: 1, schools: 1},
	bouclier.RoleTeacher: {recipients: 200, groups: 8, schools: 1},
}

// IsBroadcaster reports whether a role is expected to write widely.
func IsBroadcaster(r bouclier.Role) bool {
	switch r {
	case bouclier.RoleHead, bouclier.RoleStaff, bouclier.RoleAcademyAdmin, bouclier.RoleNationalAdmin:
		return true
	}
	return false
}

// Detector watches messages, opens and contains incidents.
type Detector struct {
	db     *store.DB
	mod    *moderation.Service
	alerts *alert.Sender
	authz  Authorizer
	now    func() time.Time
	log    *slog.Logger
	cfg    Config

	mu       sync.Mutex // guards the caches below
	open     []openIncident
	version  int64
	checked  time.Time
	profiles map[int64]profile
	academie map[string]string // UAI → académie

	pending sync.Map // *messaging.Observed → pending

	qmu   sync.Mutex
	queue []job
	kick  chan struct{}

	work         sync.Mutex // one Flush or Sweep at a time in a process
	reportCursor int64
	alerted      map[string]bool // alert keys this process knows are settled
	lastPurge    time.Time
}

type openIncident struct {
	id   int64
	sigs []Signature
	keys map[int64]bool
}

type profile struct {
	hist     store.SenderHistory
	closed   int
	resetAt  int64
	loadedAt time.Time
}

type pending struct {
	sig      Signature
	keys     []int64 // band keys then extra
	extra    []int64
	flags    int64
	campaign int64
	at       time.Time
}

type job struct {
	obs      store.CampaignObs
	sig      Signature
	campaign int64
}

// Authorizer decides whether an actor may use a power over a scope
// (auth.Service.Authorize): session, second factor, freshness, authority.
type Authorizer interface {
	Authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, scope string) error
}

// New returns a detector. alerts may be nil (no alerts); the store, the
// moderation service, the authorizer and the clock are required.
func New(db *store.DB, mod *moderation.Service, alerts *alert.Sender, authz Authorizer, cfg Config, now func() time.Time, log *slog.Logger) (*Detector, error) {
	if db == nil || mod == nil || authz == nil || now == nil {
		return nil, errors.New("campaign: store, moderation, authorizer and clock are required")
	}
	if log == nil {
		log = slog.Default()
	}
	return &Detector{db: db, mod: mod, alerts: alerts, authz: authz, now: now, log: log, cfg: cfg, profiles: map[int64]profile{}, academie: map[string]string{},
		alerted: map[string]bool{}, kick: make(chan struct{}, 1)}, nil
}

// features computes the message's signature and keys.
func (d *Detector) features(o *messaging.Observed) pending {
	text := o.Body
	if len(strings.Fields(text)) < MinTokens {
		text = o.Subject + " " + o.Body
	}
	p := pending{sig: Sign(text)}
	p.keys = p.sig.BandKeys()
	for _, dg := range o.Digests {
		p.extra = append(p.extra, featureKey("d", dg))
	}
	for _, l := range o.Links {
		if !commonDomain(l) {
			p.extra = append(p.extra, featureKey("l", l))
		}
	}
	slices.Sort(p.extra)
	p.extra = slices.Compact(p.extra)
	p.keys = append(p.keys, p.extra...)
	return p
}

// flags computes the sender's signals: the screen's and the session's at
// once, the history's (one cached query) only when something already
// stands out, so that ordinary sends cost no query.
func (d *Detector) flags(ctx context.Context, o *messaging.Observed) int64 {
	var f int64
	role := o.Sender.Role
	broadcaster := IsBroadcaster(role)
	if broadcaster {
		f |= FlagBroadcaster
	}
	switch {
	case o.Verdict == "hold" || o.Verdict == "reject":
		f |= FlagScreenHeld
	case broadcaster:
	case o.Score >= 0.3:
		f |= FlagScreenStrong
	case o.Score > 0:
		f |= FlagScreenWeak
	}
	now := o.At
	if s, ok := auth.SessionFrom(ctx); ok && s.User.ID == o.Sender.ID {
		if s.Moved || (!s.KnownDevice && now.Sub(s.CreatedAt) < d.cfg.FreshFor) {
			f |= FlagFresh
		}
	}
	// over: wider than the role's baseline; notable: wide enough that the
	// sender's own history decides (a teacher who always writes to one
	// class and now writes to all of them and their parents).
	over, notable := false, false
	if b, ok := baselines[role]; ok && !broadcaster {
		r := o.Recipients
		over = len(r.Recipients) > b.recipients || r.Groups > b.groups || len(r.Schools) > b.schools
		notable = len(r.Recipients) > 10 || r.Groups >= 2
	}
	if f&^FlagBroadcaster == 0 && !over && !notable {
		return f
	}
	p, err := d.profile(ctx, o.Sender.ID, now)
	if err != nil {
		d.log.Warn("campaign: sender profile", "err", err)
		return f
	}
	h := p.hist
	known := h.Messages >= 3
	beyond := len(o.Recipients.Recipients)*2 > h.MaxRecipients*3 || o.Recipients.Groups > h.MaxGroups
	if (over && (!known || beyond)) || (notable && known && beyond) {
		f |= FlagFanout
	}
	if p.closed > 0 {
		f |= FlagClosed
	}
	if p.resetAt != 0 && store.Micros(now)-p.resetAt < d.cfg.FreshFor.Microseconds() {
		f |= FlagFresh
	}
	return f
}

// profileTTL bounds how long a sender's history is reused.
const profileTTL = 10 * time.Second

func (d *Detector) profile(ctx context.Context, userID int64, now time.Time) (profile, error) {
	d.mu.Lock()
	p, ok := d.profiles[userID]
	d.mu.Unlock()
	if ok && time.Since(p.loadedAt) < profileTTL {
		return p, nil
	}
	h, err := d.db.CampaignSenderHistory(ctx, userID, store.Micros(now.Add(-d.cfg.HistoryFor)), store.Micros(now))
	if err != nil {
		return p, err
	}
	n, err := d.db.CountClosedAttempts(ctx, userID, store.Micros(now.Add(-d.cfg.ClosedWithin)))
	if err != nil {
		return p, err
	}
	resetAt, err := d.db.CampaignActivatedAt(ctx, userID)
	if err != nil {
		return p, err
	}
	p = profile{hist: h, closed: n, resetAt: resetAt, loadedAt: time.Now()}
	d.mu.Lock()
	if len(d.profiles) > 50000 {
		clear(d.profiles)
	}
	d.profiles[userID] = p
	d.mu.Unlock()
	return p, nil
}

// incidents returns the open incidents, reloaded when any process changed
// them (at most every Refresh).
func (d *Detector) incidents(ctx context.Context) []openIncident {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.checked.IsZero() && time.Since(d.checked) < d.cfg.Refresh {
		return d.open
	}
	v, err := d.db.CampaignVersion(ctx)
	if err != nil {
		d.log.Warn("campaign: version", "err", err)
		return d.open
	}
	d.checked = time.Now()
	if v == d.version && d.version != 0 {
		return d.open
	}
	fs, err := d.db.OpenCampaignFeatures(ctx)
	if err != nil {
		d.log.Warn("campaign: open incidents", "err", err)
		return d.open
	}
	var open []openIncident
	for _, f := range fs {
		if len(open) == 0 || open[len(open)-1].id != f.CampaignID {
			open = append(open, openIncident{id: f.CampaignID, keys: map[int64]bool{}})
		}
		oi := &open[len(open)-1]
		switch f.Kind {
		case "sig":
			if s := ParseSignature(hexDecode(f.Value)); s != nil {
				oi.sigs = append(oi.sigs, s)
			}
		case "key":
			var k int64
			if _, err := fmt.Sscan(f.Value, &k); err == nil {
				oi.keys[k] = true
			}
		}
	}
	d.open, d.version = open, v
	return open
}

// invalidate makes the next call reload the open incidents.
func (d *Detector) invalidate() {
	d.mu.Lock()
	d.checked = time.Time{}
	d.mu.Unlock()
}

// match returns the open incident a message's features match, or 0.
func (d *Detector) match(open []openIncident, p pending) int64 {
	for _, oi := range open {
		for _, k := range p.extra {
			if oi.keys[k] {
				return oi.id
			}
		}
		if p.sig == nil {
			continue
		}
		for _, s := range oi.sigs {
			if Similarity(p.sig, s) >= d.cfg.Similar {
				return oi.id
			}
		}
	}
	return 0
}

// Watch is the messaging.WatchFunc: it runs Watch's rules (see the
// package comment) and may hold the message.
func (d *Detector) Watch(ctx context.Context, o *messaging.Observed) (bool, []string) {
	p := d.features(o)
	p.flags = d.flags(ctx, o)
	p.at = time.Now()
	open := d.incidents(ctx)
	var hold bool
	var why []string
	if id := d.match(open, p); id != 0 {
		p.campaign, hold = id, true
		why = []string{fmt.Sprintf("campagne : message semblable à ceux de l'incident n° %d", id)}
	} else if len(open) > 0 && Points(p.flags) >= Suspicious {
		p.campaign, hold = open[len(open)-1].id, true
		why = []string{fmt.Sprintf("campagne : envoi inhabituel pendant l'incident n° %d", open[len(open)-1].id)}
	} else if Points(p.flags) >= Suspicious {
		obs := d.obsOf(o, p)
		switch {
		case o.Sender.Role.IsFamily():
			hold = true
			why = []string{"compte familial suspect : connexion récente ou signalée et envoi inhabituel"}
		case len(p.keys) > 0:
			ns, err := d.neighbourhood(ctx, obs, p.sig)
			if err != nil {
				d.log.Warn("campaign: neighbourhood", "err", err)
			} else if a := d.assess(ns); a.suspicious >= 2 && a.schools >= 2 {
				hold = true
				why = []string{"campagne : message semblable à ceux d'autres comptes suspects"}
			}
		}
		if !hold {
			since := store.Micros(o.At.Add(-d.cfg.BurstWindow))
			if n, schools, err := d.db.RecentSuspects(ctx, since, o.Sender.ID, obs.UAI); err != nil {
				d.log.Warn("campaign: recent suspects", "err", err)
			} else if n >= 2 && schools >= 2 {
				hold = true
				why = []string{"campagne : envoi inhabituel pendant une rafale de comptes suspects dans d'autres établissements"}
			}
		}
	}
	d.pending.Store(o, p)
	return hold, why
}

// Stored is the messaging.StoredFunc: it records the message and, when
// it weighs enough, assesses its neighbourhood at once.
func (d *Detector) Stored(ctx context.Context, o *messaging.Observed) {
	var p pending
	if v, ok := d.pending.LoadAndDelete(o); ok {
		p = v.(pending)
	} else {
		// The screen held or rejected it: Watch never saw it.
		p = d.features(o)
		p.flags = d.flags(ctx, o)
	}
	if p.campaign != 0 {
		p.flags |= FlagCampaign
	}
	obs := d.obsOf(o, p)
	if p.campaign == 0 && Points(p.flags) >= Suspicious {
		ctx := context.WithoutCancel(ctx)
		err := d.db.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.InsertCampaignObs(ctx, obs); err != nil {
				return err
			}
			return tx.InsertCampaignSuspect(ctx, obs.MessageID, obs.At, obs.SenderID, obs.UAI)
		})
		if err != nil {
			d.log.Error("campaign: record", "err", err)
			return
		}
		if err := d.assessAndOpen(ctx, obs, p.sig); err != nil {
			d.log.Error("campaign: assess", "err", err)
		}
		return
	}
	d.enqueue(job{obs: obs, sig: p.sig, campaign: p.campaign})
}

func (d *Detector) enqueue(j job) {
	d.qmu.Lock()
	d.queue = append(d.queue, j)
	n := len(d.queue)
	d.qmu.Unlock()
	select {
	case d.kick <- struct{}{}:
	default:
	}
	if n > 20000 {
		// Nobody drains the queue (no Run): record here rather than grow.
		if err := d.Flush(context.Background()); err != nil {
			d.log.Error("campaign: flush", "err", err)
		}
	}
}

func (d *Detector) obsOf(o *messaging.Observed, p pending) store.CampaignObs {
	uai := o.Sender.UAI
	if uai == "" && len(o.Recipients.Schools) > 0 {
		uai = o.Recipients.Schools[0]
	}
	aca := o.Sender.Academie
	if aca == "" {
		aca = d.academieOf(context.Background(), uai)
	}
	status := string(o.Status)
	if status == "" {
		status = "pending"
	}
	return store.CampaignObs{MessageID: o.ID, At: store.Micros(o.At), SenderID: o.Sender.ID, Role: string(o.Sender.Role), UAI: uai, Academie: aca,
		Schools: o.Recipients.Schools, Recipients: len(o.Recipients.Recipients), Groups: o.Recipients.Groups, Status: status, Score: o.Score,
		Flags: p.flags, Sig: p.sig.Bytes(), Extra: p.extra, Keys: p.keys}
}

func (d *Detector) academieOf(ctx context.Context, uai string) string {
	if uai == "" {
		return ""
	}
	d.mu.Lock()
	a, ok := d.academie[uai]
	d.mu.Unlock()
	if ok {
		return a
	}
	e, err := d.db.Establishment(ctx, uai)
	if err != nil {
		return ""
	}
	d.mu.Lock()
	d.academie[uai] = e.Academie
	d.mu.Unlock()
	return e.Academie
}

// neighbourhood returns the observations of the last Window alike to obs
// (obs included, first).
func (d *Detector) neighbourhood(ctx context.Context, obs store.CampaignObs, sig Signature) ([]store.CampaignObs, error) {
	at := time.UnixMicro(obs.At)
	rows, err := d.db.CampaignNeighbours(ctx, obs.Keys, store.Micros(at.Add(-d.cfg.Window)), d.cfg.Neighbours)
	if err != nil {
		return nil, err
	}
	out := []store.CampaignObs{obs}
	for _, r := range rows {
		if r.MessageID == obs.MessageID && obs.MessageID != 0 {
			continue
		}
		if d.alike(sig, obs.Extra, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

func (d *Detector) alike(sig Signature, extra []int64, r store.CampaignObs) bool {
	for _, k := range r.Extra {
		if slices.Contains(extra, k) {
			return true
		}
	}
	return sig != nil && Similarity(sig, ParseSignature(r.Sig)) >= d.cfg.Similar
}

// assessment sums up a neighbourhood.
type assessment struct {
	senders    int
	suspicious int             // senders worth Suspicious points
	schools    int             // establishments of the suspicious senders
	points     map[int64]int   // sender → points
	flags      map[int64]int64 // sender → flags
	seed       int64           // first suspicious message
}

func (d *Detector) assess(ns []store.CampaignObs) assessment {
	a := assessment{points: map[int64]int{}, flags: map[int64]int64{}}
	for _, o := range ns {
		a.flags[o.SenderID] |= o.Flags
	}
	schools := map[string]bool{}
	for _, o := range ns {
		p := Points(a.flags[o.SenderID])
		a.points[o.SenderID] = p
		if p >= Suspicious {
			schools[o.UAI] = true
			if o.MessageID != 0 && (a.seed == 0 || o.MessageID < a.seed) {
				a.seed = o.MessageID
			}
		}
	}
	a.senders = len(a.points)
	for _, p := range a.points {
		if p >= Suspicious {
			a.suspicious++
		}
	}
	a.schools = len(schools)
	return a
}

func (d *Detector) isWave(a assessment) bool {
	return a.suspicious >= d.cfg.MinSenders && a.schools >= d.cfg.MinSchools &&
		float64(a.suspicious) >= d.cfg.MinShare*float64(a.senders)
}

// assessAndOpen assesses a recorded observation's neighbourhood and opens
// or extends an incident when it is a wave.
func (d *Detector) assessAndOpen(ctx context.Context, obs store.CampaignObs, sig Signature) error {
	ns, err := d.neighbourhood(ctx, obs, sig)
	if err != nil {
		return err
	}
	a := d.assess(ns)
	if !d.isWave(a) {
		return nil
	}
	ids := make([]int64, 0, len(ns))
	for _, o := range ns {
		ids = append(ids, o.MessageID)
	}
	id, err := d.db.OpenCampaignOf(ctx, ids)
	if err != nil {
		return err
	}
	reason := fmt.Sprintf("%d comptes suspects dans %d établissements envoient des messages semblables (%d messages, %d expéditeurs)",
		a.suspicious, a.schools, len(ns), a.senders)
	if id, err = d.attach(ctx, id, fmt.Sprintf("m:%d", a.seed), reason, ns, a); err != nil {
		return err
	}
	return d.contain(ctx, id)
}

// attach adds observations to incident id, opening it (for seed) when id
// is 0, and returns the incident's id.
func (d *Detector) attach(ctx context.Context, id int64, seed, reason string, ns []store.CampaignObs, a assessment) (int64, error) {
	now := d.now()
	at := store.Micros(now)
	open := d.incidents(ctx)
	var known []Signature
	for _, oi := range open {
		if oi.id == id {
			known = oi.sigs
		}
	}
	keyCount := map[int64]int{}
	for _, o := range ns {
		for _, k := range o.Extra {
			keyCount[k]++
		}
	}
	changed := false
	err := d.db.InTx(ctx, func(tx *store.Tx) error {
		if id == 0 {
			var created bool
			var err error
			if id, created, err = tx.OpenCampaign(ctx, seed, reason, at); err != nil {
				return err
			}
			if created {
				changed = true
				if err := tx.AddCampaignEvent(ctx, id, at, "opened", reason); err != nil {
					return err
				}
				if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system", Action: "campaign.open", Target: fmt.Sprintf("incident:%d", id),
					Scope: "national", Detail: reason}); err != nil {
					return err
				}
			}
		}
		added, places := 0, map[string]bool{}
		for _, o := range ns {
			if o.MessageID == 0 {
				continue
			}
			fresh, err := tx.AddCampaignMember(ctx, id, o.MessageID, o.SenderID, o.At)
			if err != nil {
				return err
			}
			if fresh {
				added++
			}
			for _, uai := range append([]string{o.UAI}, o.Schools...) {
				if uai == "" || places[uai] {
					continue
				}
				places[uai] = true
				aca := o.Academie
				if uai != o.UAI || aca == "" {
					aca = d.academieOf(ctx, uai)
				}
				if _, err := tx.AddCampaignPlace(ctx, id, uai, aca); err != nil {
					return err
				}
			}
			p := a.points[o.SenderID]
			if p >= Suspicious || (o.Flags&FlagCampaign != 0 && p >= 1) {
				if _, err := tx.AddCampaignAccount(ctx, id, o.SenderID); err != nil {
					return err
				}
			}
			if s := ParseSignature(o.Sig); s != nil && len(known) < 32 && p >= 1 {
				dup := false
				for _, k := range known {
					if Similarity(s, k) >= 0.8 {
						dup = true
						break
					}
				}
				if !dup {
					known = append(known, s)
					if _, err := tx.AddCampaignFeature(ctx, id, "sig", hexEncode(o.Sig)); err != nil {
						return err
					}
					changed = true
				}
			}
			for _, k := range o.Extra {
				// A digest or domain shared by two messages of the wave is
				// the wave's; one seen once may be anybody's.
				if keyCount[k] >= 2 {
					ok, err := tx.AddCampaignFeature(ctx, id, "key", fmt.Sprint(k))
					if err != nil {
						return err
					}
					changed = changed || ok
				}
			}
		}
		if added > 0 {
			if err := tx.AddCampaignEvent(ctx, id, at, "messages", fmt.Sprintf("%d message(s) rattaché(s) à l'incident", added)); err != nil {
				return err
			}
		}
		if changed {
			return tx.BumpCampaignVersion(ctx)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("attach to incident: %w", err)
	}
	if changed {
		d.invalidate()
	}
	return id, nil
}

// system is the actor of containment.
var system = bouclier.SystemActor("campaign")

// contain recalls the incident's messages not yet recalled and locks its
// accounts not yet locked. It is idempotent: several processes may run it.
func (d *Detector) contain(ctx context.Context, id int64) error {
	ms, err := d.db.UncontainedMembers(ctx, id)
	if err != nil {
		return err
	}
	now := d.now()
	at := store.Micros(now)
	if len(ms) > 0 {
		ids := make([]int64, len(ms))
		for i, m := range ms {
			ids[i] = m.MessageID
		}
		n, err := d.mod.RecallIDs(ctx, system, ids, fmt.Sprintf("campaign incident:%d", id))
		if err != nil {
			return fmt.Errorf("recall: %w", err)
		}
		err = d.db.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.MarkMembersContained(ctx, id, ids); err != nil {
				return err
			}
			if n == 0 {
				return nil
			}
			return tx.AddCampaignEvent(ctx, id, at, "recalled", fmt.Sprintf("%d message(s) retiré(s) de toutes les boîtes", n))
		})
		if err != nil {
			return err
		}
	}
	users, err := d.db.UnlockedCampaignAccounts(ctx, id)
	if err != nil {
		return err
	}
	if len(users) > 0 {
		var names []string
		err = d.db.InTx(ctx, func(tx *store.Tx) error {
			names = names[:0]
			for _, uid := range users {
				u, err := d.db.UserByID(ctx, uid)
				if err != nil {
					return err
				}
				// Containment's read-only is lifted by the académie, not by
				// the establishment whose accounts were hijacked.
				by := "national"
				if u.Academie != "" {
					by = "academie:" + u.Academie
				}
				if err := tx.LockSender(ctx, uid, by, at, "campaign containment"); err != nil {
					return err
				}
				if err := tx.MarkAccountLocked(ctx, id, uid, at); err != nil {
					return err
				}
				names = append(names, u.Username)
				if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system", Action: "campaign.lock", Target: "user:" + u.Username,
					Scope: u.Scope(), Source: "campaign", Detail: fmt.Sprintf("incident:%d", id)}); err != nil {
					return err
				}
			}
			return tx.AddCampaignEvent(ctx, id, at, "locked", fmt.Sprintf("comptes en lecture seule, sessions révoquées : %s", strings.Join(names, ", ")))
		})
		if err != nil {
			return fmt.Errorf("lock accounts: %w", err)
		}
	}
	return d.db.InTx(ctx, func(tx *store.Tx) error {
		first, err := tx.SetCampaignContained(ctx, id, at)
		if err != nil || !first {
			return err
		}
		return tx.AddCampaignEvent(ctx, id, at, "contained", "copies retirées et comptes bloqués")
	})
}

// Flush records the observations queued by Stored and attaches the held
// ones to their incidents, then contains those incidents. The server's
// Run calls it continuously; tests and the drill call it to be exact.
func (d *Detector) Flush(ctx context.Context) error {
	d.work.Lock()
	defer d.work.Unlock()
	return d.flush(ctx)
}

func (d *Detector) flush(ctx context.Context) error {
	d.qmu.Lock()
	jobs := d.queue
	d.queue = nil
	d.qmu.Unlock()
	if len(jobs) == 0 {
		return nil
	}
	err := d.db.InTx(ctx, func(tx *store.Tx) error {
		for _, j := range jobs {
			if err := tx.InsertCampaignObs(ctx, j.obs); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record observations: %w", err)
	}
	byIncident := map[int64][]store.CampaignObs{}
	for _, j := range jobs {
		if j.campaign != 0 {
			byIncident[j.campaign] = append(byIncident[j.campaign], j.obs)
		}
	}
	var errs []error
	for id, ns := range byIncident {
		a := d.assess(ns)
		if _, err := d.attach(ctx, id, "", "", ns, a); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := d.contain(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	// Forget what Watch saw of sends that never reached Stored.
	d.pending.Range(func(k, v any) bool {
		if time.Since(v.(pending).at) > time.Minute {
			d.pending.Delete(k)
		}
		return true
	})
	return errors.Join(errs...)
}

// Sweep runs the periodic rules: reports, the gathering of copies stored by
// other processes, containment, alerts and the purge of old observations.
func (d *Detector) Sweep(ctx context.Context) error {
	d.work.Lock()
	defer d.work.Unlock()
	var errs []error
	if err := d.flush(ctx); err != nil {
		errs = append(errs, err)
	}
	if err := d.sweepReports(ctx); err != nil {
		errs = append(errs, err)
	}
	ids, err := d.db.OpenCampaignIDs(ctx)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	for _, id := range ids {
		if err := d.gather(ctx, id); err != nil {
			errs = append(errs, err)
		}
		if err := d.contain(ctx, id); err != nil {
			errs = append(errs, err)
		}
		if err := d.sendAlerts(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	if now := d.now(); now.Sub(d.lastPurge) > 10*time.Minute {
		d.lastPurge = now
		err := d.db.InTx(ctx, func(tx *store.Tx) error {
			return tx.PurgeCampaignObs(ctx, store.Micros(now.Add(-2*d.cfg.Window)), store.Micros(now.Add(-d.cfg.HistoryFor)))
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// sweepReports turns new reports into flags and assesses the reported
// messages' neighbourhoods again.
func (d *Detector) sweepReports(ctx context.Context) error {
	since := store.Micros(d.now().Add(-d.cfg.Window))
	rs, err := d.db.ReportsAfter(ctx, d.reportCursor, since, 1000)
	if err != nil || len(rs) == 0 {
		return err
	}
	d.reportCursor = rs[len(rs)-1].ID
	seen := map[int64]bool{}
	err = d.db.InTx(ctx, func(tx *store.Tx) error {
		for _, r := range rs {
			if seen[r.MessageID] {
				continue
			}
			seen[r.MessageID] = true
			if _, err := tx.FlagCampaignObs(ctx, r.MessageID, FlagReported); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var errs []error
	for id := range seen {
		o, err := d.db.CampaignObsByID(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		o.Keys = append(ParseSignature(o.Sig).BandKeys(), o.Extra...)
		if err := d.assessAndOpen(ctx, o, ParseSignature(o.Sig)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// gather attaches to an open incident the matching messages stored since
// it opened, by any process, that are not yet part of it.
func (d *Detector) gather(ctx context.Context, id int64) error {
	var oi *openIncident
	open := d.incidents(ctx)
	for i := range open {
		if open[i].id == id {
			oi = &open[i]
		}
	}
	if oi == nil {
		return nil
	}
	c, err := d.db.Campaign(ctx, id)
	if err != nil {
		return err
	}
	var keys []int64
	for _, s := range oi.sigs {
		keys = append(keys, s.BandKeys()...)
	}
	for k := range oi.keys {
		keys = append(keys, k)
	}
	rows, err := d.db.CampaignNeighbours(ctx, keys, c.OpenedAt-d.cfg.Window.Microseconds(), 5000)
	if err != nil {
		return err
	}
	var ns []store.CampaignObs
	for _, r := range rows {
		p := pending{sig: ParseSignature(r.Sig), extra: r.Extra}
		if d.match([]openIncident{*oi}, p) == id {
			ns = append(ns, r)
		}
	}
	if len(ns) == 0 {
		return nil
	}
	_, err = d.attach(ctx, id, "", "", ns, d.assess(ns))
	return err
}

// Run drains the queue as it fills and sweeps every interval, until ctx ends.
func (d *Detector) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			_ = d.Flush(context.Background())
			return
		case <-d.kick:
			if err := d.Flush(ctx); err != nil && ctx.Err() == nil {
				d.log.Error("campaign: flush", "err", err)
			}
		case <-t.C:
			if err := d.Sweep(ctx); err != nil && ctx.Err() == nil {
				d.log.Error("campaign: sweep", "err", err)
			}
		}
	}
}

// sendAlerts alerts the académies' security officers and the heads of the
// establishments an incident touches, by email, and the webhook, each once.
func (d *Detector) sendAlerts(ctx context.Context, id int64) error {
	if d.alerts == nil || (!d.alerts.EmailEnabled() && !d.alerts.WebhookEnabled()) {
		return nil
	}
	c, err := d.db.Campaign(ctx, id)
	if err != nil {
		return err
	}
	var errs []error
	if d.alerts.WebhookEnabled() {
		key := fmt.Sprintf("incident:%d:webhook", id)
		if !d.alerted[key] {
			body := webhookBody(c)
			sent, err := d.alerts.Once(ctx, key, id, func(ctx context.Context) error { return d.alerts.Webhook(ctx, body) })
			d.settle(ctx, id, key, sent, err, "webhook", &errs)
		}
	}
	if !d.alerts.EmailEnabled() {
		return errors.Join(errs...)
	}
	heads, err := d.db.Heads(ctx, c.Establishments)
	if err != nil {
		return err
	}
	officers := heads
	for _, aca := range c.Academies {
		as, err := d.db.Admins(ctx, aca)
		if err != nil {
			return err
		}
		for _, u := range as {
			if u.Role == bouclier.RoleAcademyAdmin {
				officers = append(officers, u)
			}
		}
	}
	sort.Slice(officers, func(i, j int) bool { return officers[i].Username < officers[j].Username })
	subject, body := emailText(c)
	for _, u := range officers {
		if u.Email == "" {
			continue
		}
		key := fmt.Sprintf("incident:%d:email:%s", id, u.Username)
		if d.alerted[key] {
			continue
		}
		to := u.Email
		sent, err := d.alerts.Once(ctx, key, id, func(ctx context.Context) error { return d.alerts.Email(ctx, to, subject, body) })
		d.settle(ctx, id, key, sent, err, "courriel à "+u.Username, &errs)
	}
	return errors.Join(errs...)
}

func (d *Detector) settle(ctx context.Context, id int64, key string, sent bool, err error, what string, errs *[]error) {
	if err != nil {
		*errs = append(*errs, err)
		return
	}
	d.alerted[key] = true
	if sent {
		at := store.Micros(d.now())
		if err := d.db.InTx(ctx, func(tx *store.Tx) error { return tx.AddCampaignEvent(ctx, id, at, "alert", "alerte envoyée : "+what) }); err != nil {
			*errs = append(*errs, err)
		}
	}
}
