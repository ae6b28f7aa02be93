package drill

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/screen"
)

// TestBillPDF: every copy of the PDF bill differs in its bytes and its
// link's registered domain, and the screen reads the link out of each.
func TestBillPDF(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	e := screen.New(screen.DefaultConfig())
	var prev []byte
	domains := map[string]bool{}
	for k := 0; k < 3; k++ {
		b := billPDF(r)
		if bytes.Equal(b, prev) {
			t.Fatalf("copy %d identical to the one before", k)
		}
		prev = b
		res := e.Check(screen.Input{Subject: "Document", Text: "Ci-joint.", Attachments: []screen.Attachment{{Name: "facture.pdf", ContentType: "application/pdf", Data: b}}})
		var found string
		for _, l := range res.Links {
			if strings.Contains(l, "regie-") {
				found = l
			}
		}
		if found == "" {
			t.Fatalf("copy %d: the screen found no link in the PDF (links %q, reasons %q)", k, res.Links, res.Reasons)
		}
		domains[found[:strings.Index(found, ".fr")]] = true
	}
	if len(domains) != 3 {
		t.Errorf("%d link domains for 3 copies, want one each", len(domains))
	}
}

// TestWithTicks: a sweep every tickEvery for denseFor after each event
// and each scheduled delivery, one at each delivery off the grid, one
// every sparseEvery in a quiet night; nothing else changes.
func TestWithTicks(t *testing.T) {
	night := -10 * time.Hour
	sendAt := start.Add(2*time.Minute + 300*time.Millisecond) // off the grid
	in := []sEvent{{at: night, kind: "attack"}, {at: night + 2*time.Second, kind: "attack", sendAt: sendAt},
		{at: 0, kind: "ordinary"}, {at: 10 * time.Minute, kind: "ordinary"}}
	evs := withTicks(in)
	ticks := map[time.Duration]bool{}
	for i, e := range evs {
		if i > 0 && e.at < evs[i-1].at {
			t.Fatalf("out of order at %d: %v after %v", i, e.at, evs[i-1].at)
		}
		if e.kind == "tick" {
			ticks[e.at] = true
		}
	}
	if len(evs) != len(ticks)+len(in) {
		t.Errorf("%d events for %d ticks and %d events", len(evs), len(ticks), len(in))
	}
	for _, c := range []struct {
		at   time.Duration
		tick bool
	}{
		{night + 10*time.Second, true},            // just after the night's sends
		{night + denseFor - tickEvery, true},      // their probation may still end
		{night + denseFor + 3*tickEvery, false},   // the quiet night
		{night + denseFor + 3*sparseEvery, false}, // off the sparse grid
		{-5 * time.Hour, true},                    // on it
		{-time.Minute, false},
		{sendAt.Sub(start), true}, // the scheduled delivery
		{5 * time.Minute, true},   // after the morning's first send
		{10*time.Minute - tickEvery, true},
	} {
		if ticks[c.at] != c.tick {
			t.Errorf("tick at %v: %v, want %v", c.at, ticks[c.at], c.tick)
		}
	}
	// The night costs a few hundred sweeps, not one every tickEvery.
	if n := len(ticks); n > 600 {
		t.Errorf("%d ticks over the night", n)
	}
}
