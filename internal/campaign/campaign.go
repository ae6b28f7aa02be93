// Package campaign sees a wave of messages across senders and
// establishments — the March 2024 kind, where hijacked accounts sent the
// same few threats to hundreds of schools within hours — and holds or
// contains it on its own, in proportion to what it knows.
//
// Every message is observed twice: Watch sees it after the screen and
// before it is stored (and may hold it), Stored after commit (and records
// it). What is observed goes to the database, so that several server
// processes sharing one PostgreSQL see one wave; each process keeps only
// short-lived caches of it.
//
// # Signals
//
//  1. Features of the message: a MinHash signature of its term set
//     (TextModel: normalised, stop words out, synonyms mapped, stemmed:
//     word order, inflection and synonyms do not change it), cut into band
//     keys; the SHA-256 of its attachments, and what they show (media.go:
//     pictures by difference hash, alike within 10 bits; videos by
//     duration and shape); the words of its documents, keyed as a body's
//     (documents.go: a PDF personalised per copy shares no digest); the
//     registered domains (public suffix list) it links to, but the
//     ministry's, the académies' and the ENTs'.
//  2. Account signals (account.go), for the session's whole life: a
//     device never seen, a session moved to another network or browser, a
//     (network, browser) pair new to the account even with a known device
//     token, an activation after a reset less than ResetFor ago, a send at
//     an hour the sender never sends at.
//  3. Behaviour (sender.go): a send wider than the role's and the
//     sender's own (FlagFanout), and what the sender wrote to over
//     VolumeWindow against their widest day (FlagVolume): splitting or
//     spacing sends changes nothing; closed-hours attempts.
//  4. Content: the screen's score; reports weighed by the reporter's role
//     (a report against personnel needs personnel or many families).
//  5. The wave (wave.go): the cluster of alike observations of the last
//     Window, weighed by sender roles and signals, with the content's own
//     history (a template seen for days, from several establishments, is
//     not a new text; a link's domain likewise) and its provenance (first
//     sent by a head without signals).
//
// # Rules, in the order Watch runs them
//
//  1. A message matching an open incident is held, unless it comes from
//     a head, staff or administrator without account signals, or the
//     incident's content is a template and the sender has no account
//     signal.
//  2. One sender can be a wave: a family or teacher account sending
//     alarming content (any screen score) wider than its usual is held.
//  3. A family account worth 2 points or more is held: family accounts,
//     protected by a password alone, are the ones infostealers hand over.
//  4. Probation: new content (no history) sent by a family or teacher
//     account from a browser or network new to it, when it had known
//     ones, waits ProbationFor before it goes out, long enough for its
//     wave to show; Sweep releases it if it joined no incident. So does
//     alarming content or a new link, whatever the text's history (a
//     history is cheap to give the day before). A head's, staff's or
//     administrator's message waits only for alarming content or a new
//     link sent from a session that looks stolen (hijackedAlarm,
//     hijackedLink).
//
// # Rules, in the order Stored, Flush and Sweep run them
//
//  1. Every message is recorded (with its content's daily history); its
//     cluster is assessed (wave.go) and an incident opened or raised at
//     the level the cluster calls for; a held message matching an
//     incident joins it.
//  2. Review: every copy of the incident is held (taken out of the
//     inboxes, back to the moderation queue where the académie or the
//     head releases or rejects it); nobody is locked.
//  3. Contain: the copies of the accounts with account signals are
//     recalled and those accounts put in read-only with their sessions
//     revoked, but heads, staff and administrators, whose messages are
//     only held; the other copies are held.
//  4. Sweep (every second in a server): reports become flags and their
//     clusters are assessed again; every open incident gathers the
//     matching messages other processes stored meanwhile and acts on
//     them; alerts go to the académies' security officers and the heads
//     of the establishments touched (email) and to the webhook, each once.
package campaign

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/store"
)

// Signal flags, stored with each observation.
const (
	FlagScreenWeak   int64 = 1 << iota // screen score above 0
	FlagScreenStrong                   // screen score of 0.3 or more
	FlagScreenHeld                     // held or rejected by the screen
	FlagAccount                        // new device, moved session, network new to the account, recent reset
	FlagFanout                         // one send wider than the role's and the sender's usual
	FlagClosed                         // attempt during closed hours
	FlagReported                       // reported, the reports weighing enough (reportWeight)
	FlagBroadcaster                    // head, staff or administrator
	FlagCampaign                       // held by an open incident
	FlagOffHours                       // sent at an hour the sender never sends at
	FlagVolume                         // more written to over VolumeWindow than the sender's widest day
	FlagProbation                      // held for ProbationFor: new content from an account with signals
	FlagStranger                       // a browser or network new to an account that had known ones
	FlagAlarm                          // alarming words of two registers (alarm.go) the screen did not score
	FlagNewLink                        // a link to a registered domain without history (newLink)
	// FlagStrong is an account signal strong enough to lock and recall
	// on: a network the account never logged in from (even with a known
	// browser or device token), a session moved to another network or
	// browser (a replayed cookie), a password or factor reset shortly
	// before. A new browser on a known network alone is not.
	FlagStrong
	// FlagRelay: a family's or teacher's message passing on a notice of
	// their establishment's head or staff (relayOfNotice), never part of
	// a wave of paraphrases.
	FlagRelay
	// FlagAddsAlarm: a family's or teacher's message as alike to a notice
	// of their establishment as a relay, whose words the notice lacks
	// alarm on their own (addsAlarm): no relay.
	FlagAddsAlarm
	// FlagNewDevice: a browser the account never used, on a network it
	// never logged in from: a stolen password used from the attacker's
	// own machine. A known device's token or cookie replayed elsewhere
	// and the owner's phone on a new mobile network are strong signals
	// too (FlagStrong), but not this one.
	FlagNewDevice
)

// Points is what a set of flags weighs for the per-message rules; 2 makes
// a sender suspicious.
func Points(f int64) int {
	p := 0
	switch {
	case f&(FlagScreenHeld|FlagScreenStrong) != 0:
		p += 2
	case f&(FlagScreenWeak|FlagAlarm) != 0:
		p++
	}
	for _, b := range []int64{FlagAccount, FlagOffHours, FlagFanout | FlagVolume, FlagClosed} {
		if f&b != 0 {
			p++
		}
	}
	if f&FlagReported != 0 {
		p += 2
	}
	return p
}

// AlarmLikeness scales the likeness line for alarming content matching an
// open incident.
const AlarmLikeness = 0.6

// Suspicious is the number of points that makes a sender suspicious.
const Suspicious = 2

// Config holds the thresholds.
type Config struct {
	Window        time.Duration // sliding window of a wave
	VolumeWindow  time.Duration // rolling window of a sender's volume
	ResetFor      time.Duration // how long an activation after a reset counts
	ClosedWithin  time.Duration // how far back closed-hours attempts count
	HistoryFor    time.Duration // how far back a sender's history goes
	HistoryDays   int           // how many days of content history make a template
	KnownMessages int           // messages in those days that make a content known
	MinSenders    int           // distinct senders that make a wave
	MinSchools    int           // establishments they come from
	Similar       float64       // estimated Jaccard that makes two texts alike
	ProbationFor  time.Duration // how long new content from an account with signals waits
	FormingFor    time.Duration // how long it waits at most while alike content from other senders forms a wave
	Refresh       time.Duration // how often a process reloads open incidents
	Neighbours    int           // observations read per neighbourhood
}

