// Package national is the national shield: several Bouclier deployments
// (an académie, a region, a vendor's platform, each with its own store)
// that see one wave together by sharing signals over a NATS JetStream
// cluster, and obey the national operator's suspensions.
//
// What crosses is detection data only (Signal): keyed fingerprints of
// texts (the campaign's MinHash sketches through HMAC with the national
// sketch key), keyed attachment digests and link domains, keyed
// pseudonyms of senders and establishments, roles, académies, flags and
// counts; contained incidents' signatures; suspensions. Never a body, a
// subject, a name or an address.
//
// # Authority, in the order a received signal is checked
//
//  1. The envelope's ed25519 signature must verify with the key the
//     configuration gives its sender (a deployment or the operator); the
//     subject's sender token must be the signal's sender (NATS permissions
//     already keep each deployment's credentials to its own subjects).
//  2. A signal already seen (by id) is dropped: JetStream's Nats-Msg-Id
//     dedupes publications, the node's seen set redeliveries; a
//     suspension's local id is derived from its signal, so applying it
//     twice is one row.
//  3. Observations are evidence: they weigh in the local waves (campaign
//     Peers) and hold on their own only local copies of senders with
//     signals of their own.
//  4. An incident signature is an order (held everywhere, review level)
//     only when confirmed: signed by the operator, or contained by Quorum
//     deployments independently (this one included). One deployment's
//     word, compromised or not, is never enough.
//  5. A suspension is applied when it is the operator's (any scope) or a
//     deployment's within its own académies (from the configuration, not
//     the signal), and it concerns this deployment (an académie it
//     serves). Anything else is refused and counted. A deployment shares
//     its own académies' suspensions and their lifting (share.go), and
//     nothing else of its suspensions.
//
// # Faults
//
// Streams are replicated (R3): a NATS node lost loses nothing. Publishing
// never blocks a send: signals wait in a bounded buffer (Buffer) and are
// retried until published; a full buffer drops the signal and counts it.
// A deployment cut off works alone; its durable consumer catches up on
// reconnect. Signals accepted are kept in the store until they expire and
// applied again at start (keep.go): a restarted deployment does not wait
// for NATS, which does not deliver again what was acknowledged.
package national

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/store"
)

// Stream is the JetStream stream of the signals; subjects are
// "bouclier.<sender>.<kind>".
const Stream = "BOUCLIER"

// Subject returns the subject a sender publishes a kind on.
func Subject(from, kind string) string { return "bouclier." + from + "." + kind }

// Member is one deployment of the shield as every other knows it.
type Member struct {
	Key       ed25519.PublicKey
	Academies []string // the scope it may suspend
}

// Config configures a deployment's node.
type Config struct {
	Deployment  string             // this deployment's name (a NATS subject token)
	Node        string             // this process, for its durable consumer ("1" by default)
	Key         ed25519.PrivateKey // signs this deployment's signals
	SketchKey   []byte             // the national sketch key, shared by every deployment
	Members     map[string]Member  // every deployment, this one included
	OperatorKey ed25519.PublicKey  // the national operator's key
	URLs        []string           // NATS servers
	User        string             // this deployment's NATS credentials
	Password    string
	Buffer      int           // signals waiting to be published (4096)
	Quorum      int           // deployments whose containment confirms a signature (2)
	Window      time.Duration // how long observations count (campaign Window: 2 h)
}

func (c *Config) check() error {
	switch {
	case c.Deployment == "" || strings.ContainsAny(c.Deployment, ".*> \t") || c.Deployment == Operator:
		return errors.New("national: a deployment name without dots, wildcards or spaces is required")
	case len(c.Key) != ed25519.PrivateKeySize:
		return errors.New("national: the deployment's ed25519 key is required")
	case len(c.OperatorKey) != ed25519.PublicKeySize:
		return errors.New("national: the operator's public key is required")
	case len(c.URLs) == 0:
		return errors.New("national: at least one NATS URL is required")
	}
	m, ok := c.Members[c.Deployment]
	if !ok || !m.Key.Equal(c.Key.Public()) {
		return errors.New("national: this deployment must be a member, with its own public key")
	}
	if c.Node == "" {
		c.Node = "1"
	}
	if c.Buffer <= 0 {
		c.Buffer = 4096
	}
	if c.Quorum <= 0 {
		c.Quorum = 2
	}
	if c.Window <= 0 {
		c.Window = 2 * time.Hour
	}
	return nil
}

