package national

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/store"
)

// entry is an observation in the picture: another deployment's (obs has
// MessageID 0) or one recorded here (sig is its signature).
type entry struct {
	key    string
	from   string
	at     time.Time
	sketch []uint32
	feats  []int64
	obs    store.CampaignObs
	sig    campaign.Signature
}

// index finds entries by keyed band and feature, for one Window.
type index struct {
	window  time.Duration
	max     int
	entries map[string]*entry
	byKey   map[int64][]*entry
	order   []*entry
}

func newIndex(window time.Duration, max int) *index {
	return &index{window: window, max: max, entries: map[string]*entry{}, byKey: map[int64][]*entry{}}
}

func (x *index) add(e *entry) {
	if _, ok := x.entries[e.key]; ok {
		return
	}
	x.entries[e.key] = e
	x.order = append(x.order, e)
	for _, k := range append(bandKeys(e.sketch), e.feats...) {
		x.byKey[k] = append(x.byKey[k], e)
	}
	x.expire(e.at)
}

// expire drops the entries older than Window before now, and the oldest
// beyond max.
func (x *index) expire(now time.Time) {
	i := 0
	for i < len(x.order) && (now.Sub(x.order[i].at) > x.window || len(x.order)-i > x.max) {
		old := x.order[i]
		delete(x.entries, old.key)
		for _, k := range append(bandKeys(old.sketch), old.feats...) {
			l := x.byKey[k]
			l = slices.DeleteFunc(l, func(e *entry) bool { return e == old })
			if len(l) == 0 {
				delete(x.byKey, k)
			} else {
				x.byKey[k] = l
			}
		}
		i++
	}
	if i > 0 {
		x.order = slices.Clone(x.order[i:])
	}
}

// alike returns the entries at or after since sharing a feature with, or
// similar enough to, the keyed features.
func (x *index) alike(sketch []uint32, feats []int64, since time.Time, similar float64) []*entry {
	seen := map[*entry]bool{}
	var out []*entry
	check := func(k int64, byFeature bool) {
		for _, e := range x.byKey[k] {
			if seen[e] || e.at.Before(since) {
				continue
			}
			seen[e] = true
			if byFeature && slices.Contains(e.feats, k) || similarity(sketch, e.sketch) >= similar {
				out = append(out, e)
			}
		}
	}
	for _, k := range feats {
		check(k, true)
	}
	for _, k := range bandKeys(sketch) {
		check(k, false)
	}
	return out
}

// confirmation is a signature and who contained it.
type confirmation struct {
	ref      string
	from     map[string]bool
	sketches [][]uint32
	feats    []int64
	order    bool  // confirmed: held everywhere
	incident int64 // the local incident adopting it
	at       time.Time
}

// picture is the node's national picture.
type picture struct {
	mu        sync.Mutex
	remote    *index
	local     *index
	quorum    int
	sigs      []*confirmation
	orders    int               // confirmations that are orders
	schools   map[string]string // school pseudonym → local UAI
	contained map[int64]bool    // local incidents published
}

func newPicture(window time.Duration, quorum int) *picture {
	return &picture{remote: newIndex(window, 500000), local: newIndex(window, 500000), quorum: quorum, schools: map[string]string{}, contained: map[int64]bool{}}
}

func (c *confirmation) matches(sketch []uint32, feats []int64, similar float64) bool {
	for _, f := range feats {
		if slices.Contains(c.feats, f) {
			return true
		}
	}
	for _, s := range c.sketches {
		if similarity(sketch, s) >= similar {
			return true
		}
	}
	return false
}

// Alike implements campaign.Peers.
func (n *Node) Alike(sig campaign.Signature, extra []int64, since time.Time, similar float64) []store.CampaignObs {
	p := n.pic
	p.mu.Lock()
	empty := len(p.remote.entries) == 0
	p.mu.Unlock()
	if empty {
		return nil
	}
	sk, feats := n.keyed(sig, extra)
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []store.CampaignObs
	for _, e := range p.remote.alike(sk, feats, since, similar) {
		o := e.obs
		if uai, ok := p.schools[o.UAI]; ok {
			o.UAI = uai // the same establishment seen here
		}
		out = append(out, o)
	}
	return out
}

// Confirmed implements campaign.Peers: nothing to key while no signature
// is confirmed, so the send path pays nothing then.
func (n *Node) Confirmed(sig campaign.Signature, extra []int64, similar float64) (int64, bool) {
	p := n.pic
	p.mu.Lock()
	none := p.orders == 0
	p.mu.Unlock()
	if none {
		return 0, false
	}
	sk, feats := n.keyed(sig, extra)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.sigs {
		if c.order && c.matches(sk, feats, similar) {
			return c.incident, true
		}
	}
	return 0, false
}

func (n *Node) keyed(sig campaign.Signature, extra []int64) ([]uint32, []int64) {
	feats := make([]int64, 0, len(extra))
	for _, f := range extra {
		feats = append(feats, n.keyer.Feature(f))
	}
	return n.keyer.Sketch(sig), feats
}

