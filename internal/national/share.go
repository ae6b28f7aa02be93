package national

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/bouclier/bouclier/internal/store"
)

// Sharing this deployment's suspensions: a suspension imposed here on one
// of its own académies (Members[Deployment].Academies) is published as a
// KindSuspend signal, its lifting as a KindLift, both signed with the
// deployment's key. A suspension counts as shared only once JetStream
// acknowledged it; until then it is published again (same Nats-Msg-Id: a
// retry after a lost acknowledgement is dropped by the stream). Signal
// ids derive from the suspension's id, so that every node of a deployment
// and every restart publishes the same signal, which the receivers apply
// once. What came from the shield (created by "national:…"), national and
// establishment suspensions stay here: national ones come only from the
// operator, an establishment concerns no other deployment.

// shareEvery is how often the policy version is looked at; shareRescan
// how often the recent suspensions are read again anyway.
const (
	shareEvery  = 50 * time.Millisecond
	shareRescan = 10 * time.Second
	// shareHorizon is how far back suspensions are considered: the
	// stream's MaxAge, beyond which a receiver cut off would not get them
	// anyway.
	shareHorizon = 7 * 24 * time.Hour
)

// shareable reports whether a suspension stored here is this deployment's
// to share.
func (n *Node) shareable(r store.SuspensionRow) bool {
	if strings.HasPrefix(r.CreatedBy, "national:") {
		return false // received from the shield
	}
	kind, id, _ := strings.Cut(r.Scope, ":")
	return kind == "academie" && slices.Contains(n.cfg.Members[n.cfg.Deployment].Academies, id)
}

// suspensionSignal is the signal sharing a suspension (or its lifting).
func (n *Node) suspensionSignal(r store.SuspensionRow) Signal {
	if r.LiftedAt != 0 {
		return Signal{ID: n.cfg.Deployment + "-lift-" + r.ID, From: n.cfg.Deployment, Kind: KindLift, At: time.UnixMicro(r.LiftedAt),
			Suspension: &Suspension{ID: r.ID}}
	}
	sp := &Suspension{ID: r.ID, Scope: r.Scope, Roles: r.Roles, Reason: r.Reason, StopsReceiving: r.StopsReceiving}
	if r.Until != 0 {
		sp.Until = time.UnixMicro(r.Until)
	}
	return Signal{ID: n.cfg.Deployment + "-suspend-" + r.ID, From: n.cfg.Deployment, Kind: KindSuspend, At: time.UnixMicro(r.CreatedAt), Suspension: sp}
}

// shareLoop publishes this deployment's suspensions and liftings as they
// change (the policy version moves with every change).
func (n *Node) shareLoop(ctx context.Context, js jetstream.JetStream) {
	t := time.NewTicker(shareEvery)
	defer t.Stop()
	shared := map[string]bool{} // signal ids acknowledged
	version, scanned, pending := int64(-1), time.Time{}, false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		v, err := n.db.PolicyVersion(ctx)
		if err != nil {
			if ctx.Err() == nil {
				n.log.Warn("national: share suspensions", "err", err)
			}
			continue
		}
		if v == version && !pending && time.Since(scanned) < shareRescan {
			continue
		}
		rows, err := n.db.SuspensionsChangedSince(ctx, store.Micros(n.now().Add(-shareHorizon)))
		if err != nil {
			if ctx.Err() == nil {
				n.log.Warn("national: share suspensions", "err", err)
			}
			continue
		}
		version, scanned, pending = v, time.Now(), false
		for _, r := range rows {
			if !n.shareable(r) {
				continue
			}
			s := n.suspensionSignal(r)
			if shared[s.ID] {
				continue
			}
			if err := n.publishNow(ctx, js, s); err != nil {
				if ctx.Err() == nil {
					n.log.Warn("national: share suspension, retrying", "suspension", r.ID, "err", err)
				}
				pending = true
				break // in order: a lifting never overtakes its suspension
			}
			shared[s.ID] = true
			n.shared.Add(1)
		}
	}
}

// publishNow signs and publishes one signal and waits for JetStream's
// acknowledgement.
func (n *Node) publishNow(ctx context.Context, js jetstream.JetStream, s Signal) error {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return Publish(cctx, js, n.cfg.Key, s)
}