// Detector is what the node needs of the campaign detector.
type Detector interface {
	Reassess(ctx context.Context, obs store.CampaignObs, sig campaign.Signature) (int64, error)
	Adopt(ctx context.Context, ref, reason string, ns []store.CampaignObs) (int64, error)
}

// Rules is told when suspensions changed (rules.Service.Invalidate).
type Rules interface{ Invalidate() }

// Stats are the node's counters.
type Stats struct {
	Queued     int64 // signals queued for publication
	Published  int64 // signals published and acknowledged by JetStream
	Backlog    int64 // observations recorded here not yet keyed and shared
	Dropped    int64 // signals dropped: the buffer was full
	Received   int64 // signals of others accepted
	Refused    int64 // signals refused (authority, signature, malformed)
	Duplicates int64 // signals already seen
	Applied    int64 // suspensions and lifts applied here
	Adopted    int64 // confirmed signatures adopted here
	Reassessed int64 // local clusters assessed again on others' evidence
	// Reassessing is the local clusters that others' evidence joined and
	// that wait for (or are in) their reassessment: with Backlog and
	// Queued less Published, what this node has taken in and not yet
	// acted on.
	Reassessing int64
	Shared      int64 // this deployment's suspensions and liftings published and acknowledged
	Restored    int64 // signals kept in the store applied again at start
}

// Node is one process's part in the national shield: it implements
// campaign.Peers.
type Node struct {
	cfg   Config
	db    *store.DB
	det   Detector
	rules Rules
	keyer *Keyer
	log   *slog.Logger
	now   func() time.Time

	out   chan Signal
	local chan localObs

	pic *picture

	queued, backlog, published, dropped, received, refused, duplicates, applied, adopted, reassessed, reassessing, shared, restored atomic.Int64

	smu        sync.Mutex
	seen       map[string]bool
	seenOrder  []string
	reassessMu sync.Mutex
	toReassess map[int64]*entry

	// OnApplied, when set before Start, is told each suspension applied
	// here (tests and the drill measure the delay).
	OnApplied func(s Signal, at time.Time)

	nc   *nats.Conn
	done chan struct{}
	stop context.CancelFunc
	wg   sync.WaitGroup
}

// New returns a node; Start connects it.
func New(cfg Config, db *store.DB, det Detector, rules Rules, now func() time.Time, log *slog.Logger) (*Node, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if db == nil || det == nil || rules == nil {
		return nil, errors.New("national: store, detector and rules are required")
	}
	k, err := NewKeyer(cfg.SketchKey)
	if err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	n := &Node{cfg: cfg, db: db, det: det, rules: rules, keyer: k, log: log, now: now,
		out: make(chan Signal, cfg.Buffer), local: make(chan localObs, cfg.Buffer),
		seen: map[string]bool{}, toReassess: map[int64]*entry{}, done: make(chan struct{})}
	n.pic = newPicture(cfg.Window, cfg.Quorum)
	return n, nil
}

// Stats returns the counters.
func (n *Node) Stats() Stats {
	return Stats{Queued: n.queued.Load(), Backlog: n.backlog.Load(), Published: n.published.Load(), Dropped: n.dropped.Load(), Received: n.received.Load(), Refused: n.refused.Load(),
		Duplicates: n.duplicates.Load(), Applied: n.applied.Load(), Adopted: n.adopted.Load(), Reassessed: n.reassessed.Load(), Reassessing: n.reassessing.Load(),
		Shared: n.shared.Load(), Restored: n.restored.Load()}
}

