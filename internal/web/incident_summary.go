package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/campaign"
	"github.com/bouclier/bouclier/internal/frdate"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/textfold"
)

// An incident at académie scale has thousands of messages, hundreds of
// establishments and accounts: its page summarises (counts, a chart of
// the messages over time, the most frequent texts) and pages the lists,
// so that its size does not grow with the incident.

// A page of each list is short enough that a phone user scrolls past it
// to the timeline and the closing form: 10 establishments (the most
// active first) and 20 accounts, about 30 rows in all.
const (
	placesPage     = 10 // establishments per page
	accountsPage   = 20 // accounts per page
	incidentTexts  = 5  // most frequent texts shown
	incidentEvents = 20 // latest timeline events shown
	excerptRunes   = 280
	foldOver       = 5 // a list longer than this is folded (incidentData.OpenPlaces)
)

type incidentData struct {
	campaign.Incident
	Chart         incidentChart
	Texts         []store.CampaignText
	Places        []placeRow // this page of establishments
	PlacesPage    pager
	AccountRows   []accountRow // this page of accounts
	ClosedByLabel string       // who closed it, as a person
	AccountsPage  pager
	Query         string // account search
	Events        []store.CampaignEvent
	EarlierEvents int
	CanAct        bool // open, with messages or places to act on
	// The lists are folded under the counts, so that an officer on a
	// phone reaches the actions and the chart, not walls of names; a
	// list is open when short or when the officer is paging or
	// searching it.
	OpenPlaces, OpenAccounts, OpenEvents bool
	// Within the user's authority (incidentScope): the establishments
	// listed and acted on; the others are counted, not named.
	Mine, Others int
	// Suspended: how many of the user's establishments the incident's
	// suspension holds; SuspendedIDs, those the user may lift (at once,
	// suspensionLiftGroup); ToSuspend: those still open.
	Suspended      int
	SuspendedIDs   []string
	LiftLabel      string
	SuspendedLabel string
	SuspendedSince int64
	ToSuspend      int
	ToSuspendLabel string
	// Contained: the incident's accounts already in read-only or closed.
	Contained      int
	ToContainLabel string
	MessagesLabel  string
	AccountsLabel  string
	PlacesLabel    string
	AcademiesLabel string
}

// placeRow is one of the incident's establishments with its part in it
// (store.IncidentPlaces).
type placeRow struct {
	UAI, Name          string
	Messages, Accounts int
}

// pager is one list's page links.
type pager struct {
	Label       string // the navigation's name, unique in the page
	Page, Pages int
	Prev, Next  string
	First, Last int // 1-based positions shown
	Total       int
}

// incidentChart is the SVG histogram of the incident's messages, with
// its axes: a reader must tell 3 messages from 300.
type incidentChart struct {
	Bars   []chartBar
	Ticks  []tick       // y axis: message counts
	Labels []chartLabel // x axis: start times
	Rows   []chartRow   // the text alternative
	Max    int          // the y axis' top, a round number
	Peak   int          // the largest bar
	Total  int
	Step   string // « par heure », « par quart d’heure »…
	XTitle string // « Heure de début », « Jour »
	Desc   string // the figures, for who cannot see the bars
}

type chartBar struct {
	X, Y, W, H float64
	Title      string
}

type chartLabel struct {
	X      float64
	Label  string
	Anchor string // text-anchor: the first and last stay inside the chart
}

type chartRow struct {
	From  string
	Count int
}

