package campaign

import "time"

// A message held by an incident is reassessed so that the incident can
// rise with its cluster (flush). An account held by its own incident
// that goes on sending made that a cluster query of Neighbours rows per
// message, each finding the cluster the last one found: in the send
// benchmark, 69 % of the server's CPU, the worker behind and every sender
// of the server waiting on its queue (docs/performance.md, « Slow runs »).
// So, per incident and sender, a content is reassessed at most once per
// quietFor. A copy alike to the content assessed last is dropped, as
// quietKey drops a sender's repeats without an incident: it adds nothing
// to its cluster but its own weight, counted already, and other senders'
// copies are assessed on their own. A content of another kind waits for
// the next turn, the newest of each kind kept, heldWaiting kinds at most,
// so that nothing a wave adds stays unassessed for more than quietFor
// (the worker's next pass, or the sweep's).

// heldWaiting bounds the contents of one held sender waiting for their
// turn: past it the oldest is dropped (held all the same, with the
// incident; only its own reassessment is lost, and the sender's next copy
// takes its place).
const heldWaiting = 8

// pacerMax bounds the senders remembered; past it the waiting contents
// are all assessed at once and the memory is cleared.
const pacerMax = 10000

type heldKey struct{ incident, sender int64 }

type heldTurn struct {
	last    time.Time // the last reassessment
	done    job       // its content
	waiting []job
}

// heldPacer paces the reassessment of held senders' copies. It is used
// by flush only, under Detector.work.
type heldPacer struct {
	turns map[heldKey]*heldTurn
}

// admit returns the jobs to assess now for j, a copy held by incident
// j.campaign: j itself when its sender's turn has come, with the contents
// that waited for it; none when j waits or repeats the content assessed
// last. alike compares two copies' contents.
func (p *heldPacer) admit(j job, alike func(a, b job) bool) []job {
	at := time.UnixMicro(j.obs.At)
	k := heldKey{j.campaign, j.obs.SenderID}
	if p.turns == nil {
		p.turns = map[heldKey]*heldTurn{}
	}
	t := p.turns[k]
	if t == nil {
		var out []job
		if len(p.turns) >= pacerMax {
			out = p.drain()
		}
		p.turns[k] = &heldTurn{last: at, done: j}
		return append(out, j)
	}
	if at.Sub(t.last) >= quietFor {
		out := append(t.waiting, j)
		t.last, t.done, t.waiting = at, j, nil
		return out
	}
	if alike(j, t.done) {
		return nil
	}
	for i, w := range t.waiting {
		if alike(j, w) {
			t.waiting[i] = j
			return nil
		}
	}
	if len(t.waiting) >= heldWaiting {
		t.waiting = append(t.waiting[:0], t.waiting[1:]...)
	}
	t.waiting = append(t.waiting, j)
	return nil
}

// due returns the waiting contents whose turn has come by now, and
// forgets the senders with nothing waiting whose last turn is over.
func (p *heldPacer) due(now time.Time) []job {
	var out []job
	for k, t := range p.turns {
		if now.Sub(t.last) < quietFor {
			continue
		}
		if len(t.waiting) == 0 {
			delete(p.turns, k)
			continue
		}
		out = append(out, t.waiting...)
		t.last, t.done, t.waiting = now, t.waiting[len(t.waiting)-1], nil
	}
	return out
}

// drain returns every waiting content and forgets every sender.
func (p *heldPacer) drain() []job {
	var out []job
	for _, t := range p.turns {
		out = append(out, t.waiting...)
	}
	clear(p.turns)
	return out
}