// Start restores the signals kept in the store (restore), connects to
// NATS and starts the workers; it returns at once: a deployment whose
// NATS is unreachable works alone and connects when it can.
func (n *Node) Start(ctx context.Context) error {
	if err := n.restore(ctx); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	n.stop = cancel
	nc, err := nats.Connect(strings.Join(n.cfg.URLs, ","), nats.UserInfo(n.cfg.User, n.cfg.Password), nats.Name("bouclier-"+n.cfg.Deployment+"-"+n.cfg.Node),
		nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond), nats.RetryOnFailedConnect(true),
		nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) { n.log.Warn("national: nats", "err", err) }))
	if err != nil {
		cancel()
		return fmt.Errorf("national: connect: %w", err)
	}
	n.nc = nc
	js, err := jetstream.New(nc)
	if err != nil {
		cancel()
		nc.Close()
		return fmt.Errorf("national: jetstream: %w", err)
	}
	n.wg.Go(func() { n.publish(ctx, js) })
	n.wg.Go(func() { n.indexLocal(ctx) })
	n.wg.Go(func() { n.consume(ctx, js) })
	n.wg.Go(func() { n.reassessLoop(ctx) })
	n.wg.Go(func() { n.shareLoop(ctx, js) })
	n.wg.Go(func() { n.purgeLoop(ctx) })
	return nil
}

// Close stops the workers and the connection.
func (n *Node) Close() {
	if n.stop != nil {
		n.stop()
	}
	n.wg.Wait()
	if n.nc != nil {
		n.nc.Close()
	}
}

// enqueue queues a signal for publication without ever blocking.
func (n *Node) enqueue(s Signal) bool {
	select {
	case n.out <- s:
		n.queued.Add(1)
		return true
	default:
		n.dropped.Add(1)
		return false
	}
}

// publish publishes the queued signals in batches of asynchronous
// publications, each until JetStream acknowledges it: a failed or
// unacknowledged one is published again with the same Nats-Msg-Id, so a
// retry after a lost acknowledgement is a duplicate the stream drops.
func (n *Node) publish(ctx context.Context, js jetstream.JetStream) {
	type sealed struct {
		s    Signal
		data []byte
	}
	var batch []sealed
	add := func(s Signal) {
		data, err := seal(s, n.cfg.Key)
		if err != nil {
			n.log.Error("national: seal", "err", err)
			return
		}
		batch = append(batch, sealed{s, data})
	}
	wait := 50 * time.Millisecond
	for {
		if len(batch) == 0 {
			select {
			case <-ctx.Done():
				return
			case s := <-n.out:
				add(s)
			}
		}
	fill:
		for len(batch) < publishBatch {
			select {
			case s := <-n.out:
				add(s)
			default:
				break fill
			}
		}
		futures := make([]jetstream.PubAckFuture, len(batch))
		for i, b := range batch {
			f, err := js.PublishAsync(Subject(n.cfg.Deployment, b.s.Kind), b.data, jetstream.WithMsgID(b.s.ID))
			if err != nil {
				break // not connected: the rest waits too
			}
			futures[i] = f
		}
		var failed []sealed
		timeout := time.NewTimer(5 * time.Second)
		for i, f := range futures {
			if f == nil {
				failed = append(failed, batch[i])
				continue
			}
			select {
			case <-f.Ok():
				n.published.Add(1)
			case <-f.Err():
				failed = append(failed, batch[i])
			case <-timeout.C:
				timeout.Reset(0)
				failed = append(failed, batch[i])
			case <-ctx.Done():
				timeout.Stop()
				return
			}
		}
		timeout.Stop()
		batch = failed
		if len(failed) == 0 {
			wait = 50 * time.Millisecond
			continue
		}
		n.log.Debug("national: publish, retrying", "signals", len(failed))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// publishBatch is how many publications wait for their acknowledgement
// together.
const publishBatch = 256

// consume reads every signal through this node's durable consumer, from
// where it stopped, and acknowledges each once handled.
func (n *Node) consume(ctx context.Context, js jetstream.JetStream) {
	name := n.cfg.Deployment + "-" + n.cfg.Node
	var cc jetstream.ConsumeContext
	for cc == nil {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		c, err := js.CreateOrUpdateConsumer(cctx, Stream, jetstream.ConsumerConfig{Durable: name, AckPolicy: jetstream.AckExplicitPolicy,
			AckWait: 30 * time.Second, MaxAckPending: 20000, DeliverPolicy: jetstream.DeliverAllPolicy})
		cancel()
		if err == nil {
			cc, err = c.Consume(func(m jetstream.Msg) { n.handle(ctx, m) }, jetstream.PullMaxMessages(1000),
				jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) { n.log.Debug("national: consume", "err", err) }))
		}
		if err != nil {
			n.log.Warn("national: consumer, retrying", "err", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
			}
		}
	}
	<-ctx.Done()
	cc.Stop()
}

