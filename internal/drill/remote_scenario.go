package drill

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
)

// RunRemoteScenario replays one scenario against the running server at
// o.URL, on its store (o.DataDir or o.DatabaseURL, fresh): the directory,
// the day before and every account's home browser are written to the
// store as the in-process run does; the scenario's ten minutes then go
// over HTTP, compressed by o.Speed, each account logging in with its
// password (and TOTP code) from the browser and network its session kind
// says, given to the server in X-Forwarded-For — the server must trust
// this machine as its proxy (--trusted-proxies 127.0.0.1):
//
//   - home (the owner, or a cookie replayed from the owner's own browser
//     and network): the owner's browser, their home address;
//   - fresh: another browser at home;
//   - new-device: the attacker's browser and network;
//   - stolen-token: the owner's browser from the attacker's network.
//
// Sessions are opened just before the morning, so the scenario's
// LoginBefore is not reproduced (every session is young). The server's
// own worker and sweeper act; what is visible is read from the store
// every 100 ms. The row's times are real seconds (the wave's messages
// come o.Speed times closer together than in process); after the last
// event the server gets 65 s for every probation to end.
func RunRemoteScenario(ctx context.Context, o Options, sc Scenario) (Row, error) {
	wall := time.Now()
	if o.Speed == 0 {
		o.Speed = DefaultSpeed
	}
	r, closeApp, err := remoteSetup(ctx, o)
	if err != nil {
		return Row{}, err
	}
	defer closeApp()
	d := r.d
	d.sessions = nil
	if err := d.history(ctx); err != nil {
		return Row{}, err
	}
	if err := d.devices(ctx); err != nil {
		return Row{}, err
	}
	s := &scene{d: d, sc: sc, row: Row{Scenario: sc.Name, Attack: sc.Attack != nil && sc.Attack.Text != TextTemplate, Tuned: sc.Tuned, VisibleUpTo: sc.VisibleUpTo},
		visible: map[int64]time.Duration{}, seen: map[int64]bool{}, attackIDs: map[int64]bool{}, legitIDs: map[int64]bool{}, legitSenders: map[string]bool{}}
	rs := &remoteScene{r: r, s: s, tokens: map[string]string{}}
	if err := rs.run(ctx); err != nil {
		return s.row, err
	}
	s.row.WallSeconds = time.Since(wall).Seconds()
	return s.row, nil
}

// remoteScene is a scenario replayed over HTTP.
type remoteScene struct {
	r      *remote
	s      *scene
	tokens map[string]string // username|how → session token
	mu     sync.Mutex        // guards s.visible, s.seen, s.hiddenAt, s.attackIDs
	t0     time.Time
}

const androidAgent = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"

// browser returns the agent and address a session kind sends from.
func (rs *remoteScene) browser(name, how string) (agent, addr string) {
	u := rs.s.d.users[name]
	addr, agent = home(u)
	switch how {
	case "fresh":
		agent = androidAgent
	case "new-device":
		agent, addr = attackerAgent, fmt.Sprintf("203.0.113.%d", 1+u.ID%250)
	case "stolen-token":
		addr = fmt.Sprintf("198.51.100.%d", 1+u.ID%250)
	}
	return agent, addr
}

// token logs name in for a session kind once.
func (rs *remoteScene) token(ctx context.Context, name, how string) (string, error) {
	key := name + "|" + how
	if t, ok := rs.tokens[key]; ok {
		return t, nil
	}
	agent, addr := rs.browser(name, how)
	t, err := rs.r.loginFrom(ctx, name, agent, addr)
	if err != nil {
		return "", fmt.Errorf("drill: login %s (%s): %w", name, how, err)
	}
	rs.tokens[key] = t
	return t, nil
}

