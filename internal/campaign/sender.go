package campaign

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// A sender's behaviour over time: what they wrote to over the last
// VolumeWindow (recipients, groups, establishments, summed over all their
// messages), against the widest day of their own history and their role's
// allowance. Splitting a send into small ones or spacing them out changes
// the sums, not the total.

// allowance is the most a role writes to over VolumeWindow without it
// being unusual, whatever the history.
type allowance struct{ recipients, groups, schools int }

var allowances = map[bouclier.Role]allowance{
	bouclier.RoleStudent: {recipients: 8, groups: 0, schools: 1},
	bouclier.RoleParent:  {recipients: 8, groups: 1, schools: 1},
	bouclier.RoleTeacher: {recipients: 150, groups: 4, schools: 1},
}

// baseline is the widest single send a role makes without it being
// unusual.
type baseline struct{ recipients, groups, schools int }

var baselines = map[bouclier.Role]baseline{
	bouclier.RoleStudent: {recipients: 3, groups: 0, schools: 1},
	bouclier.RoleParent:  {recipients: 3, groups: 1, schools: 1},
	bouclier.RoleTeacher: {recipients: 200, groups: 8, schools: 1},
}

// profile is a sender's history and recent sends.
type profile struct {
	hist     store.SenderHistory
	closed   int
	resetAt  int64
	recent   []store.RecentSend
	loadedAt time.Time
}

// profileTTL bounds how long a sender's profile is reused before it is
// read again (other processes' sends included).
const profileTTL = 30 * time.Second

// profile returns a sender's profile, from the cache or the store.
func (d *Detector) profile(ctx context.Context, userID int64, now time.Time) (profile, error) {
	d.mu.Lock()
	p, ok := d.profiles[userID]
	d.mu.Unlock()
	if ok && time.Since(p.loadedAt) < profileTTL {
		return p, nil
	}
	p, shared, err := d.loads.do(ctx, userID, func() (profile, error) { return d.loadProfile(ctx, userID, now) })
	if err != nil && shared {
		// The read this one waited for failed, perhaps only because its
		// own request was cancelled: read for this one.
		return d.loadProfile(ctx, userID, now)
	}
	return p, err
}

func (d *Detector) loadProfile(ctx context.Context, userID int64, now time.Time) (profile, error) {
	var p profile
	since := now.Add(-d.cfg.VolumeWindow)
	h, err := d.db.CampaignSenderHistory(ctx, userID, store.Micros(now.Add(-d.cfg.HistoryFor)), store.Micros(since))
	if err != nil {
		return p, err
	}
	recent, err := d.db.CampaignRecentSends(ctx, userID, store.Micros(since), recentMax)
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
	p = profile{hist: h, closed: n, resetAt: resetAt, recent: recent, loadedAt: time.Now()}
	d.mu.Lock()
	if len(d.profiles) > 50000 {
		clear(d.profiles)
	}
	d.profiles[userID] = p
	d.mu.Unlock()
	return p, nil
}

// profileLoads lets one request read a sender's profile while the others
// of the same sender wait for that read. When a profile expired, every
// client of the sender read it at once: under the send benchmark eight
// identical reads of the window's sends every profileTTL, each going
// through thousands of rows (1.9 % of the server's CPU, and memory
// spikes).
type profileLoads struct {
	mu      sync.Mutex
	calls   map[int64]*profileCall
	waiting int   // requests waiting for another's read (tests)
	reads   int64 // reads made (tests)
}

type profileCall struct {
	done chan struct{}
	p    profile
	err  error
}

// do returns load's result for userID, running it unless a read for the
// same user is in flight, whose result it then returns (shared). A caller
// whose context ends stops waiting.
func (l *profileLoads) do(ctx context.Context, userID int64, load func() (profile, error)) (p profile, shared bool, err error) {
	l.mu.Lock()
	if c, ok := l.calls[userID]; ok {
		l.waiting++
		l.mu.Unlock()
		defer func() { l.mu.Lock(); l.waiting--; l.mu.Unlock() }()
		select {
		case <-c.done:
			return c.p, true, c.err
		case <-ctx.Done():
			return profile{}, false, ctx.Err()
		}
	}
	if l.calls == nil {
		l.calls = make(map[int64]*profileCall)
	}
	c := &profileCall{done: make(chan struct{}), err: errors.New("campaign: profile read aborted")}
	l.calls[userID] = c
	l.reads++
	l.mu.Unlock()
	defer func() {
		// Even if load panics, the waiters are released (with an error).
		l.mu.Lock()
		delete(l.calls, userID)
		l.mu.Unlock()
		close(c.done)
	}()
	c.p, c.err = load()
	return c.p, false, c.err
}