// handle checks and applies one received signal.
func (n *Node) handle(ctx context.Context, m jetstream.Msg) {
	err := n.receive(ctx, m.Subject(), m.Data())
	switch {
	case err == nil:
		_ = m.Ack()
	case errors.Is(err, errRefused):
		n.refused.Add(1)
		n.log.Warn("national: signal refused", "subject", m.Subject(), "err", err)
		_ = m.Term()
	default:
		n.log.Warn("national: signal not applied, redelivery", "err", err)
		_ = m.NakWithDelay(time.Second)
	}
}

// Receive checks and applies a signal as received on subject; exported
// for tests that forge signals. It returns an error wrapping errRefused
// (IsRefused) for a signal without authority.
func (n *Node) Receive(ctx context.Context, subject string, data []byte) error {
	return n.receive(ctx, subject, data)
}

// IsRefused reports whether Receive refused a signal for its authority.
func IsRefused(err error) bool { return errors.Is(err, errRefused) }

func (n *Node) keyOf(from string) ed25519.PublicKey {
	if from == Operator {
		return n.cfg.OperatorKey
	}
	if m, ok := n.cfg.Members[from]; ok {
		return m.Key
	}
	return nil
}

func (n *Node) receive(ctx context.Context, subject string, data []byte) error {
	s, err := n.check(subject, data)
	if err != nil {
		return err
	}
	if s.From == n.cfg.Deployment {
		return nil // our own, already known here
	}
	if n.wasSeen(s.ID) {
		n.duplicates.Add(1)
		return nil
	}
	if err := n.apply(ctx, s); err != nil {
		return err
	}
	if err := n.keep(ctx, s, subject, data); err != nil {
		return err // not acknowledged: delivered again, applied again idempotently
	}
	n.received.Add(1)
	n.markSeen(s.ID)
	return nil
}

// check opens an envelope received on subject: signed by its sender's
// key, on its sender's subject.
func (n *Node) check(subject string, data []byte) (Signal, error) {
	s, err := open(data, n.keyOf)
	if err != nil {
		return Signal{}, err
	}
	if subject != Subject(s.From, s.Kind) {
		return Signal{}, fmt.Errorf("%w: %s published on %s", errRefused, s.From, subject)
	}
	return s, nil
}

// apply does what a signal of another sender asks, as far as its
// authority goes.
func (n *Node) apply(ctx context.Context, s Signal) error {
	switch s.Kind {
	case KindObs:
		if s.Obs == nil || s.From == Operator {
			return fmt.Errorf("%w: malformed observation", errRefused)
		}
		n.remoteObs(s)
	case KindIncident:
		if s.Incident == nil {
			return fmt.Errorf("%w: malformed incident", errRefused)
		}
		return n.incident(ctx, s)
	case KindSuspend, KindLift:
		if s.Suspension == nil {
			return fmt.Errorf("%w: malformed suspension", errRefused)
		}
		return n.suspension(ctx, s)
	default:
		return fmt.Errorf("%w: unknown kind %q", errRefused, s.Kind)
	}
	return nil
}

// seenMax bounds the seen set; older ids fall to JetStream's dedupe and to
// the idempotence of what they apply.
const seenMax = 200000

func (n *Node) wasSeen(id string) bool {
	n.smu.Lock()
	defer n.smu.Unlock()
	return n.seen[id]
}

func (n *Node) markSeen(id string) {
	n.smu.Lock()
	defer n.smu.Unlock()
	if n.seen[id] {
		return
	}
	n.seen[id] = true
	n.seenOrder = append(n.seenOrder, id)
	if len(n.seenOrder) > seenMax {
		for _, old := range n.seenOrder[:seenMax/2] {
			delete(n.seen, old)
		}
		n.seenOrder = slices.Clone(n.seenOrder[seenMax/2:])
	}
}

// pseudoID turns another deployment's sender pseudonym into a negative
// sender id for the campaign (never a local user's id).
func pseudoID(from, sender string) int64 {
	h := fnv.New64a()
	h.Write([]byte(from))
	h.Write([]byte{0})
	h.Write([]byte(sender))
	return -int64(h.Sum64()>>1) - 1
}