func (h *handler) incidentSummary(ctx context.Context, r *http.Request, u bouclier.User, in campaign.Incident) (incidentData, error) {
	d := incidentData{Incident: in}
	d.MessagesLabel = frnum.Count(in.Messages, "message", "messages")
	d.AccountsLabel = frnum.Count(len(in.Accounts), "compte", "comptes")
	d.PlacesLabel = frnum.Count(len(in.Establishments), "établissement", "établissements")
	d.AcademiesLabel = frnum.Count(len(in.Academies), "académie", "académies")
	d.CanAct = in.Status == "open" && (in.Messages > 0 || len(in.Establishments) > 0 || len(in.Accounts) > 0)
	q := r.URL.Query()
	if h.d.DB != nil {
		var err error
		if d.Texts, err = h.d.DB.CampaignTexts(ctx, in.ID, incidentTexts); err != nil {
			return d, err
		}
		for i := range d.Texts {
			d.Texts[i].Body = excerpt(d.Texts[i].Body)
		}
		times, err := h.d.DB.CampaignTimes(ctx, in.ID)
		if err != nil {
			return d, err
		}
		d.Chart = buildChart(times, h.location(u))
	}
	// Establishments by name, then UAI.
	names := map[string]string{}
	if h.d.DB != nil {
		for _, a := range in.Academies {
			es, err := h.d.DB.Establishments(ctx, a)
			if err != nil {
				return d, err
			}
			for _, e := range es {
				names[e.UAI] = e.Name
			}
		}
	}
	mine, err := h.incidentScope(ctx, u, in)
	if err != nil {
		return d, err
	}
	// Each establishment's messages and accounts in the incident: the
	// officer calls the most active schools first.
	counts := map[string]store.IncidentPlace{}
	if h.d.DB != nil {
		parts, err := h.d.DB.IncidentPlaces(ctx, in.ID)
		if err != nil {
			return d, err
		}
		for _, x := range parts {
			counts[x.UAI] = x
		}
	}
	var places []placeRow
	for _, uai := range mine {
		c := counts[uai]
		places = append(places, placeRow{UAI: uai, Name: names[uai], Messages: c.Messages, Accounts: c.Accounts})
	}
	d.Mine, d.Others = len(mine), len(in.Establishments)-len(mine)
	// Most messages first, then by name, the unnamed last.
	sort.SliceStable(places, func(i, j int) bool {
		if places[i].Messages != places[j].Messages {
			return places[i].Messages > places[j].Messages
		}
		a, b := places[i].Name, places[j].Name
		if a == "" || b == "" {
			return a != "" && b == ""
		}
		return a < b
	})
	base := "/admin/incidents/" + strconv.FormatInt(in.ID, 10)
	var lo, hi int
	d.PlacesPage, lo, hi = paginate(len(places), placesPage, pageParam(q, "etablissements"), func(n int) string { return pageLink(base, q, "etablissements", n) + "#etablissements" })
	d.Places, d.PlacesPage.Label = places[lo:hi], "Pages des établissements"
	// Accounts, searchable.
	accounts := in.Accounts
	if d.Query = strings.TrimSpace(q.Get("compte")); d.Query != "" {
		accounts = h.matchAccounts(ctx, in.Accounts, d.Query)
	}
	d.AccountsPage, lo, hi = paginate(len(accounts), accountsPage, pageParam(q, "comptes"), func(n int) string { return pageLink(base, q, "comptes", n) + "#comptes" })
	d.AccountRows, d.AccountsPage.Label = h.accountRows(ctx, accounts[lo:hi]), "Pages des comptes"
	// Each account's establishment, for an officer: which school to call.
	for i, a := range d.AccountRows {
		if a.UAI != "" && a.UAI != u.UAI {
			d.AccountRows[i].Place = names[a.UAI]
		}
	}
	d.OpenPlaces = len(places) <= foldOver || q.Has("etablissements")
	d.OpenAccounts = len(accounts) <= foldOver || q.Has("comptes") || d.Query != ""
	d.OpenEvents = len(in.Timeline) <= foldOver
	if in.ClosedBy != "" {
		d.ClosedByLabel = h.accountRows(ctx, []string{in.ClosedBy})[0].Label
	}
	// The latest events only.
	d.Events = in.Timeline
	if n := len(d.Events); n > incidentEvents {
		d.EarlierEvents = n - incidentEvents
		d.Events = d.Events[n-incidentEvents:]
	}
	if d.Others > 0 {
		d.Events = slices.Clone(d.Events)
		for i, ev := range d.Events {
			if ev.Kind == "locked" {
				d.Events[i].Detail = lockedInScope(ev.Detail, in.Accounts)
			}
		}
	}
	return d, nil
}

