package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserIncidentAtDrillSize: the académie officer opens a drill-sized
// incident (400 establishments, 2,000 held messages): the page stays
// small, shows its chart, and passes axe at 1280 and 390 px, as does the
// confirmation of its recall.
func TestBrowserIncidentAtDrillSize(t *testing.T) {
	atSize(t)
	e := startE2E(t)
	id := seedDrill(t, e.app.DB, time.Now())
	ctx := e.tab(t)
	e.login(ctx, "rssi.versailles", false)
	e.do(ctx, chromedp.Navigate(fmt.Sprintf("%s/admin/incidents/%d", e.url, id)), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
	size, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.outerHTML.length`))
	if err != nil {
		t.Fatal(err)
	}
	height, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollHeight`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("incident page: %d characters, %d px high at 1280 px", size, height)
	if size > 120<<10 || height > 6000 {
		t.Errorf("incident page too big: %d characters, %d px", size, height)
	}
	e.chartTextInside(ctx)
	e.shoot(ctx, "incident-drill")
	// On a phone the officer reaches the actions within the first two
	// screens, and the page is the summary, its long lists folded under
	// their counts (it was 5,357 px high with them open).
	e.do(ctx, chromedp.EmulateViewport(390, 844))
	geti := func(js string) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	e.settle(ctx) // the menu folded, as a phone shows it
	actionsAt := geti(`Math.round(document.querySelector("#actions-incident").getBoundingClientRect().top + scrollY)`)
	closeAt := geti(`Math.round(document.querySelector(".close-incident").getBoundingClientRect().top + scrollY)`)
	phoneHeight := geti(`document.documentElement.scrollHeight`)
	// Paging the establishments opens their list where it was.
	e.do(ctx, chromedp.Navigate(fmt.Sprintf("%s/admin/incidents/%d?etablissements=2#etablissements", e.url, id)), chromedp.WaitVisible(chromedp.CSS("table.places")))
	rows := geti(`document.querySelectorAll("table.places tbody tr").length`)
	e.do(ctx, chromedp.EmulateViewport(1280, 900))
	t.Logf("incident page at 390 px: %d px high, actions at %d px, closing at %d px; a page of %d establishments", phoneHeight, actionsAt, closeAt, rows)
	if actionsAt > 1000 || closeAt > 1700 || phoneHeight > 3500 || rows != 10 {
		t.Errorf("incident page at 390 px: %d px high, actions at %d px, closing at %d px, %d establishments", phoneHeight, actionsAt, closeAt, rows)
	}
	e.shoot(ctx, "incident-drill-places")
	// The list of incidents stacks on a phone rather than cut its columns.
	e.do(ctx, chromedp.Navigate(e.url+"/admin/incidents"), chromedp.WaitVisible(chromedp.CSS(".table-wrap")), chromedp.EmulateViewport(390, 844))
	over, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(w => w.scrollWidth > w.clientWidth)(document.querySelector(".table-wrap"))`))
	e.do(ctx, chromedp.EmulateViewport(1280, 900))
	if err != nil || over {
		t.Errorf("the list of incidents scrolls sideways at 390 px (%v)", err)
	}
	e.shoot(ctx, "incidents-drill")
	e.axe(ctx, "the list of incidents")
	e.do(ctx, chromedp.Navigate(fmt.Sprintf("%s/admin/incidents/%d", e.url, id)), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
	e.axe(ctx, "incident at drill size")
	e.submit(ctx, `form[action$="/recall"] button`)
	e.do(ctx, chromedp.WaitVisible(chromedp.CSS(`.confirm button[type="submit"]`)))
	e.shoot(ctx, "incident-recall-confirm")
	e.axe(ctx, "incident recall confirmation")
	// Handled from the summary: the recall confirmed, the officer is back
	// on the incident with what was done.
	e.submit(ctx, `.confirm button[type="submit"]`)
	if got := text(t, ctx, ".flash"); !strings.Contains(got, "ont été rappelés") {
		t.Fatalf("after confirming the recall: %q", got)
	}
}

// chartTextInside checks that no label of the page's charts is cut by the
// chart's edge or drawn in type under about 10 px, at 1280 and 390 px (the type is
// larger on a phone).
func (e *e2e) chartTextInside(ctx context.Context) {
	e.t.Helper()
	for _, w := range []int64{1280, 390} {
		e.do(ctx, chromedp.EmulateViewport(w, 860))
		out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("svg.chart")].flatMap(svg => {
			const s = svg.getBoundingClientRect();
			return [...svg.querySelectorAll("text")].filter(t => { const b = t.getBoundingClientRect();
				const small = t.getBBox().height * s.width / svg.viewBox.baseVal.width < 12; // shrunk past legibility (a line box of 12 px: type of about 10 px)
				return b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5 || small; })
				.map(t => t.textContent); })`))
		if err != nil {
			e.t.Fatal(err)
		}
		if len(out) > 0 {
			e.t.Errorf("chart labels cut or too small at %d px: %q", w, out)
		}
	}
	e.do(ctx, chromedp.EmulateViewport(1280, 900))
}
