package main

import (
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/bouclier/bouclier/internal/auth"
)

// runInbox measures the web inbox page over HTTP for a pupil whose inbox
// holds fill messages against a pupil of the same school whose inbox is
// empty (the demo's), in interleaved rounds on the same server: the
// teacher first sends fill messages to the full pupil's class through the
// send path, then each round requests both pages.
func runInbox(bin, work string, rounds, fill, clients int) error {
	if work == "" {
		dir, err := os.MkdirTemp("", "bouclierbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	dir := filepath.Join(work, "inbox")
	if err := prepareBouclier(bin, dir, ""); err != nil {
		return err
	}
	b, err := startBouclier(bin, dir, "", true)
	if err != nil {
		return err
	}
	defer stop(b.cmd)
	base := strings.TrimSuffix(b.url, "/api/v1/messages")
	// eleve.dupont is the only pupil of 4A; eleve.durand, in 4B, gets nothing.
	b.to = []string{"class:0780001A/4A"}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: 30 * time.Second}
	start, sent := time.Now(), 0
	for sent < fill {
		r := load(client, []*target{b}, 5*time.Second, clients)
		if r.sent == 0 {
			return fmt.Errorf("filling the inbox: no send acknowledged: %s", r.firstErr)
		}
		sent += r.sent
	}
	fmt.Printf("filled: %d messages to eleve.dupont in %s\n", sent, time.Since(start).Round(time.Second))
	full, err := webLogin(base, "eleve.dupont")
	if err != nil {
		return err
	}
	empty, err := webLogin(base, "eleve.durand")
	if err != nil {
		return err
	}
	pid := b.cmd.Process.Pid
	// The campaign worker assesses the messages just sent for a while
	// after the fill; pages timed meanwhile measure it, not the inbox.
	waited, err := settle(pid, time.Minute)
	if err != nil {
		return err
	}
	fmt.Printf("server idle after %s\n", waited.Round(time.Second))
	const perRound = 100
	var ratios, cpuRatios, fullMed, emptyMed []float64
	cpuTotal := map[*http.Client]time.Duration{}
	for i := range rounds {
		order := []*http.Client{empty, full}
		if i%2 == 1 {
			order = []*http.Client{full, empty}
		}
		med, cpu := map[*http.Client]time.Duration{}, map[*http.Client]time.Duration{}
		for _, c := range order {
			var lat []time.Duration
			c0, err := cpuTime(pid)
			if err != nil {
				return err
			}
			for range perRound {
				d, err := getPage(c, base+"/inbox")
				if err != nil {
					return err
				}
				lat = append(lat, d)
			}
			c1, err := cpuTime(pid)
			if err != nil {
				return err
			}
			slices.Sort(lat)
			med[c], cpu[c] = lat[len(lat)/2], c1-c0
			cpuTotal[c] += c1 - c0
		}
		ratios = append(ratios, float64(med[full])/float64(med[empty]))
		if cpu[empty] > 0 {
			cpuRatios = append(cpuRatios, float64(cpu[full])/float64(cpu[empty]))
		}
		fullMed, emptyMed = append(fullMed, ms(med[full])), append(emptyMed, ms(med[empty]))
		fmt.Printf("round %d inbox median: %d messages %.2f ms, empty %.2f ms; server CPU per page %.0f µs, empty %.0f µs\n", i+1, sent,
			ms(med[full]), ms(med[empty]), us(cpu[full])/perRound, us(cpu[empty])/perRound)
	}
	fmt.Printf("\n%d rounds of %d pages each (min / median / max of the per-round medians)\n", rounds, perRound)
	fmt.Printf("inbox, %d messages:   %s ms\n", sent, mmm(fullMed))
	fmt.Printf("inbox, empty:        %s ms\n", mmm(emptyMed))
	fmt.Printf("ratio full / empty:  %s\n", mmm(ratios))
	// The server's CPU time, read in clock ticks of 10 ms: a round's
	// ratio is rough, the total over all rounds less so; the other
	// processes of a shared machine stretch it much less than the wall
	// clock.
	if len(cpuRatios) > 0 {
		fmt.Printf("server CPU, full / empty: %s per round, %.2f over all rounds\n", mmm(cpuRatios),
			float64(cpuTotal[full])/float64(max(cpuTotal[empty], 1)))
	}
	return nil
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// settle waits, at most limit, until process pid uses under 5 % of a core
// over a second, and returns how long it waited.
func settle(pid int, limit time.Duration) (time.Duration, error) {
	start := time.Now()
	for time.Since(start) < limit {
		c0, err := cpuTime(pid)
		if err != nil {
			return 0, err
		}
		time.Sleep(time.Second)
		c1, err := cpuTime(pid)
		if err != nil {
			return 0, err
		}
		if c1-c0 < 50*time.Millisecond {
			break
		}
	}
	return time.Since(start), nil
}

var (
	csrfField    = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	pendingField = regexp.MustCompile(`name="pending" value="([^"]+)"`)
)

// webLogin signs a demo account in through the login form and returns a
// client carrying its session cookie.
func webLogin(base, user string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page, status, err := request(c, "GET", base+"/login", nil)
	if err != nil {
		return nil, err
	}
	m := csrfField.FindStringSubmatch(page)
	if status != http.StatusOK || m == nil {
		return nil, fmt.Errorf("login page: status %d, no form token", status)
	}
	tok := html.UnescapeString(m[1])
	page, status, err = request(c, "POST", base+"/login", url.Values{"csrf": {tok}, "username": {user}, "password": {password}})
	if err != nil {
		return nil, err
	}
	if p := pendingField.FindStringSubmatch(page); status == http.StatusOK && p != nil {
		otp, err := auth.TOTPCode(totpSecret, time.Now())
		if err != nil {
			return nil, err
		}
		_, status, err = request(c, "POST", base+"/login", url.Values{"csrf": {tok}, "pending": {html.UnescapeString(p[1])}, "otp": {otp}})
		if err != nil {
			return nil, err
		}
	}
	if status != http.StatusSeeOther {
		return nil, fmt.Errorf("login %s: status %d", user, status)
	}
	return c, nil
}

func request(c *http.Client, method, u string, form url.Values) (string, int, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("User-Agent", userAgent)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), resp.StatusCode, err
}

// getPage fetches a signed-in page whole and returns how long it took.
func getPage(c *http.Client, u string) (time.Duration, error) {
	t := time.Now()
	page, status, err := request(c, "GET", u, nil)
	d := time.Since(t)
	if err != nil {
		return 0, err
	}
	if status != http.StatusOK || !strings.Contains(page, "csrf") {
		return 0, errors.New("inbox: status " + fmt.Sprint(status))
	}
	return d, nil
}