// lockedInScope keeps, in a "locked" event's list of accounts
// (« …\u00a0: eleve.a, eleve.b »), those the reader may see, and counts the
// others: a head reads their own establishment's accounts, not the logins
// of the académie's other establishments.
func lockedInScope(detail string, visible []string) string {
	i := strings.LastIndex(detail, ": ")
	if i < 0 {
		return detail
	}
	head, list := strings.TrimRight(detail[:i], " \u00a0"), strings.Split(detail[i+2:], ", ")
	seen := map[string]bool{}
	for _, a := range visible {
		seen[a] = true
	}
	var kept []string
	for _, a := range list {
		if seen[a] {
			kept = append(kept, a)
		}
	}
	others := frnum.Count(len(list)-len(kept), "compte", "comptes") + " d’autres établissements"
	switch {
	case len(kept) == len(list):
		return detail
	case len(kept) == 0:
		return head + "\u00a0: " + others
	}
	return head + "\u00a0: " + strings.Join(kept, ", ") + " et " + others
}

// matchAccounts keeps the accounts whose login or name contains query,
// ignoring case and accents: an officer searches « Helene » as often as a
// login. The names of the accounts whose login does not match are read
// in one query; if it fails, the logins alone are searched.
func (h *handler) matchAccounts(ctx context.Context, accounts []string, query string) []string {
	needle := textfold.Fold(query)
	login := func(a string) bool { return strings.Contains(textfold.Fold(a), needle) }
	var rest []string
	for _, a := range accounts {
		if !login(a) {
			rest = append(rest, a)
		}
	}
	named := map[string]bool{}
	if h.d.DB != nil && len(rest) > 0 {
		users, err := h.d.DB.UsersNamed(ctx, rest)
		if err != nil {
			h.d.Log.Warn("incident: search accounts by name", "err", err)
		}
		for _, u := range users {
			if strings.Contains(textfold.Fold(u.DisplayName), needle) {
				named[u.Username] = true
			}
		}
	}
	var out []string
	for _, a := range accounts {
		if named[a] || login(a) {
			out = append(out, a)
		}
	}
	return out
}

// incidentScope is the incident's establishments within u's authority:
// all of an académie u administers, else those u heads. A head sees an
// académie-wide incident's figures, but names and acts on their own
// establishment only; the service checks each action again.
func (h *handler) incidentScope(ctx context.Context, u bouclier.User, in campaign.Incident) ([]string, error) {
	if h.d.Directory == nil {
		return in.Establishments, nil
	}
	var out []string
	whole := map[string]bool{}
	for _, a := range in.Academies {
		ok, err := h.d.Directory.HasAuthority(ctx, u, "academie:"+a)
		if err != nil {
			return nil, err
		}
		whole[a] = ok
	}
	anyWhole := false
	for _, ok := range whole {
		anyWhole = anyWhole || ok
	}
	if anyWhole && len(in.Academies) == 1 {
		return in.Establishments, nil
	}
	for _, uai := range in.Establishments {
		ok, err := h.d.Directory.HasAuthority(ctx, u, "establishment:"+uai)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, uai)
		}
	}
	return out, nil
}

// incidentSuspendReason is the reason of the suspensions an incident
// puts on its establishments, by which the page finds them again. It
// follows « Messagerie suspendue\u00a0: » in the banner of those it stops.
func incidentSuspendReason(id int64) string {
	return "incident de sécurité n°\u00a0" + strconv.FormatInt(id, 10) + " en cours d’analyse par l’académie."
}

// incidentReasonBefore is the reason the incident's suspensions had
// before (« Incident de sécurité n°\u00a01\u00a0: la messagerie est
// suspendue le temps de l’analyse. », which the banner read after
// « Messagerie suspendue\u00a0: »): those still in force are found too.
func incidentReasonBefore(id int64) string {
	return "Incident de sécurité n°\u00a0" + strconv.FormatInt(id, 10) + "\u00a0: la messagerie est suspendue le temps de l’analyse."
}

// incidentSuspendRoles are the roles an incident's suspension stops: not
// the direction and the vie scolaire, who must go on informing the
// families while the académie investigates (their accounts, if taken
// over, are locked one by one from their pages).
var incidentSuspendRoles = []string{string(bouclier.RoleStudent), string(bouclier.RoleParent), string(bouclier.RoleTeacher)}