func (rs *remoteScene) run(ctx context.Context) error {
	s, d := rs.s, rs.s.d
	evs := s.plan()
	enrolled, err := s.enrol(ctx, evs)
	if err != nil {
		return err
	}
	rs.r.enrolled = enrolled
	// Every session opens before the morning, as the owners' browsers and
	// the attackers' logins did.
	for _, e := range evs {
		if e.kind == "report" || e.kind == "tick" {
			continue
		}
		if _, err := rs.token(ctx, e.from, e.how); err != nil {
			return err
		}
	}
	rs.t0 = time.Now()
	pollCtx, stopPoll := context.WithCancel(ctx)
	pollDone := make(chan error, 1)
	go func() { pollDone <- pollEvery(pollCtx, rs.check) }()
	defer stopPoll()
	bySeq := map[int]int64{}
	s.waveAt, s.firstAttack = unset, unset
	senders, schools := map[string]bool{}, map[string]bool{}
	for _, e := range evs {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Until(rs.t0.Add(time.Duration(float64(e.at) / rs.r.speed)))):
		}
		if e.kind == "tick" {
			continue // the server's own worker and deliverer run
		}
		if e.kind == "report" {
			if err := rs.report(ctx, bySeq[e.ofSeq], e.reports); err != nil {
				return err
			}
			continue
		}
		tok, err := rs.token(ctx, e.from, e.how)
		if err != nil {
			return err
		}
		agent, addr := rs.browser(e.from, e.how)
		in := map[string]any{"to": e.to, "subject": e.subject, "body": e.body}
		if !e.sendAt.IsZero() {
			// The morning's instants map to the server's real time.
			in["send_at"] = rs.t0.Add(time.Duration(float64(e.sendAt.Sub(start)) / rs.r.speed))
		}
		if e.parent != 0 {
			in["reply_to"] = strconv.FormatInt(bySeq[e.parent], 10)
		}
		var atts []map[string]string
		for _, f := range e.files {
			atts = append(atts, map[string]string{"name": f.Name, "content_type": f.ContentType, "base64": base64.StdEncoding.EncodeToString(f.Data)})
		}
		if atts != nil {
			in["attachments"] = atts
		}
		var res sendResult
		err = rs.r.postFrom(ctx, "/api/v1/messages", tok, agent, addr, in, &res)
		var ae *apiError
		if err != nil && !errors.As(err, &ae) {
			return fmt.Errorf("drill: %s from %s: %w", e.kind, e.from, err)
		}
		id, _ := strconv.ParseInt(res.ID, 10, 64)
		at := time.Since(rs.t0)
		switch e.kind {
		case "attack":
			if s.firstAttack == unset {
				s.firstAttack = at
			}
			if err != nil && ae.code != bouclier.ErrRejectedContent {
				d.o.Log.Info("attack refused", "from", e.from, "err", err)
				s.row.Refused++
				continue
			}
			s.row.Messages++
			if err != nil {
				continue // rejected: stored, never visible
			}
			n, err := d.copies(ctx, id)
			if err != nil {
				return err
			}
			rs.mu.Lock()
			s.attackIDs[id] = true
			s.row.Copies += n
			if res.Status == string(bouclier.StatusDelivered) {
				s.row.CopiesVisible += n
				s.visible[id], s.seen[id] = at, true
			}
			rs.mu.Unlock()
			bySeq[e.seq] = id
			senders[e.from] = true
			schools[strings.SplitN(e.from, ".", 3)[1]] = true
			if s.waveAt == unset && s.sc.Attack.waveBegun(len(senders), len(schools)) {
				s.waveAt = at
				if !e.sendAt.IsZero() {
					s.waveAt = max(at, time.Duration(float64(e.sendAt.Sub(start))/rs.r.speed))
				}
			}
		case "legit":
			s.legitSenders[e.from] = true
			if err != nil {
				return fmt.Errorf("drill: genuine message from %s refused: %w", e.from, err)
			}
			s.row.LegitSent++
			s.legitIDs[id] = true
			if e.seq < 0 {
				bySeq[e.seq] = id
			}
		case "ordinary":
			if err != nil {
				continue
			}
			s.row.OrdinarySent++
			s.ordinaryIDs = append(s.ordinaryIDs, id)
		}
	}
	// Every probation ends within the minute after the last event.
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(65 * time.Second):
	}
	stopPoll()
	if err := <-pollDone; err != nil {
		return err
	}
	if err := rs.check(ctx); err != nil {
		return err
	}
	d.clk.t = start.Add(time.Since(rs.t0))
	return s.measure(ctx)
}

// report has n parents or teachers among a message's recipients report
// it over HTTP, from their home browsers.
func (rs *remoteScene) report(ctx context.Context, id int64, n int) error {
	if id == 0 {
		return nil
	}
	us, err := rs.s.d.app.DB.Recipients(ctx, id)
	if err != nil {
		return err
	}
	for _, u := range us {
		if n == 0 {
			break
		}
		if u.Role != bouclier.RoleParent && u.Role != bouclier.RoleTeacher {
			continue
		}
		tok, err := rs.token(ctx, u.Username, "home")
		if err != nil {
			return err
		}
		agent, addr := rs.browser(u.Username, "home")
		err = rs.r.postFrom(ctx, fmt.Sprintf("/api/v1/messages/%d/report", id), tok, agent, addr, map[string]string{"reason": "message inquiétant"}, nil)
		var ae *apiError
		if err != nil && !(errors.As(err, &ae) && ae.code == bouclier.ErrNotFound) {
			return fmt.Errorf("drill: report: %w", err)
		}
		n--
	}
	return nil
}

// check records when attack messages become visible (a hold released)
// and when they stop being.
func (rs *remoteScene) check(ctx context.Context) error {
	s := rs.s
	rs.mu.Lock()
	ids := make([]int64, 0, len(s.attackIDs))
	for id := range s.attackIDs {
		ids = append(ids, id)
	}
	rs.mu.Unlock()
	for _, id := range ids {
		n, err := s.d.app.DB.VisibleCopies(ctx, id)
		if err != nil {
			return err
		}
		at := time.Since(rs.t0)
		rs.mu.Lock()
		_, vis := s.visible[id]
		switch {
		case n > 0 && !s.seen[id]:
			s.seen[id] = true
			s.row.CopiesVisible += n
			s.visible[id] = at
		case n == 0 && vis:
			s.hiddenAt = append(s.hiddenAt, at)
			delete(s.visible, id)
		}
		rs.mu.Unlock()
	}
	return nil
}
