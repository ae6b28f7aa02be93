package drill

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/national"
	"github.com/bouclier/bouclier/internal/national/natstest"
	"github.com/bouclier/bouclier/internal/server"
)

// The drill across deployments (RunDeployments): the same directory and
// morning as Run, the académies dealt round N deployments, each with its
// own store and, unless alone, its own national shield node; a three-node
// NATS JetStream cluster (in process, natstest) carries their signals.
// Every event of the one morning plan goes to the deployment that holds
// its sender, on one simulated clock; the signals travel in real time.
// Alone, the same runs without any sharing: the baseline.

// DeploymentReport is one deployment's part of the drill.
type DeploymentReport struct {
	Name        string   `json:"name"`
	AcademieIDs []string `json:"academie_ids"`
	Report
	Signals national.Stats `json:"signals"` // zero alone
}

// DeploymentsReport is what the drill across deployments measured.
type DeploymentsReport struct {
	Deployments []DeploymentReport `json:"deployments"`
	Alone       bool               `json:"alone"`
	// SendMillis is the distribution of the wall time of one send
	// (messaging and the campaign worker's recording, as a server's send
	// and worker do it) over the morning, every deployment together: the
	// figure to compare with an alone run's for what sharing adds.
	SendMillis Distribution `json:"send_ms"`
	// DrainMillis is the distribution of the real time each simulated
	// second waited for the signals of the one before (drainSignals): what
	// the simulated clock does not count. A wait of drainLimit is a
	// signal that did not arrive in time.
	DrainMillis Distribution `json:"drain_ms"`
	WallSeconds float64      `json:"wall_seconds"`
}