// incidentSuspensions finds, among the suspensions in force, the
// incident's in the establishments mine: the ids of those the user may
// lift, the establishments suspended, and since when.
func (h *handler) incidentSuspensions(ctx context.Context, actor bouclier.Actor, in campaign.Incident, mine []string) (ids []string, done map[string]bool, since int64, err error) {
	done = map[string]bool{}
	if h.d.Rules == nil {
		return nil, done, 0, nil
	}
	list, err := h.d.Rules.Suspensions(ctx, actor)
	if err != nil {
		return nil, nil, 0, err
	}
	set := map[string]bool{}
	for _, uai := range mine {
		set[uai] = true
	}
	reason := incidentSuspendReason(in.ID)
	for _, x := range list {
		uai, ok := strings.CutPrefix(x.Scope, "establishment:")
		if !ok || !set[uai] || (x.Reason != reason && x.Reason != incidentReasonBefore(in.ID)) {
			continue
		}
		done[uai] = true
		if h.mayLift(ctx, actor.User, x) {
			ids = append(ids, x.ID)
		}
		if since == 0 || x.CreatedAt < since {
			since = x.CreatedAt
		}
	}
	return ids, done, since, nil
}

func pageParam(q url.Values, key string) int {
	n, err := strconv.Atoi(q.Get(key))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

func pageLink(base string, q url.Values, key string, n int) string {
	v := url.Values{}
	for k, vs := range q {
		if k != key && k != "ok" {
			v[k] = vs
		}
	}
	v.Set(key, strconv.Itoa(n))
	return base + "?" + v.Encode()
}

// paginate returns the pager of page (clamped) and its bounds in the list.
func paginate(total, size, page int, link func(int) string) (pager, int, int) {
	pages := (total + size - 1) / size
	if pages < 1 {
		pages = 1
	}
	page = min(max(page, 1), pages)
	lo, hi := (page-1)*size, min(page*size, total)
	p := pager{Page: page, Pages: pages, Total: total, First: lo + 1, Last: hi}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	return p, lo, hi
}

// excerpt shortens a text for the summary, on a word.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= excerptRunes {
		return s
	}
	r := []rune(s)[:excerptRunes]
	if i := strings.LastIndex(string(r), " "); i > excerptRunes/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// Chart geometry, in the SVG's own units (viewBox 0 0 720 230): room on
// the left for the counts, below for the times and the axis' title.
const (
	icW, icLeft, icRight, icTop, icBottom = 720.0, 92.0, 12.0, 20.0, 176.0
	maxBars                               = 48
)