// DefaultConfig returns the production thresholds.
func DefaultConfig() Config {
	return Config{Window: 2 * time.Hour, VolumeWindow: 6 * time.Hour, ResetFor: 7 * 24 * time.Hour, ClosedWithin: 12 * time.Hour,
		HistoryFor: 30 * 24 * time.Hour, HistoryDays: 14, KnownMessages: 5, MinSenders: 3, MinSchools: 2, Similar: 0.4,
		ProbationFor: time.Minute, FormingFor: 10 * time.Minute, Refresh: 200 * time.Millisecond, Neighbours: 500}
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
	model  TextModel
	peers  Peers // the national picture, nil without one (peers.go)

	mu       sync.Mutex // guards the caches below
	open     []openIncident
	version  int64
	checked  time.Time
	profiles map[int64]profile
	loads    profileLoads            // one read of a sender's profile at a time (sender.go)
	sessions map[string]sessionState // token hash → account signals
	hot      map[int64]time.Time     // feature key → last signalled message carrying it
	quiet    map[quietKey]time.Time  // assessments that found no wave → when
	academie map[string]string       // UAI → académie
	// formingSeen are the messages on probation alike to other senders'
	// by their terms alone (paraphrased).
	formingSeen map[int64]bool

	pending sync.Map // *messaging.Observed → pending

	qmu   sync.Mutex
	queue []job
	kick  chan struct{}

	work         sync.Mutex // one Flush or Sweep at a time in a process
	reportCursor int64
	alerted      map[string]bool // alert keys this process knows are settled
	gathered     map[int64]gatherState
	lastPurge    time.Time
	media        mediaCache // attachments described, by digest (media.go)
	held         heldPacer  // held senders' reassessments (pace.go)
	// neighbourhoods counts the cluster queries, the detection's main
	// cost (tests read it).
	neighbourhoods atomic.Int64
	notices        noticeCache   // whether an establishment's head and staff sent anything (notices.go)
	noticeReads    atomic.Int64  // the store's reads of notices (tests read it)
	history        historyBuffer // daily key counts not yet written (history.go)
}

type openIncident struct {
	id   int64
	sigs []Signature
	keys map[int64]bool
	// The template features: held only from senders with account signals.
	tsigs []Signature
	tkeys map[int64]bool
	// The pictures among keys and tkeys (media.go), compared by likeness.
	pictures, tpictures []int64
}

type pending struct {
	sig      Signature
	alarm    bool    // the text is alarming (alarm.go)
	link     bool    // it links to a domain but the common ones
	links    []int64 // the keys of those domains
	keys     []int64 // band keys then extra
	extra    []int64
	flags    int64
	campaign int64
	at       time.Time
}

type job struct {
	obs      store.CampaignObs
	sig      Signature
	links    []int64 // the link keys (pending.links): their history is counted by establishment too (breadth)
	campaign int64
	recorded bool // written in the send's transaction already (Record)
	// delivery: a deferred message delivered; its observation moves from
	// its send to now, so that a wave scheduled to fire at once is one.
	delivery bool
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
	return &Detector{db: db, mod: mod, alerts: alerts, authz: authz, now: now, log: log, cfg: cfg, model: FrenchModel{}, profiles: map[int64]profile{}, sessions: map[string]sessionState{}, hot: map[int64]time.Time{}, quiet: map[quietKey]time.Time{},
		academie: map[string]string{}, formingSeen: map[int64]bool{},
		alerted: map[string]bool{}, gathered: map[int64]gatherState{}, kick: make(chan struct{}, 1)}, nil
}

// features computes the message's signature and keys.
func (d *Detector) features(o *messaging.Observed) pending {
	text := o.Subject + " " + o.Body
	// The words are mapped to terms once, for the signature and the alarm.
	fields := FrenchModel{}.fields(text)
	words := FrenchModel{}.wordsOf(fields)
	var terms []string
	if _, french := d.model.(FrenchModel); french {
		terms = dedupe(words)
	} else {
		terms = d.model.Terms(text)
	}
	p := pending{sig: SignTerms(terms)}
	p.alarm = alarmingWords(fields, words)
	p.keys = p.sig.BandKeys()
	if p.sig == nil && len(terms) > 0 {
		// A text too short for a signature is known by its terms, exactly:
		// a wave cut into fragments of two words (« Collège fermé »,
		// « Pas cours demain ») is a wave of each fragment, and the
		// fragments have a history as any text does. Beside an attachment
		// too, the attachment keyed as well: a picture of its own beside
		// each fragment (campaign9's fragments-en-images) left nothing to
		// cluster. A caption (« Photo de classe ») shared by senders
		// without signals makes no wave (level), as a longer text does not.
		p.extra = append(p.extra, shortTextKey(terms))
	}
	for _, dg := range o.Digests {
		p.extra = append(p.extra, featureKey("d", dg))
	}
	p.extra = append(p.extra, d.mediaKeys(o)...)
	// What the documents say, as a body's words (documents.go).
	p.extra = append(p.extra, documentKeys(d.model, o.Documents)...)
	for _, l := range o.Links {
		if !commonDomain(l) {
			k := featureKey("l", RegisteredDomain(l))
			p.extra = append(p.extra, k)
			p.links = append(p.links, k)
			p.link = true
		}
	}
	for _, n := range accountNumbers(text) {
		// An account to pay into is a link by other means: a wave that
		// switches one into a template is held by it as by a domain.
		k := featureKey("i", n)
		p.extra = append(p.extra, k)
		p.links = append(p.links, k)
		p.link = true
	}
	slices.Sort(p.extra)
	p.extra = slices.Compact(p.extra)
	p.keys = append(p.keys, indexKeys(p.extra)...)
	return p
}

// shortTextKey is the key of a text under MinTokens terms: its term set.
func shortTextKey(terms []string) int64 { return termSetKey("w", terms) }

// termSetKey is the key of a set of terms, named by kind (a short body's,
// a short document's).
func termSetKey(kind string, terms []string) int64 {
	ts := slices.Clone(terms)
	slices.Sort(ts)
	return featureKey(kind, strings.Join(slices.Compact(ts), " "))
}

// ibanPattern finds IBANs as people write them: two letters, two check
// digits, then groups of up to four letters or digits, spaced or not.
var ibanPattern = regexp.MustCompile(`(?i)\b[a-z]{2}[0-9]{2}(?:\s?[a-z0-9]{4}){2,7}(?:\s?[a-z0-9]{1,4})?\b`)

// accountNumbers returns the bank account numbers (IBANs) a text gives,
// upper-cased without spaces. Only numbers that pass the ISO 13616 mod-97
// check count: one that fails it is no account anyone can pay into (a
// reference, a ticket number, a made-up string), and counting it as a
// link would make ordinary texts look like a switched account.
func accountNumbers(text string) []string {
	var out []string
	for _, m := range ibanPattern.FindAllString(text, 8) {
		n := strings.ToUpper(strings.Join(strings.Fields(m), ""))
		if len(n) >= 15 && len(n) <= 34 && ibanValid(n) {
			out = append(out, n)
		}
	}
	return out
}