// localObs is an observation recorded here, waiting to be keyed.
type localObs struct {
	obs store.CampaignObs
	sig campaign.Signature
}

// Observed implements campaign.Peers: the observation is queued, never
// waited for.
func (n *Node) Observed(obs store.CampaignObs, sig campaign.Signature) {
	if sig == nil && len(obs.Extra) == 0 {
		return
	}
	select {
	case n.local <- localObs{obs: obs, sig: sig}:
		n.backlog.Add(1)
	default:
		n.dropped.Add(1)
	}
}

// shareMask is the flags that make an observation worth sharing: any
// signal. Ordinary traffic (no flag but the broadcaster's) stays here.
const shareMask = campaign.FlagScreenWeak | campaign.FlagScreenStrong | campaign.FlagScreenHeld | campaign.FlagAccount | campaign.FlagFanout |
	campaign.FlagClosed | campaign.FlagReported | campaign.FlagCampaign | campaign.FlagOffHours | campaign.FlagVolume | campaign.FlagProbation |
	campaign.FlagStranger

// indexLocal keys the observations recorded here, indexes them (for
// reassessment and adoption) and publishes those with signals.
func (n *Node) indexLocal(ctx context.Context) {
	for {
		var l localObs
		select {
		case <-ctx.Done():
			return
		case l = <-n.local:
		}
		n.indexOne(ctx, l)
		n.backlog.Add(-1)
	}
}

func (n *Node) indexOne(ctx context.Context, l localObs) {
	sk, feats := n.keyed(l.sig, l.obs.Extra)
	school := ""
	if l.obs.UAI != "" {
		school = n.keyer.Pseudonym("school", l.obs.UAI)
	}
	e := &entry{key: fmt.Sprint(l.obs.MessageID), from: n.cfg.Deployment, at: time.UnixMicro(l.obs.At), sketch: sk, feats: feats, obs: l.obs, sig: l.sig}
	n.pic.mu.Lock()
	n.pic.local.add(e)
	if school != "" {
		n.pic.schools[school] = l.obs.UAI
	}
	var adopt []*confirmation
	for _, c := range n.pic.sigs {
		if c.order && c.incident == 0 && c.matches(sk, feats, similarDefault) {
			adopt = append(adopt, c)
		}
	}
	n.pic.mu.Unlock()
	for _, c := range adopt {
		n.adopt(ctx, c)
	}
	if l.obs.Flags&shareMask == 0 {
		return
	}
	n.enqueue(Signal{ID: newID(n.cfg.Deployment), From: n.cfg.Deployment, Kind: KindObs, At: e.at, Obs: &Obs{
		Sketch: sk, Features: feats, Sender: n.keyer.Pseudonym("sender", n.cfg.Deployment+"/"+fmt.Sprint(l.obs.SenderID)),
		School: school, Academie: l.obs.Academie, Role: l.obs.Role, Flags: l.obs.Flags, Recipients: l.obs.Recipients}})
}

// similarDefault is the similarity the node uses where the campaign does
// not pass its own (campaign.DefaultConfig().Similar).
const similarDefault = 0.4

// remoteObs adds another deployment's observation to the picture and
// marks the local observations it is alike to for reassessment.
func (n *Node) remoteObs(s Signal) {
	o := s.Obs
	e := &entry{key: s.ID, from: s.From, at: s.At, sketch: o.Sketch, feats: o.Features, obs: store.CampaignObs{
		At: store.Micros(s.At), SenderID: pseudoID(s.From, o.Sender), Role: o.Role, UAI: o.School, Academie: o.Academie,
		Recipients: o.Recipients, Flags: o.Flags}}
	p := n.pic
	p.mu.Lock()
	p.remote.add(e)
	var latest *entry
	for _, l := range p.local.alike(o.Sketch, o.Features, s.At.Add(-p.remote.window), similarDefault) {
		if latest == nil || l.at.After(latest.at) {
			latest = l
		}
	}
	p.mu.Unlock()
	if latest != nil {
		n.reassessMu.Lock()
		if _, ok := n.toReassess[latest.obs.MessageID]; !ok {
			n.reassessing.Add(1)
		}
		n.toReassess[latest.obs.MessageID] = latest
		n.reassessMu.Unlock()
	}
}

// reassessLoop assesses again, every 50 ms, the local clusters that
// others' evidence joined.
func (n *Node) reassessLoop(ctx context.Context) {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n.reassessMu.Lock()
		batch := n.toReassess
		n.toReassess = map[int64]*entry{}
		n.reassessMu.Unlock()
		for _, e := range batch {
			if _, err := n.det.Reassess(ctx, e.obs, e.sig); err != nil && ctx.Err() == nil {
				n.log.Warn("national: reassess", "err", err)
			}
			n.reassessed.Add(1)
			n.reassessing.Add(-1)
		}
	}
}