// buildChart buckets the messages' times into at most maxBars bars of a
// round width (5 min to a day), on a y axis from 0 to a round maximum.
func buildChart(times []int64, loc *time.Location) incidentChart {
	var c incidentChart
	if len(times) == 0 {
		return c
	}
	first, last := time.UnixMicro(times[0]).In(loc), time.UnixMicro(times[len(times)-1]).In(loc)
	widths := []struct {
		d    time.Duration
		step string
	}{{5 * time.Minute, "par tranche de 5\u00a0minutes"}, {15 * time.Minute, "par quart d’heure"}, {time.Hour, "par heure"},
		{6 * time.Hour, "par tranche de 6\u00a0heures"}, {24 * time.Hour, "par jour"}}
	w := widths[len(widths)-1]
	for _, x := range widths {
		if last.Sub(first.Add(-x.d)) < time.Duration(maxBars)*x.d {
			w = x
			break
		}
	}
	daily := w.d == 24*time.Hour
	// Bars start on the reader's round times (Truncate would round on UTC:
	// 6-hour bars from 7 h in Paris).
	midnight := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	start := midnight.Add(first.Sub(midnight) / w.d * w.d)
	n := int(last.Sub(start)/w.d) + 1
	n = min(n, maxBars)
	counts := make([]int, n)
	for _, t := range times {
		i := min(int(time.UnixMicro(t).Sub(start)/w.d), n-1)
		counts[i]++
	}
	peakAt := 0
	for i, k := range counts {
		if k > c.Peak {
			c.Peak, peakAt = k, i
		}
	}
	c.Total, c.Step, c.Max = len(times), w.step, niceMax(c.Peak)
	c.XTitle = "Heure de début"
	if daily {
		c.XTitle = "Jour"
	}
	at := func(t time.Time) string {
		if daily {
			return frdate.Date(t)
		}
		return frdate.Clock(t)
	}
	plotH := icBottom - icTop
	for i := 0; i <= 4; i++ {
		v := c.Max * i / 4
		c.Ticks = append(c.Ticks, tick{X: icLeft - 8, Y: icBottom - plotH*float64(v)/float64(c.Max), Label: frnum.Thousands(v)})
	}
	bw := (icW - icLeft - icRight) / float64(n)
	for i, k := range counts {
		from := start.Add(time.Duration(i) * w.d)
		label := frenchDate(from)
		h := plotH * float64(k) / float64(c.Max)
		x := icLeft + float64(i)*bw
		c.Bars = append(c.Bars, chartBar{X: x + bw*0.1, Y: icBottom - h, W: bw * 0.8, H: h,
			Title: label + "\u00a0: " + frnum.Count(k, "message", "messages")})
		c.Rows = append(c.Rows, chartRow{From: label, Count: k})
		if i == 0 || i == n-1 || (n > 6 && i == n/2) {
			l := chartLabel{X: x + bw/2, Label: at(from), Anchor: "middle"}
			switch {
			case n == 1:
			case i == 0:
				l.X, l.Anchor = x, "start"
			case i == n-1:
				l.X, l.Anchor = x+bw, "end"
			}
			c.Labels = append(c.Labels, l)
		}
	}
	end, peak := start.Add(time.Duration(n)*w.d), start.Add(time.Duration(peakAt)*w.d)
	// One day is named once: « le 3 décembre 2026, de 13 h 10 à 16 h 00 ».
	span, from := "du "+frenchDate(start)+" au "+frenchDate(end), "du "+frenchDate(peak)
	if last := end.Add(-time.Microsecond); !daily && last.YearDay() == start.YearDay() && last.Year() == start.Year() {
		span, from = "le "+frdate.Date(start)+", de "+frdate.Clock(start)+" à "+frdate.Clock(end), "de "+frdate.Clock(peak)
	}
	c.Desc = fmt.Sprintf("%s en %s, %s, %s. Le plus haut\u00a0: %s à partir %s. Axe vertical gradué de 0 à %s\u00a0messages.",
		frnum.Count(c.Total, "message", "messages"), frnum.Count(n, "barre", "barres"), w.step, span,
		frnum.Count(c.Peak, "message", "messages"), from, frnum.Thousands(c.Max))
	return c
}

// incidentRecall recalls every message of an incident (Moderation.Recall
// for each), after a confirmation.
func (h *handler) incidentRecall(w http.ResponseWriter, r *http.Request, s auth.Session) {
	in, ok := h.incidentFor(w, r, s)
	if !ok {
		return
	}
	id := strconv.FormatInt(in.ID, 10)
	d := confirmData{Button: "Rappeler les " + frnum.Count(len(in.MessageIDs), "message", "messages"), Danger: true, Cancel: "/admin/incidents/" + id}
	d.Summary = []string{
		frnum.Count(len(in.MessageIDs), "message de l’incident sera rappelé", "messages de l’incident seront rappelés") + "\u00a0: ils disparaissent de toutes les boîtes, dans " +
			frnum.Count(len(in.Establishments), "établissement", "établissements") + ".",
		"Les destinataires voient qu’un message a été retiré par l’administration, sans son contenu.",
	}
	if !h.confirmed(w, r, s, "Confirmer le rappel des messages de l’incident n°\u00a0"+id, d) {
		return
	}
	for _, m := range in.MessageIDs {
		err := h.d.Moderation.Recall(r.Context(), modActor(r, s), m)
		if err != nil && bouclier.ErrorCode(err) != bouclier.ErrConflict {
			h.fail(w, r, &s, err)
			return
		}
	}
	back(w, r, "/admin/incidents/"+id, "incidentrappel")
}

