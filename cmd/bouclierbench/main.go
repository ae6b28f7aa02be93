// Command bouclierbench measures Bouclier's send path against the bare
// baseline (internal/bench/bare) in the same run: a teacher sends to a
// class of 30 over HTTP with varied texts from several clients, in rounds
// that alternate between the two servers, and the ratios of their rates,
// p99 latencies, CPU per message and peak resident memory are printed.
// scripts/bench builds the binaries and runs it.
//
//	bouclierbench --bouclier BIN --bare BIN [--rounds 5] [--duration 10s] [--clients 8] [--work DIR]
//	bouclierbench --bouclier BIN --before BIN [...]   (two Bouclier binaries, the second as the baseline)
//	bouclierbench ... --first TEXT                     (each server first sent TEXT, e.g. one its screen holds)
//	bouclierbench ... --frames                         (and the WAL frames a commit writes, per table)
//	bouclierbench --bouclier BIN --postgres URL [...]  (one process against two on one database)
//	bouclierbench ... --postgres URL --cpu-share 0.3   (each process capped at 0.3 core)
//	bouclierbench --bouclier BIN --inbox 20000 [...]   (the web inbox page, full against empty)
package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/demo"
)

const (
	password   = "un mot de passe de banc d’essai assez long"
	totpSecret = "JBSWY3DPEHPK3PXP"
	userAgent  = "bouclierbench/1"
	classSize  = 30
)

func main() {
	bouclierBin := flag.String("bouclier", "", "the bouclier `binary`")
	bareBin := flag.String("bare", "", "the baseline `binary` (internal/bench/bare)")
	beforeBin := flag.String("before", "", "instead of --bare, another Bouclier `binary` as the baseline (a change measured against the binary before it, rounds interleaved)")
	rounds := flag.Int("rounds", 5, "rounds per server")
	duration := flag.Duration("duration", 10*time.Second, "length of a round")
	clients := flag.Int("clients", 8, "concurrent clients")
	work := flag.String("work", "", "working `directory` (default: a temporary one, removed)")
	postgres := flag.String("postgres", "", "PostgreSQL server `URL` (rights to create a database): measure one Bouclier process against two sharing it, instead of the baseline")
	inbox := flag.Int("inbox", 0, "instead of the send rounds, fill one pupil's inbox with `N` messages and time the web inbox page against an empty one")
	share := flag.Float64("cpu-share", 0, "with --postgres: cap each Bouclier process at this `fraction` of one core (a CPU cgroup; Linux, root), as on hosts of their own")
	first := flag.String("first", "", "with --bare or --before: a `text` each server is sent once after the warm-up (one the screen holds makes the rounds measure a sender held by its own incident; « Slow runs » in docs/performance.md)")
	frames := flag.Bool("frames", false, "with --bare or --before: copy Bouclier's SQLite database and WAL in the middle of each of its rounds and report the WAL frames a commit wrote to each table and index")
	flag.Parse()
	// A share that would be ignored is refused: a run believed capped
	// would measure the machine instead.
	if *share < 0 || *share > 0 && *postgres == "" {
		fmt.Fprintln(os.Stderr, "bouclierbench: --cpu-share wants a positive fraction of a core, with --postgres")
		os.Exit(2)
	}
	// So is a first text: the run would be believed to measure a sender
	// held by its own incident.
	if *first != "" && (*postgres != "" || *inbox > 0) {
		fmt.Fprintln(os.Stderr, "bouclierbench: --first goes with --bare or --before")
		os.Exit(2)
	}
	if *inbox > 0 && *bouclierBin != "" {
		if err := runInbox(*bouclierBin, *work, *rounds, *inbox, *clients); err != nil {
			fmt.Fprintln(os.Stderr, "bouclierbench:", err)
			os.Exit(1)
		}
		return
	}
	if *bouclierBin == "" || (*bareBin == "" && *beforeBin == "" && *postgres == "") {
		fmt.Fprintln(os.Stderr, "usage: bouclierbench --bouclier BIN (--bare BIN | --before BIN | --postgres URL) [--rounds N] [--duration D] [--clients N] [--work DIR]")
		os.Exit(2)
	}
	var err error
	if *postgres != "" {
		err = runNodes(*bouclierBin, *postgres, *work, *rounds, *duration, *clients, *share)
	} else {
		err = run(*bouclierBin, *bareBin, *beforeBin, *work, *rounds, *duration, *clients, *frames, *first)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bouclierbench:", err)
		os.Exit(1)
	}
}