// recentMax bounds the recent sends kept per sender: far more than any
// allowance, so that dropping the oldest never hides a volume.
const recentMax = 256

// remember adds a send to the sender's cached recent sends, so that the
// next send of the same sender counts it before it is recorded.
func (d *Detector) remember(userID int64, s store.RecentSend) {
	d.mu.Lock()
	defer d.mu.Unlock()
	p, ok := d.profiles[userID]
	if !ok {
		return
	}
	if len(p.recent) >= recentMax {
		// A fresh array: readers of the old one keep theirs.
		p.recent = append([]store.RecentSend(nil), p.recent[len(p.recent)-recentMax/2:]...)
	}
	// Appending past the length never touches what earlier copies of the
	// profile read.
	p.recent = append(p.recent, s)
	d.profiles[userID] = p
}

// volume sums a sender's recent sends since a time, this one included:
// recipients, groups and distinct establishments. It goes from the newest
// back and stops as soon as over, if given, says the sums are over (they
// only grow): a sender writing past their allowance, whose recent sends
// fill the cache, is not summed over all of them on every send.
func volume(recent []store.RecentSend, since int64, this store.RecentSend, over func(recipients, groups, schools int) bool) (recipients, groups, schools int) {
	var seen []string
	var many map[string]bool // past a few establishments
	add := func(r store.RecentSend) {
		if r.At < since {
			return
		}
		recipients += r.Recipients
		groups += r.Groups
		for _, s := range r.Schools {
			switch {
			case many != nil:
				many[s] = true
			case !slices.Contains(seen, s):
				seen = append(seen, s)
				if len(seen) > 8 {
					many = map[string]bool{}
					for _, x := range seen {
						many[x] = true
					}
				}
			}
		}
	}
	count := func() int {
		if many != nil {
			return len(many)
		}
		return len(seen)
	}
	add(this)
	for i := len(recent) - 1; i >= 0; i-- {
		if over != nil && over(recipients, groups, count()) {
			break
		}
		add(recent[i])
	}
	return recipients, groups, count()
}

// senderFlags computes the signals of the sender's history and
// behaviour: fan-out of this send and volume over VolumeWindow, both out
// of character; closed-hours attempts; a recent reset; an unusual hour.
func (d *Detector) senderFlags(ctx context.Context, sender bouclier.User, r recipients, now time.Time) (int64, error) {
	p, err := d.profile(ctx, sender.ID, now)
	if err != nil {
		return 0, err
	}
	var f int64
	h := p.hist
	known := h.Messages >= 3
	if b, ok := baselines[sender.Role]; ok {
		over := r.count > b.recipients || r.groups > b.groups || len(r.schools) > b.schools
		notable := r.count > 10 || r.groups >= 2
		beyond := r.count*2 > h.MaxRecipients*3 || r.groups > h.MaxGroups
		if (over && (!known || beyond)) || (notable && known && beyond) {
			f |= FlagFanout
		}
	}
	if a, ok := allowances[sender.Role]; ok {
		this := store.RecentSend{At: store.Micros(now), Recipients: r.count, Groups: r.groups, Schools: r.schools}
		over := func(rc, gr, sc int) bool {
			return rc > max(a.recipients, 2*h.MaxDayRecipients) || gr > max(a.groups, h.MaxDayGroups+2) || sc > a.schools
		}
		if over(volume(p.recent, store.Micros(now.Add(-d.cfg.VolumeWindow)), this, over)) {
			f |= FlagVolume
		}
	}
	if p.closed > 0 {
		f |= FlagClosed
	}
	if p.resetAt != 0 && store.Micros(now)-p.resetAt < d.cfg.ResetFor.Microseconds() {
		f |= FlagAccount | FlagStrong
	}
	if h.Messages >= 10 {
		hour := now.UTC().Hour()
		if h.Hours[(hour+23)%24]+h.Hours[hour]+h.Hours[(hour+1)%24] == 0 {
			f |= FlagOffHours
		}
	}
	return f, nil
}

// recipients is what a send reaches.
type recipients struct {
	count   int
	groups  int
	schools []string
}
