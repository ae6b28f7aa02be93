package web_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// BenchmarkInboxEmptyVsFull serves the inbox page of a parent with 20,000
// messages and of one with none, in interleaved rounds of the same run (so
// that the machine's load weighs on both alike), and reports the ratio of
// their times per round: min, median and max. The aim is a full inbox
// within 2× an empty one. It also times the full page read just after a
// change of the mailbox, which the store does not keep, against the
// empty page read just after the same change (changed-ratio).
//
//	go test -run '^$' -bench InboxEmptyVsFull -benchtime 20x ./internal/web/
func BenchmarkInboxEmptyVsFull(b *testing.B) {
	e, srv := env(b)
	ctx := context.Background()
	prof, err := e.App.DB.UserByName(ctx, "prof.martin")
	if err != nil {
		b.Fatal(err)
	}
	parent, err := e.App.DB.UserByName(ctx, "parent.dupont")
	if err != nil {
		b.Fatal(err)
	}
	const n = 20000
	start := store.Micros(e.Clock.Now().Add(-n * time.Minute))
	for i := 0; i < n; i += 1000 {
		err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			for j := i; j < i+1000; j++ {
				if _, err := tx.InsertMessage(ctx, &bouclier.Message{SenderID: prof.ID, Subject: fmt.Sprintf("Devoirs n° %d", j),
					Body: fmt.Sprintf("Les devoirs de la semaine %d sont en ligne.", j), To: []string{"user:parent.dupont"},
					Status: bouclier.StatusDelivered, SentAt: start + int64(j)*60e6, UAI: "0780001A", Academie: "versailles"},
					[]int64{parent.ID}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	full, empty := newBrowser(b, srv), newBrowser(b, srv)
	full.login("parent.dupont", "")
	empty.login("parent.durand", "")
	if p := full.get("/inbox"); p.Status != http.StatusOK || strings.Count(p.Body, `href="/messages/`) != 50 || !strings.Contains(p.Body, "20\u202f000 non lus") {
		b.Fatalf("full inbox: %d, %d links\n%s", p.Status, strings.Count(p.Body, `href="/messages/`), p.Body)
	}
	if p := empty.get("/inbox"); p.Status != http.StatusOK || strings.Contains(p.Body, `href="/messages/`) {
		b.Fatalf("empty inbox: %d\n%s", p.Status, p.Body)
	}
	const round = 10 // requests of each kind per round
	// Each round is timed on the wall clock and in the process's CPU time
	// (client and server): the other processes of a shared machine
	// stretch the first much more than the second.
	timed := func(br *browser) (time.Duration, time.Duration) {
		t0, c0 := time.Now(), cpuTime()
		for range round {
			if p := br.get("/inbox"); p.Status != http.StatusOK {
				b.Fatalf("inbox: %d", p.Status)
			}
		}
		return time.Since(t0), cpuTime() - c0
	}
	// A page read after a change of the mailbox is not one a process
	// kept (store/pagecache.go): before each of these requests, untimed,
	// the full mailbox's oldest message goes to the trash or comes back.
	// The empty page is timed the same way, since any write also empties
	// SQLite's page caches of the readers.
	oldest, err := e.App.DB.SearchFolder(ctx, parent.ID, store.FolderInbox, store.FolderFilter{Summary: true}, 0, 1, 1)
	if err != nil || len(oldest) != 1 {
		b.Fatalf("oldest message: %v %v", oldest, err)
	}
	trashed := false
	timedChanged := func(br *browser) time.Duration {
		var d time.Duration
		for range round {
			trashed = !trashed
			if ok, err := e.App.DB.SetTrashed(ctx, parent.ID, oldest[0].ID, trashed); err != nil || !ok {
				b.Fatalf("trash: %v %v", ok, err)
			}
			t0 := time.Now()
			if p := br.get("/inbox"); p.Status != http.StatusOK {
				b.Fatalf("inbox: %d", p.Status)
			}
			d += time.Since(t0)
		}
		return d
	}
	var ratios, cpuRatios, changedRatios []float64
	var sumEmpty, sumFull, sumChanged time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		var de, df, ce, cf time.Duration
		if i%2 == 0 { // alternate which goes first
			de, ce = timed(empty)
			df, cf = timed(full)
		} else {
			df, cf = timed(full)
			de, ce = timed(empty)
		}
		dce, dcf := timedChanged(empty), timedChanged(full)
		sumEmpty, sumFull, sumChanged = sumEmpty+de, sumFull+df, sumChanged+dcf
		ratios = append(ratios, float64(df)/float64(de))
		changedRatios = append(changedRatios, float64(dcf)/float64(dce))
		if ce > 0 {
			cpuRatios = append(cpuRatios, float64(cf)/float64(ce))
		}
	}
	b.StopTimer()
	slices.Sort(ratios)
	slices.Sort(cpuRatios)
	slices.Sort(changedRatios)
	if n := len(cpuRatios); n > 0 {
		b.ReportMetric(cpuRatios[0], "cpu-ratio-min")
		b.ReportMetric(cpuRatios[n/2], "cpu-ratio-median")
		b.ReportMetric(cpuRatios[n-1], "cpu-ratio-max")
	}
	reqs := float64(len(ratios) * round)
	b.ReportMetric(float64(sumEmpty.Microseconds())/reqs, "µs/empty")
	b.ReportMetric(float64(sumFull.Microseconds())/reqs, "µs/full")
	b.ReportMetric(float64(sumChanged.Microseconds())/reqs, "µs/full-changed")
	b.ReportMetric(changedRatios[len(changedRatios)/2], "changed-ratio-median")
	b.ReportMetric(float64(sumFull)/float64(sumEmpty), "ratio-total")
	b.ReportMetric(ratios[0], "ratio-min")
	b.ReportMetric(ratios[len(ratios)/2], "ratio-median")
	b.ReportMetric(ratios[len(ratios)-1], "ratio-max")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