// Distribution is a latency distribution in milliseconds.
type Distribution struct {
	Median float64 `json:"median"`
	P95    float64 `json:"p95"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

func distribution(ds []time.Duration) Distribution {
	if len(ds) == 0 {
		return Distribution{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return Distribution{Median: ms(s[len(s)/2]), P95: ms(s[len(s)*95/100]), Max: ms(s[len(s)-1]), N: len(s)}
}

// Targets checks the campaign's targets in every deployment.
func (r DeploymentsReport) Targets() error {
	var errs []error
	for _, d := range r.Deployments {
		if err := d.Targets(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", d.Name, err))
		}
	}
	return errors.Join(errs...)
}

// liveClock is a deployment's clock: its drill's own while the directory
// and the day before are replayed (one goroutine, no node running yet),
// then the morning's, shared by every deployment and read by the national
// nodes' goroutines.
type liveClock struct {
	mu     sync.Mutex
	t      time.Time
	follow *clock
}

func (c *liveClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.follow != nil {
		return c.follow.t
	}
	return c.t
}

func (c *liveClock) set(t time.Time) {
	c.mu.Lock()
	c.follow, c.t = nil, t
	c.mu.Unlock()
}

// deployment is one Bouclier of the drill.
type deployment struct {
	name string
	d    *drill
	live *liveClock
	node *national.Node
	acas []string

	visible     map[int64]time.Duration
	hiddenAt    []time.Duration
	first       time.Duration
	ordinaryIDs []int64
}

// RunDeployments runs the drill over n deployments, sharing signals
// through a NATS cluster unless alone.
func RunDeployments(ctx context.Context, o Options, n int, alone bool) (DeploymentsReport, error) {
	if err := o.check(); err != nil {
		return DeploymentsReport{}, err
	}
	if n < 1 || n > o.Academies {
		return DeploymentsReport{}, fmt.Errorf("drill: %d deployments for %d académies: between 1 and the number of académies", n, o.Academies)
	}
	if o.URL != "" || o.DataDir != "" || o.DatabaseURL != "" {
		return DeploymentsReport{}, errors.New("drill: the deployments run in process on temporary stores: without --url, --data or --database")
	}
	wall := time.Now()
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	root, err := os.MkdirTemp("", "bouclier-deployments-")
	if err != nil {
		return DeploymentsReport{}, fmt.Errorf("drill: %w", err)
	}
	defer os.RemoveAll(root)

	rep := DeploymentsReport{Alone: alone}
	deps := make([]*deployment, n)
	for k := range deps {
		dir := filepath.Join(root, fmt.Sprintf("d%d", k))
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return rep, err
		}
		clk := &clock{t: start.Add(-24 * time.Hour)}
		live := &liveClock{follow: clk}
		cfg := config.Default()
		cfg.DataDir = dir
		app, err := server.Open(ctx, cfg, o.Log, server.Options{Now: live.Now, Alert: &alert.Config{}})
		if err != nil {
			return rep, fmt.Errorf("drill: open deployment %d: %w", k, err)
		}
		defer app.Close()
		d := newDrill(o, app, clk)
		d.owns = func(a int) bool { return a%n == k }
		dep := &deployment{name: fmt.Sprintf("d%d", k), d: d, live: live, visible: map[int64]time.Duration{}, first: -1}
		for a := range o.Academies {
			if d.owns(a) {
				dep.acas = append(dep.acas, academie(a))
			}
		}
		deps[k] = dep
	}
	progress := o.Progress
	// The deployments' directories and days before are built at once:
	// each has its store, its drill and its clock, and no node runs yet.
	errs := make([]error, len(deps))
	var wg sync.WaitGroup
	for k, dep := range deps {
		dep.d.o.Progress = nil
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := dep.d.directory(ctx); err != nil {
				errs[k] = fmt.Errorf("%s: %w", dep.name, err)
				return
			}
			if err := dep.d.history(ctx); err != nil {
				errs[k] = fmt.Errorf("%s: %w", dep.name, err)
				return
			}
			dep.live.set(dep.d.clk.t)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return rep, err
	}
	if !alone {
		stop, err := startShield(ctx, root, deps, o.Log)
		if err != nil {
			return rep, err
		}
		defer stop()
	}

	// One plan for the whole country, each event to its sender's
	// deployment.
	g := newDrill(o, nil, &clock{})
	evs := g.plan()
	owner := func(username string) *deployment {
		parts := strings.Split(username, ".")
		i, _ := strconv.Atoi(parts[1])
		return deps[(i%o.Academies)%n]
	}
	for name := range g.hijacked {
		owner(name).d.hijacked[name] = true
	}
	var sends []time.Duration
	lastSweep := time.Duration(-1)
	now := func(at time.Duration) {
		for _, dep := range deps {
			dep.d.clk.t = start.Add(at)
			dep.live.set(dep.d.clk.t)
		}
	}
	sweep := func(at time.Duration) error {
		for _, dep := range deps {
			if err := dep.d.app.Campaign.Sweep(ctx); err != nil {
				return fmt.Errorf("drill: %s: sweep: %w", dep.name, err)
			}
			if err := dep.checkVisible(ctx, at); err != nil {
				return err
			}
		}
		return nil
	}
	var waits []time.Duration
	for k, e := range evs {
		sec := e.at.Truncate(time.Second)
		if sec > lastSweep {
			// The clock moves on only when what the nodes took in during
			// the second before has been acted on everywhere (drainSignals).
			waits = append(waits, drainSignals(deps, drainLimit))
		}
		now(e.at)
		if sec > lastSweep {
			lastSweep = sec
			if err := sweep(e.at); err != nil {
				return rep, err
			}
		}
		dep := owner(e.from)
		t0 := time.Now()
		res, err := dep.d.send(ctx, e)
		sends = append(sends, time.Since(t0))
		if progress != nil && (k%50 == 0 || k == len(evs)-1) {
			progress(k+1, len(evs))
		}
		if err := dep.tally(e, res.ID, res.Status, err); err != nil {
			return rep, err
		}
		for _, dep := range deps {
			if err := dep.checkVisible(ctx, e.at); err != nil {
				return rep, err
			}
		}
	}
	// The wave is over: sweeps until every probation is over, the signals
	// still travelling arriving meanwhile.
	end := evs[len(evs)-1].at + time.Second
	for k := range 62 {
		waits = append(waits, drainSignals(deps, drainLimit))
		now(end + time.Duration(k)*time.Second)
		if err := sweep(end + time.Duration(k)*time.Second); err != nil {
			return rep, err
		}
	}
	// The drill's clock runs faster than NATS on a loaded machine: wait,
	// in real time, for the signals to stop moving, then sweep once more.
	settleSignals(deps, 30*time.Second)
	now(end + 62*time.Second)
	if err := sweep(end + 62*time.Second); err != nil {
		return rep, err
	}
	for _, dep := range deps {
		if err := dep.d.measure(ctx, start, dep.first, dep.hiddenAt, len(dep.visible), dep.ordinaryIDs); err != nil {
			return rep, fmt.Errorf("drill: %s: %w", dep.name, err)
		}
		dr := DeploymentReport{Name: dep.name, AcademieIDs: dep.acas, Report: dep.d.rep}
		dr.Establishments, dr.Academies = 0, len(dep.acas)
		for i := range o.Establishments {
			if dep.d.owns(i % o.Academies) {
				dr.Establishments++
			}
		}
		dr.HijackedAccounts = len(dep.d.hijacked)
		if dep.node != nil {
			dr.Signals = dep.node.Stats()
		}
		rep.Deployments = append(rep.Deployments, dr)
	}
	rep.SendMillis = distribution(sends)
	if !alone {
		rep.DrainMillis = distribution(waits)
	}
	rep.WallSeconds = time.Since(wall).Seconds()
	return rep, nil
}

// tally counts one event of the morning in its deployment's report.
func (dep *deployment) tally(e event, id int64, status bouclier.MessageStatus, err error) error {
	r := &dep.d.rep
	switch e.kind {
	case threat:
		r.ThreatAttempts++
		if dep.first < 0 {
			dep.first = e.at
		}
		switch code := bouclier.ErrorCode(err); {
		case err == nil || code == bouclier.ErrRejectedContent:
			r.ThreatSent++
			if status == bouclier.StatusDelivered {
				r.EverVisible++
				dep.visible[id] = e.at
			}
		case code != bouclier.ErrInternal:
			r.ThreatRefused++
		default:
			return fmt.Errorf("drill: %s: threat from %s: %w", dep.name, e.from, err)
		}
	case ordinary:
		if dep.d.tallyOrdinary(e.from, status, err) {
			dep.ordinaryIDs = append(dep.ordinaryIDs, id)
		}
	}
	return nil
}

// checkVisible notes the threat messages no longer visible anywhere.
func (dep *deployment) checkVisible(ctx context.Context, at time.Duration) error {
	for id := range dep.visible {
		n, err := dep.d.app.DB.VisibleCopies(ctx, id)
		if err != nil {
			return err
		}
		if n == 0 {
			dep.hiddenAt = append(dep.hiddenAt, at)
			delete(dep.visible, id)
		}
	}
	return nil
}

// startShield starts the NATS cluster and a national node per deployment,
// and returns what stops them.
func startShield(ctx context.Context, root string, deps []*deployment, log *slog.Logger) (func(), error) {
	users := []natstest.User{{Name: "admin", Password: randomHex()}}
	pw := map[string]string{}
	for _, dep := range deps {
		pw[dep.name] = randomHex()
		users = append(users, natstest.DeploymentUser(dep.name, pw[dep.name], "1"))
	}
	cluster, err := natstest.Start(filepath.Join(root, "nats"), 3, users)
	if err != nil {
		return nil, fmt.Errorf("drill: nats: %w", err)
	}
	var stops []func()
	stop := func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	stops = append(stops, cluster.Close)
	nc, err := nats.Connect(strings.Join(cluster.URLs, ","), nats.UserInfo("admin", users[0].Password))
	if err != nil {
		stop()
		return nil, fmt.Errorf("drill: nats: %w", err)
	}
	stops = append(stops, nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		stop()
		return nil, fmt.Errorf("drill: jetstream: %w", err)
	}
	// The cluster elects its meta leader first: the stream waits for it.
	for deadline := time.Now().Add(90 * time.Second); ; {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err = national.EnsureStream(cctx, js, 3)
		cancel()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			stop()
			return nil, err
		}
		time.Sleep(200 * time.Millisecond)
	}
	opPub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		stop()
		return nil, err
	}
	sketchKey := make([]byte, 32)
	_, _ = rand.Read(sketchKey)
	members := map[string]national.Member{}
	keys := map[string]ed25519.PrivateKey{}
	for _, dep := range deps {
		pub, key, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			stop()
			return nil, err
		}
		keys[dep.name] = key
		members[dep.name] = national.Member{Key: pub, Academies: dep.acas}
	}
	for _, dep := range deps {
		app := dep.d.app
		node, err := national.New(national.Config{Deployment: dep.name, Key: keys[dep.name], SketchKey: sketchKey, Members: members, OperatorKey: opPub,
			URLs: cluster.URLs, User: dep.name, Password: pw[dep.name]}, app.DB, app.Campaign, app.Rules, dep.live.Now, log)
		if err != nil {
			stop()
			return nil, err
		}
		app.Campaign.SetPeers(node)
		if err := node.Start(ctx); err != nil {
			stop()
			return nil, err
		}
		dep.node = node
		stops = append(stops, node.Close)
	}
	return stop, nil
}

func randomHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%x", b)
}

// drainLimit bounds the real time one simulated second waits for the
// signals of the one before: on loopback they take milliseconds, and a
// node that is a second behind is a fault the drill must show, as a late
// containment, not wait for.
const drainLimit = time.Second

// drainSignals waits, in real time and at most limit, until the signals
// are drained (signalsOf); it returns how long it waited. The drill's
// clock runs a morning in a minute: without this, how far the simulated
// clock ran while a signal crossed the cluster would depend on the
// machine's load (TestDeploymentsSmall under -race beside the web tests:
// d0 contained after 10.7 simulated seconds, as if alone; with this wait,
// after 0), where in a real morning the signals' milliseconds are nothing
// beside the seconds the campaign measures.
func drainSignals(deps []*deployment, limit time.Duration) time.Duration {
	t0 := time.Now()
	for {
		if _, drained := signalsOf(deps); drained || time.Since(t0) >= limit {
			return time.Since(t0)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// signalsOf returns the nodes' counters, and whether every node has
// published what it queued, keyed its observations, taken in what the
// others published (caughtUp) and reassessed the clusters their evidence
// joined.
func signalsOf(deps []*deployment) (all []national.Stats, drained bool) {
	drained = true
	for _, dep := range deps {
		if dep.node != nil {
			st := dep.node.Stats()
			all = append(all, st)
			drained = drained && st.Backlog == 0 && st.Queued == st.Published && st.Reassessing == 0
		}
	}
	return all, drained && caughtUp(all)
}

// settleSignals waits until the signals are drained (signalsOf) and no
// node's counts have moved for half a second; or until limit. Counts that
// merely stopped moving are not enough: on a loaded machine a consumer can
// sit a second behind its stream, and a node would be measured before any
// signal reached it.
func settleSignals(deps []*deployment, limit time.Duration) {
	last, _ := signalsOf(deps)
	stable := time.Now()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		cur, drained := signalsOf(deps)
		if !drained || !slices.Equal(cur, last) {
			last, stable = cur, time.Now()
			continue
		}
		if time.Since(stable) >= 500*time.Millisecond {
			return
		}
	}
}

// caughtUp reports whether each node has handled at least as many
// signals as the other nodes published and shared: every signal goes to
// every node (one stream, bouclier.>), and a node counts each other
// node's signal once as received, refused or a duplicate.
func caughtUp(all []national.Stats) bool {
	var sent int64
	for _, st := range all {
		sent += st.Published + st.Shared
	}
	for _, st := range all {
		if st.Received+st.Refused+st.Duplicates < sent-st.Published-st.Shared {
			return false
		}
	}
	return true
}