// target is one server under load.
type target struct {
	name  string // key of its results: "bouclier" or "bare" (the baseline)
	label string // as printed
	cmd   *exec.Cmd
	url   string // send endpoint
	token string
	to    []string
	dir   string // a Bouclier server's data directory ("" for the bare one)
}

// result is one round against one target.
type result struct {
	sent, failed int
	rate         float64       // acknowledged sends a second
	p50, p99     time.Duration // latencies of acknowledged sends
	cpuPerMsg    time.Duration
	peakRSS      int64 // the server's peak resident set during the round (0: not measured)
	firstErr     string
}

// run alternates rounds between Bouclier and the baseline: the bare server
// (bareBin), or another Bouclier binary (beforeBin) when bareBin is empty.
func run(bouclierBin, bareBin, beforeBin, work string, rounds int, d time.Duration, clients int, frames bool, first string) error {
	if work == "" {
		dir, err := os.MkdirTemp("", "bouclierbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	bdata := filepath.Join(work, "bouclier")
	if err := prepareBouclier(bouclierBin, bdata, ""); err != nil {
		return err
	}
	b, err := startBouclier(bouclierBin, bdata, "", true)
	if err != nil {
		return err
	}
	defer stop(b.cmd)
	var bare *target
	if bareBin != "" {
		bare, err = startBare(bareBin, filepath.Join(work, "bare"))
	} else {
		bare, err = startBefore(beforeBin, filepath.Join(work, "before"))
	}
	if err != nil {
		return err
	}
	defer stop(bare.cmd)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: 30 * time.Second}
	// Warm both up (connections, caches, prepared statements).
	for _, t := range []*target{bare, b} {
		if r := load(client, []*target{t}, 2*time.Second, clients); r.sent == 0 {
			return fmt.Errorf("%s: no send acknowledged while warming up: %s", t.label, r.firstErr)
		}
		// After the warm-up, the sender's volume is out of character
		// already, as it is when a drawn text is held mid-run.
		if first != "" {
			if err := send(client, t, first); err != nil {
				return fmt.Errorf("%s: the first text: %w", t.label, err)
			}
		}
	}
	var snapDir string
	var snaps []string
	if frames {
		snapDir = filepath.Join(work, "frames")
		if err := os.MkdirAll(snapDir, 0o700); err != nil {
			return err
		}
	}
	res := map[string][]result{}
	runPeak := map[string]int64{} // peak resident set before the rounds' resets
	var loads []float64           // the machine's load average after each round
	for i := range rounds {
		order := []*target{bare, b}
		if i%2 == 1 {
			order = []*target{b, bare}
		}
		for _, t := range order {
			before, err := cpuTime(t.cmd.Process.Pid)
			if err != nil {
				return err
			}
			// The peak of the round alone: the high-water mark is kept
			// (runPeak) and reset to the current resident set.
			hwm, err := peakRSS(t.cmd.Process.Pid)
			if err != nil {
				return err
			}
			runPeak[t.name] = max(runPeak[t.name], hwm)
			reset := resetPeakRSS(t.cmd.Process.Pid) == nil
			var snapped chan error
			if frames && t == b {
				name := fmt.Sprintf("round%d", i+1)
				snapped = make(chan error, 1)
				go func() {
					time.Sleep(d / 2)
					snapped <- walSnapshot(filepath.Join(bdata, "bouclier.db"), snapDir, name)
				}()
				snaps = append(snaps, name)
			}
			r := load(client, []*target{t}, d, clients)
			if snapped != nil {
				if err := <-snapped; err != nil {
					return fmt.Errorf("WAL snapshot: %w", err)
				}
			}
			after, err := cpuTime(t.cmd.Process.Pid)
			if err != nil {
				return err
			}
			if r.sent > 0 {
				r.cpuPerMsg = (after - before) / time.Duration(r.sent)
			}
			if hwm, err := peakRSS(t.cmd.Process.Pid); err != nil {
				return err
			} else if reset {
				r.peakRSS = hwm
			}
			res[t.name] = append(res[t.name], r)
			load := loadAverage()
			loads = append(loads, load)
			fmt.Printf("round %d %-8s %7.0f msg/s  p50 %6.1f ms  p99 %6.1f ms  CPU %5.0f µs/msg  peak %4d MiB  load %4.1f  failed %d %s\n", i+1, t.label, r.rate,
				ms(r.p50), ms(r.p99), float64(r.cpuPerMsg.Microseconds()), r.peakRSS>>20, load, r.failed, r.firstErr)
		}
	}
	var rate, p99, cpu []float64
	for i := range rounds {
		x, y := res["bouclier"][i], res["bare"][i]
		rate = append(rate, x.rate/y.rate)
		p99 = append(p99, float64(x.p99)/float64(y.p99))
		cpu = append(cpu, float64(x.cpuPerMsg)/float64(y.cpuPerMsg))
	}
	fmt.Printf("\n%d rounds of %s, %d clients, teacher → class of %d over HTTP (min / median / max)\n", rounds, d, clients, classSize)
	fmt.Printf("rate ratio (bouclier / %s):   %s\n", bare.label, mmm(rate))
	fmt.Printf("p99 ratio (bouclier / %s):    %s\n", bare.label, mmm(p99))
	fmt.Printf("CPU per message ratio:          %s\n", mmm(cpu))
	fmt.Printf("load average (1 min, after each round): %s\n", mmm(loads))
	for _, t := range []*target{bare, b} {
		var rates, peaks []float64
		for _, r := range res[t.name] {
			rates = append(rates, r.rate)
			if r.peakRSS > 0 {
				peaks = append(peaks, float64(r.peakRSS>>20))
			}
		}
		hwm, err := peakRSS(t.cmd.Process.Pid)
		if err != nil {
			return err
		}
		fmt.Printf("%-8s rate %s msg/s, peak RSS %d MiB", t.label, mmm(rates), max(hwm, runPeak[t.name])>>20)
		if len(peaks) == len(res[t.name]) {
			fmt.Printf(" (per round %s MiB)", strings.ReplaceAll(mmm(peaks), ".00", ""))
		}
		fmt.Println()
	}
	// Whether the detection held the benchmark's own sender (a drawn
	// text the screen holds opens an incident on the account).
	for _, t := range []*target{bare, b} {
		if t.dir == "" {
			continue
		}
		c, err := readContainment(t.dir)
		if err != nil {
			return fmt.Errorf("%s: %w", t.label, err)
		}
		fmt.Printf("%-8s %s\n", t.label, c)
	}
	if frames {
		printFrames(snapDir, snaps)
	}
	return nil
}

// runNodes measures Bouclier on PostgreSQL: rounds with every client on
// one process alternate with rounds where the clients are spread over two
// processes sharing the database, and the ratio of their rates is printed.
func runNodes(bin, pgURL, work string, rounds int, d time.Duration, clients int, share float64) error {
	if work == "" {
		dir, err := os.MkdirTemp("", "bouclierbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	database, drop, err := createDatabase(pgURL)
	if err != nil {
		return err
	}
	defer drop()
	if err := prepareBouclier(bin, filepath.Join(work, "a"), database); err != nil {
		return err
	}
	a, err := startBouclier(bin, filepath.Join(work, "a"), database, true)
	if err != nil {
		return err
	}
	defer stop(a.cmd)
	b, err := startBouclier(bin, filepath.Join(work, "b"), database, false)
	if err != nil {
		return err
	}
	defer stop(b.cmd)
	pg := postgresCPU(pgURL)
	if share > 0 {
		releases, err := isolate(share, pg, a, b)
		defer func() {
			// A server's group goes once it has stopped.
			stop(a.cmd)
			stop(b.cmd)
			for _, release := range releases {
				release()
			}
		}()
		if err != nil {
			return err
		}
	}
	b.token = a.token // the session lives in the shared database
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: 30 * time.Second}
	if r := load(client, []*target{a, b}, 2*time.Second, clients); r.sent == 0 {
		return fmt.Errorf("no send acknowledged while warming up: %s", r.firstErr)
	}
	var ratio, one, two, busyOne, busyTwo, cpuRatio, ceiling []float64
	for i := range rounds {
		sets := [][]*target{{a}, {a, b}}
		if i%2 == 1 {
			sets[0], sets[1] = sets[1], sets[0]
		}
		var rate, busy, perMsg [2]float64
		for _, set := range sets {
			before, err := readCost(a, b, pg)
			if err != nil {
				return err
			}
			r := load(client, set, d, clients)
			after, err := readCost(a, b, pg)
			if err != nil {
				return err
			}
			k := len(set) - 1
			rate[k], busy[k] = r.rate, busyFraction(before.machine, after.machine)
			servers, database := after.servers-before.servers, after.database-before.database
			if r.sent > 0 {
				perMsg[k] = float64(servers+database) / float64(r.sent) / float64(time.Microsecond)
			}
			dbCost := "PostgreSQL not measured"
			if pg != 0 {
				dbCost = fmt.Sprintf("PostgreSQL %4.0f", float64(database.Microseconds())/float64(max(r.sent, 1)))
			}
			fmt.Printf("round %d %d process(es) %7.0f msg/s  p50 %6.1f ms  p99 %6.1f ms  CPU µs/msg: servers %4.0f, %s  machine busy %3.0f %%  load %4.1f  failed %d %s\n",
				i+1, len(set), r.rate, ms(r.p50), ms(r.p99), float64(servers.Microseconds())/float64(max(r.sent, 1)), dbCost, 100*busy[k], loadAverage(), r.failed, r.firstErr)
		}
		one, two = append(one, rate[0]), append(two, rate[1])
		ratio = append(ratio, rate[1]/rate[0])
		busyOne, busyTwo = append(busyOne, 100*busy[0]), append(busyTwo, 100*busy[1])
		if perMsg[0] > 0 && perMsg[1] > 0 && busy[0] > 0 {
			cpuRatio = append(cpuRatio, perMsg[1]/perMsg[0])
			// What two processes could reach here with every core busy at
			// the CPU per message they were measured at: the machine's
			// headroom left by one process, less what a message costs more.
			ceiling = append(ceiling, perMsg[0]/perMsg[1]/busy[0])
		}
	}
	fmt.Printf("\n%d rounds of %s, %d clients, teacher → class of %d over HTTP, PostgreSQL (min / median / max)\n", rounds, d, clients, classSize)
	if share > 0 {
		fmt.Printf("each Bouclier process capped at %g of a core (CPU cgroup)\n", share)
	}
	fmt.Printf("one process:  %s msg/s\n", mmm(one))
	fmt.Printf("two processes: %s msg/s\n", mmm(two))
	fmt.Printf("two / one:     %s\n", mmm(ratio))
	fmt.Printf("machine busy, one process: %s %%; two processes: %s %% (%d cores)\n", mmm(busyOne), mmm(busyTwo), runtime.NumCPU())
	if len(cpuRatio) > 0 {
		what := "servers and PostgreSQL"
		if pg == 0 {
			what = "servers only, PostgreSQL not measured"
		}
		fmt.Printf("CPU per message (%s), two / one: %s\n", what, mmm(cpuRatio))
		if share == 0 { // capped servers leave the machine's headroom out of it
			fmt.Printf("two / one ceiling on this machine (every core busy at two's CPU per message): %s\n", mmm(ceiling))
		}
	}
	for _, t := range []*target{a, b} {
		hwm, err := peakRSS(t.cmd.Process.Pid)
		if err != nil {
			return err
		}
		fmt.Printf("process peak RSS %d MiB\n", hwm>>20)
	}
	return nil
}

// isolate caps each server at share of a core, and gives the servers, the
// database (when it runs here) and this process priority over the
// machine's other work. It returns what undoes it, even on an error.
func isolate(share float64, postmaster int, servers ...*target) ([]func(), error) {
	var releases []func()
	for i, t := range servers {
		release, err := cpuGroup(fmt.Sprintf("bouclierbench-%d-%d", os.Getpid(), i), share, t.cmd.Process.Pid)
		if err != nil {
			return releases, err
		}
		releases = append(releases, release)
	}
	rest := []int{os.Getpid()}
	if postmaster != 0 {
		children, err := childPIDs(postmaster)
		if err != nil {
			return releases, err
		}
		rest = append(append(rest, postmaster), children...)
	}
	release, err := cpuGroup(fmt.Sprintf("bouclierbench-%d", os.Getpid()), 0, rest...)
	if err != nil {
		return releases, err
	}
	return append(releases, release), nil
}

// createDatabase creates a fresh database on the server at base and
// returns its URL and the function that drops it.
func createDatabase(base string) (string, func(), error) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, err
	}
	name := fmt.Sprintf("bouclier_bench_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create database: %w", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		admin.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	}, nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// mmm formats the minimum, median and maximum of xs.
func mmm(xs []float64) string {
	s := slices.Clone(xs)
	slices.Sort(s)
	return fmt.Sprintf("%.2f / %.2f / %.2f", s[0], s[len(s)/2], s[len(s)-1])
}

// prepareBouclier creates the demo directory, then imports a class of 30
// pupils taught by prof.martin.
func prepareBouclier(bin, dir, database string) error {
	cmd := demoCommand(bin, dir, database)
	if _, err := startProcess(cmd, "écoute sur "); err != nil {
		return err
	}
	stop(cmd)
	files := map[string]string{
		"classes.csv":  "uai,class\n0780001A,3C\n",
		"people.csv":   benchPeople(classSize),
		"teaching.csv": "teacher,uai,class\nprof.martin,0780001A,3C\n",
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	args := []string{"import", "--data", dir}
	if database != "" {
		args = append(args, "--database", database)
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			return err
		}
		args = append(args, p)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("import: %v: %s", err, out)
	}
	return nil
}

// secretKey seals secrets at rest; processes sharing a database share it.
const secretKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

func demoCommand(bin, dir, database string) *exec.Cmd {
	args := []string{"demo", "--data", dir, "--addr", "127.0.0.1:0", "--demo-password", password, "--demo-totp-secret", totpSecret, "--policy", "open"}
	if database != "" {
		args = append(args, "--database", database)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "BOUCLIER_LOG_LEVEL=warn", "BOUCLIER_SECRET_KEY="+secretKey)
	return cmd
}

// startBouclier runs the demo server (every shield stage on; no time
// windows, so that the benchmark runs at any hour) and logs the teacher in.
func startBouclier(bin, dir, database string, login bool) (*target, error) {
	cmd := demoCommand(bin, dir, database)
	base, err := startProcess(cmd, "écoute sur ")
	if err != nil {
		return nil, err
	}
	t := &target{name: "bouclier", label: "bouclier", cmd: cmd, url: base + "/api/v1/messages", to: []string{"class:0780001A/3C"}, dir: dir}
	if !login {
		return t, nil
	}
	otp, err := auth.TOTPCode(totpSecret, time.Now())
	if err != nil {
		return nil, err
	}
	body, _ := json.Marshal(map[string]string{"username": "prof.martin", "password": password, "otp": otp})
	req, _ := http.NewRequest("POST", base+"/api/v1/session", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		stop(cmd)
		return nil, err
	}
	defer resp.Body.Close()
	var out struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusCreated || out.Token == "" {
		stop(cmd)
		return nil, fmt.Errorf("login: status %d: %v", resp.StatusCode, err)
	}
	t.token = out.Token
	return t, nil
}

// startBefore prepares and starts another Bouclier binary as the baseline.
func startBefore(bin, dir string) (*target, error) {
	if err := prepareBouclier(bin, dir, ""); err != nil {
		return nil, err
	}
	t, err := startBouclier(bin, dir, "", true)
	if err != nil {
		return nil, err
	}
	t.name, t.label = "bare", "before"
	return t, nil
}

func startBare(bin, dir string) (*target, error) {
	cmd := exec.Command(bin, "--data", dir, "--addr", "127.0.0.1:0")
	base, err := startProcess(cmd, "listening on ")
	if err != nil {
		return nil, err
	}
	return &target{name: "bare", label: "bare", cmd: cmd, url: base + "/send", token: "bare-bench-token", to: []string{"class:3C"}}, nil
}

// startProcess starts cmd and returns the URL it prints after marker.
func startProcess(cmd *exec.Cmd, marker string) (string, error) {
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", err
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if _, after, ok := strings.Cut(sc.Text(), marker); ok {
			base, _, _ := strings.Cut(after, " ")
			go func() { _, _ = io.Copy(io.Discard, out) }()
			return base, nil
		}
	}
	stop(cmd)
	return "", fmt.Errorf("%s did not start", cmd.Path)
}