// incidentSuspend suspends sending in every establishment of an incident
// (Rules.Suspend for each), after a confirmation.
func (h *handler) incidentSuspend(w http.ResponseWriter, r *http.Request, s auth.Session) {
	in, ok := h.incidentFor(w, r, s)
	if !ok {
		return
	}
	id := strconv.FormatInt(in.ID, 10)
	reason := incidentSuspendReason(in.ID)
	// Only the user's establishments not suspended yet: a head suspends
	// their own, an officer does not suspend twice.
	mine, err := h.incidentScope(r.Context(), s.User, in)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	_, done, _, err := h.incidentSuspensions(r.Context(), rulesActor(r, s), in, mine)
	if err != nil {
		h.fail(w, r, &s, err)
		return
	}
	var todo []string
	for _, uai := range mine {
		if !done[uai] {
			todo = append(todo, uai)
		}
	}
	if len(todo) == 0 {
		back(w, r, "/admin/incidents/"+id, "incidentdejasuspendu")
		return
	}
	n := frnum.Count(len(todo), "établissement", "établissements")
	d := confirmData{Button: "Suspendre l’envoi dans " + n, Danger: true, Cancel: "/admin/incidents/" + id}
	where := "dans les " + n + " de l’incident"
	if len(todo) == 1 {
		where = "dans " + h.where(r.Context(), "establishment:"+todo[0])
	} else if len(todo) < len(in.Establishments) {
		where = "dans " + n + " de l’incident sur " + frnum.Thousands(len(in.Establishments))
	}
	d.Summary = []string{
		"L’envoi de messages sera suspendu pour " + rolesPhrase(incidentSuspendRoles) + " " + where + ", jusqu’à sa levée.",
		"La direction et la vie scolaire pourront toujours écrire, pour informer les familles. La réception reste ouverte.",
		"Motif affiché aux personnes concernées\u00a0: " + reason,
	}
	if !h.confirmed(w, r, s, "Confirmer la suspension des établissements de l’incident n°\u00a0"+id, d) {
		return
	}
	for _, uai := range todo {
		if _, err := h.d.Rules.Suspend(r.Context(), rulesActor(r, s), rules.SuspensionInput{Scope: "establishment:" + uai, Roles: incidentSuspendRoles, Reason: reason}); err != nil {
			h.fail(w, r, &s, err)
			return
		}
	}
	back(w, r, "/admin/incidents/"+id, "incidentsuspendu")
}

// incidentFor loads the incident of the path with the user's rights.
func (h *handler) incidentFor(w http.ResponseWriter, r *http.Request, s auth.Session) (campaign.Incident, bool) {
	if h.d.Campaign == nil {
		h.fail(w, r, &s, noIncidents())
		return campaign.Incident{}, false
	}
	id, err := pathID(r)
	var in campaign.Incident
	if err == nil {
		in, err = h.d.Campaign.Incident(r.Context(), actorOf(r, s), id)
	}
	if err == nil && in.Status != "open" {
		err = bouclier.Errorf(bouclier.ErrConflict, "Cet incident est clos.")
	}
	if err != nil {
		h.fail(w, r, &s, err)
		return in, false
	}
	return in, true
}

// accountRow is an incident's account as a person, its login aside.
type accountRow struct {
	Username string
	Label    string // the directory's label; the login when unknown
	State    string // « lecture seule », « fermé »: what containment did
	UAI      string
	Place    string // the establishment's name, when not the reader's own
}

// accountRows labels a page of accounts as the directory does elsewhere
// (« Mme Marie Dupont, responsable de Léa Dupont (4A) »), reading them in
// one query (labelUsers, as the account search does). A label is a
// courtesy: an account not found, or the store failing, shows its login.
func (h *handler) accountRows(ctx context.Context, usernames []string) []accountRow {
	rows := make([]accountRow, len(usernames))
	for i, n := range usernames {
		rows[i] = accountRow{Username: n, Label: n}
	}
	if h.d.DB == nil || len(usernames) == 0 {
		return rows
	}
	found, err := h.d.DB.UsersNamed(ctx, usernames)
	if err != nil {
		h.d.Log.Warn("incident: read accounts", "err", err)
		return rows
	}
	users := make([]bouclier.User, 0, len(found))
	for _, n := range usernames {
		if u, ok := found[n]; ok {
			users = append(users, u)
		}
	}
	labels := h.labelUsers(ctx, users, "incident accounts")
	for i := range rows {
		u, ok := found[rows[i].Username]
		if !ok {
			continue
		}
		rows[i].Label, rows[i].UAI = labels[u.ID], u.UAI
		switch {
		case u.Disabled:
			rows[i].State = "fermé"
		case u.ReadOnly:
			rows[i].State = "lecture seule"
		}
	}
	return rows
}