// ibanValid reports whether n (upper case, no spaces) passes the ISO 13616
// check: the first four characters moved to the end, letters read as 10 to
// 35, the whole number taken modulo 97 is 1.
func ibanValid(n string) bool {
	if len(n) < 5 || n[0] < 'A' || n[0] > 'Z' || n[1] < 'A' || n[1] > 'Z' || n[2] < '0' || n[2] > '9' || n[3] < '0' || n[3] > '9' {
		return false
	}
	r := 0
	for i := range len(n) {
		c := n[(i+4)%len(n)]
		switch {
		case c >= '0' && c <= '9':
			r = (r*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			r = (r*100 + int(c-'A') + 10) % 97
		default:
			return false
		}
	}
	return r == 1
}

// SetTextModel replaces the model the text similarity is computed on
// (FrenchModel by default); call it before the first message.
func (d *Detector) SetTextModel(m TextModel) { d.model = m }

// flags computes the sender's signals: the screen's, the session's and
// the sender's behaviour. A profile that cannot be read counts as a
// fan-out out of character (fail closed).
func (d *Detector) flags(ctx context.Context, o *messaging.Observed, alarm bool) int64 {
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
	if alarm && !broadcaster && f&(FlagScreenHeld|FlagScreenStrong|FlagScreenWeak) == 0 {
		f |= FlagAlarm
	}
	f |= d.sessionFlags(ctx, o.Sender)
	sf, err := d.senderFlags(ctx, o.Sender, recipientsOf(o), o.At)
	if err != nil {
		d.log.Warn("campaign: sender profile", "err", err)
		return f | FlagFanout
	}
	return f | sf
}

func recipientsOf(o *messaging.Observed) recipients {
	return recipients{count: len(o.Recipients.Recipients), groups: o.Recipients.Groups, schools: o.Recipients.Schools}
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
			open = append(open, openIncident{id: f.CampaignID, keys: map[int64]bool{}, tkeys: map[int64]bool{}})
		}
		oi := &open[len(open)-1]
		switch f.Kind {
		case "sig", "tsig":
			if s := ParseSignature(hexDecode(f.Value)); s != nil {
				if f.Kind == "sig" {
					oi.sigs = append(oi.sigs, s)
				} else {
					oi.tsigs = append(oi.tsigs, s)
				}
			}
		case "key", "tkey":
			var k int64
			if _, err := fmt.Sscan(f.Value, &k); err == nil {
				if f.Kind == "key" {
					oi.keys[k] = true
					if isPicture(k) {
						oi.pictures = append(oi.pictures, k)
					}
				} else {
					oi.tkeys[k] = true
					if isPicture(k) {
						oi.tpictures = append(oi.tpictures, k)
					}
				}
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

// match returns the open incident a message's features match, or 0. A
// head, staff member or administrator without account signals is not held
// on similarity alone (the académie decides on their messages through the
// incident's review); a template incident's features hold only senders
// with account signals and another signal.
func (d *Detector) match(open []openIncident, p pending, role bouclier.Role) int64 {
	signalled := hasAccountSignal(p.flags)
	if IsBroadcaster(role) && !signalled && p.flags&(FlagScreenHeld|FlagScreenStrong) == 0 {
		return 0
	}
	// Alarming content joins an open incident at a lower likeness: a
	// paraphrase keeps few words but keeps its alarm.
	line := d.cfg.Similar
	if p.flags&FlagAlarm != 0 {
		line *= AlarmLikeness
	}
	alike := func(sigs []Signature, keys map[int64]bool, pictures []int64) bool {
		for _, k := range p.extra {
			if keys[k] || (isPicture(k) && hasKey(pictures, k)) {
				return true
			}
		}
		if p.sig == nil {
			return false
		}
		for _, s := range sigs {
			if Similarity(p.sig, s) >= line {
				return true
			}
		}
		return false
	}
	for _, oi := range open {
		if alike(oi.sigs, oi.keys, oi.pictures) || (signalled && hasBehaviourSignal(p.flags) && alike(oi.tsigs, oi.tkeys, oi.tpictures)) {
			return oi.id
		}
	}
	return 0
}

// plainSignals are the flags that make a copy of a template more than
// the template sent as usual: a strong account signal, or any signal of
// what the sender does or sends (a new browser alone is not: parents
// and teachers change phones, see suspectAccount).
const plainSignals = FlagStrong | FlagFanout | FlagVolume | FlagClosed | FlagReported |
	FlagScreenWeak | FlagScreenStrong | FlagScreenHeld | FlagAlarm | FlagNewLink

// plainTemplate reports whether a message is a template (its text has a
// history) sent as usual: no link, no attachment, no signal at all. Such
// a copy is never held by likeness to an open incident — the template
// is never held against anyone without signals (level) — whatever an
// attacker added to it in their own copies. A history that cannot be
// read says no (fail closed: the copy is held).
func (d *Detector) plainTemplate(ctx context.Context, sig Signature, extra []int64, flags int64, at time.Time) bool {
	if sig == nil || !bare(extra, flags) {
		return false
	}
	known, err := d.known(ctx, sig, nil, at)
	if err != nil {
		d.log.Warn("campaign: content history", "err", err)
		return false
	}
	return known
}

// bare reports whether a message adds nothing to its text: no link or
// attachment (extra keys) and no signal of plainSignals.
func bare(extra []int64, flags int64) bool { return len(extra) == 0 && flags&plainSignals == 0 }

// dropPlainTemplates removes from a cluster the copies of a template sent
// as usual (plainTemplate): teachers sending the museum note as every
// week are not the wave that switched a link into it, and are neither
// counted in it nor held with it.
// The copies of one template share a signature: its history is read
// once per signature and day.
func (d *Detector) dropPlainTemplates(ctx context.Context, ns []store.CampaignObs) []store.CampaignObs {
	type memoKey struct {
		sig string
		day int64
	}
	memo := map[memoKey]bool{}
	out := ns[:0:0]
	for _, o := range ns {
		if isRemote(o) || !bare(o.Extra, o.Flags) {
			out = append(out, o)
			continue
		}
		at := time.UnixMicro(o.At)
		k := memoKey{string(o.Sig), dayOf(at)}
		plain, ok := memo[k]
		if !ok {
			plain = d.plainTemplate(ctx, ParseSignature(o.Sig), o.Extra, o.Flags, at)
			memo[k] = plain
		}
		if !plain {
			out = append(out, o)
		}
	}
	return out
}

// singleSender reports whether one sender is a wave on their own: a
// family or teacher account writing alarming content wider than usual.
func singleSender(f int64, role bouclier.Role) bool {
	return !IsBroadcaster(role) && f&(FlagFanout|FlagVolume) != 0 && f&(FlagScreenWeak|FlagScreenStrong|FlagScreenHeld|FlagAlarm) != 0
}

// newLink reports whether none of a message's link domains has a
// history: a domain seen for days is somebody's site, one never seen that
// several senders link to is a wave's. The history must come from
// MinSchools establishments at least (broadHistory), as a wave must: one
// hijacked account linking to its domain six times the day before gives
// it no history (campaign11's lien-empoisonne-la-veille), the museum's
// page that heads of several establishments passed on has one. A history that cannot be
// read counts as none (fail closed: the message only waits).
func (d *Detector) newLink(ctx context.Context, keys []int64, at time.Time) bool {
	day := dayOf(at)
	regs := breadthKeys(breadthSources(nil, keys)) // each key's sources' registers, in the keys' order
	counts, err := d.historyOf(ctx, append(slices.Clone(keys), regs...), day-int64(d.cfg.HistoryDays), day)
	if err != nil {
		d.log.Warn("campaign: link history", "err", err)
		return true
	}
	for i, k := range keys {
		per := len(regs) / len(keys)
		if counts[k] >= d.cfg.KnownMessages && broadHistory(counts, regs[i*per:(i+1)*per], d.cfg.MinSchools) {
			return false
		}
	}
	return true
}

// screenScored reports whether the screen scored the content.
func screenScored(f int64) bool { return f&(FlagScreenWeak|FlagScreenStrong|FlagScreenHeld) != 0 }

// onProbation reports whether a message's new content waits (see Watch).
func (d *Detector) onProbation(p pending) bool {
	return p.alarm || p.link || p.flags&(FlagStranger|FlagAlarm|FlagScreenWeak|FlagScreenStrong) != 0
}

// hijackedAlarm reports whether a head's, staff's or administrator's
// message waits like a family's: alarming new words from a session that
// looks stolen — a known device's token used from a network the account
// never logged in from, or a session moved to another network or
// browser (a hijacked vie scolaire announcing a closure). A new device
// on a new network is a head's new phone or laptop: their notices, even
// about threats, go out at once.
func hijackedAlarm(ctx context.Context, p pending) bool {
	if !p.alarm || p.flags&FlagStrong == 0 {
		return false
	}
	s, ok := auth.SessionFrom(ctx)
	return ok && (s.Moved || s.KnownDevice)
}

// hijackedLink reports whether a head's, staff's or administrator's
// message waits like a family's for its link: a domain without history
// (FlagNewLink, only looked for from a session with a strong account
// signal). A hijacked vie scolaire or head linking its whole
// establishment to a phishing page writes as quietly as the rectorat's
// survey (campaign13's vie-scolaire-lien-ent); a minute is long enough
// for the wave to show (hijackedLinks).
func hijackedLink(flags int64) bool { return flags&FlagNewLink != 0 && flags&FlagStrong != 0 }

// Watch is the messaging.WatchFunc: it runs Watch's rules (see the
// package comment) and may hold the message.
func (d *Detector) Watch(ctx context.Context, o *messaging.Observed) (bool, []string) {
	p := d.features(o)
	p.flags = d.flags(ctx, o, p.alarm) | d.scheduledFrom(ctx, o)
	if p.link && (!IsBroadcaster(o.Sender.Role) || p.flags&FlagStrong != 0) && d.newLink(ctx, p.links, o.At) {
		// A head's or staff's link is judged only from a session that
		// looks stolen (hijackedLink): their broadcasts link anywhere.
		p.flags |= FlagNewLink
	}
	p.at = time.Now()
	role := o.Sender.Role
	if IsBroadcaster(role) && o.Sender.UAI != "" {
		// This may be a notice that others pass on.
		d.notices.forget(o.Sender.UAI)
	}
	var hold bool
	var why []string
	id, matched := d.matchAll(ctx, p, role)
	relay := false
	if (matched || d.onProbation(p)) && !IsBroadcaster(role) && p.flags&FlagStrong == 0 {
		// A teacher passing on their head's notice is not the wave the
		// notice talks about, whatever it shares with it.
		var added bool
		var err error
		relay, added, err = d.relayOfNotice(ctx, p, o)
		if err != nil {
			d.log.Warn("campaign: notices", "err", err)
		}
		matched = matched && !relay
		if relay {
			p.flags |= FlagRelay
		}
		if added {
			p.flags |= FlagAddsAlarm
		}
	}
	if matched && d.plainTemplate(ctx, p.sig, p.extra, p.flags, o.At) {
		// A template sent as usual is never held by likeness to an
		// incident: a wave that dresses the template (a link switched in)
		// is held by what it adds.
		matched = false
	}
	switch {
	case matched:
		p.campaign, hold = id, true
		why = []string{fmt.Sprintf("campagne : message semblable à ceux de l’incident n° %d", id)}
	case singleSender(p.flags, role) && screenScored(p.flags):
		hold = true
		why = []string{"campagne : contenu alarmant envoyé plus largement que d’habitude"}
	case role.IsFamily() && Points(p.flags) >= Suspicious && hasBehaviourSignal(p.flags&^FlagAlarm):
		hold = true
		why = []string{"compte familial suspect : envoi inhabituel et autres signaux"}
	}
	if !hold && !relay && o.Verdict == "deliver" && (!IsBroadcaster(role) || hijackedAlarm(ctx, p) || hijackedLink(p.flags)) && len(p.keys) > 0 && d.onProbation(p) {
		// New content waits ProbationFor — long enough for a wave to show,
		// released after by Sweep unless it joined an incident — when it
		// comes from a browser or network new to an established account
		// (an account's very first session does not count: every account
		// has one), or when it is alarming or links out: a cookie replayed
		// from the owner's own network shows nothing new, what it sends may.
		known, err := d.known(ctx, p.sig, p.extra, o.At)
		if err != nil {
			d.log.Warn("campaign: content history", "err", err)
		}
		if known && (p.flags&FlagNewLink != 0 || alarming(p.flags)) {
			// A template carrying a domain or an account never seen is
			// new content: the museum note is known, its new IBAN is not.
			// Alarming words wait their minute whatever their history: a
			// history is cheap to give (six copies the day before made an
			// intrusion alert a template: modele-empoisonne-la-veille), and
			// alarming templates from families and teachers are rare.
			known = false
		}
		if err != nil || !known {
			hold, p.flags = true, p.flags|FlagProbation
			why = []string{"campagne : nouveau contenu, distribution différée d’une minute"}
		}
	}
	if !o.Delivery {
		// A deferred message was remembered at its send; its observation
		// moves to its delivery (record).
		d.remember(o.Sender.ID, store.RecentSend{At: store.Micros(o.At), Recipients: len(o.Recipients.Recipients), Groups: o.Recipients.Groups,
			Schools: o.Recipients.Schools})
	}
	d.pending.Store(o, p)
	return hold, why
}

// sessionSignals are the account signals of the session that sent a
// message, which a deferred message keeps until its delivery.
const sessionSignals = FlagAccount | FlagStrong | FlagStranger | FlagNewDevice

// scheduledFrom returns, for a deferred message at its delivery, the
// account signals its send was observed with: the deliverer has no
// session, and a wave scheduled from stolen sessions fires from none. An
// observation that cannot be read counts as a new device (fail closed);
// one purged (sent more than HistoryFor before) as none.
func (d *Detector) scheduledFrom(ctx context.Context, o *messaging.Observed) int64 {
	if !o.Delivery || o.ID == 0 {
		return 0
	}
	obs, err := d.db.CampaignObsByID(ctx, o.ID)
	if errors.Is(err, store.ErrNotFound) {
		return 0
	}
	if err != nil {
		d.log.Warn("campaign: scheduled message", "err", err)
		return FlagAccount | FlagStranger
	}
	return obs.Flags & sessionSignals
}

// Stored is the messaging.StoredFunc: it queues the message for the
// worker, which records it (unless Record did, in the send's transaction)
// and assesses its cluster within milliseconds.
func (d *Detector) Stored(ctx context.Context, o *messaging.Observed) {
	var p pending
	if v, ok := d.pending.LoadAndDelete(o); ok {
		p = v.(pending)
	} else {
		// The screen held or rejected it: Watch never saw it.
		p = d.features(o)
		p.flags = d.flags(ctx, o, p.alarm) | d.scheduledFrom(ctx, o)
	}
	d.enqueue(d.jobOf(o, p))
}

// jobOf is the work left on o once stored.
func (d *Detector) jobOf(o *messaging.Observed, p pending) job {
	if p.campaign != 0 {
		p.flags |= FlagCampaign
	}
	return job{obs: d.obsOf(o, p), sig: p.sig, links: p.links, campaign: p.campaign, recorded: o.Recorded, delivery: o.Delivery}
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
	d.neighbourhoods.Add(1)
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
		if d.alike(sig, obs.Extra, obs.Flags, r) {
			out = append(out, r)
		}
	}
	return append(out, d.remote(obs, sig)...), nil
}

// alike reports whether r is alike to a message (sig, extra, flags):
// same attachment or link domain, or texts alike; two alarming texts at a
// looser likeness, since a paraphrase keeps few words but its alarm.
func (d *Detector) alike(sig Signature, extra []int64, flags int64, r store.CampaignObs) bool {
	if sharesKey(extra, r.Extra) {
		return true
	}
	line := d.cfg.Similar
	if alarming(flags) && alarming(r.Flags) {
		line *= AlarmLikeness
	}
	return sig != nil && Similarity(sig, ParseSignature(r.Sig)) >= line
}

// sameContent reports whether two copies' contents are alike.
func (d *Detector) sameContent(a, b job) bool { return d.alike(a.sig, a.obs.Extra, a.obs.Flags, b.obs) }

// alarming reports whether flags say the content alarms: alarm words or
// a screen score.
func alarming(f int64) bool {
	return f&(FlagAlarm|FlagScreenWeak|FlagScreenStrong|FlagScreenHeld) != 0
}

// assessAndAct assesses a recorded observation's cluster and opens,
// raises or extends an incident when the wave calls for it; it returns
// the incident (0 for none).
func (d *Detector) assessAndAct(ctx context.Context, obs store.CampaignObs, sig Signature) (int64, error) {
	if len(obs.Keys) == 0 {
		return 0, nil
	}
	ns, err := d.neighbourhood(ctx, obs, sig)
	if err != nil {
		return 0, err
	}
	return d.actOnCluster(ctx, obs, sig, ns)
}

// actOnCluster assesses the cluster ns of obs (obs first) and opens,
// raises or extends an incident when the wave calls for it; it returns
// the incident (0 for none).
func (d *Detector) actOnCluster(ctx context.Context, obs store.CampaignObs, sig Signature, ns []store.CampaignObs) (int64, error) {
	if ns = d.dropPlainTemplates(ctx, dropRelays(ns)); len(ns) < d.cfg.MinSenders {
		return 0, nil
	}
	w, err := d.assessWave(ctx, ns, sig, obs.Extra)
	if err != nil {
		return 0, err
	}
	level := d.level(w)
	if level == "" {
		return 0, nil
	}
	if ns, err = d.evidence(ctx, ns, sig, obs.Extra, level); err != nil || len(ns) == 0 {
		return 0, err
	}
	ids := make([]int64, 0, len(ns))
	for _, o := range ns {
		ids = append(ids, o.MessageID)
	}
	id, err := d.db.OpenCampaignOf(ctx, ids)
	if err != nil {
		return 0, err
	}
	reason := fmt.Sprintf("%d expéditeurs dans %d établissements envoient des messages semblables (%d messages, %d comptes aux signaux de compte)",
		w.senders, w.schools, len(ns), w.signalled)
	template := (w.known || (w.vouched && !d.stray(w))) && !d.alarmingTemplate(w) && !d.hijackedLinks(w)
	if template {
		reason = fmt.Sprintf("%d comptes aux signaux de compte envoient un modèle connu de façon inhabituelle (%d messages)", w.signalled, len(ns))
		// Only the copies sent with signals belong to the incident: the
		// owner of a hijacked account sending the template from their own
		// browser is not held.
		var keep []store.CampaignObs
		for _, o := range ns {
			if hasAccountSignal(o.Flags) && hasBehaviourSignal(o.Flags|w.flags[o.SenderID]&(FlagFanout|FlagVolume)) {
				keep = append(keep, o)
			}
		}
		ns = keep
	}
	if id, err = d.attach(ctx, id, fmt.Sprintf("m:%d", w.seed), level, reason, ns, w.flags, template); err != nil {
		return 0, err
	}
	d.shareContained(id, level, ns)
	return id, d.contain(ctx, id)
}

// hotMax bounds the hot keys remembered.
const hotMax = 200000

// worthAssessing reports whether an observation's cluster needs assessing:
// a message with signals always; one without only when a message with
// signals carried one of its keys in the last Window, since a cluster
// without any signalled sender is no wave (level). This keeps ordinary
// traffic, templates above all, from costing a cluster query per message.
// Observations of other processes are found through the store when a
// signalled message of theirs is assessed there.
func (d *Detector) worthAssessing(o store.CampaignObs) bool {
	now := time.UnixMicro(o.At)
	d.mu.Lock()
	defer d.mu.Unlock()
	if hasAccountSignal(o.Flags) || hasBehaviourSignal(o.Flags) || o.Flags&FlagProbation != 0 {
		if len(d.hot) >= hotMax {
			clear(d.hot)
		}
		for _, k := range o.Keys {
			d.hot[k] = now
		}
		return true
	}
	for _, k := range o.Keys {
		if t, ok := d.hot[k]; ok && now.Sub(t) < d.cfg.Window {
			return true
		}
	}
	return false
}

// quietKey names an assessment that found no wave: the same sender, with
// the same signals, sending the same content again within quietFor
// changes nothing to the cluster but its own weight, already counted.
type quietKey struct {
	sender, key, flags int64
}

// quietFor is how long such an assessment, or a held sender's
// reassessment (pace.go), is trusted.
const quietFor = 10 * time.Second

func (d *Detector) recentlyQuiet(k quietKey, at int64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	t, ok := d.quiet[k]
	return ok && time.UnixMicro(at).Sub(t) < quietFor
}

// actOnSender opens a review incident on one sender's messages alike to
// obs (one sender can be a wave).
func (d *Detector) actOnSender(ctx context.Context, obs store.CampaignObs, sig Signature, seed, reason string) error {
	ns := []store.CampaignObs{obs}
	if len(obs.Keys) > 0 {
		all, err := d.neighbourhood(ctx, obs, sig)
		if err != nil {
			return err
		}
		ns = ns[:0]
		for _, o := range dropRelays(all) {
			if o.SenderID == obs.SenderID {
				ns = append(ns, o)
			}
		}
	}
	flags := map[int64]int64{}
	for _, o := range ns {
		flags[o.SenderID] |= o.Flags
	}
	ids := make([]int64, 0, len(ns))
	for _, o := range ns {
		ids = append(ids, o.MessageID)
	}
	id, err := d.db.OpenCampaignOf(ctx, ids)
	if err != nil {
		return err
	}
	if id, err = d.attach(ctx, id, seed, "review", reason, ns, flags, false); err != nil {
		return err
	}
	return d.contain(ctx, id)
}

// attach adds observations to incident id, opening it (for seed, at
// level) when id is 0 or raising it to level, and returns its id.
// template incidents hold their features only against senders with
// account signals.
func (d *Detector) attach(ctx context.Context, id int64, seed, level, reason string, ns []store.CampaignObs, flags map[int64]int64, template bool) (int64, error) {
	now := d.now()
	at := store.Micros(now)
	open := d.incidents(ctx)
	var known []Signature
	for _, oi := range open {
		if oi.id == id {
			known = append(slices.Clip(oi.sigs), oi.tsigs...)
		}
	}
	keyCount := map[int64]int{}
	for _, o := range ns {
		for _, k := range o.Extra {
			keyCount[k]++
			if !isPicture(k) {
				continue
			}
			// A picture counts for every other copy alike to it.
			for _, o2 := range ns {
				if o2.MessageID != o.MessageID && hasKey(o2.Extra, k) && !slices.Contains(o2.Extra, k) {
					keyCount[k]++
				}
			}
		}
	}
	sigKind, keyKind := "sig", "key"
	if template {
		sigKind, keyKind = "tsig", "tkey"
	}
	changed := false
	err := d.db.InTx(ctx, func(tx *store.Tx) error {
		if id == 0 {
			var created bool
			var err error
			if id, created, err = tx.OpenCampaign(ctx, seed, level, reason, at); err != nil {
				return err
			}
			if created {
				changed = true
				if err := tx.AddCampaignEvent(ctx, id, at, "opened", levelText(level)+" : "+reason); err != nil {
					return err
				}
				if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system", Action: "campaign.open", Target: fmt.Sprintf("incident:%d", id),
					Scope: "national", Detail: level + ": " + reason}); err != nil {
					return err
				}
			}
		}
		if level == "contain" {
			raised, err := tx.SetCampaignLevel(ctx, id, level)
			if err != nil {
				return err
			}
			if raised {
				changed = true
				if err := tx.ReopenMembers(ctx, id); err != nil {
					return err
				}
				if err := tx.AddCampaignEvent(ctx, id, at, "raised", "confinement : "+reason); err != nil {
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
			// Only a strong account signal puts an account on the list
			// contain recalls and locks: similarity and weak signals only
			// hold the copies.
			f := flags[o.SenderID] | o.Flags
			if f&FlagStrong != 0 && !IsBroadcaster(bouclier.Role(o.Role)) {
				if _, err := tx.AddCampaignAccount(ctx, id, o.SenderID); err != nil {
					return err
				}
			}
			if s := ParseSignature(o.Sig); s != nil && len(known) < 32 {
				dup := false
				for _, k := range known {
					if Similarity(s, k) >= 0.8 {
						dup = true
						break
					}
				}
				if !dup {
					known = append(known, s)
					if _, err := tx.AddCampaignFeature(ctx, id, sigKind, hexEncode(o.Sig)); err != nil {
						return err
					}
					changed = true
				}
			}
			for _, k := range o.Extra {
				// A digest or domain shared by two messages of the wave is
				// the wave's; one seen once may be anybody's.
				if keyCount[k] >= 2 {
					ok, err := tx.AddCampaignFeature(ctx, id, keyKind, fmt.Sprint(k))
					if err != nil {
						return err
					}
					changed = changed || ok
				}
			}
		}
		if added > 0 {
			if err := tx.AddCampaignEvent(ctx, id, at, "messages", frnum.Count(added, "message rattaché", "messages rattachés")+" à l’incident"); err != nil {
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

func levelText(level string) string {
	if level == "contain" {
		return "confinement"
	}
	return "vérification"
}

// system is the actor of containment.
var system = bouclier.SystemActor("campaign")

// contain acts on the incident's messages not yet acted on and locks its
// accounts not yet locked, as its level says (see the package comment).
// It is idempotent: several processes may run it.
func (d *Detector) contain(ctx context.Context, id int64) error {
	c, err := d.db.CampaignState(ctx, id)
	if err != nil {
		return err
	}
	ms, err := d.db.UncontainedMembers(ctx, id)
	if err != nil {
		return err
	}
	now := d.now()
	at := store.Micros(now)
	if len(ms) > 0 {
		signalled := map[int64]bool{}
		if c.Level == "contain" {
			accounts, err := d.db.CampaignAccountIDs(ctx, id)
			if err != nil {
				return err
			}
			for _, a := range accounts {
				signalled[a] = true
			}
		}
		var recall, hold, all []int64
		for _, m := range ms {
			all = append(all, m.MessageID)
			if signalled[m.SenderID] {
				recall = append(recall, m.MessageID)
			} else {
				hold = append(hold, m.MessageID)
			}
		}
		n := 0
		if len(recall) > 0 {
			if n, err = d.mod.RecallIDs(ctx, system, recall, fmt.Sprintf("campaign incident:%d", id)); err != nil {
				return fmt.Errorf("recall: %w", err)
			}
		}
		err = d.db.InTx(ctx, func(tx *store.Tx) error {
			held := 0
			for _, mid := range hold {
				ok, err := tx.WithdrawToHeld(ctx, mid)
				if err != nil {
					return err
				}
				if ok {
					held++
					if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system", Action: "message.hold", Target: fmt.Sprintf("message:%d", mid),
						Scope: "national", Source: "campaign", Detail: fmt.Sprintf("incident:%d", id)}); err != nil {
						return err
					}
				}
			}
			if err := tx.MarkMembersContained(ctx, id, all); err != nil {
				return err
			}
			if n > 0 {
				if err := tx.AddCampaignEvent(ctx, id, at, "recalled", frnum.Count(n, "message retiré", "messages retirés")+" de toutes les boîtes"); err != nil {
					return err
				}
			}
			if held > 0 {
				return tx.AddCampaignEvent(ctx, id, at, "held", frnum.Count(held, "message retenu", "messages retenus")+" pour vérification")
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if c.Level == "contain" {
		if err := d.lockAccounts(ctx, id, now); err != nil {
			return err
		}
	}
	return d.db.InTx(ctx, func(tx *store.Tx) error {
		first, err := tx.SetCampaignContained(ctx, id, at)
		if err != nil || !first {
			return err
		}
		return tx.AddCampaignEvent(ctx, id, at, "contained", "copies retenues ou retirées")
	})
}

// lockAccounts puts an incident's accounts with signals in read-only and
// revokes their sessions. Heads, staff and administrators are never
// listed (attach): the académie decides on them.
func (d *Detector) lockAccounts(ctx context.Context, id int64, now time.Time) error {
	users, err := d.db.UnlockedCampaignAccounts(ctx, id)
	if err != nil || len(users) == 0 {
		return err
	}
	at := store.Micros(now)
	var names []string
	err = d.db.InTx(ctx, func(tx *store.Tx) error {
		names = names[:0]
		for _, uid := range users {
			u, err := d.db.UserByID(ctx, uid)
			if err != nil {
				return err
			}
			if IsBroadcaster(u.Role) {
				continue
			}
			// Containment's read-only is lifted by the académie, not by the
			// establishment whose accounts were hijacked.
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
		if len(names) == 0 {
			return nil
		}
		return tx.AddCampaignEvent(ctx, id, at, "locked", fmt.Sprintf("comptes en lecture seule, sessions révoquées : %s", strings.Join(names, ", ")))
	})
	if err != nil {
		return fmt.Errorf("lock accounts: %w", err)
	}
	return nil
}

// Flush records the observations queued by Stored, assesses their
// clusters and acts on them. The server's Run calls it continuously;
// tests and the drill call it to be exact.
func (d *Detector) Flush(ctx context.Context) error {
	d.work.Lock()
	defer d.work.Unlock()
	return d.flush(ctx, true)
}

// flush records and assesses the messages queued; the daily key counts
// are written when due, or at once when all is true (history.go).
func (d *Detector) flush(ctx context.Context, all bool) error {
	d.qmu.Lock()
	jobs := d.queue
	d.queue = nil
	d.qmu.Unlock()
	if len(jobs) == 0 {
		// Held senders' contents whose turn came while nothing was sent.
		err := d.reassess(ctx, d.held.due(d.now()))
		if all {
			err = errors.Join(err, d.writeHistory(ctx))
		}
		return err
	}
	if err := d.record(ctx, jobs, all); err != nil {
		return err
	}
	d.shareObserved(jobs)
	byIncident := map[int64][]store.CampaignObs{}
	var errs []error
	for _, j := range jobs {
		if j.campaign != 0 {
			byIncident[j.campaign] = append(byIncident[j.campaign], j.obs)
			continue
		}
		if !d.worthAssessing(j.obs) {
			continue
		}
		qk := quietKey{sender: j.obs.SenderID, flags: j.obs.Flags}
		if len(j.obs.Keys) > 0 {
			qk.key = j.obs.Keys[0]
		}
		if d.recentlyQuiet(qk, j.obs.At) {
			continue
		}
		id, err := d.assessAndAct(ctx, j.obs, j.sig)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if id == 0 && j.obs.Flags&FlagProbation != 0 && risky(j.obs.Flags) {
			// The slow wave this copy may complete is assessed now, not
			// when its probation ends: the earlier copies are out already.
			alike, ps, err := d.paraphrased(ctx, j.obs)
			if err == nil && alike {
				err = d.slowWave(ctx, j.obs, j.sig, ps)
			}
			if err != nil {
				errs = append(errs, err)
			}
		}
		if id == 0 {
			d.mu.Lock()
			if len(d.quiet) >= hotMax {
				clear(d.quiet)
			}
			d.quiet[qk] = time.UnixMicro(j.obs.At)
			d.mu.Unlock()
		}
		if id == 0 && singleSender(j.obs.Flags, bouclier.Role(j.obs.Role)) {
			if !screenScored(j.obs.Flags) {
				// Alarming words alone: not when the content is a template
				// or a head's notice being passed on.
				tl, err := d.templateLike(ctx, j.obs, j.sig)
				if err != nil {
					errs = append(errs, err)
				}
				if err != nil || tl {
					continue
				}
			}
			if err := d.actOnSender(ctx, j.obs, j.sig, fmt.Sprintf("s:%d", j.obs.MessageID),
				"un compte envoie un contenu alarmant plus largement que d’habitude"); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for id, ns := range byIncident {
		flags := map[int64]int64{}
		for _, o := range ns {
			flags[o.SenderID] |= o.Flags
		}
		if _, err := d.attach(ctx, id, "", "", "", ns, flags, false); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := d.contain(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	// A message held by an incident still counts in its cluster: the
	// cluster may call for more than the incident's level. Paced per
	// incident and sender (pace.go).
	var again []job
	for _, j := range jobs {
		if j.campaign != 0 && d.worthAssessing(j.obs) {
			again = append(again, d.held.admit(j, d.sameContent)...)
		}
	}
	if err := d.reassess(ctx, append(again, d.held.due(d.now())...)); err != nil {
		errs = append(errs, err)
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

// reassess assesses held copies' clusters again (flush).
func (d *Detector) reassess(ctx context.Context, js []job) error {
	var errs []error
	for _, j := range js {
		if _, err := d.assessAndAct(ctx, j.obs, j.sig); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Sweep runs the periodic rules: reports, the gathering of copies stored by
// other processes, containment, alerts and the purge of old observations.
func (d *Detector) Sweep(ctx context.Context) error {
	d.work.Lock()
	defer d.work.Unlock()
	var errs []error
	if err := d.flush(ctx, true); err != nil {
		errs = append(errs, err)
	}
	if err := d.sweepReports(ctx); err != nil {
		errs = append(errs, err)
	}
	ids, err := d.db.OpenCampaignIDs(ctx)
	if err == nil {
		// The incidents first: a message on probation that joined one
		// stays held.
		for _, id := range ids {
			if err := d.gather(ctx, id); err != nil {
				errs = append(errs, err)
			}
		}
		if err := d.releaseProbation(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	for _, id := range ids {
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
			if err := tx.PurgeCampaignHistory(ctx, dayOf(now)-int64(d.cfg.HistoryDays)-1); err != nil {
				return err
			}
			return tx.PurgeCampaignObs(ctx, store.Micros(now.Add(-2*d.cfg.Window)), store.Micros(now.Add(-d.cfg.HistoryFor)))
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// releaseProbation delivers the messages on probation whose time is up
// and that joined no incident. A message whose content is forming a wave
// (alike risky content from another family or teacher account) waits
// on, up to FormingFor: a wave spread thin over minutes is held while it
// forms, not delivered copy by copy before it does.
func (d *Detector) releaseProbation(ctx context.Context) error {
	now := d.now()
	due, err := d.db.ProbationDue(ctx, FlagProbation, store.Micros(now.Add(-d.cfg.ProbationFor)), store.Micros(now.Add(-d.cfg.Window)))
	if err != nil || len(due) == 0 {
		return err
	}
	var ids []int64
	for _, id := range due {
		forming, err := d.forming(ctx, id, now)
		if err != nil {
			return err
		}
		if !forming {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	// A scheduled message goes back to waiting for its time: the
	// deliverer watches it again then.
	later := map[int64]bool{}
	for _, id := range ids {
		m, err := d.db.MessageByID(ctx, id)
		if err != nil {
			return err
		}
		later[id] = m.DeliverAt > store.Micros(now)
	}
	return d.db.InTx(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			to, detail := bouclier.StatusDelivered, "probation over, no wave"
			if later[id] {
				to, detail = bouclier.StatusDeferred, "probation over, no wave: delivery at its scheduled time"
			}
			ok, err := tx.Decide(ctx, id, string(to), "campaign", store.Micros(now))
			if err != nil {
				return err
			}
			if err := tx.ClearCampaignFlag(ctx, id, FlagProbation); err != nil {
				return err
			}
			if !ok {
				continue
			}
			if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system", Action: "message.release", Target: fmt.Sprintf("message:%d", id),
				Scope: "national", Source: "campaign", Detail: detail}); err != nil {
				return err
			}
		}
		return nil
	})
}

// forming reports whether a message on probation is part of a wave
// forming: sent less than FormingFor ago, its content risky, and alike
// risky content sent by another family or teacher account (relays of a
// notice apart).
func (d *Detector) forming(ctx context.Context, id int64, now time.Time) (bool, error) {
	o, err := d.db.CampaignObsByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if IsBroadcaster(bouclier.Role(o.Role)) && hijackedLink(o.Flags) {
		return d.formingLink(ctx, o, now)
	}
	if now.Sub(time.UnixMicro(o.At)) >= d.cfg.FormingFor || !risky(o.Flags) {
		return false, nil
	}
	o, sig := keyed(o)
	ns, err := d.neighbourhood(ctx, o, sig)
	if err != nil {
		return false, err
	}
	others := map[int64]bool{}
	for _, n := range dropRelays(ns) {
		if n.SenderID != o.SenderID && !IsBroadcaster(bouclier.Role(n.Role)) && risky(n.Flags) {
			others[n.SenderID] = true
		}
	}
	if len(others)+1 >= d.cfg.MinSenders {
		// Paraphrases are alike to the first copies more than to each
		// other: from this copy's side, the later ones may make the wave
		// their own assessments did not see.
		if _, err := d.assessAndAct(ctx, o, sig); err != nil {
			return true, err
		}
	}
	if len(others)+1 < d.cfg.MinSenders {
		// A wave slower than the window, or paraphrased beyond its keys:
		// the same risky content from other establishments over the day.
		alike, ps, err := d.paraphrased(ctx, o)
		if err != nil {
			return true, err
		}
		if alike {
			return true, d.slowWave(ctx, o, sig, ps)
		}
	}
	return len(others) > 0, nil
}

// keyed returns o with its index keys (its signature's band keys and its
// extra keys) and its parsed signature, as a stored observation is read
// back for a second assessment.
func keyed(o store.CampaignObs) (store.CampaignObs, Signature) {
	sig := ParseSignature(o.Sig)
	o.Keys = append(sig.BandKeys(), indexKeys(o.Extra)...)
	return o, sig
}

// formingLink is forming for a broadcaster's link on probation
// (hijackedLink): it waits while MinSenders such copies of MinSchools
// establishments form a wave that broadcasters of MinSchools
// establishments did not vouch for, until FormingFor has passed since the
// wave's first such copy; the wave is then assessed (hijackedLinks), and
// the copy stays held if it joined an incident.
func (d *Detector) formingLink(ctx context.Context, o store.CampaignObs, now time.Time) (bool, error) {
	o, sig := keyed(o)
	ns, err := d.neighbourhood(ctx, o, sig)
	if err != nil {
		return false, err
	}
	w, err := d.assessWave(ctx, dropRelays(ns), sig, o.Extra)
	if err != nil {
		return false, err
	}
	if w.linkBroadcasters < d.cfg.MinSenders || w.linkBroadcasterSchools < d.cfg.MinSchools || w.vouchingSchools >= d.cfg.MinSchools {
		return false, nil
	}
	if now.Sub(time.UnixMicro(w.linkFirst)) < d.cfg.FormingFor {
		return true, nil
	}
	id, err := d.actOnCluster(ctx, o, sig, ns)
	return id != 0, err
}

// slowWave assesses a message with the paraphrases of it that other
// family and teacher accounts sent over ParaphraseWithin, as a cluster, when
// they are senders enough from establishments enough.
func (d *Detector) slowWave(ctx context.Context, o store.CampaignObs, sig Signature, ps []store.CampaignObs) error {
	senders, schools := map[int64]bool{o.SenderID: true}, map[string]bool{o.UAI: true}
	for _, p := range ps {
		senders[p.SenderID], schools[p.UAI] = true, true
	}
	if len(senders) < d.cfg.MinSenders || len(schools) < d.cfg.MinSchools {
		return nil
	}
	_, err := d.actOnCluster(ctx, o, sig, append([]store.CampaignObs{o}, ps...))
	return err
}

// Paraphrases of one wave may share no band key (two senders drawing
// different phrasings of each sentence), and a 32-value signature is too
// coarse to see the few terms they share: before a risky message is
// released, its terms are compared with those of the last risky messages
// of other senders (at most ParaphraseScan over ParaphraseWithin: risky
// content is rare), exactly and at a looser line. ParaphraseWithin is a
// school day: a wave of one copy an hour is no wave within Window, but is
// one over the day (slowWave).
const (
	ParaphraseWithin = 10 * time.Hour
	ParaphraseScan   = 200
	// ParaphraseLikeness scales the alarming line (Similar×AlarmLikeness)
	// for that comparison: a Jaccard of 0.12 at the default lines.
	ParaphraseLikeness = 0.5
)

// paraphrased reports whether content alike to o's, at the paraphrase
// line and whatever keys it has, came from family or teacher accounts of
// other establishments in the last ParaphraseWithin (relays of a notice
// apart), and returns their observations. A yes is remembered, and the
// message not scanned again (it is asked every sweep while it waits):
// the later copies' own scans find it.
func (d *Detector) paraphrased(ctx context.Context, o store.CampaignObs) (bool, []store.CampaignObs, error) {
	d.mu.Lock()
	known := d.formingSeen[o.MessageID]
	d.mu.Unlock()
	if known {
		return true, nil, nil
	}
	since := store.Micros(time.UnixMicro(o.At).Add(-ParaphraseWithin))
	rows, err := d.db.CampaignFlagged(ctx, FlagAlarm|FlagScreenWeak|FlagScreenStrong|FlagScreenHeld|FlagNewLink, since, o.SenderID, ParaphraseScan)
	if err != nil {
		return false, nil, err
	}
	ids := []int64{o.MessageID}
	byID := map[int64]store.CampaignObs{}
	for _, n := range dropRelays(rows) {
		if n.UAI != o.UAI && !IsBroadcaster(bouclier.Role(n.Role)) && risky(n.Flags) && n.Flags&FlagRelay == 0 {
			ids = append(ids, n.MessageID)
			byID[n.MessageID] = n
		}
	}
	if len(ids) == 1 {
		return false, nil, nil
	}
	texts, err := d.db.MessageTexts(ctx, ids)
	if err != nil {
		return false, nil, err
	}
	mine := termSet(d.model.Terms(texts[o.MessageID]))
	if len(mine) < MinTokens {
		return false, nil, nil
	}
	line := d.cfg.Similar * AlarmLikeness * ParaphraseLikeness
	var alike []store.CampaignObs
	for _, id := range ids[1:] {
		if t, ok := texts[id]; ok && jaccard(mine, termSet(d.model.Terms(t))) >= line {
			alike = append(alike, byID[id])
		}
	}
	if len(alike) == 0 {
		return false, nil, nil
	}
	d.mu.Lock()
	if len(d.formingSeen) >= hotMax {
		clear(d.formingSeen)
	}
	d.formingSeen[o.MessageID] = true
	d.mu.Unlock()
	return true, alike, nil
}

func termSet(terms []string) map[string]bool {
	m := make(map[string]bool, len(terms))
	for _, t := range terms {
		m[t] = true
	}
	return m
}

// jaccard is the Jaccard similarity of two term sets.
func jaccard(a, b map[string]bool) float64 {
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	if u := len(a) + len(b) - n; u > 0 {
		return float64(n) / float64(u)
	}
	return 0
}

// ReportHistory is how far back a reporter's earlier reports weigh on
// their new ones.
const ReportHistory = 90 * 24 * time.Hour

// reportWeight is what one report weighs: by the reporter's role; ×1.5
// for a reporter whose earlier reports (ReportHistory) were founded and
// none unfounded, halved for one whose unfounded reports outnumber the
// founded, halved again for one who reported many messages in the last
// day.
func reportWeight(r store.Reporter) float64 {
	w := 1.0
	switch {
	case IsBroadcaster(r.Role):
		w = 2
	case r.Role == bouclier.RoleTeacher:
		w = 1.5
	case r.Role == bouclier.RoleStudent:
		w = 0.5
	}
	switch {
	case r.Founded > 0 && r.Unfounded == 0:
		w *= 1.5
	case r.Unfounded > r.Founded:
		w /= 2
	}
	if r.Recent > 5 {
		w /= 2
	}
	return w
}

// reportsCount reports whether a message's reports weigh enough to flag
// it: 1.5 against a family account (one teacher's report, two parents');
// against a teacher, 2 with one report from personnel or 6 from families
// alone; against a head, staff or administrator, 2 with a head's or
// staff's report among them: families' reports never act alone against
// them, staff confirm first.
func reportsCount(sender bouclier.Role, reporters []store.Reporter) bool {
	total, personnel, staff := 0.0, false, false
	for _, r := range reporters {
		total += reportWeight(r)
		personnel = personnel || r.Role.IsPersonnel()
		staff = staff || IsBroadcaster(r.Role)
	}
	switch {
	case IsBroadcaster(sender):
		return total >= 2 && staff
	case sender.IsPersonnel():
		return (total >= 2 && personnel) || total >= 6
	}
	return total >= 1.5
}

// sweepReports weighs new reports and, for the messages whose reports
// weigh enough, flags them and acts on their sender and cluster.
func (d *Detector) sweepReports(ctx context.Context) error {
	now := d.now()
	since := store.Micros(now.Add(-d.cfg.Window))
	rs, err := d.db.ReportsAfter(ctx, d.reportCursor, since, 1000)
	if err != nil || len(rs) == 0 {
		return err
	}
	d.reportCursor = rs[len(rs)-1].ID
	seen := map[int64]bool{}
	var errs []error
	for _, r := range rs {
		if seen[r.MessageID] {
			continue
		}
		seen[r.MessageID] = true
		o, err := d.db.CampaignObsByID(ctx, r.MessageID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if o.Flags&FlagReported != 0 {
			continue
		}
		reporters, err := d.db.CampaignReporters(ctx, r.MessageID, store.Micros(now.Add(-24*time.Hour)), store.Micros(now.Add(-ReportHistory)))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !reportsCount(bouclier.Role(o.Role), reporters) {
			continue
		}
		if err := d.db.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.FlagCampaignObs(ctx, r.MessageID, FlagReported)
			return err
		}); err != nil {
			errs = append(errs, err)
			continue
		}
		o.Flags |= FlagReported
		o, sig := keyed(o)
		id, err := d.assessAndAct(ctx, o, sig)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if id == 0 {
			if err := d.actOnSender(ctx, o, sig, fmt.Sprintf("r:%d", o.MessageID), "message signalé par ses destinataires"); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// gatherState is what gather knows of an incident in this process: the
// keys it looked for and when. The incident's members are not kept here:
// the store skips them (CampaignNewNeighbours), whichever process
// attached them, so a flood held for minutes costs no memory per copy.
type gatherState struct {
	keys int
	at   time.Time
	idle bool // the last gathering found nothing new
}

// gatherMargin is how far before the last gathering the next one looks
// again: observations are recorded shortly after their send time.
const gatherMargin = time.Minute

// gatherIdle is how long an incident whose features have not changed
// waits for its next gathering once one found nothing new. The copies
// gathered are those another process stored before it knew the incident
// (its Watch holds the later ones, its flush attaches them); reading the
// incident's neighbours every second cost a fifth of the server's CPU
// while an incident held a flood (docs/performance.md).
const gatherIdle = 5 * time.Second

// gather attaches to an open incident the matching messages stored since
// it opened, by any process, that are not yet part of it. With the same
// features as last time it looks only at what was observed since then
// (less a margin), and skips its members.
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
	c, err := d.db.CampaignState(ctx, id)
	if err != nil {
		return err
	}
	var keys []int64
	for _, s := range append(slices.Clip(oi.sigs), oi.tsigs...) {
		keys = append(keys, s.BandKeys()...)
	}
	for k := range oi.keys {
		keys = append(keys, indexKeys([]int64{k})...)
	}
	for k := range oi.tkeys {
		keys = append(keys, indexKeys([]int64{k})...)
	}
	now := d.now()
	st, ok := d.gathered[id]
	if !ok || st.keys != len(keys) {
		st = gatherState{keys: len(keys)}
	}
	if st.idle && now.Sub(st.at) < gatherIdle {
		return nil
	}
	since := c.OpenedAt - d.cfg.Window.Microseconds()
	if !st.at.IsZero() {
		since = max(since, store.Micros(st.at.Add(-gatherMargin)))
	}
	rows, err := d.db.CampaignNewNeighbours(ctx, id, keys, since, 5000)
	if err != nil {
		return err
	}
	var ns []store.CampaignObs
	for _, r := range dropRelays(rows) {
		p := pending{sig: ParseSignature(r.Sig), extra: r.Extra, flags: r.Flags}
		if d.match([]openIncident{*oi}, p, bouclier.Role(r.Role)) == id {
			ns = append(ns, r)
		}
	}
	// A template sent as usual is not gathered either; its history is
	// read once per signature and day, not once per copy.
	ns = d.dropPlainTemplates(ctx, ns)
	flags := map[int64]int64{}
	for _, r := range ns {
		flags[r.SenderID] |= r.Flags
	}
	if len(ns) > 0 {
		if _, err = d.attach(ctx, id, "", "", "", ns, flags, false); err != nil {
			return err
		}
	}
	st.at, st.idle = now, len(ns) == 0
	if len(d.gathered) > 10000 {
		clear(d.gathered)
	}
	d.gathered[id] = st
	return nil
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
			if err := d.flushQueued(ctx); err != nil && ctx.Err() == nil {
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
		if err := d.db.InTx(ctx, func(tx *store.Tx) error { return tx.AddCampaignEvent(ctx, id, at, "alert", "alerte envoyée : "+what) }); err != nil {
			*errs = append(*errs, err)
		}
	}
}
