package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/store"
)

// The security dashboard: messages sent, held and refused per hour over
// the last 24 hours, open incidents, and accounts at risk, in the user's
// scope. The charts are inline SVG drawn here, with a title, a description
// and the same figures in a table for those who cannot see them.

const (
	chartW, chartH   = 720, 272
	chartLeft        = 92 // room for the axis labels, larger on a phone
	chartTop         = 20
	chartBottom      = 48 // room for the hours, below the 0 at any type size
	chartPlotH       = chartH - chartTop - chartBottom
	chartPlotW       = chartW - chartLeft - 8
	dashboardHours   = 24
	dashboardRiskMax = 20
	// riskCountMax bounds the accounts read to count those at risk: the
	// figures and bars count them all up to it (an incident contains
	// hundreds), the table shows the dashboardRiskMax most active.
	riskCountMax = 5000
)

type dashboardData struct {
	Scope    string
	Hours    []hourRow
	Totals   hourRow
	Chart    chart
	RiskBars riskBars
	Open     []store.Campaign
	Campaign bool
	Risk     []store.RiskAccount
	// RiskTotal is how many accounts are at risk, RiskMore that there are
	// more than riskCountMax (RiskTotal is then that bound).
	RiskTotal int
	RiskMore  bool
	Since     int64
}

type hourRow struct {
	Label                   string // "14 h"
	Sent, Held, Refused, At int
}

type chart struct {
	Bars   []bar
	Ticks  []tick // y axis
	Labels []tick // x axis
	Max    int
}

type bar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

type tick struct {
	X, Y  float64
	Label string
}

// dashboardShow renders the dashboard.
func (h *handler) dashboardShow(w http.ResponseWriter, r *http.Request, s auth.Session) {
	if h.d.DB == nil {
		h.fail(w, r, &s, bouclier.Errorf(bouclier.ErrNotFound, "Le tableau de bord n’est pas disponible sur ce serveur."))
		return
	}
	ctx := r.Context()
	loc := h.location(s.User)
	now := h.d.Now()
	since := now.In(loc).Truncate(time.Hour).Add(-(dashboardHours - 1) * time.Hour)
	sc := store.ParseStatsScope(s.User.Scope())
	counts, err := h.d.DB.MessagesPerHour(ctx, sc, store.Micros(since), store.Micros(now)+1)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	d := dashboardData{Scope: h.scopeTitle(ctx, s.User.Scope()), Hours: make([]hourRow, dashboardHours), Since: store.Micros(since),
		Campaign: h.d.Campaign != nil}
	for i := range d.Hours {
		d.Hours[i].Label = fmt.Sprintf("%d h", since.Add(time.Duration(i)*time.Hour).In(loc).Hour())
	}
	for _, c := range counts {
		if c.Hour < 0 || c.Hour >= dashboardHours {
			continue
		}
		row := &d.Hours[c.Hour]
		switch bouclier.MessageStatus(c.Status) {
		case bouclier.StatusHeld:
			row.Held += c.N
			d.Totals.Held += c.N
		case bouclier.StatusRejected:
			row.Refused += c.N
			d.Totals.Refused += c.N
		default:
			row.Sent += c.N
			d.Totals.Sent += c.N
		}
	}
	d.Chart = hourChart(d.Hours)
	if h.d.Campaign != nil {
		all, err := h.d.Campaign.Incidents(ctx, actorOf(r, s))
		if err != nil {
			h.fail(w, r, &s, err)
			return
		}
		for _, c := range all {
			if c.Status == "open" {
				d.Open = append(d.Open, c)
			}
		}
	}
	risk, err := h.d.DB.AccountsAtRisk(ctx, sc, store.Micros(now), store.Micros(now.Add(-24*time.Hour)), riskCountMax)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	d.RiskBars, d.RiskTotal, d.RiskMore = riskChart(risk), len(risk), len(risk) == riskCountMax
	d.Risk = risk[:min(len(risk), dashboardRiskMax)]
	p := h.newPage(ctx, &s, "Tableau de bord", "admin")
	p.Data = d
	h.render(w, http.StatusOK, "dashboard", p)
}

// niceMax rounds a maximum up to 1, 2 or 5 times a power of ten, at least 4.
func niceMax(n int) int {
	if n < 4 {
		return 4
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}

// hourChart stacks each hour's sent, held and refused messages.
func hourChart(hours []hourRow) chart {
	peak := 0
	for _, hr := range hours {
		peak = max(peak, hr.Sent+hr.Held+hr.Refused)
	}
	c := chart{Max: niceMax(peak)}
	slot := float64(chartPlotW) / float64(len(hours))
	bw := slot * 0.7
	scale := float64(chartPlotH) / float64(c.Max)
	base := float64(chartTop + chartPlotH)
	for i := 0; i <= 4; i++ {
		v := c.Max * i / 4
		c.Ticks = append(c.Ticks, tick{X: chartLeft - 6, Y: base - float64(v)*scale, Label: frnum.Thousands(v)})
	}
	for i, hr := range hours {
		x := chartLeft + float64(i)*slot + (slot-bw)/2
		y := base
		for _, part := range []struct {
			n          int
			class, txt string
		}{{hr.Sent, "sent", "envoyé"}, {hr.Held, "held", "retenu"}, {hr.Refused, "refused", "refusé"}} {
			if part.n == 0 {
				continue
			}
			if part.n > 1 {
				part.txt += "s"
			}
			hgt := float64(part.n) * scale
			y -= hgt
			c.Bars = append(c.Bars, bar{X: x, Y: y, W: bw, H: hgt, Class: part.class,
				Title: fmt.Sprintf("%s\u00a0: %d %s", hr.Label, part.n, part.txt)})
		}
		if i%3 == 0 {
			c.Labels = append(c.Labels, tick{X: x + bw/2, Y: base + 32, Label: hr.Label})
		}
	}
	return c
}

// riskBars counts the accounts at risk by kind, each drawn as a <meter>:
// HTML, so that its labels keep the text's size on a phone (an SVG's
// shrink with it).
type riskBars struct {
	Rows []riskRow
	Max  int
}

type riskRow struct {
	Label string
	N     int
}

// riskChart counts the accounts at risk by kind.
func riskChart(list []store.RiskAccount) riskBars {
	var locked, ro, closed, devices, reset int
	for _, a := range list {
		if a.LockedUntil != 0 {
			locked++
		}
		if a.ReadOnly {
			ro++
		}
		if a.ClosedAttempts > 0 {
			closed++
		}
		if a.NewDevices > 0 {
			devices++
		}
		if a.MustReset {
			reset++
		}
	}
	return riskBars{Max: niceMax(max(locked, ro, closed, devices, reset)), Rows: []riskRow{{"Verrouillés", locked}, {"Lecture seule", ro},
		{"À réactiver", reset}, {"Envois hors horaires", closed}, {"Nouveaux appareils", devices}}}
}
