package campaign

import (
	"context"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// Peers is the national picture (internal/national): what the other
// deployments of a national shield saw, and the signatures confirmed
// across them. The detector works the same without it (SetPeers never
// called). Other deployments' observations are evidence: they weigh in a
// local wave (neighbourhood) but hold on their own only the local copies
// of senders with signals (evidence); a confirmed signature holds every
// matching copy (matchAll).
type Peers interface {
	// Alike returns the other deployments' observations at or after since
	// that share an attachment or a link domain with the features or whose
	// text is at least similar alike: each as an observation with
	// MessageID 0 and a negative SenderID.
	Alike(sig Signature, extra []int64, since time.Time, similar float64) []store.CampaignObs
	// Confirmed reports whether the features match a signature confirmed
	// across deployments, and the local incident adopting it (0 if none yet).
	Confirmed(sig Signature, extra []int64, similar float64) (incident int64, ok bool)
	// Observed is told each observation recorded here; it must not block.
	Observed(obs store.CampaignObs, sig Signature)
	// Contained is told an incident was contained here, with its
	// observations; it must not block.
	Contained(id int64, ns []store.CampaignObs)
}

// SetPeers connects the detector to the national picture; call it before
// the first message.
func (d *Detector) SetPeers(p Peers) { d.peers = p }

// matchAll is match, then the signatures confirmed across deployments.
func (d *Detector) matchAll(ctx context.Context, p pending, role bouclier.Role) (int64, bool) {
	if id := d.match(d.incidents(ctx), p, role); id != 0 {
		return id, true
	}
	if d.peers == nil || (p.sig == nil && len(p.extra) == 0) {
		return 0, false
	}
	return d.peers.Confirmed(p.sig, p.extra, d.cfg.Similar)
}

// remote returns the other deployments' observations alike to obs.
func (d *Detector) remote(obs store.CampaignObs, sig Signature) []store.CampaignObs {
	if d.peers == nil {
		return nil
	}
	return d.peers.Alike(sig, obs.Extra, time.UnixMicro(obs.At).Add(-d.cfg.Window), d.cfg.Similar)
}

// isRemote reports whether an observation is another deployment's.
func isRemote(o store.CampaignObs) bool { return o.MessageID == 0 && o.SenderID < 0 }

// evidence keeps other deployments' observations as evidence, not
// orders: when the local observations alone would not call for level,
// only the local copies of senders with signals of their own are acted
// on (the remote ones are never stored). It returns the observations to
// attach, none when no local copy qualifies.
func (d *Detector) evidence(ctx context.Context, ns []store.CampaignObs, sig Signature, extra []int64, level string) ([]store.CampaignObs, error) {
	var local []store.CampaignObs
	for _, o := range ns {
		if !isRemote(o) {
			local = append(local, o)
		}
	}
	if len(local) == len(ns) {
		return ns, nil
	}
	if len(local) >= d.cfg.MinSenders {
		w, err := d.assessWave(ctx, local, sig, extra)
		if err != nil {
			return nil, err
		}
		if d.level(w) == level {
			return ns, nil
		}
	}
	// A template (a content with a history here, or a notice passed on by
	// a broadcaster) is judged on local evidence only: the other
	// deployments' ordinary use of the same template carries account
	// signals as weak as this one's, and summed over the country they
	// would hold genuine messages (drill --deployments: homework sent from
	// new devices).
	all, err := d.assessWave(ctx, ns, sig, extra)
	if err != nil {
		return nil, err
	}
	if all.known || all.vouched {
		return nil, nil
	}
	var keep []store.CampaignObs
	for _, o := range ns {
		if isRemote(o) || hasAccountSignal(o.Flags) || hasBehaviourSignal(o.Flags) {
			keep = append(keep, o)
		}
	}
	if len(keep) == len(ns)-len(local) {
		return nil, nil
	}
	return keep, nil
}

// shareObserved tells the peers what was recorded.
func (d *Detector) shareObserved(jobs []job) {
	if d.peers == nil {
		return
	}
	for _, j := range jobs {
		d.peers.Observed(j.obs, j.sig)
	}
}

// shareContained tells the peers an incident reached containment.
func (d *Detector) shareContained(id int64, level string, ns []store.CampaignObs) {
	if d.peers != nil && level == "contain" && id != 0 {
		d.peers.Contained(id, ns)
	}
}

// Reassess assesses again the cluster of an observation recorded here,
// because the national picture changed around it, and acts on it as
// Flush would; it returns the incident (0 for none).
func (d *Detector) Reassess(ctx context.Context, obs store.CampaignObs, sig Signature) (int64, error) {
	d.work.Lock()
	defer d.work.Unlock()
	return d.assessAndAct(ctx, obs, sig)
}

// Adopt opens here the incident of a signature confirmed across
// deployments (ref names it, once: seed "n:"+ref), attaches the local
// observations ns that match it and holds their copies for review by the
// académie (review level: nobody is locked on another deployment's word).
func (d *Detector) Adopt(ctx context.Context, ref, reason string, ns []store.CampaignObs) (int64, error) {
	d.work.Lock()
	defer d.work.Unlock()
	var id int64
	if len(ns) > 0 {
		ids := make([]int64, 0, len(ns))
		for _, o := range ns {
			ids = append(ids, o.MessageID)
		}
		var err error
		if id, err = d.db.OpenCampaignOf(ctx, ids); err != nil {
			return 0, err
		}
	}
	flags := map[int64]int64{}
	for _, o := range ns {
		flags[o.SenderID] |= o.Flags
	}
	id, err := d.attach(ctx, id, "n:"+ref, "review", reason, ns, flags, false)
	if err != nil {
		return 0, err
	}
	return id, d.contain(ctx, id)
}