// Contained implements campaign.Peers: the incident's signature is
// published, and counts as this deployment's vote for it.
func (n *Node) Contained(id int64, ns []store.CampaignObs) {
	n.pic.mu.Lock()
	done := n.pic.contained[id]
	n.pic.contained[id] = true
	n.pic.mu.Unlock()
	if done {
		return // published once: its id would be a duplicate anyway
	}
	inc := Incident{Ref: fmt.Sprintf("%s:%d", n.cfg.Deployment, id), Level: "contain"}
	count := map[int64]int{}
	senders, schools, acas := map[int64]bool{}, map[string]bool{}, map[string]bool{}
	for _, o := range ns {
		if o.MessageID == 0 {
			continue
		}
		senders[o.SenderID], schools[o.UAI] = true, true
		if o.Academie != "" {
			acas[o.Academie] = true
		}
		for _, f := range o.Extra {
			count[f]++
		}
		if sk := n.keyer.Sketch(campaign.ParseSignature(o.Sig)); sk != nil && len(inc.Sketches) < 8 {
			dup := false
			for _, s := range inc.Sketches {
				dup = dup || similarity(s, sk) >= 0.8
			}
			if !dup {
				inc.Sketches = append(inc.Sketches, sk)
			}
		}
	}
	for f, c := range count {
		if c >= 2 {
			inc.Features = append(inc.Features, n.keyer.Feature(f))
		}
	}
	slices.Sort(inc.Features)
	for a := range acas {
		inc.Academies = append(inc.Academies, a)
	}
	slices.Sort(inc.Academies)
	inc.Senders, inc.Schools = len(senders), len(schools)
	if len(inc.Sketches) == 0 && len(inc.Features) == 0 {
		return
	}
	s := Signal{ID: n.cfg.Deployment + "-incident-" + fmt.Sprint(id), From: n.cfg.Deployment, Kind: KindIncident, At: n.now(), Incident: &inc}
	n.vote(context.Background(), s, false)
	n.enqueue(s)
}

// incident records another deployment's or the operator's signature.
func (n *Node) incident(ctx context.Context, s Signal) error {
	if s.From != Operator && s.Incident.Level != "contain" {
		return fmt.Errorf("%w: a deployment publishes contained incidents only", errRefused)
	}
	n.vote(ctx, s, true)
	return nil
}

// vote counts a containment of a signature; the signature becomes an
// order when the operator signed it or Quorum deployments contained it.
// A new order is adopted (held here) at once unless this is the local
// vote, adopted by the caller's own containment.
func (n *Node) vote(ctx context.Context, s Signal, adopt bool) {
	inc := s.Incident
	p := n.pic
	p.mu.Lock()
	var c *confirmation
	for _, x := range p.sigs {
		if x.ref == inc.Ref || x.matches(firstSketch(inc), inc.Features, similarDefault) || anyMatch(x, inc) {
			c = x
			break
		}
	}
	if c == nil {
		c = &confirmation{ref: inc.Ref, from: map[string]bool{}, at: s.At}
		p.sigs = append(p.sigs, c)
	}
	c.from[s.From] = true
	c.sketches = append(c.sketches, inc.Sketches...)
	c.feats = append(c.feats, inc.Features...)
	newOrder := !c.order && (s.From == Operator || len(c.from) >= p.quorum)
	if newOrder {
		c.order = true
		p.orders++
	}
	p.mu.Unlock()
	if newOrder && adopt {
		n.adopt(ctx, c)
	}
}

func firstSketch(inc *Incident) []uint32 {
	if len(inc.Sketches) == 0 {
		return nil
	}
	return inc.Sketches[0]
}

func anyMatch(c *confirmation, inc *Incident) bool {
	for _, s := range inc.Sketches {
		if c.matches(s, nil, similarDefault) {
			return true
		}
	}
	return false
}

// adopt opens the local incident of a confirmed signature with the local
// observations that match it.
func (n *Node) adopt(ctx context.Context, c *confirmation) {
	p := n.pic
	p.mu.Lock()
	var ns []store.CampaignObs
	seen := map[*entry]bool{}
	for _, sk := range append([][]uint32{nil}, c.sketches...) {
		feats := []int64(nil)
		if sk == nil {
			feats = c.feats
		}
		for _, e := range p.local.alike(sk, feats, time.Time{}, similarDefault) {
			if !seen[e] {
				seen[e] = true
				ns = append(ns, e.obs)
			}
		}
	}
	ref := c.ref
	p.mu.Unlock()
	id, err := n.det.Adopt(ctx, ref, "signature confirmée par le bouclier national ("+ref+")", ns)
	if err != nil {
		n.log.Warn("national: adopt", "ref", ref, "err", err)
		return
	}
	p.mu.Lock()
	c.incident = id
	p.mu.Unlock()
	n.adopted.Add(1)
}