func stop(cmd *exec.Cmd) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

var words = strings.Fields(`devoirs exercice chapitre leçon contrôle sortie réunion parents cahier
	manuel page lecture rédaction calculatrice géométrie fractions histoire géographie sciences
	anglais espagnol musique sport piscine cantine bibliothèque projet exposé groupe demain lundi
	mardi jeudi vendredi matin après-midi salle horaire rappel merci bonne journée apporter réviser`)

// text returns a varied message of 8 to 30 words.
func text() string {
	n := 8 + rand.IntN(23)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[rand.IntN(len(words))])
	}
	b.WriteString(" (" + strconv.Itoa(rand.IntN(1000)) + ").")
	return b.String()
}

// load sends from clients goroutines, spread over targets, for d and
// measures.
func load(client *http.Client, targets []*target, d time.Duration, clients int) result {
	var (
		mu   sync.Mutex
		lat  []time.Duration
		res  result
		wg   sync.WaitGroup
		stop = time.Now().Add(d)
	)
	start := time.Now()
	for c := range clients {
		t := targets[c%len(targets)]
		wg.Go(func() {
			var mine []time.Duration
			failed, firstErr := 0, ""
			for time.Now().Before(stop) {
				s := time.Now()
				if err := send(client, t, text()); err != nil {
					failed++
					if firstErr == "" {
						firstErr = err.Error()
					}
					continue
				}
				mine = append(mine, time.Since(s))
			}
			mu.Lock()
			lat = append(lat, mine...)
			res.failed += failed
			if res.firstErr == "" {
				res.firstErr = firstErr
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	res.sent = len(lat)
	res.rate = float64(res.sent) / elapsed.Seconds()
	if len(lat) > 0 {
		slices.Sort(lat)
		res.p50 = lat[len(lat)/2]
		res.p99 = lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return res
}

// send sends one message of body to t's recipients.
func send(client *http.Client, t *target, body string) error {
	b, _ := json.Marshal(map[string]any{"to": t.to, "subject": "Devoirs de la semaine", "body": body})
	req, _ := http.NewRequestWithContext(context.Background(), "POST", t.url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+t.token)
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return fmt.Errorf("%d %s", resp.StatusCode, bytes.TrimSpace(msg))
	}
	return nil
}

// loadAverage returns the machine's load average over the last minute
// (/proc/loadavg), or -1 if it cannot be read: the other work running
// beside the benchmark, which moves the rates of a round.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return v
}

// cpuTime returns the user and system CPU time a process has used.
func cpuTime(pid int) (time.Duration, error) {
	own, _, _, err := procTimes(pid)
	return own, err
}

// peakRSS returns a process's peak resident set size (VmHWM).
func peakRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, errors.New("no VmHWM")
}

// resetPeakRSS resets a process's peak resident set (VmHWM) to its
// current resident set (Linux: /proc/PID/clear_refs), so that the next
// read of the peak is that of what ran since.
func resetPeakRSS(pid int) error {
	return os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0)
}

// benchPeople is the import file of the bench's class: n pupils named as
// the demo names people (demo.PersonName), so that the pages measured
// show names of the length people have, not « Élève 7 ».
func benchPeople(n int) string {
	var people bytes.Buffer
	people.WriteString("username,display_name,role,academie,uai,class,email\n")
	for i := range n {
		fmt.Fprintf(&people, "banc.eleve%02d,%s,student,versailles,0780001A,3C,\n", i, demo.PersonName(i))
	}
	return people.String()
}
